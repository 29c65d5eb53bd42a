"""The Dask engine: the parse runs on a dask.distributed LocalCluster and the tables equal the local engine's."""
from __future__ import annotations

import tempfile

import pandas as pd
import pytest

from helpers.core import engine
from helpers.text import doccache
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


# --- the per-article stages (03 attribution/claims, 04 places, 06 dates/events) on every engine -------------------

def _square_or_fail(x: int) -> int:
    if x % 5 == 3:
        raise ValueError(f"bad item {x}")
    return x * x


def _dask_client(monkeypatch):
    monkeypatch.setenv("WARCLAIMS_ENGINE", "dask")
    monkeypatch.setenv("WARCLAIMS_WORKERS", "2")
    monkeypatch.setenv("WARCLAIMS_DASK_PROCESSES", "0")  # worker threads in this process: a fast test
    monkeypatch.delenv("WARCLAIMS_SCHEDULER", raising=False)
    engine.client.cache_clear()


def _close_client():
    c = engine.client()
    c.close()
    c.cluster.close()
    engine.client.cache_clear()


def test_per_article_results_and_errors_are_the_same_on_every_engine(monkeypatch):
    from helpers.core.stage import per_article

    def run():
        return per_article(range(23), str, _square_or_fail, "test", parallel=True)

    monkeypatch.setattr(engine, "BATCH", 2)
    monkeypatch.setenv("WARCLAIMS_WORKERS", "1")
    serial = run()
    assert serial[0][:3] == [("0", 0), ("1", 1), ("2", 4)] and len(serial[0]) == 19
    assert serial[1][0] == ("3", "ValueError: bad item 3") and len(serial[1]) == 4
    monkeypatch.setenv("WARCLAIMS_WORKERS", "2")
    assert run() == serial  # forked worker processes
    _dask_client(monkeypatch)
    try:
        assert run() == serial
    finally:
        _close_client()


def _parsed(articles):
    from helpers.text import doccache
    from helpers.text.stage import run_parse

    parsed = run_parse(articles, cache=False)
    return parsed, list(parsed.extra["docbin"].get_docs(doccache.load_model().vocab))


def _per_article_tables(articles, parsed, docs) -> dict[str, pd.DataFrame]:
    from helpers import places, time as time_stage
    from helpers.text.stage import run_attribution

    out = dict(run_attribution(docs, parsed["sentences"], parsed["entities"]).tables)
    out.update(places.run(docs, sentences=parsed["sentences"], articles=articles).tables)
    out.update(time_stage.run(docs, articles, parsed["sentences"], parsed["entities"], out["places"]).tables)
    return out


def _same_tables_on_every_engine(articles, monkeypatch):
    monkeypatch.setenv("WARCLAIMS_PARSE_CACHE", "off")  # every article computed, none read from the cache
    monkeypatch.setenv("WARCLAIMS_ENGINE", "local")
    monkeypatch.setenv("WARCLAIMS_WORKERS", "1")
    parsed, docs = _parsed(articles)
    local = _per_article_tables(articles, parsed, docs)
    assert len(local["claims"]) and len(local["places"]) and len(local["dates"])
    monkeypatch.setattr(engine, "BATCH", 2)  # several batches even on a few articles
    monkeypatch.setenv("WARCLAIMS_WORKERS", "2")
    forked = _per_article_tables(articles, parsed, docs)
    # three workers, lazy docs built in the forked workers that compute them
    monkeypatch.setenv("WARCLAIMS_WORKERS", "3")
    with tempfile.TemporaryDirectory() as folder:
        doccache.save_docs(parsed.extra["docbin"], folder)
        lazy = _per_article_tables(articles, parsed, list(doccache.lazy_docs(folder)))
    monkeypatch.setenv("WARCLAIMS_WORKERS", "2")
    _dask_client(monkeypatch)
    try:
        distributed = _per_article_tables(articles, parsed, docs)
    finally:
        _close_client()
    for name in local:
        pd.testing.assert_frame_equal(forked[name], local[name])
        pd.testing.assert_frame_equal(distributed[name], local[name])
        pd.testing.assert_frame_equal(lazy[name], local[name])


@pytest.mark.slow
def test_per_article_stages_give_the_same_tables_on_every_engine_seeds(seed_articles, monkeypatch):
    pytest.importorskip("dask.distributed")
    _same_tables_on_every_engine(seed_articles, monkeypatch)


@pytest.mark.slow
def test_per_article_stages_give_the_same_tables_on_every_engine_war_news(shared_dir, monkeypatch):
    """50 articles of the shared war-news corpus (every sixth article)."""
    pytest.importorskip("dask.distributed")
    from helpers.parse import run as parse_run

    folder = shared_dir / "corpora" / "ukraine-war-news"
    if not folder.is_dir():
        pytest.skip("ukraine-war-news corpus absent")
    articles = parse_run(folder)["articles"].iloc[::6].head(50).reset_index(drop=True)
    assert len(articles) == 50
    _same_tables_on_every_engine(articles, monkeypatch)


def test_per_article_stages_use_every_core_by_default(monkeypatch):
    monkeypatch.delenv("WARCLAIMS_WORKERS", raising=False)
    monkeypatch.setattr(engine.os, "cpu_count", lambda: 6)
    assert engine.article_workers() == engine.workers() == 6
    monkeypatch.setenv("WARCLAIMS_WORKERS", "1")  # --workers 1: in the kernel
    assert engine.article_workers() == 1
