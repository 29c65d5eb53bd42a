"""Load the NLP lexicons (``src/helpers/text/rules/``): reporting verbs, units, qualifiers, number words, names.

The rules in ``nlp``, ``entities``, ``statements`` and ``claims`` read their word lists from
these data files, so extending coverage means editing data, not code.
"""
from __future__ import annotations

import functools
from helpers.core import rules


def load_json(name: str) -> dict:
    return rules.load_json("text", name)


@functools.lru_cache(maxsize=None)
def units() -> dict[str, tuple[str, str]]:
    """Word (lower case, singular or as written) -> (unit, category)."""
    return {row["word"]: (row["unit"], row["category"]) for row in rules.load_csv("text", "units.csv")}


def cue_verbs() -> dict:
    return load_json("cue_verbs.json")


def qualifiers() -> dict[str, str]:
    return load_json("qualifiers.json")


def numbers() -> dict:
    return load_json("numbers.json")


def names() -> dict:
    return load_json("names.json")


def people_nouns() -> set[str]:
    """Common nouns naming a person or a group of people, learnt from PolNeAR train (``benchmarks/people_nouns.py``)."""
    return set(load_json("people_nouns.json")["people_nouns"])

