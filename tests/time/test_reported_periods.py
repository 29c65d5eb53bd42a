"""Issue 12, round 15: reporting periods named by their last day ("the quarter ended July 31"), "for the year",
a year-on-year expression that opens its sentence ("Last year, …"), and the week of a named day ("Christmas week").

Constructed sentences only (never the benchmarks' own).
"""
from __future__ import annotations

from datetime import date

import pytest

from helpers.time import expressions
from helpers.time.expressions import find_time_expressions

D = date.fromisoformat
PUBLISHED = D("2024-10-23")  # a Wednesday, three weeks after the third quarter ended


def found(nlp, text, anchor=PUBLISHED):
    return [(e.text, e.timex, e.reference) for e in find_time_expressions(doc=nlp(text), anchor=anchor)]


# ---------------------------------------------------------------- a period named by its last day
@pytest.mark.parametrize("end, quarter", [("Sept. 30", "2024-Q3"), ("July 31", "2024-Q2"), ("Aug. 31", "2024-Q3"),
                                          ("Oct. 2", "2024-Q3"), ("March 31", "2024-Q1")])
def test_the_quarter_ended_a_day_is_the_calendar_quarter_of_most_of_its_months(nlp, end, quarter):
    # "ended July 31": May to July, two of its months in the second quarter
    text = f"The retailer lost $3 million in the quarter ended {end}."
    assert found(nlp, text)[0] == ("the quarter", quarter, "publication")


def test_the_quarter_ended_a_day_with_its_year(nlp):
    text = "The miner earned $8 million for the quarter ended June 30, 2023."
    assert found(nlp, text)[0] == ("the quarter", "2023-Q2", "absolute")


def test_the_quarter_ending_a_day_to_come(nlp):
    text = "The chain expects a loss for the quarter ending Dec. 31."
    assert found(nlp, text)[0] == ("the quarter", "2024-Q4", "publication")


def test_the_fiscal_year_ended_a_day_is_the_year_of_that_day(nlp):
    assert found(nlp, "For the fiscal year ended Jan. 31, sales were $59 million.")[0] == (
        "the fiscal year", "2024", "publication")
    assert found(nlp, "Profit in the year ending June 30, 2025, will fall.")[0] == ("the year", "2025", "absolute")


def test_the_quarter_ended_after_a_named_fiscal_quarter_is_that_quarter(nlp):
    # a fiscal first quarter that ended on Sept. 30 stays the quarter the text named
    text = ("The software maker reported a loss for its fiscal first quarter. "
            "Sales rose to $9 million in the quarter ended Sept. 30.")
    assert found(nlp, text)[1] == ("the quarter", "2024-Q1", "previous")


@pytest.mark.parametrize("text", ["The old quarter ended at the river.", "The quarter ended in a draw.",
                                  "The year ended badly for the team."])
def test_a_quarter_or_year_that_ends_with_no_day_is_not_a_row(nlp, text):
    assert found(nlp, text) == []


def test_a_year_on_year_comparison_after_a_quarter_ended_a_day(nlp):
    text = "Sales rose to $9 million in the quarter ended July 31 from $7 million a year earlier."
    assert [row[:2] for row in found(nlp, text)] == [("the quarter", "2024-Q2"), ("July 31", "2024-07-31"),
                                                     ("a year earlier", "2023-Q2")]


# ---------------------------------------------------------------- "for the year"
def test_for_the_year_is_the_year_of_the_period_reported(nlp):
    text = "Fourth-quarter profit fell 8%. For the year, cereal volume was flat."
    assert found(nlp, text)[-1] == ("the year", "2024", "previous")
    # published in January about the fourth quarter: the year reported is the one before
    assert found(nlp, text, D("2025-01-20"))[-1] == ("the year", "2024", "previous")


def test_for_the_year_after_a_date_in_the_same_sentence_is_that_year(nlp):
    text = "By the end of 2022, the agency had received half the funding needed for the year."
    assert found(nlp, text) == [("the end of 2022", "2022", "absolute"), ("the year", "2022", "previous")]


def test_for_the_year_alone_is_the_anchors_year(nlp):
    assert found(nlp, "Exports for the year rose 4%.") == [("the year", "2024", "publication")]


@pytest.mark.parametrize("text", ["Plans for the year ahead were set.", "He was named player of the year.",
                                  "The prize for the year's best film went to a drama.",
                                  "Targets for the year before were missed.", "She was jailed for a year.",
                                  "They stayed through the year."])
def test_the_year_that_is_not_the_year_reported(nlp, text):
    assert [row for row in found(nlp, text) if row[0] == "the year"] == []


# ---------------------------------------------------------------- a comparison that opens its sentence
@pytest.mark.parametrize("opening", ["Last year", "A year ago"])
@pytest.mark.parametrize("before", [" ", "\n\n", ' "'])
def test_a_comparison_opening_its_sentence_is_the_year(nlp, opening, before):
    text = f"Third-quarter profit rose to $5 million.{before}{opening}, the bank earned $4 million."
    assert found(nlp, text)[-1] == (opening, "2023", "publication")


@pytest.mark.parametrize("text, expected", [
    ("Third-quarter profit rose to $5 million from $4 million a year ago.", ("a year ago", "2023-Q3", "previous")),
    ("Third-quarter profit rose to $5 million from $4 million last year.", ("last year", "2023-Q3", "previous")),
    ("Third-quarter profit rose to $5 million. A year earlier, the bank earned $4 million.",
     ("A year earlier", "2023-Q3", "previous")),
    ("Third-quarter profit rose to $5 million. Last year's results included a charge.",
     ("Last year", "2023-Q3", "previous")),
    ("Third-quarter profit rose to $5 million. Year-ago profit was $4 million.", ("Year-ago", "2023-Q3", "previous")),
])
def test_comparisons_that_keep_the_quarter(nlp, text, expected):
    assert found(nlp, text)[-1] == expected


def test_the_opening_rule_has_a_switch(nlp, monkeypatch):
    text = "Third-quarter profit rose to $5 million. Last year, the bank earned $4 million."
    monkeypatch.setattr(expressions, "COMPARISON_FRAMES_SENTENCE", False)
    assert found(nlp, text)[-1] == ("Last year", "2023-Q3", "previous")


# ---------------------------------------------------------------- the week of a named day
def test_the_week_of_a_named_day_is_its_iso_week(nlp):
    # Easter 2024 is March 31, a Sunday: the week of March 25-31
    assert found(nlp, "Pilgrims arrived as Easter week began.", D("2024-03-25")) == [
        ("Easter week", "2024-W13", "publication")]
    assert found(nlp, "Shops will open longer in Christmas week.") == [("Christmas week", "2024-W52", "publication")]
    assert found(nlp, "Sales slumped in Christmas week.", D("2025-01-10")) == [
        ("Christmas week", "2024-W52", "publication")]
    assert found(nlp, "They met during Thanksgiving week 2021.") == [("Thanksgiving week 2021", "2021-W47", "absolute")]


@pytest.mark.parametrize("text", ["The Easter Week rising failed.", "Easter eggs were sold out."])
def test_a_named_day_before_a_name_or_modifier_is_not_a_week(nlp, text):
    assert [row for row in found(nlp, text) if "week" in row[0].lower()] == []
