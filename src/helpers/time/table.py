"""The ``dates`` table: every time expression of every parsed article, with its anchor.

The anchor is the article's stated date (``articles.published``), else the date
inferred from the article it derives from (``article_metadata.published_inferred``),
else none — then relative expressions stay unresolved (unless the text sets its own
reference time: see ``reference``). Detection and resolution are
:func:`helpers.time.expressions.find_time_expressions`.
"""
from __future__ import annotations

from datetime import date
from typing import Iterable

import pandas as pd
from spacy.tokens import Doc

from helpers.core import schemas
from helpers.core.stage import row_digest, rows_by_article, rows_per_article
from helpers.rewrites.inference import date_anchors
from helpers.time.expressions import find_time_expressions
from helpers.text.sentences import SentenceIndex, extract_sentences, sentence_indexes


def article_anchors(articles: pd.DataFrame, metadata: pd.DataFrame | None = None) -> dict[str, tuple[date | None, str]]:
    """``article_id -> (anchor, anchor_source)``: stated date, else the inferred one, else none."""
    missing = {"article_id", "published"} - set(articles.columns)
    if missing:
        raise ValueError(f"article_anchors: articles frame lacks columns {sorted(missing)}")
    frame = articles[["article_id", "published"]]
    if metadata is not None and len(metadata) and "published_inferred" in metadata:
        frame = frame.merge(metadata[["article_id", "published_inferred"]].drop_duplicates("article_id"),
                            on="article_id", how="left")
    else:
        frame = frame.assign(published_inferred=None)
    picked = date_anchors(frame)  # the one "stated date, else inferred" rule
    return {aid: (None if source == "none" else pd.Timestamp(value).date(), source)
            for aid, value, source in zip(picked["article_id"], picked["anchor"], picked["anchor_source"])}


def sentence_index_for(doc: Doc, article_id: str, indexes: dict[str, SentenceIndex]) -> SentenceIndex:
    """The article's sentences from the table, else from the parse (same numbering as 02_sentences_entities)."""
    return indexes.get(article_id) or SentenceIndex(extract_sentences(doc, article_id))


def dates_for_doc(doc: Doc, article_id: str, anchor: date | None, anchor_source: str,
                  sentences: SentenceIndex | None = None) -> list[dict]:
    """Rows of the ``dates`` table for one parsed article."""
    index = sentences or SentenceIndex(extract_sentences(doc, article_id))
    rows = []
    for e in find_time_expressions(doc=doc, anchor=anchor):
        rows.append({
            "article_id": article_id, "sentence_id": index.sentence_id(e.start_char),
            "start_char": e.start_char, "end_char": e.end_char, "text": e.text,
            "start": e.start, "end": e.end, "precision": e.precision, "timex": e.timex,
            "relative": e.relative, "anchor": anchor, "anchor_source": anchor_source, "reference": e.reference,
        })
    return rows


def build_dates_table(docs: Iterable[Doc], anchors: dict[str, tuple[date | None, str]],
                      sentences: pd.DataFrame | None = None) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """The ``dates`` table for parsed docs (``doc.user_data["article_id"]`` names each).

    Returns the table and a list of ``(article_id, error)`` for articles that
    failed; one failing article does not stop the others.
    """
    indexes = sentence_indexes(sentences)
    sent_rows = rows_by_article(sentences)

    def extract(doc: Doc, article_id: str) -> list[dict]:
        anchor, source = anchors.get(article_id, (None, "none"))
        return dates_for_doc(doc, article_id, anchor, source, sentence_index_for(doc, article_id, indexes))

    return rows_per_article(docs, schemas.DATES, extract,
                            inputs=lambda aid: (anchors.get(aid, (None, "none")), row_digest(sent_rows, aid)))
