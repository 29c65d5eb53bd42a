"""Session 18, source spans (constructed sentences): the speaker mention (``speaker_start``/``speaker_end``) of a
statement — "In the latest poll, …" marks the poll (``statements.SOURCE_PHRASE_MENTION``); a
name modifying an unowned cue noun ("Norwegian criticism that …", ``NAMED_MODIFIER_SOURCE``); the object of a verb
an infinitive cue completes ("led Jane Roe to say", ``OBJECT_CONTROL``); a cue hung as a conjunct on a reported
clause takes the reporting verb's subject (``CONJUNCT_OF_REPORTED_CLAUSE`` for a pronoun, ``OUTER_CONJUNCT_SUBJECT``
for a noun); the passive subject of a verb of feeling (``PASSIVE_EXPERIENCER_MENTION``, cue_verbs.json
``experiencer_passives``); a title parsed as a second subject before the name (``attribution.SPLIT_TITLE_IN_MENTION``)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

import helpers.text.attribution as at
import helpers.text.statements as st

POLL = "In the latest poll, the mayor leads the race by nine points."
NAMED = "Norwegian criticism that the plan would harm the fjord grew louder."
UNNAMED = "Fierce criticism that the plan would harm the fjord grew louder."
LED = "The closure of the pier led Jane Roe to say that the port was finished."
URGED = "The mayor urged the fishermen to say that the port was finished."
SPENT = "The mayor spent most of her time arguing that the port must stay open."
PREDICTED = "Jane Roe said that she would not run again and predicted that the port would close."
WARNED = "Jane Roe said the ferry would stop in May and warned that 40 jobs were at risk."
THRILLED = "The ferry company was thrilled with the ruling that the port stays open."
ACCUSED = "The ferry company was accused of claiming that the port would close."


def said(extracted, text: str) -> list[tuple]:
    """(speaker, cue, source mention as written) of each statement of ``text``."""
    spans = [(s["speaker"], s["cue"], s["speaker_start"], s["speaker_end"]) for s in extracted(text)["statements"]]
    return [(who, cue, None if a is None else text[int(a):int(b)]) for who, cue, a, b in spans]


def test_a_poll_in_a_source_phrase_is_the_mention(extracted, monkeypatch):
    assert said(extracted, POLL) == [("(unknown)", "In", "the latest poll")]
    monkeypatch.setattr(st, "SOURCE_PHRASE_MENTION", False)
    assert said(extracted, POLL) == [("(unknown)", "In", None)]


def test_a_name_modifying_a_cue_noun_is_the_mention(extracted, monkeypatch):
    monkeypatch.setattr(st, "UNOWNED_NOUN_MENTION_SPEAKER", False)  # the mention alone (session 23 names it)
    assert said(extracted, NAMED) == [("(unknown)", "criticism", "Norwegian")]
    assert said(extracted, UNNAMED) == [("(unknown)", "criticism", None)]  # no name: no source
    monkeypatch.setattr(st, "NAMED_MODIFIER_SOURCE", False)
    assert said(extracted, NAMED) == [("(unknown)", "criticism", None)]


def test_the_object_of_a_control_verb_speaks(extracted, monkeypatch):
    assert said(extracted, LED) == [("Jane Roe", "say", "Jane Roe")]
    monkeypatch.setattr(st, "OBJECT_CONTROL", False)
    assert said(extracted, LED) == [("(unknown)", "say", "The closure of the pier")]


@pytest.mark.parametrize("text, expected", [
    (URGED, [("mayor", "urged", "The mayor")]),  # "urge" is a cue itself: its subject is the source
    (SPENT, [("mayor", "arguing", "The mayor")]),  # time spent is no one
])
def test_no_control_object(extracted, text, expected):
    assert said(extracted, text) == expected


def test_a_pronoun_conjunct_in_the_reported_clause_takes_the_speakers_mention(extracted, monkeypatch):
    assert said(extracted, PREDICTED) == [("Jane Roe", "said", "Jane Roe"), ("Jane Roe", "predicted", "Jane Roe")]
    monkeypatch.setattr(st, "CONJUNCT_OF_REPORTED_CLAUSE", False)
    assert said(extracted, PREDICTED)[1] == ("Jane Roe", "predicted", "she")


def test_a_conjunct_hung_on_the_reported_clause_is_the_speakers(extracted, monkeypatch):
    assert said(extracted, WARNED) == [("Jane Roe", "said", "Jane Roe"), ("Jane Roe", "warned", "Jane Roe")]
    assert [c["claimant"] for c in extracted(WARNED)["claims"]] == ["Jane Roe"]  # the 40 jobs at risk
    monkeypatch.setattr(st, "OUTER_CONJUNCT_SUBJECT", False)
    assert said(extracted, WARNED)[1] == ("(unknown)", "warned", "the ferry")
    assert [c["claimant"] for c in extracted(WARNED)["claims"]] == ["(unattributed)"]


def test_the_passive_subject_of_a_feeling_is_the_mention(extracted, monkeypatch):
    monkeypatch.setattr(st, "EXPERIENCER_MENTION_SPEAKER", False)  # the mention alone (session 23 names it)
    assert said(extracted, THRILLED) == [("(unknown)", "thrilled", "The ferry company")]
    assert said(extracted, ACCUSED) == [("(unknown)", "accused", None)]  # the one spoken of, not the source
    monkeypatch.setattr(st, "PASSIVE_EXPERIENCER_MENTION", False)
    assert said(extracted, THRILLED) == [("(unknown)", "thrilled", None)]


def _split_title_doc(nlp) -> Doc:
    """"Roe's lawyer Dana Reyes said …" as the parser sometimes reads it: "lawyer" a subject of its own."""
    words = ["Roe", "'s", "lawyer", "Dana", "Reyes", "said", "it", "was", "sold", "."]
    heads = [2, 0, 5, 4, 5, 5, 7, 5, 7, 5]
    deps = ["poss", "case", "nsubj", "compound", "nsubj", "ROOT", "nsubj", "ccomp", "acomp", "punct"]
    pos = ["PROPN", "PART", "NOUN", "PROPN", "PROPN", "VERB", "PRON", "AUX", "VERB", "PUNCT"]
    return Doc(nlp.vocab, words=words, spaces=[False, True, True, True, True, True, True, True, False, False],
               heads=heads, deps=deps, pos=pos)


def test_a_title_parsed_as_a_second_subject_stays_in_the_mention(nlp, monkeypatch):
    doc = _split_title_doc(nlp)
    assert doc.text[slice(*at.mention_span(doc[4]))] == "Roe's lawyer Dana Reyes"
    monkeypatch.setattr(at, "SPLIT_TITLE_IN_MENTION", False)
    assert doc.text[slice(*at.mention_span(doc[4]))] == "Dana Reyes"
