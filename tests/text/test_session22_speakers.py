"""Session 22 (speakers): a share or count of people as a cue's subject ("Nearly half said", "About three in 10 said")
is a group speaker (``attribution.SHARE_SUBJECT_GROUP``), not "One said" nor a year; a singular noun of a body of
people ("The group condemned", "Its board recommended": ``names.json`` ``body_nouns``) is an unnamed body
(``BODY_NOUN_SPEAKS``), not a campaign (a military one is no speaker). Constructed sentences."""
from __future__ import annotations

import pytest

import helpers.text.attribution as attr
from helpers.core.schemas import UNKNOWN

POLL = ("A poll of 1,000 people was published on Monday. Nearly half said the army would win. About three in 10 "
        "said the talks had failed. One said the city was calm.")
BODIES = ("Tom Hale is a member of the alliance. The group also condemned the missile launches. Its board "
          "recommended a new dividend. The campaign aims to destroy the power grid.")


def _speaker(out, cue):
    return next(s["speaker"] for s in out["statements"] if s["cue"] == cue)


# (text, cue, speaker by the rule, its switch)
READ = [(POLL, "said", "nearly half", "SHARE_SUBJECT_GROUP"),
        (POLL.replace("Nearly half said", "Nearly half reported"), "said", "about three in 10", "SHARE_SUBJECT_GROUP"),
        (BODIES, "condemned", "group", "BODY_NOUN_SPEAKS"),
        (BODIES, "recommended", "board", "BODY_NOUN_SPEAKS")]


@pytest.mark.parametrize("text,cue,speaker,switch", READ)
def test_a_group_or_body_subject_speaks(extracted, monkeypatch, text, cue, speaker, switch):
    assert _speaker(extracted(text), cue) == speaker
    monkeypatch.setattr(attr, switch, False)
    monkeypatch.setattr(attr, "PEOPLE_NOUN_SPEAKS", False)  # session 23b: "group" is a people noun as well
    assert _speaker(extracted(text), cue) == UNKNOWN


def test_the_speakers_kind(extracted):
    out = extracted(POLL)
    kinds = {s["speaker"]: s["speaker_kind"] for s in out["statements"]}
    assert kinds["nearly half"] == "group" and kinds["about three in 10"] == "group"
    assert {s["speaker"]: s["speaker_kind"] for s in extracted(BODIES)["statements"]}["board"] == "body"


# (text, cue): the speaker stays unknown with the rules on
KEPT = [
    (POLL, "said"),  # the last: "One said" — one person of a group the sentence does not name
    (BODIES, "aims"),  # "The campaign aims to …": a campaign is no body of people here
]


@pytest.mark.parametrize("text,cue", KEPT)
def test_kept_unknown(extracted, text, cue):
    out = extracted(text)
    assert [s["speaker"] for s in out["statements"] if s["cue"] == cue][-1] == UNKNOWN


def test_a_year_is_still_no_speaker(extracted):
    out = extracted("The war began in 2022. 2023 was harder, the mayor said on Monday.")
    assert all(not s["speaker"].startswith("2023") for s in out["statements"])
