"""Session 18: a written "one" meaning "only" or "single" counts nothing (``claims.ONLY_ONE``, rejection rule
``only_one``). Constructed sentences."""
from __future__ import annotations

import helpers.text.claims as cl

TEXT = ("Gas is the “one lever” the government still holds. She may win the war one town at a time. "
        "It was his one chance. The one million refugees need shelter. One soldier was killed.")


def _claims(out):
    return {c["text"]: c["unit"] for c in out["claims"]}


def test_the_one_and_one_at_a_time_are_no_claims(extracted):
    out = extracted(TEXT)
    assert _claims(out) == {"one million": "refugee", "One": "soldier"}
    rules = {r["rule"] for r in out["claim_rejections"] if r["text"].lower() == "one"}
    assert rules == {"only_one"}


def test_only_one_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "ONLY_ONE", False)
    out = extracted(TEXT)
    assert "chance" in _claims(out).values()
    assert not any(r["rule"] == "only_one" for r in out["claim_rejections"])


def test_the_one_lever_and_one_town_at_a_time(extracted, monkeypatch):
    text = "Gas is the “one lever” the government still holds. She may win the war one town at a time."
    assert _claims(extracted(text)) == {}
    monkeypatch.setattr(cl, "ONLY_ONE", False)
    assert "town" in _claims(extracted(text)).values()
