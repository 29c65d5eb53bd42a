"""Claimants of issue 10, round 13 (sentences constructed for these tests).

- a quotation further on the line of a quotation whose speaker follows it ("“…,” Lee told reporters. “…”") goes
  on with that speaker's statement;
- a subject inside a quotation is no antecedent for a later pronoun of the narrative ("“Polish lines …,” it said");
- a quotation alone on its line continues the statement nearest before it, not the one found last;
- a straight opening quotation mark closed by a curly one is a quotation;
- a parenthesised acronym after a name stands for it only if its first letter is a word's initial (not the agency
  of a dateline, "Oslo, Norway (CNN)");
- a figure's sentence between two statements of one speaker in one paragraph is that speaker's (``context``);
- "one in N" is a share (100 / N percent); explosions and blasts are counted as attacks.
"""
from __future__ import annotations

import pytest

from helpers.text import claims as cl
from helpers.text import entities as en
from helpers.text import statements as st
from text_rows import extract_rows


def statements(nlp, text):
    return [(r["speaker"], r["content"]) for r in extract_rows(nlp, text)["statements"]]


def claims(nlp, text, fields=("text", "claimant", "claimant_via")):
    return [tuple(c[k] for k in fields) for c in extract_rows(nlp, text)["claims"]]


# ---------------------------------------------------------------- a quotation further on the speaker's line

LINE = ('"We expect long delays at every crossing," Mara Ellison told reporters on Monday. '
        '"The river has risen fast and about 40% of the valley is under water."')


def test_a_quotation_further_on_the_line_goes_on_with_the_speaker(nlp):
    rows = extract_rows(nlp, LINE)["statements"]
    assert [(r["speaker"], r["content"].startswith("We expect"), r["content"].endswith("under water")) for r in rows] \
        == [("Mara Ellison", True, True)]
    assert claims(nlp, LINE) == [("about 40%", "Mara Ellison", "statement")]


def test_a_cue_inside_the_continued_quotation_does_not_take_the_figure(nlp):
    text = ('"We expect long delays at every crossing," Mara Ellison told reporters on Monday. '
            '"The river has risen fast. Hopefully the council would realize that about 40% of the valley is flooded."')
    assert claims(nlp, text) == [("about 40%", "Mara Ellison", "statement")]


def test_a_quotation_after_another_cue_is_not_continued(nlp):
    text = ('"We expect long delays at every crossing," Mara Ellison told reporters on Monday. '
            'The council said later that "about 40% of the valley is under water."')
    assert claims(nlp, text) == [("about 40%", "(council)", "statement")]


def test_a_quotation_after_a_cue_before_its_quotation_is_not_continued(nlp):
    text = ('Mara Ellison told reporters on Monday: "We expect long delays at every crossing." '
            '"About 40% of the valley is under water."')
    assert claims(nlp, text) == [("About 40%", "(unattributed)", "unattributed")]


def test_the_continued_quotation_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(st, "CONTINUES_ON_LINE", False)
    assert claims(nlp, LINE) == [("about 40%", "(unattributed)", "unattributed")]


# ---------------------------------------------------------------- a subject inside a quotation

QUOTED_SUBJECT = ('The Harbour Research Group pointed out that the port was busy. '
                  '"Polish freight lines support the coast," it said.')


def test_a_pronoun_after_a_quotation_is_not_a_subject_inside_it(nlp):
    assert statements(nlp, QUOTED_SUBJECT) == [
        ("Harbour Research Group", "that the port was busy"),
        ("Harbour Research Group", "Polish freight lines support the coast")]


def test_a_quoted_subject_remembered_can_be_switched_on_again(nlp, monkeypatch):
    monkeypatch.setattr(st, "QUOTED_SUBJECT_NOT_REMEMBERED", False)
    # session 19: "Polish freight lines" speaks as a phrase (no name to remember) unless DEMONYM_SPEAKER_PHRASE is off
    monkeypatch.setattr(st, "DEMONYM_SPEAKER_PHRASE", False)
    assert statements(nlp, QUOTED_SUBJECT)[1] == ("Polish", "Polish freight lines support the coast")


# ---------------------------------------------------------------- a quotation alone on its line

OWN_LINE = ('Mara Ellison described the reports as wrong.\n\n'
            '"These reports are wrong. They only spread fear among the people of the town."\n\n'
            'The harbour council believes that the port is at risk.\n\n'
            '"We know the pressure the town is under, and we ask for help from the region now."')


