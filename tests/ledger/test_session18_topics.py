"""Session 18: the counted thing's modifiers as the text writes them (rule ``MODIFIER_AS_WRITTEN``)."""
from __future__ import annotations

import pytest

from helpers.ledger import topics


def _span(doc, text):
    start = doc.text.index(text)
    return start, start + len(text)


def _modifiers(nlp, sentence, figure):
    doc = nlp(sentence)
    return topics.thing_modifiers(doc, *_span(doc, figure))


@pytest.fixture
def as_written(monkeypatch):
    def switch(value):
        monkeypatch.setattr(topics, "MODIFIER_AS_WRITTEN", value)
    return switch


def test_a_hyphenated_modifier_is_one_word(nlp, as_written):
    sentence = "The army received 24 self-propelled howitzers last week."
    as_written(True)
    assert "self-propelled" in _modifiers(nlp, sentence, "24")
    as_written(False)  # before: the parts, lemmatised, and no "self"
    assert "self-propelled" not in _modifiers(nlp, sentence, "24")


def test_a_participle_keeps_its_written_form(nlp, as_written):
    sentence = "Police detained six suspected smugglers near the port."
    as_written(True)
    mods = _modifiers(nlp, sentence, "six")
    assert "suspected" in mods and "suspect" not in mods
    as_written(False)
    assert "suspect" in _modifiers(nlp, sentence, "six")


def test_a_hyphenated_word_holding_the_figure_is_not_a_modifier(nlp, as_written):
    as_written(True)
    mods = _modifiers(nlp, "The country has a 900-mile land border with its neighbour.", "900")
    assert not any("900" in m or m.startswith("-") for m in mods)


def test_a_noun_modifier_is_still_lemmatised(nlp, as_written):
    as_written(True)
    mods = _modifiers(nlp, "The factory built 40 artillery systems in a year.", "40")
    assert mods == ["artillery"]
