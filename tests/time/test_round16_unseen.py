"""Issue 12, round 16: faults a reader of unseen news meets (constructed sentences; each rule positive, switched
off, and a negative case)."""
from __future__ import annotations

from datetime import date

import pytest

import helpers.time.expressions as ex
from helpers.time import tense
from helpers.time.expressions import find_time_expressions

SATURDAY = date(2024, 6, 15)  # a Saturday
TUESDAY = date(2024, 6, 11)


def _rows(nlp, text, anchor=SATURDAY):
    return {e.text: e.timex for e in find_time_expressions(doc=nlp(text), anchor=anchor)}


# --- a condition whose consequence lies ahead (tense.CONDITIONAL_FORWARD)

@pytest.mark.parametrize("text, word, expected", [
    ("If the general election went ahead in November, the party would lose.", "November", "2024-11"),
    ("If talks collapsed in March, prices would rise.", "March", "2025-03"),
    ("If talks fail in March, prices will rise.", "March", "2025-03"),
    ("The minister said that if the deal failed in October, the army would stay.", "October", "2024-10"),
])
def test_a_condition_of_a_future_or_hypothetical_consequence_is_ahead(nlp, text, word, expected):
    assert _rows(nlp, text)[word] == expected


def test_without_the_rule_the_condition_keeps_its_past_verb(nlp, monkeypatch):
    monkeypatch.setattr(tense, "CONDITIONAL_FORWARD", False)
    assert _rows(nlp, "If the general election went ahead in November, the party would lose.")["November"] == "2023-11"


@pytest.mark.parametrize("text, word, expected", [
    # a counterfactual and a past consequence stay in the past
    ("If the vote had gone ahead in November, the party would have lost.", "November", "2023-11"),
    ("If it rained in March, the harvest failed.", "March", "2024-03"),
    # no condition: the past verb decides
    ("The talks collapsed in November, and prices would rise later.", "November", "2023-11"),
])
def test_a_past_condition_or_no_condition_stays_past(nlp, text, word, expected):
    assert _rows(nlp, text)[word] == expected


# --- a sentence-opening month before a name is a first name (expressions.MONTH_FIRST_NAME)

# a letter's signature run into the text around it, as a scraped page gives it (the model tags the month DATE)
SIGNED = "The council should reopen the library.June HarlowLeeds Your report on the ferry was welcome."


@pytest.mark.parametrize("text", [
    SIGNED,
    "The tram plan deserves a second look.August BrennanCork",
    "Thank you for the report.\nAugust Lindqvist\nUppsala",
])
def test_a_month_opening_a_line_before_a_name_is_no_date(nlp, text):
    assert not any(e.precision == "month" for e in find_time_expressions(doc=nlp(text), anchor=SATURDAY))


def test_without_the_rule_the_signature_is_a_month(nlp, monkeypatch):
    monkeypatch.setattr(ex, "MONTH_FIRST_NAME", False)
    assert _rows(nlp, SIGNED) == {"June": "2024-06"}


@pytest.mark.parametrize("text, word, expected", [
    ("June saw heavy fighting in the east.", "June", "2024-06"),  # a lower-case verb follows
    ("In June Harlow wrote again.", "June", "2024-06"),  # its preposition makes it a date
    ("Tickets sold out in time for a June Gala recital.", "June", "2024-06"),  # not at a sentence's start
])
def test_a_month_that_is_a_date_stays(nlp, text, word, expected):
    assert _rows(nlp, text)[word] == expected


# --- "the past"/"the future" before a noun (expressions.REFERENCE_WORD_MODIFIER)

@pytest.mark.parametrize("text", [
    "The past leadership's record on housing was poor.",
    "Engineers argued over the future layout of the harbour.",
])
def test_the_past_or_future_of_a_noun_is_no_row(nlp, text):
    assert not any(e.timex in ("PAST_REF", "FUTURE_REF") for e in find_time_expressions(doc=nlp(text), anchor=SATURDAY))


def test_without_the_rule_the_adjective_is_a_reference_word(nlp, monkeypatch):
    monkeypatch.setattr(ex, "REFERENCE_WORD_MODIFIER", False)
    assert _rows(nlp, "Engineers argued over the future layout of the harbour.") == {"the future": "FUTURE_REF"}


