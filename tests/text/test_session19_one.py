"""Session 19: a written "one" set against "all" with the same preposition on the same noun ("an attack on one
member is an attack on all": ``claims.ONE_AGAINST_ALL``) and "with/in one voice" (idioms) count nothing.
Constructed sentences."""
from __future__ import annotations

import helpers.text.claims as cl


def _claims(out):
    return [c["text"] for c in out["claims"]]


def _rejected(out):
    return {r["text"]: r["rule"] for r in out["claim_rejections"]}


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
