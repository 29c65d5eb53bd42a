"""Session 19: a number before a word whose hyphen lost its join ("two -party support", one token "-party" after a
space) is a hyphenated modifier, no claim (``claims.DETACHED_HYPHEN_MODIFIER``), unless the word is a unit.
Constructed sentences."""
from __future__ import annotations

import helpers.text.claims as cl


def _claims(out):
    return [c["text"] for c in out["claims"]]


def _rejected(out):
    return {r["text"]: r["rule"] for r in out["claim_rejections"]}


def test_a_detached_hyphen_modifier_is_no_claim(extracted, monkeypatch):
    text = "The senator said there was two -party backing for the four -wheel trucks."
    out = extracted(text)
    assert _claims(out) == []
    assert _rejected(out) == {"two": "hyphenated_modifier", "four": "hyphenated_modifier"}
    monkeypatch.setattr(cl, "DETACHED_HYPHEN_MODIFIER", False)
    assert _claims(extracted(text)) == ["two", "four"]


def test_a_detached_hyphen_unit_stays_a_claim(extracted):
    out = extracted("The army said it fired 12 -missiles at the port.")
    assert _claims(out) == ["12"]


def test_a_spaced_dash_is_no_detached_hyphen(extracted):
    out = extracted("The ministry said 300 - mostly conscripts - were captured.")
    assert "300" in _claims(out)
