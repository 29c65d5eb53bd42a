"""Session 21 (post-parse speed): rule 3 of the owners (:func:`helpers.ledger.build.fill_from_context`) reads
column lists instead of a frame per group; it must fill exactly as the pandas ``sort_values`` + ``groupby``
formulation did, ties of offsets and missing keys included."""
from __future__ import annotations

import random

import numpy as np
import pandas as pd

from helpers.ledger import build, topics


def _reference(claims: pd.DataFrame, owners: pd.Series, max_gap: int = topics.CONTEXT_SENTENCES) -> pd.Series:
    """The formulation before session 21, kept as the reference."""
    filled = owners.copy()
    df = claims.assign(owner_=owners.values, unit_key_=[topics.unit_key(u, r) for u, r in zip(claims.unit, claims.rate)])
    for _, g in df.sort_values("start_char").groupby(["article_id", "unit_key_", "category"], sort=False):
        known = [(r.sentence_id, r.owner_) for r in g.itertuples(index=False) if isinstance(r.owner_, str)]
        for r in g.itertuples(index=False):
            if isinstance(r.owner_, str):
                continue
            near = [(s, o) for s, o in known if abs(s - r.sentence_id) <= max_gap]
            before = [o for s, o in near if s <= r.sentence_id]
            after = [o for s, o in near if s > r.sentence_id]
            if before or after:
                filled[r.claim_id] = before[-1] if before else after[0]
    return filled


def _claims(rng: random.Random, n: int) -> tuple[pd.DataFrame, pd.Series]:
    rows = []
    for i in range(n):
        rows.append({
            "claim_id": f"c{i}", "article_id": rng.choice(["a1", "a2", "a3"]), "sentence_id": rng.randrange(12),
            "start_char": rng.randrange(40),  # few offsets: many ties
            "unit": rng.choice(["soldier", "soldiers", "tank", "percent"]),
            "rate": rng.choice([None, None, "per day"]),
            "category": rng.choice(["personnel", "equipment", None]),
        })
    claims = pd.DataFrame(rows)
    claims["category"] = claims["category"].astype("str")
    owners = pd.Series([rng.choice(["country a", "country b", None, None, None]) for _ in range(n)],
                       index=claims["claim_id"].tolist(), dtype="object")
    return claims, owners


def test_context_owners_equal_the_pandas_groupby_formulation():
    rng = random.Random(21)
    for n in (1, 5, 17, 40, 120):
        claims, owners = _claims(rng, n)
        got, want = build.fill_from_context(claims, owners), _reference(claims, owners)
        pd.testing.assert_series_equal(got, want)


def test_an_owner_is_taken_from_a_near_claim_of_the_same_unit_and_category_only():
    claims = pd.DataFrame({
        "claim_id": ["x1", "x2", "x3", "x4"], "article_id": ["a"] * 4, "sentence_id": [0, 1, 2, 9],
        "start_char": [0, 10, 20, 90], "unit": ["tank", "tank", "soldier", "tank"], "rate": [None] * 4,
        "category": ["equipment", "equipment", "personnel", "equipment"],
    })
    owners = pd.Series(["country a", None, None, None], index=list(claims.claim_id), dtype="object")
    got = build.fill_from_context(claims, owners)
    assert got["x2"] == "country a"  # same unit and category, next sentence
    assert got["x3"] is None  # another unit
    assert got["x4"] is None  # too far
    pd.testing.assert_series_equal(got, _reference(claims, owners))


def test_column_rows_are_the_itertuples_values():
    df = pd.DataFrame({"start_char": np.array([3, 1], dtype=np.int64), "label": pd.array(["GPE", None], dtype="str"),
                       "end_char": [5, 2]})
    want = [(r.start_char, r.end_char, r.label) for r in df.itertuples(index=False)]
    got = list(build._columns(df, "start_char", "end_char", "label"))
    assert [tuple(map(type, t)) for t in got] == [tuple(map(type, t)) for t in want]
    assert str(got) == str(want)
