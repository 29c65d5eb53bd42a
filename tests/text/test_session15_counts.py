"""Session 15, claims (constructed sentences): what a figure counts when an "of" phrase names it — right after the
figure ("2.5 million of the displaced families") or after a count noun that is the subject of the verb the figure
completes ("the number of displaced families reached 40,000"); a number after a glued number sign is no figure."""
from __future__ import annotations

import pytest

import helpers.text.claims as cl

OF_AFTER = "The mayor said the city needed help over the arrival of 2.5 million of the displaced families."
OF_TROOPS = "The minister disclosed that at least 1,300 of his country’s troops have been killed."
NUMBER_OF = "As the number of displaced families reached 40,000, the council met."
ROSE_TO = "The number of people killed rose to 300, officials said."
GLUED_PLURAL = "In the north there are about 900km of marshes and 2,000miles of canals."


@pytest.fixture(scope="module")
def claim(claim_ending):
    return claim_ending


@pytest.mark.parametrize("text, number, unit, category, subject", [
    (OF_AFTER, "2.5 million", "family", "other", "displaced families"),
    (OF_TROOPS, "1,300", "troop", "casualties", "his country’s troops"),
    (NUMBER_OF, "40,000", "family", "other", "displaced families"),
    (ROSE_TO, "300", "person", "casualties", "people"),
])
def test_an_of_phrase_names_what_the_figure_counts(claim, text, number, unit, category, subject):
    c = claim(text, number)
    assert (c["unit"], c["category"], c["subject"]) == (unit, category, subject)


@pytest.mark.parametrize("switch, text, number", [
    ("COUNT_OF_NOUN", OF_AFTER, "2.5 million"),
    ("NUMBER_OF_SUBJECT", NUMBER_OF, "40,000"),
])
def test_count_of_switched_off(claim, monkeypatch, switch, text, number):
    monkeypatch.setattr(cl, switch, False)
    monkeypatch.setattr(cl, "NUMBER_OF_IN_SENTENCE", False)  # session 23's rule also reads "the number of X"
    assert claim(text, number)["unit"] == "unit"


@pytest.mark.parametrize("text, number, unit", [
    ("The fund sent $40m of the aid.", "$40m", "usd"),  # money keeps its currency
    ("Officials said 20% of the families left.", "20%", "percent"),  # a share keeps its percent
    ("The number of families reached 40,000 in May, and 12 tanks were lost.", "12", "tank"),  # its own noun
])
def test_a_figure_with_its_own_unit_keeps_it(claim, text, number, unit):
    assert claim(text, number)["unit"] == unit


def test_glued_plural_unit(claim):
    assert (claim(GLUED_PLURAL, "2,000miles")["unit"], claim(GLUED_PLURAL, "900km")["unit"]) == ("mile", "km")


def test_a_number_after_a_glued_number_sign_is_no_figure(extracted, monkeypatch):
    text = "Analysts asked whether Ivan the Terrible #2 feared it, and 40 fans came."
    assert [c["text"] for c in extracted(text)["claims"]] == ["40"]
    monkeypatch.setattr(cl, "NUMBER_SIGN_IDENTIFIER", False)
    assert [c["text"] for c in extracted(text)["claims"]] == ["2", "40"]


def test_one_on_one_is_an_idiom(extracted):
    assert [c["text"] for c in extracted("She held one-on-one talks and a one on one meeting with 2 envoys.")["claims"]] \
        == ["2"]


def test_a_vague_quantity_counts_the_plural_after_more(extracted, monkeypatch):
    text = "The alliance promised hundreds of thousands more troops to defend the east."
    assert [(c["unit"], c["category"]) for c in extracted(text)["claims"]] == [("troop", "personnel")]
    monkeypatch.setattr(cl, "VAGUE_NOUN_AFTER", False)
    assert [c["unit"] for c in extracted(text)["claims"]] == ["unit"]


