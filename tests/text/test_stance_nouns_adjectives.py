"""Cue nouns without an owner and "be" + adjective cues (issue 10, round 9).

A cue noun of saying or stance without a possessor reports its that-clause or the object of "of"/"on"/"about" as a
statement whose source is not named; a noun naming a document or a figure only its that-clause. An adjective after
"be" with a that-clause or a prepositional object is a stance cue of the copula's subject, unless it is one of
ability, likelihood or readiness. The rules are tested with the statement filter off (it judges all of these); a few
plain cases are checked with it on. Sentences constructed for these tests.
"""
from __future__ import annotations

import pytest

from helpers.text import statementmodel
from helpers.text.stage import extract_article


def _statements(nlp, text):
    doc = nlp(text)
    doc.user_data["article_id"] = "a1"
    return [(r["speaker"], r["cue_lemma"], r["content"]) for r in extract_article(doc)["statements"]]


@pytest.fixture
def no_filter(monkeypatch):
    monkeypatch.setattr(statementmodel, "keep_statements", lambda found, ctx, model=None: found)


@pytest.mark.parametrize("text,expected", [
    ("Allegations that the harbour master took bribes have circulated for weeks.",
     ("(unknown)", "allegation", "that the harbour master took bribes")),
    ("Criticism of the new tram timetable grew on Friday.", ("(unknown)", "criticism", "the new tram timetable")),
    # a document noun with a that-clause
    ("Reports that the ferry had sunk spread across the island.", ("(unknown)", "report", "that the ferry had sunk")),
])
def test_an_unowned_cue_noun_reports_its_content_with_no_source(nlp, no_filter, text, expected):
    assert expected in _statements(nlp, text)


@pytest.mark.parametrize("text", [
    # a document noun's "of" object is what it is about, not what it says
    "A report of heavy rain in the valley reached the newsroom.",
    "The estimate of the storm damage was published on Monday.",
    # nothing reported
    "Criticism grew on Friday.",
])
def test_no_statement_for_an_unowned_noun_without_content(nlp, no_filter, text):
    assert not any(lemma in ("report", "estimate", "criticism") for _, lemma, _ in _statements(nlp, text))


def test_an_unowned_cue_noun_inside_a_quotation_is_part_of_it(nlp, no_filter):
    rows = _statements(nlp, '“There were allegations that the harbour master took bribes,” Mayor Ruth Okafor said.')
    assert [lemma for _, lemma, _ in rows] == ["say"]


def test_a_speech_verb_tagged_as_a_noun_keeps_its_subject(nlp, no_filter):
    # read by the noun-cue rule, with its speaker; no second statement of no source over the same clause
    rows = _statements(nlp, "As of Friday, Freedonia's coast guard claims that the smugglers have lost 40 boats.")
    assert all(speaker != "(unknown)" for speaker, _, _ in rows)


@pytest.mark.parametrize("text,expected", [
    ("Mayor Ruth Okafor was critical of the new tram timetable.",
     ("Ruth Okafor", "critical", "the new tram timetable")),
    ("Senator Lena Ortiz is confident that the bridge will open in May.",
     ("Lena Ortiz", "confident", "that the bridge will open in May")),
    ("Mayor Ruth Okafor was unhappy about the delays at the port.",
     ("Ruth Okafor", "unhappy", "the delays at the port")),
])
def test_be_and_an_adjective_of_stance_is_a_cue_of_the_subject(nlp, no_filter, text, expected):
    assert _statements(nlp, text) == [expected]


@pytest.mark.parametrize("text", [
    "Senator Lena Ortiz is likely to win the vote.",  # likelihood
    "Mayor Ruth Okafor is able to attend the meeting.",  # ability
    "Senator Lena Ortiz is eager to visit the harbour.",  # an infinitive is no content
    "The harbour is full of fishing boats.",  # a subject that holds no view
    "Senator Lena Ortiz was tired after the long session.",  # no clause or prepositional object
])
def test_no_adjective_cue_without_a_stance(nlp, no_filter, text):
    assert _statements(nlp, text) == []


@pytest.mark.parametrize("text,expected", [
    ("Senator Lena Ortiz is confident that the bridge will open in May.",
     ("Lena Ortiz", "confident", "that the bridge will open in May")),
    ("Allegations that the harbour master took bribes have circulated for weeks.",
     ("(unknown)", "allegation", "that the harbour master took bribes")),
])
def test_the_filter_keeps_plain_cases(nlp, text, expected):
    assert expected in _statements(nlp, text)
