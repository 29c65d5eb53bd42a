"""Seed-pair helpers shared by test_pairs.py, test_alignment.py and test_ledger.py.

The parsed seeds come from the session fixtures in ``conftest.py`` (``seed_articles``,
``seed_stage``); this module only names the two seeds and orients their alignment.
"""
from __future__ import annotations

import pandas as pd


def seed_id(articles: pd.DataFrame, prefix: str) -> str:
    """``article_id`` of the seed whose file name starts with ``prefix`` (``"000"``, ``"002"``)."""
    return articles.loc[articles["source_file"].str.startswith(prefix), "article_id"].item()


def lines_of(stage, article_id: str) -> str:
    """An article's sentences, one per line (material for constructed pairs)."""
    s = stage["sentences"]
    return "\n".join(s.loc[s.article_id == article_id].sort_values("sentence_id")["text"])
