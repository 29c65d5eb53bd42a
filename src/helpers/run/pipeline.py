"""The pipeline CLI: run the numbered notebooks in order with papermill.

    python -m helpers.pipeline run [--raw-dir D] [--processed-dir P] [--reports-dir R]
                                   [--only NN] [--from NN] [--show-code] [--no-html]
    python -m helpers.pipeline list

Each notebook ``notebooks/NN_name.ipynb`` gets ``raw_dir``, ``processed_dir`` and
``reports_dir`` in its ``parameters`` cell; the executed copy goes to
``reports/executed/``. ``reports/run.json`` records every notebook's status,
duration and the hashes of its inputs. On failure the run stops, names the
notebook and the error, and exits non-zero.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import sys
import time
from pathlib import Path

from helpers.core import paths

NOTEBOOK_RE = re.compile(r"^(\d{2})_[\w-]+\.ipynb$")
KERNEL = "warclaims"


def discover(notebooks_dir: Path = paths.NOTEBOOKS_DIR) -> list[Path]:
    """Numbered notebooks in order (``01_…`` … ``99_…``); unnumbered ones are not part of the pipeline."""
    return sorted(p for p in notebooks_dir.glob("*.ipynb") if NOTEBOOK_RE.match(p.name))


def select(notebooks: list[Path], only: list[str] | None = None, start: str | None = None) -> list[Path]:
    numbers = [NOTEBOOK_RE.match(p.name).group(1) for p in notebooks]
    for n in (only or []) + ([start] if start else []):
        if n.zfill(2) not in numbers:
            raise SystemExit(f"error: no notebook numbered {n!r}; available: {', '.join(numbers)}")
    if only:
        wanted = {n.zfill(2) for n in only}
        return [p for p, n in zip(notebooks, numbers) if n in wanted]
    if start:
        return [p for p, n in zip(notebooks, numbers) if n >= start.zfill(2)]
    return notebooks


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def digest_dir(directory: Path, pattern: str = "*") -> str | None:
    """One hash over the relative paths and contents of the files under ``directory``."""
    if not directory.exists():
        return None
    if directory.is_file():
        return _sha256(directory)
    h = hashlib.sha256()
    for p in sorted(directory.rglob(pattern)):
        if p.is_file() and not p.name.startswith("."):
            h.update(p.relative_to(directory).as_posix().encode())
            h.update(_sha256(p).encode())
    return h.hexdigest()


def input_hashes(notebook: Path, raw_dir: Path, processed_dir: Path) -> dict:
    """What a notebook's result depends on: its source, the raw corpus and the tables present before it ran."""
    tables = {}
    if processed_dir.exists():
        for p in sorted(processed_dir.iterdir()):
            if p.suffix in (".parquet", ".spacy"):
                tables[p.name] = _sha256(p)
    return {"notebook": _sha256(notebook), "raw_dir": digest_dir(raw_dir), "tables": tables}


def _display(path: Path) -> str:
    """A path as given relative to the project root where possible (no absolute paths in reports)."""
    try:
        return path.resolve().relative_to(paths.ROOT).as_posix()
    except ValueError:
        return str(path)


def _error_summary(exc: BaseException) -> str:
    name = getattr(exc, "ename", None) or type(exc).__name__
    value = getattr(exc, "evalue", None) or str(exc).strip().splitlines()[-1:] or [""]
    if isinstance(value, list):
        value = value[0] if value else ""
    return f"{name}: {value}"


