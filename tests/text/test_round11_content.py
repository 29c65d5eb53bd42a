"""Content spans of issue 10, round 11 (sentences constructed for these tests).

- a stance verb whose object names whom it is said of, then "of"/"for"/"about" …: the preposition's object
  ("Poland criticised Hungary for blocking the aid");
- a cue in a relative clause whose clause opens with the relative pronoun ("…, which Democrats say could …"): the
  clause after the cue;
- a cue as a past participle with a "by" agent ("the campaign, first reported by The Washington Post"): the noun it
  describes, the agent as the speaker.
"""
from __future__ import annotations

import pytest

from helpers.text import statements as st
from text_rows import extract_rows as _rows, statement_fields as statements


@pytest.mark.parametrize("text,expected", [
    ("Poland criticised Hungary for blocking the aid.", ("Poland", "criticise", "blocking the aid")),
    ("Senator Lena Ortiz blasted the Pentagon on Tuesday for its decision to close the base.",
     ("Lena Ortiz", "blast", "its decision to close the base")),
])
def test_a_named_object_then_a_preposition_reports_the_prepositions_object(nlp, text, expected):
    assert statements(nlp, text) == [expected]


def test_the_named_object_alone_without_a_preposition(nlp):
    assert statements(nlp, "Senator Lena Ortiz praised Hungary.") == [("Lena Ortiz", "praise", "Hungary")]


def test_a_common_noun_object_is_read_with_the_preposition_after_it(nlp, monkeypatch):
    # not a name: who was criticised, and what for (the parser hangs "for" on the verb)
    text = "Senator Lena Ortiz criticised the ministry for its slow response."
    assert statements(nlp, text) == [("Lena Ortiz", "criticise", "the ministry for its slow response")]
    monkeypatch.setattr(st, "READ_OBJECT_PREPOSITION", False)
    assert statements(nlp, text) == [("Lena Ortiz", "criticise", "the ministry")]


def test_the_named_object_rule_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(st, "READ_REASON_OBJECT", False)
    assert statements(nlp, "Poland criticised Hungary for blocking the aid.") != [
        ("Poland", "criticise", "blocking the aid")]


@pytest.mark.parametrize("text,expected", [
    ("There has been a surge of new voters, which Democrats say could be aiding Mr. Sanders.",
     ("Democrats", "say", "could be aiding Mr. Sanders")),
])
def test_a_relative_clause_cue_reports_the_clause_after_it(nlp, text, expected):
    assert statements(nlp, text) == [expected]


def test_a_relative_clause_cue_without_a_clause_gives_no_complement(nlp, monkeypatch):
    # "which the senator opposed": the relative pronoun is the object, no clause is reported after the cue; since
    # session 17 the noun the clause describes is what she opposed (statements.RELATIVE_GAP_OBJECT)
    text = "The treaty, which Senator Lena Ortiz opposed, was signed in May."
    assert statements(nlp, text) == [("Lena Ortiz", "oppose", "The treaty, which")]
    monkeypatch.setattr(st, "RELATIVE_GAP_OBJECT", False)
    assert statements(nlp, text) == []


def test_the_relative_clause_rule_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(st, "READ_RELATIVE_COMPLEMENT", False)
    assert statements(nlp, "There has been a surge of new voters, which Democrats say could be aiding Mr. Sanders.") \
        == []


@pytest.mark.parametrize("text,expected", [
    ("The nationwide campaign, first reported by The Washington Post, is a key element of the response.",
     ("Washington Post", "report", "The nationwide campaign")),
    ("The figure of 300 dead reported by the United Nations is likely an undercount.",
     ("United Nations", "report", "The figure of 300 dead")),
])
def test_a_cue_participle_with_an_agent_reports_the_noun_it_describes(nlp, text, expected):
    assert statements(nlp, text) == [expected]


@pytest.mark.parametrize("text", [
    "The bridge, destroyed by shelling in May, reopened on Monday.",  # no cue
    "The report, released on Monday, was short.",  # a cue participle without an agent
])
def test_no_participle_statement_without_a_cue_or_an_agent(nlp, text):
    assert statements(nlp, text) == []


def test_the_participle_rule_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(st, "READ_PARTICIPLE_AGENT", False)
    assert statements(nlp, "The nationwide campaign, first reported by The Washington Post, is a key element of "
                           "the response.") == []


def test_a_figure_in_a_participle_statement_is_the_agents_claim(nlp):
    out = _rows(nlp, "The figure of 300 dead reported by the United Nations is likely an undercount.")
    assert [(c["text"], c["claimant"], c["claimant_via"]) for c in out["claims"]] == [
        ("300", "United Nations", "statement")]


def test_a_figure_in_what_a_named_object_is_accused_of_is_the_accusers_claim(nlp):
    out = _rows(nlp, "Ukraine accused Russia of killing 300 civilians in Bucha.")
    assert [(r["speaker"], r["content"]) for r in out["statements"]] == [("Ukraine", "killing 300 civilians in Bucha")]
    assert [(c["text"], c["claimant"]) for c in out["claims"]] == [("300", "Ukraine")]
