"""Gazetteer load time and places-stage throughput on the 357-article war-news corpus.

Measures, on this machine:

- gazetteer load time from the on-disk index (cold: a fresh process per run, ``--loads`` runs);
- the places stage alone (detection + disambiguation on already-parsed docs): articles and
  characters per second, rows written. Parsing is the NLP stage's cost and is timed separately.

    python benchmarks/places_throughput.py [--shared ../shared] [--limit N] [--loads 5]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOAD_SNIPPET = (
    "import time; t=time.perf_counter(); from helpers.geo import gazetteer as g; x=g.load(); "
    "x.lookup('Kyiv'); print(time.perf_counter()-t)"
)


def cold_loads(n: int) -> list[float]:
    out = []
    for _ in range(n):
        res = subprocess.run([sys.executable, "-c", LOAD_SNIPPET], capture_output=True, text=True, check=True)
        out.append(float(res.stdout.strip().splitlines()[-1]))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--loads", type=int, default=5)
    args = ap.parse_args(argv)
    corpus = args.shared / "corpora" / "ukraine-war-news"
    if not corpus.is_dir():
        print(f"corpus not found at {corpus}", file=sys.stderr)
        return 2

    from helpers.geo import gazetteer as gz
    gz.load()  # make sure the index exists before timing loads
    loads = cold_loads(args.loads)
    print(f"gazetteer load (fresh process, import + load + first lookup), {len(loads)} runs: "
          f"median {statistics.median(loads):.3f} s, max {max(loads):.3f} s")

    from helpers.places import toponyms as places
    from helpers.parse import run as parse_run
    from helpers.text.stage import parse_articles

    articles = parse_run(corpus)["articles"]
    if args.limit:
        articles = articles.iloc[: args.limit]
    t0 = time.perf_counter()
    docs = []
    for aid, doc in zip(articles["article_id"], parse_articles(articles)):
        doc.user_data["article_id"] = aid
        docs.append(doc)
    t_parse = time.perf_counter() - t0
    gaz = gz.load()
    errors: list = []
    t0 = time.perf_counter()
    table = places.places_table(docs, gaz=gaz, errors=errors)
    t_places = time.perf_counter() - t0
    chars = int(articles["text"].str.len().sum())
    print(f"articles: {len(articles)}, characters: {chars:,}")
    print(f"spaCy parse (NLP stage, for scale): {t_parse:.1f} s")
    print(f"places stage: {t_places:.1f} s = {len(articles) / t_places:.1f} articles/s, "
          f"{chars / t_places / 1000:.0f}k chars/s; {len(table)} rows, "
          f"{table['name'].notna().mean():.1%} resolved; {len(errors)} failed articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
