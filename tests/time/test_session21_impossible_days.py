"""Session 21 (lead): a day written without a year that the anchor's year and both neighbours lack ("Feb. 29" seen
from 2022) resolves to the nearest year that has it, by tense; a day no month has ("Feb. 30") gives no date. Both
raised ``ValueError: min() arg is an empty sequence`` and lost the article's dates (found on a synthetic corpus)."""
from __future__ import annotations

from datetime import date

from helpers.time import calendar as cal
from helpers.time.expressions import find_time_expressions


def test_a_leap_day_from_a_year_without_one_nearby():
    assert cal.choose_year(date(2022, 1, 28), cal.PAST, 2, 29) == 2020
    assert cal.choose_year(date(2022, 1, 28), cal.FUTURE, 2, 29) == 2024
    assert cal.choose_year(date(2023, 3, 5), cal.PAST, 2, 29) == 2020
    assert cal.choose_year(date(2023, 3, 5), None, 2, 29) == 2024  # one year ahead is nearer
    assert cal.choose_year(date(2022, 1, 28), cal.PAST, 2, 28) == 2021  # an ordinary day: as before


def test_a_day_no_month_has_gives_no_date(nlp):
    found = find_time_expressions(doc=nlp("The talks ended on Feb. 30 in Geneva."), anchor=date(2022, 1, 28))
    assert all(not (e.timex or "").startswith("2022-02-3") for e in found)
    found = find_time_expressions(doc=nlp("The talks ended on Feb. 29 in Geneva."), anchor=date(2022, 1, 28))
    assert [(e.text, e.timex) for e in found] == [("Feb. 29", "2020-02-29")]