def run(raw_dir: Path, processed_dir: Path, reports_dir: Path, only=None, start=None,
        show_code: bool = False, html: bool = True, notebooks_dir: Path = paths.NOTEBOOKS_DIR,
        log=print) -> dict:
    """Run the selected notebooks; returns the run summary written to ``reports/run.json``."""
    import papermill as pm
    from tqdm import tqdm

    notebooks = select(discover(notebooks_dir), only, start)
    if not notebooks:
        raise SystemExit(f"error: no numbered notebooks found in {notebooks_dir}")
    if not raw_dir.exists():
        raise SystemExit(f"error: raw directory {raw_dir} does not exist")
    processed_dir.mkdir(parents=True, exist_ok=True)
    executed_dir = reports_dir / "executed"
    executed_dir.mkdir(parents=True, exist_ok=True)
    params = {"raw_dir": str(raw_dir), "processed_dir": str(processed_dir), "reports_dir": str(reports_dir)}
    summary = {
        "started": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "raw_dir": _display(raw_dir), "processed_dir": _display(processed_dir), "reports_dir": _display(reports_dir),
        "status": "running", "notebooks": [],
    }
    os.environ["WARCLAIMS_NO_PROGRESS"] = "1"  # kernels inherit it: no volatile bars in executed notebooks
    os.environ.setdefault("MPLBACKEND", "agg")
    bar = tqdm(notebooks, unit="notebook", file=sys.stderr, disable=None)
    failed = None
    for nb in bar:
        bar.set_description(nb.stem)
        entry = {"notebook": nb.name, "inputs": input_hashes(nb, raw_dir, processed_dir)}
        out = executed_dir / nb.name
        t0 = time.perf_counter()
        try:
            pm.execute_notebook(str(nb), str(out), parameters=params, kernel_name=KERNEL,
                                cwd=str(nb.parent), progress_bar=False, log_output=False)
            entry["status"] = "ok"
        except Exception as exc:  # papermill raises PapermillExecutionError with the cell's error
            entry["status"] = "failed"
            entry["error"] = _error_summary(exc)
            failed = entry
        entry["duration_s"] = round(time.perf_counter() - t0, 2)
        entry["executed"] = _display(out)
        summary["notebooks"].append(entry)
        if failed:
            break
    bar.close()
    summary["status"] = "failed" if failed else "ok"
    summary["finished"] = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    if html and not failed:
        from helpers.run import reports
        executed = [executed_dir / nb.name for nb in discover(notebooks_dir) if (executed_dir / nb.name).exists()]
        index = reports.build_reports(reports_dir, executed, summary, show_code=show_code,
                                      processed_dir=processed_dir)
        summary["index"] = _display(Path(index))
    (reports_dir / "run.json").write_text(json.dumps(summary, indent=2, default=str) + "\n")
    if failed:
        log(f"pipeline failed in {failed['notebook']}: {failed['error']}\n"
            f"  executed copy with the traceback: {failed['executed']}", file=sys.stderr)
    else:
        total = sum(e["duration_s"] for e in summary["notebooks"])
        log(f"pipeline ok: {len(summary['notebooks'])} notebook(s) in {total:.1f} s; "
            f"tables in {_display(processed_dir)}, reports in {_display(reports_dir)}")
    return summary


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m helpers.pipeline", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="run the numbered notebooks in order")
    r.add_argument("--raw-dir", type=Path, default=paths.RAW_DIR, help="folder (or file) of raw articles [data/raw]")
    r.add_argument("--processed-dir", type=Path, default=paths.PROCESSED_DIR, help="where tables are written [data/processed]")
    r.add_argument("--reports-dir", type=Path, default=paths.REPORTS_DIR, help="executed notebooks, run.json, HTML, figures [reports]")
    r.add_argument("--only", action="append", metavar="NN", help="run only notebook NN (repeatable)")
    r.add_argument("--from", dest="start", metavar="NN", help="run notebook NN and all after it")
    r.add_argument("--show-code", action="store_true", help="include code cells in the HTML reports (hidden by default)")
    r.add_argument("--no-html", action="store_true", help="skip the HTML export")
    sub.add_parser("list", help="list the pipeline's notebooks")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "list":
        for nb in discover():
            print(nb.name)
        return 0
    if args.only and args.start:
        raise SystemExit("error: use either --only or --from, not both")
    summary = run(args.raw_dir.resolve(), args.processed_dir.resolve(), args.reports_dir.resolve(),
                  only=args.only, start=args.start, show_code=args.show_code, html=not args.no_html)
    return 0 if summary["status"] == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