def test_a_quotation_on_its_own_line_continues_the_nearest_statement(nlp):
    assert statements(nlp, OWN_LINE)[-1] == (
        "harbour council", "We know the pressure the town is under, and we ask for help from the region now")


def test_the_nearest_statement_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(st, "NEAREST_BEFORE_CONTINUES", False)
    assert statements(nlp, OWN_LINE)[-1][0] == "Mara Ellison"


# ---------------------------------------------------------------- mixed quotation marks

def test_a_straight_mark_closed_by_a_curly_one_is_a_quotation():
    text = 'He said: "The port is closed to all ships,” and left. “Not now,” she replied.'
    assert [text[a:b] for a, b in st._quotes(text)] == ["The port is closed to all ships,"]


def test_mixed_quotation_marks_can_be_switched_off(monkeypatch):
    monkeypatch.setattr(st, "MIXED_QUOTES", False)
    assert st._quotes('He said: "The port is closed to all ships,” and left.') == []


def test_straight_quotations_are_unchanged():
    text = '"The port is closed to all ships," he said, and "the ferry will wait" until May.'
    assert [text[a:b] for a, b in st._quotes(text)] == ["The port is closed to all ships,", "the ferry will wait"]


# ---------------------------------------------------------------- parenthesised acronyms

@pytest.mark.parametrize("acronym,name,fits", [
    ("IHS", "Institute for Harbour Studies", True),
    ("UNRA", "UN Relief Agency", True),
    ("CNN", "New Zealand", False),
    ("BBC", "United Kingdom", False),
])
def test_an_acronym_fits_a_name_by_its_first_letter(acronym, name, fits):
    assert en._may_abbreviate(acronym, name) is fits


DATELINE = 'Wellington, New Zealand (CNN) - The port was closed on Monday. CNN reported that the ferries were late.'


def test_a_datelines_agency_is_not_the_place(nlp):
    assert statements(nlp, DATELINE) == [("CNN", "that the ferries were late")]


def test_the_acronym_check_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(en, "ACRONYM_MUST_FIT", False)
    assert statements(nlp, DATELINE)[0][0] == "New Zealand"


# ---------------------------------------------------------------- a sentence between two statements of one speaker

BETWEEN = ('According to Tomas Berg, only the harbour board wants a new canal. The dispute between the two towns has '
           'gone on for decades. "It cannot be settled in court," he noted.')


def test_a_figure_between_two_statements_of_one_speaker_is_theirs(nlp):
    assert claims(nlp, BETWEEN) == [("two", "Tomas Berg", "context")]


@pytest.mark.parametrize("text", [
    # a paragraph break between the figure and the statement after it
    BETWEEN.replace(' "It cannot', '\n\n"It cannot'),
    # two speakers
    BETWEEN.replace("he noted", "Ana Lind noted"),
    # the statement after it starts in the middle of its sentence
    BETWEEN.replace('"It cannot be settled in court," he noted.', 'Ferries were late, and Tomas Berg noted that it '
                                                                 'could not be settled in court.'),
])
def test_no_claimant_from_context_otherwise(nlp, text):
    assert claims(nlp, text) == [("two", "(unattributed)", "unattributed")]


def test_the_context_claimant_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(cl, "BETWEEN_ONE_SPEAKER", False)
    assert claims(nlp, BETWEEN) == [("two", "(unattributed)", "unattributed")]


# ---------------------------------------------------------------- "one in N", explosions

FIELDS = ("text", "value", "unit", "category", "subject")


def test_one_in_n_is_a_share(nlp):
    text = "More than one in three voters in the district backed the plan, and one in five adult residents left."
    assert claims(nlp, text, FIELDS) == [
        ("More than one in three", pytest.approx(100 / 3), "percent", "percent", "voters"),
        ("one in five", 20.0, "percent", "percent", "adult residents")]


def test_one_in_a_time_is_no_share(nlp):
    found = claims(nlp, "The ferry left at one in the morning and came back in three hours.", FIELDS)
    assert not [c for c in found if c[2] == "percent"]


def test_one_in_n_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(cl, "ONE_IN_N", False)
    assert all(c[2] != "percent" for c in claims(nlp, "One in five adult residents left the town.", FIELDS))


def test_explosions_and_blasts_are_attacks(nlp):
    found = claims(nlp, "Two blasts hit the depot and three explosions were heard near the bridge.", FIELDS)
    assert [(c[0], c[1], c[2], c[3]) for c in found] == [("Two", 2.0, "blast", "attacks"),
                                                         ("three", 3.0, "explosion", "attacks")]
