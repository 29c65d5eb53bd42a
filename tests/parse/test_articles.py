"""Article parsing: the seeds, every bad-input case, and the real corpora (when ../shared is present)."""
from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest

from helpers.core import schemas
from helpers.parse import run as parse_run
from helpers.parse.outlets import outlet_from_credit, outlet_from_url
from helpers.parse.readers import date_from_filename, map_columns

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data" / "raw"
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"
needs_corpora = pytest.mark.skipif(not CORPORA.exists(), reason="../shared/corpora not present (only on dev/CI machines)")


def accounted(result) -> bool:
    return len(result["articles"]) + len(result["parse_errors"]) + len(result["duplicates"]) == result.extra["n_inputs"]


@pytest.fixture(scope="module")
def seeds():
    result = parse_run(RAW)
    return result, result["articles"].set_index("source_file")


def test_seed_002_tagged_metadata(seeds):
    _, arts = seeds
    a = arts.loc["002_4f566d6464c06abf.txt"]
    assert a.source_format == "tagged"
    assert a.title == "North Korean troops in Ukraine ‘fair game’, US warns Russia as war rages on"
    assert a.published == dt.date(2024, 10, 24)
    assert a.author == "John T Psaropoulos"
    assert a.outlet == "Al Jazeera"
    assert a.url.startswith("https://www.aljazeera.com/news/2024/10/24/")
    assert len(a.highlights) == 5 and a.highlights[0].startswith("United States defence secretary Lloyd Austin")
    assert a.summary.startswith("The US Defense Secretary")
    # the body is the CONTENT block only, paragraphs separated by one blank line
    assert a.text.startswith("United States defence secretary Lloyd Austin has waded in")
    assert a.text.endswith("(Al Jazeera)")
    assert "<CONTENT>" not in a.text and "\n\n\n" not in a.text
    assert a.content_sha256 == hashlib.sha256(a.text.encode()).hexdigest()
    assert a.article_id == a.content_sha256[:16]
    assert a.n_words == len(a.text.split())


def test_seed_000_plain_text(seeds):
    _, arts = seeds
    a = arts.loc["000_ca7dfffd3b543562.txt"]
    assert a.source_format == "text"
    assert a.outlet == "Pindula News"          # from the closing credit line
    assert pd.isna(a.published)  # no date anywhere: stays empty, never guessed
    assert pd.isna(a.title)
    assert a.text.startswith("United States Defence Secretary Lloyd Austin has called reports")


def test_seed_tables_match_contracts(seeds):
    result, _ = seeds
    schemas.validate(result["articles"], "articles")
    schemas.validate(result["parse_errors"], "parse_errors")
    schemas.validate(result["duplicates"], "duplicates")
    assert accounted(result) and result.extra["n_inputs"] == 2 and len(result["parse_errors"]) == 0


def test_article_id_is_stable_and_independent_of_order(tmp_path):
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text(f"Text of article {name}. It has words.\n", encoding="utf-8")
    first = parse_run(tmp_path)["articles"].set_index("source_file").article_id
    (tmp_path / "a.txt").rename(tmp_path / "z.txt")
    second = parse_run(tmp_path)["articles"].set_index("source_file").article_id
    assert first["b.txt"] == second["b.txt"]
    assert first["a.txt"] == second["z.txt"]


# ------------------------------------------------------------------ bad input: reported, never fatal

@pytest.fixture()
def bad_dir(tmp_path):
    good = "Officials said 40 tanks were lost near the river.\n\nA second paragraph follows."
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"   \n\n  ")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "latin1.txt").write_bytes("Le ministère a annoncé 300 soldats à Kyiv.".encode("cp1252"))
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + "Kyiv said 12 drones were downed.".encode())
    (tmp_path / "crlf.txt").write_bytes(b"First paragraph here.\r\n\r\nSecond paragraph here.\r\n")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4 something")
    (tmp_path / "notag.txt").write_text("<TITLE>Only a title</TITLE>\n<AUTHOR>Someone</AUTHOR>\n", encoding="utf-8")
    (tmp_path / "export.csv").write_text(
        'headline,published,link,body\n'
        '"One","2023-01-05","https://www.bbc.co.uk/news/1","First CSV article about shelling."\n'
        '"Two","2023-01-06","https://example.org/2","Second, with a comma","EXTRA FIELD"\n'
        '"Three","6 January 2023","https://www.reuters.com/x","Third CSV article text."\n',
        encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "copy.txt").write_text(good, encoding="utf-8")
    (tmp_path / "orig.txt").write_text(good, encoding="utf-8")
    (tmp_path / "README.md").write_text("notes about this folder", encoding="utf-8")
    return tmp_path


