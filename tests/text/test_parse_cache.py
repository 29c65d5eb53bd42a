"""The per-article parse cache and the multi-process parse give exactly the docs of a plain parse."""
from __future__ import annotations

import pandas as pd

from helpers.text import doccache
from helpers.text.stage import run_parse


def _tables(articles, **kw):
    return run_parse(articles, batch_size=1, keep_docs=False, **kw).tables


def test_cached_and_parallel_parses_equal_a_plain_parse(seed_articles, monkeypatch, tmp_path):
    monkeypatch.setenv(doccache.CACHE_ENV, str(tmp_path / "cache"))
    plain = _tables(seed_articles, workers=1, cache=False)
    assert not (tmp_path / "cache").exists()
    cold = _tables(seed_articles, workers=2, cache=True)  # two processes, cache filled
    files = sorted((tmp_path / "cache").rglob("*.doc"))
    assert len(files) == len(seed_articles)
    warm = _tables(seed_articles, workers=1, cache=True)  # every doc from the cache
    for name in plain:
        pd.testing.assert_frame_equal(cold[name], plain[name])
        pd.testing.assert_frame_equal(warm[name], plain[name])
    files[0].write_bytes(b"damaged")  # a broken entry is parsed again, not trusted
    again = _tables(seed_articles, workers=1, cache=True)
    pd.testing.assert_frame_equal(again["entities"], plain["entities"])


def test_cache_off_and_version_key(monkeypatch, nlp, tmp_path):
    monkeypatch.setenv(doccache.CACHE_ENV, "off")
    assert doccache.parse_cache_dir(nlp) is None
    monkeypatch.setenv(doccache.CACHE_ENV, str(tmp_path))
    d = doccache.parse_cache_dir(nlp)
    assert d.parent == tmp_path and len(d.name) == 16  # one folder per model + text-stage code version
