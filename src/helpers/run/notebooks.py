"""Maintain the committed notebooks: execute them in place on the default corpus.

    python -m helpers.run.notebooks execute [NAME ...]   (make notebooks)

The committed notebooks carry the outputs of a clean run with their default
parameters, which is exactly what nbval re-runs and compares (`make test`).
Volatile cell metadata (execution timestamps) is removed so diffs stay readable.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from helpers.core import paths
from helpers.run.kernel import QuietKernelManager
from helpers.run.pipeline import KERNEL, discover


def committed_notebooks() -> list[Path]:
    """Pipeline notebooks in order, then the showcase notebooks (which only read committed files)."""
    showcase = sorted((paths.NOTEBOOKS_DIR / "showcase").glob("*.ipynb"))
    return discover() + showcase


def strip_volatile(nb) -> None:
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)


def execute(path: Path, timeout: int = 1800) -> None:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=timeout,
                            resources={"metadata": {"path": str(path.parent)}},
                            kernel_manager_class=QuietKernelManager)  # IPC, as the pipeline's kernels
    client.execute()
    strip_volatile(nb)
    nbformat.write(nb, path)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m helpers.run.notebooks")
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("execute", help="execute notebooks in place (default: all, in pipeline order)")
    ex.add_argument("names", nargs="*", help="notebook file names or numbers")
    args = ap.parse_args(argv)
    os.environ["WARCLAIMS_NO_PROGRESS"] = "1"
    os.environ.setdefault("MPLBACKEND", "agg")
    targets = committed_notebooks()
    if args.names:
        targets = [p for p in targets if any(p.name == n or p.name.startswith(n.zfill(2) + "_") for n in args.names)]
    for path in targets:
        print(f"executing {path.relative_to(paths.ROOT)}", flush=True)
        execute(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
