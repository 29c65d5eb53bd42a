"""The calendar words of the time-expression grammar, loaded from ``data/dates_lexicon.json``."""
from __future__ import annotations

import functools
import json
from importlib import resources


@functools.lru_cache(maxsize=1)
def load() -> dict:
    """The lexicon as a dict (months, weekdays, seasons, modifiers, context and tense cue words)."""
    text = resources.files("helpers").joinpath("data/dates_lexicon.json").read_text(encoding="utf-8")
    return json.loads(text)
