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


@pytest.fixture(scope="module")
def read(extracted):
    def run(text):
        out = extracted(text)
        return ([(s["speaker"], s["cue"],
                  None if s["speaker_start"] is None else text[int(s["speaker_start"]):int(s["speaker_end"])])
                 for s in out["statements"]],
                {c["text"]: c["claimant"] for c in out["claims"]})
    return run


def test_a_poll_in_a_source_phrase_is_the_mention(read, monkeypatch):
    assert read(POLL)[0] == [("(unknown)", "In", "the latest poll")]
    monkeypatch.setattr(st, "SOURCE_PHRASE_MENTION", False)
    assert read(POLL)[0] == [("(unknown)", "In", None)]


def test_a_name_modifying_a_cue_noun_is_the_mention(read, monkeypatch):
    assert read(NAMED)[0] == [("(unknown)", "criticism", "Norwegian")]
    assert read(UNNAMED)[0] == [("(unknown)", "criticism", None)]  # no name: no source
    monkeypatch.setattr(st, "NAMED_MODIFIER_SOURCE", False)
    assert read(NAMED)[0] == [("(unknown)", "criticism", None)]


def test_the_object_of_a_control_verb_speaks(read, monkeypatch):
    assert read(LED)[0] == [("Jane Roe", "say", "Jane Roe")]
    monkeypatch.setattr(st, "OBJECT_CONTROL", False)
    assert read(LED)[0] == [("(unknown)", "say", "The closure of the pier")]


@pytest.mark.parametrize("text, expected", [
    (URGED, [("mayor", "urged", "The mayor")]),  # "urge" is a cue itself: its subject is the source
    (SPENT, [("mayor", "arguing", "The mayor")]),  # time spent is no one
])
def test_no_control_object(read, text, expected):
    assert read(text)[0] == expected


def test_a_pronoun_conjunct_in_the_reported_clause_takes_the_speakers_mention(read, monkeypatch):
    assert read(PREDICTED)[0] == [("Jane Roe", "said", "Jane Roe"), ("Jane Roe", "predicted", "Jane Roe")]
    monkeypatch.setattr(st, "CONJUNCT_OF_REPORTED_CLAUSE", False)
    assert read(PREDICTED)[0][1] == ("Jane Roe", "predicted", "she")


def test_a_conjunct_hung_on_the_reported_clause_is_the_speakers(read, monkeypatch):
    statements, claimants = read(WARNED)
    assert statements == [("Jane Roe", "said", "Jane Roe"), ("Jane Roe", "warned", "Jane Roe")]
    assert claimants == {"40": "Jane Roe"}
    monkeypatch.setattr(st, "OUTER_CONJUNCT_SUBJECT", False)
    statements, claimants = read(WARNED)
    assert statements[1] == ("(unknown)", "warned", "the ferry")
    assert claimants == {"40": "(unattributed)"}


def test_the_passive_subject_of_a_feeling_is_the_mention(read, monkeypatch):
    assert read(THRILLED)[0] == [("(unknown)", "thrilled", "The ferry company")]
    assert read(ACCUSED)[0] == [("(unknown)", "accused", None)]  # the one spoken of, not the source
    monkeypatch.setattr(st, "PASSIVE_EXPERIENCER_MENTION", False)
    assert read(THRILLED)[0] == [("(unknown)", "thrilled", None)]


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