def test_bad_inputs_are_reported_and_the_run_goes_on(bad_dir):
    result = parse_run(bad_dir)
    file_errors = result["parse_errors"][result["parse_errors"].source_row.isna()].set_index("source_file")
    reasons = file_errors.reason.to_dict()
    assert reasons["empty.txt"] == "empty"
    assert reasons["blank.txt"] == "empty"
    assert reasons["binary.txt"] == "binary"
    assert reasons["report.pdf"] == "unsupported_format" and ".pdf" in file_errors.detail["report.pdf"]
    assert reasons["notag.txt"] == "no_content" and "CONTENT" in file_errors.detail["notag.txt"]
    bad_row = result["parse_errors"][result["parse_errors"].source_file == "export.csv"]
    assert list(bad_row.reason) == ["malformed_row"] and list(bad_row.source_row) == [2]
    # all inputs accounted for: 11 files (README skipped), the CSV holding three rows
    assert result.extra["n_inputs"] == 10 + 3 and accounted(result)
    assert "README.md" not in set(result["articles"].source_file) | set(result["parse_errors"].source_file)


def test_encodings_bom_and_line_ends(bad_dir):
    arts = parse_run(bad_dir)["articles"].set_index("source_file")
    latin = arts.loc["latin1.txt"]
    assert latin.text == "Le ministère a annoncé 300 soldats à Kyiv."
    assert latin.encoding not in ("utf-8", "utf-8-sig")  # detected, and recorded
    assert arts.loc["bom.txt"].encoding == "utf-8-sig"
    assert arts.loc["bom.txt"].text.startswith("Kyiv")  # no BOM character in the body
    assert arts.loc["crlf.txt"].text == "First paragraph here.\n\nSecond paragraph here."


def test_exact_duplicate_kept_once_and_recorded(bad_dir):
    result = parse_run(bad_dir)
    kept = result["articles"].set_index("source_file")
    assert "orig.txt" in kept.index and "sub/copy.txt" not in kept.index
    dup = result["duplicates"].iloc[0]
    assert dup.source_file == "sub/copy.txt" and dup.kept_source_file == "orig.txt"
    assert dup.duplicate_of == kept.loc["orig.txt"].article_id


def test_csv_rows_map_usual_columns(bad_dir):
    arts = parse_run(bad_dir)["articles"]
    csv_rows = arts[arts.source_format == "csv"].set_index("source_row")
    assert list(csv_rows.index) == [1, 3]
    assert csv_rows.loc[1].title == "One" and csv_rows.loc[1].published == dt.date(2023, 1, 5)
    assert csv_rows.loc[1].outlet == "BBC"
    assert csv_rows.loc[3].published == dt.date(2023, 1, 6) and csv_rows.loc[3].outlet == "Reuters"


def test_jsonl_and_json(tmp_path):
    lines = [
        {"title": "A", "date": "2022-03-01", "url": "https://www.theguardian.com/a", "content": "Alpha text body."},
        "not an object",
        {"heading": "B", "text": "Beta text body.", "source": "Kyiv Post", "author": "R. Writer"},
    ]
    body = "\n".join(json.dumps(x) for x in lines) + "\n{broken json\n"
    (tmp_path / "feed.jsonl").write_text(body, encoding="utf-8")
    (tmp_path / "dump.json").write_text(json.dumps({"articles": [{"headline": "C", "body": "Gamma text."}]}))
    result = parse_run(tmp_path)
    arts = result["articles"].set_index("title")
    assert arts.loc["A"].outlet == "The Guardian" and arts.loc["A"].published == dt.date(2022, 3, 1)
    assert arts.loc["B"].outlet == "Kyiv Post" and arts.loc["B"].author == "R. Writer"
    assert arts.loc["C"].source_format == "json"
    assert sorted(result["parse_errors"].source_row.tolist()) == [2, 4]
    assert accounted(result)


