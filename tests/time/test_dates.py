"""Time expressions: seed expectations, one constructed sentence per pattern, tense, no-anchor, contract."""
from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from dates_events_seeds import SEED_000, SEED_002, seed_stage
from helpers.core import schemas
from helpers.time.expressions import find_time_expressions
from helpers.time.table import article_anchors, build_dates_table
from helpers.time.tense import span_tense

D = date.fromisoformat
ANCHOR = D("2024-10-24")  # a Thursday, seed 002's publication date
ANAPHORIC_RULES = {"same_day", "offset", "adjacent_unit", "day_around"}


@pytest.fixture(scope="module")
def seed():
    return seed_stage()


@pytest.fixture(scope="module")
def seed_dates(seed):
    aid = seed.article_id(SEED_002)
    return seed.dates[seed.dates["article_id"] == aid]


SEED_EXPECTED = [
    # (expression as written, start, end, timex)
    ("this month", "2024-10-01", "2024-10-31", "2024-10"),
    ("Wednesday", "2024-10-23", "2024-10-23", "2024-10-23"),
    ("October 18", "2024-10-18", "2024-10-18", "2024-10-18"),
    ("Tuesday", "2024-10-22", "2024-10-22", "2024-10-22"),
    ("November 1", "2024-11-01", "2024-11-01", "2024-11-01"),
    ("October 8 and 13", "2024-10-08", "2024-10-13", "2024-10-08/2024-10-13"),
    ("Monday", "2024-10-21", "2024-10-21", "2024-10-21"),
    ("Last week", "2024-10-14", "2024-10-20", "2024-W42"),
    ("Sunday", "2024-10-20", "2024-10-20", "2024-10-20"),
    ("Friday night", "2024-10-18", "2024-10-18", "2024-10-18"),
    ("October 9 and 10", "2024-10-09", "2024-10-10", "2024-10-09/2024-10-10"),
    ("February", "2024-02-01", "2024-02-29", "2024-02"),
    ("late July to early October 2024", "2024-07-21", "2024-10-10", "2024-07/2024-10"),
    ("mid-October", "2024-10-11", "2024-10-20", "2024-10"),
    ("the first half of the year", "2024-01-01", "2024-06-30", "2024-H1"),
]


@pytest.mark.parametrize("text,start,end,timex", SEED_EXPECTED, ids=[e[0] for e in SEED_EXPECTED])
def test_seed_002_expressions(seed_dates, text, start, end, timex):
    rows = seed_dates[seed_dates["text"] == text]
    assert len(rows), f"{text!r} not found; found {sorted(seed_dates['text'])}"
    for _, r in rows.iterrows():  # "Wednesday" and "Tuesday" occur twice: both must resolve the same
        assert (r["start"], r["end"], r["timex"]) == (D(start), D(end), timex)
        assert r["anchor"] == ANCHOR and r["anchor_source"] == "published"


def test_seed_002_expressions_referring_back(seed_dates):
    """"A week earlier" follows "on Tuesday" (22 Oct); "On the same day" follows "on Sunday" (20 Oct)."""
    by_text = seed_dates.drop_duplicates("text").set_index("text")
    assert by_text.loc["A week earlier", "start"] == D("2024-10-15")
    assert by_text.loc["the same day", "start"] == D("2024-10-20")


def test_seed_002_relative_flags_and_precision(seed_dates):
    by_text = seed_dates.drop_duplicates("text").set_index("text")
    assert by_text.loc["late July to early October 2024", "relative"] == False  # noqa: E712  (numpy bool)
    assert by_text.loc["Last week", "relative"] == True  # noqa: E712
    assert by_text.loc["Last week", "precision"] == "week"
    assert by_text.loc["this month", "precision"] == "month"
    assert by_text.loc["Friday night", "precision"] == "day"


def test_seed_provenance_and_contract(seed):
    schemas.validate(seed.dates, "dates")
    texts = seed.articles.set_index("article_id")["text"]
    sents = seed.sentences.set_index(["article_id", "sentence_id"])
    for _, r in seed.dates.iterrows():
        assert texts[r["article_id"]][r["start_char"]:r["end_char"]] == r["text"]
        s = sents.loc[(r["article_id"], r["sentence_id"])]
        assert s["start_char"] <= r["start_char"] and r["end_char"] <= s["end_char"]


