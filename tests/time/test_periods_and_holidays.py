"""Issue 12, round 4: reporting-period words of financial news ("year-ago", "year-end", "the full year", "the 1988
quarter") and named days ("Christmas Eve", "Thanksgiving", "Orthodox Easter"), with their calendar arithmetic.

Constructed sentences only (never the benchmarks' own).
"""
from __future__ import annotations

from datetime import date

import pytest

from helpers.time import calendar as cal
from helpers.time.expressions import find_time_expressions

D = date.fromisoformat
PUBLISHED = D("2024-10-20")  # a Sunday in the fourth quarter


def found(nlp, text, anchor=PUBLISHED):
    return [(e.text, e.timex, e.reference) for e in find_time_expressions(doc=nlp(text), anchor=anchor)]


# ---------------------------------------------------------------- reporting periods
def test_year_ago_as_an_adjective_is_the_period_named_a_year_back(nlp):
    text = "Profit in the third quarter rose to $8 million from year-ago earnings of $6 million."
    assert found(nlp, text) == [("the third quarter", "2024-Q3", "publication"), ("year-ago", "2023-Q3", "previous")]


def test_year_earlier_without_a_period_named_is_the_year_before(nlp):
    assert found(nlp, "Exports were below year-earlier levels.") == [("year-earlier", "2023", "publication")]


@pytest.mark.parametrize("text,expr", [("The year-ago figure was revised.", ["year-ago"]),
                                       ("They met a year-earlier deadline.", ["year-earlier"]),
                                       ("Profit was flat from a year ago.", ["a year ago"]),
                                       ("It was the best year-ago.", [])])  # not before a noun
def test_year_ago_adjective_before_a_noun_only(nlp, text, expr):
    assert [t for t, *_ in found(nlp, text)] == expr


def test_the_year_named_with_quarter_or_period(nlp):
    text = "Revenue in the second quarter was $9 million, against $7 million in the 2023 quarter."
    assert found(nlp, text)[-1] == ("the 2023 quarter", "2023-Q2", "previous")
    # with no period named before it, the year itself
    assert found(nlp, "Losses in the 2022 period were large.") == [("the 2022 period", "2022", "absolute")]


@pytest.mark.parametrize("text,expr,timex", [
    ("Profit in the third quarter rose from last year's quarter.", "last year's quarter", "2023-Q3"),
    ("Sales in the second quarter beat the corresponding period last year.", "the corresponding period last year",
     "2023-Q2"),
])
def test_last_years_period_is_the_period_named_a_year_back(nlp, text, expr, timex):
    assert found(nlp, text)[-1] == (expr, timex, "previous")


def test_last_years_period_of_something_is_not_a_period(nlp):
    assert [t for t, *_ in found(nlp, "Last year's period of growth ended.")] == ["Last year"]


@pytest.mark.parametrize("text,expr,timex", [
    ("The fund expects to close the deal by year-end.", "year-end", "2024"),
    ("Stocks were higher at year's end.", "year's end", "2024"),
    ("Output for the full year should reach a record.", "the full year", "2024"),
])
def test_year_end_and_the_full_year_are_the_year(nlp, text, expr, timex):
    rows = find_time_expressions(doc=nlp(text), anchor=PUBLISHED)
    assert [(e.text, e.timex) for e in rows] == [(expr, timex)]
    if expr == "year-end":  # the end of the year, as "the end of the year"
        assert (rows[0].start, rows[0].end) == (D("2024-10-01"), D("2024-12-31"))


def test_year_end_after_a_year_in_the_same_sentence_is_that_year(nlp):
    text = "In 2021, the debt grew fast and stood at $3 billion at year-end."
    assert found(nlp, text)[-1] == ("year-end", "2021", "previous")


@pytest.mark.parametrize("text", ["For the full year 2023, profit fell.", "A year-end bonus is due."])
def test_not_year_end(nlp, text):
    rows = [(t, v) for t, v, _ in found(nlp, text)]
    assert ("the full year", "2024") not in rows
    assert ("2023", "2023") in rows or "2023" not in text


# ---------------------------------------------------------------- named days
@pytest.mark.parametrize("year,western,orthodox", [
    (2022, "2022-04-17", "2022-04-24"), (2023, "2023-04-09", "2023-04-16"), (2024, "2024-03-31", "2024-05-05"),
    (2025, "2025-04-20", "2025-04-20"),
])
def test_easter_computus(year, western, orthodox):
    assert cal.easter(year).isoformat() == western
    assert cal.easter(year, orthodox=True).isoformat() == orthodox


