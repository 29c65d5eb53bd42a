"""Incremental rebuilds: an unchanged notebook is skipped, a changed input re-runs it, outputs stay identical."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from helpers.run import incremental, pipeline

QUIET = {"log": lambda *a, **k: None, "html": False}
ARTICLE = ("Kyiv, Ukraine — Officials said on Monday that 40 drones were shot down overnight.\n\n"
           "\"We will rebuild,\" the mayor said.\n")


def _statuses(summary):
    return {e["notebook"][:2]: e["status"] for e in summary["notebooks"]}


def _digests(processed: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(processed.iterdir()) if p.suffix in (".parquet", ".spacy")}


def test_fingerprint_changes_with_each_input(tmp_path):
    nb = tmp_path / "01_x.ipynb"
    nb.write_text("{}")
    spec = pipeline.stages.spec("02")
    processed = tmp_path / "p"
    processed.mkdir()
    base = incremental.fingerprint(nb, {"a": 1}, spec, processed, "raw1")
    assert base == incremental.fingerprint(nb, {"a": 1}, spec, processed, "raw1")
    assert base == incremental.fingerprint(nb, {"a": 1}, spec, processed, "raw2")  # 02 does not read raw files
    assert base != incremental.fingerprint(nb, {"a": 2}, spec, processed, "raw1")
    (processed / "articles.parquet").write_bytes(b"x")
    with_table = incremental.fingerprint(nb, {"a": 1}, spec, processed, "raw1")
    assert with_table != base
    nb.write_text('{"cells": []}')
    assert incremental.fingerprint(nb, {"a": 1}, spec, processed, "raw1") != with_table
    first = pipeline.stages.spec("01")
    assert (incremental.fingerprint(nb, {}, first, processed, "raw1")
            != incremental.fingerprint(nb, {}, first, processed, "raw2"))  # 01 reads the raw folder


def test_can_skip_needs_same_fingerprint_and_intact_outputs(tmp_path):
    spec = pipeline.stages.spec("05")
    for name in spec.writes:
        (tmp_path / f"{name}.parquet").write_bytes(name.encode())
    outputs = incremental.table_hashes(spec.writes, tmp_path)
    prev = {"status": "ok", "fingerprint": "f", "outputs": outputs}
    assert incremental.can_skip(prev, "f", spec, tmp_path)
    assert not incremental.can_skip(prev, "g", spec, tmp_path)
    assert not incremental.can_skip({**prev, "status": "failed"}, "f", spec, tmp_path)
    assert not incremental.can_skip(None, "f", spec, tmp_path)
    (tmp_path / "article_pairs.parquet").write_bytes(b"edited by hand")
    assert not incremental.can_skip(prev, "f", spec, tmp_path)


@pytest.mark.slow
def test_rebuild_skips_unchanged_notebooks_and_matches_a_full_run(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(ARTICLE, encoding="utf-8")
    processed, reports = tmp_path / "p", tmp_path / "r"
    first = pipeline.run(raw, processed, reports, only=["01", "02"], **QUIET)
    assert _statuses(first) == {"01": "ok", "02": "ok"}
    again = pipeline.run(raw, processed, reports, only=["01", "02"], **QUIET)
    assert _statuses(again) == {"01": "skipped", "02": "skipped"}
    forced = pipeline.run(raw, processed, reports, only=["01", "02"], force=["01"], **QUIET)
    assert _statuses(forced) == {"01": "ok", "02": "skipped"}  # 01 wrote the same tables: 02's inputs unchanged
    (processed / "sentences.parquet").unlink()
    assert _statuses(pipeline.run(raw, processed, reports, only=["01", "02"], **QUIET)) == {"01": "skipped", "02": "ok"}

    (raw / "b.txt").write_text(ARTICLE.replace("40 drones", "12 missiles"), encoding="utf-8")
    grown = pipeline.run(raw, processed, reports, only=["01", "02"], **QUIET)
    assert _statuses(grown) == {"01": "ok", "02": "ok"}
    fresh = tmp_path / "fresh"
    pipeline.run(raw, fresh, tmp_path / "fresh-r", only=["01", "02"], **QUIET)
    assert _digests(processed) == _digests(fresh)


def test_changes_since_the_last_run(tmp_path):
    import pandas as pd

    from helpers.core import tables
    from helpers.run import changes

    processed, reports = tmp_path / "p", tmp_path / "r"
    processed.mkdir()

    def write_articles(ids):  # only the columns the change report reads
        pd.DataFrame({"article_id": ids, "title": [None] * len(ids),
                      "text": [f"Text of {a} <script>x</script>" for a in ids]}
                     ).to_parquet(tables.table_path("articles", processed))

    write_articles(["a1", "a2"])
    first = changes.write(processed, reports)
    assert first == {"previous_run": False} and "no previous run" in (reports / "changes.html").read_text()
    write_articles(["a2", "a3"])
    second = changes.write(processed, reports)
    assert [a["article_id"] for a in second["articles_added"]] == ["a3"]
    assert [a["article_id"] for a in second["articles_removed"]] == ["a1"]
    page = (reports / "changes.html").read_text()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert changes.write(processed, reports)["articles_added"] == []  # nothing new the third time


def test_the_change_page_names_pairs_and_claims_by_what_a_reader_knows(tmp_path):
    import pandas as pd

    from helpers.core import tables
    from helpers.run import changes

    processed, reports = tmp_path / "p", tmp_path / "r"
    processed.mkdir()
    pd.DataFrame({"article_id": ["a1", "a2"], "title": ["Troops gather", "Troops gather, again"], "text": ["x", "y"]}
                 ).to_parquet(tables.table_path("articles", processed))
    changes.write(processed, reports)
    pd.DataFrame({"article_a": ["a1"], "article_b": ["a2"], "relation": ["rewrite"], "derived": [None]}
                 ).to_parquet(tables.table_path("article_pairs", processed))
    pd.DataFrame({"claim_id": ["c1", "c2"], "article_id": ["a1", "a2"], "value": [8500.0, 3000.0],
                  "unit": ["troop", "troop"], "claimant": ["Jane Roe", "(unattributed)"], "text": ["8,500", "3,000"]}
                 ).to_parquet(tables.table_path("claims", processed))
    pd.DataFrame({"claim_a": ["c1"], "claim_b": ["c2"], "topic": ["troops"], "agreement": ["disagree"]}
                 ).to_parquet(tables.table_path("claim_links", processed))
    out = changes.write(processed, reports)
    pair = out["new_rewrites"][0]
    assert (pair["article_a"], pair["article_b"], pair["copy"], pair["derived"]) == (
        "Troops gather", "Troops gather, again", "undecided", None)
    assert out["disagreements"][0]["claim_a"] == "8,500 troop — Jane Roe"
    assert out["disagreements"][0]["claim_b"] == "3,000 troop — (unattributed)"
    assert out["new_claims"][0]["article"] == "Troops gather"
    page = (reports / "changes.html").read_text()
    assert "<td>Troops gather, again</td>" in page and "<td>undecided</td>" in page and "nan" not in page
    assert "8,500 troop — Jane Roe" in page


def test_changes_reuse_the_last_snapshot_when_the_table_keys_are_the_same(tmp_path, monkeypatch):
    import pandas as pd

    from helpers.core import tables
    from helpers.run import changes

    processed, reports = tmp_path / "p", tmp_path / "r"
    processed.mkdir()
    pd.DataFrame({"article_id": ["a1"], "title": ["One"], "text": ["x"]}).to_parquet(
        tables.table_path("articles", processed))
    changes.write(processed, reports, table_keys={"articles.parquet": "k1"})
    pd.DataFrame({"article_id": ["a1", "a2"], "title": ["One", "Two"], "text": ["x", "y"]}).to_parquet(
        tables.table_path("articles", processed))
    reads = []
    real = changes.snapshot
    monkeypatch.setattr(changes, "snapshot", lambda d: reads.append(d) or real(d))
    same = changes.write(processed, reports, table_keys={"articles.parquet": "k1"})
    assert reads == [] and same["articles_added"] == []  # same keys: the saved snapshot, no table read
    moved = changes.write(processed, reports, table_keys={"articles.parquet": "k2"})
    assert reads == [processed] and [a["article_id"] for a in moved["articles_added"]] == ["a2"]
    assert "table_keys" not in json.loads((reports / "changes.json").read_text())


@pytest.mark.slow
def test_whole_pipeline_after_adding_an_article_and_a_no_op_equal_a_full_run(tmp_path, monkeypatch, seeds_but_one):
    """All eleven notebooks with the per-article, pair, topic and figure caches and the reports made ahead: a
    rebuild after adding a seed article, and a no-op after it, leave every table (and docs.spacy) byte-identical to
    a full run with the caches off into fresh folders, one notebook at a time (``overlap=False``: the figure
    notebooks not in a second kernel); the figures are the same bytes too."""
    import shutil

    raw, first_seed = seeds_but_one
    monkeypatch.setenv("WARCLAIMS_PARSE_CACHE", str(tmp_path / "cache"))
    processed, reports = tmp_path / "p", tmp_path / "r"
    quiet = {"log": lambda *a, **k: None}
    first = pipeline.run(raw, processed, reports, **quiet)
    assert set(_statuses(first).values()) == {"ok"} and first["changes"] == "first run"
    from helpers.core import tables

    ids_before = set(tables.read_table("articles", processed).article_id)
    shutil.copyfile(first_seed, raw / first_seed.name)  # +1 article
    grown = pipeline.run(raw, processed, reports, **quiet)
    assert set(_statuses(grown).values()) == {"ok"} and grown["status"] == "ok"
    # the change report of a whole run: the added article, linked from the index
    assert grown["changes"]["articles_added"] == 1 and grown["changes"]["articles_removed"] == 0
    added = json.loads((reports / "changes.json").read_text())["articles_added"]
    assert [a["article_id"] for a in added] == sorted(set(tables.read_table("articles", processed).article_id)
                                                      - ids_before)
    assert 'href="changes.html"' in (reports / "index.html").read_text()
    pages = sorted(p.stem for p in (reports / "html").glob("*.html"))
    assert pages == [e["notebook"][:-len(".ipynb")] for e in grown["notebooks"]]  # every page, exported ahead
    assert (reports / "warclaims.sqlite").exists() and grown["exports"]["pages"] == pages
    after_grown = _digests(processed)
    noop = pipeline.run(raw, processed, reports, **quiet)
    assert set(_statuses(noop).values()) == {"skipped"} and _digests(processed) == after_grown

    monkeypatch.setenv("WARCLAIMS_PARSE_CACHE", "off")
    fresh, fresh_reports = tmp_path / "fresh", tmp_path / "fresh-r"
    pipeline.run(raw, fresh, fresh_reports, html=False, overlap=False, **quiet)  # one notebook at a time
    assert after_grown == _digests(fresh)
    drawn = sorted((fresh_reports / "figures").iterdir())
    assert drawn and all((reports / "figures" / f.name).read_bytes() == f.read_bytes() for f in drawn)
    assert sorted(p.name for p in (reports / "figures").iterdir()) == [f.name for f in drawn]  # no stale figure
    # the +1 run wrote most CSV files as their notebooks ended (reports ahead), the rest at the end: the same bytes
    # as an export of the full run's tables
    from helpers.run import reports as report_pages

    made = report_pages.export_tables_csv(fresh, tmp_path / "fresh-csv")
    assert made and all((reports / "tables" / p.name).read_bytes() == p.read_bytes() for p in made.values())