def test_seed_without_date_stays_unresolved(seed):
    """Seed 000 has no stated date: relative expressions keep start/end/timex null, never guessed."""
    rows = seed.dates[seed.dates["article_id"] == seed.article_id(SEED_000)]
    assert len(rows) >= 5
    assert set(rows["anchor_source"]) == {"none"}
    rel = rows[rows["relative"]]
    assert len(rel) >= 5
    assert rel["start"].isna().all() and rel["end"].isna().all() and rel["timex"].isna().all()
    assert {"Wednesday", "October 18", "this month"} <= set(rel["text"])


CASES = [
    # sentence, expression, start, end, precision, timex
    ("The minister said on Wednesday that talks had failed.", "Wednesday", "2024-10-23", "2024-10-23", "day", "2024-10-23"),
    ("The delegation will arrive on Monday.", "Monday", "2024-10-28", "2024-10-28", "day", "2024-10-28"),
    ("The governor is expected to visit the region on Tuesday.", "Tuesday", "2024-10-29", "2024-10-29", "day", "2024-10-29"),
    ("Officials said on Thursday that the bridge was closed.", "Thursday", "2024-10-24", "2024-10-24", "day", "2024-10-24"),
    ("The talks collapsed last Thursday.", "last Thursday", "2024-10-17", "2024-10-17", "day", "2024-10-17"),
    ("Troops will move next Friday.", "next Friday", "2024-10-25", "2024-10-25", "day", "2024-10-25"),  # the first after the anchor
    ("Shelling continued on Saturday morning.", "Saturday morning", "2024-10-19", "2024-10-19", "day", "2024-10-19"),
    ("The strikes resumed last week.", "last week", "2024-10-14", "2024-10-20", "week", "2024-W42"),
    ("A summit is planned for next week.", "next week", "2024-10-28", "2024-11-03", "week", "2024-W44"),
    ("Prices rose this week.", "this week", "2024-10-21", "2024-10-27", "week", "2024-W43"),
    ("Exports fell last month.", "last month", "2024-09-01", "2024-09-30", "month", "2024-09"),
    ("Elections are due next year.", "next year", "2025-01-01", "2025-12-31", "year", "2025"),
    ("The offensive stalled earlier this month.", "earlier this month", "2024-10-01", "2024-10-24", "month", "2024-10"),
    ("The dam was destroyed on 6 June 2023.", "6 June 2023", "2023-06-06", "2023-06-06", "day", "2023-06-06"),
    ("The report was published on March 3, 2022.", "March 3, 2022", "2022-03-03", "2022-03-03", "day", "2022-03-03"),
    ("The order was signed on 2022-02-24.", "2022-02-24", "2022-02-24", "2022-02-24", "day", "2022-02-24"),
    ("The convoy left on Oct. 5.", "Oct. 5", "2024-10-05", "2024-10-05", "day", "2024-10-05"),
    ("The town fell on December 12.", "December 12", "2023-12-12", "2023-12-12", "day", "2023-12-12"),
    ("The vote will be held on January 15.", "January 15", "2025-01-15", "2025-01-15", "day", "2025-01-15"),
    ("The ministry extended the deadline to November 20.", "November 20", "2024-11-20", "2024-11-20", "day", "2024-11-20"),
    ("The city was captured in February.", "February", "2024-02-01", "2024-02-29", "month", "2024-02"),
    ("The jets will be delivered in February.", "February", "2025-02-01", "2025-02-28", "month", "2025-02"),
    ("The offensive began last October.", "last October", "2023-10-01", "2023-10-31", "month", "2023-10"),
    ("Elections are planned for next March.", "next March", "2025-03-01", "2025-03-31", "month", "2025-03"),
    ("Fighting intensified in mid-March 2023.", "mid-March 2023", "2023-03-11", "2023-03-20", "month", "2023-03"),
    ("The plan was drafted in early June.", "early June", "2024-06-01", "2024-06-10", "month", "2024-06"),
    ("The bridge was hit in late 2022.", "late 2022", "2022-09-01", "2022-12-31", "year", "2022"),
    ("The port was blockaded between March 3 and 9, 2022.", "March 3 and 9, 2022", "2022-03-03", "2022-03-09", "day", "2022-03-03/2022-03-09"),
    ("Talks were held from 3 to 5 March 2023.", "3 to 5 March 2023", "2023-03-03", "2023-03-05", "day", "2023-03-03/2023-03-05"),
    ("Grain exports halted from June to August 2023.", "June to August 2023", "2023-06-01", "2023-08-31", "month", "2023-06/2023-08"),
    ("The counteroffensive began in the summer of 2023.", "the summer of 2023", "2023-06-01", "2023-08-31", "season", "2023-SU"),
    ("Power cuts were frequent last winter.", "last winter", "2023-12-01", "2024-02-29", "season", "2023-WI"),
    ("Output dropped in the second half of 2023.", "the second half of 2023", "2023-07-01", "2023-12-31", "season", "2023-H2"),
    ("The army recruited 50,000 men in the first half of the year.", "the first half of the year", "2024-01-01", "2024-06-30", "season", "2024-H1"),
    ("Revenue fell in the third quarter.", "the third quarter", "2024-07-01", "2024-09-30", "season", "2024-Q3"),
    ("The war began in 2022.", "2022", "2022-01-01", "2022-12-31", "year", "2022"),
    ("The base was built in the 1990s.", "the 1990s", "1990-01-01", "1999-12-31", "year", "199"),
    ("A drone hit the depot yesterday.", "yesterday", "2024-10-23", "2024-10-23", "day", "2024-10-23"),
    ("The minister arrives today.", "today", "2024-10-24", "2024-10-24", "day", "2024-10-24"),
    ("Sirens sounded last night.", "last night", "2024-10-23", "2024-10-23", "day", "2024-10-23"),
    ("The village was shelled three days ago.", "three days ago", "2024-10-21", "2024-10-21", "day", "2024-10-21"),
    ("Ukraine reported 40 attacks over the past week.", "the past week", "2024-10-17", "2024-10-24", "week", "P1W"),
    ("He spoke on Wednesday, October 23.", "Wednesday, October 23", "2024-10-23", "2024-10-23", "day", "2024-10-23"),
    ("Parliament met over the weekend.", "the weekend", "2024-10-19", "2024-10-20", "week", "2024-W42-WE"),
]


