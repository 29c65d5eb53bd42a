"""Issue 13: no date is ever derived from the day of the run.

Dates come from the text, the article's metadata or its file name — never from the clock. Checked two ways:
statically (no module of the date-reading stages calls ``date.today``, ``datetime.now``, ``time.time`` …, and
every ``dateutil`` parse gets an explicit ``default`` so that missing parts are not filled from today), and
on behaviour (an HTML page dated after the day of the run keeps its date; partial dates stay unknown).
"""
from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from helpers.parse.readers import parse_date, read_html
from helpers.time.expressions import find_time_expressions

SRC = Path(__file__).resolve().parents[2] / "src" / "helpers"
# the stages that read dates: article metadata and file names (parse), time expressions (time)
CHECKED = [p for stage in ("parse", "time") for p in sorted((SRC / stage).rglob("*.py"))]
CLOCK_CALLS = {"today", "now", "utcnow", "time", "time_ns", "localtime", "gmtime", "monotonic"}


def _clock_calls(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            if name in CLOCK_CALLS:
                found.append(f"line {node.lineno}: {ast.unparse(f)}()")
        if isinstance(node, ast.ImportFrom) and node.module in ("time", "datetime"):
            found += [f"line {node.lineno}: from {node.module} import {a.name}" for a in node.names if a.name in CLOCK_CALLS]
    return found


def _parses_without_default(tree: ast.AST) -> list[str]:
    """Calls of dateutil's ``parse`` without ``default=``: a missing year/month/day would come from today."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "parse" \
                and isinstance(node.func.value, ast.Name) and "date" in node.func.value.id.lower() \
                and not any(k.arg == "default" for k in node.keywords):
            found.append(f"line {node.lineno}: {ast.unparse(node.func)}(…) without default=")
    return found


def test_the_checked_modules_exist():
    names = {p.name for p in CHECKED}
    assert {"readers.py", "expressions.py", "calendar.py", "table.py"} <= names


@pytest.mark.parametrize("path", CHECKED, ids=[str(p.relative_to(SRC)) for p in CHECKED])
def test_no_clock_in_date_reading_code(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert _clock_calls(tree) == [] and _parses_without_default(tree) == []


def test_the_static_checks_catch_clock_calls():
    bad = ast.parse("import datetime as dt\nfrom time import time\n"
                    "a = dt.date.today()\nb = dt.datetime.now()\nc = dateparser.parse('7 March')\n")
    assert len(_clock_calls(bad)) == 3 and len(_parses_without_default(bad)) == 1


def test_html_page_dated_after_the_day_of_the_run_keeps_its_date():
    # htmldate rejects dates after "today" unless given a fixed bound; 2031 lies after any run of this test suite
    page = ("<html><head><title>Talks resume</title>"
            '<meta property="article:published_time" content="2031-05-04T08:00:00Z"></head><body><article>'
            "<h1>Talks resume</h1><p>Negotiators met again in the capital on Tuesday to discuss a ceasefire, "
            "officials said after the meeting ended late in the evening.</p><p>The delegations agreed to continue "
            "the discussions next week, according to a statement released by the ministry.</p></article></body></html>")
    assert read_html(page)[0]["published"] == date(2031, 5, 4)


@pytest.mark.parametrize("value", ["7 March", "March", "Wednesday", "12:30", "2024-10"])
def test_partial_metadata_dates_are_not_completed_from_today(value):
    assert parse_date(value) is None


def test_relative_expressions_without_anchor_or_story_stay_unresolved():
    found = find_time_expressions("Officials met on Wednesday and again last week.", anchor=None)
    assert [e.text for e in found] == ["Wednesday", "last week"]
    assert all(e.start is None and e.timex is None and e.reference == "none" for e in found)
