"""The per-article stages (03 attribution, 04 places, 06 dates and events) in one process on N forked workers.

Usage (from the project root, on a processed folder made by a pipeline run, e.g. of the war-news corpus):

    .venv/bin/python benchmarks/article_workers.py PROCESSED_DIR [--workers 1 2] [--rounds 2]

Every article is computed (the per-article cache is off; the saved parses are read as lazy docs, as the notebooks
do); the worker counts alternate within each round (1, 2, 1, 2, …) so the load of a shared machine falls on each
alike. Prints seconds per stage and in all, per run, and whether every table equals the first run's.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path


def stages(processed: Path) -> tuple[dict, dict]:
    from helpers import places, time as time_stage
    from helpers.core import tables
    from helpers.text import doccache
    from helpers.text.stage import run_attribution

    articles = tables.read_table("articles", processed)
    sentences = tables.read_table("sentences", processed)
    entities = tables.read_table("entities", processed)
    out, secs = {}, {}
    t = time.perf_counter()
    out.update(run_attribution(list(doccache.lazy_docs(processed)), sentences, entities).tables)
    secs["03"] = time.perf_counter() - t
    t = time.perf_counter()
    out.update(places.run(list(doccache.lazy_docs(processed)), sentences=sentences, articles=articles).tables)
    secs["04"] = time.perf_counter() - t
    t = time.perf_counter()
    out.update(time_stage.run(list(doccache.lazy_docs(processed)), articles, sentences, entities,
                              out["places"]).tables)
    secs["06"] = time.perf_counter() - t
    return out, secs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("processed", type=Path)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    os.environ["WARCLAIMS_PARSE_CACHE"] = "off"
    import pandas as pd

    from helpers.text import doccache
    doccache.load_model()
    first = None
    for r in range(args.rounds):
        for n in args.workers:
            os.environ["WARCLAIMS_WORKERS"] = str(n)
            out, secs = stages(args.processed)
            if first is None:
                first = out
            same = all(out[k].equals(first[k]) for k in first)
            print(f"round {r + 1} workers {n}: " + " ".join(f"{k} {v:.1f}s" for k, v in secs.items())
                  + f" total {sum(secs.values()):.1f}s; tables equal to the first run: {same}; "
                  + f"load {os.getloadavg()[0]:.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
