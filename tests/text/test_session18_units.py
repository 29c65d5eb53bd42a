"""Session 18: a counted noun glued to a word by a hyphen is counted whole (``claims.HYPHENATED_NOUN_UNIT``):
"two fly-bys" counts fly-bys, not "bys"; a number glued before it ("a two-round vote") is no part of the unit.
Constructed sentences."""
from __future__ import annotations

import helpers.text.claims as cl


def _units(out):
    return {c["text"]: (c["unit"], c["category"]) for c in out["claims"]}


def test_a_hyphenated_counted_noun_is_the_unit(extracted, monkeypatch):
    text = "The union held three sit-ins and the jet made at least four fly-bys over the ship."
    assert _units(extracted(text)) == {"three": ("sit-in", "other"), "at least four": ("fly-bys", "other")}
    monkeypatch.setattr(cl, "HYPHENATED_NOUN_UNIT", False)
    assert _units(extracted(text)) == {"three": ("in", "other"), "at least four": ("bys", "other")}


def test_a_number_glued_by_a_hyphen_is_no_prefix(nlp):
    doc = nlp("Russia lost 40 T-72 tanks before the two-round vote.")
    tanks = next(t for t in doc if t.text == "tanks")
    rounds = next(t for t in doc if t.text == "round")
    assert cl._hyphen_prefix(doc, tanks) is None
    assert cl._hyphen_prefix(doc, rounds) is None
