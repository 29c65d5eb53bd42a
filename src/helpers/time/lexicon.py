"""The calendar words of the time-expression grammar, loaded from ``time/rules/date_words.json``."""
from __future__ import annotations

import functools
from helpers.core import rules


@functools.lru_cache(maxsize=1)
def load() -> dict:
    """The lexicon as a dict (months, weekdays, seasons, modifiers, context and tense cue words)."""
    return rules.load_json("time", "date_words.json")
