"""``reports/warclaims.sqlite`` and its Datasette ``metadata.json``, generated from :mod:`helpers.core.schemas`.

Every Parquet table becomes a SQLite table (list columns as JSON text, dates as ISO text), with a foreign key
and an index on ``article_id`` and full-text search (FTS5) on sentences, statements and claims. The metadata
gives every table and column its schema description, facets on claimant/category/outlet and a canned query
"figures for a topic, side by side". ``make explore`` serves it with Datasette on 127.0.0.1.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pandas as pd

from helpers.core import schemas, tables

DB_NAME = "warclaims"
FTS = {"sentences": ("text",), "statements": ("speaker", "content"), "claims": ("text", "claimant", "sentence")}
FACETS = {"claims": ("claimant", "category", "unit"), "claims_ledger": ("claimant", "category", "outlet"),
          "articles": ("outlet",), "statements": ("speaker",)}
CANNED = {"figures_for_a_topic": {
    "title": "Figures for a topic, side by side",
    "description": "Every claimed figure of one ledger topic, with who claimed it, where and when.",
    "sql": "select topic, value, value_low, value_high, qualifier, unit, claimant, outlet, claim_date, text, sentence "
           "from claims_ledger where topic like '%' || :topic || '%' order by topic, value",
}}


def _cell(v):
    if v is None:
        return None
    if hasattr(v, "tolist") and not isinstance(v, str):
        v = v.tolist()
    if isinstance(v, (list, tuple)):
        return json.dumps(list(v), ensure_ascii=False, default=str)
    if hasattr(v, "isoformat"):
        return v.isoformat()
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    return v


def _column(values: list, scalar: bool) -> list:
    """One column's cells as :func:`_cell` makes them; a column of plain scalars (text, numbers, booleans) only needs
    its missing values made None, which is much faster than :func:`_cell` cell by cell."""
    if not scalar:
        return [_cell(v) for v in values]
    return [None if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v) else v for v in values]


def write_sqlite(processed_dir: str | Path, out: str | Path) -> Path:
    """Write every existing table of ``processed_dir`` to the SQLite file ``out`` (replaced)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    present = [t for t in schemas.TABLES.values() if tables.table_path(t.name, processed_dir).exists()]
    has_articles = any(t.name == "articles" for t in present)
    for table in present:
        df = tables.read_table(table.name, processed_dir)
        cols = []
        for c in table.columns:
            sql_type = "INTEGER" if c.type in (schemas.INT, schemas.BOOL) else "REAL" if c.type == schemas.FLOAT else "TEXT"
            pk = " PRIMARY KEY" if table.name == "articles" and c.name == "article_id" else ""
            cols.append(f'"{c.name}" {sql_type}{pk}')
        if has_articles and table.name != "articles" and "article_id" in table.column_names:
            cols.append('FOREIGN KEY("article_id") REFERENCES articles("article_id")')
        con.execute(f'CREATE TABLE "{table.name}" ({", ".join(cols)})')
        scalar = {c.name: c.type in (schemas.STR, schemas.INT, schemas.FLOAT, schemas.BOOL) for c in table.columns}
        rows = list(zip(*(_column(df[c].tolist(), scalar[c]) for c in table.column_names)))
        marks = ", ".join("?" * len(table.column_names))
        con.executemany(f'INSERT INTO "{table.name}" VALUES ({marks})', rows)
        if "article_id" in table.column_names and table.name != "articles":
            con.execute(f'CREATE INDEX "idx_{table.name}_article_id" ON "{table.name}"("article_id")')
        if table.name in FTS:
            fts_cols = ", ".join(f'"{c}"' for c in FTS[table.name])
            con.execute(f'CREATE VIRTUAL TABLE "{table.name}_fts" USING fts5({fts_cols}, '
                        f'content="{table.name}", content_rowid="rowid")')
            con.execute(f'INSERT INTO "{table.name}_fts"(rowid, {fts_cols}) SELECT rowid, {fts_cols} FROM "{table.name}"')
    con.commit()
    con.close()
    tmp.replace(out)
    return out


def metadata() -> dict:
    """Datasette metadata from the schemas: descriptions, facets, the canned query."""
    tabs = {}
    for t in schemas.TABLES.values():
        entry = {"description": t.doc, "columns": {c.name: c.doc for c in t.columns}}
        if t.name in FACETS:
            entry["facets"] = list(FACETS[t.name])
        if t.name in FTS:
            entry["fts_table"], entry["fts_pk"] = f"{t.name}_fts", "rowid"
        tabs[t.name] = entry
    return {"title": "warclaims", "description": "Who claimed which figure, where and when — with provenance.",
            "databases": {DB_NAME: {"tables": tabs, "queries": CANNED}}}


def export(processed_dir: str | Path, reports_dir: str | Path) -> tuple[Path, Path]:
    """Write ``reports/warclaims.sqlite`` and ``reports/metadata.json``."""
    db = write_sqlite(processed_dir, Path(reports_dir) / f"{DB_NAME}.sqlite")
    meta = Path(reports_dir) / "metadata.json"
    meta.write_text(json.dumps(metadata(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return db, meta
