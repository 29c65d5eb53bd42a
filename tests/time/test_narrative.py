"""Narrative time (issue 12): a story told in its own time resolves its under-specified dates against the
reference time it sets, news against the publication date; the ``reference`` column says which.

Constructed texts only. The publication date is mid-April 2024; the story is set in early 2022.
"""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from helpers.core import schemas
from helpers.time.expressions import find_time_expressions, is_narrative
from helpers.time import calendar as cal
from helpers.time.table import dates_for_doc

D = date.fromisoformat
PUBLISHED = D("2024-04-15")  # a Monday

STORY = ("On Feb. 24, 2022, the first columns crossed the border before dawn. Engineers reached the river "
         "crossing on Feb. 28 and held it for a week.\n\n"
         "On March 7, the bridge to the north was blown up, and the heaviest fighting came between March 13 "
         "and 17. Three days later, the brigade pulled back to the ridge. On Saturday the last trucks left, and "
         "by the end of the month the front had moved east.\n\n"
         "That spring the villages were rebuilt. The harvest of summer 2022 was the worst in memory.")


@pytest.fixture(scope="module")
def story(nlp):
    return {e.text: e for e in find_time_expressions(doc=nlp(STORY), anchor=PUBLISHED)}


@pytest.mark.parametrize("expr,timex,reference", [
    ("Feb. 24, 2022", "2022-02-24", "absolute"),
    ("Feb. 28", "2022-02-28", "narrative"),                       # not 2024-02-28, the publication's year
    ("March 7", "2022-03-07", "narrative"),
    ("March 13 and 17", "2022-03-13/2022-03-17", "narrative"),
    ("Three days later", "2022-03-20", "previous"),               # from the last day of the range before it
    ("Saturday", "2022-03-19", "narrative"),                      # the Saturday nearest the story's last day
    ("the end of the month", "2022-03", "narrative"),
    ("That spring", "2022-SP", "previous"),
    ("summer 2022", "2022-SU", "absolute"),
])
def test_story_sets_its_own_reference_time(story, expr, timex, reference):
    e = story[expr]
    assert (e.timex, e.reference) == (timex, reference)


def test_the_end_of_the_month_covers_its_last_days(story):
    e = story["the end of the month"]
    assert (e.start, e.end) == (D("2022-03-21"), D("2022-03-31"))


def test_news_text_keeps_the_publication_date(nlp):
    # deictic expressions ("on Tuesday", "last week") outnumber the one old date: news
    text = ("Officials said on Tuesday that the bridge, first destroyed on Feb. 24, 2022, was hit again last week. "
            "Repairs are due to finish on May 7, the ministry said.")
    found = {e.text: e for e in find_time_expressions(doc=nlp(text), anchor=PUBLISHED)}
    assert (found["May 7"].timex, found["May 7"].reference) == ("2024-05-07", "publication")
    assert (found["Tuesday"].timex, found["Tuesday"].reference) == ("2024-04-09", "publication")
    assert found["Feb. 24, 2022"].reference == "absolute"


def test_same_words_resolve_by_style(nlp):
    """One sentence, two texts: after a story's own dates "March 7" is the story's; in news the publication's."""
    news = find_time_expressions(doc=nlp("The ministry said on Monday it had reopened the bridge on March 7."),
                                 anchor=PUBLISHED)
    assert [(e.text, e.timex, e.reference) for e in news] == [
        ("Monday", "2024-04-15", "publication"), ("March 7", "2024-03-07", "publication")]
    told = find_time_expressions(doc=nlp("The bridge closed on 2 March 2022 and the dam on 5 March 2022. "
                                         "Engineers reopened the bridge on March 7."), anchor=PUBLISHED)
    assert [(e.text, e.timex, e.reference) for e in told][-1] == ("March 7", "2022-03-07", "narrative")


def test_bare_year_sets_story_time_only_in_its_paragraph(nlp):
    text = ("The siege began on 2 March 2022 and the airport fell on 9 March 2022. In 2014 the city had been "
            "shelled on May 11.\n\nOn May 20, the defenders surrendered.")
    found = {e.text: e for e in find_time_expressions(doc=nlp(text), anchor=PUBLISHED)}
    assert found["May 11"].timex == "2014-05-11"       # "In 2014" sets the year within its paragraph
    assert found["May 20"].timex == "2022-05-20"       # the next paragraph returns to the story's last date


