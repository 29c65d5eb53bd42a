"""Session 17, claims (constructed sentences): thousands written once for both ends ("40 to 50,000"), a count of the
sources in an "according to" phrase, what a figure counts after an aside, "confirmed dead", hyphenated number words,
a "with" phrase after an inverted reporting verb, a quotation closed before the writer's aside, lower-case designators
("tier 2") and materiel and formation nouns in ``units.csv``. Each rule positive, negative and switched off."""
from __future__ import annotations

import pytest

import helpers.text.claims as cl

RANGE = "The agency estimated that the army had 40 to 50,000 troops in the region."
ALTERNATIVE = "Analysts think the siege may have cost 60 or 70,000 lives."
SOURCES = "The visit had been postponed, according to two German diplomats and one French official."
CONVERSION = "The country shares a 1,200km (745-mile) border with its neighbour."
CONFIRMED_DEAD = "At least 12 people were confirmed dead after the strike on the depot."
HYPHENATED = "The company paid thirty-six million dollars for the plant."
WITH_PHRASE = "A total of 900 people were evacuated on Monday, the governor confirmed, with 120 of them from the coast."
BETWEEN_QUOTES = ("“We will send more ships to the coast,” Defence Minister Tom Harlow said on Monday. “The navy is ready.” "
                  "The country operates three frigates in the region. “They will sail soon,” Harlow said.")
TIER = "The plan puts 300 tier 2 troops on alert."


@pytest.fixture(scope="module")
def claim(extracted):
    def run(text, number):
        return next(c for c in extracted(text)["claims"] if c["text"] == number or c["text"].endswith(number))
    return run


# ---------------------------------------------------------------- thousands written once (SHARED_THOUSANDS)

def test_a_range_writes_its_thousands_once(claim):
    c = claim(RANGE, "40 to 50,000")
    assert (c["value"], c["value_low"], c["value_high"], c["qualifier"]) == (40000, 40000, 50000, "range")


def test_an_alternative_writes_its_thousands_once(claim):
    assert claim(ALTERNATIVE, "60")["value"] == 60000
    assert claim(ALTERNATIVE, "70,000")["value"] == 70000


@pytest.mark.parametrize("text, number, value", [
    ("The mayor said between 5 and 10,000 residents left the town.", "between 5 and 10,000", 5),  # double: as written
    ("The council counted 12 to 15,500 votes.", "12 to 15,500", 12),  # no round thousands
    ("The unit lost 2 to 3 million dollars.", "2 to 3 million dollars", 2_000_000),  # a scale word, as before
])
def test_other_ranges_stay_as_written(claim, text, number, value):
    assert claim(text, number)["value"] == value


# ---------------------------------------------------------------- a count of the sources (SOURCE_COUNT_UNATTRIBUTED)

def test_a_count_of_the_sources_is_no_claim_of_theirs(claim):
    assert claim(SOURCES, "two")["claimant"] == "(unattributed)"
    assert claim(SOURCES, "one")["claimant"] == "(unattributed)"


def test_a_figure_the_source_gives_keeps_it(claim):
    c = claim("According to the ministry, 40 soldiers were wounded.", "40")
    assert c["claimant"] != "(unattributed)" and c["claimant_via"] == "according_to"


def test_a_mention_run_on_past_a_comma_is_no_evidence():
    statement = {"speaker_start": 0, "speaker_end": 60}
    text = "the agency, more than 30 countries and the union imposed sanctions"
    assert not cl._counts_source({"start_char": 22, "end_char": 24}, statement, text)
    assert cl._counts_source({"start_char": 0, "end_char": 3}, {"speaker_start": 0, "speaker_end": 14},
                             "two diplomats said")


# ---------------------------------------------------------------- what is counted after an aside (SUBJECT_AFTER_ASIDE)

def test_the_subject_starts_after_a_conversion(claim):
    assert claim(CONVERSION, "1,200km")["subject"] == "border"


def test_the_subject_starts_after_an_alternative_number(claim):
    assert claim(ALTERNATIVE, "60")["subject"] == "lives"


def test_a_plain_subject_is_unchanged(claim):
    assert claim("The army lost 300 heavy tanks in the war.", "300")["subject"] == "heavy tanks"


# ---------------------------------------------------------------- "confirmed dead" (CASUALTY_COMPLEMENT)

def test_confirmed_dead_is_a_casualty_figure(claim):
    assert claim(CONFIRMED_DEAD, "At least 12")["category"] == "casualties"