@pytest.mark.parametrize("sentence,expr,start,end,precision,timex", CASES, ids=[c[1] + "|" + c[0][:25] for c in CASES])
def test_constructed_patterns(nlp, sentence, expr, start, end, precision, timex):
    found = find_time_expressions(doc=nlp(sentence), anchor=ANCHOR)
    match = [e for e in found if e.text == expr]
    assert match, f"{expr!r} not found in {[e.text for e in found]}"
    e = match[0]
    assert (e.start, e.end, e.precision, e.timex) == (D(start), D(end), precision, timex)
    assert sentence[e.start_char:e.end_char] == expr


@pytest.mark.parametrize("sentence", [
    "Russia may attack again, officials warned.",           # modal "may"
    "The fall of the city shocked the government.",         # "fall" as a noun, not the season
    "Soldiers asked for winter clothing.",                  # season as a modifier
    "At least 10,000 troops and 2,300 tanks were sent.",    # numbers that look like days or years
    "The contract is worth $2024 million.",                 # money, not a year
    "Troops were seen a few years ago near the border.",    # vague count: no calendar value
    "It was the last day of the talks.",                    # the final day, not the past 24 hours
])
def test_not_time_expressions(nlp, sentence):
    assert find_time_expressions(doc=nlp(sentence), anchor=ANCHOR) == []


@pytest.mark.parametrize("text,expr,start", [
    ("The dam burst on 6 June 2023. Two days later, the water reached the city.", "Two days later", "2023-06-08"),
    ("Drones struck on Sunday. On the same day, a depot burned.", "the same day", "2024-10-20"),
    ("The port was hit on 3 March 2022. The following month, exports stopped.", "The following month", "2022-04-01"),
    ("Talks ended on Friday. The day before, shelling had stopped.", "The day before", "2024-10-17"),
])
def test_expressions_referring_to_the_previous_date(nlp, text, expr, start):
    found = {e.text: e for e in find_time_expressions(doc=nlp(text), anchor=ANCHOR)}
    assert found[expr].start == D(start) and found[expr].relative


def test_reference_back_with_nothing_before_stays_unresolved(nlp):
    found = find_time_expressions(doc=nlp("Two days later, the water reached the city."), anchor=ANCHOR)
    assert [(e.text, e.start, e.timex, e.precision) for e in found] == [("Two days later", None, None, "day")]
    # an absolute date is a reference even without an anchor
    found = find_time_expressions(doc=nlp("It began on 6 June 2023. A week later it ended."), anchor=None)
    assert found[1].start == D("2023-06-13")


