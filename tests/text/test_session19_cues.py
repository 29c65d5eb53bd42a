"""Session 19, cues the parser left without a subject (constructed sentences): a question put to someone ("Asked
whether …, X said", ``QUESTION_PARTICIPLE_CONTENT``), a finite reporting verb whose subject the parser hung on the
phrase before it (``SUBJECT_BEFORE_CUE``) and a reported clause whose gerund subject the parser made the speech
verb's ``xcomp`` (``GERUND_SUBJECT_CLAUSE``). Each rule positive, negative and switched off."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

import helpers.text.statements as st
from helpers.core.schemas import UNKNOWN

ASKED_WHETHER = "Asked whether he would resign, the mayor said no."
WHEN_ASKED_ABOUT = "When asked about the shortage of fuel, the governor changed the subject."
ASKED_BY = "Asked by a reporter if the bridge was safe, the engineer smiled."
ASKED_TO_PARTY = "Asked to the party, she came late."
ASKED_IN_QUOTE = "Minister Anna Kowal spoke on Monday. “Asked whether I would resign, I laughed,” Kowal said."
INTERVIEW = ("In an interview with Radio hosts Jan Berg and Ola Lind, the Swedish defence minister stated that the border "
             "would stay closed.")
NAMED_SUBJECT = "Lars Berg, the army chief, said that the front would hold."
GERUND_XCOMP = "He said legalizing it could put thousands of people to work."
GERUND_CSUBJ = "He said rebuilding the bridge could take three years."


@pytest.fixture(scope="module")
def statements(extracted):
    return lambda text: extracted(text)["statements"]


def _by_cue(rows, cue):
    return [r for r in rows if r["cue"].lower() == cue]


# ---------------------------------------------------------------- a question put to someone

def test_asked_whether_is_a_question_with_no_source(statements):
    asked = _by_cue(statements(ASKED_WHETHER), "asked")
    assert [r["content"] for r in asked] == ["whether he would resign"]
    assert asked[0]["speaker"] == UNKNOWN and asked[0]["speaker_start"] is None
    assert [r["content"] for r in _by_cue(statements(ASKED_WHETHER), "said")] == ["no"]  # the answer stays the mayor's


def test_when_asked_about_reports_what_was_asked(statements):
    asked = _by_cue(statements(WHEN_ASKED_ABOUT), "asked")
    assert [(r["content"], r["speaker"]) for r in asked] == [("the shortage of fuel", UNKNOWN)]


def test_the_one_asking_by_is_the_source_not_the_one_asked(statements):
    asked = _by_cue(statements(ASKED_BY), "asked")
    assert [r["content"] for r in asked] == ["if the bridge was safe"]
    assert "engineer" not in asked[0]["speaker"] and "reporter" in asked[0]["speaker"]
    assert ASKED_BY[int(asked[0]["speaker_start"]):int(asked[0]["speaker_end"])] == "a reporter"


def test_asked_without_a_question_or_inside_a_quotation_gives_none(statements):
    assert _by_cue(statements(ASKED_TO_PARTY), "asked") == []
    assert _by_cue(statements(ASKED_IN_QUOTE), "asked") == []


def test_question_participle_switched_off(statements, monkeypatch):
    monkeypatch.setattr(st, "QUESTION_PARTICIPLE_CONTENT", False)
    assert _by_cue(statements(WHEN_ASKED_ABOUT), "asked") == []
    before = _by_cue(statements(ASKED_BY), "asked")  # before the rule: the one asked was its source mention
    assert [ASKED_BY[int(r["speaker_start"]):int(r["speaker_end"])] for r in before] == ["the engineer"]


# ---------------------------------------------------------------- the subject the parser hung on the phrase before

def test_subject_hung_on_an_opening_phrase(statements):
    stated = _by_cue(statements(INTERVIEW), "stated")
    assert [r["content"] for r in stated] == ["that the border would stay closed"]
    # the apposition's name in the opening phrase (one of the hosts) is not the speaker: the minister is
    assert "minister" in stated[0]["speaker"] and "Berg" not in stated[0]["speaker"]
    assert INTERVIEW[int(stated[0]["speaker_start"]):int(stated[0]["speaker_end"])] == "the Swedish defence minister"


def test_a_cue_with_its_own_subject_is_unchanged(statements):
    said = _by_cue(statements(NAMED_SUBJECT), "said")
    assert [(r["content"], r["speaker"]) for r in said] == [("that the front would hold", "Lars Berg")]


def test_subject_before_cue_switched_off(statements, monkeypatch):
    monkeypatch.setattr(st, "SUBJECT_BEFORE_CUE", False)
    assert _by_cue(statements(INTERVIEW), "stated") == []


def _parsed(nlp, words, heads, deps, pos, tags):
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    return doc


def test_only_a_noun_right_before_the_cue_is_its_subject(nlp):
    # "Col. Roe, a spokesman in Kyiv, wrote": the whole phrase (its head), not the last noun ("Kyiv")
    words = ["Roe", ",", "a", "spokesman", "in", "Kyiv", ",", "wrote", "."]
    heads = [7, 0, 3, 0, 3, 4, 0, 7, 7]
    deps = ["npadvmod", "punct", "det", "appos", "prep", "pobj", "punct", "ROOT", "punct"]
    pos = ["PROPN", "PUNCT", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "VERB", "PUNCT"]
    tags = ["NNP", ",", "DT", "NN", "IN", "NNP", ",", "VBD", "."]
    doc = _parsed(nlp, words, heads, deps, pos, tags)
    assert st._subject_before_cue(doc[7]).text == "Roe"
    # "[…] feel uncomfortable": no noun before the verb, no subject
    words = ["[", "in", "the", "party", "]", "feel", "uneasy", "."]
    heads = [5, 5, 3, 1, 5, 5, 5, 5]
    deps = ["punct", "prep", "det", "pobj", "punct", "ROOT", "acomp", "punct"]
    pos = ["PUNCT", "ADP", "DET", "NOUN", "PUNCT", "VERB", "ADJ", "PUNCT"]
    tags = ["-LRB-", "IN", "DT", "NN", "-RRB-", "VBP", "JJ", "."]
    doc = _parsed(nlp, words, heads, deps, pos, tags)
    assert st._subject_before_cue(doc[5]) is None


# ---------------------------------------------------------------- a gerund subject the parser made the xcomp

def test_gerund_subject_clause_is_the_content(statements):
    said = _by_cue(statements(GERUND_XCOMP), "said")
    assert [r["content"] for r in said] == ["legalizing it could put thousands of people to work"]


def test_gerund_parsed_as_a_subject_is_unchanged(statements):
    said = _by_cue(statements(GERUND_CSUBJ), "said")
    assert [r["content"] for r in said] == ["rebuilding the bridge could take three years"]


def test_gerund_subject_clause_switched_off(statements, monkeypatch):
    monkeypatch.setattr(st, "GERUND_SUBJECT_CLAUSE", False)
    assert _by_cue(statements(GERUND_XCOMP), "said") == []
