"""The seed pair (data/raw, committed in the repo) parsed once per test process.

Shared by test_pairs.py, test_alignment.py and test_ledger.py: articles from the parse stage,
sentences from the NLP pipeline (``helpers.nlp`` + ``helpers.sentences``).
"""
from __future__ import annotations

import functools

import pandas as pd

from helpers import paths


@functools.lru_cache(maxsize=1)
def articles() -> pd.DataFrame:
    from helpers.articles import parse_directory
    return parse_directory(paths.RAW_DIR).articles


def seed_id(prefix: str) -> str:
    a = articles()
    return a.loc[a["source_file"].str.startswith(prefix), "article_id"].item()


@functools.lru_cache(maxsize=1)
def sentences() -> pd.DataFrame:
    from helpers.nlp import parse
    from helpers.sentences import extract_sentences
    a = articles()
    rows = []
    for aid, doc in zip(a["article_id"], parse(a["text"].tolist())):
        rows += extract_sentences(doc, aid)
    return pd.DataFrame(rows)


@functools.lru_cache(maxsize=1)
def pair_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    from helpers.pairs import find_pairs
    return find_pairs(articles(), sentences())
