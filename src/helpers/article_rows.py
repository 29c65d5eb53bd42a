"""Run a per-article extractor over parsed docs into one table, isolating failures per article."""
from __future__ import annotations

import logging
from typing import Callable, Iterable

import pandas as pd
from spacy.tokens import Doc

from . import schemas

log = logging.getLogger(__name__)


def rows_per_article(docs: Iterable[Doc], table: schemas.Table,
                     extract: Callable[[Doc, str], list[dict]]) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """``extract(doc, article_id)`` for every doc (``doc.user_data["article_id"]``), as a ``table`` frame.

    Returns the frame and ``(article_id, error)`` for each article that failed;
    one failing article is logged and skipped, the others are kept.
    """
    rows, errors = [], []
    for doc in docs:
        article_id = doc.user_data.get("article_id")
        try:
            if article_id is None:
                raise ValueError("doc has no user_data['article_id']")
            rows.extend(extract(doc, article_id))
        except Exception as exc:  # one bad article must not lose the others
            log.warning("%s: article %s failed: %s", table.name, article_id, exc)
            errors.append((str(article_id), f"{type(exc).__name__}: {exc}"))
    df = pd.DataFrame(rows, columns=table.column_names) if rows else table.empty()
    return df, errors