@pytest.mark.parametrize("text, word, expected", [
    ("In the past, the council met monthly.", "the past", "PAST_REF"),
    ("Talks will resume in the near future.", "the near future", "FUTURE_REF"),
    ("They look to the future with hope.", "the future", "FUTURE_REF"),
])
def test_the_past_and_the_future_as_nouns_stay(nlp, text, word, expected):
    assert _rows(nlp, text)[word] == expected


# --- a weekday after "ahead of", "in the run-up to" (expressions.APPROACH_WEEKDAY)

@pytest.mark.parametrize("text, word, anchor, expected", [
    ("Ahead of Thursday's budget vote, the minister met union leaders.", "Thursday", TUESDAY, "2024-06-13"),
    ("In the run-up to the Wednesday runoff, both candidates toured the north.", "Wednesday", TUESDAY, "2024-06-12"),
    ("Ahead of Thursday's budget vote, the minister met union leaders.", "Thursday", SATURDAY, "2024-06-13"),
])
def test_a_weekday_the_clause_looks_ahead_to_is_the_nearest(nlp, text, word, anchor, expected):
    assert _rows(nlp, text, anchor)[word] == expected


def test_without_the_rule_the_past_clause_takes_last_weeks_day(nlp, monkeypatch):
    monkeypatch.setattr(ex, "APPROACH_WEEKDAY", False)
    assert _rows(nlp, "Ahead of Thursday's budget vote, the minister met union leaders.", TUESDAY)["Thursday"] \
        == "2024-06-06"


def test_a_weekday_without_the_phrase_keeps_the_tense(nlp):
    assert _rows(nlp, "The minister said on Thursday that the unions were split.", TUESDAY)["Thursday"] == "2024-06-06"


# --- a capitalised day word inside an organisation's name (expressions.NAME_OF_ORG)

ORG_TEXT = "Sign up to the weekly Farming Today email for updates."


def test_a_day_word_inside_an_organisations_name_is_no_date(nlp, monkeypatch):
    monkeypatch.setattr(ex, "TITLE_CASE_NAMES", False)  # the organisation's name alone
    doc = nlp(ORG_TEXT)
    assert any(e.label_ in ex.NAME_LABELS and "Today" in e.text for e in doc.ents)  # the model's name
    assert "Today" not in _rows(nlp, ORG_TEXT)


def test_without_the_rule_the_name_gives_a_day(nlp, monkeypatch):
    monkeypatch.setattr(ex, "NAME_OF_ORG", False)
    monkeypatch.setattr(ex, "TITLE_CASE_NAMES", False)
    assert _rows(nlp, ORG_TEXT)["Today"] == "2024-06-15"


def test_today_outside_a_name_stays(nlp):
    assert _rows(nlp, "Today the ministers met in Vienna.")["Today"] == "2024-06-15"


# --- a passive infinitive and forward predicates (tense.FORWARD_INFINITIVES)

@pytest.mark.parametrize("text, word, expected", [
    ("The new contract is supposed to be signed at a ceremony in December.", "December", "2024-12"),
    ("The bridge is likely to be approved by the council in November.", "November", "2024-11"),
    ("The harbour plan is due to be published on Thursday.", "Thursday", "2024-06-20"),
])
def test_a_passive_infinitive_under_a_forward_word_is_ahead(nlp, text, word, expected):
    assert _rows(nlp, text)[word] == expected


def test_without_the_rule_the_passive_infinitive_takes_the_nearest(nlp, monkeypatch):
    monkeypatch.setattr(tense, "FORWARD_INFINITIVES", False)
    assert _rows(nlp, "The new contract is supposed to be signed at a ceremony in December.")["December"] == "2023-12"


def test_a_passive_participle_without_a_forward_word_stays_past(nlp):
    assert _rows(nlp, "The new contract was signed at a ceremony in December.")["December"] == "2023-12"


# --- modals of possibility (tense.POSSIBILITY_MODALS) and "since" (tense.SINCE_IS_PAST)

@pytest.mark.parametrize("text, word, expected", [
    ("The governor may face a hostile assembly after November's vote.", "November", "2024-11"),
    ("Prices might fall in October.", "October", "2024-10"),
    ("The convoy may leave on Thursday.", "Thursday", "2024-06-20"),
])
def test_a_modal_of_possibility_puts_the_clause_ahead(nlp, text, word, expected):
    assert _rows(nlp, text)[word] == expected


MARCH = date(2024, 3, 6)  # the coming November is further off than the last one


