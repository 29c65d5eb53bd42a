"""Session 20 (speakers from context): a person's name that closes a role noun's title is the speaker also when the
parse hangs when or where the holder spoke on the role noun after the name ("… said the chairman of the Council
Jane Roe yesterday in Parliament"; ``attribution.NAME_BEFORE_ADJUNCT``), and a phrase speaker leaves out when or
through what it spoke ("government sources on Sunday said" speak as "government sources";
``attribution.PHRASE_WITHOUT_WHEN``); among people of more than one name holding a role noun, "the former president"
is the one last made a subject (``ROLE_HOLDER_BY_SUBJECT``); a body named by its owner ("the Roe administration")
is no organisation of another name that spoke last (``ORG_HEAD_OWNER_FITS``); "the US President" is no holder whose
stated role names another country (``ROLE_COUNTRY_AGREES``), "the foreign secretary" none whose role names another
field (``PORTFOLIO_AGREES``); "… said the head of the agency. She added" is the head, not a person speaker
before (``PRONOUN_TO_ROLE_PHRASE``); a title the model tagged as an organisation ("the Kremlin spokesperson, Jane
Roe,", "the Minister of Foreign Affairs [of X] Jane Roe") is the person it names (``TITLE_TAGGED_ORG``). Constructed
sentences."""
from __future__ import annotations

import pytest

import helpers.text.attribution as attr

ADJUNCT = ("The border is closed, said the chairman of the Nordic Council Jane Roe yesterday in the Nordic Assembly. "
           "The talks went on.")
LATER = ("The border is closed - said the head of the Baltic Council Tom Hale on Monday in the Baltic Assembly. "
         "The talks went on.")
WHEN = "Government sources on Sunday said that the talks were over."
# "the former president" when two people hold the role noun
HOLDERS = ("President Jane Roe met President Tom Hale in Kyiv.\n\n"
           "“We will help,” Hale said.\n\n"
           "Roe then tried to press her rival Tom Hale into a deal. Speaking on Thursday, the former president said "
           "that the talks were over.")
BODY = ("President Jane Roe arrived in Oslo on Sunday. The Nordic Council said on Monday that the border was closed. "
        "The Roe administration has warned that the talks were over.")
COUNTRY = ("Russian President Tom Hale met Jane Roe in Geneva.\n\n“We will help Ukraine,” Roe said after the talks.\n\n"
           "In a telephone conversation between the two leaders, the US President also warned of swift costs.")

PORTFOLIO = ("Foreign Secretary Jane Roe met Defence Secretary Tom Hale in London.\n\n“We will send more tanks,” Hale "
             "said.\n\nAsked about the talks, the foreign secretary said there would be no compromise.")

AGENCY = ("“We will stay,” Foreign Minister Tom Hale said on Monday.\n\n“The border is closed,” said the head of the "
          "Nordic refugee agency. She added that the camps were full.")

SPOKESPERSON = "The Kremlin spokesperson, Tom Hale, said that Russia would see the move as a threat."
MINISTER = "The war was also condemned by the Minister of Foreign Affairs of this country Tom Hale."


def _speakers(out, cue):
    return [s["speaker"] for s in out["statements"] if s["cue"] == cue]


# (text, cue, the last speaker of that cue by the rule, its switch, the last speaker without it or None for another)
READ = [(ADJUNCT, "said", "Jane Roe", "NAME_BEFORE_ADJUNCT", None),
        (LATER, "said", "Tom Hale", "NAME_BEFORE_ADJUNCT", None),
        (WHEN, "said", "government sources", "PHRASE_WITHOUT_WHEN", "government sources on Sunday"),
        (HOLDERS, "said", "Jane Roe", "ROLE_HOLDER_BY_SUBJECT", "Tom Hale"),
        (BODY, "warned", "Roe administration", "ORG_HEAD_OWNER_FITS", "Nordic Council"),
        (COUNTRY, "warned", "Jane Roe", "ROLE_COUNTRY_AGREES", "Tom Hale"),
        (PORTFOLIO, "said", "Jane Roe", "PORTFOLIO_AGREES", "Tom Hale"),
        (AGENCY, "added", "head of the Nordic refugee agency", "PRONOUN_TO_ROLE_PHRASE", "Tom Hale"),
        (SPOKESPERSON, "said", "Tom Hale", "TITLE_TAGGED_ORG", "Kremlin spokesperson"),
        (MINISTER, "condemned", "Tom Hale", "TITLE_TAGGED_ORG", "Minister of Foreign Affairs")]


@pytest.mark.parametrize("text,cue,speaker,switch,without", READ)
def test_a_speaker_from_context(extracted, monkeypatch, text, cue, speaker, switch, without):
    assert _speakers(extracted(text), cue)[-1] == speaker
    monkeypatch.setattr(attr, switch, False)
    off = _speakers(extracted(text), cue)[-1]
    assert off != speaker and (without is None or off == without)


# (text, cue, the last speaker of that cue the rules leave as it was)
KEPT = [
    ("Analysts in the capital said that the talks were over.", "said", "analysts in the capital"),  # where, not when
    ("Commentators on state television said that the talks were over.", "said", "commentators on state television"),
    (HOLDERS.replace("President Tom Hale", "Tom Hale"), "said", "Jane Roe"),  # one holder of the role noun
    (BODY.replace("The Roe administration", "The council"), "warned", "Nordic Council"),  # a body of no owner
    (COUNTRY.replace("the US President", "the Russian President"), "warned", "Tom Hale"),  # the same country
    (PORTFOLIO.replace("the foreign secretary", "the defence secretary"), "said", "Tom Hale"),  # the same field
    (AGENCY.replace("She added", "Jane Roe met him later, and she added"), "added", "Jane Roe"),  # named since
    (SPOKESPERSON.replace(", Tom Hale,", ""), "said", "Kremlin spokesperson"),  # a title naming no one
]


@pytest.mark.parametrize("text,cue,speaker", KEPT)
def test_a_speaker_kept(extracted, text, cue, speaker):
    assert _speakers(extracted(text), cue)[-1] == speaker


def test_a_name_inside_the_adjunct_is_no_speaker(extracted):
    text = "The border is closed, said the adviser of the Nordic Council during a meeting with Jane Roe yesterday."
    assert "Jane Roe" not in _speakers(extracted(text), "said")
