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

import pyarrow.parquet as pq

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


def _column(col) -> list:
    """One Arrow column's cells as SQLite takes them: Python scalars with nulls as None, dates as
    ISO text, lists as JSON text. Converted by Arrow in C, not cell by cell through pandas (a +1 rebuild's SQLite
    file took 0.7 s that way, on the runner's path to its end)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_date(col.type):
        return pc.cast(col, pa.string()).to_pylist()
    if pa.types.is_timestamp(col.type):
        return [None if v is None else v.isoformat() for v in col.to_pylist()]
    values = col.to_pylist()
    if pa.types.is_list(col.type) or pa.types.is_large_list(col.type):
        return [None if v is None else json.dumps(v, ensure_ascii=False, default=str) for v in values]
    return values  # a float NaN is bound as NULL by sqlite3 itself


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
        data = pq.read_table(tables.table_path(table.name, processed_dir), columns=list(table.column_names))
        cols = []
        for c in table.columns:
            sql_type = "INTEGER" if c.type in (schemas.INT, schemas.BOOL) else "REAL" if c.type == schemas.FLOAT else "TEXT"
            pk = " PRIMARY KEY" if table.name == "articles" and c.name == "article_id" else ""
            cols.append(f'"{c.name}" {sql_type}{pk}')
        if has_articles and table.name != "articles" and "article_id" in table.column_names:
            cols.append('FOREIGN KEY("article_id") REFERENCES articles("article_id")')
        con.execute(f'CREATE TABLE "{table.name}" ({", ".join(cols)})')
        rows = list(zip(*(_column(data.column(c)) for c in table.column_names)))
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
