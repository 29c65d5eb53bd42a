"""The input-format registry: one entry per format, read from ``rules/formats.json``.

Each :class:`Format` names the ``articles.source_format`` value, the file suffixes it reads,
its reader (a function of :mod:`helpers.parse.readers`), an optional sniffing function that
must accept the text, and whether one file holds many records. The schema's allowed
``source_format`` values (:data:`helpers.core.schemas.SOURCE_FORMATS`), the set of readable
suffixes and the README's input-format table all derive from this one file.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable

from helpers.core import rules
from helpers.parse import readers

README_START, README_END = "<!-- formats:start -->", "<!-- formats:end -->"


@dataclass(frozen=True)
class Format:
    name: str
    suffixes: tuple[str, ...]
    reader: Callable
    multi: bool
    sniff: Callable | None = None
    label: str = ""
    match: str = ""
    metadata: str = ""


@functools.lru_cache(maxsize=1)
def registry() -> tuple[Format, ...]:
    out = []
    for e in rules.load_json("parse", "formats.json")["formats"]:
        out.append(Format(e["name"], tuple(e["suffixes"]), getattr(readers, e["reader"]), bool(e["multi"]),
                          getattr(readers, e["sniff"]) if e.get("sniff") else None,
                          e.get("label", ""), e.get("match", ""), e.get("metadata", "")))
    return tuple(out)


def suffixes() -> frozenset[str]:
    """Every readable file suffix (lower case, with the dot)."""
    return frozenset(s for f in registry() for s in f.suffixes)


def multi_record(name: str) -> bool:
    return next(f.multi for f in registry() if f.name == name)


def for_file(suffix: str, text: str) -> Format | None:
    """The first format (registry order) taking ``suffix`` whose sniffer, if any, accepts ``text``."""
    for f in registry():
        if suffix in f.suffixes and (f.sniff is None or f.sniff(text)):
            return f
    return None


def readme_table() -> str:
    """The README's input-format table (markdown), rendered from the registry."""
    lines = ["| extension | reader | metadata |", "|---|---|---|"]
    lines += [f"| {f.match} | {f.label} | {f.metadata} |" for f in registry()]
    return "\n".join(lines)


def readme_block() -> str:
    return f"{README_START}\n{readme_table()}\n{README_END}"


def read(suffix: str, text: str) -> tuple[str, list[dict], list]:
    """Read decoded ``text`` of a file with ``suffix``: (format name, records, row problems)."""
    f = for_file(suffix, text)
    if f is None:
        raise readers.InputError("unsupported_format", f"unknown file type {suffix or '(no extension)'!r}; "
                                 f"readable: {', '.join(sorted(suffixes()))}")
    out = f.reader(text, suffix)
    records, problems = out if f.multi else (out, [])
    return f.name, records, problems


def readme_with_table(readme: str) -> str:
    """``readme`` with the block between the format markers replaced by :func:`readme_block`."""
    start, end = readme.index(README_START), readme.index(README_END) + len(README_END)
    return readme[:start] + readme_block() + readme[end:]


if __name__ == "__main__":  # python -m helpers.parse.formats --write: refresh the README table
    import sys
    from helpers.core import paths
    readme = paths.ROOT / "README.md"
    new = readme_with_table(readme.read_text(encoding="utf-8"))
    if "--write" in sys.argv:
        readme.write_text(new, encoding="utf-8")
    else:
        print(readme_table())
