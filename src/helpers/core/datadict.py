"""Render the README's data dictionary from the table contracts in :mod:`helpers.core.schemas`.

    python -m helpers.core.datadict            print the markdown
    python -m helpers.core.datadict --write    replace the block between the markers in README.md

tests/core/test_schemas.py fails when the README's block differs from this rendering.
"""
from __future__ import annotations

import argparse
import sys

import pyarrow as pa

from helpers.core import paths, schemas

START, END = "<!-- datadict:start -->", "<!-- datadict:end -->"


def _type(t: pa.DataType) -> str:
    if pa.types.is_list(t):
        return f"list<{_type(t.value_type)}>"
    return {"string": "string", "int64": "int", "double": "float", "bool": "bool", "date32[day]": "date"}.get(str(t), str(t))


def render() -> str:
    out = []
    for table in schemas.TABLES.values():
        out.append(f"### `{table.name}`\n\n{table.doc}\n")
        out.append("| column | type | null | description |\n|---|---|---|---|")
        for c in table.columns:
            desc = c.doc.replace("|", "\\|")
            if c.allowed:
                desc += " Allowed: " + ", ".join(f"`{a}`" for a in c.allowed) + "."
            out.append(f"| `{c.name}` | {_type(c.type)} | {'yes' if c.nullable else 'no'} | {desc} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def block(text: str, start: str, end: str) -> str:
    """The lines of ``text`` between the ``start`` and ``end`` markers (generated README blocks)."""
    if start not in text or end not in text:
        raise ValueError(f"README.md has no {start} … {end} markers")
    return text.split(start, 1)[1].split(end, 1)[0].strip("\n") + "\n"


def replace_block(text: str, start: str, end: str, body: str) -> str:
    """``text`` with the lines between the ``start`` and ``end`` markers replaced by ``body``."""
    block(text, start, end)  # clear error when the markers are missing
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{body}{end}{tail}"


def readme_block(text: str) -> str:
    return block(text, START, END)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m helpers.core.datadict")
    ap.add_argument("--write", action="store_true", help="update README.md in place")
    args = ap.parse_args(argv)
    if not args.write:
        sys.stdout.write(render())
        return 0
    write_readme((START, END, render()))
    return 0


def write_readme(*blocks: tuple[str, str, str]) -> None:
    """Replace each ``(start marker, end marker, body)`` block of the project's README.md in place."""
    readme = paths.ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    for start, end, body in blocks:
        text = replace_block(text, start, end, body)
    readme.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
