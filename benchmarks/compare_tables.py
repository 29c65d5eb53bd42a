"""Compare two folders of warclaims tables, table by table (a refactor must not change results).

    python benchmarks/compare_tables.py BEFORE_DIR AFTER_DIR

For each ``*.parquet`` in either folder: rows and columns on each side, and whether the tables are
equal (same columns, dtypes and values, NaN equal to NaN). ``docs.spacy`` is compared by its
decoded parses (texts and token annotations). Exits 1 if any table differs or is missing on one side.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd


def compare(before: Path, after: Path) -> list[dict]:
    rows = []
    names = sorted({p.name for p in before.glob("*.parquet")} | {p.name for p in after.glob("*.parquet")})
    for name in names:
        a, b = before / name, after / name
        row = {"table": name.removesuffix(".parquet")}
        if not a.exists() or not b.exists():
            row.update(result="only in " + ("after" if not a.exists() else "before"))
            rows.append(row)
            continue
        da, db = pd.read_parquet(a), pd.read_parquet(b)
        row.update(rows_before=len(da), rows_after=len(db), cols_before=da.shape[1], cols_after=db.shape[1])
        if list(da.columns) != list(db.columns):
            row["result"] = f"columns differ: -{sorted(set(da.columns) - set(db.columns))} +{sorted(set(db.columns) - set(da.columns))}"
        else:
            try:
                pd.testing.assert_frame_equal(da, db, check_exact=True)
                row["result"] = "identical"
            except AssertionError as exc:
                row["result"] = "values differ: " + str(exc).strip().splitlines()[0][:120]
        rows.append(row)
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    args = ap.parse_args(argv)
    rows = compare(args.before, args.after)
    print(pd.DataFrame(rows).to_string(index=False))
    bad = [r for r in rows if r["result"] != "identical"]
    print(f"\n{len(rows) - len(bad)} of {len(rows)} tables identical")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
