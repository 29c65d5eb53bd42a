"""Session 19, claimants (constructed sentences; rules found on the PolNeAR train claimant benchmark,
``benchmarks/claimant_eval.py``): an unresolved noun mention of "according to" is the claimant
(``claims.UNRESOLVED_MENTION_CLAIMANT``); a share of people as speaker credits no figure
(``SHARE_SPEAKER_NOT_CLAIMANT``); a "with"/"as" phrase right after a reporting verb's object is content
(``OBJECT_PREDICATE_CONTENT``); a figure after a trailing "according to" phrase is the writer's comment
(``AFTER_TRAILING_SOURCE_UNCLAIMED``); the mention of a claimant found through an attribution verb is the
subject's whole phrase (``SUBJECT_PHRASE_MENTION``)."""
from __future__ import annotations

import pytest

import helpers.text.attribution as attr
import helpers.text.claims as cl

ESTIMATED = "The review team estimated that the repairs would cost 40 million euros."
TIMETABLE = "The new ferry fares will rise by 12 percent, according to the harbour timetable."
SHARE = "Just 30 percent of the dock workers said the new fares were fair, compared with 45 percent in May."
WORKERS = "Dock workers said the fares rose by 45 percent."
SURVEY = "A harbour survey showed the northern ferry with 62 percent of all passengers."
TRAILING = "The port earned 80 million euros last year, according to public records, a large sum for a port with 12 berths."


def claimants(extracted, text: str) -> dict[str, tuple]:
    """figure -> (claimant, kind, via, mention text) of each claim of ``text``."""
    out = {}
    for c in extracted(text)["claims"]:
        s, e = c["claimant_start"], c["claimant_end"]
        out[c["text"]] = (c["claimant"], c["claimant_kind"], c["claimant_via"], text[s:e] if s is not None else None)
    return out


def test_an_unresolved_subject_of_a_speech_cue_is_no_claimant_unless_switched_on(extracted, monkeypatch):
    # "team" is an unnamed body since session 22 (attribution.BODY_NOUN_SPEAKS): switched off to keep it unresolved
    monkeypatch.setattr(attr, "BODY_NOUN_SPEAKS", False)
    assert claimants(extracted, ESTIMATED)["40 million euros"][0] == "(unattributed)"  # tried, not kept
    monkeypatch.setattr(cl, "UNRESOLVED_SPEECH_CUE", True)
    assert claimants(extracted, ESTIMATED)["40 million euros"] == ("(review team)", "body", "statement",
                                                                    "The review team")


def test_an_unresolved_according_to_source_is_the_claimant(extracted, monkeypatch):
    assert claimants(extracted, TIMETABLE)["12 percent"][:3] == ("(harbour timetable)", "body", "according_to")
    monkeypatch.setattr(cl, "UNRESOLVED_MENTION_CLAIMANT", False)
    assert claimants(extracted, TIMETABLE)["12 percent"][0] == "(unattributed)"


@pytest.mark.parametrize("text", [
    "The review team hopes to hire 40 new inspectors.",  # no speech cue
    "It estimated that the repairs would cost 40 million euros.",  # a pronoun, no noun mention
    "The move suggests that 30 ships left.",  # a thing (session 17): no source
])
def test_no_claimant_without_a_speech_cue_or_a_noun_mention(extracted, text):
    assert all(c[0] == "(unattributed)" for c in claimants(extracted, text).values())


def test_a_share_of_people_as_speaker_credits_no_figure(extracted, monkeypatch):
    assert claimants(extracted, SHARE)["45 percent"][0] == "(unattributed)"
    monkeypatch.setattr(cl, "SHARE_SPEAKER_NOT_CLAIMANT", False)
    assert claimants(extracted, SHARE)["45 percent"][0] == "(just 30 percent of the dock workers)"


def test_a_group_as_speaker_still_claims(extracted):
    assert claimants(extracted, WORKERS)["45 percent"][:3] == ("(Dock workers)", "group", "statement")


def test_a_with_phrase_after_the_object_is_content(extracted, monkeypatch):
    assert claimants(extracted, SURVEY)["62 percent"][:3] == ("(harbour survey)", "document", "attribution_verb")
    monkeypatch.setattr(cl, "OBJECT_PREDICATE_CONTENT", False)
    assert claimants(extracted, SURVEY)["62 percent"][0] == "(unattributed)"


def test_a_figure_after_a_trailing_according_to_is_the_writers(extracted, monkeypatch):
    found = claimants(extracted, TRAILING)
    assert found["80 million euros"][0] == "public records" and found["12"][0] == "(unattributed)"
    monkeypatch.setattr(cl, "AFTER_TRAILING_SOURCE_UNCLAIMED", False)
    assert claimants(extracted, TRAILING)["12"][0] == "public records"


def test_an_attribution_verb_claimant_has_the_subject_phrase_as_mention(extracted, monkeypatch):
    assert claimants(extracted, SURVEY)["62 percent"][3] == "A harbour survey"
    monkeypatch.setattr(cl, "SUBJECT_PHRASE_MENTION", False)
    assert claimants(extracted, SURVEY)["62 percent"][3] == "harbour survey"  # the phrase row's words
