"""``reference_checks``: claimed cumulative Russian losses against the Ukrainian General Staff series.

The series is the JSON file the pinned package ``moskali`` ships (one record per day from
2022-02-24, Ukrainian category keys, cumulative counts); it is read directly, nothing is downloaded.
Which claims are checked (:func:`series_of`): kind ``total``, owner ``reference_owner`` (Russia's
losses), and a unit class / subject / category that ``rules/reference_categories.csv`` maps to a
series key, with a counted event the series counts (column ``events``: ``lost`` — not a build-up, not
captives, not "killed, injured or captured" together). Whose figure it is (``source_kind``) comes from ``rules/reference_sources.csv``
(first pattern found in the claimant, lower-cased; else ``other``).

Verdict: the claim's range — ``value_low..value_high`` (for a ``vague`` figure such as "tens of thousands" the
range its phrase stands for, never its conventional value alone), open above for at_least / more_than, open
below for up_to / less_than — widened by the tolerance of its qualifier
(``ledger_rules.json`` ``reference_tolerance_pct``) holds the series value → ``consistent``; the
range lies above it → ``higher``; below → ``lower``. The series value is the last report on or
before the claim's ``refers_to_end`` (else ``claimed_on``).
"""
from __future__ import annotations

import functools
import json
import re
from importlib import resources

import pandas as pd

from helpers.core import rules, schemas
from helpers.ledger import claimdates, topics


@functools.lru_cache(maxsize=1)
def series() -> pd.DataFrame:
    """The General Staff series: index date (ascending), one int column per Ukrainian key."""
    raw = json.loads(resources.files("moskali").joinpath("moskali.json").read_text(encoding="utf-8"))
    df = pd.DataFrame(raw)
    df["date"] = pd.to_datetime(df["date"]).dt.date
    df = df.set_index("date").sort_index()
    return df.apply(pd.to_numeric, errors="coerce")


@functools.lru_cache(maxsize=1)
def categories() -> tuple[dict, ...]:
    return tuple(dict(series_key=r["series_key"], label=r["label"],
                      units=set(filter(None, r["unit_classes"].split("|"))),
                      words=[w for w in r["subject_words"].split("|") if w],
                      categories=set(r["categories"].split("|")),
                      events=set(filter(None, (r.get("events") or "").split("|"))))
                 for r in rules.load_csv("ledger", "reference_categories.csv"))


@functools.lru_cache(maxsize=1)
def sources() -> tuple[tuple[str, str, str], ...]:
    return tuple((r["pattern"].lower(), r["source_kind"], r["note"]) for r in rules.load_csv("ledger", "reference_sources.csv"))


def series_of(row) -> dict | None:
    """The series category a ledger row's figure is counted in, else None (first matching rule)."""
    owner = row.topic.split(" | ")[0]
    if row.figure_kind != "total" or owner != claimdates.ledger_rules()["reference_owner"]:
        return None
    unit = topics.unit_key(row.unit)
    text = f"{row.unit} {row.sentence}".lower()
    parts = row.topic.split(" | ")
    event = parts[4].split(" at ")[0] if len(parts) > 4 else None
    for cat in categories():
        if cat["events"] and event not in cat["events"]:  # the series counts losses: not captives, not build-ups
            continue
        if unit in cat["units"] and row.category in cat["categories"] and (not cat["words"] or any(w in text for w in cat["words"])):
            return cat
    return None


def source_label(kind: str) -> str:
    """A short reader's label for a ``source_kind`` (``rules/reference_sources.csv`` column ``label``)."""
    labels = {r["source_kind"]: r.get("label") or r["source_kind"] for r in rules.load_csv("ledger", "reference_sources.csv")}
    return labels.get(kind, kind or "other")


def source_of(claimant: str) -> tuple[str, str | None]:
    low = (claimant or "").lower()
    for pattern, kind, note in sources():
        if pattern in low:
            return kind, note
    return "other", None


def verdict(low: float, high: float, qualifier: str, reference: float, tolerance_pct: float) -> str:
    """consistent | higher | lower of a claimed range against the reference value."""
    lo, hi = low, high
    if qualifier in ("at_least", "more_than"):
        hi = float("inf")
    if qualifier in ("up_to", "less_than"):
        lo = float("-inf")
    t = tolerance_pct / 100.0
    if lo * (1 - t) <= reference <= hi * (1 + t):
        return "consistent"
    return "higher" if lo * (1 - t) > reference else "lower"


def reference_checks(ledger: pd.DataFrame) -> pd.DataFrame:
    """The ``reference_checks`` table for a ``claims_ledger`` frame."""
    s = series()
    tol = claimdates.ledger_rules()["reference_tolerance_pct"]
    rows = []
    for r in ledger.itertuples(index=False):
        cat = series_of(r)
        if cat is None:
            continue
        basis, when = ("refers_to", r.refers_to_end) if pd.notna(r.refers_to_end) else ("claimed_on", r.claimed_on)
        if when is None or pd.isna(when):
            continue
        when = pd.Timestamp(when).date()
        words = claimdates.ledger_rules()["period_start_words"]
        opened = (pd.notna(r.refers_to_start) and r.refers_to_end == r.claimed_on and r.refers_to_start != r.refers_to_end
                  and re.search(r"\b(" + "|".join(map(re.escape, words)) + r")\b", r.sentence, re.IGNORECASE))
        if opened and pd.Timestamp(r.refers_to_start).date() > s.index[0] + pd.Timedelta(days=cfg_start_days()):
            continue  # a count over a later period ("since January 1"), not the cumulative total
        known = s.loc[:when, cat["series_key"]].dropna()
        if known.empty:
            continue
        ref_date, ref = known.index[-1], float(known.iloc[-1])
        kind, note = source_of(r.claimant)
        t = float(tol.get(r.qualifier, 2.0))
        rows.append(dict(claim_id=r.claim_id, article_id=r.article_id, topic=r.topic, series=cat["label"],
                         value=r.value, qualifier=r.qualifier, claimant=r.claimant, source_kind=kind, source_note=note,
                         compared_on=when, compared_on_basis=basis, series_date=ref_date, series_value=ref,
                         difference_pct=round((r.value - ref) / ref * 100.0, 2), tolerance_pct=t,
                         verdict=verdict(r.value_low, r.value_high, r.qualifier, ref, t)))
    if not rows:
        return schemas.REFERENCE_CHECKS.empty()
    return pd.DataFrame(rows, columns=schemas.REFERENCE_CHECKS.column_names)


__all__ = ["series", "series_of", "source_of", "source_label", "verdict", "reference_checks", "series_keys"]


def cfg_start_days() -> int:
    """Days after the series start within which a period start still counts as "since the invasion"."""
    return int(claimdates.ledger_rules().get("cumulative_start_days", 7))


def series_keys() -> dict[str, str]:
    """Series label → the series' Ukrainian column key (``rules/reference_categories.csv``)."""
    return {c["label"]: c["series_key"] for c in categories()}
