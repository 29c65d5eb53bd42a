"""A unit glued to the number by a hyphen is what is counted, however the parser hangs it (session 12)."""
from __future__ import annotations

from helpers.text import claims
from text_rows import extract_rows


def _figures(nlp, text):
    return [(c["text"], c["unit"], c["category"]) for c in extract_rows(nlp, text)["claims"]]


def test_hyphenated_unit_before_a_compound_noun(nlp):
    # the parser hangs "800" on "border" and the hyphen as an adjective: the unit is still the mile
    assert _figures(nlp, "Finland has an 800-mile land border with Russia.") == [("800", "mile", "distance")]
    assert _figures(nlp, "A 40-mile convoy was seen north of the city.") == [("40", "mile", "distance")]


def test_a_hyphenated_word_that_is_no_unit_is_unchanged(nlp):
    assert _figures(nlp, "A three-day truce began on Monday.") == []


def test_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(claims, "HYPHENATED_UNIT", False)
    assert _figures(nlp, "Finland has an 800-mile land border with Russia.") == [("800", "border", "other")]