def test_ambiguous_month_with_context_is_kept(nlp):
    found = find_time_expressions(doc=nlp("The plant was shut in May."), anchor=ANCHOR)
    assert [(e.text, e.timex) for e in found] == [("May", "2024-05")]


def test_weekday_with_date_picks_matching_year(nlp):
    # anchored in January 2025, "Wednesday, October 23" is 2024 (a Wednesday), not 2025 (a Thursday)
    found = find_time_expressions(doc=nlp("He spoke on Wednesday, October 23."), anchor=D("2025-01-10"))
    assert found[0].start == D("2024-10-23")


def test_without_anchor_relative_is_null_absolute_is_resolved(nlp):
    doc = nlp("The minister said on Wednesday that the bridge, opened on 18 October 2023, was closed last week.")
    found = {e.text: e for e in find_time_expressions(doc=doc, anchor=None)}
    wed = found["Wednesday"]
    assert (wed.start, wed.end, wed.timex, wed.relative, wed.precision) == (None, None, None, True, "day")
    assert found["last week"].timex is None and found["last week"].precision == "week"
    exact = found["18 October 2023"]
    assert (exact.start, exact.timex, exact.relative) == (D("2023-10-18"), "2023-10-18", False)


def test_tense_from_parse(nlp):
    doc = nlp("He said they will be ready on Friday. The troops arrived on Friday.")
    first, second = [m.start() for m in re.finditer("Friday", doc.text)]
    assert span_tense(doc, first, first + 6) == "future"
    assert span_tense(doc, second, second + 6) == "past"


def test_bad_anchor_and_missing_text():
    with pytest.raises(TypeError, match="anchor"):
        find_time_expressions("on Monday", anchor="2024-10-24")
    with pytest.raises(ValueError, match="text or doc"):
        find_time_expressions()


def test_article_anchors_prefer_published_then_inferred():
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "published": [D("2024-10-24"), None, None]})
    meta = pd.DataFrame({"article_id": ["a", "b"], "published_inferred": [D("2020-01-01"), D("2024-10-25")]})
    assert article_anchors(articles, meta) == {
        "a": (D("2024-10-24"), "published"), "b": (D("2024-10-25"), "inferred"), "c": (None, "none")}
    assert article_anchors(articles)["b"] == (None, "none")


def test_failing_article_does_not_lose_others(nlp):
    good = nlp("The town fell on Monday.")
    good.user_data["article_id"] = "good"
    bad = nlp("No id here on Monday.")  # no article_id: an error for this doc only
    df, errors = build_dates_table([bad, good], {"good": (ANCHOR, "published")})
    assert list(df["text"]) == ["Monday"] and df["start"].iloc[0] == D("2024-10-21")
    assert len(errors) == 1 and "article_id" in errors[0][1]
    schemas.validate(df, "dates")


@pytest.mark.corpus
def test_corpus_properties(shared_dir, nlp):
    """On real articles: offsets exact, start <= end, dates resolved from the publication near it (weekdays
    within a week); narrative and referring-back rows may lie anywhere."""
    files = sorted((shared_dir / "corpora" / "ukraine-war-news").glob("*.txt"))[::12]
    assert len(files) >= 25
    total = 0
    for f in files:
        anchor = D(f"{f.name[:4]}-{f.name[4:6]}-{f.name[6:8]}")
        text = f.read_text(encoding="utf-8", errors="replace")
        for e in find_time_expressions(doc=nlp(text), anchor=anchor):
            total += 1
            assert text[e.start_char:e.end_char] == e.text
            if e.start is None:  # an expression referring back with nothing to refer to, or "now", "recently"
                assert e.rule in ANAPHORIC_RULES or e.precision == "vague" and e.timex.endswith("_REF"), (f.name, e)
                continue
            assert e.start <= e.end, e
            assert e.relative == (e.reference != "absolute"), e
            if e.reference == "publication" and e.precision in ("day", "week"):  # not the story's own time
                assert abs((e.start - anchor).days) <= 400, (f.name, e)
            if e.reference == "publication" and re.fullmatch(r"(?:on )?[A-Z][a-z]+day", e.text):
                assert abs((e.start - anchor).days) <= 7, (f.name, e)
    assert total >= 3 * len(files)