def test_forced_mode_and_explicit_decision():
    text = "The bridge closed on 2 March 2022 and the dam on 5 March 2022. It reopened on March 7."
    news = find_time_expressions(text, anchor=PUBLISHED, narrative=False)
    assert (news[-1].timex, news[-1].reference) == ("2024-03-07", "publication")
    far = [cal.day_span(D("2022-03-02")), cal.day_span(D("2022-03-05"))]
    assert is_narrative(PUBLISHED, far) is True
    assert is_narrative(PUBLISHED, far, deictic=2) is False        # as many pointers to the present: news
    assert is_narrative(PUBLISHED, far[:1]) is False               # one old date is background
    assert is_narrative(PUBLISHED, [cal.day_span(D("2024-03-02"))] * 3) is False  # recent dates: news
    assert is_narrative(None, far[:1]) is True                     # no publication date: the text's own


def test_story_resolves_without_a_publication_date(nlp):
    found = find_time_expressions(doc=nlp("The bridge closed on 2 March 2022. It reopened on March 7."), anchor=None)
    assert [(e.timex, e.reference) for e in found] == [("2022-03-02", "absolute"), ("2022-03-07", "narrative")]


def test_reference_column_in_the_table(nlp):
    rows = pd.DataFrame(dates_for_doc(nlp(STORY), "a1", PUBLISHED, "published"))
    schemas.validate(rows, schemas.DATES)
    assert set(rows["reference"]) == {"absolute", "narrative", "previous"}
    assert (rows.loc[rows["reference"] == "absolute", "relative"] == False).all()  # noqa: E712
    assert rows["anchor_source"].eq("published").all() and rows["anchor"].eq(PUBLISHED).all()


@pytest.mark.parametrize("sentence,expr,timex", [
    # a scheduled date named in a past clause through a noun or adjective: the coming one
    ("The board declared a dividend payable May 7.", "May 7", "2024-05-07"),
    ("He gave no reason for the May 2 deadline.", "May 2", "2024-05-02"),
    ("The town fell on April 20.", "April 20", "2023-04-20"),          # on the past verb itself: the tense holds
    ("The convoy could arrive as early as Tuesday.", "Tuesday", "2024-04-16"),
    ("The truce holds until Friday.", "Friday", "2024-04-19"),
    ("The general visited the front in November last year.", "November last year", "2023-11"),
    ("Profit in the first quarter rose to $5 million from $3 million a year earlier.", "a year earlier", "2023-Q1"),
    ("Sales rose 4% in the latest quarter.", "the latest quarter", "2024-Q1"),
    # no quarter named before: the last one completed by the anchor, a year back (issue 12, round 3)
    ("Earnings fell from the year-ago quarter.", "the year-ago quarter", "2023-Q1"),
    ("He spoke on Sunday (April 14) in the capital.", "Sunday (April 14", "2024-04-14"),
    ("The games opened in nineteen ninety-six.", "nineteen ninety-six", "1996"),     # years in words (transcripts)
    ("January nineteen ninety-seven. The clinic was hit.", "January nineteen ninety-seven", "1997-01"),
    ("The plan runs until the year two thousand and one.", "the year two thousand and one", "2001"),
])
def test_news_patterns(nlp, sentence, expr, timex):
    """Value rules developed on the dev half of TimeBank/AQUAINT (docs/history/dates_events.md)."""
    found = {e.text: e for e in find_time_expressions(doc=nlp(sentence), anchor=PUBLISHED)}
    assert expr in found, sorted(found)
    assert found[expr].timex == timex


@pytest.mark.parametrize("sentence", ["He has twenty twenty vision.", "They counted nineteen twenty people."])
def test_numbers_in_words_are_not_years(nlp, sentence):
    assert find_time_expressions(doc=nlp(sentence), anchor=PUBLISHED) == []


