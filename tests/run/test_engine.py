"""The Dask engine: the parse runs on a dask.distributed LocalCluster and the tables equal the local engine's."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers.core import engine
from helpers.text.stage import run_parse


def test_unknown_engine_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("WARCLAIMS_ENGINE", "spark")
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        engine.current()


@pytest.mark.slow
def test_dask_engine_gives_the_local_tables(seed_articles, monkeypatch):
    pytest.importorskip("dask.distributed")
    local = run_parse(seed_articles, keep_docs=False, cache=False).tables
    monkeypatch.setenv("WARCLAIMS_ENGINE", "dask")
    monkeypatch.setenv("WARCLAIMS_WORKERS", "2")
    monkeypatch.delenv("WARCLAIMS_SCHEDULER", raising=False)
    engine.client.cache_clear()
    try:
        assert list(engine.map_ordered(lambda b: [x * 2 for x in b], ([i] for i in range(5)))) == [[0], [2], [4], [6], [8]]
        distributed = run_parse(seed_articles, batch_size=1, keep_docs=False, cache=False).tables
        assert len(engine.client().scheduler_info()["workers"]) == 2
    finally:
        c = engine.client()
        c.close()
        c.cluster.close()
        engine.client.cache_clear()
    for name in local:
        pd.testing.assert_frame_equal(distributed[name], local[name])
