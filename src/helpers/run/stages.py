"""Every notebook's stage declaration, collected from the stage packages (``<stage>.STAGES``).

The README's notebook table is generated from these, and the notebook tests check that each notebook
writes exactly the tables its spec declares.

    python -m helpers.run.stages            print the README's notebook table
    python -m helpers.run.stages --write    replace it (and the data dictionary) between the markers in README.md

tests/run/test_stages_readme.py fails when the README's block differs from this rendering.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from helpers.core.spec import DOCS_FILE, StageSpec

STAGE_PACKAGES = ("parse", "text", "places", "rewrites", "time", "ledger", "figures")
START, END = "<!-- notebooks:start -->", "<!-- notebooks:end -->"


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


def _names(names, optional=()) -> str:
    def one(n):
        label = f"`{n}` (parsed documents)" if n == DOCS_FILE else f"`{n}`"
        return label + (" (if present)" if n in optional else "")
    return ", ".join(one(n) for n in names)


def render(notebook_names: dict[str, str] | None = None) -> str:
    """The README's notebook table: one row per notebook, from its :class:`StageSpec`."""
    if notebook_names is None:
        from helpers.run.pipeline import discover
        notebook_names = {p.name[:2]: p.stem for p in discover()}
    rows = ["| notebook | title | stage | reads | writes |", "|---|---|---|---|---|"]
    for s in all_specs():
        name = notebook_names.get(s.notebook, s.notebook)
        reads = _names(s.reads + s.optional, s.optional) or ("`data/raw/`" if s.stage == "parse" else "")
        writes = _names(s.writes) or "PNG and SVG figures in `reports/figures/`"
        rows.append(f"| `{name}` | {s.title} | `{s.stage}` | {reads} | {writes} |")
    return "\n".join(rows) + "\n"


def readme_block(text: str) -> str:
    """The notebook table currently between the markers of ``text``."""
    from helpers.core import datadict  # pyarrow and the schemas: not for the runner, which only reads the specs

    return datadict.block(text, START, END)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m helpers.run.stages")
    ap.add_argument("--write", action="store_true",
                    help="update README.md in place (notebook table and data dictionary)")
    args = ap.parse_args(argv)
    if not args.write:
        sys.stdout.write(render())
        return 0
    from helpers.core import datadict

    datadict.write_readme((START, END, render()), (datadict.START, datadict.END, datadict.render()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
