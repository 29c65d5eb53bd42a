"""The one loader for every stage's rules files (``src/helpers/<stage>/rules/*.json|csv``).

Word lists that are facts about language or the world live in data files beside the
stage that uses them; code holds the logic. Each file is read once per process
(``functools.lru_cache``); JSON keys starting with ``_`` are documentation and are dropped.
"""
from __future__ import annotations

import csv
import functools
import json
from importlib import resources
from importlib.abc import Traversable


def rules_file(stage: str, name: str) -> Traversable:
    """``helpers/<stage>/rules/<name>`` (``stage`` is the subpackage name, e.g. ``"text"``)."""
    return resources.files("helpers").joinpath(stage, "rules", name)  # without importing the stage


@functools.lru_cache(maxsize=None)
def load_json(stage: str, name: str) -> dict:
    """A JSON rules file without its ``_``-prefixed documentation keys."""
    with rules_file(stage, name).open(encoding="utf-8") as fh:
        data = json.load(fh)
    if isinstance(data, dict):
        data = {k: v for k, v in data.items() if not k.startswith("_")}
    return data


@functools.lru_cache(maxsize=None)
def load_csv(stage: str, name: str) -> tuple[dict, ...]:
    """A CSV rules file as a tuple of row dicts (header = keys)."""
    with rules_file(stage, name).open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))
