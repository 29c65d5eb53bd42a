"""Session 21 (second round): the per-article guard keeps a stage's results in one SQLite file per stage and code
version (:class:`helpers.core.artcache.ArticlePack`), a chunk of articles per transaction, instead of a file per
article. Semantics as before: failures never kept, a changed input recomputes that article only, an unreadable
entry (or file) is a miss, ``WARCLAIMS_PARSE_CACHE=off`` keeps nothing, forked workers give the same results."""
from __future__ import annotations

import sqlite3

import pytest

from helpers.core import artcache, engine, stage


def _run(items, calls, parallel=False, inputs=lambda x: (x, None)):
    def fn(x):
        calls.append(x)
        if x.startswith("bad"):
            raise ValueError("no good")
        return x.upper()
    return stage.per_article(items, lambda x: x, fn, "test pack", inputs=inputs, parallel=parallel)


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(artcache.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_one_file_per_stage_failures_not_kept_and_only_new_articles_computed(cache, monkeypatch):
    monkeypatch.setattr(stage, "CHUNK", 3)  # several chunks, one transaction each
    items = [f"article {i}" for i in range(7)] + ["bad one"]
    calls: list = []
    done, errors = _run(items, calls)
    assert [v for _, v in done] == [x.upper() for x in items[:-1]] and [a for a, _ in errors] == ["bad one"]
    files = [p for p in (cache / "stages").rglob("*") if p.is_file()]
    assert [p.suffix for p in files] == [".sqlite"]
    assert artcache.count_entries(cache) == {"test_pack": 7}  # the failure is not kept
    calls.clear()
    assert _run(items + ["article new"], calls)[0] == done + [("article new", "ARTICLE NEW")]
    assert calls == ["bad one", "article new"]


def test_a_changed_input_recomputes_that_article_only(cache):
    calls: list = []
    _run(["a", "b", "c"], calls, inputs=lambda x: (x, 1))
    calls.clear()
    _run(["a", "b", "c"], calls, inputs=lambda x: (x, 2 if x == "b" else 1))
    assert calls == ["b"]


def test_a_damaged_row_or_file_is_a_miss_and_results_stay_right(cache):
    calls: list = []
    _run(["a", "b"], calls)
    (pack,) = (cache / "stages").rglob("*.sqlite")
    db = sqlite3.connect(pack)
    db.execute("UPDATE entries SET value = ?", (b"not a pickle",))
    db.commit()
    db.close()
    calls.clear()
    assert _run(["a", "b"], calls)[0] == [("a", "A"), ("b", "B")] and calls == ["a", "b"]
    pack.write_bytes(b"not a database at all" * 100)
    calls.clear()
    assert _run(["a", "b"], calls)[0] == [("a", "A"), ("b", "B")] and calls == ["a", "b"]
    assert list(pack.parent.glob("*.damaged"))  # set aside, a fresh file started
    calls.clear()
    _run(["a", "b"], calls)
    assert calls == []


def test_cache_off_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv(artcache.CACHE_ENV, "off")
    monkeypatch.chdir(tmp_path)
    calls: list = []
    _run(["a"], calls)
    _run(["a"], calls)
    assert calls == ["a", "a"]


def test_an_interrupted_chunk_keeps_the_chunks_before_and_nothing_partial(cache, monkeypatch):
    monkeypatch.setattr(stage, "CHUNK", 2)

    def fn(x):
        if x == "stop":
            raise KeyboardInterrupt
        return x
    with pytest.raises(KeyboardInterrupt):
        stage.per_article(["a", "b", "c", "stop"], lambda x: x, fn, "test pack", inputs=lambda x: (x, None),
                          parallel=False)
    assert artcache.count_entries(cache) == {"test_pack": 2}


def _upper_or_fail(x: str) -> str:
    if x.startswith("bad"):
        raise ValueError("no good")
    return x.upper()


def _on_engine(items):
    return stage.per_article(items, lambda x: x, _upper_or_fail, "test pack", inputs=lambda x: (x, None))


@pytest.mark.parametrize("engine_name", ["local", "dask"])
def test_workers_give_the_same_results_and_the_same_pack(cache, monkeypatch, engine_name):
    items = [f"article {i}" for i in range(40)] + ["bad one"]
    monkeypatch.setattr(engine, "BATCH", 3)  # several batches: forked workers or Dask tasks
    monkeypatch.setattr(stage, "CHUNK", 16)
    monkeypatch.setenv(artcache.CACHE_ENV, "off")
    expected = _on_engine(items)
    monkeypatch.setenv(artcache.CACHE_ENV, str(cache))
    monkeypatch.setenv("WARCLAIMS_WORKERS", "2")
    if engine_name == "dask":
        pytest.importorskip("dask.distributed")
        monkeypatch.setenv("WARCLAIMS_ENGINE", "dask")
        monkeypatch.setenv("WARCLAIMS_DASK_PROCESSES", "0")
        monkeypatch.delenv("WARCLAIMS_SCHEDULER", raising=False)
        engine.client.cache_clear()
    try:
        assert _on_engine(items) == expected and artcache.count_entries(cache) == {"test_pack": 40}
        assert _on_engine(items + ["article new"])[0] == expected[0] + [("article new", "ARTICLE NEW")]
        assert artcache.count_entries(cache) == {"test_pack": 41}
    finally:
        if engine_name == "dask":
            c = engine.client()
            c.close()
            c.cluster.close()
            engine.client.cache_clear()


def test_the_file_per_entry_method_still_works(cache, monkeypatch):
    monkeypatch.setattr(artcache, "PACKED", False)
    calls: list = []
    _run(["a", "b", "bad"], calls)
    calls.clear()
    assert _run(["a", "b", "bad"], calls)[0] == [("a", "A"), ("b", "B")] and calls == ["bad"]
    assert artcache.count_entries(cache) == {"test_pack": 2}


def _write_pack(args):
    root, name = args
    pack = artcache.ArticlePack("test pack", root)
    for i in range(0, 200, 10):
        pack.put_many([(f"{name} {j}", j) for j in range(i, i + 10)])
    pack.close()
    return True


def test_two_processes_writing_one_pack_keep_every_entry(tmp_path):
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(2) as pool:
        assert pool.map(_write_pack, [(tmp_path, "first"), (tmp_path, "second")]) == [True, True]
    assert artcache.count_entries(tmp_path) == {"test_pack": 400}
    pack = artcache.ArticlePack("test pack", tmp_path)
    assert pack.get_many(["first 7", "second 199", "third 1"]) == {"first 7": 7, "second 199": 199}
    assert (pack.hits, pack.misses) == (2, 1)