@pytest.mark.parametrize("text, number, unit, category", [
    ("At least five people were killed and 18 injured in the strikes.", "18", "person", "casualties"),
    ("The strike killed 3 civilians and wounded 14.", "14", "civilian", "casualties"),
    ("The army lost 20 tanks, and 300 were captured.", "300", "tank", "equipment"),
    # the whole a part is included in, not the part
    ("The office confirmed 331 civilians, including 19 children, had been killed and 675 injured.", "675",
     "civilian", "casualties"),
])
def test_an_elliptical_count_counts_what_the_count_before_it_counts(claim, text, number, unit, category):
    c = claim(text, number)
    assert (c["unit"], c["category"]) == (unit, category)


def test_elliptical_unit_switched_off_and_kept_apart(claim, monkeypatch):
    # a second count far larger than the first counts something else
    assert claim("A division would be three to four brigades and perhaps 15,000.", "15,000")["unit"] == "unit"
    monkeypatch.setattr(cl, "ELLIPTICAL_UNIT", False)
    monkeypatch.setattr(cl, "CASUALTY_PERSON_UNIT", False)  # session 23b: else a bare casualty count is "person"
    assert claim("At least five people were killed and 18 injured in the strikes.", "18")["unit"] == "unit"


def test_a_figure_in_an_editors_brackets_is_no_ones_claim(extracted, monkeypatch):
    text = "“We hoped to solve it [thousands of civilians were killed there - ed.], but 40 towns fell,” the president said."
    claimants = {c["text"]: c["claimant"] for c in extracted(text)["claims"]}
    assert claimants == {"thousands": "(unattributed)", "40": "(president)"}
    monkeypatch.setattr(cl, "EDITORIAL_BRACKETS", False)
    assert {c["text"]: c["claimant"] for c in extracted(text)["claims"]}["thousands"] == "(president)"


def test_a_number_after_an_abbreviated_designator_is_no_figure(extracted, monkeypatch):
    text = "See the official report vol. 704, col. 909 and pp. 40-45, which count 300 drones."
    assert [c["text"] for c in extracted(text)["claims"]] == ["300"]
    # a noun of the list at a sentence's end is no abbreviation
    assert [c["text"] for c in extracted("The army lost the unit. 5 soldiers died.")["claims"]] == ["5"]
    monkeypatch.setattr(cl, "ABBREVIATED_DESIGNATOR", False)
    assert "704" in [c["text"] for c in extracted(text)["claims"]]


def test_a_number_closing_a_two_word_name_is_no_figure(extracted, monkeypatch):
    text = "The Baltic Pipe 2 opened. Germany sent Ukraine 14 tanks."
    assert [c["text"] for c in extracted(text)["claims"]] == ["14"]  # a place before a count keeps it
    monkeypatch.setattr(cl, "NAME_NUMBER_AFTER_NAME", False)
    assert [c["text"] for c in extracted(text)["claims"]] == ["2", "14"]


def test_a_count_in_the_speakers_own_mention_is_no_claim_of_theirs(extracted, monkeypatch):
    text = "Nato membership would strengthen Finland’s security, the two leaders said, and 30 jets would help."
    assert {c["text"]: c["claimant"] for c in extracted(text)["claims"]} == {"two": "(unattributed)",
                                                                            "30": "(two leaders)"}
    monkeypatch.setattr(cl, "COUNT_OF_SOURCE_NOT_CLAIMED", False)
    assert {c["text"]: c["claimant"] for c in extracted(text)["claims"]}["two"] == "(two leaders)"


def test_a_figure_in_a_participles_time_adjunct_is_not_the_speakers(extracted, monkeypatch):
    text = "Speaking after two extraordinary meetings of the council, the premier also admitted allies were constrained."
    assert [c["claimant"] for c in extracted(text)["claims"]] == ["(unattributed)"]
    monkeypatch.setattr(cl, "PARTICIPLE_ADJUNCT_OUTSIDE", False)
    assert [c["claimant"] for c in extracted(text)["claims"]] == ["(premier)"]