def test_html_page_with_trafilatura(tmp_path):
    para = "Russian forces shelled the city overnight, regional officials said on Tuesday. " * 6
    html = f"""<html><head><title>Shelling overnight</title>
    <meta property="og:site_name" content="Example Daily"><meta name="author" content="Jo Reporter">
    <meta property="article:published_time" content="2023-05-02T08:00:00Z">
    <link rel="canonical" href="https://www.example.com/shelling"></head>
    <body><nav>Home | World</nav><article><h1>Shelling overnight</h1><p>{para}</p>
    <p>Residents were told to stay in shelters until the all-clear was given.</p></article></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    a = parse_run(tmp_path)["articles"].iloc[0]
    assert a.source_format == "html"
    assert a.title == "Shelling overnight" and a.author == "Jo Reporter" and a.outlet == "Example Daily"
    assert a.published == dt.date(2023, 5, 2) and a.url == "https://www.example.com/shelling"
    assert a.text.startswith("Russian forces shelled") and "Home | World" not in a.text


def test_filename_dates_and_outlet_rules():
    assert date_from_filename("20240421T074500Z_UA_en_0a1b2c3d4e.txt") == dt.date(2024, 4, 21)
    assert date_from_filename("2023-02-24-anniversary.txt") == dt.date(2023, 2, 24)
    assert date_from_filename("002_4f566d6464c06abf.txt") is None
    assert date_from_filename("20231399_x.txt") is None  # not a date
    assert outlet_from_url("https://www.aljazeera.com/news/2024/1/1/x") == "Al Jazeera"
    assert outlet_from_url("https://news.example-times.co.uk/a") == "Example Times"
    assert outlet_from_credit("Body text.\n\nMore: Harare Daily") == "Harare Daily"
    assert outlet_from_credit("Body.\n\nFox News' Jane Roe contributed to this report.") == "Fox News"
    assert outlet_from_credit("Body.\n\nSource: PAP") is None  # a source of facts, not the publisher
    assert map_columns(["Image Url", "Heading", "Date Formatted", "Article Url", "Text"]) == {
        "title": "Heading", "body": "Text", "published": "Date Formatted", "url": "Article Url"}


# ------------------------------------------------------------------ real corpora

@needs_corpora
def test_ukraine_corpus_all_files_accounted():
    folder = CORPORA / "ukraine-war-news"
    files = sorted(folder.glob("*.txt"))
    result = parse_run(folder)
    assert result.extra["n_inputs"] == len(files) == 357 and accounted(result)
    # every repeated text is recorded as a duplicate of the first copy
    by_hash: dict[str, list[str]] = {}
    for f in files:
        by_hash.setdefault(hashlib.md5(f.read_bytes().strip()).hexdigest(), []).append(f.name)
    expected_repeats = sum(len(v) - 1 for v in by_hash.values())
    assert len(result["duplicates"]) >= expected_repeats
    arts = result["articles"]
    assert arts.published.notna().all()  # every file name carries a timestamp
    assert set(arts.outlet_country.dropna()) <= {"GB", "US", "PL", "UA", "BY"}


@needs_corpora
def test_guardian_csv_export():
    result = parse_run(CORPORA / "guardian-nato-2022")
    assert result.extra["n_inputs"] == 250 and accounted(result)
    arts = result["articles"]
    assert len(arts) >= 230
    assert arts.title.notna().all() and arts.published.notna().all()
    assert arts.published.min() >= dt.date(2022, 2, 23) and arts.published.max() <= dt.date(2022, 7, 3)
    assert set(arts.outlet) == {"The Guardian"}
    # rows with an empty Text are errors with their row number, not silent drops
    assert set(result["parse_errors"].reason) <= {"no_content", "malformed_row"}
    assert result["parse_errors"].source_row.notna().all()


def test_each_files_rows_are_kept_by_its_bytes_path_and_name_and_the_tables_equal_an_uncached_run(tmp_path,
                                                                                                  monkeypatch):
    from helpers.parse import articles

    monkeypatch.setenv("WARCLAIMS_PARSE_CACHE", str(tmp_path / "cache"))
    raw = tmp_path / "raw"
    (raw / "sub").mkdir(parents=True)
    body = "Officials in the harbour town said 40 boats left on Monday.\n\nThe mayor added that more would follow.\n"
    (raw / "2024-03-01_harbour.txt").write_text(body)
    (raw / "sub" / "2024-03-02_harbour.txt").write_text(body)  # same bytes elsewhere: a duplicate of the first
    (raw / "empty.txt").write_text("   \n")
    (raw / "notes.xyz").write_text("not an article format")

    def tables(result):
        return {n: result[n].to_dict("records") for n in ("articles", "parse_errors", "duplicates")}

    plain = articles.run(raw, cache=False)
    assert len(plain["articles"]) == 1 and len(plain["duplicates"]) == 1 and len(plain["parse_errors"]) == 2
    assert tables(articles.run(raw)) == tables(plain)  # computed, and kept
    parsed = []
    real = articles.parse_file
    monkeypatch.setattr(articles, "parse_file", lambda *a, **k: parsed.append(a[1]) or real(*a, **k))
    assert tables(articles.run(raw)) == tables(plain) and parsed == ["notes.xyz"]  # unknown format: not kept
    (raw / "2024-03-03_more.txt").write_text(body.replace("40", "41"))
    (raw / "sub" / "2024-03-02_harbour.txt").rename(raw / "sub" / "2024-04-09_harbour.txt")  # another name
    parsed.clear()
    again = articles.run(raw)
    assert sorted(parsed) == ["2024-03-03_more.txt", "notes.xyz", "sub/2024-04-09_harbour.txt"]
    assert tables(again) == tables(articles.run(raw, cache=False))
    assert again["duplicates"]["source_file"].tolist() == ["sub/2024-04-09_harbour.txt"]
    monkeypatch.setenv("WARCLAIMS_PARSE_CACHE", "off")
    parsed.clear()
    assert tables(articles.run(raw)) == tables(again) and len(parsed) == 5
