"""Session 21, source mentions (constructed sentences): a quotation alone on its line that continues the statement
before it keeps that statement's source mention (``CONTINUATION_MENTION``); "…, as the agency reported." — an
as-clause closing its sentence reports the clause before it (``TRAILING_AS_CLAUSE``); "As the agency notes, …" with
the reporting verb tagged as a noun (``AS_CLAUSE_NOUN_CUE``); "…, writes Jane Roe." with the speaker parsed as the
verb's object (``INVERTED_OBJECT_SPEAKER``). Each rule positive, negative and switched off."""
from __future__ import annotations

import helpers.text.statements as st
from tests.text.test_session20_sources import rows  # noqa: F401  (the (mention, cue, content) fixture)

CONTINUED = ("The harbour master spoke to reporters on the pier.\n\n"
             "\u201cThe cranes will stay idle until the storm has passed,\u201d said Tom Hale, the harbour master.\n\n"
             "\u201cWe cannot risk the lives of the crews for a few containers more.\u201d")
TRAILING_AS = "The bridge over the river was closed to all traffic on Tuesday morning, as the news agency reported."
TRAILING_AS_NOT_SPEECH = "The bridge over the river was closed to all traffic on Tuesday morning, as the crowd watched."
LEADING_AS_NOUN = "As the news agency notes, the bridge over the river was closed to all traffic on Tuesday morning."
TRAILING_AS_NOUN = "The region has lost most of its power stations this winter, as Jane Roe points out."
POINTS_ALONE = "The army will need more shells this winter, as the data points to a long war."
WRITES_NAME = "Investigators are uncovering the scale of the damage done to the harbour, writes Jane Roe."
TELLS_NAME = "\u201cThe harbour will reopen in March,\u201d the mayor tells Harbour Radio."


def _by_content(found, start):
    return [r for r in found if r[2].startswith(start)]


# ---------------------------------------------------------------- a quotation that continues the speaker before

def test_continued_quotation_keeps_the_mention(rows, monkeypatch):
    assert [r[0] for r in _by_content(rows(CONTINUED), "We cannot risk")] == [None]  # off: the table's contract
    monkeypatch.setattr(st, "CONTINUATION_MENTION", True)
    (mention, _, _), = _by_content(rows(CONTINUED), "We cannot risk")
    assert mention == "Tom Hale, the harbour master"


# ---------------------------------------------------------------- an as-clause closing its sentence

def test_trailing_as_clause_reports_the_clause_before(rows, monkeypatch):
    assert [(r[0], r[2]) for r in rows(TRAILING_AS) if r[1] == "reported"] == [
        ("the news agency", "The bridge over the river was closed to all traffic on Tuesday morning")]
    monkeypatch.setattr(st, "TRAILING_AS_CLAUSE", False)
    assert not [r for r in rows(TRAILING_AS) if r[1] == "reported" and r[2].startswith("The bridge")]


def test_trailing_as_clause_without_a_reporting_verb(rows):
    assert not [r for r in rows(TRAILING_AS_NOT_SPEECH) if r[2].startswith("The bridge")]


# ---------------------------------------------------------------- a reporting verb tagged as a noun after "as"

def test_as_clause_with_a_noun_cue(rows, monkeypatch):
    for text, mention, content in ((LEADING_AS_NOUN, "the news agency", "the bridge over the river"),
                                   (TRAILING_AS_NOUN, "Jane Roe", "The region has lost")):
        found = _by_content(rows(text), content)
        assert [r[0] for r in found] == [mention], text
    monkeypatch.setattr(st, "AS_CLAUSE_NOUN_CUE", False)
    monkeypatch.setattr(st, "TRAILING_AS_CLAUSE", False)  # whichever tag the parser gives the cue
    for text, content in ((LEADING_AS_NOUN, "the bridge"), (TRAILING_AS_NOUN, "The region")):
        assert not [r for r in _by_content(rows(text), content) if r[1] in ("notes", "points")], text


def test_points_without_out_is_no_cue(rows):
    assert not _by_content(rows(POINTS_ALONE), "The army")


# ---------------------------------------------------------------- "…, writes Jane Roe."

def test_inverted_speaker_parsed_as_object(rows, nlp, monkeypatch):
    found = _by_content(rows(WRITES_NAME), "Investigators")
    assert [(r[0], r[1]) for r in found] == [("Jane Roe", "writes")]
    verb = next(t for t in nlp(WRITES_NAME) if t.lower_ == "writes")
    if verb.dep_ == "ROOT" and not any(c.dep_ == "nsubj" for c in verb.children):  # the object parse the rule is for
        assert st._inverted_object_speaker(verb).text == "Roe"
        monkeypatch.setattr(st, "INVERTED_OBJECT_SPEAKER", False)
        assert st._inverted_object_speaker(verb) is None


def test_addressee_is_no_inverted_speaker(rows):
    assert all(r[0] != "Harbour Radio" for r in rows(TELLS_NAME))


# ---------------------------------------------------------------- a poll's phrase over its respondents' cue

POLL_COUNT = "In a new survey by the harbour board, 64 percent of the dockers said they would accept the contract."
POLL_NAMED = "In a new survey by the harbour board, the mayor said the dockers would accept the contract."


def test_poll_phrase_over_a_share_of_respondents(rows, monkeypatch):
    assert [r for r in rows(POLL_COUNT) if r[2].startswith("64 percent of the dockers said")]
    monkeypatch.setattr(st, "SOURCE_PHRASE_OVER_COUNT", False)
    assert not [r for r in rows(POLL_COUNT) if r[2].startswith("64 percent of the dockers said")]


def test_poll_phrase_not_over_a_named_speaker(rows):
    assert not [r for r in rows(POLL_NAMED) if r[2].startswith("the mayor said")]


# ---------------------------------------------------------------- "as if" is no clause of time

def test_as_if_is_no_time_mark(nlp, monkeypatch):
    doc = nlp("They believed the mayor was acting as if he wanted a second term, as the dockers said.")
    as_if, as_ = [t for t in doc if t.lower_ == "as"]
    assert st._as_if(as_if) and not st._as_if(as_)
    monkeypatch.setattr(st, "AS_IF_NOT_TIME", False)
    assert not st._as_if(as_if)


def test_the_survey_claims_the_share_through_the_statement(extracted):
    from tests.text.test_session20_claimants import IN_SURVEY, claimants
    assert claimants(extracted, IN_SURVEY)["62 percent"] == (
        "Harbour Institute", "statement", "a Harbour Institute survey released on Sunday")
