"""The text stage in one code path: articles -> parsed docs -> sentences, entities, statements, claims.

Used by notebooks 02 and 03, the benchmarks and the tests:

- :func:`parse_articles` streams ``articles`` through ``nlp.pipe`` (batches) and yields docs
  carrying ``doc.user_data["article_id"]``;
- :func:`extract_article` reads every row of one parsed doc;
- :func:`run_stage` / :func:`extract_from_docs` do it for a corpus, streaming (docs are not kept
  unless a ``DocBin`` is passed), isolate failures per article, and finally give every entity one
  corpus-wide canonical name (applied to speakers and claimants too).
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from typing import Iterable, Iterator

import pandas as pd
from spacy.tokens import Doc, DocBin

from helpers.core import engine, schemas
from helpers.text import doccache
from helpers.text.claims import UNATTRIBUTED, extract_claims
from helpers.text.entities import article_entities, canonical_map, entity_frame_rows
from helpers.text.components import build_pipeline
from helpers.core.progress import progress
from helpers.text.sentences import SentenceIndex, extract_sentences
from helpers.text.statements import UNKNOWN, EntityLookup, SpeakerTracker, extract_statements

log = logging.getLogger(__name__)
TABLE_NAMES = ("sentences", "entities", "statements", "claims")


@dataclass
class StageResult:
    tables: dict[str, pd.DataFrame]
    errors: list[tuple[str, str]] = field(default_factory=list)  # (article_id, message)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]


def default_workers() -> int:
    """Processes for the parse: ``WARCLAIMS_WORKERS`` (set by ``pipeline run --workers``), else every core."""
    try:
        return max(1, int(os.environ.get("WARCLAIMS_WORKERS", "") or os.cpu_count() or 1))
    except ValueError:
        return 1


def parse_articles(articles: pd.DataFrame, batch_size: int = 16, workers: int | None = None,
                   cache: bool = True) -> Iterator[Doc]:
    """Parse ``articles.text`` with the warclaims pipeline, in input order; each doc knows its ``article_id``.

    Texts parsed before by the same model and text-stage code come from the per-article parse cache
    (:func:`helpers.text.doccache.pipe_cached`); the rest are parsed on ``workers`` processes. The docs are the
    same whatever ``workers`` is and whether they came from the cache.
    """
    if not {"article_id", "text"} <= set(articles.columns):
        raise ValueError("parse_articles needs an articles table with 'article_id' and 'text' columns")
    nlp = build_pipeline()
    pairs = zip(articles["text"].astype(str), articles["article_id"].astype(str))
    cache_dir = doccache.parse_cache_dir(nlp) if cache else None
    parse = _dask_parse(nlp, batch_size) if engine.current() == "dask" else None
    yield from doccache.pipe_cached(nlp, pairs, batch_size=batch_size, n_process=workers or default_workers(),
                                    cache_dir=cache_dir, parse=parse)


def parse_to_bytes(texts: list[str]) -> list[bytes]:
    """Parse ``texts`` with the warclaims pipeline (built once per worker process); docs as bytes."""
    nlp = build_pipeline()
    return [doc.to_bytes(exclude=["user_data"]) for doc in nlp.pipe(texts, batch_size=16)]


def _dask_parse(nlp, batch_size: int):
    """A ``parse(texts)`` for :func:`doccache.pipe_cached` that parses batches on the Dask cluster."""
    def parse(texts: list[str]):
        batches = (texts[i:i + batch_size] for i in range(0, len(texts), batch_size))
        for blobs in engine.map_ordered(parse_to_bytes, batches):
            for blob in blobs:
                yield Doc(nlp.vocab).from_bytes(blob)
    return parse


def extract_article(doc: Doc, article_id: str | None = None) -> dict[str, list[dict]]:
    """All rows of one parsed article (entity canonical names still per-article)."""
    aid = article_id or doc.user_data["article_id"]
    sentences = extract_sentences(doc, aid)
    index = SentenceIndex(sentences)
    entity_rows = article_entities(doc, aid)
    statements = extract_statements(doc, aid, entity_rows, index.sentence_id)
    resolve = SpeakerTracker(EntityLookup(entity_rows)).resolve
    claims = extract_claims(doc, aid, statements, sentences, resolve)
    return {
        "sentences": sentences,
        "entities": entity_frame_rows(entity_rows, index.sentence_id),
        "statements": [{k: v for k, v in s.items() if not k.startswith("_")} for s in statements],
        "claims": claims,
    }


def extract_from_docs(docs: Iterable[Doc], docbin: DocBin | None = None, total: int | None = None) -> StageResult:
    """Rows of every doc; a failing article is logged and skipped, the others are kept."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLE_NAMES}
    errors = []
    for doc in progress(docs, desc="extract", total=total, unit="article"):
        aid = doc.user_data.get("article_id", "")
        if docbin is not None:
            docbin.add(doc)
        try:
            article = extract_article(doc, aid)
        except Exception as exc:  # one bad article must not lose the others
            log.warning("article %s: extraction failed: %r", aid, exc)
            errors.append((aid, f"{type(exc).__name__}: {exc}"))
            continue
        for name in TABLE_NAMES:
            rows[name].extend(article[name])
    _unify_names(rows)
    tables = {name: pd.DataFrame(rows[name], columns=schemas.get(name).column_names) for name in TABLE_NAMES}
    for name in TABLE_NAMES:
        tables[name] = _typed(tables[name], name)
    return StageResult(tables, errors)


def run_stage(articles: pd.DataFrame, docbin: DocBin | None = None, batch_size: int = 16) -> StageResult:
    """Parse and extract a whole ``articles`` table."""
    return extract_from_docs(parse_articles(articles, batch_size=batch_size), docbin=docbin, total=len(articles))


def _unify_names(rows: dict[str, list[dict]]) -> None:
    mapping = canonical_map(rows["entities"])
    for r in rows["entities"]:
        r["canonical"] = mapping[r["canonical"]]
    for r in rows["statements"]:
        if r["speaker"] != UNKNOWN:
            r["speaker"] = mapping.get(r["speaker"], r["speaker"])
    for r in rows["claims"]:
        if r["claimant"] != UNATTRIBUTED:
            r["claimant"] = mapping.get(r["claimant"], r["claimant"])


def _typed(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Empty frames and all-null columns get the contract's dtypes (an Arrow round trip)."""
    return schemas.validate(df, name).to_pandas()
