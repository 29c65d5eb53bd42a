"""The two dates of a claim, from the ``dates`` table (no parsing here).

Rules, in order (the first that applies gives ``claimed_on``):

1. ``statement`` — a day-precision date expression of the claim's sentence that dates a reporting
   event (:func:`is_statement_date`: not quoted; opening a sentence with a reporting verb, "On
   October 18, the agency said"; or in the clause of a reporting verb, "Kirby said on Wednesday";
   verbs in ``ledger/rules/ledger_rules.json``).
2. ``statement`` — the same in the sentence just before it (the sentence introducing the statement).
3. ``article`` / ``inherited`` — the article's date: stated, else inherited from its source (05).
4. ``none`` — no date at all.

``refers_to_*``: the period the figure describes — the date expression of the claim's sentence
nearest to the claim that is not a reporting-event date (its start, end and precision); a date that
opens a period ("since January 1") runs to ``claimed_on``; ``none`` when the sentence has no other date.
A figure with a rate cue ("in the last day", ``rate_cues``) is a rate, never a total (:mod:`.build`).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pandas as pd

from helpers.core import rules


@functools.lru_cache(maxsize=1)
def ledger_rules() -> dict:
    """``ledger/rules/ledger_rules.json``."""
    return rules.load_json("ledger", "ledger_rules.json")


@functools.lru_cache(maxsize=1)
def _verb_pattern() -> re.Pattern:
    verbs = "|".join(map(re.escape, ledger_rules()["reporting_verbs"]))
    return re.compile(rf"\b({verbs})\b", re.IGNORECASE)


@dataclass(frozen=True)
class ClaimDates:
    claimed_on: object
    claimed_on_source: str
    refers_to_start: object
    refers_to_end: object
    refers_to_precision: str
    opens_period: bool = False  # refers_to runs from a "since"/"from" date to claimed_on


_BREAK = re.compile(r"[.!?]\s|\n")
_QUOTES = "\u201c\u201d\""


def is_statement_date(text: str, start: int, end: int, precision: str) -> bool:
    """Is the day-precision date at ``text[start:end]`` the date of a reporting event?

    Named rules (``ledger_rules.json``): ``not_quoted`` — a date inside a quotation is what the
    speaker talks about, never when they spoke; ``sentence_opening`` — the date opens its sentence
    ("On Wednesday, X revealed …") and the sentence has a reporting verb; ``after_verb`` — the date
    follows a reporting verb within ``statement_date_window`` characters of the same clause, with no
    "that" or figure between them ("X said on Wednesday", not "X said that 500 … since January 1"); ``before_verb`` — the date is followed in its clause by a reporting verb
    ("X on Monday said")."""
    if precision != "day":
        return False
    cfg, verb = ledger_rules(), _verb_pattern()
    breaks = [m.end() for m in _BREAK.finditer(text, 0, start)]
    prefix = text[breaks[-1] if breaks else 0:start]
    nxt = _BREAK.search(text, end)
    rest = text[end:nxt.start() if nxt else len(text)]
    if sum(prefix.count(q) for q in _QUOTES) % 2:  # not_quoted
        return False
    if re.fullmatch(r"\s*(?:(?:on|last|this|early|late)\s+)?", prefix, re.IGNORECASE):  # sentence_opening
        return bool(verb.search(rest))
    w = cfg["statement_date_window"]
    clause_before = re.split(r"[,;:\u201c\u201d\"]", prefix[-w:])[-1]
    hits = list(verb.finditer(clause_before))
    if hits and not re.search(r"\bthat\b|\d", clause_before[hits[-1].end():]):  # after_verb, not in what was said
        return True
    clause_after = re.split(r"[,;:\u201c\u201d\"]", rest[:w])[0]
    return bool(verb.search(clause_after))  # before_verb


def opens_period(text: str, start: int) -> bool:
    """The date at ``start`` opens a period ("since January 1", "from March"): rule ``period_start``."""
    cfg = ledger_rules()
    before = text[max(0, start - cfg["period_start_window"]):start].lower()
    return any(re.search(rf"\b{re.escape(w)}\s+(?:the\s+)?$", before) for w in cfg["period_start_words"])


def claim_dates(claims: pd.DataFrame, dates: pd.DataFrame | None, texts: dict[str, str],
                anchors: pd.DataFrame) -> dict[str, ClaimDates]:
    """claim_id → :class:`ClaimDates`. ``anchors``: :func:`helpers.rewrites.inference.date_anchors`
    indexed by article_id; ``texts``: article_id → ``articles.text``."""
    # article_id -> (anchor, anchor_source), read once: a .loc look-up per claim cost 07 about 0.3 s on 942 claims
    anchor_of = dict(zip(anchors.index, zip(anchors["anchor"].tolist(), anchors["anchor_source"].tolist())))
    by_sentence: dict[tuple, list] = {}
    if dates is not None and len(dates):
        for d in dates[dates["start"].notna()].itertuples(index=False):
            text = texts.get(d.article_id, "")
            stmt = is_statement_date(text, d.start_char, d.end_char, d.precision)
            by_sentence.setdefault((d.article_id, d.sentence_id), []).append((d, stmt))
    out = {}
    for c in claims.itertuples(index=False):
        here = by_sentence.get((c.article_id, c.sentence_id), [])
        stmt = [d for d, s in here if s] or [d for d, s in by_sentence.get((c.article_id, c.sentence_id - 1), []) if s]
        if stmt:
            best = min(stmt, key=lambda d: abs(d.start_char - c.start_char))
            claimed_on, source = best.start, "statement"
        elif c.article_id in anchor_of and anchor_of[c.article_id][1] != "none":
            anchor, anchor_source = anchor_of[c.article_id]
            claimed_on, source = anchor, ("inherited" if anchor_source == "inferred" else "article")
        else:
            claimed_on, source = None, "none"
        others = [d for d, s in here if not s]
        if others:
            r = min(others, key=lambda d: abs(d.start_char - c.start_char))
            refers = (r.start, r.end, r.precision, False)
            if opens_period(texts.get(c.article_id, ""), r.start_char) and claimed_on is not None:
                refers = (r.start, claimed_on, r.precision, True)  # "since January 1": up to when it was said
        else:
            refers = (None, None, "none", False)
        out[c.claim_id] = ClaimDates(claimed_on, source, *refers)
    return out