def test_without_the_rule_the_modal_takes_the_nearest(nlp, monkeypatch):
    assert _rows(nlp, "The governor may face a hostile assembly after November's vote.", MARCH)["November"] == "2024-11"
    monkeypatch.setattr(tense, "POSSIBILITY_MODALS", False)
    assert _rows(nlp, "The governor may face a hostile assembly after November's vote.", MARCH)["November"] == "2023-11"


@pytest.mark.parametrize("text, word, expected", [
    ("The army could not advance in March.", "March", "2024-03"),  # negated: past ability
    ("Neither he nor his aides could be found on Thursday.", "Thursday", "2024-06-13"),
    ("The envoy may have left in May.", "May", "2024-05"),  # perfect: the past
    ("Shortages since February may push bread prices higher.", "February", "2024-02"),  # "since"
])
def test_a_negated_or_perfect_modal_or_a_since_date_stays_past(nlp, text, word, expected):
    assert _rows(nlp, text)[word] == expected


def test_without_the_since_rule_the_modal_moves_a_since_date_ahead(nlp, monkeypatch):
    monkeypatch.setattr(tense, "SINCE_IS_PAST", False)
    text = "Shortages since February may push bread prices higher."
    assert _rows(nlp, text)["February"] == "2025-02"


# --- a capitalised day word or ambiguous month ending a two-word name (expressions.TITLE_CASE_NAMES)

@pytest.mark.parametrize("text, word", [
    ("She was the editor of Europe Today, the channel said.", "Today"),
    ("I was at the Freedom March in the old town with my family.", "March"),
])
def test_a_two_word_name_in_running_text_is_no_date(nlp, text, word):
    assert word not in _rows(nlp, text)


def test_without_the_rule_the_name_is_a_day(nlp, monkeypatch):
    monkeypatch.setattr(ex, "TITLE_CASE_NAMES", False)
    assert _rows(nlp, "She was the editor of Europe Today, the channel said.")["Today"] == "2024-06-15"


@pytest.mark.parametrize("text, word, expected", [
    ("Leaders To Meet In Kyiv Today", "Today", "2024-06-15"),  # a title-case headline
    ("The ministers met in Vienna today.", "today", "2024-06-15"),
    ("The vote was held In March after all.", "March", "2024-03"),  # a calendar preposition before it
])
def test_a_headline_or_a_lower_case_word_stays_a_date(nlp, text, word, expected):
    assert _rows(nlp, text)[word] == expected


# --- a bare season in a present clause (expressions.SEASON_PRESENT_AHEAD)

@pytest.mark.parametrize("text, expected", [
    ("We need more generators because winter is coming.", "2024-WI"),
    ("Aid must flow so that the siege does not drag on over winter.", "2024-WI"),
])
def test_a_season_in_a_present_clause_is_the_coming_one(nlp, text, expected):
    assert _rows(nlp, text)["winter"] == expected


def test_without_the_rule_the_season_is_the_nearest(nlp, monkeypatch):
    monkeypatch.setattr(ex, "SEASON_PRESENT_AHEAD", False)
    assert _rows(nlp, "We need more generators because winter is coming.")["winter"] == "2023-WI"


@pytest.mark.parametrize("text, anchor, expected", [
    ("The roads froze in winter.", SATURDAY, "2023-WI"),  # past tense
    ("Heating bills stay high in winter.", date(2024, 3, 20), "2023-WI"),  # the winter ended three weeks ago
])
def test_a_past_clause_or_a_season_just_ended_keeps_its_reading(nlp, text, anchor, expected):
    assert _rows(nlp, text, anchor)["winter"] == expected


# --- "is/are to" + infinitive (tense.BE_TO_INFINITIVE)

@pytest.mark.parametrize("text", [
    "The chancellor is to visit the port on Monday.",
    "The chancellor on Monday is to visit the port, and the next day she will fly home.",
])
def test_is_to_with_an_infinitive_is_an_arrangement_ahead(nlp, text):
    assert _rows(nlp, text)["Monday"] == "2024-06-17"


def test_without_the_rule_is_to_keeps_the_past_weekday(nlp, monkeypatch):
    monkeypatch.setattr(tense, "BE_TO_INFINITIVE", False)
    assert _rows(nlp, "The chancellor is to visit the port on Monday.")["Monday"] == "2024-06-10"


def test_was_to_stays_past(nlp):
    assert _rows(nlp, "The chancellor was to visit the port on Monday, but the trip was cancelled.")["Monday"] \
        == "2024-06-10"
