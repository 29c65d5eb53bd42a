"""Session 13, claims and statements (constructed sentences): numbers that are no figures however the parser hangs
them — "one" as a pronoun, a clock time after a preposition, a number inside a name — and their look-alikes that
stay; a headline "A to B: …" said by A."""
from __future__ import annotations

import pytest

import helpers.text.claims as cl

GROUP_OF = "Indonesia invited him to the upcoming Group of 20 summit in November."
GOLIATH = "The drill they staged was a David v Goliath one, with the larger force attacking."
CLOCK = "In the capital at 12.30 there will be an emergency summit."
CABLE = "Engineers repaired the Baltic Link 2 cable after the storm."


@pytest.fixture(scope="module")
def figures(extracted):
    def run(text):
        return [c["text"].lower() for c in extracted(text)["claims"]]
    return run


@pytest.mark.parametrize("text, number", [
    ("“Courage is found between one’s ears, not in the armoury,” the general said.", "one"),
    (GOLIATH, "one"),
    ("“We wanted troops on the ground from day one,” the analyst said.", "one"),
    (GROUP_OF, "20"),
    (CLOCK, "12.30"),
    (CABLE, "2"),
])
def test_no_figure(figures, text, number):
    assert number not in figures(text)


@pytest.mark.parametrize("text, number", [
    ("Only one soldier survived the attack on the base.", "one"),
    ("Pledges came from Estonia seven, Sweden three, the Czech Republic one and Malta two.", "one"),
    ("A total of 20 tanks arrived at the port.", "20"),
    ("Inflation rose from 10.15 percent to 12.30 percent last year.", "12.30 percent"),
    ("In the port city 50 soldiers were killed on Monday.", "50"),
])
def test_a_figure_that_counts_stays(figures, text, number):
    assert number in figures(text)


@pytest.mark.parametrize("switch, text, number", [
    ("PRONOUN_ONE_BY_POSITION", GOLIATH, "one"),
    ("NAME_ENDING_IN_OF", GROUP_OF, "20"),
    ("CLOCK_AFTER_PREPOSITION", CLOCK, "12.30"),
    ("NAME_NUMBER_BEFORE_NOUN", CABLE, "2"),
])
def test_switched_off_the_number_comes_back(figures, monkeypatch, switch, text, number):
    monkeypatch.setattr(cl, switch, False)
    assert number in figures(text)


def test_a_casualty_word_after_the_counted_people_makes_a_casualty_figure(extracted, monkeypatch):
    def category(text):
        return {c["text"]: c["category"] for c in extracted(text)["claims"]}
    text = "The strike on a river town left at least 14 people dead."
    assert category(text)["at least 14"] == "casualties"
    assert category("The strike on a river town left at least 14 people homeless.")["at least 14"] != "casualties"
    monkeypatch.setattr(cl, "CASUALTY_AFTER_NOUN", False)
    assert category(text)["at least 14"] != "casualties"


def test_a_headline_to_someone_is_said_by_the_name_before_to(extracted, monkeypatch):
    import helpers.text.statements as st

    text = "Prime Minister of India to Putin: This is not the time for another war\n\nThe two leaders met on Friday."

    def speakers():
        return [s["speaker"] for s in extracted(text)["statements"]]
    assert speakers() == ["India"]
    monkeypatch.setattr(st, "ADDRESSEE_BEFORE_COLON", False)
    assert speakers() == ["Putin"]
