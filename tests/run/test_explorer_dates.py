"""The explorer dates a claim by ``claimed_on`` (when it was made), shows ``refers_to`` beside it, and never
shows a date the sentence merely mentions (issue 11)."""
from __future__ import annotations

from datetime import date

import pandas as pd

import figure_frames as ff
from helpers.core import schemas, tables
from helpers.run import explorer


def _claim(i, aid, sentence, text):
    start = sentence.index(text)
    return {"claim_id": f"{aid}-c{i}", "article_id": aid, "sentence_id": 0, "start_char": start,
            "end_char": start + len(text), "text": text, "value": 500.0, "value_low": 500.0, "value_high": 500.0,
            "qualifier": "exact", "unit": "soldier", "category": "personnel", "subject": "soldiers", "rate": None,
            "claimant": "The envoy", "claimant_via": "attribution_verb", "statement_id": None, "sentence": sentence}


def test_claims_are_dated_when_they_were_made_not_by_a_date_they_mention(tmp_path):
    p = tmp_path / "processed"
    tables.write_table(ff.articles(), "articles", p)
    s0 = "The envoy said 500 soldiers would be ready on Friday."
    s1 = "The envoy said 500 soldiers arrived in March."
    claims = pd.DataFrame([_claim(0, ff.A0, s0, "500"), _claim(1, ff.A2, s1, "500")], columns=schemas.CLAIMS.column_names)
    tables.write_table(claims, "claims", p)
    ledger = ff.claims_ledger().iloc[:2].copy()
    ledger["claim_id"], ledger["article_id"] = claims["claim_id"].values, claims["article_id"].values
    # the sentence's own date (a deadline; a month) is claim_date / refers_to, never the date shown
    ledger["claim_date"] = [date(2024, 11, 1), date(2024, 3, 1)]
    ledger["claimed_on"] = [date(2024, 10, 24), date(2024, 4, 2)]
    ledger["refers_to_start"] = [date(2024, 11, 1), date(2024, 3, 1)]
    ledger["refers_to_end"] = [date(2024, 11, 1), date(2024, 3, 31)]
    ledger["refers_to_precision"] = ["day", "month"]
    tables.write_table(ledger, "claims_ledger", p)
    got = {c["claim_id"]: c for c in explorer.explorer_data(p)["claims"]}
    first, second = got[f"{ff.A0}-c0"], got[f"{ff.A2}-c1"]
    assert (first["date"], first["refers_to"]) == ("2024-10-24", "2024-11-01")
    assert (second["date"], second["refers_to"]) == ("2024-04-02", "2024-03")
    page = explorer.build_explorer(p, tmp_path / "reports").read_text(encoding="utf-8")
    assert "'claimed '+c.date" in page and "' · refers to '+c.refers_to" in page


def test_refers_to_labels_by_precision():
    row = lambda s, e, p: pd.Series({"refers_to_start": s, "refers_to_end": e, "refers_to_precision": p})  # noqa: E731
    assert explorer.refers_to_label(row(date(2023, 1, 1), date(2023, 12, 31), "year")) == "2023"
    assert explorer.refers_to_label(row(date(2024, 1, 1), date(2024, 3, 5), "day")) == "2024-01-01 – 2024-03-05"
    assert explorer.refers_to_label(row(None, None, "none")) is None
