"""The dates-and-events stage in one code path (notebook 06, the throughput benchmark, the tests).

Takes the earlier tables (it reads nothing from disk), uses each article's stated date (``articles.published``)
or else the inferred one (``article_metadata.published_inferred``, when notebook
05 wrote it) as the anchor, and builds the ``dates`` and ``events`` tables.
``places`` and ``article_metadata`` are optional: without them events carry
no places and articles without a stated date stay unanchored.
"""
from __future__ import annotations

import pandas as pd
from spacy.tokens import Doc

from helpers.core import schemas
from helpers.core.stage import StageResult
from helpers.time.table import article_anchors, build_dates_table
from helpers.time.events import build_events_table


def run(docs: list[Doc], articles: pd.DataFrame, sentences: pd.DataFrame | None = None,
        entities: pd.DataFrame | None = None, places: pd.DataFrame | None = None,
        metadata: pd.DataFrame | None = None) -> StageResult:
    """``dates`` and ``events`` for parsed ``docs`` (each with ``user_data["article_id"]``).

    The caller reads the tables (notebook 06 reads what its spec declares); ``places`` and
    ``metadata`` may be None (those notebooks did not run)."""
    anchors = article_anchors(articles, metadata)
    dates, date_errors = build_dates_table(docs, anchors, sentences)
    events, event_errors = build_events_table(docs, dates, sentences, entities,
                                              places if places is not None else schemas.PLACES.empty())
    errors = [(a, f"dates: {m}") for a, m in date_errors] + [(a, f"events: {m}") for a, m in event_errors]
    return StageResult({"dates": dates, "events": events}, errors)
