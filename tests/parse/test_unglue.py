"""A quotation mark glued between a sentence and the next word gets its space (constructed lines)."""
from __future__ import annotations

import pytest

from helpers.parse.textio import normalise_body, unglue_quotes, unglue_words


@pytest.mark.parametrize("line, expected", [
    ("I am sure of it.”Roe warned them.", "I am sure of it.” Roe warned them."),
    ("He spoke at noon.“We are ready,” she said.", "He spoke at noon. “We are ready,” she said."),
    ('Talks ended.”“Nothing was agreed,” he said.', 'Talks ended.” “Nothing was agreed,” he said.'),
    ('The talks ended."Such is politics," he said.', 'The talks ended. "Such is politics," he said.'),
    ('He said "no."Then he left.', 'He said "no." Then he left.'),
])
def test_glued_marks_get_a_space(line, expected):
    assert unglue_quotes(line) == expected


@pytest.mark.parametrize("line", [
    "Ukraine’s army held the line.",
    "the “special operation”, as Moscow calls it",
    'He called it "a test".',
    "“It is over,” he said.",
])
def test_marks_in_place_are_left_alone(line):
    assert unglue_quotes(line) == line


def test_normalise_body_unglues_each_paragraph():
    assert normalise_body("It is over.”Roe left.\r\n\r\nNext.“Yes,” she said.") == \
        "It is over.” Roe left.\n\nNext. “Yes,” she said."


@pytest.mark.parametrize("line, expected", [
    ("The talks covered, among othersAbout the border.", "The talks covered, among others About the border."),
    ("He was charged with treason, includingHe was to pass on plans.",
     "He was charged with treason, including He was to pass on plans."),
    ("Markets fell, the companiesThe report said.", "Markets fell, the companies The report said."),
])
def test_a_sentence_opener_glued_to_a_word_gets_a_space(line, expected):
    assert unglue_words(line) == expected


@pytest.mark.parametrize("line", [
    "She flew with easyJet to Riga.",          # a brand: a capitalised noun, not a word that opens sentences
    "Audience figures from comScore rose.",
    "Follow @dailyThe and #warIn updates.",      # handles and hashtags
    "See www.example.com/theNews for more.",
    "An iPhone and an eBay listing.",           # fewer than three letters before the capital
    "The deal was signed in Vienna.",
])
def test_names_and_handles_are_left_alone(line):
    assert unglue_words(line) == line


def test_normalise_body_unglues_words_too():
    assert normalise_body("Prices rose, analystsThe data show.") == "Prices rose, analysts The data show."
