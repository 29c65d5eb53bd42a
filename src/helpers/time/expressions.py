"""Time expressions in article text, normalised against an anchor date (rows of the ``dates`` table are built by
:mod:`helpers.time.table`).

How it works
------------
A regex grammar built from the calendar words in ``time/rules/date_words.json``
finds candidate expressions (explicit dates with or without a year, ranges,
months with early/mid/late, seasons, halves and quarters, years, decades,
weekdays with a part of day, "yesterday", "last week", "this month", "the past
week", "three days ago", …). Overlapping candidates keep the longest. Words
that are only sometimes dates (a bare "May", "March", a bare year, a season
used as a modifier) are kept only with calendar context: a preceding
preposition or modifier from the lexicon, or the model's DATE entity.

Each expression is then resolved against the anchor (the article's date):
relative expressions and dates without a year use the *tense* of their clause
(:mod:`helpers.time.tense`), so "said on Wednesday" is the latest Wednesday on or
before the anchor and "will meet on Monday" the next Monday on or after it
(see :mod:`helpers.time.calendar`). With no anchor, relative expressions are
kept with ``start``/``end``/``timex`` null — never guessed. Expressions that
refer to the previous date in the text ("the same day", "two days later", "a
week earlier", "the following month", "the day before") resolve against the
nearest resolved expression before them (within ``MAX_BACK_REFERENCE``
characters), else stay unresolved.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Callable, Iterable

from spacy.tokens import Doc

from helpers.core.tokens import doc_text
from helpers.time import calendar as cal
from helpers.time import lexicon as date_lexicon
from helpers.time.tense import governing_verb, span_tense

@dataclass(frozen=True)
class TimeExpression:
    start_char: int
    end_char: int
    text: str
    start: date | None
    end: date | None
    precision: str
    timex: str | None
    relative: bool
    rule: str = ""  # grammar rule that found it (for inspection; not a table column)
    reference: str = "none"  # what it was resolved against: see REFERENCES


@dataclass(frozen=True)
class _Reading:
    """What a matched expression means: its precision, whether it needs the anchor, and how to resolve it."""
    precision: str
    relative: bool
    resolve: Callable[[date | None, str | None], cal.CalendarSpan | None]
    # for expressions that refer to the previous one in the text ("the same day", "two days later")
    from_previous: Callable[[cal.CalendarSpan], cal.CalendarSpan | None] | None = None
    # for under-specified dates ("March 7", "the end of the month") in a narrative: resolution against the
    # story's reference time (the last explicitly dated expression) instead of the publication date
    from_reference: Callable[[cal.CalendarSpan], cal.CalendarSpan | None] | None = None
    # for year-on-year comparisons ("a year ago", "a year earlier", "last year") in a text that named a quarter
    # or half: that period a year back ("third-quarter profit rose from $5m a year ago" = the third quarter before)
    compared: Callable[[cal.CalendarSpan, date | None], cal.CalendarSpan | None] | None = None
    # "the end of the year", "the end of the month" (a unit named with "the"): after a date the text set earlier
    # in the same sentence ("In 2022, the number grew …, standing at 108 million at the end of the year"), that
    # date's unit in news text too (from_reference applied to it; reference ``previous``; a narrative text
    # already reads it against the story's time)
    definite: bool = False
    # TimeML's value of an expression naming the present, past or future with no calendar span ("now" =
    # PRESENT_REF, "the past" = PAST_REF, "the near future" = FUTURE_REF): a row with a null start and end
    value: str | None = None


class _Context:
    def __init__(self, text: str, doc: Doc | None, anchor: date | None):
        self.text, self.doc, self.anchor = text, doc, anchor
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents] if doc is not None else []  # doc.ents once
        self.date_entities = [(s, e) for s, e, label in ents if label == "DATE"]
        self.name_entities = [(s, e) for s, e, label in ents if label in NAME_LABELS]

    def tense(self, start: int, end: int) -> str | None:
        return span_tense(self.doc, start, end) if self.doc is not None else None

    def in_name(self, start: int, end: int) -> bool:
        """True for a capitalised word inside a longer name the model tags as an organisation or a work ("the Coastal
        Today newsletter", "the Weekly Sunday Courier"): part of a title, not a date (round 16)."""
        return NAME_OF_ORG and self.text[start:start + 1].isupper() and any(
            s <= start and end <= e and e - s > end - start for s, e in self.name_entities)

    def media_title(self, start: int, end: int) -> bool:
        """True for a capitalised expression that names a programme (round 17): right before a noun of
        ``media_title_nouns`` ("told the Today programme", "on the Sunday Evening show"), or of two or more
        capitalised words right after a possessive ("told Channel 9's This Week", "on the network's "Sunday
        Night""). A lower-case word ("on this week's show", "Monday's vote") stays a date."""
        if not MEDIA_TITLES or not self.text[start:start + 1].isupper():
            return False
        if _MEDIA_AFTER.match(self.text, end):
            return True
        words = self.text[start:end].split()
        return len(words) >= 2 and all(w[:1].isupper() for w in words) \
            and _POSSESSIVE_BEFORE.search(self.text, max(0, start - 4), start) is not None

    def in_title(self, start: int) -> bool:
        """True for a capitalised word that ends a two-word name in running text: a capitalised word before it, and
        a lower-case word or a number before that ("the head of Harbour Today", "at the Freedom March", "on Channel 9
        Today"). A title-case headline ("Leaders To Meet In Kyiv Today") has a capital on the word before as well;
        a word that makes the next a date ("In March", "By Friday") is not a name's."""
        if not TITLE_CASE_NAMES or not self.text[start:start + 1].isupper():
            return False
        m = _TITLE_BEFORE.search(self.text, max(0, start - 60), start)
        return m is not None and m["w"].lower() not in MONTH_CONTEXT and m["w"] not in MONTHS and m["w"] not in WEEKDAYS

    def in_date_entity(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.date_entities)

    def present(self, start: int, end: int) -> bool:
        """True when the span's clause is in the present tense ("March 16 marks nine years since …"), except a
        date introduced by a preposition: "On April 2, AFP discovers …", "Over the summer, the allies step up …"
        is the historical present of a chronicle, told in the story's time (issue 12)."""
        if self.doc is None:
            return False
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) and span.root.dep_ == "pobj":
            return False
        verb = governing_verb(span.root) if span is not None and len(span) else None
        if verb is None:
            return False
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if not aux:
            return verb.tag_ in ("VBZ", "VBP")
        return any(c.tag_ in ("VBZ", "VBP") for c in aux) and not any(c.lemma_.lower() == "have" for c in aux)

    def _verb(self, start: int, end: int):
        span = self.doc.char_span(start, end, alignment_mode="expand") if self.doc is not None else None
        return governing_verb(span.root) if span is not None and len(span) else None

    def present_verb(self, start: int, end: int) -> bool:
        """True when the span's verb is in the present tense, simple or progressive, not the perfect ("winter is
        coming", "does not drag on over winter"); unlike :meth:`present`, also for a date after a preposition."""
        verb = self._verb(start, end)
        if verb is None:
            return False
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(c.lemma_.lower() == "have" for c in aux):
            return False
        return any(c.tag_ in ("VBZ", "VBP") for c in aux) if aux else verb.tag_ in ("VBZ", "VBP")

    def present_perfect(self, start: int, end: int) -> bool:
        """True when the span's verb is in the present perfect ("has set Nov. 10 as the deadline"): a past act
        with present relevance, which may name a coming day (unlike "fell on Nov. 10")."""
        verb = self._verb(start, end)
        return verb is not None and verb.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children)

    def plan_in_past(self, start: int, end: int) -> bool:
        """True when the span hangs on a participle of a planning verb that modifies a noun of a past clause
        ("a service planned for Saturday was canceled"): the plan's day may lie either side of the anchor."""
        verb = self._verb(start, end)
        if verb is None or verb.tag_ != "VBN" or verb.dep_ != "acl":
            return False
        outer = governing_verb(verb.head)
        return outer is not None and outer.i != verb.i and span_tense(self.doc, outer.idx, outer.idx + len(outer)) == cal.PAST

    def on_verb(self, start: int, end: int) -> bool:
        """True when the span modifies a verb directly ("fell on Dec. 12"), not a noun or adjective
        ("payable Dec. 7", "the Jan. 14 deadline"); True without a parse."""
        if self.doc is None:
            return True
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return True
        root = span.root
        while root.dep_ == "conj" and root.head.i != root.i:  # "on February 16, March 1 and December 31"
            root = root.head
        head = root.head
        if head.pos_ == "ADP" and head.head.i != head.i:
            head = head.head
        return head.pos_ in ("VERB", "AUX") or head.i == root.i

    def after_forward_phrase(self, start: int, skip_clock: bool = False) -> bool:
        """True right after "as early as", "as soon as" (``forward_phrases``): the next occurrence is meant.
        ``skip_clock``: a time of day in between is passed over ("as early as 9 a.m. Tuesday")."""
        return bool(_FORWARD.search(self._before(start, 30, skip_clock)))

    def previous_word(self, start: int, skip_clock: bool = False) -> str:
        """The word before ``start``, lower-cased; ``skip_clock``: the one before a time of day ("until noon
        Friday", "by 9 a.m. EST Tuesday" → "until", "by")."""
        m = re.search(r"([A-Za-z]+)[\s-]*$", self._before(start, 40, skip_clock))
        return m.group(1).lower() if m else ""

    def _before(self, start: int, width: int, skip_clock: bool) -> str:
        if skip_clock:
            clock = _CLOCK.search(self.text, max(0, start - width - 30), start)
            if clock is not None:
                start = clock.start()
        return self.text[max(0, start - width):start]

    def is_modifier(self, start: int, end: int) -> bool:
        """True when the parse uses the word as a noun modifier ("winter clothing")."""
        if self.doc is None:
            return False
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and span.root.dep_ in ("compound", "amod", "nmod")


