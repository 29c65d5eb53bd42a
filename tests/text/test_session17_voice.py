"""Session 17: the subject of a verb only someone speaking or writing has ("asks", "explained", ``cue_verbs.json``
``voice_verbs``) is an unnamed speaker even when no role or body list names its noun
(``attribution.VOICE_VERB_SUBJECT_SPEAKS``). Constructed sentences."""
from __future__ import annotations

import pytest

import helpers.text.attribution as at


def _speakers(out):
    return [(s["speaker"], s["speaker_kind"], s["cue"]) for s in out["statements"]]


@pytest.mark.parametrize("text, speaker, cue, claimant", [
    # a question asserts no figure (session 18, claims.QUESTION_CUE_NOT_CLAIMED): the speaker stays, the claim is no one's
    ("The opposition asks whether 300 million zlotys were lost.", "opposition", "asks", "(unattributed)"),
    ("The train was late. The conductor explained to me that 40 wagons were stuck.", "conductor", "explained",
     "(conductor)"),
])
def test_the_subject_of_a_voice_verb_speaks(extracted, monkeypatch, text, speaker, cue, claimant):
    out = extracted(text)
    assert (speaker, "role", cue) in _speakers(out)
    assert [c["claimant"] for c in out["claims"]] == [claimant]
    monkeypatch.setattr(at, "VOICE_VERB_SUBJECT_SPEAKS", False)
    out = extracted(text)
    assert ("(unknown)", None, cue) in _speakers(out)
    assert [c["claimant"] for c in out["claims"]] == ["(unattributed)"]


@pytest.mark.parametrize("text", [
    "The move suggests that 30 ships left.",  # no voice verb: an event or thing
    "Looking back, the map can tell us that 30 ships left.",  # a modal: a figure of speech
])
def test_things_and_figures_of_speech_are_no_speakers(extracted, text):
    out = extracted(text)
    assert all(s["speaker"] == "(unknown)" for s in out["statements"])
    assert [c["claimant"] for c in out["claims"]] == ["(unattributed)"]


@pytest.mark.parametrize("text, speaker", [
    ("The Central Bank of Russia raised rates. The central bank said inflation would reach 12 percent.",
     "Central Bank of Russia"),
    ("Deutsche Bank cut jobs in Moscow. Later the bank said 300 staff would go.", "Deutsche Bank"),
])
def test_the_head_noun_of_a_named_organisation_is_that_organisation(extracted, monkeypatch, text, speaker):
    out = extracted(text)
    assert [c["claimant"] for c in out["claims"]] == [speaker]
    monkeypatch.setattr(at, "NAMED_BODY_BY_HEAD", False)
    out = extracted(text)
    assert [c["claimant"] for c in out["claims"]][0].startswith("(")  # the unnamed role phrase


def test_a_head_noun_no_organisation_of_the_article_has_stays_a_phrase(extracted):
    # no organisation named with the head "alliance" (and never the last organisation that spoke)
    out = extracted("Nato met in Madrid. The alliance said 300,000 troops would be ready.")
    assert [c["claimant"] for c in out["claims"]] == ["(alliance)"]
    # a modifier the name lacks: "the central bank" is not "Deutsche Bank"
    out = extracted("Deutsche Bank cut jobs. The central bank said 300 staff would go.")
    assert [c["claimant"] for c in out["claims"]] == ["(central bank)"]
