"""Session 18, nested statements (constructed sentences): statements PolNeAR would pair with another attribution than
the one they express — a quotation after a long speaker description goes on with that speaker's statement
(``statements.LONG_SPEAKER_CONTINUES``); a trailing "which" clause is no part of a content
(``TRAILING_WHICH_CLAUSE``); a complement cue not set off by punctuation is no parenthetical
(``PARENTHETICAL_SET_OFF``), nor a cue that reports only through a preposition (``PARENTHETICAL_NOT_PREPOSITIONAL``);
a belief reported inside a quotation is no statement (``STANCE_NOT_QUOTED``)."""
from __future__ import annotations

import pytest

import helpers.text.statements as st

LONG = ('"The harbour will be busy again," said Jane Roe, a long-serving member of the county board of harbour and ferry '
        'affairs. "It brings new work to the whole coast."')
WHICH = "The mayor ordered a review of the ferry contract, which allows the operator to raise fares every spring."
WHO = "The mayor praised the ferry captain, who sails the route every day."
THAT = "The mayor ordered a review that allows the operator to raise fares every spring."
EXPECT = "Many harbour workers say they expect the council to emphasize safety, just as it did in the past."
EAGER = "She will be eager to prove that her campaign has heard what voters are saying, and that she is strong."
PAREN_PLAIN = "The pier looked tired, Jane Roe said."
PAREN_INSIDE = "The ferries, the council said, will stop in May."
SPOKE = "The ferries, the mayor spoke, will stop in May."
BELIEF = 'Jane Roe spoke to the board on Monday. "Even John Doe believes the port should stay open, and he runs the ferry."'
BELIEF_PLAIN = "Even John Doe believes the port should stay open, Jane Roe said."


def said(extracted, text: str) -> list[tuple[str, str, str]]:
    """(speaker, cue, content) of each statement of ``text``."""
    return [(s["speaker"], s["cue"], s["content"]) for s in extracted(text)["statements"]]


def test_a_quotation_after_a_long_speaker_description_continues(extracted, monkeypatch):
    whole = LONG[1:-2]  # from the first quotation to the end of the second, closing marks trimmed
    assert said(extracted, LONG) == [("Jane Roe", "said", whole)]
    monkeypatch.setattr(st, "LONG_SPEAKER_CONTINUES", False)
    assert said(extracted, LONG) == [("Jane Roe", "said", "The harbour will be busy again")]


def test_a_trailing_which_clause_is_no_content(extracted, monkeypatch):
    assert said(extracted, WHICH) == [("mayor", "ordered", "a review of the ferry contract")]
    monkeypatch.setattr(st, "TRAILING_WHICH_CLAUSE", False)
    assert said(extracted, WHICH) == [("mayor", "ordered", WHICH[len("The mayor ordered "):-1])]


@pytest.mark.parametrize("text, content", [
    (WHO, "the ferry captain, who sails the route every day"),  # a "who" clause stays
    (THAT, "a review that allows the operator to raise fares every spring"),  # no comma: a restrictive clause stays
])
def test_other_relative_clauses_stay(extracted, text, content):
    assert said(extracted, text)[0][2] == content


@pytest.mark.parametrize("text, cue", [(EXPECT, "emphasize"), (EAGER, "saying")])
def test_a_complement_not_set_off_is_no_parenthetical(extracted, monkeypatch, text, cue):
    assert cue not in [s[1] for s in said(extracted, text)]
    monkeypatch.setattr(st, "PARENTHETICAL_SET_OFF", False)
    assert cue in [s[1] for s in said(extracted, text)]


@pytest.mark.parametrize("text, content", [
    (PAREN_PLAIN, "The pier looked tired"),
    (PAREN_INSIDE, "The ferries, the council said, will stop in May"),
])
def test_a_parenthetical_set_off_is_read(extracted, text, content):
    assert said(extracted, text) == [("council" if "council" in text else "Jane Roe", "said", content)]


def test_a_prepositional_cue_is_no_parenthetical(extracted, monkeypatch):
    assert said(extracted, SPOKE) == []
    monkeypatch.setattr(st, "PARENTHETICAL_NOT_PREPOSITIONAL", False)
    assert said(extracted, SPOKE) == [("mayor", "spoke", SPOKE[:-1])]


def test_a_belief_inside_a_quotation_is_no_statement(extracted, monkeypatch):
    assert [s[:2] for s in said(extracted, BELIEF)] == []
    assert [s[:2] for s in said(extracted, BELIEF_PLAIN)][0] == ("Jane Roe", "said")  # outside a quotation
    monkeypatch.setattr(st, "STANCE_NOT_QUOTED", False)
    assert said(extracted, BELIEF) == [("John Doe", "believes", "the port should stay open")]