# ---------------------------------------------------------------- vocabulary
LEX = date_lexicon.load()
MONTHS: dict[str, int] = LEX["months"]
ABBREVIATED = set(LEX["abbreviated_months_need_day"])
AMBIGUOUS_MONTHS = set(LEX["ambiguous_months"])
WEEKDAYS: dict[str, int] = LEX["weekdays"]
SEASONS: dict[str, dict] = LEX["seasons"]
PARTS = LEX["parts_of_day"]
MONTH_MODS = {k: tuple(v) for k, v in LEX["month_modifiers"].items() if not k.startswith("_")}
YEAR_MODS = {k: tuple(v) for k, v in LEX["year_modifiers"].items() if not k.startswith("_")}
SHIFTS: dict[str, int] = LEX["shifts"]
NUMBERS: dict[str, int] = LEX["number_words"]
ORDINALS: dict[str, int] = LEX["ordinals"]
QUARTER_SHIFTS: dict[str, int] = {k: v for k, v in LEX["quarter_shifts"].items() if not k.startswith("_")}
YEAR_CONTEXT = set(LEX["year_context_words"])
MONTH_CONTEXT = set(LEX["month_context_words"])
SEASON_CONTEXT = set(LEX["season_context_words"])
DEICTIC: dict[str, int] = LEX["deictic_days"]
HOLIDAYS: dict[str, dict] = LEX["holidays"]
HOLIDAY_CONTEXT = set(LEX["holiday_context_words"])
DEADLINE_PREPS = set(LEX["deadline_prepositions"])
WEEKDAY_DEADLINE_PREPS = set(LEX["weekday_deadline_prepositions"])
PERIOD_START_PREPS = set(LEX["period_start_prepositions"])
SINCE_YEAR_IS_BACKGROUND = True  # session 13; a switch to measure it
COMPARISON_FRAMES_SENTENCE = True  # round 15: a sentence-opening "Last year," is the year; a switch to measure it
NAME_OF_ORG = True  # round 16: "Today", "Sunday" inside an organisation's or a work's name are no dates; a switch
NAME_LABELS = ("ORG", "WORK_OF_ART")
SEASON_PRESENT_AHEAD = True  # round 16: a bare season in a present clause is the current or next one; a switch
TITLE_CASE_NAMES = True  # round 16: "head of Harbour Today", "at the Freedom March" are names; a switch to measure it
MAX_BACK_REFERENCE = 600  # characters: "the same day" refers to a date at most this far back
# What a row was resolved against (the ``dates.reference`` column): its own words ("18 October 2023"), the
# publication date (the article's anchor), the story's reference time (narrative text), the previous
# resolved expression ("three days later"), or nothing (unresolved).
REFERENCES = ("absolute", "publication", "narrative", "previous", "none")
# News or narrative: a text is narrative when at least NARRATIVE_SHARE (and NARRATIVE_MIN_DATED) of its
# explicitly dated days, months and seasons (written with their year) lie more than NARRATIVE_DISTANCE days
# from the publication date, and they outnumber its expressions that point at the time of writing
# (DEICTIC_RULES) — the story is told in its own time, not the reporter's. Measured on TimeBank/AQUAINT
# (dev half) and the war-news corpus: see docs/history/dates_events.md. Without a publication date every
# text with a dated expression is narrative (there is no other reference).
NARRATIVE_DISTANCE = 365
NARRATIVE_SHARE = 0.5
NARRATIVE_MIN_DATED = 2
NARRATIVE_PRECISIONS = ("day", "week", "month", "season")  # a bare year ("since 2014") is background, not story time
# A chronicle is narrative too, however near its dates lie (a one-year timeline published on the anniversary):
# at least CHRONICLE_MIN under-specified dates ("On April 2", "in May", "Over the summer"), which read against the
# story's time (the last date the text set) go back in time by fewer days, in text order, than read against the
# publication date — a chronicle narrates in order (see is_chronicle).
CHRONICLE_MIN = 4
# expressions that point at the time of writing ("yesterday", "last week", "this month", "two days ago", "the
# past week", "last night", "next Friday"): a text full of them is news, whatever dates it also cites. A bare
# weekday or "the end of the month" is not counted: stories use them too.
DEICTIC_RULES = {"deictic", "part_of_day", "shifted_unit", "trailing", "ago", "weekday"}
VAGUE_NUMBERS = set(LEX["vague_numbers"])
REFERENCE_WORDS: dict[str, str] = {w: value for value, words in LEX["reference_words"].items() for w in words}
# the precision of a cumulative reporting period ("the nine months") taken as the compared period; never a row's
CUMULATIVE = "cumulative"
VAGUE_PRECISION = "vague"  # the precision of a row that has a TimeML reference value and no calendar span


def _alt(words: Iterable[str], escape: bool = True) -> str:
    words = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) if escape else w for w in words)


_CUMULATIVE = LEX["cumulative_periods"]
_CUMULATIVE_LEAD = rf"(?:{_alt(_CUMULATIVE['leads'])})\s+"
# "for the nine months", "in the first six months": a reporting period counted from the start of a year
_CUMULATIVE_ALT = "|".join(r"[-\s]+".join(map(re.escape, re.split(r"[-\s]+", p))) for p in _CUMULATIVE["periods"])
_CUMULATIVE_PERIOD = re.compile(
    rf"(?<![A-Za-z])(?i:{_CUMULATIVE_LEAD}(?:{_CUMULATIVE_LEAD})?(?:{_CUMULATIVE_ALT}))(?![-A-Za-z])")
# a time of day right before a weekday: "9 a.m.", "17:00", "noon", with a time zone ("EST", "GMT")
_CLOCK = re.compile(rf"(?:(?<![\d:.])\d{{1,2}}(?:[:.]\d{{2}})?\s*(?i:a\.m\.|p\.m\.|am|pm)|(?<![\d:])\d{{1,2}}:\d{{2}}"
                    rf"|(?<![A-Za-z])(?i:{_alt(LEX['clock_words']['words'])}))(?:\s+[A-Z]{{2,4}})?[\s,]*$")
_FORWARD = re.compile(rf"(?i:\b(?:{_alt(LEX['forward_phrases'])}))\s+$")
APPROACH_WEEKDAY = True  # round 16: "ahead of Thursday's budget vote" is the nearest Thursday; a switch to measure it
_APPROACH = re.compile(r"(?<![A-Za-z])(?i:" + "|".join(r"[-\s]+".join(map(re.escape, re.split(r"[-\s]+", p)))
                                                      for p in LEX["approach_phrases"]) + r")(?:\s+(?i:the))?\s+$")
_SPELLED = LEX["spelled_years"]
_TWO_DIGITS = (rf"(?:(?P<tens>{_alt(_SPELLED['tens'])})(?:[\s-]+(?P<unit>{_alt(_SPELLED['units'])}))?"
               rf"|(?P<teen>{_alt(_SPELLED['teens'])})|{re.escape(_SPELLED['zero'])}[\s-]+(?P<ounit>{_alt(_SPELLED['units'])}))")
SPELLED_YEAR = (rf"(?i:(?<![A-Za-z-])(?:(?P<century>{_alt(_SPELLED['centuries'])})[\s-]+{_TWO_DIGITS}"
                rf"|{re.escape(_SPELLED['thousand'])}(?:[\s-]+(?:and[\s-]+)?(?:(?P<tunit>{_alt(_SPELLED['units'])})|(?P<tteen>{_alt(_SPELLED['teens'])})))?)(?![A-Za-z-]))")


def spelled_year(m) -> int:
    """The year of a SPELLED_YEAR match ("nineteen ninety-six" = 1996, "two thousand and one" = 2001)."""
    def num(group, table):
        return _SPELLED[table][m[group].lower()] if m[group] else 0
    if m["century"]:
        return _SPELLED["centuries"][m["century"].lower()] * 100 + num("tens", "tens") + num("unit", "units") \
            + num("teen", "teens") + num("ounit", "units")
    return 2000 + num("tunit", "units") + num("tteen", "teens")


_FULL_MONTHS = [m for m in MONTHS if not m.endswith(".") and m not in ABBREVIATED]


def _month(name: str, full_only: bool = False) -> str:
    names = _FULL_MONTHS if full_only else MONTHS
    return rf"(?<![A-Za-z])(?P<{name}>{_alt(names)})(?![A-Za-z])"


def _day(name: str) -> str:
    return rf"(?<![\d,.$£€])(?P<{name}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![A-Za-z\d%]|[,.]\d)"


def _year(name: str) -> str:
    return rf"(?<![\d,.$£€#])(?P<{name}>1[89]\d\d|20\d\d)(?![\d%]|[,.]\d|s\b|[A-Za-z])"


def _weekday(name: str) -> str:
    return rf"(?<![A-Za-z])(?P<{name}>{_alt(WEEKDAYS)})(?![a-z])"


_MOD = r"(?i:early|mid|late|the\s+(?:beginning|start|middle|end)\s+of)"
_SHIFT = rf"(?i:{_alt(SHIFTS)})"
_PART = rf"(?i:{_alt(PARTS)})"
_NUM = rf"(?i:{_alt(NUMBERS)})"
_RANGE_SEP = r"(?P<sep>-|–|—|(?i:to|and|through|until|till|thru))"
_BETWEEN = r"(?:(?P<between>(?i:between|from))\s+)?"
_UNIT = r"(?i:days?|weeks?|months?|years?|decades?)"


def _mod_key(mod: str | None) -> str | None:
    return mod.lower().split()[-2] if mod and " " in mod.strip() else (mod.lower() if mod else None)


def _month_of(name: str) -> int:
    return MONTHS[name]


def _with_mod_month(y: int, m: int, mod: str | None) -> cal.CalendarSpan:
    return cal.month_span(y, m, MONTH_MODS.get(_mod_key(mod)) if mod else None)


def _with_mod_year(y: int, mod: str | None) -> cal.CalendarSpan:
    return cal.year_span(y, YEAR_MODS.get(_mod_key(mod)) if mod else None)


def _absolute(precision: str, span: cal.CalendarSpan) -> _Reading:
    return _Reading(precision, False, lambda anchor, tense: span)


def _relative(precision: str, fn: Callable[[date, str | None], cal.CalendarSpan],
              narrative: Callable[[cal.CalendarSpan], cal.CalendarSpan | None] | None = None) -> _Reading:
    """An expression resolved from the publication date, or (``narrative``) from the story's reference time."""
    return _Reading(precision, True, lambda anchor, tense: fn(anchor, tense) if anchor is not None else None,
                    from_reference=narrative)


# ---------------------------------------------------------------- rules
# Each rule: a regex (group "core", when present, is the expression's span) and
# a reader that returns a _Reading or None (rejects the candidate).

def _read_iso(m, ctx):
    return _absolute("day", cal.day_span(date(int(m["y"]), int(m["mo"]), int(m["d"]))))


def _day_date(y: int, mo: int, d: int) -> cal.CalendarSpan | None:
    try:
        return cal.day_span(date(y, mo, d))
    except ValueError:
        return None


def _day_tense(m, ctx) -> str | None:
    """Tense for a day without a year; none after a deadline preposition ("extended the offer to Nov. 20"),
    future after a forward phrase ("as early as Nov. 20")."""
    start, end = m.span("core")
    if ctx.after_forward_phrase(m.start()):
        return cal.FUTURE
    if ctx.previous_word(m.start()) in DEADLINE_PREPS:
        return None
    return ctx.tense(start, end)


# round 17: a day without a year in a clause with no tense whose nearest reading lies more than UNTENSED_AHEAD_DAYS
# ahead is the last one ("accountable for its Oct. 3 raid" in a May article: last October, not the coming one); not a
# bare month ("the October elections" in May is the coming one); a switch to measure it
UNTENSED_LEANS_PAST = True
UNTENSED_AHEAD_DAYS = 120
# session 18: a day attached to a verb in the present tense ("The hearing is on March 12", "the summit takes place on
# March 12", "is set for March 12") is a schedule, not a day with no tense: it keeps the nearest reading, ahead; a
# switch to measure it
PRESENT_SCHEDULE = True


def _untensed_year(m, ctx, anchor: date, mo: int, d: int) -> int | None:
    """The year before the nearest for a day with no tense (no deadline preposition before it, no forward
    phrase) whose nearest reading lies more than UNTENSED_AHEAD_DAYS after the anchor; else None. News reports
    what happened far more than it schedules what is to come, and a date that is ahead says so by its verb."""
    if not UNTENSED_LEANS_PAST or ctx.previous_word(m.start()) in DEADLINE_PREPS:
        return None
    if PRESENT_SCHEDULE and ctx.on_verb(*m.span("core")) and ctx.present_verb(*m.span("core")):
        return None
    y = cal.choose_year(anchor, None, mo, d)
    if (date(y, mo, d) - anchor).days <= UNTENSED_AHEAD_DAYS:
        return None
    past = cal.choose_year(anchor, cal.PAST, mo, d)
    return past if past < y else None


def _day_year(m, ctx, anchor: date, tense: str | None, mo: int, d: int) -> int:
    """Year of a day written without one: by tense (see :func:`_day_tense`), moved to a scheduled date near the
    anchor when the tense reaches it only through a noun or adjective (:func:`helpers.time.calendar.scheduled_year`);
    with no tense, the nearest, unless that lies far ahead (:func:`_untensed_year`)."""
    tense = tense or _day_tense(m, ctx)
    if not tense:
        lean = _untensed_year(m, ctx, anchor, mo, d)
        if lean is not None:
            return lean
    y = cal.choose_year(anchor, tense, mo, d)
    on_verb = ctx.on_verb(*m.span("core")) and not (tense == cal.PAST and ctx.present_perfect(*m.span("core")))
    return y if not tense or on_verb else cal.scheduled_year(anchor, y, mo, d)


