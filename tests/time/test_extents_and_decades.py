"""Issue 12, round 6: TimeML extents with a modifier of approximation ("around Nov. 1", "nearly two weeks ago")
and with a determiner ("the current fiscal year"); decades in words ("the nineties") and centuries ("the 20th
century") with TimeML's values.

Constructed sentences only (never the benchmarks' own).
"""
from __future__ import annotations

from datetime import date

import pytest

from helpers.time.expressions import find_time_expressions

D = date.fromisoformat
PUBLISHED = D("2024-10-23")  # a Wednesday


def found(nlp, text, anchor=PUBLISHED):
    return [(e.text, e.timex) for e in find_time_expressions(doc=nlp(text), anchor=anchor)]


# ---------------------------------------------------------------- approximators in the extent
@pytest.mark.parametrize("mod", ["nearly", "almost", "about", "some", "roughly", "more than"])
def test_a_count_ago_takes_its_approximator(nlp, mod):
    text = f"The ferry sank {mod} three weeks ago, officials said."
    assert found(nlp, text) == [(f"{mod} three weeks ago", "2024-W40")]


def test_a_date_takes_around_and_keeps_its_value(nlp):
    text = "The council expects to vote around Nov. 4, its chairman said on Tuesday."
    assert found(nlp, text) == [("around Nov. 4", "2024-11-04"), ("Tuesday", "2024-10-22")]
    offsets = find_time_expressions(doc=nlp(text), anchor=PUBLISHED)[0]
    assert text[offsets.start_char:offsets.end_char] == "around Nov. 4"


def test_a_possessive_date_after_around_is_not_approximated(nlp):
    text = "The lawyers looked for ways to get around Monday's ruling."
    assert found(nlp, text) == [("Monday", "2024-10-21")]


def test_about_before_a_calendar_date_is_not_an_approximator(nlp):
    text = "They argued about March 3 for an hour."
    assert [t for t, _ in found(nlp, text)] == ["March 3"]


# ---------------------------------------------------------------- determiners in the extent
@pytest.mark.parametrize("text, expected", [
    ("Sales in the current fiscal year will rise.", ("the current fiscal year", "2024")),
    ("Prices will be set in the coming week.", ("the coming week", "2024-W44")),
    ("Spending in the current month is high.", ("the current month", "2024-10")),
    ("The harvest was poor in the early summer.", ("the early summer", "2024-SU")),
])
def test_the_before_current_coming_and_early_is_part_of_the_extent(nlp, text, expected):
    assert found(nlp, text) == [expected]


def test_the_previous_week_still_refers_back(nlp):
    text = "The dam burst on May 3. The previous week had been calm."
    rows = find_time_expressions(doc=nlp(text), anchor=PUBLISHED)
    assert [(e.text, e.timex, e.reference) for e in rows] == [
        ("May 3", "2024-05-03", "publication"), ("The previous week", "2024-04-26", "previous")]


# ---------------------------------------------------------------- decades in words, centuries
@pytest.mark.parametrize("anchor, expected", [(D("2024-10-23"), "199"), (D("1998-03-03"), "199"), (D("1995-01-01"), "199")])
def test_the_nineties_is_the_latest_such_decade_begun(nlp, anchor, expected):
    text = "Wages rose quickly in the nineties, the report said."
    assert found(nlp, text, anchor) == [("the nineties", expected)]


def test_a_decade_not_yet_begun_is_the_previous_centurys(nlp):
    text = "Jazz clubs opened across the city in the twenties."
    assert found(nlp, text, D("1915-06-01")) == [("the twenties", "182")]
    assert found(nlp, text, D("2024-10-23")) == [("the twenties", "202")]


def test_early_eighties_keeps_the_decade_value_and_its_first_years(nlp):
    rows = find_time_expressions(doc=nlp("The mill closed in the early eighties."), anchor=PUBLISHED)
    assert [(e.text, e.timex, e.start, e.end) for e in rows] == [
        ("the early eighties", "198", D("1980-01-01"), D("1983-12-31"))]


@pytest.mark.parametrize("text", ["Temperatures stayed in the sixties all week.",
                                  "The thermometer showed readings in the seventies."])
def test_temperatures_in_the_sixties_are_not_decades(nlp, text):
    assert not any(t.startswith("the s") for t, _ in found(nlp, text))


@pytest.mark.parametrize("text, expected", [
    ("It was the deadliest war of the 20th century.", ("the 20th century", "19")),
    ("Few bridges of the nineteenth century survive.", ("the nineteenth century", "18")),
    ("The twenty-first century began quietly.", ("The twenty-first century", "20")),
    ("They restored a 17th-century chapel.", ("17th-century", "16")),
])
def test_centuries_take_their_first_two_digits(nlp, text, expected):
    assert found(nlp, text) == [expected]


def test_a_century_spans_its_hundred_years(nlp):
    row = find_time_expressions(doc=nlp("Cities grew in the 20th century."), anchor=PUBLISHED)[0]
    assert (row.start, row.end, row.precision, row.reference) == (D("1900-01-01"), D("1999-12-31"), "year", "absolute")


def test_numbers_before_century_that_are_not_ordinals_are_not_centuries(nlp):
    assert found(nlp, "The team scored a century in 20 overs.") == []


def test_a_century_in_a_name_is_not_a_date(nlp):
    assert found(nlp, "Shares of 21st Century Fox rose.") == []
    assert found(nlp, "In the 21st Century, borders are fixed.") == [("the 21st Century", "20")]
