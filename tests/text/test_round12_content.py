"""Content spans of issue 10, round 12 (sentences constructed for these tests).

- a content that runs on into a clause another cue heads — a conjunct ("said A and suggested B"), a clause of
  contrast ("…, while 22 percent said …") or a trailing relative clause ("… policies, which he said had harmed …")
  — ends before that clause; the other cue reports the rest;
- a cue whose parse hangs the clause before it as its complement (across a dash) and that has a clause after it
  reports the clause after it;
- "In a new poll by X, …", "By the ministry's tally, …": a phrase naming a document set off before its clause is
  a statement over the clause (the source a name inside the phrase, else unknown).
"""
from __future__ import annotations

import pytest

from helpers.text import statements as st
from text_rows import extract_rows as _rows, statement_fields as statements


# ---------------------------------------------------------------- a content ends before another cue's clause

CONJUNCT = ("Senator Lena Ortiz said she had not accepted any fees since March and suggested that the bigger "
            "question is whether officials are paid twice.")


def test_a_conjoined_clause_with_its_own_cue_ends_the_content(nlp):
    assert statements(nlp, CONJUNCT) == [
        ("Lena Ortiz", "say", "she had not accepted any fees since March"),
        ("Lena Ortiz", "suggest", "that the bigger question is whether officials are paid twice")]


def test_a_clause_of_contrast_with_its_own_cue_ends_the_content(nlp):
    text = "Most voters said they are set on voting for the mayor, while 22 percent said they might change their mind."
    assert [c for _, _, c in statements(nlp, text)] == [
        "they are set on voting for the mayor", "they might change their mind"]


def test_a_trailing_relative_clause_with_its_own_cue_ends_the_content(nlp):
    text = "Senator Lena Ortiz cited the trade policies, which she said had harmed the economy."
    assert statements(nlp, text)[0] == ("Lena Ortiz", "cite", "the trade policies")


def test_a_conjoined_clause_without_a_cue_stays_in_the_content(nlp):
    text = "The governor said the bridge would reopen and the ferries would run again on Monday."
    assert statements(nlp, text) == [
        ("governor", "say", "the bridge would reopen and the ferries would run again on Monday")]


def test_a_clause_of_time_stays_in_the_content(nlp):
    # only clauses of contrast ("while", "though" …) are cut: "when" is part of what was said
    text = "The governor said the bridge would reopen when the engineers said it was safe."
    assert statements(nlp, text)[0] == (
        "governor", "say", "the bridge would reopen when the engineers said it was safe")


def test_the_cut_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(st, "CUT_AT_CUE_CLAUSE", False)
    # without the cut, the second cue's statement lies inside the first and adds no source of its own
    assert statements(nlp, CONJUNCT) == [
        ("Lena Ortiz", "say", "she had not accepted any fees since March and suggested that the bigger question is "
                              "whether officials are paid twice")]


# ---------------------------------------------------------------- a clause after the cue over one before it

DASH = "When the hearing began I saw the lawyer's surprise — he expected me to read a prepared statement."


def test_the_clause_after_the_cue_is_its_content_over_a_clause_before_it(nlp):
    # the parser hangs "I saw the lawyer's surprise" on "expected" as its complement; "he" has no named antecedent
    assert statements(nlp, DASH) == [("(unknown)", "expect", "me to read a prepared statement")]


def test_the_clause_before_is_kept_when_nothing_follows_the_cue(nlp):
    text = "The bridge will reopen on Monday, the governor said."
    assert statements(nlp, text) == [("governor", "say", "The bridge will reopen on Monday")]


def test_the_clause_after_rule_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(st, "READ_COMPLEMENT_AFTER", False)
    assert [c for _, lemma, c in statements(nlp, DASH) if lemma == "expect"] != ["me to read a prepared statement"]


# ---------------------------------------------------------------- "In a new poll by X, …"

@pytest.mark.parametrize("text,expected", [
    ("In a new poll by the Gallup agency, Senator Lena Ortiz leads the mayor by 9 points.",
     ("Gallup agency", "in", "Senator Lena Ortiz leads the mayor by 9 points")),
    ("In the new survey, the mayor leads the senator by two points among women.",
     ("(unknown)", "in", "the mayor leads the senator by two points among women")),
])
def test_a_document_phrase_before_its_clause_is_a_statement(nlp, text, expected):
    assert statements(nlp, text) == [expected]


def test_a_named_source_phrase_is_the_figures_claimant(nlp, monkeypatch):
    text = "In a new report by the United Nations, 300 civilians were killed in the region last year."
    assert [(c["text"], c["claimant"]) for c in _rows(nlp, text)["claims"]] == [("300", "United Nations")]
    monkeypatch.setattr(st, "READ_SOURCE_PHRASE", False)
    assert [(c["text"], c["claimant"]) for c in _rows(nlp, text)["claims"]] == [("300", "(unattributed)")]


def test_an_unnamed_source_phrase_credits_no_one(nlp):
    text = "In the new survey, 40 percent of the residents were hurt in the floods."
    assert statements(nlp, text) == [("(unknown)", "in", "40 percent of the residents were hurt in the floods")]
    assert [c["claimant"] for c in _rows(nlp, text)["claims"]] == ["(unattributed)"]


@pytest.mark.parametrize("text", [
    "Senator Lena Ortiz has led in the polls since March.",  # not set off before its clause
    "In a statement on Monday, the governor said the bridge would reopen.",  # the clause has a cue of its own
    "In the morning, the governor visited the bridge.",  # no document
])
def test_no_document_phrase_statement(nlp, text):
    assert [s for s in statements(nlp, text, ("cue_lemma",)) if s[0] in ("in", "by")] == []


def test_the_document_phrase_rule_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(st, "READ_SOURCE_PHRASE", False)
    assert statements(nlp, "In the new survey, the mayor leads the senator by two points among women.") == []
