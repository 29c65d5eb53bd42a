"""The run's SQLite file and Datasette metadata: tables, keys, full-text search, and claims read through Datasette."""
from __future__ import annotations

import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pandas as pd
import pytest

import figure_frames as ff
from helpers.core import schemas, tables
from helpers.run import sqlite_export

DATASETTE = shutil.which("datasette") or str(Path(sys.executable).with_name("datasette"))


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sqlite")
    ff.write_all(tmp / "p")
    claims = pd.DataFrame([{
        "claim_id": f"{ff.A0}-c0", "article_id": ff.A0, "sentence_id": 0, "start_char": 15, "end_char": 18,
        "text": "500", "value": 500.0, "value_low": 500.0, "value_high": 500.0, "qualifier": "exact",
        "unit": "soldier", "category": "personnel", "subject": "soldiers", "rate": None, "claimant": "Officials",
        "claimant_via": "attribution_verb", "statement_id": None, "sentence": "Officials said 500 soldiers crossed."}],
        columns=schemas.CLAIMS.column_names)
    tables.write_table(claims, "claims", tmp / "p")
    db, meta = sqlite_export.export(tmp / "p", tmp / "r")
    return db, meta


def test_sqlite_has_tables_keys_indexes_and_fts(exported):
    db, meta = exported
    con = sqlite3.connect(db)
    names = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
    assert {"articles", "claims", "claims_ledger", "places", "events", "claims_fts"} <= names
    assert con.execute("select count(*) from claims_fts where claims_fts match 'Officials'").fetchone() == (1,)
    fks = con.execute("pragma foreign_key_list(claims)").fetchall()
    assert [(f[2], f[3]) for f in fks] == [("articles", "article_id")]
    assert any(r[1] == "idx_places_article_id" for r in con.execute("pragma index_list(places)"))
    events = dict(con.execute("select event_id, places from events").fetchall()) if "event_id" in \
        schemas.EVENTS.column_names else {}
    assert all(v is None or isinstance(json.loads(v), list) for v in events.values())
    m = json.loads(meta.read_text())["databases"]["warclaims"]
    assert m["tables"]["claims"]["columns"]["claimant"] == schemas.CLAIMS.columns[schemas.CLAIMS.column_names.index("claimant")].doc
    assert "claimant" in m["tables"]["claims"]["facets"] and "figures_for_a_topic" in m["queries"]


@pytest.mark.skipif(not Path(DATASETTE).exists(), reason="datasette not installed")
def test_datasette_serves_claims_as_json(exported):
    db, meta = exported
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([DATASETTE, "serve", str(db), "--metadata", str(meta), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/warclaims/claims.json?_shape=array"
        for _ in range(100):  # bounded: at most ~20 s
            try:
                rows = json.load(urllib.request.urlopen(url, timeout=2))
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("datasette did not start")
        assert [(r["claim_id"], r["claimant"], r["value"]) for r in rows] == [(f"{ff.A0}-c0", "Officials", 500.0)]
        found = json.load(urllib.request.urlopen(
            f"http://127.0.0.1:{port}/warclaims/claims.json?_shape=array&_search=soldiers", timeout=5))
        assert len(found) == 1
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_sqlite_cells_match_the_tables(tmp_path):
    """Every cell of every table as SQLite holds it: nulls and float NaN as NULL, dates as ISO text, lists as JSON,
    booleans as 0/1 — read back and compared with the Parquet tables through pandas, cell by cell."""
    processed = tmp_path / "p"
    ff.write_all(processed)
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tables.table_path("places", processed)  # a NaN, not a null, in a float column (another writer's file)
    arrow = pq.read_table(path)
    i = arrow.schema.get_field_index("latitude")
    lat = arrow.column(i).to_pylist()
    lat[0] = float("nan")
    pq.write_table(arrow.set_column(i, "latitude", pa.array(lat, pa.float64(), from_pandas=False)), path)
    assert pq.read_table(path).column("latitude").null_count < sum(v is None for v in lat) + 1
    db, _ = sqlite_export.export(processed, tmp_path / "r")
    con = sqlite3.connect(db)
    checked, kinds = 0, set()
    for table in schemas.TABLES.values():
        if not tables.table_path(table.name, processed).exists():
            continue
        df = tables.read_table(table.name, processed)
        rows = con.execute(f'select * from "{table.name}"').fetchall()
        assert len(rows) == len(df)
        for row, (_, want) in zip(rows, df.iterrows()):
            for got, name in zip(row, table.column_names):
                value = want[name]
                if hasattr(value, "tolist") and not isinstance(value, str):
                    value = value.tolist()
                if isinstance(value, list):
                    assert json.loads(got) == value
                    kinds.add("list")
                elif value is None or pd.isna(value):
                    assert got is None, (table.name, name, got)
                    kinds.add("null")
                elif hasattr(value, "isoformat"):
                    assert got == value.isoformat()
                    kinds.add("date")
                else:
                    assert got == value, (table.name, name)
                checked += 1
    assert con.execute("select count(*) from places where latitude is null").fetchone()[0] >= 1
    assert checked > 100 and kinds == {"list", "null", "date"}
