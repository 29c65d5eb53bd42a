"""The one per-article guard (core.stage.per_article): failures isolated and recorded in ``stage_errors``,
results cached per article by text and inputs (core.artcache), tables identical with the cache cold, warm and after
an article is added."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from helpers.core import artcache, stage, tables

ROOT = Path(__file__).resolve().parents[2]
EXTRA_ARTICLE = ("Officials in the regional administration said on Tuesday that 40 drones were launched overnight "
                 "against the port city.\n\nThe governor said 12 people were injured in Odesa and two warehouses "
                 "were destroyed.\n\nA spokesman for the air force said 35 of the drones were shot down.\n")


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(artcache.CACHE_ENV, str(folder))
    return folder


def test_per_article_caches_by_text_and_inputs_and_never_caches_failures(cache_dir):
    calls = []

    def fn(item):
        calls.append(item["id"])
        if item["text"] == "bad":
            raise ValueError("cannot read")
        return [item["text"].upper(), item["extra"]]

    items = [{"id": "a", "text": "one", "extra": 1}, {"id": "b", "text": "bad", "extra": 2},
             {"id": "c", "text": "three", "extra": 3}]
    run = lambda its: stage.per_article(its, lambda i: i["id"], fn, "99 test",  # noqa: E731
                                        inputs=lambda i: (i["text"], i["extra"]))
    first = run(items)
    assert first == ([("a", ["ONE", 1]), ("c", ["THREE", 3])], [("b", "ValueError: cannot read")])
    assert calls == ["a", "b", "c"]
    calls.clear()
    assert run(items) == first
    assert calls == ["b"]  # a and c from the cache; the failure is tried again
    calls.clear()
    changed = [items[0], items[1], {**items[2], "extra": 4}, {"id": "d", "text": "four", "extra": 5}]
    done, _ = run(changed)
    assert calls == ["b", "c", "d"]  # c's inputs changed, d is new
    assert done == [("a", ["ONE", 1]), ("c", ["THREE", 4]), ("d", ["FOUR", 5])]
    assert artcache.count_entries(cache_dir) == {"99_test": 4}  # a, c twice, d
    calls.clear()
    stage.per_article(items, lambda i: i["id"], fn, "99 test")  # no inputs declared: never cached
    assert calls == ["a", "b", "c"]


def test_cache_off_computes_everything(monkeypatch):
    monkeypatch.setenv(artcache.CACHE_ENV, "off")
    assert artcache.for_stage("03 text") is None and artcache.for_articles("03 text") is None
    calls = []
    stage.per_article(["x", "x"], lambda i: i, lambda i: calls.append(i), "99 test", inputs=lambda i: (i, None))
    assert calls == ["x", "x"]


def test_keys_separate_stages_articles_and_inputs():
    key = artcache.input_key
    base = key("04 places", "a1", "text", [1, 2])
    assert base == key("04 places", "a1", "text", [1, 2])
    assert len({base, key("06 dates", "a1", "text", [1, 2]), key("04 places", "a2", "text", [1, 2]),
                key("04 places", "a1", "text!", [1, 2]), key("04 places", "a1", "text", [1, 3])}) == 5


def test_stage_errors_keep_each_notebooks_rows_in_notebook_order(tmp_path):
    from helpers.run import stages

    parse_nb, attribution_nb, places_nb = stages.spec("02"), stages.spec("03"), stages.spec("04")
    stage.write_stage_errors(stage.StageResult({}, [("a2", "KeyError: x")]), places_nb, tmp_path)
    stage.write_stage_errors(stage.StageResult({}, [("a1", "ValueError: bad")]), attribution_nb, tmp_path)
    stage.write_stage_errors(stage.StageResult({}, [("a3", "E088: too long")]), parse_nb, tmp_path)
    stage.write_stage_errors(stage.StageResult({}, []), parse_nb, tmp_path)  # 02 re-ran without failures
    rows = tables.read_table("stage_errors", tmp_path).to_dict("records")
    assert rows == [{"stage": "03 text", "article_id": "a1", "error": "ValueError: bad"},
                    {"stage": "04 places", "article_id": "a2", "error": "KeyError: x"}]


def test_a_failing_article_is_a_stage_errors_row_and_the_others_are_kept(seed_stage, monkeypatch, tmp_path,
                                                                          cache_dir):
    from helpers import places
    from helpers.places import toponyms
    from helpers.text import doccache

    docs = lambda: seed_stage.extra["docbin"].get_docs(doccache.load_model().vocab)  # noqa: E731
    sentences = seed_stage["sentences"]
    monkeypatch.setenv(artcache.CACHE_ENV, "off")  # so the failing run below cannot take this run's results
    whole = places.run(docs(), sentences=sentences)["places"]
    monkeypatch.setenv(artcache.CACHE_ENV, str(cache_dir))
    bad = sorted(whole.article_id.unique())[0]
    real = toponyms.place_rows

    def failing(doc, aid, *args, **kwargs):
        if aid == bad:
            raise RuntimeError("gazetteer unreadable")
        return real(doc, aid, *args, **kwargs)

    monkeypatch.setattr(toponyms, "place_rows", failing)
    result = places.run(docs(), sentences=sentences)
    written = result.write(places.STAGES[0], tmp_path)
    assert tables.table_path("stage_errors", tmp_path) in written
    assert tables.read_table("stage_errors", tmp_path).to_dict("records") == [
        {"stage": "04 places", "article_id": bad, "error": "RuntimeError: gazetteer unreadable"}]
    kept = tables.read_table("places", tmp_path)
    assert bad not in set(kept.article_id) and len(kept) > 0
    expected = whole[whole.article_id != bad].reset_index(drop=True)
    assert kept.equals(tables.read_table("places", _write(expected, tmp_path / "ref")))


def _write(df, folder: Path) -> Path:
    tables.write_table(df, "places", folder)
    return folder


def _run_article_stages(raw: Path, processed: Path) -> dict[str, str]:
    """Notebooks 01–04 and 06 as their notebooks call them (02 reusing the saved parses, 03/04/06 lazy docs);
    SHA-256 of each table written and of ``docs.spacy``."""
    from helpers import parse, places, text
    from helpers import time as time_stage
    from helpers.run import stages
    from helpers.text import doccache

    parse.run(raw).write(stages.spec("01"), processed)
    articles = tables.read_table("articles", processed)
    parsed = text.run_parse(articles, reuse=doccache.read_docbin(processed))
    doccache.save_docs(parsed.extra["docbin"], processed)
    parsed.write(stages.spec("02"), processed)
    sentences, entities = tables.read_table("sentences", processed), tables.read_table("entities", processed)
    text.run_attribution(doccache.lazy_docs(processed), sentences, entities).write(stages.spec("03"), processed)
    places.run(doccache.lazy_docs(processed), sentences=sentences).write(stages.spec("04"), processed)
    time_stage.run(list(doccache.lazy_docs(processed)), articles, sentences, entities,
                   places=tables.read_table("places", processed)).write(stages.spec("06"), processed)
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted([*processed.glob("*.parquet"), processed / doccache.DOCS_FILE])}


def test_cached_tables_are_byte_identical_cold_warm_and_with_one_article_added(tmp_path, monkeypatch):
    from helpers.text import doccache

    seeds = sorted(p for p in (ROOT / "data" / "raw").glob("*.txt"))
    raw = tmp_path / "raw"
    raw.mkdir()
    for p in seeds:
        shutil.copy(p, raw / p.name)
    monkeypatch.setenv(artcache.CACHE_ENV, str(tmp_path / "cache"))
    cold = _run_article_stages(raw, tmp_path / "cold")
    stage_entries = artcache.count_entries(tmp_path / "cache")
    assert set(stage_entries) >= {"02_text", "03_text", "places", "dates", "events"}
    assert _run_article_stages(raw, tmp_path / "warm") == cold
    built = []  # indexes of the docs deserialized from docs.spacy (lazy docs: only on a cache miss)
    real_doc_at = doccache._doc_at
    monkeypatch.setattr(doccache, "_doc_at", lambda db, i, vocab: built.append(i) or real_doc_at(db, i, vocab))
    assert _run_article_stages(raw, tmp_path / "cold") == cold  # in place: 02 keeps every saved parse as bytes
    assert built == []
    shutil.copytree(tmp_path / "cold", tmp_path / "grown")
    (raw / "zz_added.txt").write_text(EXTRA_ARTICLE, encoding="utf-8")
    grown = _run_article_stages(raw, tmp_path / "grown")
    added = sum(artcache.count_entries(tmp_path / "cache").values()) - sum(stage_entries.values())
    assert 5 <= added < sum(stage_entries.values())  # the new article (and any whose inputs it changed), not all again
    assert 1 <= len(built) <= added  # a doc is built only for an article some stage computes
    monkeypatch.setenv(artcache.CACHE_ENV, "off")
    assert grown == _run_article_stages(raw, tmp_path / "uncached")
    assert grown != cold


def test_a_rebuild_after_removing_and_changing_articles_matches_a_full_run(tmp_path, monkeypatch):
    from helpers.text import doccache

    raw = tmp_path / "raw"
    raw.mkdir()
    for p in sorted((ROOT / "data" / "raw").glob("*.txt")):
        shutil.copy(p, raw / p.name)
    (raw / "zz_added.txt").write_text(EXTRA_ARTICLE, encoding="utf-8")
    monkeypatch.setenv(artcache.CACHE_ENV, str(tmp_path / "cache"))
    _run_article_stages(raw, tmp_path / "p")
    first = sorted(raw.glob("*.txt"))[0]
    first.unlink()  # a saved parse dropped: the kept ones are re-added doc by doc (their strings only)
    (raw / "zz_added.txt").write_text(EXTRA_ARTICLE.replace("40 drones", "41 drones"), encoding="utf-8")
    rebuilt = _run_article_stages(raw, tmp_path / "p")
    assert len(list(doccache.load_docs(tmp_path / "p"))) == 2
    monkeypatch.setenv(artcache.CACHE_ENV, "off")
    assert rebuilt == _run_article_stages(raw, tmp_path / "fresh")


def test_article_rows_equal_one_conversion_of_the_whole_table():
    import pandas as pd

    from helpers.core.stage import ArticleRows, rows_by_article

    df = pd.DataFrame({"article_id": ["b", "a", "b", "c", "a", "d"], "x": [1, 2, 3, 4, 5, 6]})
    whole: dict[str, list[dict]] = {}
    for row in df.to_dict("records"):
        whole.setdefault(row["article_id"], []).append(row)
    rows = rows_by_article(df)
    assert list(rows) == ["b", "a", "c", "d"] and len(rows) == 4
    assert dict(rows) == whole
    small = ArticleRows(df, make=len, keep=1)
    small.BLOCK = 2
    assert [small[a] for a in ("c", "b", "d", "a")] == [1, 2, 1, 2]
    assert "zz" not in rows and rows.get("zz", []) == []


def test_rows_grouped_in_the_tables_article_order_convert_one_block_per_block():
    import pandas as pd

    from helpers.core.stage import ArticleRows, by_article_in_table_order

    # articles in file order c, a, d, b (not id order), each article's rows out of place
    df = pd.DataFrame({"article_id": ["c", "a", "c", "d", "b", "a", "d", "b"],
                       "start_char": [9, 5, 1, 3, 7, 0, 2, 4], "x": [1, 2, 3, 4, 5, 6, 7, 8]})
    ordered = by_article_in_table_order(df, ["start_char"])
    assert list(zip(ordered.article_id, ordered.start_char)) == [
        ("c", 1), ("c", 9), ("a", 0), ("a", 5), ("d", 2), ("d", 3), ("b", 4), ("b", 7)]
    calls = []

    def records(frame):
        calls.append(len(frame))
        return frame.to_dict("records")

    def visit(table):
        calls.clear()
        rows = ArticleRows(table, records=records, keep=1)
        rows.BLOCK = 2
        return [[r["x"] for r in rows[a]] for a in ("c", "a", "d", "b")]

    # looked up in table order (as the stages visit articles): one conversion per block of two articles
    assert visit(ordered) == [[3, 1], [6, 2], [7, 4], [8, 5]] and calls == [4, 4]
    # grouped by sorted id instead, the same visits convert a block for every article
    assert visit(df.sort_values(["article_id", "start_char"])) == [[3, 1], [6, 2], [7, 4], [8, 5]]
    assert len(calls) == 4


def _digest_frame(**changes):
    """Three articles' rows with a string, an int, a float, a bool, a date and an object column (nulls in some)."""
    import datetime as dt

    import pandas as pd

    cols = {"article_id": ["a", "a", "b", "c"], "text": ["One.", "Two.", None, "Four."],
            "n": [1, 2, 3, 4], "x": [0.5, float("nan"), 1.5, 2.5], "flag": [True, False, True, True],
            "day": [dt.date(2022, 3, 1), dt.date(2022, 3, 2), None, dt.date(2022, 3, 4)],
            "mixed": [1, "one", None, 2.0]}
    for name, (i, value) in changes.items():
        cols[name] = list(cols[name])
        cols[name][i] = value
    df = pd.DataFrame(cols)
    df["text"] = df["text"].astype("string[pyarrow]")
    return df


