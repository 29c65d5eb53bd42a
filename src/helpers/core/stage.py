"""The stage contract: what every pipeline stage declares, returns and how one bad article is isolated.

Every stage package (``helpers.parse``, ``helpers.text``, …) exposes

- ``STAGES``: one :class:`StageSpec` (defined in :mod:`helpers.core.spec`, which imports neither pandas nor pyarrow,
  so the runner reads the specs without them) per notebook it serves — the notebook number, the tables it
  reads (``reads``; ``optional`` ones may be absent) and the tables it writes (``writes``);
- ``run(...) -> StageResult``: its one entry point.

A notebook calls its stage's ``run``, shows what came back, and writes it with
:meth:`StageResult.write`, which refuses to write a table the spec does not declare and fails when a
declared table is missing. :mod:`helpers.run.stages` collects the specs (the README's notebook table is
generated from them) and a test checks that every notebook writes exactly what its spec declares.

:func:`per_article` is the single failure guard: it runs a function on each article, keeps the results
of the others when one raises, and returns ``(article_id, error)`` for each failure; :meth:`StageResult.write`
records those failures as the notebook's rows of the ``stage_errors`` table. Given what an article's result depends
on, the guard also keeps results in the per-article cache (:mod:`helpers.core.artcache`), so a rebuild after adding
articles computes only the new (or changed) ones.
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, TypeVar

import numpy as np
import pandas as pd

from helpers.core import artcache, engine, schemas, tables
from helpers.core.spec import DOCS_FILE, StageSpec  # noqa: F401 - the stage contract's names, here as before

log = logging.getLogger(__name__)
T = TypeVar("T")
R = TypeVar("R")
CHUNK = 256  # articles looked up and computed together (memory stays bounded whatever the corpus size)
_FAILED = object()  # an item whose cache key could not be made


class LazyItem:
    """An item whose costly form is built on demand (:meth:`load`), e.g. a parsed doc not yet deserialized
    (:class:`helpers.text.doccache.LazyDoc`). :func:`per_article` passes ``fn`` the loaded item, and loads it only
    when the article's result is not in the per-article cache; ``article_id`` and ``inputs`` see the lazy item."""
    __slots__ = ()

    def load(self):
        raise NotImplementedError

    def release(self) -> None:
        """Drop the built form (the next :meth:`load` builds it again): called once the per-article guard has
        computed the item, so a stage holding a list of lazy items does not keep every built one."""


def loaded(item):
    """``item.load()`` for a :class:`LazyItem`, else ``item`` itself."""
    return item.load() if isinstance(item, LazyItem) else item


@dataclass
class StageResult:
    """Tables a stage produced plus the articles it could not process."""
    tables: dict[str, pd.DataFrame]
    errors: list[tuple[str, str]] = field(default_factory=list)  # (article_id, "ErrorType: message")
    extra: dict = field(default_factory=dict)  # non-table results (e.g. a DocBin), named

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def __contains__(self, name: str) -> bool:
        return name in self.tables

    def write(self, spec: StageSpec, processed_dir: str | Path) -> list[Path]:
        """Validate and write exactly the Parquet tables ``spec`` declares."""
        declared = [n for n in spec.writes if n != DOCS_FILE]
        unknown = sorted(set(self.tables) - set(declared))
        missing = [n for n in declared if n not in self.tables]
        if unknown or missing:
            raise ValueError(f"notebook {spec.notebook} ({spec.stage}): result has undeclared tables {unknown} "
                             f"or lacks declared ones {missing}")
        written = [tables.write_table(self.tables[n], n, processed_dir) for n in declared]
        if declared:  # a notebook that writes tables also records the articles it could not process
            written.append(write_stage_errors(self, spec, processed_dir))
        return written


