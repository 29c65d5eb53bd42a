"""Issue 12, round 5: cumulative reporting periods ("for the nine months") as the period a year-on-year comparison
refers to, "this quarter" in a report on a named quarter, "the current fiscal year", and years in words after a
calendar preposition.

Constructed sentences only (never the benchmarks' own).
"""
from __future__ import annotations

from datetime import date

import pytest

from helpers.time.expressions import find_time_expressions

D = date.fromisoformat
PUBLISHED = D("2024-10-23")  # a Wednesday, three weeks after the third quarter ended


def found(nlp, text, anchor=PUBLISHED):
    return [(e.text, e.timex, e.reference) for e in find_time_expressions(doc=nlp(text), anchor=anchor)]


# ---------------------------------------------------------------- cumulative periods
@pytest.mark.parametrize("lead", ["For the nine months", "In the first nine months", "For the latest six months",
                                  "In the nine-month period"])
def test_comparison_after_a_cumulative_period_is_the_year_before(nlp, lead):
    text = (f"Third-quarter profit rose to $4 million. {lead}, the brewer earned $11 million, "
            "up from $9 million a year earlier.")
    assert found(nlp, text)[-1] == ("a year earlier", "2023", "previous")


def test_each_comparison_takes_the_period_named_last(nlp):
    text = ("In the third quarter, sales rose 5% from a year ago. For the nine months, sales rose 3% from "
            "year-earlier sales. Third-quarter margins were thinner than a year ago.")
    assert found(nlp, text) == [("the third quarter", "2024-Q3", "publication"), ("a year ago", "2023-Q3", "previous"),
                                ("year-earlier", "2023", "previous"), ("Third-quarter", "2024-Q3", "publication"),
                                ("a year ago", "2023-Q3", "previous")]


def test_the_year_named_with_period_after_a_cumulative_period_is_that_year(nlp):
    text = "In the third quarter, net fell. In the first nine months, net was $30 million against $25 million in the 2023 period."
    assert found(nlp, text)[-1] == ("the 2023 period", "2023", "previous")


def test_cumulative_period_without_a_quarter_named_takes_the_year_of_the_last_quarter_completed(nlp):
    text = "For the nine months, the insurer earned $2 million, compared with $1 million a year earlier."
    assert found(nlp, text) == [("a year earlier", "2023", "previous")]
    # published in February, the nine months reported are those of the year before
    assert found(nlp, text, D("2025-02-10")) == [("a year earlier", "2023", "previous")]


@pytest.mark.parametrize("middle", ["Sales will grow over the next six months", "Six months ago the plant closed",
                                    "The past nine months were hard"])
def test_months_that_are_not_a_cumulative_period_keep_the_quarter(nlp, middle):
    text = f"Sales rose in the third quarter. {middle}; margins fell from a year ago."
    assert found(nlp, text)[-1] == ("a year ago", "2023-Q3", "previous")


# ---------------------------------------------------------------- forecasts are not the compared period
def test_a_quarter_not_over_named_in_a_future_clause_is_not_the_compared_period(nlp):
    text = ("Profit fell in the third quarter. Analysts expect the slump to continue into the fourth quarter. "
            "In the year-ago period, the company earned $3 million.")
    assert found(nlp, text)[-1] == ("the year-ago period", "2023-Q3", "previous")


def test_a_quarter_ended_named_in_a_future_clause_is_the_compared_period(nlp):
    text = "Sales rose in the second quarter. Its third-quarter earnings will be lower than a year ago."
    assert found(nlp, text)[-1] == ("a year ago", "2023-Q3", "previous")


# ---------------------------------------------------------------- "this quarter"
def test_this_quarter_in_a_report_on_a_named_quarter_is_that_quarter(nlp):
    text = "The company lost $2 million in the third quarter. This quarter's loss includes a $1 million charge."
    assert found(nlp, text)[-1] == ("This quarter", "2024-Q3", "previous")


def test_this_quarter_in_the_future_or_with_no_quarter_named_is_the_anchors(nlp):
    text = "The company lost $2 million in the third quarter. It will return to profit this quarter."
    assert found(nlp, text)[-1] == ("this quarter", "2024-Q4", "publication")
    assert found(nlp, "Sales this quarter are strong.") == [("this quarter", "2024-Q4", "publication")]


# ---------------------------------------------------------------- fiscal years, years in words
@pytest.mark.parametrize("text,expr,timex", [
    ("Spending for the current fiscal year is capped.", "the current fiscal year", "2024"),  # TimeML extent: with "the"
    ("Last fiscal year, the agency overspent.", "Last fiscal year", "2023"),
    ("Next fiscal year the budget grows.", "Next fiscal year", "2025"),
])
def test_shifted_fiscal_year_is_the_year(nlp, text, expr, timex):
    assert found(nlp, text) == [(expr, timex, "publication")]


def test_the_fiscal_year_alone_is_not_a_date(nlp):
    assert found(nlp, "The fiscal year ends in June.") == [("June", "2024-06", "publication")]


@pytest.mark.parametrize("text,expr,year", [
    ("In nineteen ninety-one Charles Keating was convicted.", "nineteen ninety-one", "1991"),
    ("By nineteen ninety-nine John Brown had left.", "nineteen ninety-nine", "1999"),
])
def test_year_in_words_after_a_calendar_preposition_before_a_name(nlp, text, expr, year):
    # the parse attaches the number to the name; the preposition makes it a year
    assert found(nlp, text)[0] == (expr, year, "absolute")


@pytest.mark.parametrize("text", ["The nineteen twenty people left.", "He has twenty twenty vision."])
def test_number_words_that_are_not_years(nlp, text):
    assert found(nlp, text) == []


# ---------------------------------------------------------------- two quarters, deadlines with a time of day
@pytest.mark.parametrize("text,expr,timex", [
    ("Analysts expect sales to fall through the first two quarters of 2025.", "the first two quarters of 2025",
     "2025-H1"),
    ("Profit rose in the last two quarters of 2023.", "the last two quarters of 2023", "2023-H2"),
])
def test_first_or_last_two_quarters_are_a_half(nlp, text, expr, timex):
    assert found(nlp, text) == [(expr, timex, "absolute")]


def test_second_two_quarters_is_not_a_half(nlp):
    assert found(nlp, "Profit rose in the second two quarters of 2023.") == [("2023", "2023", "absolute")]


MONDAY = D("2024-10-21")


@pytest.mark.parametrize("text", ["The truce holds until noon Friday.", "The truce holds until Friday.",
                                  "They must leave by 5 p.m. Friday.", "They must leave by 17:00 GMT Friday."])
def test_a_time_of_day_between_a_deadline_preposition_and_its_weekday(nlp, text):
    assert [(t, v) for t, v, _ in found(nlp, text, MONDAY)] == [("Friday", "2024-10-25")]


@pytest.mark.parametrize("text", ["The agency has extended its deadline until Tuesday.",
                                  "The agency has given the family until 9 a.m. EST Tuesday to sign."])
def test_a_deadline_in_a_present_perfect_clause_is_the_nearest_weekday(nlp, text):
    assert [(t, v) for t, v, _ in found(nlp, text, MONDAY)] == [("Tuesday", "2024-10-22")]


@pytest.mark.parametrize("text", ["The fighting lasted until Friday.", "The agency extended its deadline until Friday."])
def test_a_simple_past_until_a_weekday_stays_in_the_past(nlp, text):
    assert [(t, v) for t, v, _ in found(nlp, text, D("2024-10-23"))] == [("Friday", "2024-10-18")]
