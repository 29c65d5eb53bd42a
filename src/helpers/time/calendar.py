"""Calendar arithmetic for time expressions: spans, ISO weeks, seasons, and tense-aware choices.

Pure functions of dates (no text, no spaCy), used by :mod:`helpers.time.expressions`.
A resolved expression is a :class:`CalendarSpan`: first and last day covered,
a precision (day | week | month | season | year) and an ISO-TimeML value.

Tense decides which occurrence of an under-specified date is meant:
``"past"`` takes the latest occurrence on or before the anchor, ``"future"``
the earliest on or after it, and ``None`` (present tense or no verb) the
nearest one, ties going to the past (news mostly reports what happened); a
weekday with no clear tense is taken as past.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

PAST, FUTURE = "past", "future"
# A day written without its year that takes its tense through a noun or adjective ("declared a dividend
# payable Dec. 7", "gave no reason for the Jan. 14 deadline") and would lie more than TENSE_REACH_DAYS before
# (after) the anchor, while the same date falls within SCHEDULE_DAYS of it, is that nearer one: a scheduled
# date named in a past clause (see scheduled_year). A day attached to the verb itself ("fell on Dec. 12")
# keeps the tense's choice.
TENSE_REACH_DAYS = 183
SCHEDULE_DAYS = 62

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass(frozen=True)
class CalendarSpan:
    start: date
    end: date
    precision: str
    timex: str


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def day_span(d: date, timex_suffix: str = "") -> CalendarSpan:
    return CalendarSpan(d, d, "day", d.isoformat() + timex_suffix)


def month_span(year: int, month: int, days: tuple[int, int] | None = None) -> CalendarSpan:
    """A month, or part of it (``days`` = first and last day, clipped to the month)."""
    n = last_day(year, month)
    lo, hi = days or (1, n)
    return CalendarSpan(date(year, month, min(lo, n)), date(year, month, min(hi, n)), "month", f"{year:04d}-{month:02d}")


def year_span(year: int, months: tuple[int, int] | None = None) -> CalendarSpan:
    lo, hi = months or (1, 12)
    return CalendarSpan(date(year, lo, 1), date(year, hi, last_day(year, hi)), "year", f"{year:04d}")


def week_span(d: date, weekend: bool = False) -> CalendarSpan:
    """The ISO week containing ``d`` (Monday to Sunday), or its weekend."""
    iso_year, iso_week, weekday = d.isocalendar()
    monday = d - timedelta(days=weekday - 1)
    if weekend:
        return CalendarSpan(monday + timedelta(days=5), monday + timedelta(days=6), "week", f"{iso_year:04d}-W{iso_week:02d}-WE")
    return CalendarSpan(monday, monday + timedelta(days=6), "week", f"{iso_year:04d}-W{iso_week:02d}")


def season_span(year: int, code: str) -> CalendarSpan:
    """Meteorological (northern) seasons; winter YEAR runs from December YEAR to February YEAR+1."""
    lo, hi = SEASON_MONTHS[code]
    end_year = year + 1 if hi < lo else year
    return CalendarSpan(date(year, lo, 1), date(end_year, hi, last_day(end_year, hi)), "season", f"{year:04d}-{code}")


def part_of_year_span(year: int, unit: str, n: int) -> CalendarSpan:
    """Half (``unit="H"``, n 1–2) or quarter (``"Q"``, n 1–4); n = -1 is the last one."""
    size = 6 if unit == "H" else 3
    count = 12 // size
    n = count if n == -1 else n
    if not 1 <= n <= count:
        raise ValueError(f"no {unit}{n} in a year")
    lo = (n - 1) * size + 1
    hi = lo + size - 1
    return CalendarSpan(date(year, lo, 1), date(year, hi, last_day(year, hi)), "season", f"{year:04d}-{unit}{n}")


def decade_span(first_year: int) -> CalendarSpan:
    return CalendarSpan(date(first_year, 1, 1), date(first_year + 9, 12, 31), "year", f"{first_year // 10:03d}")


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def easter(year: int, orthodox: bool = False) -> date:
    """Easter Sunday of ``year``: the Gregorian computus, or (``orthodox``) the Julian one, given as a Gregorian
    date (13 days later from 1900 to 2099)."""
    if orthodox:
        a, b, c = year % 4, year % 7, year % 19
        d = (19 * c + 15) % 30
        e = (2 * a + 4 * b - d + 34) % 7
        month, day = divmod(d + e + 114, 31)
        return date(year, month, day + 1) + timedelta(days=13)
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def holiday(year: int, rule: dict) -> date:
    """The day of a named holiday in ``year`` from its rule in the lexicon: fixed (``month``, ``day``), the
    ``nth`` ``weekday`` of ``month`` (-1 = the last), the first ``weekday`` after day ``after`` of ``month``,
    or ``easter`` (offset in days; ``orthodox``)."""
    if "easter" in rule:
        return easter(year, rule.get("orthodox", False)) + timedelta(days=rule["easter"])
    month = rule["month"]
    if "day" in rule:
        return date(year, month, rule["day"])
    if "after" in rule:
        first = date(year, month, rule["after"]) + timedelta(days=1)
        return first + timedelta(days=(rule["weekday"] - first.weekday()) % 7)
    nth = rule["nth"]
    if nth < 0:
        last = date(year, month, last_day(year, month))
        return last - timedelta(days=(last.weekday() - rule["weekday"]) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(rule["weekday"] - first.weekday()) % 7 + 7 * (nth - 1))


def choose_holiday(anchor: date, tense: str | None, rule: dict) -> date:
    """A holiday named without a year, as seen from ``anchor`` in ``tense`` (as :func:`choose_year`)."""
    days = [holiday(y, rule) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    return _by_tense([((d - anchor).days, d) for d in days], tense)


def choose_year(anchor: date, tense: str | None, month: int, day: int | None = None) -> int:
    """Year of a month (and day) written without one, as seen from ``anchor`` in ``tense``."""
    candidates = []
    years = [anchor.year - 1, anchor.year, anchor.year + 1]
    if day is not None and not all(day <= last_day(y, month) for y in years):
        years = list(range(anchor.year - 4, anchor.year + 5))  # "Feb. 29": the leap years around, by tense
    for year in years:
        if day is not None:
            if day > last_day(year, month):
                continue
            key = (date(year, month, day) - anchor).days
        else:
            key = (year - anchor.year) * 12 + (month - anchor.month)  # months from the anchor's month
        candidates.append((key, year))
    if not candidates:  # a day no month has ("Feb. 30"): the anchor's year; the caller finds no such date
        return anchor.year
    return _by_tense(candidates, tense)


def _by_tense(candidates: list[tuple[int, object]], tense: str | None):
    """The candidate (distance from the anchor, value) that ``tense`` points at: the latest on or before the
    anchor (past), the earliest on or after it (future), else the nearest (ties to the past)."""
    if tense == PAST:
        past = [c for c in candidates if c[0] <= 0]
        chosen = max(past) if past else min(candidates)
    elif tense == FUTURE:
        future = [c for c in candidates if c[0] >= 0]
        chosen = min(future) if future else max(candidates)
    else:
        chosen = min(candidates, key=lambda c: (abs(c[0]), c[0] > 0))
    return chosen[1]


def scheduled_year(anchor: date, year: int, month: int, day: int) -> int:
    """``year`` for a day chosen by tense, unless it lies more than TENSE_REACH_DAYS from the anchor while
    the same date falls within SCHEDULE_DAYS of it: then that nearer year."""
    try:
        if abs((date(year, month, day) - anchor).days) <= TENSE_REACH_DAYS:
            return year
    except ValueError:
        return year
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        if day <= last_day(y, month) and abs((date(y, month, day) - anchor).days) <= SCHEDULE_DAYS:
            return y
    return year


def gap(span_start: date, span_end: date, ref: CalendarSpan) -> int:
    """Days between a period and a reference span (0 when they overlap)."""
    if span_end < ref.start:
        return (ref.start - span_end).days
    if span_start > ref.end:
        return (span_start - ref.end).days
    return 0


def year_near(ref: CalendarSpan, month: int, day: int | None = None) -> int:
    """Year of a month (and day) written without one in a narrative: the reference time's own year (a year
    reference: inside it), unless the date falls within SCHEDULE_DAYS of the reference across a new year
    ("Jan. 3" after "Dec. 20, 2021" is 2022)."""
    candidates = []
    for year in range(ref.start.year - 1, ref.end.year + 2):
        if day is not None:
            if day > last_day(year, month):
                continue
            first = last = date(year, month, day)
        else:
            first, last = date(year, month, 1), date(year, month, last_day(year, month))
        candidates.append((gap(first, last, ref), first < ref.start, year))
    near = min(candidates)
    own = [c for c in candidates if ref.start.year <= c[2] <= ref.end.year]
    return near[2] if not own or near[0] <= SCHEDULE_DAYS and near[2] not in [c[2] for c in own] else min(own)[2]


def season_year_near(ref: CalendarSpan, code: str) -> int:
    """Year label of a season named without a year in a narrative ("that spring"): the one nearest ``ref``."""
    spans = [season_span(y, code) for y in range(ref.start.year - 1, ref.end.year + 1)]
    return min(spans, key=lambda s: (gap(s.start, s.end, ref), s.start < ref.start)).start.year


def nearest_weekday(ref: date, weekday: int) -> date:
    """The day named by a weekday nearest ``ref`` (0 = Monday; the reference day itself when it matches;
    ties, three days each way, go forward)."""
    ahead = (weekday - ref.weekday()) % 7
    return ref + timedelta(days=ahead) if ahead <= 3 else ref - timedelta(days=7 - ahead)


def choose_weekday(anchor: date, tense: str | None, weekday: int, shift: int | None = None) -> date:
    """The day named by a weekday (0 = Monday) as seen from ``anchor``.

    ``shift`` comes from "last" (-1), "this" (0) or "next" (+1) and overrides
    tense: "last Friday" is strictly before the anchor, "next Friday" strictly
    after it, "this Friday" is the one in the anchor's ISO week.
    """
    back = (anchor.weekday() - weekday) % 7  # days back to the latest such day (0 = the anchor itself)
    ahead = (weekday - anchor.weekday()) % 7
    if shift == 0:
        return anchor + timedelta(days=weekday - anchor.weekday())
    if shift == -1:
        return anchor - timedelta(days=back or 7)
    if shift == 1:
        return anchor + timedelta(days=ahead or 7)
    if tense == FUTURE:
        return anchor + timedelta(days=ahead)
    # past tense, and also present or unknown: news names weekdays mostly for what already happened
    return anchor - timedelta(days=back)


def choose_season_year(anchor: date, tense: str | None, code: str, shift: int | None = None) -> int:
    """Year label of a season named without a year (winter 2024 = Dec 2024 – Feb 2025)."""
    spans = [season_span(y, code) for y in (anchor.year - 2, anchor.year - 1, anchor.year, anchor.year + 1)]
    current = next((s for s in spans if s.start <= anchor <= s.end), None)
    before = [s for s in spans if s.end < anchor]
    after = [s for s in spans if s.start > anchor]
    if shift == 0 or (shift is None and current is not None):
        chosen = current or season_span(anchor.year, code)  # "this summer" said in March
    elif shift == -1 or (shift is None and tense == PAST):
        chosen = before[-1]
    elif shift == 1 or tense == FUTURE:
        chosen = after[0]
    else:
        chosen = min((before[-1], after[0]), key=lambda s: min(abs((s.start - anchor).days), abs((s.end - anchor).days)))
    return chosen.start.year


def last_week(anchor: date) -> CalendarSpan:
    """"last week" seen from ``anchor``: the ISO week before the anchor's, except on a Sunday, when it is the
    week ending that day — news weeks run Sunday to Saturday, so a Sunday's "last week" is the one just ended
    (the TimeML value of TimeBank's and the war-news dev set's annotators)."""
    return week_span(anchor if anchor.isoweekday() == 7 else anchor - timedelta(weeks=1))


def shifted_unit(anchor: date, unit: str, n: int) -> CalendarSpan:
    """The week, weekend, month or year ``n`` units from the anchor's own ("last week" = -1)."""
    if unit == "week":
        return week_span(anchor + timedelta(weeks=n))
    if unit == "weekend":
        return week_span(anchor + timedelta(weeks=n), weekend=True)
    if unit == "month":
        return month_span(*add_months(anchor.year, anchor.month, n))
    if unit == "year":
        return year_span(anchor.year + n)
    if unit == "day":
        return day_span(anchor + timedelta(days=n))
    raise ValueError(f"unknown calendar unit {unit!r}")


def trailing_period(anchor: date, unit: str, n: int) -> CalendarSpan:
    """"The past N units": the period ending on the anchor; timex is the TimeML duration (P1W)."""
    if unit == "day":
        start = anchor - timedelta(days=n)
    elif unit == "week":
        start = anchor - timedelta(weeks=n)
    elif unit == "month":
        y, m = add_months(anchor.year, anchor.month, -n)
        start = date(y, m, min(anchor.day, last_day(y, m)))
    elif unit == "year":
        start = date(anchor.year - n, anchor.month, min(anchor.day, last_day(anchor.year - n, anchor.month)))
    else:
        raise ValueError(f"unknown calendar unit {unit!r}")
    precision = {"day": "day", "week": "week", "month": "month", "year": "year"}[unit]
    return CalendarSpan(start, anchor, precision, f"P{n}{unit[0].upper()}")


def join(first: CalendarSpan, last: CalendarSpan) -> CalendarSpan:
    """A range from ``first`` to ``last``; timex is an ISO 8601 interval, precision the coarser one."""
    order = ("day", "week", "month", "season", "year")
    precision = max(first.precision, last.precision, key=order.index)
    return CalendarSpan(first.start, last.end, precision, f"{first.timex}/{last.timex}")
