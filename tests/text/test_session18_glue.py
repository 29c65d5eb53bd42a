"""Session 18, glued names (constructed text): a word glued in front of a name the article also writes on its own
(``entities.GLUED_BEFORE_KNOWN_NAME``: a heading run into the next paragraph), and a possessive run into a quotation
(``entities.QUOTE_IN_NAME_CUT``)."""
from __future__ import annotations

import pytest

import helpers.text.entities as en

HEADING = ("Lena Hart backs the new budget. Vote due before ChristmasLena Hart has backed the budget plan. "
           "Later Lena Hart met farmers.")


def _cut(text, mention):
    start = text.index(mention)
    got = en._unglued(text, start, start + len(mention))
    return None if got is None else text[got[0]:got[1]]


def test_a_word_glued_before_a_name_written_apart_elsewhere_is_cut_off():
    assert _cut(HEADING, "ChristmasLena Hart") == "Lena Hart"


def test_without_the_article_s_evidence_the_mention_stays_whole():
    text = "Vote due before ChristmasLena Hart has backed the budget plan."  # the name is written nowhere else
    assert _cut(text, "ChristmasLena Hart") == "ChristmasLena Hart"


def test_glued_before_known_name_switched_off(monkeypatch):
    monkeypatch.setattr(en, "GLUED_BEFORE_KNOWN_NAME", False)
    assert _cut(HEADING, "ChristmasLena Hart") == "ChristmasLena Hart"


def test_a_sentence_opener_after_the_glue_is_still_the_end_of_the_name():
    text = "Talks with the RussiansThe Ukrainian side said no. The Ukrainian side met again."
    assert _cut(text, "RussiansThe Ukrainian") == "Russians"  # not "The Ukrainian": the glued word opens a sentence


@pytest.mark.parametrize("mention,kept", [
    ("Anna Berg’s“We", "Anna Berg"),
    ("Anna Berg's\"We", "Anna Berg"),
    ("Berg'“I", "Berg"),
])
def test_a_possessive_run_into_a_quotation_ends_the_name(mention, kept):
    text = f"Yesterday {mention} will not give up,” she said."
    assert _cut(text, mention) == kept


def test_a_nickname_in_quotation_marks_stays_in_the_name(monkeypatch):
    text = "Yesterday Lois “Bunny” Carter spoke."
    assert _cut(text, "Lois “Bunny” Carter") == "Lois “Bunny” Carter"
    monkeypatch.setattr(en, "QUOTE_IN_NAME_CUT", False)
    assert _cut("Yesterday Anna Berg’s“We lost.", "Anna Berg’s“We") == "Anna Berg’s“We"