def test_article_digests_depend_on_each_articles_own_rows_only():
    """``ArticleRows.digest`` (the per-article cache keys' form of an article's rows): equal rows give equal digests
    whatever the other articles' rows — a null appearing in another article's row changes nothing — and any change
    of the article's own values, nulls, row count or order gives another; ``columns`` restricts it."""
    from helpers.core.stage import ArticleRows, row_digest

    base = ArticleRows(_digest_frame())
    digests = {a: base.digest(a) for a in base}
    assert len(set(digests.values())) == 3 and base.digest("zz") is None
    # another article's rows changed, a null among them where the column had none: a's and b's digests are kept
    other = ArticleRows(_digest_frame(n=(3, 40), flag=(3, False), day=(3, None), x=(3, None), text=(3, "Five.")))
    assert other.digest("a") == digests["a"] and other.digest("b") == digests["b"]
    assert other.digest("c") != digests["c"]
    for change in ({"text": (1, "Two!")}, {"text": (0, None)}, {"n": (1, 3)}, {"x": (1, 0.0)}, {"x": (0, None)},
                   {"flag": (1, True)}, {"day": (0, None)}, {"mixed": (1, "two")}, {"mixed": (0, "1")}):
        assert ArticleRows(_digest_frame(**change)).digest("a") != digests["a"], change
    df = _digest_frame()
    assert ArticleRows(df.iloc[[1, 0, 2, 3]]).digest("a") != digests["a"]  # the rows' order
    assert ArticleRows(df.iloc[1:]).digest("a") != digests["a"]  # a row fewer
    assert ArticleRows(_digest_frame(x=(0, 0.75))).digest("a", ["n", "text"]) == base.digest("a", ["n", "text"])
    # a plain mapping (a stage given no table) is keyed by its rows' JSON
    assert row_digest({}, "a") is None and row_digest({"a": [{"n": 1}]}, "a") == row_digest({"a": [{"n": 1}]}, "a")


def test_stage_errors_written_from_two_processes_at_once_keep_both_stages_rows(tmp_path):
    """Two kernels may write their notebooks' ``stage_errors`` rows at the same moment (the runner's second kernel
    runs a table-writing notebook beside the main one); the read-replace-write is done under a lock, so neither
    stage's rows are lost."""
    import multiprocessing as mp

    from helpers.run import stages

    def write(number: str, rounds: int) -> None:
        spec = stages.spec(number)
        for i in range(rounds):
            stage.write_stage_errors(stage.StageResult({}, [(f"{number}-{i}", "ValueError: x")]), spec, tmp_path)

    ctx = mp.get_context("fork")
    procs = [ctx.Process(target=write, args=(n, 15)) for n in ("03", "05")]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
        assert p.exitcode == 0
    rows = tables.read_table("stage_errors", tmp_path).to_dict("records")
    assert rows == [{"stage": "03 text", "article_id": "03-14", "error": "ValueError: x"},
                    {"stage": "05 rewrites", "article_id": "05-14", "error": "ValueError: x"}]
