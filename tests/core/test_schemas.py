"""Table contracts: validation catches bad tables; the README documents every column."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from helpers.core import schemas, tables

ROOT = Path(__file__).resolve().parents[2]


def minimal_claims() -> pd.DataFrame:
    return pd.DataFrame([{
        "claim_id": "a-c0", "article_id": "a", "sentence_id": 0, "start_char": 10, "end_char": 24,
        "text": "at least 3,000", "value": 3000.0, "value_low": 3000.0, "value_high": 3000.0,
        "qualifier": "at_least", "unit": "soldier", "category": "personnel", "subject": "soldiers",
        "rate": None, "claimant": schemas.UNATTRIBUTED, "claimant_kind": None, "claimant_via": "unattributed",
        "claimant_start": None, "claimant_end": None, "statement_id": None,
        "sentence": "x" * 30,
    }])


def test_valid_table_round_trips(tmp_path):
    df = minimal_claims()
    tables.write_table(df, "claims", tmp_path)
    back = tables.read_table("claims", tmp_path)
    assert back.loc[0, "value"] == 3000.0 and back.loc[0, "qualifier"] == "at_least"
    assert list(back.columns) == schemas.CLAIMS.column_names


def test_dates_come_back_as_dates(tmp_path):
    df = pd.DataFrame([{"article_id": "a", "published": dt.date(2024, 10, 24), "published_inferred": None,
                        "outlet": "X", "outlet_inferred": None, "inferred_from": None}])
    tables.write_table(df, "article_metadata", tmp_path)
    assert tables.read_table("article_metadata", tmp_path).loc[0, "published"] == dt.date(2024, 10, 24)


@pytest.mark.parametrize("change, message", [
    (lambda d: d.drop(columns=["unit"]), "missing columns ['unit']"),
    (lambda d: d.assign(extra=1), "unexpected columns ['extra']"),
    (lambda d: d.assign(qualifier="roughly"), "not in"),
    (lambda d: d.assign(claimant=None), "null value"),
    (lambda d: d.assign(end_char=0), "end_char < start_char"),
    (lambda d: d.assign(value="many"), "cannot store"),
])
def test_invalid_tables_are_rejected(tmp_path, change, message):
    with pytest.raises(schemas.SchemaError, match=message.replace("[", r"\[").replace("]", r"\]")):
        tables.write_table(change(minimal_claims()), "claims", tmp_path)
    assert not (tmp_path / "claims.parquet").exists()


def test_unknown_and_missing_tables_have_clear_errors(tmp_path):
    with pytest.raises(schemas.SchemaError, match="unknown table"):
        tables.write_table(minimal_claims(), "claimz", tmp_path)
    with pytest.raises(FileNotFoundError, match="run the notebook that writes it"):
        tables.read_table("claims", tmp_path)


def test_readme_data_dictionary_documents_every_column():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = []
    for table in schemas.TABLES.values():
        section = readme.split(f"### `{table.name}`", 1)
        if len(section) < 2:
            missing.append(table.name)
            continue
        body = section[1].split("\n### ", 1)[0]
        missing += [f"{table.name}.{c}" for c in table.column_names if f"`{c}`" not in body]
    assert not missing, f"README data dictionary lacks: {missing}"


def test_readme_data_dictionary_is_current():
    from helpers.core import datadict
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert datadict.readme_block(readme) == datadict.render(), "run: python -m helpers.core.datadict --write"
