"""Session 21 (speakers): "the head of the [X] government" is the chancellor or prime minister the text named, "the
head of [X] diplomacy" its foreign minister, and never a president because he spoke last (``attribution.HEAD_OF_OFFICE``);
a gendered role noun in a person's role or title ("the spokesman, Tom Hale,") says a later "she" is someone else
(``GENDER_FROM_ROLE``); a first name that nearly always names one gender does too (``FIRST_NAME_GENDER``, with the
``nomquamgender`` package's name data; skipped when it is not installed). Constructed sentences."""
from __future__ import annotations

import pytest

import helpers.text.attribution as attr

GOVERNMENT = ("German Chancellor Tom Hale said on Sunday that talks were needed. President Jim Dole warned of a "
              "crisis.\n\n“We need to talk,” said the head of the German government on Monday.")
DIPLOMACY = ("Prime Minister Tom Hale said on Sunday that talks were needed. Foreign Secretary Jane Roe warned of a "
             "crisis. Prime Minister Hale spoke again on Monday.\n\nThe head of British diplomacy added that new "
             "sanctions would follow.")
ROLE_GENDER = ("Kiri Tamsen said the talks had failed.\n\nThe spokesman, Ary Volden, said the city was calm. She "
               "added that the army was ready.")
NAME_GENDER = ("Anna Kowalczyk said the talks had failed.\n\nAfter that, Marek Nowak said the city was calm."
               "\n\n“We are ready for anything,” she added.")


def _speakers(out, cue):
    return [s["speaker"] for s in out["statements"] if s["cue"] == cue]


# (text, cue, the last speaker of that cue by the rule, its switch, the last speaker without it or None for another)
READ = [(GOVERNMENT, "said", "Tom Hale", "HEAD_OF_OFFICE", None),
        (DIPLOMACY, "added", "Jane Roe", "HEAD_OF_OFFICE", None)]


@pytest.mark.parametrize("text,cue,speaker,switch,without", READ)
def test_a_head_of_office(extracted, monkeypatch, text, cue, speaker, switch, without):
    assert _speakers(extracted(text), cue)[-1] == speaker
    monkeypatch.setattr(attr, switch, False)
    off = _speakers(extracted(text), cue)[-1]
    assert off != speaker and (without is None or off == without)


# (text, cue, the last speaker of that cue the rule leaves as it was, or not)
KEPT = [
    # a head of government no holder of whose office the text named: no president instead
    (GOVERNMENT.replace("German Chancellor Tom Hale", "Tom Hale"), "said", "head of the German government"),
    # the phrase names its holder
    (GOVERNMENT.replace("the head of the German government", "the head of the German government, Jane Roe,"),
     "said", "Jane Roe"),
]


@pytest.mark.parametrize("text,cue,speaker", KEPT)
def test_a_head_of_office_kept(extracted, text, cue, speaker):
    assert _speakers(extracted(text), cue)[-1] == speaker


def test_a_head_of_another_body_is_left_to_the_rules_before(extracted, monkeypatch):
    text = GOVERNMENT.replace("the head of the German government", "the head of the commission")
    on = _speakers(extracted(text), "said")[-1]
    monkeypatch.setattr(attr, "HEAD_OF_OFFICE", False)
    assert _speakers(extracted(text), "said")[-1] == on


def test_a_holder_of_another_country_is_not_the_head(extracted):
    text = GOVERNMENT.replace("German Chancellor", "Austrian Chancellor")
    assert _speakers(extracted(text), "said")[-1] != "Tom Hale"


def test_a_gendered_role_gives_the_pronoun(extracted, monkeypatch):
    monkeypatch.setattr(attr, "FIRST_NAME_GENDER", False)
    assert _speakers(extracted(ROLE_GENDER), "added") == ["Kiri Tamsen"]
    monkeypatch.setattr(attr, "GENDER_FROM_ROLE", False)
    assert _speakers(extracted(ROLE_GENDER), "added") == ["Ary Volden"]  # the last speaker, gender unknown


def test_a_role_of_either_gender_gives_none(extracted, monkeypatch):
    monkeypatch.setattr(attr, "FIRST_NAME_GENDER", False)
    text = ROLE_GENDER.replace("spokesman", "spokesperson")
    assert _speakers(extracted(text), "added") == ["Ary Volden"]


names = pytest.mark.skipif(not attr._first_names(), reason="nomquamgender is not installed")


@names
def test_first_names(monkeypatch):
    assert attr.first_name_gender("Anna Kowalczyk") == "f"
    assert attr.first_name_gender("Jarosław Nowak") == "m"  # folded to "jaroslaw"
    assert attr.first_name_gender("Kim Lee") is None  # a name of either gender
    assert attr.first_name_gender("A. Nowak") is None and attr.first_name_gender("Nowak") is None


@names
def test_a_first_name_gives_the_pronoun(extracted, monkeypatch):
    assert _speakers(extracted(NAME_GENDER), "added") == ["Anna Kowalczyk"]
    monkeypatch.setattr(attr, "FIRST_NAME_GENDER", False)
    assert _speakers(extracted(NAME_GENDER), "added") == ["Marek Nowak"]


@names
def test_a_first_name_of_the_same_gender_keeps_recency(extracted):
    text = NAME_GENDER.replace("she added", "he added").replace("Anna", "Piotr")
    assert _speakers(extracted(text), "added") == ["Marek Nowak"]


UNHELD = ("Tom Hale, the chairman of the city council, spoke first. “We are ready,” he said.\n\n"
          "After the applause, Jane Roe could begin her speech. In the context of the war, the PLD president said "
          "that the country must avoid war.")


def test_an_unheld_role_phrase_is_the_subject_before(extracted, monkeypatch):
    assert _speakers(extracted(UNHELD), "said")[-1] == "Jane Roe"
    monkeypatch.setattr(attr, "ROLE_PHRASE_TO_SUBJECT_UNHELD", False)
    assert _speakers(extracted(UNHELD), "said")[-1] != "Jane Roe"


def test_a_generic_role_phrase_stays_unnamed(extracted):
    text = UNHELD.replace("the PLD president", "the former PLD official")
    assert _speakers(extracted(text), "said")[-1] != "Jane Roe"
