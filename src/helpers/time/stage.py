"""The dates-and-events stage in one code path (notebook 06, the throughput benchmark, the tests).

Reads the earlier tables, uses each article's stated date (``articles.published``)
or else the inferred one (``article_metadata.published_inferred``, when notebook
05 wrote it) as the anchor, and builds the ``dates`` and ``events`` tables.
``places`` and ``article_metadata`` are optional: without them events carry
no places and articles without a stated date stay unanchored.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from spacy.tokens import Doc

from helpers.text import doccache as docs_module
from helpers.core import schemas, tables
from helpers.time.table import article_anchors, build_dates_table
from helpers.time.events import build_events_table


@dataclass
class DatesEventsResult:
    dates: pd.DataFrame
    events: pd.DataFrame
    errors: list[tuple[str, str]] = field(default_factory=list)  # (article_id, "stage: message")
    inputs_missing: list[str] = field(default_factory=list)  # optional tables that were not there


def read_optional(name: str, processed_dir: str | Path) -> pd.DataFrame | None:
    """A table if an earlier notebook wrote it, else None."""
    return tables.read_table(name, processed_dir) if tables.table_path(name, processed_dir).exists() else None


def run(docs: list[Doc], articles: pd.DataFrame, sentences: pd.DataFrame | None = None,
        entities: pd.DataFrame | None = None, places: pd.DataFrame | None = None,
        metadata: pd.DataFrame | None = None) -> DatesEventsResult:
    """Both tables for parsed ``docs`` (each with ``user_data["article_id"]``)."""
    anchors = article_anchors(articles, metadata)
    dates, date_errors = build_dates_table(docs, anchors, sentences)
    events, event_errors = build_events_table(docs, dates, sentences, entities,
                                              places if places is not None else schemas.PLACES.empty())
    errors = [(a, f"dates: {m}") for a, m in date_errors] + [(a, f"events: {m}") for a, m in event_errors]
    return DatesEventsResult(dates, events, errors)


def run_from_processed(processed_dir: str | Path) -> DatesEventsResult:
    """Read every input from ``processed_dir`` (parses from ``docs.spacy``) and build both tables."""
    articles = tables.read_table("articles", processed_dir)
    sentences = tables.read_table("sentences", processed_dir)
    entities = tables.read_table("entities", processed_dir)
    places = read_optional("places", processed_dir)
    metadata = read_optional("article_metadata", processed_dir)
    docs = list(docs_module.load_docs(processed_dir))
    result = run(docs, articles, sentences, entities, places, metadata)
    result.inputs_missing = [name for name, df in (("places", places), ("article_metadata", metadata)) if df is None]
    return result
