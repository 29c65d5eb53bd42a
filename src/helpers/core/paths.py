"""Project directories and their defaults.

The project root is found from the installed package (editable install:
``src/helpers`` lives two levels below the root), so notebooks, tests and the
CLI agree on where ``data/`` and ``reports/`` are without ``sys.path`` edits.
``WARCLAIMS_ROOT`` overrides it.
"""
from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    env = os.environ.get("WARCLAIMS_ROOT")
    if env:
        return Path(env).resolve()
    return Path(__file__).resolve().parents[3]


ROOT = project_root()
NOTEBOOKS_DIR = ROOT / "notebooks"
RAW_DIR = ROOT / "data" / "raw"
PROCESSED_DIR = ROOT / "data" / "processed"
REPORTS_DIR = ROOT / "reports"


def resolve(path: str | os.PathLike | None, default: Path) -> Path:
    """Resolve a notebook parameter: relative paths are taken from the project root."""
    if path in (None, ""):
        return default
    p = Path(path)
    return p if p.is_absolute() else (ROOT / p)
