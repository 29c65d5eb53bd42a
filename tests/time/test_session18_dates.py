"""Issue 12, session 18: an ambiguous month that begins an event's name, and the extent of "earlier/later that
day" (constructed sentences; each rule positive, switched off, and negative cases)."""
from __future__ import annotations

from datetime import date

import pytest

import helpers.time.expressions as ex
from helpers.time.expressions import find_time_expressions

ANCHOR = date(2024, 10, 24)  # a Thursday


def _rows(nlp, text, anchor=ANCHOR):
    return {e.text: e.timex for e in find_time_expressions(doc=nlp(text), anchor=anchor)}


# --- "the annual March for Life" is a name (expressions.EVENT_NAMES)

@pytest.mark.parametrize("text", [
    "Thousands of students joined the annual March for Peace in the capital.",
    "The organisers said the March on Parliament would go ahead.",
    "She has led the March of Mothers since it began.",
    "Veterans walked in the May for Veterans parade through the town.",
    "Ministers met Theresa May on Monday.",
])
def test_an_ambiguous_month_before_a_preposition_and_a_name_is_no_date(nlp, text):
    rows = _rows(nlp, text)
    assert "March" not in rows and "May" not in rows


def test_without_the_rule_a_month_the_model_tags_stays_a_date(nlp, monkeypatch):
    text = "Thousands of students joined the annual March for Peace in the capital."
    doc = nlp(text)
    march = text.index("March")
    tagged = any(e.label_ == "DATE" and e.start_char <= march < e.end_char for e in doc.ents)
    assert tagged  # the model vouches for the month: only the rule keeps it out
    monkeypatch.setattr(ex, "EVENT_NAMES", False)
    assert "March" in {e.text for e in find_time_expressions(doc=doc, anchor=ANCHOR)}


@pytest.mark.parametrize("text, word, expected", [
    ("Prices rose in March for the third month running.", "March", "2024-03"),  # a calendar preposition
    ("Talks resumed in March on Cyprus.", "March", "2024-03"),
    ("The vote is due on March 12 for Parliament.", "March 12", "2025-03-12"),  # a day
    ("The bridge was closed in May of 2023.", "May of 2023", "2023-05"),  # a year
    ("The reform took effect last March for Belgian workers.", "last March", "2024-03"),  # a shift
])
def test_a_month_with_calendar_context_stays_a_date(nlp, text, word, expected):
    assert _rows(nlp, text)[word] == expected


def test_the_event_name_prepositions_are_data():
    assert set(ex.LEX["event_name_prepositions"]) >= {"for", "on", "of", "against"}


# --- "Earlier that day" takes its adverb (expressions.SAME_DAY_EDGE)

@pytest.mark.parametrize("text, span", [
    ("The envoy arrived on Tuesday. Earlier that day, the minister had resigned.", "Earlier that day"),
    ("Polls closed on Tuesday. Later the same day the count began.", "Later the same day"),
    ("Polls closed on Tuesday, and later that same day the count began.", "later that same day"),
])
def test_earlier_or_later_that_day_is_one_expression(nlp, text, span):
    assert _rows(nlp, text)[span] == "2024-10-22"


def test_without_the_rule_the_adverb_is_left_out(nlp, monkeypatch):
    monkeypatch.setattr(ex, "SAME_DAY_EDGE", False)
    rows = _rows(nlp, "The envoy arrived on Tuesday. Earlier that day, the minister had resigned.")
    assert rows.get("that day") == "2024-10-22" and "Earlier that day" not in rows


@pytest.mark.parametrize("text, span", [
    ("The envoy arrived on Tuesday. That day, the minister resigned.", "That day"),  # no adverb
    ("The envoy arrived on Tuesday. He had left earlier. That day was cold.", "That day"),  # not next to it
    ("The envoy arrived on Tuesday; the same day the minister resigned.", "the same day"),
])
def test_that_day_without_an_adverb_right_before_it_keeps_its_extent(nlp, text, span):
    assert _rows(nlp, text)[span] == "2024-10-22"