def test_confirmed_safe_is_not(claim):
    text = "At least 12 people were confirmed safe after the strike on the depot."
    assert claim(text, "At least 12")["category"] == "other"


# ---------------------------------------------------------------- "thirty-six" (HYPHENATED_NUMBER_WORDS)

def test_a_hyphenated_number_word_is_one_number(claim):
    c = claim(HYPHENATED, "thirty-six million dollars")
    assert (c["value"], c["unit"]) == (36_000_000, "usd")


def test_a_hyphenated_modifier_is_still_no_figure(extracted):
    claims = extracted("The five-year plan cost forty million dollars.")["claims"]
    assert [(c["text"], c["value"]) for c in claims] == [("forty million dollars", 40_000_000)]


# ---------------------------------------------------------------- a "with" phrase after the cue (WITH_PHRASE_OF_REPORT)

def test_a_with_phrase_after_an_inverted_cue_is_reported(claim):
    c = claim(WITH_PHRASE, "120")
    assert (c["claimant"], c["claimant_via"]) == (claim(WITH_PHRASE, "900")["claimant"], "statement")
    assert c["claimant"] != "(unattributed)"


def test_a_with_phrase_without_a_comma_is_not(claim):
    text = "The rebels attacked the town at dawn, the governor said with two aides beside him."
    assert claim(text, "two")["claimant"] == "(unattributed)"


# ---------------------------------------------------------------- a closed quotation before (QUOTE_CLOSED_BEFORE)

def test_a_sentence_after_a_closed_quotation_is_the_writers(claim):
    assert claim(BETWEEN_QUOTES, "three")["claimant"] == "(unattributed)"


def test_a_sentence_after_an_according_to_goes_on_with_the_source(claim):
    text = ("According to Tom Harlow, the navy is ready to sail to the coast. The country operates three frigates in "
            "the region. “They will sail soon,” Harlow said.")
    assert claim(text, "three")["claimant"] == "Tom Harlow"


# ---------------------------------------------------------------- lower-case designators (LOWERCASE_DESIGNATOR)

@pytest.mark.parametrize("text, kept", [
    (TIER, ["300"]),
    ("The alliance's article 5 guarantee covers 30 members.", ["30"]),
    ("At this stage 200 soldiers remain in the town.", ["200"]),  # after a demonstrative: a count
])
def test_a_lower_case_designator_makes_a_reference(extracted, text, kept):
    assert [c["text"] for c in extracted(text)["claims"]] == kept


def test_lowercase_designator_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "LOWERCASE_DESIGNATOR", False)
    assert "2" in [c["text"] for c in extracted(TIER)["claims"]]


# ---------------------------------------------------------------- units.csv: ships, aircraft, formations

@pytest.mark.parametrize("text, number, unit, category", [
    ("The navy sent two destroyers and three frigates to the strait.", "two", "destroyer", "equipment"),
    ("The navy sent two destroyers and three frigates to the strait.", "three", "frigate", "equipment"),
    ("The country operates two aircraft carriers.", "two", "aircraft carrier", "equipment"),
    ("The alliance will deploy four new battlegroups in the east.", "four", "battlegroup", "personnel"),
    ("The army paraded 1,200 cadets.", "1,200", "cadet", "personnel"),
])
def test_materiel_and_formations(claim, text, number, unit, category):
    c = claim(text, number)
    assert (c["unit"], c["category"]) == (unit, category)


# ---------------------------------------------------------------- each rule switched off: the reading before it

@pytest.mark.parametrize("switch, text, number, field, before", [
    ("SHARED_THOUSANDS", RANGE, "40 to 50,000", "value", 40),
    ("SOURCE_COUNT_UNATTRIBUTED", SOURCES, "one", "claimant_via", "according_to"),
    ("SUBJECT_AFTER_ASIDE", CONVERSION, "1,200km", "subject", "745-mile) border"),
    ("CASUALTY_COMPLEMENT", CONFIRMED_DEAD, "At least 12", "category", "other"),
    ("HYPHENATED_NUMBER_WORDS", HYPHENATED, "six million dollars", "value", 6_000_000),
    ("WITH_PHRASE_OF_REPORT", WITH_PHRASE, "120", "claimant", "(unattributed)"),
    ("QUOTE_CLOSED_BEFORE", BETWEEN_QUOTES, "three", "claimant", "Tom Harlow"),
])
def test_switched_off(claim, monkeypatch, switch, text, number, field, before):
    monkeypatch.setattr(cl, switch, False)
    assert claim(text, number)[field] == before
