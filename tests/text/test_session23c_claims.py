"""Session 23 (third round): claims precision on unseen news — a noun shared by coordinated modifiers, a count owned
by a name after "'s", counts completing the verb "number", bare counts that are the subject of a verb of people, troop strengths.
Constructed sentences, positive and negative, each rule also switched off."""
from __future__ import annotations

import pytest

import helpers.text.claims as cl
from text_rows import claims_by_text as _rows


def _switched_off(monkeypatch, extracted, name, text):
    monkeypatch.setattr(cl, name, False)
    return _rows(extracted, text)


# ------------------------------------------------------------------ SHARED_NOUN_MODIFIERS
SHARED = "The ministry shipped 800 anti-tank and 300 anti-ship missiles to the navy."


def test_shared_noun_of_coordinated_modifiers(extracted):
    row = _rows(extracted, SHARED)["800"]
    assert (row["unit"], row["category"]) == ("missile", "equipment")
    assert row["subject"] == "anti-tank missiles"


def test_shared_noun_of_written_counts(extracted):
    row = _rows(extracted, "The raid killed four Latvian and two Estonian soldiers.")["four"]
    assert (row["unit"], row["category"]) == ("soldier", "casualties")
    assert row["subject"] == "Latvian soldiers"


def test_counts_with_nouns_of_their_own_keep_them(extracted):
    rows = _rows(extracted, "The depot held 40 rifles and 25 armoured vehicles.")
    assert rows["40"]["unit"] == "rifle"


def test_shared_noun_switched_off(monkeypatch, extracted):
    assert _switched_off(monkeypatch, extracted, "SHARED_NOUN_MODIFIERS", SHARED)["800"]["unit"] != "missile"


# ------------------------------------------------------------------ POSSESSIVE_ELLIPSIS
POSSESSIVE = "The navy has 410 patrol boats against Latvia's 120, the yearbook says."


def test_possessive_count_borrows_the_noun(extracted):
    row = _rows(extracted, POSSESSIVE)["120"]
    assert (row["unit"], row["category"]) == ("boat", "equipment")


def test_possessive_count_with_no_count_before(extracted):
    rows = _rows(extracted, "The report praised Latvia's 120 in a footnote.")
    assert all(r["unit"] != "boat" for r in rows.values())


def test_possessive_switched_off(monkeypatch, extracted):
    assert _switched_off(monkeypatch, extracted, "POSSESSIVE_ELLIPSIS", POSSESSIVE)["120"]["unit"] == "unit"


# ------------------------------------------------------------------ NUMBER_VERB_COUNT
NUMBER_VERB = "Danish troops in the region now number 4,500, officials said."


def test_number_verb_counts_its_subject(extracted):
    row = _rows(extracted, NUMBER_VERB)["4,500"]
    assert (row["unit"], row["category"]) == ("troop", "personnel")


def test_number_verb_through_raising(extracted):
    row = _rows(extracted, "The sailors aboard are believed to number around 300.")["around 300"]
    assert (row["unit"], row["category"]) == ("sailor", "personnel")


def test_the_number_noun_is_no_verb(extracted):
    rows = _rows(extracted, "He called the number 4,500 twice.")
    assert all(r["category"] != "personnel" for r in rows.values())


def test_number_verb_switched_off(monkeypatch, extracted):
    assert _switched_off(monkeypatch, extracted, "NUMBER_VERB_COUNT", NUMBER_VERB)["4,500"]["unit"] == "unit"


# ------------------------------------------------------------------ PEOPLE_VERB_SUBJECT
PEOPLE_VERB = "In Lyon alone, 9,000 gathered outside the town hall."


def test_subject_of_a_people_verb_counts_people(extracted):
    row = _rows(extracted, PEOPLE_VERB)["9,000"]
    assert (row["unit"], row["category"]) == ("person", "other")


def test_vague_subject_of_a_people_verb(extracted):
    assert _rows(extracted, "Tens of thousands have fled the region since May.")["Tens of thousands"]["unit"] == "person"


def test_subject_of_another_verb_stays(extracted):
    assert _rows(extracted, "In Lyon alone, 9,000 were sold last month.")["9,000"]["unit"] == "unit"


def test_people_verb_switched_off(monkeypatch, extracted):
    assert _switched_off(monkeypatch, extracted, "PEOPLE_VERB_SUBJECT", PEOPLE_VERB)["9,000"]["unit"] == "unit"


# ------------------------------------------------------------------ units.csv words
def test_personnel_carriers_and_batteries_are_equipment(extracted):
    rows = _rows(extracted, "The brigade lost 40 armoured personnel carriers and three missile batteries.")
    assert (rows["40"]["unit"], rows["40"]["category"]) == ("personnel carrier", "equipment")
    assert rows["three"]["category"] == "equipment"


# ------------------------------------------------------------------ FORCE_SIZE_COUNT
FORCE_SIZE = "The Danish troop presence has grown from 700 to about 2,100."


def test_troop_presence_counts_troops(extracted):
    rows = _rows(extracted, FORCE_SIZE)
    assert (rows["700"]["unit"], rows["700"]["category"]) == ("troop", "personnel")


def test_troop_strength_of(extracted):
    row = _rows(extracted, "The island has a wartime troop strength of 65,000, officials said.")["65,000"]
    assert (row["unit"], row["category"]) == ("troop", "personnel")


def test_groups_of_visitors_are_no_force(extracted):
    row = _rows(extracted, "Visitors will be limited to groups of 12 on the tour.")["12"]
    assert row["category"] != "personnel"


def test_force_size_switched_off(monkeypatch, extracted):
    assert _switched_off(monkeypatch, extracted, "FORCE_SIZE_COUNT", FORCE_SIZE)["700"]["unit"] == "unit"
