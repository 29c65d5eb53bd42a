"""Every notebook's stage declaration, collected from the stage packages (``<stage>.STAGES``).

The README's notebook table is generated from these, and the notebook tests check that each notebook
writes exactly the tables its spec declares.
"""
from __future__ import annotations

import importlib

from helpers.core.stage import StageSpec

STAGE_PACKAGES = ("parse", "text", "places", "rewrites", "time", "ledger", "figures")


def all_specs() -> list[StageSpec]:
    """Specs of every numbered notebook, in notebook order."""
    specs = [s for pkg in STAGE_PACKAGES for s in importlib.import_module(f"helpers.{pkg}").STAGES]
    return sorted(specs, key=lambda s: s.notebook)


def spec(notebook: str) -> StageSpec:
    """The spec of notebook ``NN`` (``"02"`` or ``"02_sentences_entities"``)."""
    number = notebook[:2]
    for s in all_specs():
        if s.notebook == number:
            return s
    raise KeyError(f"no stage declares notebook {number!r}")
