"""Session 13: "one" as a pronoun however the parser hangs it is no figure (constructed sentences)."""
from __future__ import annotations

import pytest

import helpers.text.claims as cl
from helpers.text.stage import extract_article


@pytest.fixture(scope="module")
def figures(nlp):
    def run(text):
        doc = nlp(text)
        doc.user_data["article_id"] = "a1"
        return [c["text"] for c in extract_article(doc)["claims"]]
    return run


@pytest.mark.parametrize("text", [
    "“Courage is found between one’s ears, not in the armoury,” the general said.",
    "The drill they staged was a David v Goliath one, with the larger force attacking.",
    "“We wanted troops on the ground from day one,” the analyst said.",
])
def test_one_as_a_pronoun_is_no_figure(figures, text):
    assert "one" not in [f.lower() for f in figures(text)]


@pytest.mark.parametrize("text, figure", [
    ("Only one soldier survived the attack on the base.", "one"),
    ("Pledges came from Estonia seven, Sweden three, the Czech Republic one and Malta two.", "one"),
])
def test_one_that_counts_stays(figures, text, figure):
    assert figure in figures(text)


def test_switched_off_the_parsers_reading_stands(figures, monkeypatch):
    monkeypatch.setattr(cl, "PRONOUN_ONE_BY_POSITION", False)
    assert "one" in figures("The drill they staged was a David v Goliath one, with the larger force attacking.")


def test_a_number_ending_a_name_the_model_cut_at_of_is_no_figure(figures, monkeypatch):
    text = "Indonesia invited him to the upcoming Group of 20 summit in November."
    assert "20" not in figures(text)
    monkeypatch.setattr(cl, "NAME_ENDING_IN_OF", False)
    assert "20" in figures(text)


def test_a_total_of_stays_a_figure(figures):
    assert "20" in figures("A total of 20 tanks arrived at the port.")


@pytest.mark.parametrize("text, number", [
    ("In the capital at 12.30 there will be an emergency summit.", "12.30"),
    ("Engineers repaired the Baltic Link 2 cable after the storm.", "2"),
])
def test_clock_times_and_numbers_inside_names_are_no_figures(figures, text, number):
    assert number not in figures(text)


@pytest.mark.parametrize("text, number", [
    ("Inflation rose from 10.15 percent to 12.30 percent last year.", "12.30 percent"),
    ("In the port city 50 soldiers were killed on Monday.", "50"),
])
def test_quantities_after_those_prepositions_and_names_stay(figures, text, number):
    assert number in figures(text)


def test_switched_off_clock_and_name_numbers_come_back(figures, monkeypatch):
    monkeypatch.setattr(cl, "CLOCK_AFTER_PREPOSITION", False)
    monkeypatch.setattr(cl, "NAME_NUMBER_BEFORE_NOUN", False)
    assert "12.30" in figures("In the capital at 12.30 there will be an emergency summit.")
    assert "2" in figures("Engineers repaired the Baltic Link 2 cable after the storm.")
