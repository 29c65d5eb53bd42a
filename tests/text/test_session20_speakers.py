"""Session 20 (speakers from context): a person's name that closes a role noun's title is the speaker also when the
parse hangs when or where the holder spoke on the role noun after the name ("… said the chairman of the Council
Jane Roe yesterday in Parliament"; ``attribution.NAME_BEFORE_ADJUNCT``), and a phrase speaker leaves out when or
through what it spoke ("government sources on Sunday said" speak as "government sources";
``attribution.PHRASE_WITHOUT_WHEN``). Constructed sentences."""
from __future__ import annotations

import pytest

import helpers.text.attribution as attr

ADJUNCT = ("The border is closed, said the chairman of the Nordic Council Jane Roe yesterday in the Nordic Assembly. "
           "The talks went on.")
LATER = ("The border is closed - said the head of the Baltic Council Tom Hale on Monday in the Baltic Assembly. "
         "The talks went on.")
WHEN = "Government sources on Sunday said that the talks were over."


def _speakers(out, cue):
    return [s["speaker"] for s in out["statements"] if s["cue"] == cue]


@pytest.mark.parametrize("text,speaker", [(ADJUNCT, "Jane Roe"), (LATER, "Tom Hale")])
def test_a_name_before_when_or_where_is_the_speaker(extracted, monkeypatch, text, speaker):
    assert _speakers(extracted(text), "said") == [speaker]
    monkeypatch.setattr(attr, "NAME_BEFORE_ADJUNCT", False)
    assert _speakers(extracted(text), "said") != [speaker]


def test_a_name_inside_the_adjunct_is_no_speaker(extracted):
    text = "The border is closed, said the adviser of the Nordic Council during a meeting with Jane Roe yesterday."
    assert "Jane Roe" not in _speakers(extracted(text), "said")


def test_a_phrase_speaker_without_when(extracted, monkeypatch):
    assert _speakers(extracted(WHEN), "said") == ["government sources"]
    monkeypatch.setattr(attr, "PHRASE_WITHOUT_WHEN", False)
    assert _speakers(extracted(WHEN), "said") == ["government sources on Sunday"]


@pytest.mark.parametrize("text,cue,speaker", [
    ("Analysts in the capital said that the talks were over.", "said", "analysts in the capital"),
    ("Commentators on state television said that the talks were over.", "said", "commentators on state television"),
])
def test_a_phrase_keeps_where_and_who(extracted, text, cue, speaker):
    assert _speakers(extracted(text), cue) == [speaker]