@pytest.mark.parametrize("rule,year,day", [
    ({"month": 11, "weekday": 3, "nth": 4}, 2024, "2024-11-28"),   # fourth Thursday of November
    ({"month": 11, "weekday": 1, "after": 1}, 2024, "2024-11-05"),  # the Tuesday after the first Monday
    ({"month": 11, "weekday": 1, "after": 1}, 2022, "2022-11-08"),  # November 1 a Tuesday: the next one
    ({"month": 5, "weekday": 0, "nth": -1}, 2024, "2024-05-27"),   # the last Monday of May
    ({"easter": -2}, 2024, "2024-03-29"),                          # two days before Easter
])
def test_holiday_rules(rule, year, day):
    assert cal.holiday(year, rule).isoformat() == day


@pytest.mark.parametrize("text,expr,timex", [
    ("The shelling stopped on Christmas Eve.", "Christmas Eve", "2023-12-24"),         # past: the last one
    ("The talks will resume after New Year's Day.", "New Year's Day", "2025-01-01"),   # future: the next one
    ("Troops were home for Christmas 2022.", "Christmas 2022", "2022-12-25"),
    ("A truce was declared for Orthodox Easter.", "Orthodox Easter", "2024-05-05"),
    ("Parades were held on Victory Day.", "Victory Day", "2024-05-09"),
    ("Polls close on Election Day.", "Election Day", "2024-11-05"),                    # no tense: the nearest
    ("Last Christmas the bridge was shut.", "Last Christmas", "2023-12-25"),
    ("On Christmas Day Kyiv was shelled.", "Christmas Day", "2023-12-25"),           # a capital after a full name
])
def test_named_days(nlp, text, expr, timex):
    rows = [(e.text, e.timex, e.precision) for e in find_time_expressions(doc=nlp(text), anchor=PUBLISHED)]
    assert rows == [(expr, timex, "day")]


@pytest.mark.parametrize("text", [
    "Christmas shopping fell by a tenth.",          # a modifier without a calendar preposition
    "Ships anchored off Christmas Island.",         # part of a name
    "They sailed to Easter Island.",
    "She painted Easter eggs.",
    "The easter wind rose.",                        # not the name's case
])
def test_holiday_names_that_are_not_dates(nlp, text):
    assert find_time_expressions(doc=nlp(text), anchor=PUBLISHED) == []


def test_a_holiday_in_a_story_takes_the_story_year(nlp):
    text = ("On Dec. 2, 2021, the first columns crossed the border. On Dec. 9, 2021, the port fell.\n\n"
            "By Christmas the town was encircled.")
    rows = {e.text: (e.timex, e.reference) for e in find_time_expressions(doc=nlp(text), anchor=PUBLISHED)}
    assert rows["Christmas"] == ("2021-12-25", "narrative")


# ---------------------------------------------------------------- scheduled days in past and perfect clauses
@pytest.mark.parametrize("text,expr,timex", [
    ("The board has set Nov. 1 as the deadline for bids.", "Nov. 1", "2024-11-01"),   # present perfect: coming
    ("The town fell on Oct. 25.", "Oct. 25", "2023-10-25"),                          # simple past: gone by
    ("The board had set Nov. 1 as the deadline.", "Nov. 1", "2023-11-01"),           # past perfect: gone by
    ("A memorial planned for Saturday was canceled.", "Saturday", "2024-10-19"),     # a plan in a past clause: nearest
    ("A rally planned for Saturday will go ahead.", "Saturday", "2024-10-26"),      # a plan still ahead
    ("They planned a march on Saturday.", "Saturday", "2024-10-26"),                # the planning verb itself
])
def test_days_named_in_plans_and_perfect_clauses(nlp, text, expr, timex):
    assert [(e.text, e.timex) for e in find_time_expressions(doc=nlp(text), anchor=PUBLISHED)] == [(expr, timex)]


# ---------------------------------------------------------------- "later that year", "earlier in the year"
def test_later_that_year_is_the_year_of_the_date_before(nlp):
    text = "The plant opened in March 2019. Later that year it closed."
    assert found(nlp, text)[-1] == ("Later that year", "2019", "previous")


@pytest.mark.parametrize("text,expr,timex,start,end", [
    ("Sales fell earlier in the year.", "earlier in the year", "2024", "2024-01-01", "2024-10-20"),
    ("He will return later in the month.", "later in the month", "2024-10", "2024-10-20", "2024-10-31"),
])
def test_earlier_or_later_in_the_unit_is_the_anchors_unit(nlp, text, expr, timex, start, end):
    rows = find_time_expressions(doc=nlp(text), anchor=PUBLISHED)
    assert [(e.text, e.timex, e.start, e.end) for e in rows] == [(expr, timex, D(start), D(end))]


@pytest.mark.parametrize("text", ["It rained in the year of the flood.", "Later, in the month of fasting, they met."])
def test_in_the_unit_without_earlier_or_later_is_not_a_date(nlp, text):
    assert find_time_expressions(doc=nlp(text), anchor=PUBLISHED) == []