def per_article(items: Iterable[T], article_id: Callable[[T], str | None], fn: Callable[[T], R],
                stage: str, inputs: Callable[[T], tuple[str, object]] | None = None, parallel: bool = True,
                ) -> tuple[list[tuple[str, R]], list[tuple[str, str]]]:
    """``fn(item)`` for every item; one that raises is logged and reported, the others are kept.

    Returns ``[(article_id, result), …]`` in input order and ``[(article_id, "Type: message"), …]``.

    ``inputs(item) -> (text, other inputs)`` says what ``fn``'s result depends on besides the code: the article's
    text (or its hash, :func:`doc_text_key`) and, e.g., its rows of the tables the stage reads. When given, results are kept in the per-article cache
    (:mod:`helpers.core.artcache`) and an article whose text and inputs are unchanged is not computed again: one
    look-up and one write (a transaction of :class:`helpers.core.artcache.ArticlePack`) per chunk, by this process.
    ``fn`` must then have no side effects the caller relies on. A :class:`LazyItem` is loaded only for ``fn``
    (a cache hit never loads it).

    Items are taken :data:`CHUNK` at a time; the articles of a chunk not in the cache are computed by an
    :class:`helpers.core.engine.Runner` — on ``WARCLAIMS_WORKERS`` forked processes (the local engine, with
    ``--workers N``; in process by default, see :func:`helpers.core.engine.article_workers`) or on the Dask cluster
    (``--engine dask``) — unless ``parallel`` is false. ``fn`` must then be a
    pure function of its item (it runs in another process); the results are the same, in the same order, whatever
    the engine and the number of workers.
    """
    cache = artcache.for_articles(stage) if inputs is not None else None
    done, errors = [], []
    try:
        with engine.Runner(fn, parallel=parallel, load=loaded) as runner:
            chunk: list = []
            for item in items:
                chunk.append(item)
                if len(chunk) >= CHUNK:
                    _per_article_chunk(chunk, article_id, runner, stage, inputs, cache, done, errors)
                    chunk = []
            _per_article_chunk(chunk, article_id, runner, stage, inputs, cache, done, errors)
    finally:
        if cache is not None:
            cache.close()
    if cache is not None:
        log.info("%s: %d articles from the per-article cache, %d computed", stage, cache.hits, cache.misses)
    return done, errors


def _per_article_chunk(chunk: list, article_id: Callable, runner: engine.Runner, stage: str, inputs, cache,
                       done: list, errors: list) -> None:
    """One chunk of :func:`per_article`: the chunk's cache look-ups (one query), the misses computed by ``runner``,
    their results kept (one write: failures never), results in order."""
    keyed: list = []  # per item: (item, aid, key) | (_FAILED, aid, error message)
    for item in chunk:
        aid = article_id(item)
        try:
            if aid is None:
                raise ValueError("item has no article_id")
            keyed.append((item, aid, artcache.input_key(stage, aid, *inputs(item)) if cache is not None else None))
        except Exception as exc:  # one bad article must not lose the others
            keyed.append((_FAILED, aid, f"{type(exc).__name__}: {exc}"))
    found = cache.get_many([key for item, _, key in keyed if item is not _FAILED]) if cache is not None else {}
    if cache is not None:
        cache.close()  # no connection open while the runner forks workers
    slots: list = []  # per item: ("done", aid, value) | ("todo", aid, key) | ("error", aid, message)
    todo: list = []
    for item, aid, key in keyed:
        if item is _FAILED:
            slots.append(("error", aid, key))
        elif key in found:
            slots.append(("done", aid, found[key]))
        else:
            todo.append(item)  # built by the runner, in process or in the worker computing it
            slots.append(("todo", aid, key))
    computed = iter(runner.map(todo) if todo else ())
    kept: list = []
    for state, aid, value in slots:
        if state == "todo":
            key = value
            ok, value = next(computed)
            if ok:
                if key:
                    kept.append((key, value))
                state = "done"
            else:
                state = "error"
        if state == "done":
            done.append((aid, value))
        else:
            log.warning("%s: article %s failed: %s", stage, aid, value)
            errors.append((str(aid), value))
    if cache is not None:
        cache.put_many(kept)


def doc_article_id(doc) -> str | None:
    """The ``article_id`` a parsed doc carries (``doc.user_data["article_id"]``)."""
    return doc.user_data.get("article_id")


def doc_text_key(doc) -> str:
    """What identifies a parsed doc in cache keys: its text (``user_data["text_sha256"]``, set by the parse, else the
    text itself — ``doc.text`` rebuilds the string from the tokens, which is slow) and the version of the model and
    code that parsed it (``user_data["parse_version"]``), so that a result is never reused for another parse."""
    meta = doc.user_data  # a LazyDoc carries the saved user_data without building the doc
    text = meta.get("text_sha256") or loaded(doc).text
    return f"{text}|{meta.get('parse_version', '')}"


