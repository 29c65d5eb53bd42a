"""Session 23: claims on unseen news — only claims are claims, categories and units from meaning. Constructed
sentences, positive and negative, each rule also switched off."""
from __future__ import annotations

import pytest

import helpers.text.claims as cl
from text_rows import claims_by_text as _rows, rejected_by_text as _rejected


# ------------------------------------------------------------------ PARALLEL_PHRASE_ELLIPSIS
PARALLEL = "Ankara wants 14 suspects sent back from Oslo and 9 from Copenhagen."


def test_parallel_phrase_count_takes_the_unit(extracted):
    rows = _rows(extracted, PARALLEL)
    assert rows["9"]["unit"] == "suspect"


def test_parallel_phrase_casualties(extracted):
    rows = _rows(extracted, "Shelling killed 4 people in Sumy and 3 in Poltava on Sunday.")
    assert (rows["3"]["unit"], rows["3"]["category"]) == ("person", "casualties")


def test_parallel_phrase_needs_the_same_preposition(extracted):
    rows = _rows(extracted, "The army sent 40 tanks to the front, and 12 arrived by rail.")
    assert all(r["unit"] != "tank" for t, r in rows.items() if t.startswith("12"))


def test_parallel_phrase_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "PARALLEL_PHRASE_ELLIPSIS", False)
    assert _rows(extracted, PARALLEL)["9"]["unit"] == "unit"


# ------------------------------------------------------------------ INCLUDED_IN_CASUALTY_CLAUSE, EQUIPMENT_NOT_CASUALTY
INCLUDED = "In the region, 31 medics were killed, including six volunteers."


def test_included_part_of_a_casualty_clause(extracted):
    assert _rows(extracted, INCLUDED)["six"]["category"] == "casualties"


def test_included_part_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "INCLUDED_IN_CASUALTY_CLAUSE", False)
    assert _rows(extracted, INCLUDED)["six"]["category"] != "casualties"


def test_included_part_of_another_clause(extracted):
    rows = _rows(extracted, "The city hired 31 medics last year, including six volunteers.")
    assert rows["six"]["category"] != "casualties"


def test_captured_materiel_stays_equipment(extracted):
    rows = _rows(extracted, "The brigade captured 17 tanks near the river.")
    assert rows["17"]["category"] == "equipment"


def test_captured_materiel_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "EQUIPMENT_NOT_CASUALTY", False)
    assert _rows(extracted, "The brigade captured 17 tanks near the river.")["17"]["category"] == "casualties"


def test_captured_people_stay_casualties(extracted):
    rows = _rows(extracted, "The brigade captured 17 soldiers near the river.")
    assert rows["17"]["category"] == "casualties"


# ------------------------------------------------------------------ MULTIPLE_TIMES
@pytest.mark.parametrize("text,figure", [
    ("The new shells cost 12 times more than the old ones.", "12 times"),
    ("The enemy has four times as many guns.", "four times"),
    ("The occupied area is now five times the size it was.", "five times"),
])
def test_multiple(extracted, text, figure):
    row = _rows(extracted, text)[figure]
    assert (row["unit"], row["category"], row["subject"]) == ("times", "other", None)


def test_times_without_comparison_is_no_multiple(extracted):
    rows = _rows(extracted, "The minister visited the front three times this year.")
    assert all(r["unit"] != "times" for r in rows.values())


def test_multiple_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "MULTIPLE_TIMES", False)
    rows = _rows(extracted, "The enemy has four times as many guns.")
    assert "four times" not in rows


# ------------------------------------------------------------------ NAME_NUMBER_MODIFIER
def test_series_of_names(extracted):
    text = "Both the Astana 1 and 2 accords were broken within weeks."
    assert not {"1", "2"} & set(_rows(extracted, text))
    assert _rejected(extracted, text).get("1") == "in_name"


def test_number_of_a_model_after_a_count(extracted):
    rows = _rows(extracted, "The shipment held 8 Falcon 300 attack drones.")
    assert "8" in rows and "300" not in rows


def test_count_after_a_country_stays(extracted):
    rows = _rows(extracted, "Washington sent Kyiv 14 howitzers.")
    assert rows["14"]["unit"] == "howitzer"


def test_name_number_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "NAME_NUMBER_MODIFIER", False)
    assert "300" in _rows(extracted, "The shipment held 8 Falcon 300 attack drones.")


