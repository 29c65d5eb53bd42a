"""Session 19: an unnamed role phrase is the named person holding that role when the modifiers name one country
("the American president" for "US President Jane Roe", ``entities.MODIFIER_BY_COUNTRY``), when its head names the
same office (``ROLE_SYNONYMS``: "premier" for a "Taoiseach"), when the holder's title is one bare word
(``BARE_TITLE_HOLDER``), or when its head names no office ("the Chinese official", ``GENERIC_ROLE_PHRASE``); the
plural research staff of a named institute speak for it (``STAFF_SPEAK_FOR_ORG``); a title run the parser hung
apart from the name is still its role (``ROLE_RUN_BEFORE_NAME``). Constructed sentences."""
from __future__ import annotations

import pytest

import helpers.text.entities as ent

COUNTRY = ("US President Jane Roe met the leaders in Paris on Monday.\n\n"
           "The American president stressed that the talks would go on next week.")
SYNONYM = ("Norway's premier said on Tuesday that the aid would reach the border by spring.\n\n"
           "Taoiseach Sean Walsh met the mayor of the town on Monday.")
GENERIC = ("The statement was read by Jan Kowal, spokesman for the Chinese foreign ministry, on Friday.\n\n"
           "Anna Berg, a Swedish analyst, said the talks were useless.\n\n"
           "The Chinese official added that the sanctions had failed.")
STAFF = ("The Baltic Defence Institute (BDI) published a new map on Monday.\n\n"
         "BDI experts said that the front line had not moved for a week.")
RUN = "As the talks began, Ukrainian Ambassador to the U.S. Oksana Petrenko appeared on a morning show."

# (text, cue, the speaker the rule gives, the switch without which the speaker is another)
READ = [(COUNTRY, "stressed", "Jane Roe", "MODIFIER_BY_COUNTRY"),
        (SYNONYM, "said", "Sean Walsh", "ROLE_SYNONYMS"),
        (SYNONYM, "said", "Sean Walsh", "BARE_TITLE_HOLDER"),
        (GENERIC, "added", "Jan Kowal", "GENERIC_ROLE_PHRASE"),
        (STAFF, "said", "Baltic Defence Institute", "STAFF_SPEAK_FOR_ORG")]

# (text, cue, a speaker the phrase is not)
NOT_READ = [
    ("US President Jane Roe met the leaders in Paris on Monday.\n\n"
     "The Polish president stressed that the talks would go on next week.", "stressed", "Jane Roe"),
    ("Norway's premier said on Tuesday that the aid would reach the border by spring.\n\n"
     "Former Taoiseach Sean Walsh met the mayor of the town on Monday.", "said", "Sean Walsh"),  # no bare title
    ("Norway's health minister said on Tuesday that the aid would reach the border by spring.\n\n"
     "Prime Minister Jan Nowak visited the town with his ministers.", "said", "Jan Nowak"),  # another office
    ("The statement was read by Jan Kowal, spokesman for the Chinese foreign ministry, on Friday.\n\n"
     "The Russian official said that the sanctions had failed.", "said", "Jan Kowal"),
    ("The statement was read by Jan Kowal, spokesman for the Chinese foreign ministry, on Friday.\n\n"
     "A senior Chinese official told reporters that the sanctions had failed.", "told", "Jan Kowal"),  # indefinite
]


def _speaker(out, cue):
    return next(s["speaker"] for s in out["statements"] if s["cue"] == cue)


@pytest.mark.parametrize("text,cue,speaker,switch", READ)
def test_a_role_phrase_read_as_its_holder(extracted, monkeypatch, text, cue, speaker, switch):
    assert _speaker(extracted(text), cue) == speaker
    monkeypatch.setattr(ent, switch, False)
    assert _speaker(extracted(text), cue) != speaker


@pytest.mark.parametrize("text,cue,speaker", NOT_READ)
def test_a_role_phrase_of_someone_else(extracted, text, cue, speaker):
    assert _speaker(extracted(text), cue) != speaker


def test_experts_of_a_country_stay_a_group(extracted):
    assert _speaker(extracted("Polish experts said that the front line had not moved for a week."), "said") \
        == "Polish experts"


def _role(extracted, text, name):
    return [r["role"] for r in extracted(text)["entities"] if r["canonical"] == name]


def test_a_title_run_before_the_name(extracted, monkeypatch):
    assert _role(extracted, RUN, "Oksana Petrenko")[:1] == ["Ukrainian Ambassador to the U.S."]
    assert all(r["role"] is None for r in extracted(RUN)["entities"] if r["label"] != "PERSON")
    monkeypatch.setattr(ent, "ROLE_RUN_BEFORE_NAME", False)
    assert _role(extracted, RUN, "Oksana Petrenko")[:1] == [None]


def test_a_name_after_a_preposition_holds_no_title(extracted):
    assert set(_role(extracted, "The plan was sent by a spokeswoman for Anna Berg on Monday.", "Anna Berg")) <= {None}


def test_a_generic_noun_fits_by_country_only(extracted):
    text = ("The statement was read by Jan Kowal, the Kremlin spokesman, on Friday.\n\n"
            "The Kremlin leader kept a full schedule, but he made few remarks about the talks.")
    rows = [r for r in extracted(text)["entities"] if r["text"] == "Kremlin leader"]
    assert all(r["canonical"] != "Jan Kowal" for r in rows)


def test_a_bare_title_of_the_same_noun_is_no_holder(extracted):
    text = ("President Ivan Petrov met the envoys in Moscow on Monday.\n\n"
            "The US president said that the talks would go on next week.")
    assert _speaker(extracted(text), "said") != "Ivan Petrov"


def test_a_title_after_another_role_and_a_preposition(extracted):
    text = "The town could fall, an adviser to the Ukrainian president Ivan Petrenko wrote on Monday."
    assert set(_role(extracted, text, "Ivan Petrenko")) <= {None, "Ukrainian president"}


LEAD = ("Talks will fail if the border is closed again, the Polish foreign minister has warned during a visit to "
        "Oslo.\n\nJan Nowak said on Friday that the talks were at risk.")


def test_a_lead_role_named_in_the_next_paragraph(extracted, monkeypatch):
    assert _speaker(extracted(LEAD), "warned") == "Jan Nowak"
    monkeypatch.setattr(ent, "LEAD_ROLE_NAMED_NEXT", False)
    assert _speaker(extracted(LEAD), "warned") != "Jan Nowak"


def test_a_role_after_the_lead_is_not_the_next_name(extracted):
    text = ("The talks began on Monday in Oslo.\n\nTalks will fail if the border is closed again, the Polish foreign "
            "minister has warned.\n\nJan Nowak said on Friday that the talks were at risk.")
    assert _speaker(extracted(text), "warned") != "Jan Nowak"
