"""A list of months that ends in a year gives that year to every month in it (constructed sentences)."""
from __future__ import annotations

from datetime import date

import pytest

import helpers.time.expressions as ex
from helpers.time.expressions import find_time_expressions

ANCHOR = date(2022, 6, 1)


def _found(text):
    return [(e.text, e.timex) for e in find_time_expressions(text, anchor=ANCHOR)]


@pytest.mark.parametrize("text, expected", [
    ("Gas attacks in November and December 2016 killed dozens.",
     [("November", "2016-11"), ("December 2016", "2016-12")]),
    ("Talks were held in May, June, and July 2021 in Vienna.",
     [("May", "2021-05"), ("June", "2021-06"), ("July 2021", "2021-07")]),
    ("Talks in October, November or December 2015 failed.",
     [("October", "2015-10"), ("November", "2015-11"), ("December 2015", "2015-12")]),
])
def test_listed_months_share_the_year_written_last(text, expected):
    assert _found(text) == expected


def test_a_new_clause_after_a_comma_and_is_no_list():
    # "October, and November 2019 was worse": the year belongs to the second clause only
    found = dict(_found("Exports fell in October, and November 2019 was worse."))
    assert found["November 2019"] == "2019-11" and found["October"] != "2019-10"


def test_without_the_rule_the_first_month_takes_the_anchors_year(monkeypatch):
    monkeypatch.setattr(ex, "SHARED_YEAR", False)
    assert dict(_found("Gas attacks in November and December 2016 killed dozens."))["November"] != "2016-11"


def test_a_year_after_since_does_not_set_the_storys_time(monkeypatch):
    text = ("The separatist regions have escaped the government's control since 2014. Moscow recognised them in "
            "February.")
    # narrative reading forced: the story's time is what the text set, and "since 2014" sets none
    found = {e.text: e.timex for e in find_time_expressions(text, anchor=ANCHOR, narrative=True)}
    assert found["February"] == "2022-02"
    monkeypatch.setattr(ex, "SINCE_YEAR_IS_BACKGROUND", False)
    found = {e.text: e.timex for e in find_time_expressions(text, anchor=ANCHOR, narrative=True)}
    assert found["February"] == "2014-02"


def test_a_year_after_in_still_sets_the_storys_time():
    text = "The offensive began in 2014. In February the town fell."
    found = {e.text: e.timex for e in find_time_expressions(text, anchor=ANCHOR, narrative=True)}
    assert found["February"] == "2014-02"