# ------------------------------------------------------------------ GENERIC_GROUP_OF, ROUND_OF_EVENTS
@pytest.mark.parametrize("switch,text,figure,on,off", [
    ("GENERIC_GROUP_OF", "The mayor met a group of nine elderly women.", "nine", "other", "personnel"),
    ("GENERIC_GROUP_OF", "Two brigades of 6,000 people were moved north.", "6,000", "personnel", "personnel"),
    ("ROUND_OF_EVENTS", "The two delegations held four rounds of talks.", "four", "other", "equipment"),
    ("ROUND_OF_EVENTS", "The gunners fired 400 rounds of ammunition.", "400", "equipment", "equipment"),
])
def test_category_of_the_of_phrase(extracted, monkeypatch, switch, text, figure, on, off):
    assert _rows(extracted, text)[figure]["category"] == on
    monkeypatch.setattr(cl, switch, False)
    assert _rows(extracted, text)[figure]["category"] == off


# ------------------------------------------------------------------ DIGIT_SHARE_OF_PEOPLE
def test_digit_share_of_people(extracted):
    rows = _rows(extracted, "Nearly 3 in 4 Poles back the sanctions.")
    assert rows["Nearly 3 in 4"]["value"] == pytest.approx(75.0)
    assert rows["Nearly 3 in 4"]["unit"] == "percent"


def test_digit_count_in_events_is_no_share(extracted):
    rows = _rows(extracted, "Drones hit 2 in 3 raids.")
    assert all(r["unit"] != "percent" for r in rows.values())


def test_digit_share_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "DIGIT_SHARE_OF_PEOPLE", False)
    assert all(r["unit"] != "percent" for r in _rows(extracted, "Nearly 3 in 4 Poles back the sanctions.").values())


# ------------------------------------------------------------------ OTHERS_UNIT
OTHERS = "Two people died and seven others were injured in the blast."


def test_others_count_the_same_thing(extracted):
    assert _rows(extracted, OTHERS)["seven"]["unit"] == "person"


def test_others_of_materiel(extracted):
    rows = _rows(extracted, "Gunners destroyed 9 tanks and damaged 4 others.")
    assert (rows["4"]["unit"], rows["4"]["category"]) == ("tank", "equipment")


def test_others_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "OTHERS_UNIT", False)
    assert _rows(extracted, OTHERS)["seven"]["unit"] == "other"


# ------------------------------------------------------------------ CHANGE_NOT_RANGE
CHANGE = "Trust in the army rose from 52 to 64 percent."


def test_change_from_to_is_two_figures(extracted):
    rows = _rows(extracted, CHANGE)
    assert (rows["52"]["value"], rows["52"]["unit"], rows["64 percent"]["value"]) == (52, "percent", 64)


def test_range_without_a_change_verb_stays(extracted):
    rows = _rows(extracted, "The ministry will send from 3,000 to 4,000 troops.")
    assert rows["from 3,000 to 4,000"]["qualifier"] == "range"


def test_change_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "CHANGE_NOT_RANGE", False)
    assert _rows(extracted, CHANGE)["from 52 to 64"]["qualifier"] == "range"


# ------------------------------------------------------------------ idiom
def test_a_thing_or_two(extracted):
    text = "The envoy knows a thing or two about sieges."
    assert not _rows(extracted, text)


def test_number_hung_on_a_name_after_the(extracted):
    text = "Traders said the Nikkei 225 lost 3% on Monday."
    rows = _rows(extracted, text)
    assert "225" not in rows and "3%" in rows


def test_number_hung_on_a_name_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "NAME_NUMBER_MODIFIER", False)
    monkeypatch.setattr(cl, "NAME_NUMBER_AFTER_NAME", False)
    assert "225" in _rows(extracted, "Traders said the Nikkei 225 lost 3% on Monday.")


# ------------------------------------------------------------------ PROPER_PLURAL_UNIT
MEMBERS = "All 27 EU Member States must agree."


def test_capitalised_plural_unit_is_singular(extracted):
    assert _rows(extracted, MEMBERS)["27"]["unit"] == "state"


def test_capitalised_plural_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "PROPER_PLURAL_UNIT", False)
    assert _rows(extracted, MEMBERS)["27"]["unit"] == "states"