def test_year_on_year_comparisons_refer_to_the_quarter_named(nlp):
    text = ("Net income for the first quarter was $5 million, up from $3 million a year earlier. "
            "Sales rose to $40 million from $35 million a year ago. Costs were flat compared with last year.")
    found = [(e.text, e.timex, e.reference) for e in find_time_expressions(doc=nlp(text), anchor=PUBLISHED)]
    assert found == [("the first quarter", "2024-Q1", "publication"), ("a year earlier", "2023-Q1", "previous"),
                     ("a year ago", "2023-Q1", "previous"), ("last year", "2023-Q1", "previous")]
    # "last year" is the year before the anchor's: not after a future quarter
    found = find_time_expressions(doc=nlp("The merger may close in next year's first quarter. Sales fell last year."),
                                  anchor=PUBLISHED)
    assert [(e.text, e.timex) for e in found] == [("next year's first quarter", "2025-Q1"), ("last year", "2023")]


# ---------------------------------------------------------------- round 2: chronicles, "the end of the year"
CHRONICLE = ("The war began on March 3, 2023, when the first columns crossed the river.\n\n"
             "On May 4, the rebels take the northern bridge.\n\n"
             "On June 12, the army claims to have retaken the port.\n\n"
             "Over the summer, the allies step up their supplies.\n\n"
             "In late August, the rebels launch a new offensive, and in October the front freezes.")
CHRONICLE_PUBLISHED = D("2024-02-20")  # a year after; every explicit date lies within 365 days


def test_a_chronicle_in_the_historical_present_is_narrative(nlp):
    found = {e.text: e for e in find_time_expressions(doc=nlp(CHRONICLE), anchor=CHRONICLE_PUBLISHED)}
    assert [(found[t].timex, found[t].reference) for t in ("May 4", "June 12", "the summer", "late August",
                                                            "October")] == [
        ("2023-05-04", "narrative"), ("2023-06-12", "narrative"), ("2023-SU", "narrative"),
        ("2023-08", "narrative"), ("2023-10", "narrative")]


def test_news_dates_in_order_stay_news(nlp):
    # the same under-specified dates, but near the publication date and in order: no reason to leave the news reading
    text = ("The ceasefire of March 3, 2023 broke down long ago.\n\n"
            "On Feb. 2, the rebels took the northern bridge. On Feb. 9, the army retook the port. "
            "On Feb. 14, the allies stepped up their supplies, and on Feb. 16 the front froze.")
    found = {e.text: e for e in find_time_expressions(doc=nlp(text), anchor=CHRONICLE_PUBLISHED)}
    assert [found[t].timex for t in ("Feb. 2", "Feb. 9", "Feb. 14", "Feb. 16")] == [
        "2024-02-02", "2024-02-09", "2024-02-14", "2024-02-16"]
    assert {found[t].reference for t in ("Feb. 2", "Feb. 9", "Feb. 14", "Feb. 16")} == {"publication"}


def test_the_end_of_the_year_after_a_year_in_the_same_sentence(nlp):
    text = ("In 2022, the number of refugees grew by a fifth, standing at 12 million at the end of the year. "
            "Officials expect more by the end of the year.")
    found = find_time_expressions(doc=nlp(text), anchor=D("2023-06-14"))
    ends = [(e.timex, e.reference) for e in found if e.text == "the end of the year"]
    assert ends == [("2022", "previous"), ("2023", "publication")]  # the second sentence is the reporter's


# ---------------------------------------------------------------- round 3: reporting periods, "last week" on a Sunday
REPORT = ("Profit in the third quarter rose to $5 million. The company forecast a loss for the first quarter of "
          "2025. Sales in the quarter were flat against the year-ago quarter, and the quarter a year ago was weak; "
          "margins matched the year-earlier period.")


def test_periods_named_without_their_number_refer_to_the_reported_quarter(nlp):
    found = [(e.text, e.timex, e.reference) for e in find_time_expressions(doc=nlp(REPORT), anchor=D("2024-10-20"))]
    assert found == [("the third quarter", "2024-Q3", "publication"), ("the first quarter of 2025", "2025-Q1", "absolute"),
                     ("the quarter", "2024-Q3", "previous"), ("the year-ago quarter", "2023-Q3", "previous"),
                     ("the quarter a year ago", "2023-Q3", "previous"), ("the year-earlier period", "2023-Q3", "previous")]


