"""Letters of other scripts that Python's case-insensitive regex equates with ASCII ones ("İ" with "i", "ſ" with
"s"): a match holding one is not read as a date (before session 22 its reader raised KeyError and the article lost
all its dates)."""
from datetime import date

import pytest

from helpers.time import expressions as ex

ANCHOR = date(2022, 6, 15)


def _read(text):
    return [(e.text, e.timex) for e in ex.find_time_expressions(text=text, anchor=ANCHOR)]


@pytest.mark.parametrize("text", ["Troops dug in before the w\u0130nter.", "Prices rose over the pa\u017ft week."])
def test_a_match_only_case_folding_makes_is_not_read(text):
    assert _read(text) == []


def test_the_articles_other_dates_are_kept():
    text = "The offensive began on 5 May 2022. Troops dug in before the w\u0130nter, officials said last week."
    assert _read(text) == [("5 May 2022", "2022-05-05"), ("last week", "2022-W23")]


def test_switched_off_the_reader_fails_as_before(monkeypatch):
    monkeypatch.setattr(ex, "SKIP_FOLDED_MATCHES", False)
    with pytest.raises(KeyError):
        _read("Troops dug in before the w\u0130nter.")
    assert _read("Troops dug in before the winter.")[0][0] == "the winter"
