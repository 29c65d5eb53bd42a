"""Issue 12, session 19: a forward-looking governor is known by its inflected forms, not only by the lemma the
small model gives it ("hopes"/"hoping" are lemmatised "hop"): ``tense.GOVERNOR_FORMS``. Constructed sentences."""
from __future__ import annotations

from datetime import date

import pytest

import helpers.time.tense as tense
from helpers.time.expressions import find_time_expressions

ANCHOR = date(2024, 10, 26)  # a Saturday


def _sunday(nlp, text):
    return {e.text: e.timex for e in find_time_expressions(doc=nlp(text), anchor=ANCHOR)}["Sunday"]


@pytest.mark.parametrize("text", [
    "The president hopes to speak to the chancellor on Sunday.",
    "The president is hoping to speak to the chancellor on Sunday to discuss a truce.",
])
def test_an_inflected_governor_points_forward(nlp, text, monkeypatch):
    assert _sunday(nlp, text) == "2024-10-27"
    monkeypatch.setattr(tense, "GOVERNOR_FORMS", False)
    assert _sunday(nlp, text) == "2024-10-20"


@pytest.mark.parametrize("text", [
    "The president spoke to the chancellor on Sunday.",
    "The rabbit hopped across the road on Sunday.",
])
def test_a_past_verb_or_a_namesake_stays_past(nlp, text):
    assert _sunday(nlp, text) == "2024-10-20"


def test_forms_are_regular_inflections_of_the_lexicon():
    forms = tense._governor_forms()
    assert {"hopes", "hoping", "hoped", "plans", "planning", "expects"} <= forms
    assert "hop" not in forms and "hopped" not in forms