def rows_per_article(docs: Iterable, table: schemas.Table, extract: Callable,
                     inputs: Callable[[str], object] | None = None,
                     ) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """``extract(doc, article_id)`` for every parsed doc, as one ``table`` frame, failures isolated.

    ``inputs(article_id)``: what ``extract`` reads for that article besides its doc (see :func:`per_article`);
    with it, each article's rows are cached under its text and those inputs.
    """
    key = (lambda d: (doc_text_key(d), inputs(doc_article_id(d)))) if inputs is not None else None
    done, errors = per_article(docs, doc_article_id, lambda d: extract(d, doc_article_id(d)), table.name, key)
    rows = [r for _, article_rows in done for r in article_rows]
    df = pd.DataFrame(rows, columns=table.column_names) if rows else table.empty()
    return df, errors


def error_stage(spec: StageSpec) -> str:
    """The ``stage_errors.stage`` value of a notebook's failures: its number and stage (``"03 text"``)."""
    return f"{spec.notebook} {spec.stage}"


def rows_by_article(df: pd.DataFrame | None) -> "ArticleRows":
    """``article_id -> its rows as records`` (table order) — a stage's per-article inputs, e.g. for ``inputs``.
    A read-only mapping whose rows are converted when an article is looked up (:class:`ArticleRows`)."""
    return ArticleRows(df)


def by_article_in_table_order(df: pd.DataFrame, within: list[str]) -> pd.DataFrame:
    """``df``'s rows grouped by article, the articles in the table's order of first appearance — the order the stages
    visit them (the articles table's, which notebook 02's rows follow) — and each article's rows sorted by
    ``within`` (stable). :class:`ArticleRows` converts a block of neighbouring articles at a time, so its table must
    list the articles in the order they are looked up: sorted by ``article_id`` instead, a corpus whose ids are not in
    file order (hashed ids, the synthetic 2,000) converted a 64-article block for about every second article
    (notebook 03 at 2,000 articles: 59.8 s, 22.3 s of it in conversions)."""
    if df is None or not len(df):
        return df
    codes = pd.factorize(df["article_id"], sort=False)[0]
    key = "\0article_order"  # a column no table has
    return df.assign(**{key: codes}).sort_values([key, *within], kind="stable").drop(columns=key)


FAST_RECORDS = True  # rows converted column by column (measured: off is pandas' to_dict("records"))


def _records(df: pd.DataFrame) -> list[dict]:
    """``df.to_dict("records")``: the same dicts, with each column's values made in one call where pandas makes
    them one by one (an Arrow string column: one ``to_pylist``, not an Arrow scalar per value)."""
    if not FAST_RECORDS or not df.columns.is_unique:
        return df.to_dict("records")
    names = df.columns.tolist()
    return [dict(zip(names, row)) for row in zip(*(_column_values(df.iloc[:, k]) for k in range(len(names))))]


def _column_values(series: pd.Series) -> list:
    """The values ``to_dict("records")`` gives a column: what iterating it yields (numpy: ``.item()`` of each;
    an Arrow-backed string: its Python string, or the dtype's missing value for a null), with the values of an
    object or other extension column made native (``maybe_box_native``), as pandas does."""
    from pandas.core.dtypes.cast import maybe_box_native

    values = series.array
    if isinstance(series.dtype, pd.StringDtype) and series.dtype.storage == "pyarrow" \
            and hasattr(values, "_pa_array"):
        na = series.dtype.na_value
        return [na if v is None else v for v in values._pa_array.to_pylist()]
    if isinstance(series.dtype, np.dtype) and series.dtype.kind in "iufb":
        return series.to_numpy().tolist()
    if isinstance(series.dtype, np.dtype) and series.dtype != object:
        return list(series)
    return [maybe_box_native(v) for v in series]  # object and extension columns are boxed by pandas too