def test_the_adverb_is_not_taken_from_the_expression_before():
    """A "later" that ends the expression before ("two days later") is not taken again."""
    rows = find_time_expressions("The envoy arrived on Tuesday and left two days later that day.", ANCHOR)
    spans = [(e.start_char, e.end_char) for e in rows]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


# --- a day on a present-tense verb is a schedule, not a day with no tense (expressions.PRESENT_SCHEDULE)

FRIDAY = date(2024, 9, 20)  # next March is 164 days ahead, more than UNTENSED_AHEAD_DAYS


@pytest.mark.parametrize("text", [
    "The hearing is on March 12.",
    "The hearing is set for March 12.",
    "The summit takes place on March 12.",
])
def test_a_day_on_a_present_verb_far_ahead_is_the_coming_one(nlp, text):
    assert _rows(nlp, text, FRIDAY)["March 12"] == "2025-03-12"


def test_without_the_rule_a_present_schedule_far_ahead_is_the_last_one(nlp, monkeypatch):
    monkeypatch.setattr(ex, "PRESENT_SCHEDULE", False)
    assert _rows(nlp, "The hearing is on March 12.", FRIDAY)["March 12"] == "2024-03-12"


@pytest.mark.parametrize("text, word, expected", [
    ("The ministers are seeking to hold the regime accountable for its March 3 raid.", "March 3", "2024-03-03"),  # a noun's
    ("Officials said the attack happened on March 12.", "March 12", "2024-03-12"),  # a past clause
    ("The agency says prices peaked on March 12.", "March 12", "2024-03-12"),  # the verb the day hangs on is past
])
def test_a_day_on_a_noun_or_in_a_past_clause_keeps_its_reading(nlp, text, word, expected):
    assert _rows(nlp, text, FRIDAY)[word] == expected


# --- "March 6 – 10 days before" is a day and a count, not a range (expressions.RANGE_END_NOT_COUNT)

COUNT = "The new wording was published only on March 6–10 days before the vote."


def test_a_number_before_a_unit_of_time_does_not_end_a_range():
    rows = {e.text: e.timex for e in find_time_expressions(COUNT, date(2022, 3, 20))}
    assert rows == {"March 6": "2022-03-06"}


def test_without_the_rule_it_is_read_as_a_range(monkeypatch):
    monkeypatch.setattr(ex, "RANGE_END_NOT_COUNT", False)
    rows = {e.text: e.timex for e in find_time_expressions(COUNT, date(2022, 3, 20))}
    assert rows == {"March 6–10": "2022-03-06/2022-03-10"}


@pytest.mark.parametrize("text, span, expected", [
    ("The fair runs March 6-10 in the old town.", "March 6-10", "2022-03-06/2022-03-10"),
    ("Talks were held between March 8 and 13.", "March 8 and 13", "2022-03-08/2022-03-13"),
    ("It ran from 3 to 5 March 2021.", "3 to 5 March 2021", "2021-03-03/2021-03-05"),
])
def test_ranges_without_a_unit_after_them_stay_ranges(text, span, expected):
    rows = {e.text: e.timex for e in find_time_expressions(text, date(2022, 3, 20))}
    assert rows[span] == expected


# --- a year in three number words is a year even as a modifier (expressions.SPELLED_YEAR_THREE_WORDS)

SPELLED = "The letters claim a nineteen eighty-six raid on the depot."


def test_a_year_in_three_words_before_a_noun_is_a_year(nlp):
    assert _rows(nlp, SPELLED, date(1990, 5, 2))["nineteen eighty-six"] == "1986"


def test_without_the_rule_the_modifier_is_no_year(nlp, monkeypatch):
    monkeypatch.setattr(ex, "SPELLED_YEAR_THREE_WORDS", False)
    assert "nineteen eighty-six" not in _rows(nlp, SPELLED, date(1990, 5, 2))


@pytest.mark.parametrize("text", [
    "The nineteen twenty people left the hall.",  # two words: a number
    "The pilot has twenty twenty vision.",
])
def test_two_number_words_before_a_noun_stay_numbers(nlp, text):
    assert _rows(nlp, text, date(1990, 5, 2)) == {}
