"""Vague quantities (issue 10): a conventional value, a range and qualifier ``vague`` — constructed sentences."""
from __future__ import annotations

import pytest

from helpers.text.stage import extract_article


def claims(nlp, text):
    doc = nlp(text)
    doc.user_data["article_id"] = "a1"
    return extract_article(doc)["claims"]


@pytest.mark.parametrize("text,expr,value,low,high,unit,category", [
    ("Tens of thousands of people left the town.", "Tens of thousands", 20000, 20000, 99000, "person", "other"),
    ("They fired dozens of missiles at the port.", "dozens", 24, 24, 99, "missile", "equipment"),
    ("Hundreds of soldiers were killed near the river.", "Hundreds", 200, 200, 999, "soldier", "casualties"),
    ("A dozen drones struck the depot.", "A dozen", 12, 10, 14, "drone", "equipment"),
    ("A handful of tanks crossed the bridge.", "A handful", 5, 3, 7, "tank", "equipment"),
    ("Several hundred troops arrived on foot.", "Several hundred", 300, 300, 900, "troop", "personnel"),
    ("The repairs will cost hundreds of millions of dollars.", "hundreds of millions", 2e8, 2e8, 9.99e8, "usd", "money"),
    ("Thousands of refugees waited at the border.", "Thousands", 2000, 2000, 9999, "refugee", "other"),
])
def test_vague_quantities(nlp, text, expr, value, low, high, unit, category):
    rows = claims(nlp, text)
    assert len(rows) == 1, [r["text"] for r in rows]
    c = rows[0]
    assert (c["text"], c["qualifier"], c["value"], c["unit"], c["category"]) == (expr, "vague", value, unit, category)
    assert c["value_low"] == pytest.approx(low) and c["value_high"] == pytest.approx(high)
    assert text[c["start_char"]:c["end_char"]] == expr


def test_a_qualifier_before_a_vague_quantity_keeps_its_meaning(nlp):
    c, = claims(nlp, "More than a dozen soldiers were wounded.")
    assert (c["text"], c["qualifier"], c["value"], c["value_low"], c["value_high"], c["category"]) == \
        ("More than a dozen", "more_than", 12, 12, 12, "casualties")


@pytest.mark.parametrize("text", [
    "Crowds came by the thousands.",           # no "of": no count of anything
    "The tens column was added up first.",
    "A few soldiers stayed behind.",            # "a few" counts only before a scale word
    "Several officers resigned.",
])
def test_not_vague_quantities(nlp, text):
    assert [r["text"] for r in claims(nlp, text)] == []


def test_exact_dozens_stay_exact(nlp):
    c, = claims(nlp, "Three dozen missiles were launched.")
    assert (c["value"], c["qualifier"], c["unit"]) == (36, "exact", "missile")
    c, = claims(nlp, "She planted two dozen roses.")
    assert (c["value"], c["qualifier"], c["unit"]) == (24, "exact", "rose")
