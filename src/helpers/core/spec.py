"""What a stage declares, without pandas or pyarrow: the table names and :class:`StageSpec`.

The runner reads every notebook's :class:`StageSpec` to decide what to skip, and a rebuild with nothing to do (a
no-op) needs nothing else; the table contracts (:mod:`helpers.core.schemas`, Arrow types) and the stage contract's
results and guard (:mod:`helpers.core.stage`, pandas) are imported by what reads or writes tables. Importing those
cost a no-op about 0.3 s of its 0.8 s. :data:`TABLE_NAMES` lists the tables :mod:`helpers.core.schemas` defines, in
its order (a test checks they agree), so a spec naming an unknown table still fails when its package is imported.
"""
from __future__ import annotations

from dataclasses import dataclass

DOCS_FILE = "docs.spacy"  # the parsed-doc cache: not a Parquet table, but declared like one

TABLE_NAMES = ("articles", "parse_errors", "duplicates", "sentences", "entities", "statements", "claims",
               "claim_rejections", "places", "dates", "events", "article_pairs", "sentence_alignment",
               "article_metadata", "claim_links", "claims_ledger", "reference_checks", "stage_errors")


class SchemaError(ValueError):
    """A table does not match its contract (or is not one of :data:`TABLE_NAMES`)."""


def check_name(name: str) -> str:
    """``name`` if it is a table (or :data:`DOCS_FILE`), else :class:`SchemaError`."""
    if name != DOCS_FILE and name not in TABLE_NAMES:
        raise SchemaError(f"unknown table {name!r}; known tables: {', '.join(TABLE_NAMES)}")
    return name


@dataclass(frozen=True)
class StageSpec:
    """What one notebook of a stage reads and writes (table names from :data:`TABLE_NAMES`)."""
    notebook: str                      # "02"
    stage: str                         # "text"
    title: str                         # human title of the notebook
    reads: tuple[str, ...] = ()
    writes: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()     # read when present (written by a notebook that may not have run)
    # what the notebook's cells load on first use beyond its import statements: modules its stage imports when
    # called ("module") and what they load once per process (a model, the gazetteer: "module:function", called
    # without arguments); the runner loads them in a kernel ahead of the notebook (helpers.run.preload)
    warm: tuple[str, ...] = ()

    def __post_init__(self):
        for name in self.reads + self.writes + self.optional:
            check_name(name)  # unknown table names fail at import time
