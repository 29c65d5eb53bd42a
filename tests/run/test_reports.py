"""Report building without a browser: cleaning, CSV exports, the index page."""
from __future__ import annotations

import json

import pandas as pd
import pytest

import figure_frames as ff
from helpers.run import reports


def test_clean_html_keeps_tables_and_escapes_everything_else():
    table = pd.DataFrame({"title": ["<b>bold</b>"]})._repr_html_()
    out = reports.clean_html(table + '<script>x()</script><img src=x onerror="y()"><a href="javascript:z()">l</a>')
    assert "<table" in out and "<th>title</th>" in out and "<style" not in out
    assert "&lt;b&gt;bold&lt;/b&gt;" in out  # pandas escaped the cell; it stays escaped
    assert "&lt;script&gt;x()&lt;/script&gt;" in out
    assert "onerror" not in out and "javascript:" not in out


def test_csv_export_joins_lists_and_drops_article_text(tmp_path):
    ff.write_all(tmp_path / "p")
    written = reports.export_tables_csv(tmp_path / "p", tmp_path / "t")
    assert set(written) == {"articles", "claims_ledger", "places", "events", "article_pairs"}
    events = pd.read_csv(written["events"])
    assert events.loc[2, "places"] == "Kurakhove; Pokrovsk"
    assert "text" not in pd.read_csv(written["articles"]).columns


def test_index_links_everything_and_escapes_the_run_summary(tmp_path):
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "08_map.html").write_text("<html></html>")
    (tmp_path / "html" / "09_timeline.html").write_text("<html></html>")  # stale: 09 failed in this run
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "map.png").write_bytes(b"png")
    (tmp_path / "figures" / "map.svg").write_text("<svg/>")
    (tmp_path / "tables").mkdir()
    pd.DataFrame({"s": ["a\nb", "c"]}).to_csv(tmp_path / "tables" / "claims.csv", index=False)
    summary = {"finished": "2026-01-02T03:04:05+00:00", "status": "ok",
               "notebooks": [{"notebook": "08_map.ipynb", "status": "ok"},
                             {"notebook": "09_timeline.ipynb", "status": "failed", "error": "<script>bad()</script>"}]}
    page = reports.build_index(tmp_path, summary).read_text()
    assert 'href="html/08_map.html"' in page and 'src="figures/map.png"' in page and 'href="figures/map.svg"' in page
    assert 'href="tables/claims.csv"' in page and "(2 rows)" in page  # a quoted newline is one row
    assert "Run: 2026-01-02 03:04 UTC" in page
    assert "Map of the places mentioned — <a" in page  # figures captioned for readers, not by file stem
    assert "<script>bad()" not in page and "&lt;script&gt;bad()" in page
    assert "script-src 'none'" in page
    assert "09_timeline.html" not in page  # a notebook that failed in this run is never published
    assert "08 · Map of places" in page


def test_rebuild_cli_reads_executed_notebooks_and_run_json(tmp_path, capsys):
    (tmp_path / "executed").mkdir()
    (tmp_path / "run.json").write_text(json.dumps({"finished": "2026-01-01"}))
    assert reports.main(["build", "--reports-dir", str(tmp_path), "--processed-dir", str(tmp_path / "none")]) == 0
    assert "0 notebook(s) exported" in capsys.readouterr().out
    assert "Run: 2026-01-01" in (tmp_path / "index.html").read_text()


def test_spreadsheet_guard_leaves_numbers_and_list_columns_alone():
    df = pd.DataFrame({"name": ["=cmd()", "-77.03", "+1e5", "@x"], "longitudes": ["-77.03; 30.5"] * 4,
                       "value": [-1.5, 2.0, 3.0, 4.0]})
    out = reports.spreadsheet_safe(df, skip=("longitudes",))
    assert list(out.name) == ["'=cmd()", "-77.03", "+1e5", "'@x"]
    assert list(out.longitudes) == ["-77.03; 30.5"] * 4 and list(out.value) == [-1.5, 2.0, 3.0, 4.0]


def test_explorer_names_untitled_articles_and_hides_a_lone_claims_own_topic(tmp_path):
    import figure_frames as ff
    from helpers.core import schemas, tables
    from helpers.run import explorer

    arts = ff.articles()
    arts.loc[0, "title"] = None  # a plain-text article: its first words name it
    tables.write_table(arts, "articles", tmp_path)
    ledger = ff.claims_ledger()
    lone = ledger.claim_id.iloc[0]
    ledger.loc[0, "topic"] = f"(unspecified) | soldier | personnel | total | {lone}"
    tables.write_table(ledger, "claims_ledger", tmp_path)
    claims = pd.DataFrame([{"claim_id": c, "article_id": a, "sentence_id": 0, "start_char": 0, "end_char": 1,
                            "text": "1", "value": 1.0, "value_low": 1.0, "value_high": 1.0, "qualifier": "exact",
                            "unit": "soldier", "category": "personnel", "subject": None, "rate": None,
                            "claimant": "X", "claimant_via": "statement", "statement_id": None, "sentence": "1 soldier."}
                           for c, a in zip(ledger.claim_id[:2], ledger.article_id[:2])],
                          columns=schemas.CLAIMS.column_names)
    tables.write_table(claims, "claims", tmp_path)
    data = explorer.explorer_data(tmp_path)
    assert data["articles"][ff.A0]["title"] == "North Korean troops ‘fair game’, US warns."  # first sentence
    topics = {c["claim_id"]: c["topic"] for c in data["claims"]}
    assert topics[lone] is None and topics[ledger.claim_id.iloc[1]] == ledger.topic.iloc[1]


