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


def read_table(name: str, processed_dir: str | Path) -> pd.DataFrame:
    """Read a table written by an earlier notebook; a clear error if it is missing."""
    path = table_path(name, processed_dir)
    if not path.exists():
        raise FileNotFoundError(
            f"table {name!r} not found at {path}; run the notebook that writes it first "
            f"(python -m helpers.pipeline run)"
        )
    return pq.read_table(path).to_pandas()  # date columns come back as datetime.date