# ------------------------------------------------------------------ LISTED_PLACE_COUNT
def test_counts_in_a_list_of_places(extracted, monkeypatch):
    text = "This week Austria expelled 12 Russian envoys, Hungary 9, Romania 8, Moldova 6 and Cyprus 2."
    got = {t: r["unit"] for t, r in _rows(extracted, text).items()}
    assert got.get("12") == "envoy"
    assert all(u == "envoy" for t, u in got.items())


def test_place_number_without_a_list_is_left_to_the_name_rules(extracted):
    got = _rows(extracted, "Viewers in Moscow watched Russia 24 all night.")
    assert "24" not in got


# ------------------------------------------------------------------ PARTITIVE_OF_COUNT, COMPANY_AS_BUSINESS
PARTITIVE = "Only 14 of 20 surveyed firms reported losses."


def test_part_of_a_counted_whole(extracted):
    row = _rows(extracted, PARTITIVE)["14"]
    assert (row["unit"], row["subject"]) == ("firm", "surveyed firms")


def test_part_of_the_whole_subject_without_its_count(extracted):
    assert _rows(extracted, "So far 70 of the 90 promised tanks have arrived.")["70"]["subject"] == "promised tanks"


def test_part_of_a_whole_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "PARTITIVE_OF_COUNT", False)
    assert _rows(extracted, PARTITIVE)["14"]["unit"] == "unit"


@pytest.mark.parametrize("text,figure,category", [
    ("Some 1,200 foreign companies still trade in Russia.", "Some 1,200", "other"),
    ("Three infantry companies held the bridge.", "Three", "personnel"),
    ("Two companies of paratroopers landed at dawn.", "Two", "personnel"),
])
def test_companies(extracted, text, figure, category):
    assert _rows(extracted, text)[figure]["category"] == category


def test_companies_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "COMPANY_AS_BUSINESS", False)
    rows = _rows(extracted, "Some 1,200 foreign companies still trade in Russia.")
    assert rows["Some 1,200"]["category"] == "personnel"


# ------------------------------------------------------------------ GLUED_DURATION
GLUED = "The envoy was silent for 9 daysMaria Petrova reports on the talks."


def test_duration_glued_to_the_next_line(extracted):
    assert "9" not in _rows(extracted, GLUED)
    assert _rejected(extracted, GLUED).get("9") == "duration"


def test_glued_duration_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "GLUED_DURATION", False)
    assert "9" in _rows(extracted, GLUED)


# ------------------------------------------------------------------ LIVES_LOST, bodies, INCLUDED_PART_UNIT, labels
@pytest.mark.parametrize("text,figure,category", [
    ("The siege has claimed more than 8,000 lives.", "more than 8,000", "casualties"),
    ("Field medics saved 300 lives last month.", "300", "other"),
    ("Rescuers recovered the bodies of 14 villagers.", "14", "casualties"),
])
def test_lives_and_bodies(extracted, text, figure, category):
    assert _rows(extracted, text)[figure]["category"] == category


def test_lives_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "LIVES_LOST", False)
    assert _rows(extracted, "The siege has claimed more than 8,000 lives.")["more than 8,000"]["category"] == "other"


INCLUDING = "About 60,000 refugees reached Romania, including 7,000 who arrived on Sunday."


def test_included_part_takes_the_unit(extracted):
    row = _rows(extracted, INCLUDING)["7,000"]
    assert (row["unit"], row["subject"]) == ("refugee", "refugees")


def test_included_part_unit_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "INCLUDED_PART_UNIT", False)
    assert _rows(extracted, INCLUDING)["7,000"]["unit"] == "unit"


def test_chart_label_is_an_identifier(extracted):
    text = "The survey results follow.\n\nGraph 3. Are you ready to leave your home?"
    assert _rejected(extracted, text).get("3") == "identifier"


# ------------------------------------------------------------------ NUMBER_OF_IN_SENTENCE
NUMBER_OF = "The number of Polish nationals in the region is estimated at upwards of 4,000."


def test_count_after_the_number_of(extracted):
    row = _rows(extracted, NUMBER_OF)["upwards of 4,000"]
    assert (row["unit"], row["subject"]) == ("national", "Polish nationals")


def test_count_after_the_number_of_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "NUMBER_OF_IN_SENTENCE", False)
    assert _rows(extracted, NUMBER_OF)["upwards of 4,000"]["unit"] == "unit"


def test_count_without_a_number_of_phrase(extracted):
    rows = _rows(extracted, "The figure is now above 40,000, officials said.")
    assert rows["above 40,000"]["unit"] == "unit"