def test_index_lists_only_topics_whose_figures_disagree_with_a_link_to_the_explorer(tmp_path):
    from helpers.core import tables

    ledger = pd.DataFrame({"topic": ["a | x", "a | x", "a | x", "b | y", "b | y", "c | z"],
                           "claim_id": list("123456"), "value": [10.0, 12.0, 10.0, 5.0, 5.0, 7.0],
                           "claimant": ["P", "Q", "P", "R", "S", "T"]})
    tables.table_path("claims_ledger", tmp_path).parent.mkdir(parents=True, exist_ok=True)
    ledger.to_parquet(tables.table_path("claims_ledger", tmp_path))
    top = reports.corpus_summary(tmp_path)["top topics"]
    assert [t["topic"] for t in top] == ["a | x"]          # b: one figure twice; c: one claim — no disagreement
    page = reports._corpus_html({"top topics": top})
    assert 'href="explorer.html#topic=a%20%7C%20x"' in page
    assert "2 different figures in 3 claims from 2 claimants" in page


def test_index_counts_come_from_the_tables_footers_and_agree_with_full_reads(tmp_path):
    from helpers.core import tables

    processed, reports_dir = tmp_path / "p", tmp_path / "r"
    processed.mkdir()
    pd.DataFrame({"article_id": ["a1", "a2", "a3"], "title": ["One", "Two", None],
                  "text": ["x", "y", "z"]}).to_parquet(tables.table_path("articles", processed))
    pd.DataFrame({"article_id": ["a1"] * 4, "role": ["toponym", "demonym", "toponym", "in_name"]}).to_parquet(
        tables.table_path("places", processed))
    assert tables.table_rows("articles", processed) == len(tables.read_table("articles", processed)) == 3
    assert tables.table_columns("places", processed) == ["article_id", "role"]
    assert list(tables.read_table("articles", processed, columns=["title"]).columns) == ["title"]
    with pytest.raises(FileNotFoundError, match="claims"):
        tables.table_rows("claims", processed)
    summary = reports.corpus_summary(processed)
    assert summary["articles"] == 3 and summary["place mentions"] == 2  # only the story's toponyms
    reports.export_tables_csv(processed, reports_dir / "tables")
    page = reports.build_index(reports_dir, {"status": "ok"}, processed_dir=processed).read_text()
    assert "articles.csv</a> (3 rows)" in page and "places.csv</a> (4 rows)" in page


def test_index_memo_reads_no_table_when_the_tables_are_the_same(tmp_path, monkeypatch):
    """build_index with the tables' hashes: the page equals one built without the memo; built again with the same
    hashes it reads no table (counts, labels, CSV rows from the memo) and is the same page, also after the page a run
    makes at its start (without hashes); other hashes read again."""
    from helpers.core import tables

    processed, reports_dir = tmp_path / "p", tmp_path / "r"
    processed.mkdir()
    pd.DataFrame({"article_id": ["a1", "a2"], "title": ["One", None], "text": ["x", "y z"]}).to_parquet(
        tables.table_path("articles", processed))
    pd.DataFrame({"claim_id": ["c1"], "value": [3.0]}).to_parquet(tables.table_path("claims", processed))
    reports.export_tables_csv(processed, reports_dir / "tables")
    (reports_dir / "tables" / "extra.csv").write_text("a\n1\n2\n")  # a CSV without a table: counted in the file
    (reports_dir / "figures").mkdir(parents=True)
    (reports_dir / "figures" / "rewrite_a1_a2.png").write_bytes(b"png")
    keys = {"articles.parquet": "k1", "claims.parquet": "k2"}
    plain = reports.build_index(reports_dir, {"status": "ok"}, processed_dir=processed).read_text()
    assert "(2 rows)" in plain and "extra.csv</a> (2 rows)" in plain
    assert reports.build_index(reports_dir, {"status": "ok"}, processed_dir=processed, table_keys=keys).read_text() == plain

    reports.build_index(reports_dir, {"status": "running"})  # the page a run makes at its start: no hashes, no tables

    def no_read(*args, **kwargs):
        raise AssertionError("a table was read")

    monkeypatch.setattr(tables, "read_table", no_read)
    monkeypatch.setattr(tables, "table_rows", no_read)
    monkeypatch.setattr(reports, "_csv_rows", no_read)
    assert reports.build_index(reports_dir, {"status": "ok"}, processed_dir=processed, table_keys=keys).read_text() == plain
    with pytest.raises(AssertionError, match="a table was read"):
        reports.build_index(reports_dir, {"status": "ok"}, processed_dir=processed, table_keys={**keys, "claims.parquet": "k3"})


def test_the_index_counts_what_changed_in_words(tmp_path):
    import json

    from helpers.run import reports

    (tmp_path / "changes.json").write_text(json.dumps(
        {"previous_run": True, "articles_added": [{"article_id": "a"}], "articles_removed": [],
         "new_claims": [{}, {}], "disagreements": [{}]}))
    line = reports._changes_link(tmp_path)
    assert "1 article added, 0 articles removed, 2 new claims, 1 disagreement" in line
    (tmp_path / "changes.json").write_text(json.dumps({"previous_run": False}))
    assert "first run into these folders" in reports._changes_link(tmp_path)


def test_the_change_page_writes_figures_as_a_reader_reads_them():
    from helpers.run import changes

    page = changes.render_html({"previous_run": True, "articles_added": [], "articles_removed": [],
                                "new_claims": [{"value": 400000000.0, "unit": "usd", "claimant": "X", "text": "t",
                                                "article_id": "a"}, {"value": 2.5, "unit": None}],
                                "disagreements": [], "new_rewrites": []})
    assert "<td>400,000,000</td>" in page and "<td>2.5</td>" in page and "400000000.0" not in page