# session 18: "published on March 6 – 10 days before the vote": a number followed by a unit of time is a count, not the
# last day of a range; a switch to measure it
RANGE_END_NOT_COUNT = True
_UNIT_AFTER = re.compile(r"[ \t]+(?i:days?|weeks?|months?|years?)(?![A-Za-z])")


def _read_day_range(m, ctx):
    if RANGE_END_NOT_COUNT and _UNIT_AFTER.match(ctx.text, m.end("d2")):
        return None
    m1 = _month_of(m["m1"]) if m["m1"] else _month_of(m["m2"])
    m2 = _month_of(m["m2"]) if m["m2"] else m1
    d1, d2 = int(m["d1"]), int(m["d2"])
    if m["sep"].lower() == "and" and not m["between"] and (m1, d1) >= (m2, d2):
        return None
    if (m1, d1) >= (m2, d2) and m1 == m2:
        return None
    given = m.groupdict().get("y2") or m.groupdict().get("y1") or m.groupdict().get("y")

    def build(y1: int) -> cal.CalendarSpan | None:
        y2 = y1 + 1 if m2 < m1 else y1
        first, last = _day_date(y1, m1, d1), _day_date(y2, m2, d2)
        return cal.join(first, last) if first and last else None

    if given:
        y = int(given)
        return _absolute("day", build(y - 1 if m2 < m1 and not m.groupdict().get("y1") else y))
    if build(2000) is None:
        return None
    return _relative("day", lambda anchor, tense: build(_day_year(m, ctx, anchor, tense, m1, d1)),
                     lambda ref: build(cal.year_near(ref, m1, d1)))


def _read_month_range(m, ctx):
    if m["sep"].lower() == "and" and not m["between"]:
        return None
    m1, m2 = _month_of(m["m1"]), _month_of(m["m2"])
    if m1 == m2 and not (m["y1"] and m["y2"]):
        return None

    def build(y1: int, y2: int) -> cal.CalendarSpan:
        return cal.join(_with_mod_month(y1, m1, m["mod1"]), _with_mod_month(y2, m2, m["mod2"]))

    if m["y2"] or m["y1"]:
        y2 = int(m["y2"] or m["y1"])
        y1 = int(m["y1"]) if m["y1"] else (y2 - 1 if m1 > m2 else y2)
        return _absolute("month", build(y1, y2))

    def rel(anchor, tense):
        y1 = cal.choose_year(anchor, tense or ctx.tense(*m.span("core")), m1)
        return build(y1, y1 + 1 if m2 < m1 else y1)

    def narrative(ref):
        y1 = cal.year_near(ref, m1)
        return build(y1, y1 + 1 if m2 < m1 else y1)

    return _relative("month", rel, narrative)


def _read_date(m, ctx):
    name = m["m"]
    mo, d = _month_of(name), int(m["d"])
    if m["y"]:
        span = _day_date(int(m["y"]), mo, d)
        return _absolute("day", span) if span else None
    if _day_date(2000, mo, d) is None:  # 2000 is a leap year: only impossible days fail
        return None
    weekday = WEEKDAYS.get(m["wd"]) if m["wd"] else None

    def rel(anchor, tense):
        if weekday is not None:  # "Wednesday, October 23": the year whose date falls on that weekday
            fits = [y for y in (anchor.year, anchor.year - 1, anchor.year + 1)
                    if _day_date(y, mo, d) and date(y, mo, d).weekday() == weekday]
            if fits:
                return cal.day_span(date(fits[0], mo, d))
        return _day_date(_day_year(m, ctx, anchor, tense, mo, d), mo, d)

    def narrative(ref):
        if weekday is not None:  # the date is fixed by its weekday: the publication date decides as in news
            return None
        return _day_date(cal.year_near(ref, mo, d), mo, d)

    return _relative("day", rel, narrative)


def _shared_year(ctx, start: int, end: int) -> int | None:
    """The year written after the last of a list of months that starts right after ``end`` ("November [and
    December 2016]", "May[, June and July 2021]"): it is every listed month's year."""
    if not SHARED_YEAR:
        return None
    hit = _SHARED_YEAR.match(ctx.text, end)
    if hit is None and ctx.text.startswith(",", end) and _LIST_BEFORE.search(ctx.text, max(0, start - 30), start):
        hit = _SHARED_YEAR.match(ctx.text, end + 1)  # inside a list ", and" goes on with it: "May, June, and July"
    return int(hit["y"]) if hit else None


MONTH_FIRST_NAME = True  # round 16: a sentence-opening month before a name is a first name; a switch to measure it
EVENT_NAMES = True  # session 18: "the annual March for Life", "the March on Washington" are names; a switch to measure it
_EVENT_NAME_AFTER = re.compile(rf"[ \t]+(?:{_alt(LEX['event_name_prepositions'])})[ \t]+(?:the[ \t]+)?[A-Z]")
MEDIA_TITLES = True  # round 17: "the Today programme", "Channel 9's This Week" are titles; a switch to measure it
_MEDIA_AFTER = re.compile(rf"[ \t]+(?:{_alt(LEX['media_title_nouns'])})(?![a-z])")
_POSSESSIVE_BEFORE = re.compile(r"['’]s[ \t]+[\"“]?$")
_TITLE_BEFORE = re.compile(r"(?:^|[\s(])(?:[a-z][\w'’-]*|\d+)[ \t]+(?P<w>[A-Z][a-z]+)[ \t]+$")
_NAME_AFTER = re.compile(r"[ \t]+(?P<w>[A-Z][a-z]+)")


