"""The input-format registry is the one list of formats: schema, suffixes and README table derive from it."""
from __future__ import annotations

from helpers.core import paths, schemas
from helpers.parse import formats


def test_schema_formats_are_the_registry():
    assert schemas.SOURCE_FORMATS == tuple(f.name for f in formats.registry())
    assert schemas.ARTICLES.columns[3].allowed == schemas.SOURCE_FORMATS


def test_suffixes_come_from_the_registry():
    assert formats.suffixes() == {".txt", ".text", ".html", ".htm", ".xhtml", ".csv", ".tsv", ".jsonl", ".ndjson", ".json"}
    assert [f.name for f in formats.registry() if f.multi] == ["csv", "jsonl", "json"]


def test_dispatch_sniffs_tagged_text():
    assert formats.for_file(".txt", "<TITLE>T</TITLE>\n<CONTENT>\nBody.\n</CONTENT>").name == "tagged"
    assert formats.for_file(".txt", "Just a body.").name == "text"
    assert formats.for_file(".pdf", "x") is None


def test_readme_format_table_is_current():
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    assert formats.readme_with_table(readme) == readme, (
        "README.md's input-format table is stale: run `python -m helpers.parse.formats --write`")
