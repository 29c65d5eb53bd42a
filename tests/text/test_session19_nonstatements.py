"""Session 19, rows of the statements table that are no statements (constructed sentences): a deed the cue model
read as a cue (``MODEL_CUE_NOT_ACTION``), an imperative addressed to the reader (``IMPERATIVE_NO_STATEMENT``), a
nationality adjective taken for the speaker of the noun it describes (``DEMONYM_SPEAKER_PHRASE``), a content of
one function word (``FUNCTION_WORD_CONTENT``), a free relative taken for a hedged clause
(``EVIDENTIAL_RELATIVE_SUBJECT``) and a reader taken for the source (``READER_NOT_SOURCE``). Each rule positive,
negative and switched off."""
from __future__ import annotations

import helpers.text.statements as st

BRACED = "Lithuania has braced itself to receive up to fifty thousand refugees."
IMPERATIVE = "And ask yourself the question, do trade unions bring prosperity?"
ASKED = "The senator asked the minister whether sanctions work."
TEACHER = "A Latvian teacher criticised the mayor over the closure of the school."
OFFICIALS = "Estonian officials said the border would stay closed."
COUNTRY = "Estonia said the border would stay closed."
EVENT = "The Latvian invasion signals that the treaty is dead."
AGREE_WITH = "It is a plan the farmers do not agree with."
TALKED_ABOUT_IT = "The ministers talked about it for an hour."
OPPOSE_IT = "The ministers oppose it."
CONFIRMED = "The port was closed on Monday. Minister Jan Kowal confirmed it."


def _cues(rows):
    return [r["cue"].lower() for r in rows]


# ---------------------------------------------------------------- a deed is no cue

def test_a_deed_is_no_cue(extracted):
    assert "braced" not in _cues(extracted(BRACED)["statements"])


def test_action_class_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(st, "MODEL_CUE_NOT_ACTION", False)
    assert "braced" in _cues(extracted(BRACED)["statements"])


def test_action_class_holds_no_listed_cue():
    from helpers.text import lexicon
    lex = lexicon.cue_verbs()
    assert not set(lex["action_verbs"]) & (set(lex["speech"]) | set(lex["stance"]) | set(lex["prepositional_cues"]))


# ---------------------------------------------------------------- an imperative

def test_an_imperative_is_no_statement(extracted):
    assert "ask" not in _cues(extracted(IMPERATIVE)["statements"])


def test_a_question_reported_with_a_subject_stays(extracted):
    rows = [r for r in extracted(ASKED)["statements"] if r["cue"] == "asked"]
    assert [r["content"] for r in rows] == ["whether sanctions work"]


def test_imperative_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(st, "IMPERATIVE_NO_STATEMENT", False)
    assert "ask" in _cues(extracted(IMPERATIVE)["statements"])


# ---------------------------------------------------------------- a nationality adjective is no speaker

def test_the_noun_phrase_speaks_not_its_adjective(extracted):
    assert [r["speaker"] for r in extracted(TEACHER)["statements"] if r["cue"] == "criticised"] == ["Latvian teacher"]
    assert [r["speaker"] for r in extracted(OFFICIALS)["statements"] if r["cue"] == "said"] == ["Estonian officials"]


def test_a_named_country_stays_the_speaker(extracted):
    assert [r["speaker"] for r in extracted(COUNTRY)["statements"] if r["cue"] == "said"] == ["Estonia"]


def test_an_event_noun_gets_no_phrase(extracted):
    assert all(r["speaker"] != "Latvian invasion" for r in extracted(EVENT)["statements"])


def test_demonym_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(st, "DEMONYM_SPEAKER_PHRASE", False)
    assert [r["speaker"] for r in extracted(TEACHER)["statements"] if r["cue"] == "criticised"] == ["Latvian"]


# ---------------------------------------------------------------- a content of one function word

def test_a_stranded_preposition_or_pronoun_is_no_content(extracted):
    assert "agree" not in _cues(extracted(AGREE_WITH)["statements"])
    assert "talked" not in _cues(extracted(TALKED_ABOUT_IT)["statements"])


def test_a_judged_or_reported_pronoun_stays(extracted):
    assert [r["content"] for r in extracted(OPPOSE_IT)["statements"] if r["cue"] == "oppose"] == ["it"]
    assert [r["content"] for r in extracted(CONFIRMED)["statements"] if r["cue"] == "confirmed"] == ["it"]


def test_function_word_content_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(st, "FUNCTION_WORD_CONTENT", False)
    assert "talked" in _cues(extracted(TALKED_ABOUT_IT)["statements"])


def test_a_party_adjective_still_names_the_speaker(extracted):
    rows = extracted("Republican governors have vowed to veto the farm bill after the election.")["statements"]
    assert [r["speaker"] for r in rows if r["cue_lemma"] == "vow"] == ["Republican"]


# ---------------------------------------------------------------- a described thing is no hedged clause

SMOKE = "The drone filmed what appeared to be black smoke rising over the depot."
HARVEST = "The harvest appears to have failed in the north."


def test_a_free_relative_hedge_is_no_statement(extracted):
    assert "appeared" not in _cues(extracted(SMOKE)["statements"])


def test_a_hedged_clause_stays(extracted):
    assert [r["cue"] for r in extracted(HARVEST)["statements"]] == ["appears"]


def test_relative_hedge_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(st, "EVIDENTIAL_RELATIVE_SUBJECT", False)
    assert "appeared" in _cues(extracted(SMOKE)["statements"])


# ---------------------------------------------------------------- the reader is no source

READ_IN = "This morning the senators will have read in The Baltic Times that the mayor wants a new bridge."
TEXT_READS = '"The port will close in May," the statement reads.'


def test_what_was_read_in_a_paper_is_the_paper_s(extracted):
    assert [r["speaker"] for r in extracted(READ_IN)["statements"] if r["cue"] == "read"] == ["Baltic Times"]


def test_a_text_that_reads_stays_the_source(extracted):
    assert [r["speaker"] for r in extracted(TEXT_READS)["statements"]] == ["statement"]


def test_reader_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(st, "READER_NOT_SOURCE", False)
    assert [r["speaker"] for r in extracted(READ_IN)["statements"] if r["cue"] == "read"] == ["senators"]
