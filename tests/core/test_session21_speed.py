"""Session 21 (post-parse speed): the per-article rows of a table (:class:`helpers.core.stage.ArticleRows`) are
converted column by column; the dicts must be those of pandas' ``to_dict("records")``, value and type."""
from __future__ import annotations

import math
from datetime import date

import numpy as np
import pandas as pd

from helpers.core import stage


def _same(x, y) -> bool:
    if type(x) is not type(y):
        return False
    if isinstance(x, float) and math.isnan(x):
        return math.isnan(y)
    if isinstance(x, list):
        return len(x) == len(y) and all(_same(a, b) for a, b in zip(x, y))
    return x is y or bool(x == y)


def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": ["a", "a", "b", "c"],
        "n": np.array([1, 2, 3, 4], dtype=np.int64),
        "x": [0.5, float("nan"), 2.0, -1.0],
        "flag": [True, False, True, False],
        "label": pd.array(["GPE", None, "ORG", "GPE"], dtype="str"),
        "when": pd.Series([date(2024, 1, 2), None, date(2023, 5, 6), None], dtype=object),
        "mixed": pd.Series([np.int64(3), "text", None, np.float64(1.5)], dtype=object),
        "maybe": pd.array([1, None, 3, None], dtype="Int64"),
        "stamp": pd.to_datetime(["2024-01-02", None, "2024-03-04", "2024-05-06"]),
        "places": pd.Series([["Kyiv"], [], None, ["Lviv", "Odesa"]], dtype=object),
    })


def test_rows_equal_pandas_records_in_value_and_type():
    df = _frame()
    for part in (df, df.iloc[1:3], df.iloc[:0]):
        want, got = part.to_dict("records"), stage._records(part)
        assert len(want) == len(got)
        for w, g in zip(want, got):
            assert list(w) == list(g) and all(_same(w[k], g[k]) for k in w), (w, g)


def test_article_rows_same_with_and_without_the_fast_conversion(monkeypatch):
    df = _frame()
    fast = stage.rows_by_article(df)
    got = {aid: fast[aid] for aid in ("a", "b", "c")}
    monkeypatch.setattr(stage, "FAST_RECORDS", False)
    slow = stage.rows_by_article(df)
    for aid, rows in got.items():
        assert all(_same(g[k], w[k]) for g, w in zip(rows, slow[aid]) for k in w)

