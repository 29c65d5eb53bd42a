"""Session 19, claims (constructed sentences):

- a number before a word whose hyphen lost its join ("two -party support", one token "-party" after a space) is a
  hyphenated modifier, no claim (``claims.DETACHED_HYPHEN_MODIFIER``), unless the word is a unit;
- a written "one" set against "all" with the same preposition on the same noun ("an attack on one member is an
  attack on all": ``claims.ONE_AGAINST_ALL``) and "with/in one voice" (idioms) count nothing."""
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


def test_one_against_all_is_no_claim(extracted, monkeypatch):
    text = "The treaty says that an assault on one ally is an assault on all."
    out = extracted(text)
    assert _claims(out) == [] and _rejected(out)["one"] == "one_and_another"
    monkeypatch.setattr(cl, "ONE_AGAINST_ALL", False)
    assert _claims(extracted(text)) == ["one"]


def test_one_and_all_on_different_nouns_stay_a_count(extracted):
    assert _claims(extracted("Troops fired on one village and on all roads out of it.")) == ["one"]
    assert _claims(extracted("The shelling killed one person and all shops closed.")) == ["one"]


def test_one_voice_idioms(extracted):
    assert _claims(extracted("The allies spoke with one voice on Monday.")) == []
    assert _claims(extracted("The leaders answered in one voice.")) == []
    assert _claims(extracted("One dissenting voice was heard, a diplomat said.")) == ["One"]
