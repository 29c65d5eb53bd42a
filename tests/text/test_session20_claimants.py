"""Session 20, figure claimants (constructed sentences; rules found on the PolNeAR train claimant benchmark,
``benchmarks/claimant_eval.py``): a figure in the clause a cue reports beyond where the statement's content stops
is the speaker's (``claims.CONTENT_CLAUSE_CONTINUES``; a contrast clause after the content, ``CONTRAST_AFTER_CONTENT``,
tried and not kept); an "in" phrase naming a poll or a count sources the figures of its clause (``IN_SURVEY_SOURCE``;
an unnamed survey, ``UNNAMED_SURVEY_CLAIMANT``, tried and not kept); a continued quotation takes the mention that
named its speaker (``CONTINUED_QUOTE_MENTION``)."""
from __future__ import annotations

import pytest

import helpers.text.claims as cl
import helpers.text.statements as st

INSISTED = ('The harbour master said Monday that he will "try to reopen the port" and insisted that the dock was '
            '"still the No. 1 port in the region."')
ASIDE = ('The port checked the ferries in May and did not find "any serious faults," aside from the two boats left in '
         'the dry dock, said the harbour master, Ann Lee, on Monday.')
CONTRAST = "A harbour survey found that 449 of the members back the new fares, while only 19 support the old ones."
IN_SURVEY = "In a Harbour Institute survey released on Sunday, 62 percent of the dock workers said the fares were fair."
IN_POLL = "The northern ferry leads by 40 percent to 35 percent in the Harbour Institute poll."
UNNAMED = "Just 13 percent of the dock workers in the harbour survey backed the fares."
CONTINUED = ("“The port is open again,” the harbour master, Ann Lee, told reporters on Monday.\n\n"
             "“We handled 300 ships last year.”")


def claimants(extracted, text: str) -> dict[str, tuple]:
    """figure -> (claimant, via, mention text) of each claim of ``text``."""
    out = {}
    for c in extracted(text)["claims"]:
        s, e = c["claimant_start"], c["claimant_end"]
        out[c["text"]] = (c["claimant"], c["claimant_via"], text[s:e] if s is not None else None)
    return out


@pytest.mark.parametrize("text, figure, claimant", [
    (INSISTED, "1", "(harbour master)"),  # the content stops at the first quotation
    (ASIDE, "two", "Ann Lee"),  # the content stops before "and did not find …"
])
def test_a_figure_in_the_reported_clause_past_the_content_is_the_speakers(extracted, monkeypatch, text, figure,
                                                                          claimant):
    assert claimants(extracted, text)[figure][:2] == (claimant, "statement")
    monkeypatch.setattr(cl, "CONTENT_CLAUSE_CONTINUES", False)
    assert claimants(extracted, text)[figure][0] == "(unattributed)"


def test_no_claimant_past_a_semicolon_nor_from_a_bare_word(extracted):
    assert claimants(extracted, "Projections suggest the new fares would generate 91 million euros over the next "
                                "decade.")["91 million euros"][0] == "(unattributed)"
    found = claimants(extracted, 'The harbour master insisted that the dock was "still the No. 1 port in the '
                                 'region"; 300 ships came last year.')
    assert found["1"][0] == "(harbour master)" and found["300"][0] == "(unattributed)"


def test_a_contrast_clause_after_the_content_is_the_speakers_only_when_switched_on(extracted, monkeypatch):
    assert claimants(extracted, CONTRAST)["19"][0] == "(unattributed)"  # tried, not kept
    monkeypatch.setattr(cl, "CONTRAST_AFTER_CONTENT", True)
    assert claimants(extracted, CONTRAST)["19"][:2] == ("(harbour survey)", "statement")


def test_no_outer_speaker_for_a_figure_a_statement_of_unknown_source_holds(extracted):
    text = ('The harbour master said Monday that he will "try to reopen the port" and insisted that the repairs were '
            'estimated at 40 million euros.')  # "were estimated": whose estimate the text does not say
    assert claimants(extracted, text)["40 million euros"][0] == "(unattributed)"


def test_a_contrast_clause_of_a_cue_in_a_relative_clause_is_the_writers(extracted, monkeypatch):
    monkeypatch.setattr(cl, "CONTRAST_AFTER_CONTENT", True)
    text = ('The ships from which the harbour master said the port was "open again," while 300 ships waited outside, '
            'left.')
    assert claimants(extracted, text)["300"][0] == "(unattributed)"


def test_a_contrast_clause_with_its_own_cue_keeps_its_own_speaker(extracted):
    text = "The harbour master said the port handled 300 ships, while the dock workers said 280 ships came."
    assert claimants(extracted, text)["280"][0] == "(dock workers)"


@pytest.mark.parametrize("text, figure, mention", [
    (IN_SURVEY, "62 percent", "a Harbour Institute survey released on Sunday"),  # a share of people speaking
    (IN_POLL, "40 percent", "the Harbour Institute poll"),  # the phrase hung on the other figure, in the same clause
    ("In a survey by the Harbour Institute, 62 percent of the dock workers said the fares were fair.", "62 percent",
     "a survey by the Harbour Institute"),  # the name inside the phrase
])
def test_an_in_phrase_naming_a_survey_is_the_claimant(extracted, monkeypatch, text, figure, mention):
    # a share of respondents' cue under the phrase is a statement of the survey since session 21
    # (statements.SOURCE_PHRASE_OVER_COUNT: the same claimant, via the statement); this rule is for no statement
    monkeypatch.setattr(st, "SOURCE_PHRASE_OVER_COUNT", False)
    assert claimants(extracted, text)[figure] == ("Harbour Institute", "survey", mention)
    monkeypatch.setattr(cl, "IN_SURVEY_SOURCE", False)
    assert claimants(extracted, text)[figure][0] == "(unattributed)"


def test_an_unnamed_survey_credits_no_one_unless_switched_on(extracted, monkeypatch):
    assert claimants(extracted, UNNAMED)["13 percent"][0] == "(unattributed)"  # tried, not kept
    monkeypatch.setattr(cl, "UNNAMED_SURVEY_CLAIMANT", True)
    assert claimants(extracted, UNNAMED)["13 percent"] == ("(harbour survey)", "survey", "the harbour survey")


@pytest.mark.parametrize("text, figure, claimant", [
    ("In a harbour near the city, 62 ships waited.", "62", "(unattributed)"),  # no survey noun
    ("The ferry that won 20 percent in the Harbour Institute poll carried 300 people.", "300",
     "(unattributed)"),  # the phrase of another clause
    ("In a survey, the port authority said 62 ships waited.", "62", "(port authority)"),  # a statement comes first
])
def test_no_survey_claimant_elsewhere(extracted, text, figure, claimant):
    assert claimants(extracted, text)[figure][0] == claimant


def test_a_continued_quotation_takes_the_mention_that_named_its_speaker(extracted, monkeypatch):
    assert claimants(extracted, CONTINUED)["300"] == ("Ann Lee", "statement", "the harbour master, Ann Lee,")
    monkeypatch.setattr(cl, "CONTINUED_QUOTE_MENTION", False)
    assert claimants(extracted, CONTINUED)["300"] == ("Ann Lee", "statement", None)
