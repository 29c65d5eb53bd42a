"""Notebook 02 on forked workers that parse and extract rows themselves (``text.stage.parse_in_workers``) gives the
tables, the DocBin and the per-article failures of the parse in one process."""
from __future__ import annotations

import pandas as pd

from helpers.text import doccache, stage


def test_worker_rows_and_docbin_equal_the_in_process_ones(seed_articles, monkeypatch, tmp_path):
    monkeypatch.setenv(doccache.CACHE_ENV, str(tmp_path / "cache"))
    one = stage.run_parse(seed_articles, batch_size=1, workers=1, cache=False)
    two = stage.run_parse(seed_articles, batch_size=1, workers=2, cache=True)  # every article parsed by a worker
    for name in one.tables:
        pd.testing.assert_frame_equal(two[name], one[name])
    assert two.extra["docbin"].to_bytes() == one.extra["docbin"].to_bytes()
    assert len(list((tmp_path / "cache").rglob("*.doc"))) == len(seed_articles)  # the workers filled the cache
    warm = stage.run_parse(seed_articles, batch_size=1, workers=2, cache=True)  # no worker work: all cached
    assert warm.extra["docbin"].to_bytes() == one.extra["docbin"].to_bytes()


def test_an_article_failing_in_a_worker_is_reported_and_the_others_kept(seed_articles, monkeypatch):
    monkeypatch.setenv(doccache.CACHE_ENV, "off")
    bad = str(seed_articles["article_id"].iloc[1])
    rows = stage.parse_rows

    def failing(doc, article_id):
        if article_id == bad:
            raise ValueError("constructed failure")
        return rows(doc, article_id)

    monkeypatch.setattr(stage, "parse_rows", failing)  # inherited by the forked workers
    results = {n: stage.run_parse(seed_articles, batch_size=1, workers=n, cache=False) for n in (1, 2)}
    for result in results.values():
        assert result.errors == [(bad, "ValueError: constructed failure")]
        assert bad not in set(result["sentences"]["article_id"])
        assert result["sentences"]["article_id"].nunique() == len(seed_articles) - 1
    pd.testing.assert_frame_equal(results[2]["entities"], results[1]["entities"])


def test_cache_hits_between_worker_parses_keep_the_input_order(seed_articles, monkeypatch, tmp_path):
    monkeypatch.setenv(doccache.CACHE_ENV, str(tmp_path / "cache"))
    plain = stage.run_parse(seed_articles, batch_size=1, workers=1, cache=False)
    stage.run_parse(seed_articles.iloc[[1]], batch_size=1, workers=1, cache=True)  # only the middle one cached
    mixed = stage.run_parse(seed_articles, batch_size=1, workers=2, cache=True)  # first and last parsed by workers
    for name in plain.tables:
        pd.testing.assert_frame_equal(mixed[name], plain[name])
    assert mixed.extra["docbin"].to_bytes() == plain.extra["docbin"].to_bytes()
