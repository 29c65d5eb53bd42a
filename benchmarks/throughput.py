"""Throughput of the text stage against bare spaCy, and memory as the corpus grows.

Usage (from the project root):

    .venv/bin/python benchmarks/throughput.py            # the 357-article ukraine-war-news corpus
    .venv/bin/python benchmarks/throughput.py --limit 60  # a quick check

In one process, over the same texts and the same model:

1. **bare**: ``nlp.pipe`` of the base model (the warclaims rule components disabled), docs discarded;
2. **stage**: ``helpers.text.stage.run_stage`` (notebook 02 ``run_parse`` then 03 ``run_attribution``) — the pipeline with the rule components, plus sentences,
   entities, statements and claims extracted from every doc;
   (1 and 2 alternate over chunks of 50 articles, so that both see the same load on a shared machine, and
   which goes first alternates too, because the first pass over new text also grows the vocabulary;
   the corpus-wide name unification then runs per chunk, a negligible part of the work)
3. **memory**: resident set size (RSS, from /proc) after the warm-up and after 100, 200 and all articles,
   in the same run (docs are streamed, not kept; what grows is the output rows kept for the tables).
   ``--tracemalloc`` adds a (slow) pass sampling the Python heap at the same points.

Prints articles/second for 1 and 2 and their ratio (target ≥ 0.7), and the heap samples.
Reads ``../shared/corpora`` beside the repository; exits with a message if it is absent.
"""
from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "ukraine-war-news"


def rss_mib() -> float:
    """Current resident set size of this process in MiB (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def peak_rss_mib() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--chunk", type=int, default=50, help="articles per alternating bare/stage chunk")
    ap.add_argument("--tracemalloc", action="store_true", help="add a slow pass sampling the Python heap")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (../shared is only on dev/CI machines); nothing measured")
        return 0

    from helpers.parse import run as parse_run
    from helpers.geo import gazetteer
    from helpers.text.components import BOUNDARIES, ENTITY_FIXES, build_pipeline
    from helpers.text.stage import parse_articles, parse_rows, run_stage

    articles = parse_run(args.corpus)["articles"]
    if args.limit:
        articles = articles.head(args.limit)
    texts = list(articles["text"])
    n, words = len(texts), int(articles["n_words"].sum())
    nlp = build_pipeline()
    gazetteer.load()  # the gazetteer is loaded once per process; keep its load out of the timings
    run_stage(articles.head(3))  # warm-up: lexicons, matchers, first batch

    rss_start = rss_mib()
    rss_marks: dict[int, float] = {}
    # bare and stage alternate over chunks of the corpus, so both see the same load on a shared machine
    bare = stage = 0.0
    tables: dict[str, int] = {}
    failed = 0
    for k, lo in enumerate(range(0, n, args.chunk)):
        chunk = articles.iloc[lo:lo + args.chunk]
        # the first pass over new text also fills the vocabulary (new lexemes), so the order alternates
        for which in (("bare", "stage") if k % 2 == 0 else ("stage", "bare")):
            gc.collect()
            t0 = time.perf_counter()
            if which == "bare":
                with nlp.select_pipes(disable=[BOUNDARIES, ENTITY_FIXES]):
                    for _ in nlp.pipe(list(chunk["text"]), batch_size=args.batch_size):
                        pass
                bare += time.perf_counter() - t0
            else:
                result = run_stage(chunk, batch_size=args.batch_size)
                stage += time.perf_counter() - t0
                for name, table in result.tables.items():
                    tables[name] = tables.get(name, 0) + len(table)
                failed += len(result.errors)
        done = min(lo + args.chunk, n)
        if done in (100, 200, n):
            rss_marks[done] = rss_mib()

    print(f"corpus: {n} articles, {words} words ({args.corpus.name})")
    print(f"bare nlp.pipe : {bare:7.1f} s  {n / bare:6.2f} articles/s  {words / bare:8.0f} words/s")
    print(f"text stage    : {stage:7.1f} s  {n / stage:6.2f} articles/s  {words / stage:8.0f} words/s")
    print(f"ratio stage/bare throughput: {bare / stage:.2f} (target >= 0.70)")
    print("rows: " + ", ".join(f"{k}={v}" for k, v in tables.items()) + f", failed articles={failed}")

    print(f"resident memory (RSS): {rss_start:.0f} MiB after loading the model and warm-up; growth: "
          + ", ".join(f"+{v - rss_start:.0f} MiB after {k} articles" for k, v in sorted(rss_marks.items()))
          + f" (peak RSS {peak_rss_mib():.0f} MiB)")
    if args.tracemalloc:
        marks = sorted({m for m in (100, 200, n) if m <= n})
        samples = {}

        def sampled(docs):
            for i, doc in enumerate(docs, 1):
                yield doc
                if i in marks:
                    samples[i] = tracemalloc.get_traced_memory()

        gc.collect()
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        for doc in sampled(parse_articles(articles, batch_size=args.batch_size)):
            parse_rows(doc, doc.user_data["article_id"])  # 02 streaming (docs not kept)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print("python heap growth while streaming (tracemalloc; docs are not kept):")
        for m in marks:
            cur, pk = samples[m]
            print(f"  after {m:4d} articles: current {(cur - base) / 2**20:6.1f} MiB, peak so far {(pk - base) / 2**20:6.1f} MiB")
        print(f"  peak over the run: {(peak - base) / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
