"""Session 19: a count of forces right after a casualty count in one list ("the death of four generals, 58
colonels and 176 officers were confirmed") is a casualty count too (``claims.CASUALTY_LIST_ITEMS``). Constructed
sentences."""
from __future__ import annotations

import helpers.text.claims as cl

TEXT = "By the end of May, the death of four generals, 58 colonels and 176 officers was confirmed by the ministry."


def _categories(out):
    return {c["text"]: c["category"] for c in out["claims"]}


def test_list_items_after_a_casualty_count(extracted):
    got = _categories(extracted(TEXT))
    assert [v for k, v in got.items() if k.startswith(("58", "176"))] == ["casualties", "casualties"]


def test_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "CASUALTY_LIST_ITEMS", False)
    got = _categories(extracted(TEXT))
    assert "personnel" in {v for k, v in got.items() if k.startswith(("58", "176"))}


def test_forces_after_a_casualty_count_in_another_clause(extracted):
    got = _categories(extracted("Four soldiers were killed on Monday, and 300 troops arrived in the town."))
    assert [v for k, v in got.items() if k.startswith("300")] == ["personnel"]