@pytest.mark.parametrize("sentence", ["Shells hit the quarter near the old mosque.",
                                      "Fighting spread to the quarter of the city where the market stood."])
def test_the_quarter_without_a_quarter_named_is_not_a_date(nlp, sentence):
    assert find_time_expressions(doc=nlp(sentence), anchor=PUBLISHED) == []


@pytest.mark.parametrize("sentence,expr,timex", [
    ("Third-quarter profit rose, and the third-quarter results beat forecasts.", "third-quarter", "2024-Q3"),
    ("Sales fell in the fiscal first quarter.", "the fiscal first quarter", "2024-Q1"),
    ("Revenue for fiscal 2023 was flat.", "fiscal 2023", "2023"),
])
def test_span_conventions_of_timeml(nlp, sentence, expr, timex):
    """TimeML extents: "fiscal" belongs to the expression, "the" of "the third-quarter results" to the noun."""
    found = [(e.text, e.timex) for e in find_time_expressions(doc=nlp(sentence), anchor=D("2024-10-20"))]
    assert (expr, timex) in found
    assert not any(text.startswith("the third-quarter") for text, _ in found)


@pytest.mark.parametrize("anchor,timex", [
    ("2024-04-14", "2024-W15"),  # a Sunday: the week ending that day
    ("2024-04-15", "2024-W15"),  # a Monday: the ISO week before
    ("2024-04-13", "2024-W14"),  # a Saturday: the ISO week before, not the one ending the next day
])
def test_last_week_on_a_sunday_is_the_week_just_ended(nlp, anchor, timex):
    found = find_time_expressions(doc=nlp("The strikes resumed last week."), anchor=D(anchor))
    assert [(e.text, e.timex) for e in found] == [("last week", timex)]


# ---------------------------------------------------------------- round 3: TimeML reference values
@pytest.mark.parametrize("sentence,expr,timex", [
    ("The bridge is now closed to traffic.", "now", "PRESENT_REF"),
    ("Talks are currently stalled.", "currently", "PRESENT_REF"),
    ("Such raids were rare in the past.", "the past", "PAST_REF"),
    ("The envoy recently visited the capital.", "recently", "PAST_REF"),
    ("A ceasefire is unlikely in the near future.", "the near future", "FUTURE_REF"),
])
def test_present_past_and_future_references(nlp, sentence, expr, timex):
    rows = find_time_expressions(doc=nlp(sentence), anchor=PUBLISHED)
    assert [(e.text, e.timex, e.precision, e.start, e.end, e.relative, e.reference) for e in rows] == \
        [(expr, timex, "vague", None, None, False, "none")]


@pytest.mark.parametrize("sentence", [
    "NOW members marched in the capital.",                    # an acronym
    "Shelling went on over the past few days.",               # a period, not the past
    "Prices rose sharply over the past decade.",
    "The now-ruined station was rebuilt.",                    # part of a word
    "Voters will decide the future of the coalition.",        # a fate, not a time
])
def test_reference_words_that_are_not_references(nlp, sentence):
    assert [e.timex for e in find_time_expressions(doc=nlp(sentence), anchor=PUBLISHED)
            if e.precision == "vague"] == []


def test_a_reference_word_is_not_a_date_to_refer_back_to(nlp):
    text = "The town fell on March 3, 2024. Now the army holds it. Two days later the bridge was mined."
    found = {e.text: e for e in find_time_expressions(doc=nlp(text), anchor=PUBLISHED)}
    assert found["Now"].timex == "PRESENT_REF"
    assert found["Two days later"].timex == "2024-03-05"
    rows = pd.DataFrame(dates_for_doc(nlp(text), "a1", PUBLISHED, "published"))
    schemas.validate(rows, schemas.DATES)  # precision "vague" and a null start are within the contract


def test_the_latest_period_is_the_quarter_named(nlp):
    text = "Third-quarter profit rose 5%. Net income in the latest period was $3 million."
    found = [(e.text, e.timex) for e in find_time_expressions(doc=nlp(text), anchor=D("2024-10-20"))]
    assert found == [("Third-quarter", "2024-Q3"), ("the latest period", "2024-Q3")]
    assert find_time_expressions(doc=nlp("The latest period of calm ended."), anchor=D("2024-10-20")) == []