class ArticleRows(Mapping):
    """``article_id -> its rows as records`` of a table (``make(records)`` when given), articles in order of first
    appearance, rows in table order — converted on look-up, a block of :data:`BLOCK` articles at a time (one
    ``records`` call: per article it cost ~7 ms), the last ``keep`` articles kept. So a stage holds its input tables
    as compact frames, not a dict per row of the corpus (which grew with the corpus: about 1 KB a row). Looked up for
    a chunk's cache keys before :class:`helpers.core.engine.Runner` forks, the rows are inherited by the workers.
    ``records`` turns a frame of rows into one dict per row (default: ``to_dict("records")``), so the values are
    those of one conversion of the whole table."""

    BLOCK = 64

    def __init__(self, df: pd.DataFrame | None, records: Callable[[pd.DataFrame], list[dict]] = _records,
                 make: Callable[[list[dict]], object] | None = None, keep: int = 4 * CHUNK):
        self._records, self._make, self._keep, self._memo = records, make, keep, {}
        self._df, self._spans, self._ids, self._columns = None, {}, [], {}
        if df is None or not len(df):
            return
        codes, uniques = pd.factorize(df["article_id"], sort=False)  # codes in order of first appearance
        if (codes < 0).any():
            raise ValueError("rows without an article_id")
        if (np.diff(codes) < 0).any():  # not grouped by article yet: group, keeping table order within each
            order = np.argsort(codes, kind="stable")
            df, codes = df.iloc[order], codes[order]
        self._df = df.reset_index(drop=True)
        ends = np.cumsum(np.bincount(codes, minlength=len(uniques)))
        self._ids = list(uniques)
        self._spans = {aid: (k, int(lo), int(hi)) for k, (aid, lo, hi) in
                       enumerate(zip(self._ids, np.concatenate([[0], ends[:-1]]), ends))}

    def __getitem__(self, aid):
        if aid in self._memo:
            return self._memo[aid]
        k = self._spans[aid][0]
        block = self._ids[k:k + self.BLOCK]
        first, last = self._spans[block[0]][1], self._spans[block[-1]][2]
        rows = self._records(self._df.iloc[first:last])
        for other in block:
            _, lo, hi = self._spans[other]
            part = rows[lo - first:hi - first]
            self._memo[other] = self._make(part) if self._make is not None else part
        value = self._memo[aid]
        while len(self._memo) > self._keep:
            del self._memo[next(iter(self._memo))]
        return value

    def digest(self, aid, columns: Iterable[str] | None = None) -> str | None:
        """SHA-256 (hex) of ``aid``'s rows — their values in ``columns`` (default: every column), in table order —
        read from the frame's columns as Arrow data, without converting any row (None when ``aid`` has no rows).
        What a per-article cache key needs of an article's rows (:func:`per_article`'s ``inputs``): equal rows give
        equal digests and any difference of a value, a null, a row or a column type gives another. Converting every
        article's rows to dicts for its key (and JSON-encoding them) cost a +1 rebuild about 1 s in 03, 04, 06 and 07
        together, for the one article whose rows were then needed."""
        if aid not in self._spans:
            return None
        _, lo, hi = self._spans[aid]
        h = hashlib.sha256(b"%d rows\0" % (hi - lo))
        for column in (self._df.columns if columns is None else columns):
            self._column_bytes(column).update(h, lo, hi)
        return h.hexdigest()

    def _column_bytes(self, column: str) -> "_ColumnBytes":
        made = self._columns.get(column)
        if made is None:
            made = self._columns[column] = _ColumnBytes(column, self._df[column])
        return made

    def __contains__(self, aid) -> bool:
        return aid in self._spans

    def __iter__(self):
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)