def _first_name(text: str, start: int, end: int) -> bool:
    """True for a bare month that opens its sentence (or line) and is followed by a capitalised word that is no
    calendar word: "June Harlow, Leeds" signing a letter, "April Dunne said …" — a first name and its surname,
    even where the model's DATE entity takes the month ("In June Harlow's view" has its preposition, "a June
    recital" its determiner, "June 2024" its year)."""
    if not MONTH_FIRST_NAME:
        return False
    name = _NAME_AFTER.match(text, end)
    if name is None or name["w"] in MONTHS or name["w"] in WEEKDAYS or name["w"].lower() in SEASONS:
        return False
    before = text[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:\n"


def _event_name(ctx, name: str, start: int, end: int) -> bool:
    """True for an ambiguous month ("March", "May") with no calendar word before it, followed by one of
    ``event_name_prepositions`` and a capitalised word: "the annual March for Life", "the March on Washington", "the
    March of Dimes" name a procession or a body, even where the model's DATE entity takes the month ("in March for
    the talks" has its preposition; "March 12" its day)."""
    return EVENT_NAMES and name in AMBIGUOUS_MONTHS and ctx.previous_word(start) not in MONTH_CONTEXT \
        and _EVENT_NAME_AFTER.match(ctx.text, end) is not None


def _read_month(m, ctx):
    name, mod, shift = m["m"], m["mod"], m["shift"]
    mo = _month_of(name)
    start, end = m.span("core")
    if not (m["y"] or shift or m["yshift"]):
        shared = _shared_year(ctx, start, end)
        if shared is not None:
            return _absolute("month", _with_mod_month(shared, mo, mod))
    if not (m["y"] or mod or shift):
        prev = ctx.previous_word(start)
        context = prev in MONTH_CONTEXT or ctx.in_date_entity(start, end)
        if name in AMBIGUOUS_MONTHS and (not context or ctx.in_title(start)):
            return None
        if not context and re.match(r"\s+[A-Z][a-z]", ctx.text[end:end + 3]):  # "June Smith"
            return None
        if _first_name(ctx.text, start, end) or _event_name(ctx, name, start, end):
            return None
    if m["y"]:
        return _absolute("month", _with_mod_month(int(m["y"]), mo, mod))
    if m["yshift"]:  # "in November last year": that month of the year named from the anchor
        k = SHIFTS.get(m["yshift"].lower())
        return None if shift or k is None else _relative("month", lambda anchor, tense: _with_mod_month(anchor.year + k, mo, mod))
    n = SHIFTS.get(shift.lower()) if shift else None
    if shift and n is None:
        return None

    def rel(anchor, tense):
        if n == 0:
            y = anchor.year
        elif n is not None:
            y = cal.choose_year(anchor - timedelta(days=1), cal.PAST, mo) if n < 0 else cal.choose_year(anchor + timedelta(days=1), cal.FUTURE, mo)
            if n < 0 and (y, mo) == (anchor.year, anchor.month):
                y -= 1
            if n > 0 and (y, mo) == (anchor.year, anchor.month):
                y += 1
        else:
            y = cal.choose_year(anchor, tense or ctx.tense(start, end), mo)
        return _with_mod_month(y, mo, mod)

    def narrative(ref):  # "in March" in a story told in 2022; "last March" stays the reporter's
        return None if n is not None else _with_mod_month(cal.year_near(ref, mo), mo, mod)

    return _relative("month", rel, narrative)


def _season_part(span: cal.CalendarSpan, mod: str | None) -> cal.CalendarSpan:
    key = _mod_key(mod)
    if key is None:
        return span
    months = [(span.start.year, span.start.month)]
    for _ in range(2):
        months.append(cal.add_months(*months[-1], 1))
    index = {"early": 0, "beginning": 0, "start": 0, "mid": 1, "middle": 1, "late": 2, "end": 2}[key]
    y, mo = months[index]
    part = cal.month_span(y, mo)
    return cal.CalendarSpan(part.start, part.end, "season", span.timex)


def _read_season(m, ctx):
    word = m["s"].lower()
    shift = (m["shift"] or "").lower()
    start, end = m.span("core")
    if word == "fall" and not (m["y"] or shift in SHIFTS):
        return None
    if not (m["y"] or m["mod"] or shift):
        if not (ctx.previous_word(start) in SEASON_CONTEXT or ctx.in_date_entity(start, end)):
            return None
    if ctx.is_modifier(m.start("s"), m.end("s")) and not m["y"]:
        return None
    code = SEASONS[word]["code"]
    if m["y"]:
        return _absolute("season", _season_part(cal.season_span(int(m["y"]), code), m["mod"]))

    def narrative(ref):  # "that spring", "in the spring" in a story: the season of the reference time's year
        return _season_part(cal.season_span(cal.season_year_near(ref, code), code), m["mod"])

    if shift == "that":
        return _anaphoric("season", narrative)
    n = SHIFTS.get(shift)
    if shift == "past":
        n = -1

    def rel(anchor, tense):
        tense = tense or ctx.tense(start, end)
        if tense is None and n is None and SEASON_PRESENT_AHEAD and ctx.present_verb(start, end) \
                and (anchor - cal.season_span(cal.choose_season_year(anchor, cal.PAST, code), code).end).days > 31:
            # "winter is coming", "so the war does not drag on over winter": now or the next; but "it is still
            # winter" three weeks after the meteorological winter ended is that winter
            tense = cal.FUTURE
        y = cal.choose_season_year(anchor, tense, code, n)
        return _season_part(cal.season_span(y, code), m["mod"])

    return _relative("season", rel, narrative if n is None else None)


def _read_part_of_year(m, ctx):
    """A half or quarter with its year: "the first half of 2024", "the third quarter of last year", "the 1988
    second quarter", "next year's first quarter"; "the first (last) two quarters of 1990" are its first (second)
    half."""
    pair = m["unit"].lower() not in ("half", "quarter")  # "two quarters"
    unit = "Q" if m["unit"].lower() == "quarter" else "H"
    n = ORDINALS[m["ord"].lower()]
    if (unit == "H" and n > 2) or (pair and n not in (1, -1)):
        return None  # "the third half", "the second two quarters"
    if m["y"]:
        return _absolute("season", cal.part_of_year_span(int(m["y"]), unit, n))
    shift = SHIFTS.get(m["shift"].lower(), 0)
    return _relative("season", lambda anchor, tense: cal.part_of_year_span(anchor.year + shift, unit, n))


def _read_quarter(m, ctx):
    """A quarter named without its year ("the third quarter"): the latest one begun by the anchor in past
    tense, else the one in the anchor's year."""
    n = ORDINALS[m["ord"].lower()]

    def rel(anchor, tense):
        return cal.part_of_year_span(_quarter_year(anchor, n, tense or ctx.tense(*m.span("core"))), "Q", n)

    return _relative("season", rel)


def _read_shifted_quarter(m, ctx):
    """"the latest quarter" (the last one completed before the anchor's), "the current quarter", "next quarter";
    "this quarter" not in the future tense, in a text that named a quarter, is that one ("This quarter's loss
    includes …" in a report on the third quarter published in November)."""
    n = QUARTER_SHIFTS[m["shift"].lower()]

    def rel(anchor, tense):
        y, q = divmod((anchor.year * 4 + (anchor.month - 1) // 3) + n, 4)
        return cal.part_of_year_span(y, "Q", q + 1)

    reading = _relative("season", rel)
    if m["shift"].lower() == "this" and _NAMED_QUARTER.search(ctx.text, 0, m.start()) \
            and ctx.tense(*m.span("core")) != cal.FUTURE:
        return replace(reading, compared=lambda ref, anchor: ref if ref.precision != CUMULATIVE else None)
    return reading


def _read_year_ago_part(m, ctx):
    """"the year-ago quarter", "the year-earlier third quarter": the quarter named (or last mentioned) a year back."""
    if m["ord"]:
        n = ORDINALS[m["ord"].lower()]
        if n < 1:
            return None

        def rel(anchor, tense):
            return cal.part_of_year_span(_quarter_year(anchor, n, tense or ctx.tense(*m.span("core"))) - 1, "Q", n)

        return _relative("season", rel)
    return _period_reading(-1)


def _period_reading(years: int) -> _Reading:
    """A reporting period named without its number ("the quarter", "the year-ago quarter", "the year-earlier
    period"): the last quarter or half the text named, moved by ``years``; in a text that named none, the
    last quarter completed by the anchor (a financial report's period), moved by ``years``."""
    def rel(anchor, tense):
        y, q = divmod(anchor.year * 4 + (anchor.month - 1) // 3 - 1, 4)
        return cal.part_of_year_span(y + years, "Q", q + 1)

    return _Reading("season", True, lambda anchor, tense: rel(anchor, tense) if anchor is not None else None,
                    compared=lambda ref, anchor: _year_back(ref, years))


def _read_year_ago_adjective(m, ctx):
    """"year-ago", "year-earlier" alone before a noun ("year-ago profit", "year-earlier levels"): a year-on-year
    comparison like "a year ago" — the period the text named a year back, else the year before the anchor's."""
    reading = _relative("year", lambda anchor, tense: cal.year_span(anchor.year - 1))
    return replace(reading, compared=lambda ref, anchor: _year_back(ref, -1))


def _read_year_period(m, ctx):
    """"the 1988 quarter", "the 1989 period": the reporting period the text named, in that year (a financial
    report comparing "the third quarter" with "the 1988 quarter"); with no period named before, the year."""
    y = int(m["y"])
    return _Reading("year", False, lambda anchor, tense: cal.year_span(y),
                    compared=lambda ref, anchor: _year_back(ref, y - ref.start.year))


def _read_year_end(m, ctx):
    """"year-end", "year's end", "the full year": the year (the anchor's; after a date set earlier in the same
    sentence, that date's year, as for "the end of the year")."""
    mod = None if m["full"] else "the end of"
    return _read_shifted_unit(_Groups(m, shift="the", unit="year", mod=mod or "", edge=None), ctx, whole=bool(m["full"]))


def _read_period_ended(m, ctx):
    """"the quarter ended Sept. 30", "the fiscal year ending June 30, 1990": a reporting period named by its last
    day. A quarter is the calendar quarter that holds most of its three months — that of its middle month ("the
    quarter ended July 31" runs May–July: the second quarter; a quarter ending before the 15th ends with the month
    before); a year is the year of its last day. Without a year the day is the latest such day by the anchor
    ("ended") or the nearest ("ending"). In a text that named a quarter before, "the quarter" is that one, as
    "the quarter" alone (a fiscal quarter: "its fiscal first quarter … the quarter ended Sept. 30")."""
    mo, d = _month_of(m["m"]), int(m["d"])
    if _day_date(2000, mo, d) is None:
        return None
    quarter = m["unit"].lower() == "quarter"
    if quarter and _NAMED_QUARTER.search(ctx.text, 0, m.start()):
        return _period_reading(0)  # "its fiscal second quarter … the quarter ended Sept. 30": the one named

    def build(y: int) -> cal.CalendarSpan:
        if not quarter:
            return cal.year_span(y)
        last = (y, mo) if d >= 15 else cal.add_months(y, mo, -1)
        middle_year, middle = cal.add_months(*last, -1)
        return cal.part_of_year_span(middle_year, "Q", (middle - 1) // 3 + 1)

    precision = "season" if quarter else "year"
    if m["y"]:
        return _absolute(precision, build(int(m["y"])))
    tense = cal.PAST if m["verb"].lower() == "ended" else None
    return _relative(precision, lambda anchor, _: build(cal.choose_year(anchor, tense, mo, d)),
                     lambda ref: build(cal.year_near(ref, mo, d)))


def _read_the_quarter(m, ctx):
    """"the quarter" or "the latest period" alone, in a text that has named a quarter before it ("third-quarter
    profit … in the quarter"): that period (elsewhere "the quarter" may be a district: "the old quarter");
    "the quarter a year ago" is that period a year back."""
    if not _NAMED_QUARTER.search(ctx.text, 0, m.start()):
        return None
    return _period_reading(-1 if m["ago"] else 0)


def _quarter_year(anchor: date, n: int, tense: str | None) -> int:
    """Year of the ``n``-th quarter named without one: the latest begun by the anchor in past tense, else the
    one in the anchor's year."""
    return anchor.year - 1 if tense == cal.PAST and (n - 1) * 3 + 1 > anchor.month else anchor.year


def _read_part_code(m, ctx):
    return _absolute("season", cal.part_of_year_span(int(m["y"]), m["unit"], int(m["n"])))


def _read_year(m, ctx):
    start, end = m.span("core")
    if not (m["mod"] or m["fiscal"]) and not (ctx.previous_word(start) in YEAR_CONTEXT or ctx.in_date_entity(start, end)):
        return None
    return _absolute("year", _with_mod_year(int(m["y"]), m["mod"]))


# session 18: a year in three number words ("a nineteen ninety-seven attack": a century word, a tens word and a unit)
# reads as no cardinal, so it is a year even as a noun's modifier; a switch to measure it
SPELLED_YEAR_THREE_WORDS = True


def _read_spelled_year(m, ctx):
    """A year in words ("nineteen ninety-six"), alone or after a month ("January nineteen ninety-seven")."""
    y = spelled_year(m)
    if m["m"]:
        return _absolute("month", cal.month_span(y, _month_of(m["m"])))
    start, end = m.span("core")
    vouched = ctx.previous_word(start) in YEAR_CONTEXT  # "In nineteen ninety-one Charles Keating was …"
    vouched = vouched or (SPELLED_YEAR_THREE_WORDS and bool(m["century"] and m["tens"] and m["unit"]))
    if ctx.doc is not None and not vouched:  # "twenty twenty vision", "nineteen twenty people": a number, not a year
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and (span.root.dep_ in ("compound", "amod", "nmod", "nummod") or span.root.pos_ == "ADJ"):
            return None
    return _absolute("year", cal.year_span(y))


def _read_year_range(m, ctx):
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else (y1 // 100) * 100 + int(m["y2"])
    if y2 <= y1 or y2 - y1 > 50:
        return None
    return _absolute("year", cal.join(cal.year_span(y1), cal.year_span(y2)))


def _read_decade(m, ctx):
    span = cal.decade_span(int(m["dec"]) * 10)
    key = _mod_key(m["mod"])
    if key:
        lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}[key]
        span = cal.CalendarSpan(date(span.start.year + lo, 1, 1), date(span.start.year + hi, 12, 31), "year", span.timex)
    return _absolute("year", span)


_DECADES = LEX["decades"]
DECADE_WORDS: dict[str, int] = _DECADES["words"]
_NOT_DECADE = re.compile(rf"(?<![A-Za-z])(?i:{_alt(_DECADES['not_after'])})(?![A-Za-z])")
CENTURY_ORDINALS: dict[str, int] = {re.sub(r"[\s-]+", " ", k): v for k, v in LEX["century_ordinals"].items()}
_CENTURY_WORDS = _alt(CENTURY_ORDINALS).replace(r"\ ", r"[\s-]+")  # "twenty-first", "twenty first"
_APPROX = LEX["approximators"]
# TimeML extents include a modifier of approximation ("around Nov. 1", "nearly two weeks ago"): the rules whose
# expressions take one, and which list
APPROX_RULES = {"ago": "counts", "month_day": "dates", "day_month": "dates", "holiday": "dates"}
_APPROX_BEFORE = {kind: re.compile(rf"(?<![A-Za-z])(?i:{_alt(words)})\s+$") for kind, words in _APPROX.items()
                  if not kind.startswith("_")}


def _with_approximator(text: str, start: int, end: int, rule: str) -> int:
    """The start of the expression with a modifier of approximation before it, else ``start``: "around Nov. 1",
    "nearly two weeks ago" (not "get around Wednesday's ruling": a possessive date is a noun's modifier)."""
    kind = APPROX_RULES.get(rule)
    if kind is None or re.match(r"['’]s\b", text[end:end + 3]):
        return start
    m = _APPROX_BEFORE[kind].search(text, max(0, start - 20), start)
    return m.start() if m else start


SAME_DAY_EDGE = True  # session 18: "Earlier that day" takes its adverb, as "later that year" does; a switch to measure it
_EDGE_BEFORE = re.compile(r"(?<![A-Za-z])(?i:earlier|later)[ \t]+$")


def _with_edge(text: str, start: int, rule: str, floor: int) -> int:
    """The start of "that day"/"the same day" with "earlier" or "later" before it ("Earlier that day", "later the
    same day"): the TimeML extent, as the grammar already gives "later that year", "earlier this week"; never
    reaching back before ``floor`` (the end of the expression before it)."""
    if not SAME_DAY_EDGE or rule != "same_day":
        return start
    m = _EDGE_BEFORE.search(text, max(floor, start - 12), start)
    return m.start() if m else start


def _read_decade_word(m, ctx):
    """"the nineties", "the early eighties": the latest such decade begun by the anchor (TimeML ``199``); not
    a temperature or an age ("temperatures in the sixties": a word of ``decades.not_after`` earlier in the
    sentence), and only where the model's DATE entity or a calendar preposition vouches."""
    start, end = m.span("core")
    sentence = re.split(r"[.!?]\s", ctx.text[max(0, start - 120):start])[-1]
    if _NOT_DECADE.search(sentence) or not (ctx.in_date_entity(start, end) or ctx.previous_word(start) in YEAR_CONTEXT):
        return None
    digit = DECADE_WORDS[m["w"].lower()]

    def rel(anchor, tense):
        first = (anchor.year // 100) * 100 + digit * 10
        return _read_decade(_Groups(m, dec=str((first - 100 if first > anchor.year else first) // 10)), ctx).resolve(anchor, tense)

    return _relative("year", rel)


def _read_century(m, ctx):
    """"the 20th century", "the twentieth century", "20th-century": TimeML's value is the century's first two
    digits (``19``: 1900–1999)."""
    n = int(m["n"]) if m["n"] else CENTURY_ORDINALS[re.sub(r"[\s-]+", " ", m["w"].lower())]
    if not 10 <= n <= 30 or re.match(r"Century\s+[A-Z][a-z]", ctx.text[m.end("core") - 7:]):
        return None  # "21st Century Fox": part of a name
    first = (n - 1) * 100
    return _absolute("year", cal.CalendarSpan(date(first, 1, 1), date(first + 99, 12, 31), "year", f"{n - 1:02d}"))


def _read_weekday(m, ctx):
    if ctx.in_name(*m.span("core")) or ctx.media_title(*m.span("core")):
        return None
    wd = WEEKDAYS[m["wd"]]
    shift = (m["shift"] or "").lower()
    n = -1 if shift == "past" else SHIFTS.get(shift)

    def narrative(ref):  # "on Saturday" after "on Feb. 24, 2022": the nearest such day to a day reference
        return cal.day_span(cal.nearest_weekday(ref.start, wd)) if _is_day(ref) and n is None else None

    def rel(anchor, tense):
        tense = tense or ctx.tense(*m.span("core"))
        if n is None and (ctx.after_forward_phrase(m.start(), True) or
                          not tense and ctx.previous_word(m.start(), True) in WEEKDAY_DEADLINE_PREPS):
            tense = cal.FUTURE  # "could arrive as early as Tuesday", "the truce holds until Tuesday"
        if n is None and tense == cal.PAST and ctx.previous_word(m.start(), True) in WEEKDAY_DEADLINE_PREPS \
                and ctx.present_perfect(*m.span("core")):
            # "has given them until 9 a.m. Tuesday": a deadline that still stands, the nearest such day ("lasted
            # until Friday" keeps the past)
            return cal.day_span(cal.nearest_weekday(anchor, wd))
        if n is None and tense != cal.FUTURE and APPROACH_WEEKDAY and _APPROACH.search(ctx.text[max(0, m.start() - 40):m.start()]):
            # "ahead of Thursday's budget vote", "in the run-up to the Sunday runoff": an occasion near the
            # anchor, whatever the tense of the clause that looks ahead to it
            return cal.day_span(cal.nearest_weekday(anchor, wd))
        if n is None and tense == cal.FUTURE and ctx.plan_in_past(*m.span("core")):
            return cal.day_span(cal.nearest_weekday(anchor, wd))  # "a rally planned for Saturday was called off"
        return cal.day_span(cal.choose_weekday(anchor, tense, wd, n))

    return _relative("day", rel, narrative)


def _read_deictic(m, ctx):
    if ctx.in_name(*m.span("core")) or ctx.in_title(m.start("core")) or ctx.media_title(*m.span("core")):
        return None
    n = DEICTIC[m["w"].lower()]
    return _relative("day", lambda anchor, tense: cal.day_span(anchor + timedelta(days=n)))


def _read_part_of_day(m, ctx):
    n = -1 if m["shift"].lower() == "last" else 0
    if n == -1 and m["part"].lower() != "night":
        return None  # "last evening" is rare and ambiguous
    return _relative("day", lambda anchor, tense: cal.day_span(anchor + timedelta(days=n)))


# round 17: on a Saturday or Sunday, when only the weekend is left of the ISO week, "this week" in a future clause
# ("the plan will be debated at this week's summit") is the week that begins on the Monday; a switch to measure it
WEEKEND_WEEK_AHEAD = True
WEEK_AHEAD_FROM = 5  # Saturday (Monday = 0)


def _read_shifted_unit(m, ctx, whole: bool = False):
    """"last week", "this month", "the end of the year", "that year"; ``whole``: "the full year" (the unit
    itself, as "the end of the year" is its end)."""
    if ctx.media_title(*m.span("core")):
        return None
    unit = m["unit"].lower()
    shift = m["shift"].lower().split()[0]  # "the current fiscal year": the year (TimeML's value)
    within = bool(m["within"])  # "earlier in the year", "later in the month": the anchor's (or the story's) unit
    reported = shift == "the" and unit == "year" and not (m["mod"] or m["edge"] or whole) and _reported_year(m, ctx)
    if shift == "the" and not m["mod"] and not whole and not within and not reported:
        return None  # "the month" alone is too often not the anchor's; "the end of the month" is
    n = SHIFTS.get(shift, 0)
    edge, mod = (m["edge"] or "").lower(), m["mod"]
    precision = {"week": "week", "weekend": "week", "month": "month", "year": "year"}[unit]

    def narrative(ref):  # "the end of the month", "that year": the unit containing the reference time
        if unit == "month" and ref.precision in ("day", "week", "month"):
            return _with_mod_month(ref.start.year, ref.start.month, mod)
        if unit == "year" and ref.precision != "season":
            return _with_mod_year(ref.start.year, mod)
        if unit in ("week", "weekend") and _is_day(ref) and not mod:
            return cal.week_span(ref.start, weekend=unit == "weekend")
        return None

    if shift == "that":  # "that year", "later that year": the unit of the date before it
        return _anaphoric(precision, narrative)

    def rel(anchor, tense):
        span = cal.last_week(anchor) if unit == "week" and n == -1 else cal.shifted_unit(anchor, unit, n)
        if WEEKEND_WEEK_AHEAD and unit == "week" and shift == "this" and not edge \
                and anchor.weekday() >= WEEK_AHEAD_FROM and (tense or ctx.tense(*m.span("core"))) == cal.FUTURE:
            span = cal.shifted_unit(anchor, unit, 1)  # at the weekend, "will … this week" is the coming week
        if mod and unit == "month":
            span = _with_mod_month(span.start.year, span.start.month, mod)
        elif mod and unit == "year":
            span = _with_mod_year(span.start.year, mod)
        if edge == "earlier" and n == 0:
            span = cal.CalendarSpan(span.start, max(span.start, anchor), span.precision, span.timex)
        elif edge == "later" and n == 0:
            span = cal.CalendarSpan(min(span.end, anchor), span.end, span.precision, span.timex)
        return span

    definite = shift == "the" and (not edge or within)
    reading = _relative(precision, rel, narrative if definite else None)
    if definite:
        reading = replace(reading, definite=True)
    if reported:  # "for the year" after "the third quarter": the year of the period reported
        reading = replace(reading, compared=lambda ref, anchor: cal.year_span(ref.end.year))
    if unit == "year" and n == -1 and not (mod or edge):  # "last year" after "the third quarter": year on year
        def compared(ref, anchor):  # only a quarter of the year before the anchor's
            back = _year_back(ref, -1)
            return back if back is not None and (anchor is None or back.start.year == anchor.year - 1) else None
        return _Reading(reading.precision, True, reading.resolve, compared=compared)
    return reading


_NOT_REPORTED_YEAR = re.compile(r"\s*(?:['’]|\d|(?i:ahead|to\s+come|before|after|since|of|in\s+which|when|that)\b)")


def _reported_year(m, ctx) -> bool:
    """True for "the year" after "for" ("For the year, volume was flat", "funding needed for the year"): the
    year a report or budget covers — not "for the year ahead", "for the year before", "for the year's best",
    "for the year 2023", "for the year of …"."""
    return ctx.previous_word(m.start("core")) == "for" and not _NOT_REPORTED_YEAR.match(ctx.text, m.end("core"))


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS[word.lower()]


def _read_trailing(m, ctx):
    unit = m["unit"].lower().rstrip("s")
    n = _count(m["n"]) if m["n"] else 1
    if unit == "decade" or n > 100:
        return None
    if not m["n"] and unit == "day" and not m["unit"].lower().endswith("s"):
        return None  # "the last day" is usually the final one, not the past 24 hours
    return _relative(unit, lambda anchor, tense: cal.trailing_period(anchor, unit, n))


def _read_ago(m, ctx):
    if m["n"].lower() in VAGUE_NUMBERS:
        return None  # "a few years ago": no calendar value
    unit = m["unit"].lower().rstrip("s")
    n = _count(m["n"])
    if unit == "decade":
        unit, n = "year", n * 10
    if n > 1000:
        return None
    reading = _relative(unit, lambda anchor, tense: cal.shifted_unit(anchor, unit, -n) if unit != "month"
                        else cal.month_span(*cal.add_months(anchor.year, anchor.month, -n)))
    if unit == "year" and n == 1:  # "a year ago" after "the third quarter": that quarter a year back
        return _Reading(reading.precision, True, reading.resolve, compared=lambda ref, anchor: _year_back(ref, -1))
    return reading


def _read_holiday(m, ctx):
    """A named day ("Christmas Eve", "Thanksgiving", "Easter Sunday 2023"): with a year, that year's; else the
    occurrence the tense points at, as a day without a year ("last Christmas": the one before the anchor). Bare
    names that are also modifiers ("Christmas shopping") need a calendar preposition or a year (``need_context``)."""
    rule = HOLIDAYS[re.sub(r"\s+", " ", m["h"].replace("\u2019", "'"))]
    if m["week"]:
        return _holiday_week(m, ctx, rule)
    if m["y"]:
        return _absolute("day", cal.day_span(cal.holiday(int(m["y"]), rule)))
    shift = (m["shift"] or "").lower()
    if rule.get("need_context") and re.match(r"\s+[A-Z][a-z]", ctx.text[m.end("core"):]):
        return None  # part of a name: "Christmas Island", "Easter Rising"
    if rule.get("need_context") and not shift and ctx.previous_word(m.start("core")) not in HOLIDAY_CONTEXT:
        return None  # the model's DATE entity does not vouch: it takes "Christmas shopping" for a date
    fixed = {"last": cal.PAST, "next": cal.FUTURE}.get(shift)

    def rel(anchor, tense):
        if shift == "this":
            return cal.day_span(cal.holiday(anchor.year, rule))
        day_tense = fixed or tense or (cal.FUTURE if ctx.after_forward_phrase(m.start("core"))
                                       else ctx.tense(*m.span("core")))  # "home by Christmas" keeps its tense
        day = cal.choose_holiday(anchor, day_tense, rule)
        if fixed and day == anchor:  # "last Christmas" on Christmas Day: the one a year before
            day = cal.holiday(anchor.year + (-1 if fixed == cal.PAST else 1), rule)
        return cal.day_span(day)

    def narrative(ref):  # "at Christmas" in a story told in 2022: the one nearest the story's time
        return cal.day_span(cal.choose_holiday(ref.start, None, rule)) if not shift else None

    return _relative("day", rel, narrative)


def _holiday_week(m, ctx, rule: dict) -> _Reading | None:
    """"Easter week", "Christmas week 2022", "Thanksgiving week": the ISO week (Monday to Sunday) holding the named
    day — "week", in lower case ("Easter Week" is also a name), is the calendar word a bare name needs. Without a
    year: the week the anchor is in, if it holds the day; else the day's occurrence by tense, as for the name."""
    if m["y"]:
        return _absolute("week", cal.week_span(cal.holiday(int(m["y"]), rule)))
    shift = (m["shift"] or "").lower()
    fixed = {"last": cal.PAST, "next": cal.FUTURE}.get(shift)

    def rel(anchor, tense):
        day = cal.holiday(anchor.year, rule)
        if shift == "this" or (not fixed and cal.week_span(day).start <= anchor <= cal.week_span(day).end):
            return cal.week_span(day)
        return cal.week_span(cal.choose_holiday(anchor, fixed or tense or ctx.tense(*m.span("core")), rule))

    return _relative("week", rel, lambda ref: cal.week_span(cal.choose_holiday(ref.start, None, rule)) if not shift else None)


def _read_weekend(m, ctx):
    def rel(anchor, tense):
        tense = tense or ctx.tense(*m.span("core"))
        saturday = cal.choose_weekday(anchor, tense or cal.PAST, 5)
        return cal.week_span(saturday, weekend=True)

    return _relative("week", rel)


REFERENCE_WORD_MODIFIER = True  # round 16: "the past leadership", "the future layout" are no rows; a switch


def _modifies_noun(ctx, start: int, end: int) -> bool:
    """True when the parse makes the last word of "the past"/"the future" an adjective or compound of a noun after
    it ("the past leadership's record", "the future layout of the harbour"): the noun's time, not TimeML's
    PAST_REF/FUTURE_REF ("in the past, it …", "in the near future", "fear of the future and of hunger" stay rows)."""
    if not REFERENCE_WORD_MODIFIER or ctx.doc is None:
        return False
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 2 or span[0].lower_ != "the":
        return False
    last = span[-1]
    return last.dep_ in ("amod", "compound", "nmod") and last.head.i > last.i and last.head.pos_ in ("NOUN", "PROPN") \
        and not any(t.dep_ in ("cc", "punct") for t in ctx.doc[last.i + 1:last.head.i])  # "fear of the future and
    # of hunger": a noun of its own, as the parser coordinates it


def _read_reference_word(m, ctx):
    """"now", "currently", "recently", "the past", "the near future": TimeML's PRESENT_REF, PAST_REF, FUTURE_REF.
    Not an acronym ("NOW"), not "the past" of a period ("the past few days", "the past decade": a duration), not
    a fate ("the future of the war")."""
    word = m["w"]
    if len(word) > 1 and word.isupper():
        return None
    if word.lower().endswith("future") and re.match(r"\s+(?i:of)\b", ctx.text[m.end("core"):]):
        return None
    if word.lower().endswith("past") and re.match(rf"\s+(?:\d|{_NUM}\b|(?i:few|several|couple|centur)|{_UNIT}\b)",
                                                  ctx.text[m.end("core"):]):
        return None
    if _modifies_noun(ctx, *m.span("core")):
        return None
    return _Reading(VAGUE_PRECISION, False, lambda anchor, tense: None, value=REFERENCE_WORDS[re.sub(r"\s+", " ", word.lower())])


class _Groups(dict):
    """A match's groups with some overridden (two alternatives of one rule feeding one reader)."""

    def __init__(self, m, **override):
        super().__init__(m.groupdict(), **override)
        self.match = m

    def __getitem__(self, key):
        return self.get(key)

    def span(self, group=0):  # positions are the match's own
        return self.match.span(group)

    def start(self, group=0):
        return self.match.start(group)


def _anaphoric(precision: str, fn: Callable[[cal.CalendarSpan], cal.CalendarSpan | None]) -> _Reading:
    return _Reading(precision, True, lambda anchor, tense: None, fn)


def _is_day(ref: cal.CalendarSpan) -> bool:
    return ref.precision == "day" and ref.start == ref.end


def _moved(ref: cal.CalendarSpan, unit: str, n: int) -> cal.CalendarSpan | None:
    """``ref`` moved by ``n`` units: a day stays a day for day and week steps (from the last day of a range of
    days going forward, its first going back); otherwise the unit's own span."""
    if unit in ("day", "week") and ref.precision == "day":
        return cal.day_span((ref.end if n > 0 else ref.start) + timedelta(days=n * (7 if unit == "week" else 1)))
    if unit == "week" and ref.precision == "week":
        return cal.week_span(ref.start + timedelta(weeks=n))
    if unit == "month" and ref.precision in ("day", "week", "month"):
        return cal.month_span(*cal.add_months(ref.start.year, ref.start.month, n))
    if unit == "year":
        return _year_back(ref, n) or cal.year_span(ref.start.year + n)
    return None


def _year_back(ref: cal.CalendarSpan, n: int) -> cal.CalendarSpan | None:
    """A quarter or half moved by ``n`` years, keeping its granularity (a year-on-year comparison in a
    financial report: "profit rose from $5m a year earlier" after "the third quarter"); a cumulative period's
    year moved by ``n`` (the year); None for other spans."""
    part = re.fullmatch(r"(\d{4})-([HQ])(\d)", ref.timex)
    if part:
        return cal.part_of_year_span(int(part[1]) + n, part[2], int(part[3]))
    return cal.year_span(ref.start.year + n) if ref.precision == CUMULATIVE else None


def _compared_period(text: str, start: int, period: tuple[int, cal.CalendarSpan] | None,
                     anchor: date | None) -> cal.CalendarSpan | None:
    """The reporting period a year-on-year comparison at ``start`` refers to: the last quarter or half named
    (``period``), unless a cumulative period ("for the nine months") was named after it — then that period's
    year (the named quarter's, else the year of the last quarter completed by the anchor)."""
    after = period[0] if period is not None else 0
    if not _CUMULATIVE_PERIOD.search(text, after, start):
        return period[1] if period is not None else None
    if period is not None:
        year = period[1].end.year
    elif anchor is not None:
        year = anchor.year - 1 if anchor.month <= 3 else anchor.year
    else:
        return None
    return replace(cal.year_span(year), precision=CUMULATIVE)


def _read_same_day(m, ctx):
    return _anaphoric("day", lambda ref: cal.day_span(ref.start) if _is_day(ref) else None)


def _read_offset(m, ctx):
    if m["n"].lower() in VAGUE_NUMBERS:
        return None
    unit = m["unit"].lower().rstrip("s")
    n = _count(m["n"]) * (-1 if m["dir"].lower() == "earlier" else 1)
    reading = _anaphoric(unit, lambda ref: _moved(ref, unit, n))
    if unit == "year" and n == -1:  # "up from $3m a year earlier" after "the third quarter"
        return _Reading(reading.precision, True, reading.resolve, reading.from_previous,
                        compared=lambda ref, anchor: _year_back(ref, -1))
    return reading


def _read_adjacent_unit(m, ctx):
    unit = m["unit"].lower()
    n = -1 if m["dir"].lower() in ("previous", "preceding", "before") else 1
    return _anaphoric(unit, lambda ref: _moved(ref, unit, n))


_MOD_OPT = rf"(?:(?P<mod>{_MOD})(?:\s*-\s*|\s+))?"
_REFERENCE_ALT = r"\s+".join(_alt(REFERENCE_WORDS).split(r"\ "))  # "the near future": any space between words
_HOLIDAY_ALT = _alt(HOLIDAYS).replace("'", "['’]").replace(r"\ ", r"\s+")  # case as written: "Easter", not "easter"
_FISCAL = r"(?i:fiscal)[-\s]+"  # "fiscal 1989", "the fiscal first quarter": TimeML's extent includes it
_NAMED_QUARTER = re.compile(rf"(?<![A-Za-z])(?i:{_alt(ORDINALS)})[-\s](?i:quarter)|(?<![A-Za-z])Q[1-4](?![A-Za-z\d])")

# more months after a month without a year, the list ending in a year: "November and December 2016"
SHARED_YEAR = True  # session 13; a switch to measure it
_LISTED_MONTH = rf"(?<![A-Za-z])(?:{_alt(_FULL_MONTHS)})(?![A-Za-z])"
_SHARED_YEAR = re.compile(rf"(?:\s*,\s*|\s+(?i:and|or)\s+){_LISTED_MONTH}"  # not ", and" first: a new clause
                          rf"(?:(?:\s*,\s*(?:(?i:and|or)\s+)?|\s+(?i:and|or)\s+){_LISTED_MONTH})*,?\s+{_year('y')}")
_LIST_BEFORE = re.compile(rf"{_LISTED_MONTH}\s*,\s*$")

RULES: list[tuple[str, re.Pattern, Callable]] = [(name, re.compile(rx), fn) for name, rx, fn in [
    ("iso_date", rf"(?<![\d-])(?P<y>1[89]\d\d|20\d\d)-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)", _read_iso),
    ("month_day_range",
     rf"{_BETWEEN}(?P<core>{_month('m1')}\s+{_day('d1')}(?:,?\s+{_year('y1')})?\s*{_RANGE_SEP}\s*(?:{_month('m2')}\s+)?{_day('d2')}(?:,?\s+{_year('y2')})?)",
     _read_day_range),
    ("day_month_range",
     rf"{_BETWEEN}(?P<core>{_day('d1')}(?:\s+{_month('m1')})?\s*{_RANGE_SEP}\s*{_day('d2')}\s+{_month('m2')}(?:,?\s+{_year('y')})?)",
     _read_day_range),
    ("month_range",
     rf"{_BETWEEN}(?P<core>(?:(?P<mod1>{_MOD})(?:\s*-\s*|\s+))?{_month('m1', True)}(?:,?\s+{_year('y1')})?\s*{_RANGE_SEP}\s*"
     rf"(?:(?P<mod2>{_MOD})(?:\s*-\s*|\s+))?{_month('m2', True)}(?:,?\s+{_year('y2')})?)",
     _read_month_range),
    ("month_day", rf"(?P<core>(?:{_weekday('wd')}(?:,?\s+|\s+\((?=[A-Z][a-z.]+\s+\d+\))))?{_month('m')}\s+{_day('d')}(?:,?\s+{_year('y')})?)", _read_date),
    ("day_month",
     rf"(?P<core>(?:{_weekday('wd')},?\s+)?(?:(?i:the)\s+)?{_day('d')}\s+(?:(?i:of)\s+)?{_month('m')}(?:,?\s+{_year('y')})?)",
     _read_date),
    ("month", rf"(?P<core>(?:(?P<shift>{_SHIFT})\s+)?{_MOD_OPT}{_month('m', True)}(?:,?\s+(?:(?i:of)\s+)?{_year('y')}|"
              rf"\s+(?:(?i:of)\s+)?(?P<yshift>(?i:last|this|next))\s+(?i:year)(?!'))?)", _read_month),
    ("season",
     rf"(?P<core>(?:(?i:the)\s+(?=(?i:early|mid|late)[-\s]))?{_MOD_OPT}(?:(?P<shift>{_SHIFT}|(?i:past|the|that))\s+)?(?<![A-Za-z])(?P<s>(?i:{_alt(SEASONS)}))(?![A-Za-z])"
     rf"(?:,?\s+(?:(?i:of)\s+)?{_year('y')})?)",
     _read_season),
    ("part_of_year",
     rf"(?P<core>(?:(?i:the)\s+)?(?P<ord>(?i:{_alt(ORDINALS)}))\s+(?P<unit>(?i:half|quarter|two\s+quarters))\s+(?i:of)\s+"
     rf"(?:{_year('y')}|(?P<shift>(?i:the|this|last|next|current))\s+(?i:year)))",
     _read_part_of_year),
    ("quarter",  # "the third quarter", "fiscal second-quarter"; "the" of "the third-quarter profit" is the noun's
     rf"(?<![A-Za-z])(?:(?i:the)\s+(?=(?:{_FISCAL})?(?i:first|second|third|fourth)-(?i:quarter)\s+[a-z]))?"
     rf"(?P<core>(?:(?i:the)\s+)?(?:{_FISCAL})?(?P<ord>(?i:first|second|third|fourth))[-\s](?i:quarter))(?![-A-Za-z])",
     _read_quarter),
    ("shifted_quarter", rf"(?<![A-Za-z])(?P<core>(?:(?i:the)\s+)?(?P<shift>(?i:{_alt(QUARTER_SHIFTS)}))\s+(?i:quarter))(?![-A-Za-z])",
     _read_shifted_quarter),
    ("year_part",
     rf"(?P<core>(?:(?i:the)\s+)?(?:{_year('y')}|(?P<shift>(?i:this|last|next))\s+(?i:year's))\s+(?:(?i:fiscal)\s+)?"
     rf"(?P<ord>(?i:{_alt(ORDINALS)}))[-\s](?P<unit>(?i:half|quarter)))(?![-A-Za-z])",
     _read_part_of_year),  # "the 1988 second quarter", "next year's first quarter"
    ("year_ago_part",
     rf"(?<![A-Za-z])(?P<core>(?:(?i:the)\s+)?(?i:year-ago|year-earlier|year-before)\s+(?:(?:(?P<ord>(?i:first|second|third|fourth))[-\s])?(?i:quarter)|(?i:period)))(?![-A-Za-z])",
     _read_year_ago_part),
    ("last_years_part",  # "last year's quarter", "the corresponding period last year": the same comparison
     rf"(?<![A-Za-z])(?P<core>(?i:last\s+year's)\s+(?:(?:(?P<ord>(?i:first|second|third|fourth))[-\s])?(?i:quarter)|(?i:period))"
     rf"|(?i:the\s+(?:same|corresponding|comparable)\s+(?:quarter|period)\s+(?:of\s+)?last\s+year))(?![-A-Za-z'])(?!\s+(?i:of)\b)",
     _read_year_ago_part),
    ("year_ago_adjective", r"(?<![-A-Za-z])(?P<core>(?i:year-ago|year-earlier|year-before))(?=\s+[a-z])", _read_year_ago_adjective),
    ("year_period", rf"(?<![A-Za-z])(?P<core>(?i:the)\s+{_year('y')}\s+(?i:quarter|period))(?![-A-Za-z])", _read_year_period),
    ("year_end", r"(?<![-A-Za-z])(?P<core>(?i:year(?:-|\s+|'s\s+)end)|(?P<full>(?i:the\s+full\s+year)))(?![-A-Za-z])(?!\s+(?:\d|(?i:of)\b))",
     _read_year_end),
    ("period_ended",  # "the quarter ended Sept. 30", "the fiscal year ending June 30, 1990": the period of that day
     rf"(?<![A-Za-z])(?P<core>(?i:the)\s+(?:{_FISCAL})?(?P<unit>(?i:quarter|year)))\s+(?P<verb>(?i:ended|ending))\s+"
     rf"{_month('m')}\s+{_day('d')}(?:,?\s+{_year('y')})?",
     _read_period_ended),
    ("the_quarter", r"(?<![A-Za-z])(?P<core>(?i:the)\s+(?i:quarter|latest\s+period)(?P<ago>\s+(?i:a\s+year\s+(?:ago|earlier)))?)(?![-A-Za-z]|\s+(?i:of|century)\b)",
     _read_the_quarter),
    ("part_code", rf"(?<![A-Za-z])(?P<core>(?P<unit>[HQ])(?P<n>[1-4])\s+{_year('y')})", _read_part_code),
    ("year_range", rf"(?P<core>{_year('y1')}\s*(?:-|–|/|(?i:to))\s*(?P<y2>(?:1[89]|20)?\d\d)(?![\d%]))", _read_year_range),
    ("year", rf"(?P<core>{_MOD_OPT}(?:(?P<fiscal>(?i:fiscal))\s+)?{_year('y')})", _read_year),
    ("spelled_year", rf"(?P<core>(?:(?i:the\s+year)\s+|{_month('m', True)}\s+)?{SPELLED_YEAR})", _read_spelled_year),
    ("decade", rf"(?P<core>(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))(?:\s*-\s*|\s+))?(?<!\d)(?P<dec>(?:1[89]|20)\d)0s)(?![A-Za-z])", _read_decade),
    ("decade_word", rf"(?<![A-Za-z])(?P<core>(?i:the)\s+(?:(?P<mod>(?i:early|mid|late))(?:\s*-\s*|\s+))?(?P<w>(?i:{_alt(DECADE_WORDS)})))(?![-A-Za-z])",
     _read_decade_word),
    ("century", rf"(?<![A-Za-z])(?P<core>(?:(?i:the)\s+)?(?:(?P<n>\d{{2}})(?i:st|nd|rd|th)|(?P<w>(?i:{_CENTURY_WORDS})))[-\s](?i:century))(?![-A-Za-z])",
     _read_century),
    ("weekday",
     rf"(?P<core>(?:(?P<shift>(?i:last|this|next|coming|past))\s+)?(?:(?i:early|late)\s+)?{_weekday('wd')}(?:\s+(?P<part>{_PART}))?)(?![a-z])",
     _read_weekday),
    ("deictic", rf"(?<![A-Za-z])(?P<core>(?P<w>(?i:{_alt(DEICTIC)}))(?:\s+(?P<part>{_PART}))?)(?![a-z])", _read_deictic),
    ("part_of_day", rf"(?<![A-Za-z])(?P<core>(?P<shift>(?i:last|this))\s+(?P<part>(?i:night|morning|afternoon|evening)))(?![a-z])", _read_part_of_day),
    ("shifted_unit",
     rf"(?<![A-Za-z])(?P<core>(?:(?P<edge>(?i:earlier|later))\s+(?:(?P<within>(?i:in))\s+(?=(?i:the)\s))?)?{_MOD_OPT}(?:(?i:the)\s+(?=(?i:current|coming)\s))?(?P<shift>{_SHIFT}(?:\s+(?i:fiscal)(?=\s+(?i:year)\b))?|(?i:the|that))\s+(?P<unit>(?i:week|weekend|month|year)))(?![a-z])",
     _read_shifted_unit),
    ("trailing", rf"(?<![A-Za-z])(?P<core>(?i:the)\s+(?i:past|last)\s+(?:(?P<n>\d+|{_NUM})\s+)?(?P<unit>{_UNIT}))(?![a-z])", _read_trailing),
    ("ago", rf"(?<![A-Za-z\d])(?P<core>(?P<n>\d+|{_NUM})\s+(?P<unit>{_UNIT})\s+(?i:ago))(?![a-z])", _read_ago),
    ("same_day", r"(?<![A-Za-z])(?P<core>(?i:the\s+same\s+day|that\s+(?:same\s+)?day))(?![a-z])", _read_same_day),
    ("offset", rf"(?<![A-Za-z\d])(?P<core>(?P<n>\d+|{_NUM})\s+(?P<unit>(?i:days?|weeks?|months?|years?))\s+(?P<dir>(?i:later|earlier)))(?![a-z])",
     _read_offset),
    ("adjacent_unit",
     r"(?<![A-Za-z])(?P<core>(?i:the)\s+(?:(?P<dir>(?i:next))\s+(?P<unit>(?i:day))|(?P<dir2>(?i:following|previous|preceding))\s+(?P<unit2>(?i:day|week|month|year))))(?![a-z])",
     lambda m, ctx: _read_adjacent_unit(_Groups(m, dir=m["dir"] or m["dir2"], unit=m["unit"] or m["unit2"]), ctx)),
    ("day_around", r"(?<![A-Za-z])(?P<core>(?i:the\s+day\s+(?P<dir>before|after)))(?=\s*[,.;:!?])",
     lambda m, ctx: _read_adjacent_unit(_Groups(m, unit="day"), ctx)),
    ("holiday", rf"(?<![A-Za-z])(?P<core>(?:(?P<shift>(?i:last|next|this))\s+)?(?P<h>{_HOLIDAY_ALT})(?:\s+(?P<week>week))?"
                rf"(?:,?\s+(?:(?i:of)\s+)?{_year('y')})?)(?![-A-Za-z])", _read_holiday),
    ("weekend", rf"(?<![A-Za-z])(?i:over|during|at|on)\s+(?P<core>(?i:the)\s+(?i:weekend))(?![a-z])", _read_weekend),
    ("reference_word", rf"(?<![-A-Za-z])(?P<core>(?P<w>(?i:{_REFERENCE_ALT})))(?![-A-Za-z])",
     _read_reference_word),
]]



# ---------------------------------------------------------------- prefilter (speed only: the same rows)
# A rule whose every match contains one of its key words cannot match a stretch of text that contains none of them:
# its regex is not run there (session 21; the rules' regexes over every character were ~80% of the stage's CPU).
# The stretches are the text between double quotation marks (SEGMENT_BOUNDARY), characters that no rule's regex
# reads: no match holds one, and a lookahead reads one as it reads the end of the text, so ``finditer`` from one
# mark to the next finds what it finds in the whole text there (tests/time/test_session21_date_speed.py checks
# every rule's parsed regex for it). The keys are literal parts of each rule's regex: a word its grammar requires
# ("quarter", "ago"), or one of a word list of the lexicon that it requires (the seasons, the weekdays, the holidays'
# words; RULE_CASED_KEYS: the first three letters of a month name, which the grammar matches as written, and a year's
# first two digits). Rules with neither are always run. RULE_KEYS are compared with the text lower-cased after _FOLD, so a key also finds
# what a case-insensitive group matches in other scripts (Python's re matches "i" with "İ" and "ı", "s" with "ſ",
# "k" with the Kelvin sign).
RULE_PREFILTER = True  # a switch to measure it (off: every regex runs on the whole text)
SEGMENT_BOUNDARY = re.compile('["\u201c\u201d]')
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
# session 22: a match that holds one of those letters is the case-insensitive regex's reading of another script, not
# an English date ("wİnter", "the paſt week"): it is not read (its reader looked its words up and raised KeyError,
# which lost the article's dates). Switched off only to measure it.
SKIP_FOLDED_MATCHES = True
_FOLDED_LETTER = re.compile("[\u0130\u0131\u017f\u212a]")


def _longest_piece(word: str) -> str:
    """The longest part of a lexicon word between spaces and apostrophes: a literal piece of its regex (the
    grammar writes a space as ``\\s+`` and an apostrophe as ``['’]``)."""
    return max(re.split(r"[\s'’]+", word), key=len).lower()


RULE_KEYS: dict[str, tuple[str, ...]] = {
    "iso_date": ("-",),
    "season": tuple(w.lower() for w in SEASONS),
    "part_of_year": ("half", "quarter"),
    "quarter": ("quarter",),
    "shifted_quarter": ("quarter",),
    "year_part": ("half", "quarter"),
    "year_ago_part": ("year",),
    "last_years_part": ("year",),
    "year_ago_adjective": ("year-",),
    "year_period": ("quarter", "period"),
    "year_end": ("year",),
    "the_quarter": ("quarter", "period"),
    "part_code": tuple(f"{u}{n}" for u in "hq" for n in "1234"),
    "spelled_year": tuple(_longest_piece(w) for w in [*_SPELLED["centuries"], _SPELLED["thousand"]]),
    "decade": ("0s",),
    "decade_word": tuple(w.lower() for w in DECADE_WORDS),
    "century": ("century",),
    "weekday": tuple(w.lower() for w in WEEKDAYS),
    "deictic": tuple(w.lower() for w in DEICTIC),
    "part_of_day": ("night", "morning", "afternoon", "evening"),
    "shifted_unit": ("week", "month", "year"),
    "trailing": ("past", "last"),
    "ago": ("ago",),
    "same_day": ("day",),
    "offset": ("later", "earlier"),
    "adjacent_unit": ("next", "following", "previous", "preceding"),
    "day_around": ("day",),
    "holiday": tuple(dict.fromkeys(_longest_piece(w) for w in HOLIDAYS)),
    "weekend": ("weekend",),
    "reference_word": tuple(_longest_piece(w) for w in REFERENCE_WORDS),
}
_MONTH_KEYS = tuple(dict.fromkeys(m[:3] for m in MONTHS))  # every month name as the grammar writes it starts so
RULE_CASED_KEYS: dict[str, tuple[str, ...]] = {name: _MONTH_KEYS for name in (
    "month_day_range", "day_month_range", "month_range", "month_day", "day_month", "month", "period_ended")}
RULE_CASED_KEYS |= {name: ("18", "19", "20") for name in ("year", "year_range")}  # a year's first two digits (_year)
# per rule (RULES' order): its keys (None: always run), whether they are as written, and whether its regex names
# the expression's span "core"
_RULE_PLAN = [(RULE_CASED_KEYS.get(name, RULE_KEYS.get(name)), name in RULE_CASED_KEYS, "core" in regex.groupindex)
              for name, regex, _ in RULES]
_FOLDED_KEYS = frozenset(k for keys in RULE_KEYS.values() for k in keys)
_CASED_KEYS = frozenset(k for keys in RULE_CASED_KEYS.values() for k in keys)


def _segments(text: str, folded: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, the text there, the same lower-cased after _FOLD)`` between the SEGMENT_BOUNDARY marks
    (``folded``: the whole text lower-cased after _FOLD)."""
    cuts = [0, *(m.start() for m in SEGMENT_BOUNDARY.finditer(text)), len(text)]
    if len(folded) != len(text):  # a character whose lower case is longer: fold each stretch on its own
        return [(a, b, text[a:b], text[a:b].translate(_FOLD).lower()) for a, b in zip(cuts, cuts[1:])]
    return [(a, b, text[a:b], folded[a:b]) for a, b in zip(cuts, cuts[1:])]


def find_time_expressions(text: str | None = None, anchor: date | None = None, doc: Doc | None = None,
                          tense: str | None = None, narrative: bool | None = None) -> list[TimeExpression]:
    """Time expressions in ``text`` (or ``doc.text``), resolved against ``anchor``.

    ``doc`` (a parse of the same text) gives each expression the tense of its
    clause and lets the model's DATE entities vouch for ambiguous words;
    ``tense`` ("past"/"future") overrides the parse for every expression. ``narrative`` (True/False)
    overrides the news-or-narrative decision of :func:`is_narrative`.
    """
    if doc is not None:
        text = doc_text(doc)
    if text is None:
        raise ValueError("find_time_expressions needs text or doc")
    if anchor is not None and not isinstance(anchor, date):
        raise TypeError(f"anchor must be a datetime.date or None, not {type(anchor).__name__}")
    ctx = _Context(text, doc, anchor)
    candidates = []
    segments = [(0, len(text), "", "")]
    if RULE_PREFILTER:  # the keys the whole text holds, each looked up once; the stretches between quotation marks
        whole = text.translate(_FOLD).lower()
        present = {k for k in _FOLDED_KEYS if k in whole} | {k for k in _CASED_KEYS if k in text}
        segments = _segments(text, whole)
    for order, ((_, regex, reader), (keys, cased, core)) in enumerate(zip(RULES, _RULE_PLAN)):
        if RULE_PREFILTER and keys is not None:
            keys = [k for k in keys if k in present]
            if not keys:
                continue
        for a, b, raw, folded in segments:
            if RULE_PREFILTER and keys is not None and len(segments) > 1 \
                    and not any(k in (raw if cased else folded) for k in keys):
                continue
            for m in regex.finditer(text, a, b):
                if SKIP_FOLDED_MATCHES and _FOLDED_LETTER.search(text, m.start(), m.end()):
                    continue
                start, end = m.span("core") if core else m.span()
                reading = reader(m, ctx)
                if reading is not None:
                    candidates.append((start, end, order, reading))
    chosen: list[tuple[int, int, int, _Reading]] = []
    taken: list[tuple[int, int]] = []
    for start, end, order, reading in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        chosen.append((start, end, order, reading))
    chosen.sort(key=lambda c: c[0])
    if narrative is None:
        narrative = is_narrative(anchor, [r.resolve(anchor, tense) for *_, r in chosen if not r.relative],
                                 sum(_deictic(text, s, e, o) for s, e, o, _ in chosen)) \
            or is_chronicle(text, chosen, anchor, tense)
    out = []
    previous: tuple[int, cal.CalendarSpan] | None = None  # end offset and span of the last resolved point in time
    story: dict[str, tuple[int, cal.CalendarSpan]] = {}  # narrative reference time: the last date (and year) set
    period: tuple[int, cal.CalendarSpan] | None = None  # the last quarter or half named (financial reports)
    for start, end, order, reading in chosen:
        start = _with_approximator(text, start, end, RULES[order][0])
        start = _with_edge(text, start, RULES[order][0], out[-1].end_char if out else 0)
        if reading.value is not None:  # "now", "recently": a TimeML value, no calendar span, nothing to refer to
            out.append(TimeExpression(start, end, text[start:end], None, None, reading.precision, reading.value,
                                      False, RULES[order][0], "none"))
            continue
        source = "absolute" if not reading.relative else "publication"
        from_year = False
        named = _compared_period(text, start, period, anchor) \
            if reading.compared is not None and not _frames_sentence(text, start, end, reading) else None
        compared = reading.compared(named, anchor) if named is not None else None
        if compared is not None:
            span, source = compared, "previous"
        elif reading.from_previous is not None:
            near = previous is not None and start - previous[0] <= MAX_BACK_REFERENCE
            span, source = (reading.from_previous(previous[1]) if near else None), "previous"
        else:
            span = None
            last = max(story.values(), key=lambda t: t[0]) if story else None
            if reading.definite and not narrative and last is not None and _same_sentence(text, last[0], start):
                span, source = reading.from_reference(last[1]), "previous"
            ref = _story_time(ctx.text, story, start, RULES[order][0] == "weekday") \
                if narrative and reading.from_reference and not ctx.present(start, end) else None
            if span is None and ref is not None:
                span, source = reading.from_reference(ref[1]), "narrative"
                from_year = ref[0] == "year"
            if span is None:
                span, source = reading.resolve(anchor, tense), "absolute" if not reading.relative else "publication"
        if span is not None and _is_point(span):
            previous = (end, span)
            if source in ("absolute", "narrative", "previous") and span.start.year == span.end.year \
                    and not (source == "narrative" and from_year) \
                    and not (SINCE_YEAR_IS_BACKGROUND and span.precision == "year"
                             and ctx.previous_word(start) in PERIOD_START_PREPS):
                # a date dated by a bare year stays local; "since 2014" is background, not story time
                story["year" if span.precision == "year" else "date"] = (end, span)
            if _year_back(span, 0) is not None and source != "previous" and (anchor is None or span.start <= anchor) \
                    and not (anchor is not None and span.end >= anchor and (tense or ctx.tense(start, end)) == cal.FUTURE):
                period = (end, span)  # the reporting period a year-on-year comparison refers to: begun by the anchor,
                # not a forecast ("analysts expect the slump to continue into the fourth quarter", a quarter not
                # over yet in a future clause; "third-quarter earnings will be lower" is a quarter ended)
        out.append(TimeExpression(
            start, end, text[start:end],
            span.start if span else None, span.end if span else None,
            span.precision if span else reading.precision,
            span.timex if span else None, reading.relative, RULES[order][0],
            source if span is not None else "none",
        ))
    return out


_FRAMING_COMPARISON = re.compile(r"(?i:last\s+year|(?:a|one)\s+year\s+ago)")


def _frames_sentence(text: str, start: int, end: int, reading: _Reading) -> bool:
    """True for "Last year" or "A year ago" opening its sentence ("Last year, the company
    earned $480m", "A year ago, it had a profit of $1.8m"): it sets the time of the whole clause — the year —
    rather than comparing a figure with the period named before ("up from $5m a year ago" after "the third
    quarter"). Not a possessive ("Last year's results" are the period's), nor "A year earlier", which counts
    from the period named before by its own meaning, nor "Year-ago profit" (a period's noun)."""
    if not COMPARISON_FRAMES_SENTENCE or not _FRAMING_COMPARISON.fullmatch(text, start, end) \
            or re.match(r"['’]", text[end:end + 1]):
        return False
    before = text[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:\n"


def _same_sentence(text: str, end: int, start: int) -> bool:
    """True when nothing between ``end`` and ``start`` ends a sentence or a paragraph."""
    between = text[end:start]
    return "\n" not in between and not re.search(r"[.!?][\"'”’)]*\s", between)


def _deictic(text: str, start: int, end: int, order: int) -> bool:
    """True for an expression that points at the time of writing (see DEICTIC_RULES)."""
    if RULES[order][0] not in DEICTIC_RULES:
        return False
    first = text[start:end].split()[0].lower()
    return RULES[order][0] not in ("shifted_unit", "weekday") or first in SHIFTS or first in ("earlier", "later", "past")


def _story_time(text: str, story: dict[str, tuple[int, cal.CalendarSpan]], start: int,
                local: bool = False) -> tuple[str, cal.CalendarSpan] | None:
    """The story's reference time for an expression at ``start``: the last day, month or season it set, or a
    later bare year ("in 2022") within the same paragraph (a year elsewhere is mostly background: "since
    2014", "the 1992 constitution"). ``local``: only a date set in the same paragraph (weekdays: "said on
    Thursday" in a later paragraph is the reporter's Thursday)."""
    year, fine = story.get("year"), story.get("date")
    if year is not None and (fine is None or year[0] > fine[0]) and "\n" not in text[year[0]:start]:
        return "year", year[1]
    if fine is None or local and "\n" in text[fine[0]:start]:
        return None
    return "date", fine[1]


def _is_point(span: cal.CalendarSpan) -> bool:
    """A point in time the text can refer back to: not a duration ("P1W"), nor a range ("…/…") other than
    one of days ("between March 13 and 17")."""
    return not span.timex.startswith("P") and ("/" not in span.timex or span.precision == "day")


def is_chronicle(text: str, chosen: list[tuple[int, int, int, "_Reading"]], anchor: date | None,
                 tense: str | None = None) -> bool:
    """True when the text's under-specified dates (days, months, seasons without a year; not weekdays, not
    expressions pointing at the writing time) keep their text order better read against the story's time — the
    last date the text set, explicitly or by this reading — than against the publication date: the news reading
    of "On April 2 … On April 21 … in May … Over the summer … in late August" in a timeline published the next
    February jumps from the coming summer back to last August. At least CHRONICLE_MIN such dates, and strictly
    fewer days gone back in time, summed over consecutive dates (a story reading that jumps from 1941 to 2022 and
    back a year is not kept in order by it)."""
    if anchor is None:
        return False
    ref: cal.CalendarSpan | None = None
    news: list[date] = []
    story: list[date] = []
    for start, end, order, reading in chosen:
        if not reading.relative:
            span = reading.resolve(anchor, tense)
            if span is not None and _is_point(span) and span.precision in NARRATIVE_PRECISIONS \
                    and span.start.year == span.end.year:
                ref = span
            continue
        if ref is None or reading.from_reference is None or reading.from_previous is not None \
                or RULES[order][0] == "weekday" or _deictic(text, start, end, order):
            continue
        as_news, as_story = reading.resolve(anchor, tense), reading.from_reference(ref)
        if as_news is None or as_story is None:
            continue
        news.append(as_news.start)
        story.append(as_story.start)
        ref = as_story
    if len(news) < CHRONICLE_MIN:
        return False
    def days_back(days: list[date]) -> int:
        return sum(max(0, (earlier - later).days) for earlier, later in zip(days, days[1:]))
    return days_back(story) < days_back(news)


def is_narrative(anchor: date | None, dated: Iterable[cal.CalendarSpan | None], deictic: int = 0) -> bool:
    """News or narrative (see NARRATIVE_DISTANCE): from the spans of the text's explicitly dated expressions
    and the number of its expressions that point at the time of writing (``deictic``: "on Friday",
    "yesterday", "last week", "two days ago")."""
    spans = [s for s in dated if s is not None and _is_point(s) and s.precision in NARRATIVE_PRECISIONS]
    if not spans:
        return False
    if anchor is None:
        return True
    far = sum(cal.gap(anchor, anchor, s) > NARRATIVE_DISTANCE for s in spans)
    return far >= NARRATIVE_MIN_DATED and far >= NARRATIVE_SHARE * len(spans) and far > deictic
