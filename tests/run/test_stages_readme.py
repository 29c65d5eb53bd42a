"""The README's notebook table is generated from the stage declarations and must not go stale."""
from __future__ import annotations

from pathlib import Path

from helpers.core import datadict
from helpers.run import stages

ROOT = Path(__file__).resolve().parents[2]


def test_readme_notebook_table_is_current():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert stages.readme_block(readme) == stages.render(), (
        "README notebook table is stale: run `python -m helpers.run.stages --write`")


def test_table_has_one_row_per_notebook_with_its_declared_tables():
    table = stages.render({"01": "01_parse_articles", "02": "02_sentences_entities"})
    rows = table.splitlines()[2:]
    assert len(rows) == len(stages.all_specs())
    assert rows[0] == "| `01_parse_articles` | Parse articles | `parse` | `data/raw/` | `articles`, `parse_errors`, `duplicates` |"
    assert "`docs.spacy` (parsed documents)" in rows[1]


def test_replace_block_keeps_the_text_around_it():
    text = f"a\n{stages.START}\nold\n{stages.END}\nb\n"
    assert datadict.replace_block(text, stages.START, stages.END, "new\n") == f"a\n{stages.START}\nnew\n{stages.END}\nb\n"