class _ColumnBytes:
    """One column of a frame as bytes a row range can be hashed from (:meth:`ArticleRows.digest`): its Arrow type,
    its nulls (one byte a row), and its values — a fixed-width buffer (nulls filled with zeros, since Arrow leaves
    the values under a null undefined), or a variable-width one with the rows' end offsets (strings, binary); a type
    with neither (lists, structs, or an object column Arrow cannot type) is hashed as the JSON of its Python values."""

    def __init__(self, name: str, series: pd.Series):
        import pyarrow as pa
        import pyarrow.compute as pc

        self.head = f"{name}\0".encode("utf-8", "surrogatepass")
        self.nulls = self.values = self.ends = self.data = self.objects = None
        try:
            arr = pa.array(series)
        except (pa.ArrowException, TypeError, ValueError):  # mixed Python objects: hashed as JSON
            self.head += b"object\0"
            self.objects = series.reset_index(drop=True)
            self.nulls = self.objects.isna().to_numpy().view(np.uint8)
            return
        if isinstance(arr, pa.ChunkedArray):
            arr = arr.combine_chunks()
        if pa.types.is_dictionary(arr.type):
            arr = arr.dictionary_decode()
        self.head += f"{arr.type}\0".encode()
        # a row's null flags are hashed whether or not the column has a null elsewhere: an article's digest depends
        # on its own rows only (the column's Arrow type aside, which a corpus's rows give the same each run)
        self.nulls = arr.is_null().to_numpy(zero_copy_only=False).view(np.uint8)
        t = arr.type
        if pa.types.is_boolean(t):
            arr = pc.cast(arr, pa.uint8())
            t = arr.type
        if arr.null_count and (pa.types.is_string(t) or pa.types.is_large_string(t)):
            arr = arr.fill_null("")
        elif arr.null_count and (pa.types.is_binary(t) or pa.types.is_large_binary(t)):
            arr = arr.fill_null(b"")
        if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_binary(t) \
                or pa.types.is_large_binary(t):
            width = np.int64 if pa.types.is_large_string(t) or pa.types.is_large_binary(t) else np.int32
            buffers = arr.buffers()
            offsets = np.frombuffer(buffers[1], dtype=width)[arr.offset:arr.offset + len(arr) + 1]
            self.ends = offsets.astype(np.int64)
            self.data = memoryview(buffers[2]) if buffers[2] is not None else memoryview(b"")
        elif pa.types.is_primitive(t) and t.bit_width in (8, 16, 32, 64):  # numbers, dates, times: their bits
            arr = arr.view(getattr(pa, f"int{t.bit_width}")())
            self.values = (arr.fill_null(0) if arr.null_count else arr).to_numpy()
        elif pa.types.is_null(t):
            pass  # every row null: the nulls say it all
        else:
            self.objects = pd.Series(arr.to_pylist(), dtype=object)

    def update(self, h, lo: int, hi: int) -> None:
        """Add rows ``lo:hi`` to the hash ``h``."""
        import json

        h.update(self.head)
        h.update(self.nulls[lo:hi].tobytes())
        if self.values is not None:
            h.update(self.values[lo:hi].tobytes())
        elif self.ends is not None:
            ends = self.ends[lo:hi + 1]
            h.update(np.diff(ends).tobytes())
            h.update(self.data[ends[0]:ends[-1]])
        elif self.objects is not None:
            h.update(json.dumps(self.objects.iloc[lo:hi].tolist(), default=repr, ensure_ascii=False)
                     .encode("utf-8", "surrogatepass"))


def row_digest(rows: Mapping, aid, columns: Iterable[str] | None = None) -> str | None:
    """``rows.digest(aid, columns)`` for an :class:`ArticleRows`; for another mapping of article ids to rows (a
    stage given no table: ``{}``), the JSON of ``aid``'s rows, or None when it has none."""
    if isinstance(rows, ArticleRows):
        return rows.digest(aid, columns)
    import json

    value = rows.get(aid)
    return None if value is None else json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


def stage_error_rows(stage: str, errors: Iterable[tuple[str, str]]) -> pd.DataFrame:
    """``StageResult.errors`` of ``stage`` as rows of the ``stage_errors`` table."""
    rows = [{"stage": stage, "article_id": str(aid), "error": str(err)} for aid, err in errors]
    return pd.DataFrame(rows, columns=schemas.STAGE_ERRORS.column_names) if rows else schemas.STAGE_ERRORS.empty()


def write_stage_errors(result: StageResult, spec: StageSpec, processed_dir: str | Path) -> Path:
    """Replace ``spec``'s rows of the ``stage_errors`` table with ``result.errors`` (other notebooks' rows kept).

    Rows are ordered by stage (notebook number first), then as the stage reported them, so the table is the same
    whichever notebooks re-ran, and in whichever order. :meth:`StageResult.write` calls this. The table is read and
    written under an exclusive lock on the tables' folder (``flock`` on the folder itself: no lock file among the
    tables): the runner runs notebooks in two kernels at once (:mod:`helpers.run.pipeline`), and two stages
    replacing their rows together would lose one's.
    """
    import fcntl
    import os

    stage = error_stage(spec)
    path = tables.table_path("stage_errors", processed_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)  # released when the descriptor is closed
        old = tables.read_table("stage_errors", processed_dir) if path.exists() else schemas.STAGE_ERRORS.empty()
        rows = pd.concat([old[old.stage != stage], stage_error_rows(stage, result.errors)], ignore_index=True)
        rows = rows.sort_values("stage", kind="stable").reset_index(drop=True)
        return tables.write_table(rows if len(rows) else schemas.STAGE_ERRORS.empty(), "stage_errors", processed_dir)
    finally:
        os.close(folder)
