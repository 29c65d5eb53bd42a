"""The seed articles (data/raw) parsed once per test process, with their dates table.

Shared by test_dates.py and test_events.py.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import pandas as pd
from spacy.tokens import Doc

from helpers.core import paths

SEED_002 = "002_"  # source_file prefix of the seed published 2024-10-24
SEED_000 = "000_"  # the seed without a stated date


@dataclass
class SeedStage:
    articles: pd.DataFrame
    docs: dict[str, Doc]
    sentences: pd.DataFrame
    entities: pd.DataFrame
    dates: pd.DataFrame

    def article_id(self, prefix: str) -> str:
        a = self.articles
        return a.loc[a["source_file"].str.startswith(prefix), "article_id"].item()


@functools.lru_cache(maxsize=1)
def seed_stage() -> SeedStage:
    from helpers.parse import run as parse_run
    from helpers.time.table import article_anchors, build_dates_table
    from helpers.text.stage import extract_article, parse_articles

    articles = parse_run(paths.RAW_DIR)["articles"]
    docs = {d.user_data["article_id"]: d for d in parse_articles(articles)}
    sentences, entities = [], []
    for aid, doc in docs.items():
        rows = extract_article(doc, aid)
        sentences += rows["sentences"]
        entities += rows["entities"]
    sentences, entities = pd.DataFrame(sentences), pd.DataFrame(entities)
    dates, errors = build_dates_table(docs.values(), article_anchors(articles), sentences)
    assert not errors, errors
    return SeedStage(articles, docs, sentences, entities, dates)
