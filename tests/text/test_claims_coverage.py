"""Quantity coverage and categories (issue 10 round 3) — constructed sentences, positive and negative."""
from __future__ import annotations

import pytest

from helpers.text.claims import parse_number
from helpers.text.stage import extract_article


def claims(nlp, text):
    doc = nlp(text)
    doc.user_data["article_id"] = "a1"
    return extract_article(doc)["claims"]


@pytest.mark.parametrize("text,expr,low,high,unit", [
    ("The scheme will cost EUR4-5 billion.", "EUR4-5 billion", 4e9, 5e9, "eur"),       # code glued to the number
    ("The scheme will cost EUR 4-5 billion.", "EUR 4-5 billion", 4e9, 5e9, "eur"),
    ("The town pledged PLN250 million.", "PLN250 million", 2.5e8, 2.5e8, "pln"),
    ("They moved 3,000 to 4,000 troops.", "3,000 to 4,000", 3000, 4000, "troop"),
])
def test_ranges_and_currency_codes(nlp, text, expr, low, high, unit):
    c, = claims(nlp, text)
    assert (c["text"], c["value_low"], c["value_high"], c["unit"]) == (expr, low, high, unit)


def test_three_capitals_glued_to_a_number_are_no_currency_unless_a_code():
    assert parse_number(["EUR6"]) == 6
    assert parse_number(["ABC6"]) is None


@pytest.mark.parametrize("text,expr,value,unit", [
    ("Approval fell by 4 percentage points.", "4", 4, "percentage_point"),
    ("Prices rose nine percent.", "nine percent", 9, "percent"),
    ("Prices rose 9 per cent.", "9 per cent", 9, "percent"),
    ("Prices rose 9%.", "9%", 9, "percent"),
    ("Almost one third of the staff left.", "Almost one third", 100 / 3, "percent"),
])
def test_percentages_every_way(nlp, text, expr, value, unit):
    c, = claims(nlp, text)
    assert (c["text"], c["unit"], c["category"]) == (expr, unit, "percent")
    assert c["value"] == pytest.approx(value)


@pytest.mark.parametrize("text,expr", [
    ("The blast left 14 dead in the square.", "14"),
    ("The shelling left 14 dead and 30 wounded.", "30"),
])
def test_a_number_before_a_casualty_word_is_a_casualty_count(nlp, text, expr):
    c = next(r for r in claims(nlp, text) if r["text"] == expr)
    assert c["category"] == "casualties"


def test_a_number_before_another_word_is_no_casualty_count(nlp):
    c, = claims(nlp, "The committee left 14 open in the report.")
    assert c["category"] != "casualties"


def test_a_count_after_a_date_is_no_day_of_the_month(nlp):
    rows = claims(nlp, "Since March 2021, 12 officers were killed.")
    assert [(r["text"], r["category"]) for r in rows] == [("12", "casualties")]
    assert claims(nlp, "The talks were held on March 4 and 9.") == []


# ---- session 11: a time unit glued to a number without "ago", a bare "m" before a plural noun, square metres
# (the time stamps themselves: test_claims.py, test_discourse_numbers_are_rejected_with_their_rule)
def test_a_time_unit_without_ago_is_no_time_stamp(nlp):
    rows = claims(nlp, "The new wall is 40m high.")
    assert [c["value"] for c in rows] == [40]


@pytest.mark.parametrize("text,expr,value,unit,category", [
    ("Russia blocked the export of 22m tonnes of grain.", "22m", 22e6, "tonne", None),
    ("More than 32m square metres of housing were damaged.", "More than 32m square metres", 32e6, "m2", "area"),
    ("The flat has 32 sq m of floor space.", "32 sq m", 32, "m2", "area"),
    ("The hall is 120 square meters in size.", "120 square meters", 120, "m2", "area"),
])
def test_a_glued_m_before_a_plural_noun_is_a_million(nlp, text, expr, value, unit, category):
    row = next(c for c in claims(nlp, text) if c["text"] == expr)
    assert (row["value"], row["unit"]) == (value, unit)
    assert category is None or row["category"] == category


def test_a_glued_m_before_no_noun_is_no_million(nlp):
    row = next(c for c in claims(nlp, "They found 10 buildings below 11m where people live.") if "11" in c["text"])
    assert row["value"] == 11
