"""A figure after a label that opens its line ("Deaths: 6") counts the label's noun (session 12; constructed text)."""
from __future__ import annotations

from text_rows import extract_rows


def _figures(nlp, text):
    return [(c["text"], c["unit"], c["category"]) for c in extract_rows(nlp, text)["claims"]]


def test_label_lines_of_a_tally_give_unit_and_category(nlp):
    text = "Northern region\n\nDeaths: 7\n\nCases: 1,204\n\nCivilians killed: 5,000\n\nRefugees: 3.5 million"
    assert _figures(nlp, text) == [("7", "death", "casualties"), ("1,204", "case", "other"),
                                   ("5,000", "civilian", "casualties"), ("3.5 million", "refugee", "other")]


def test_not_a_label_a_preposition_a_place_or_a_colon_inside_a_sentence(nlp):
    assert _figures(nlp, "In hospital: 210") == [("210", "unit", "other")]
    assert _figures(nlp, "Kharkiv: 12 missiles were shot down.") == [("12", "missile", "equipment")]
    assert _figures(nlp, "Officials gave a new figure for the region: 12.") == [("12", "unit", "other")]


def test_a_counted_noun_after_the_figure_wins_over_the_label(nlp):
    assert _figures(nlp, "Losses: 40 tanks") == [("40", "tank", "equipment")]


def test_the_labels_last_noun_is_counted(nlp):
    assert _figures(nlp, "Military casualties: 1,300") == [("1,300", "casualty", "casualties")]
