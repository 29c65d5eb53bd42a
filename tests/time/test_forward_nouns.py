"""A noun an adjective puts ahead ("the upcoming summit in November") makes its date future (session 12)."""
from __future__ import annotations

import datetime as dt

import pytest

from helpers.time import tense
from helpers.time.expressions import find_time_expressions


def _tense(nlp, text, word):
    doc = nlp(text)
    i = doc.text.index(word)
    return tense.span_tense(doc, i, i + len(word))


@pytest.mark.parametrize("text, word, expected", [
    ("Indonesia invited him to the upcoming summit of leaders in November.", "November", "future"),
    ("The envoy criticised the forthcoming vote in March.", "March", "future"),
    ("Ministers met at the summit in November.", "November", "past"),
    ("The planned offensive began in March.", "March", "past"),  # the subject, not the phrase before the date
])
def test_forward_adjective_on_the_way_to_the_verb_or_just_before(nlp, text, word, expected):
    assert _tense(nlp, text, word) == expected


def test_the_month_resolves_ahead_of_the_publication_date(nlp):
    doc = nlp("Indonesia invited him to the upcoming summit of leaders in November.")
    rows = find_time_expressions(doc=doc, anchor=dt.date(2022, 4, 30))
    november = next(r for r in rows if r.text == "November")
    assert november.start == dt.date(2022, 11, 1)


def test_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(tense, "FORWARD_NOUNS", False)
    assert _tense(nlp, "Indonesia invited him to the upcoming summit of leaders in November.", "November") == "past"
