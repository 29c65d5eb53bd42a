"""Load the NLP lexicons (``src/helpers/data/nlp_*``): reporting verbs, units, qualifiers, number words, names.

The rules in ``nlp``, ``entities``, ``statements`` and ``claims`` read their word lists from
these data files, so extending coverage means editing data, not code.
"""
from __future__ import annotations

import csv
import functools
import json
from importlib import resources


def _data(name: str):
    return resources.files("helpers") / "data" / name


@functools.lru_cache(maxsize=None)
def load_json(name: str) -> dict:
    with _data(name).open(encoding="utf-8") as fh:
        data = json.load(fh)
    data.pop("_doc", None)
    return data


@functools.lru_cache(maxsize=None)
def units() -> dict[str, tuple[str, str]]:
    """Word (lower case, singular or as written) -> (unit, category)."""
    with _data("nlp_units.csv").open(encoding="utf-8", newline="") as fh:
        return {row["word"]: (row["unit"], row["category"]) for row in csv.DictReader(fh)}


def cue_verbs() -> dict:
    return load_json("nlp_cue_verbs.json")


def qualifiers() -> dict[str, str]:
    return load_json("nlp_qualifiers.json")


def numbers() -> dict:
    return load_json("nlp_numbers.json")


def names() -> dict:
    return load_json("nlp_names.json")
