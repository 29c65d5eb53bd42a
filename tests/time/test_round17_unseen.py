"""Issue 12, round 17: faults a reader of unseen news meets (constructed sentences; each rule positive, switched
off, and a negative case)."""
from __future__ import annotations

from datetime import date

import pytest

import helpers.time.expressions as ex
from helpers.time import tense
from helpers.time.expressions import find_time_expressions

FRIDAY = date(2024, 9, 20)  # a Friday in September: next March is 164 days ahead, last March 201 days back
SATURDAY = date(2024, 6, 15)
SUNDAY = date(2024, 6, 16)  # the last day of ISO week 2024-W24
WEDNESDAY = date(2024, 6, 12)
TUESDAY = date(2024, 6, 11)


def _rows(nlp, text, anchor):
    return {e.text: e.timex for e in find_time_expressions(doc=nlp(text), anchor=anchor)}


# --- a day with no tense far ahead is the last one (expressions.UNTENSED_LEANS_PAST)

UNTENSED = "The ministers are seeking to hold the regime accountable for its March 3 raid."


@pytest.mark.parametrize("text", [
    UNTENSED,
    "Sanctions over the March 3 raid on the port",  # a headline: no verb at all
])
def test_an_untensed_day_far_ahead_is_the_last_one(nlp, text):
    assert _rows(nlp, text, FRIDAY)["March 3"] == "2024-03-03"


def test_without_the_rule_the_untensed_day_is_the_nearest(nlp, monkeypatch):
    monkeypatch.setattr(ex, "UNTENSED_LEANS_PAST", False)
    assert _rows(nlp, UNTENSED, FRIDAY)["March 3"] == "2025-03-03"


@pytest.mark.parametrize("text, word, expected", [
    ("The campaign is focused on the Nov. 5 vote.", "Nov. 5", "2024-11-05"),  # near ahead: the nearest
    ("The ban runs until March 3.", "March 3", "2025-03-03"),  # a deadline: the nearest
    ("The court will rule on March 3.", "March 3", "2025-03-03"),  # a future clause
])
def test_a_near_day_a_deadline_or_a_tensed_day_keeps_its_reading(nlp, text, word, expected):
    assert _rows(nlp, text, FRIDAY)[word] == expected


# --- "this week" in a future clause at the weekend is the coming week (expressions.WEEKEND_WEEK_AHEAD)

AHEAD = "The ministers will meet in Oslo this week."


@pytest.mark.parametrize("text, anchor", [
    (AHEAD, SUNDAY),
    (AHEAD, SATURDAY),
    ("The plan is expected to dominate this week's summit.", SATURDAY),
])
def test_this_week_ahead_at_the_weekend_is_the_coming_week(nlp, text, anchor):
    assert _rows(nlp, text, anchor)["this week"] == "2024-W25"


def test_without_the_rule_this_week_is_the_anchors_week(nlp, monkeypatch):
    monkeypatch.setattr(ex, "WEEKEND_WEEK_AHEAD", False)
    assert _rows(nlp, AHEAD, SUNDAY)["this week"] == "2024-W24"


@pytest.mark.parametrize("text, anchor", [
    ("The ministers met in Oslo this week.", SUNDAY),  # a past clause
    (AHEAD, WEDNESDAY),  # a weekday: the week still runs
])
def test_this_week_in_the_past_or_midweek_is_the_anchors_week(nlp, text, anchor):
    assert _rows(nlp, text, anchor)["this week"] == "2024-W24"


# --- a present temporal clause of a future main clause is ahead (tense.TEMPORAL_CLAUSE_FORWARD)

MEETS = "The committee will discuss the budget when it meets on Thursday."


@pytest.mark.parametrize("text", [
    MEETS,
    "When she arrives in Oslo on Thursday, the minister will sign the treaty.",
])
def test_a_present_temporal_clause_of_a_future_clause_is_ahead(nlp, text):
    assert _rows(nlp, text, TUESDAY)["Thursday"] == "2024-06-13"


def test_without_the_rule_the_temporal_clause_takes_last_weeks_day(nlp, monkeypatch):
    monkeypatch.setattr(tense, "TEMPORAL_CLAUSE_FORWARD", False)
    assert _rows(nlp, MEETS, TUESDAY)["Thursday"] == "2024-06-06"


@pytest.mark.parametrize("text", [
    "The committee discussed the budget when it met on Thursday.",  # past temporal clause
    "When it meets on Thursday, the committee discusses the budget.",  # no future main clause
])
def test_a_past_temporal_clause_or_a_present_main_clause_stays(nlp, text):
    assert _rows(nlp, text, TUESDAY)["Thursday"] == "2024-06-06"


# --- a programme's title is no date (expressions.MEDIA_TITLES)

@pytest.mark.parametrize("text, word", [
    ("The minister told the Today programme that talks would resume.", "Today"),
    ("The minister told Channel 9's This Week that talks would resume.", "This Week"),
    ('The senator told the network\'s "Sunday Evening" that the vote would pass.', "Sunday Evening"),
])
def test_a_programme_title_is_no_date(nlp, text, word):
    assert word not in _rows(nlp, text, TUESDAY)


def test_without_the_rule_the_title_is_a_date(nlp, monkeypatch):
    monkeypatch.setattr(ex, "MEDIA_TITLES", False)
    assert _rows(nlp, "The minister told the Today programme that talks would resume.", TUESDAY)["Today"] \
        == "2024-06-11"


@pytest.mark.parametrize("text, word, expected", [
    ("The minister spoke to the programme today.", "today", "2024-06-11"),
    ("She appeared on this week's show.", "this week", "2024-W24"),  # lower case: the week
    ("Monday's vote was close.", "Monday", "2024-06-10"),  # one word after a possessive
])
def test_a_date_near_a_programme_or_a_possessive_stays(nlp, text, word, expected):
    assert _rows(nlp, text, TUESDAY)[word] == expected
