"""Session 17, attribution recall (constructed sentences): a cue in a relative clause whose object is the gap reports
the noun the clause describes (``statements.RELATIVE_GAP_OBJECT``); the subject of "be" and an adjective speaks
through the adjective's infinitive cue (``SUBJECT_THROUGH_ADJECTIVE``); an owned cue noun that is the subject of
"be" reports the clause after it (``COPULA_CONTENT``); a cue with a complement clause of its own before a quotation
reports that clause, not the quotation (``QUOTE_NOT_OVER_CLAUSE``); a bare pronoun is the content of a verb of
endorsement or judgement (``PRONOUN_OBJECT_CONTENT``, cue_verbs.json ``pronoun_object_cues``)."""
from __future__ import annotations

import pytest

import helpers.text.statements as st

GAP = "The board dropped the pier project, a plan the governor once supported."
GAP_FIGURE = "The board dropped the 300 berths the governor had promised."
QUICK = "The Harbour Workers Union was quick to point out that 40 berths had been closed for weeks."
VIEW = "Dana Reyes met the fishermen. Her view is that the harbour must stay open."
REPLIED = ("Jane Roe said the ferry would stop in May, to which Dana Reyes replied: "
           "“We will keep 40 boats running anyway.”")
INSIDE = ("Jane Roe said that the owner of the pier was “a very good corporate citizen” who gave 20 boats to the "
          "town.")


@pytest.fixture(scope="module")
def read(extracted):
    def run(text):
        out = extracted(text)
        return ([(s["speaker"], text[s["start_char"]:s["end_char"]],
                  None if s["speaker_start"] is None else text[int(s["speaker_start"]):int(s["speaker_end"])])
                 for s in out["statements"]],
                {c["text"]: c["claimant"] for c in out["claims"]})
    return run


def test_a_relative_clause_gap_is_what_the_cue_reports(read):
    statements, _ = read(GAP)
    assert statements == [("governor", "a plan", "the governor")]


def test_a_figure_in_the_gap_noun_is_the_speakers(read):
    statements, claimants = read(GAP_FIGURE)
    assert statements == [("governor", "the 300 berths", "the governor")]
    assert claimants == {"300": "(governor)"}


def test_relative_gap_switched_off(read, monkeypatch):
    monkeypatch.setattr(st, "RELATIVE_GAP_OBJECT", False)
    assert read(GAP)[0] == []
    assert read(GAP_FIGURE) == ([], {"300": "(unattributed)"})


@pytest.mark.parametrize("text", [
    "Dana Reyes thanked the governor who had endorsed her.",  # the clause has an object of its own
    "The council dropped the ferry plan that was criticised by the mayor.",  # passive: its subject is the gap
])
def test_no_gap_no_relative_statement(read, text):
    assert not any(s[1] in ("the governor", "the ferry plan", "the ferry plan that") for s in read(text)[0])
    assert not any(s[0] in ("governor", "mayor") for s in read(text)[0])


def test_the_subject_speaks_through_an_adjective(read):
    statements, claimants = read(QUICK)
    assert statements == [("Harbour Workers Union", "that 40 berths had been closed for weeks",
                           "The Harbour Workers Union")]
    assert claimants == {"40": "Harbour Workers Union"}


def test_subject_through_adjective_switched_off(read, monkeypatch):
    monkeypatch.setattr(st, "SUBJECT_THROUGH_ADJECTIVE", False)
    assert read(QUICK) == ([], {"40": "(unattributed)"})


def test_an_adjective_of_likelihood_passes_no_subject(read):
    # "likely", "able", "ready" … (modal_adjectives): what may be said is not said
    assert read("The Harbour Workers Union was likely to say that 40 berths had closed.") == (
        [], {"40": "(unattributed)"})


def test_a_view_that_is_a_clause(read):
    assert read(VIEW)[0] == [("Dana Reyes", "that the harbour must stay open", "Her")]


def test_copula_content_switched_off(read, monkeypatch):
    monkeypatch.setattr(st, "COPULA_CONTENT", False)
    assert read(VIEW)[0] == []


def test_a_view_with_its_own_object_keeps_it(read):
    # the noun governs a content of its own: the predicate adjective is no content
    assert read("Dana Reyes met the fishermen. Her view of the harbour is bleak.")[0] == [
        ("Dana Reyes", "the harbour", "Her")]


def test_a_quotation_after_the_clause_is_the_next_cues(read):
    statements, claimants = read(REPLIED)
    assert statements[0][0] == "Jane Roe" and statements[0][1].startswith("the ferry would stop in May")
    assert ("Dana Reyes", "We will keep 40 boats running anyway", "Dana Reyes") in statements
    assert claimants == {"40": "Dana Reyes"}


def test_a_quotation_inside_the_clause_is_part_of_it(read):
    statements, _ = read(INSIDE)
    assert statements == [("Jane Roe", INSIDE[len("Jane Roe said "):-1], "Jane Roe")]


def test_quote_not_over_clause_switched_off(read, monkeypatch):
    monkeypatch.setattr(st, "QUOTE_NOT_OVER_CLAUSE", False)
    assert read(REPLIED)[1] == {"40": "Jane Roe"}
    assert read(INSIDE)[0] == [("Jane Roe", "a very good corporate citizen", "Jane Roe")]


@pytest.mark.parametrize("text", [
    "Jane Roe said, “The pier will close in May and 40 boats will stay.”",
    "“The pier will close in May and 40 boats will stay,” Jane Roe said.",
])
def test_a_quotation_that_is_the_content_stays_the_cues(read, text):
    assert read(text) == ([("Jane Roe", "The pier will close in May and 40 boats will stay", "Jane Roe")],
                          {"40": "Jane Roe"})


ENDORSED = "Dana Reyes ran for mayor in May. The Harbour Workers Union endorsed her."
OPPOSES = "The council passed the ferry tax. Jane Roe opposes it."


@pytest.mark.parametrize("text, statement", [
    (ENDORSED, ("Harbour Workers Union", "her", "The Harbour Workers Union")),
    (OPPOSES, ("Jane Roe", "it", "Jane Roe")),
])
def test_a_pronoun_is_what_is_endorsed_or_opposed(read, text, statement):
    assert read(text)[0] == [statement]


def test_pronoun_object_content_switched_off(read, monkeypatch):
    monkeypatch.setattr(st, "PRONOUN_OBJECT_CONTENT", False)
    assert read(ENDORSED)[0] == [] and read(OPPOSES)[0] == []


def test_defending_oneself_is_no_statement(read):
    assert read("The Harbour Workers Union helped the town defend itself.")[0] == []
