"""Read and write the pipeline's Parquet tables, validated against their contracts."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from helpers.core import schemas


def table_path(name: str, processed_dir: str | Path) -> Path:
    schemas.get(name)  # unknown names fail early with a clear message
    return Path(processed_dir) / f"{name}.parquet"


def write_table(df: pd.DataFrame, name: str, processed_dir: str | Path) -> Path:
    """Validate ``df`` against the ``name`` contract and write it as Parquet.

    The file is written to a temporary name and renamed, so a failed run never
    leaves a half-written table for the next notebook to read.
    """
    arrow = schemas.validate(df, name)
    path = table_path(name, processed_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".parquet.tmp")
    pq.write_table(arrow, tmp)
    tmp.replace(path)
    return path


def read_table(name: str, processed_dir: str | Path, columns: list[str] | None = None) -> pd.DataFrame:
    """Read a table written by an earlier notebook (only ``columns`` when given); a clear error if it is missing."""
    path = table_path(name, processed_dir)
    if not path.exists():
        raise FileNotFoundError(
            f"table {name!r} not found at {path}; run the notebook that writes it first "
            f"(python -m helpers.pipeline run)"
        )
    return pq.read_table(path, columns=columns).to_pandas()  # date columns come back as datetime.date


def table_rows(name: str, processed_dir: str | Path) -> int:
    """The number of rows of a written table, from its Parquet footer (no column is read)."""
    path = table_path(name, processed_dir)
    if not path.exists():
        read_table(name, processed_dir)  # the same clear error
    return pq.read_metadata(path).num_rows


def table_columns(name: str, processed_dir: str | Path) -> list[str]:
    """The column names of a written table, from its Parquet schema (no column is read)."""
    path = table_path(name, processed_dir)
    if not path.exists():
        read_table(name, processed_dir)  # the same clear error
    return pq.read_schema(path).names
