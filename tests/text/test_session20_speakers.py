"""Session 20 (speakers from context): a person's name that closes a role noun's title is the speaker also when the
parse hangs when or where the holder spoke on the role noun after the name ("… said the chairman of the Council
Jane Roe yesterday in Parliament"; ``attribution.NAME_BEFORE_ADJUNCT``), and a phrase speaker leaves out when or
through what it spoke ("government sources on Sunday said" speak as "government sources";
``attribution.PHRASE_WITHOUT_WHEN``); among people of more than one name holding a role noun, "the former president"
is the one last made a subject (``ROLE_HOLDER_BY_SUBJECT``); a body named by its owner ("the Roe administration")
is no organisation of another name that spoke last (``ORG_HEAD_OWNER_FITS``); "the US President" is no holder whose
stated role names another country (``ROLE_COUNTRY_AGREES``). Constructed sentences."""
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


# "the former president" when two people hold the role noun: the one last made a subject (ROLE_HOLDER_BY_SUBJECT)
HOLDERS = ("President Jane Roe met President Tom Hale in Kyiv.\n\n"
           "“We will help,” Hale said.\n\n"
           "Roe then tried to press her rival Tom Hale into a deal. Speaking on Thursday, the former president said "
           "that the talks were over.")


def test_a_role_holder_last_made_a_subject(extracted, monkeypatch):
    assert _speakers(extracted(HOLDERS), "said")[-1] == "Jane Roe"
    monkeypatch.setattr(attr, "ROLE_HOLDER_BY_SUBJECT", False)
    assert _speakers(extracted(HOLDERS), "said")[-1] == "Tom Hale"


def test_one_role_holder_stays(extracted):
    text = HOLDERS.replace("President Tom Hale", "Tom Hale")
    assert _speakers(extracted(text), "said")[-1] == "Jane Roe"


# "the Roe administration" is no other organisation that spoke last (ORG_HEAD_OWNER_FITS)
BODY = ("President Jane Roe arrived in Oslo on Sunday. The Nordic Council said on Monday that the border was closed. "
        "The Roe administration has warned that the talks were over.")


def test_a_body_of_a_named_owner(extracted, monkeypatch):
    assert _speakers(extracted(BODY), "warned") == ["Roe administration"]
    monkeypatch.setattr(attr, "ORG_HEAD_OWNER_FITS", False)
    assert _speakers(extracted(BODY), "warned") == ["Nordic Council"]


def test_a_body_of_no_owner_is_the_last_one(extracted):
    text = BODY.replace("The Roe administration", "The council")
    assert _speakers(extracted(text), "warned") == ["Nordic Council"]


# "the US President" is no "Russian President X" (ROLE_COUNTRY_AGREES)
COUNTRY = ("Russian President Tom Hale met Jane Roe in Geneva.\n\n“We will help Ukraine,” Roe said after the talks.\n\n"
           "In a telephone conversation between the two leaders, the US President also warned of swift costs.")


def test_a_role_of_another_country(extracted, monkeypatch):
    assert _speakers(extracted(COUNTRY), "warned") == ["Jane Roe"]
    monkeypatch.setattr(attr, "ROLE_COUNTRY_AGREES", False)
    assert _speakers(extracted(COUNTRY), "warned") == ["Tom Hale"]


def test_a_role_of_the_same_country(extracted):
    assert _speakers(extracted(COUNTRY.replace("the US President", "the Russian President")), "warned") == ["Tom Hale"]
