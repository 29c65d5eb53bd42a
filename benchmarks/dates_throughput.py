"""Throughput of the dates-and-events stage on the 357-article war-news corpus.

Parses the corpus with the warclaims pipeline first (the cost of notebook 02,
reported separately), then times ``dates_events_stage.run`` alone: time
expressions, their resolution, and events (no places table: the places stage
is measured by its own benchmark). Also reports how many expressions were
resolved and which anchors the articles had.

    python benchmarks/dates_throughput.py [--shared ../shared] [--limit N]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

from helpers.time import stage as dates_events_stage
from helpers.parse import run as parse_run
from helpers.text.stage import extract_article, parse_articles


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = ap.parse_args(argv)
    corpus = Path(args.shared) / "corpora" / "ukraine-war-news"
    if not corpus.is_dir():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2
    articles = parse_run(corpus)["articles"]
    if args.limit:
        articles = articles.head(args.limit)
    words = int(articles["n_words"].sum())

    t0 = time.perf_counter()
    docs = list(parse_articles(articles))
    t_parse = time.perf_counter() - t0
    sentences, entities = [], []
    for doc in docs:
        rows = extract_article(doc)
        sentences += rows["sentences"]
        entities += rows["entities"]
    sentences, entities = pd.DataFrame(sentences), pd.DataFrame(entities)

    t0 = time.perf_counter()
    result = dates_events_stage.run(docs, articles, sentences, entities)
    t_stage = time.perf_counter() - t0

    d, e = result["dates"], result["events"]
    print(f"articles: {len(articles)}  words: {words}  sentences: {len(sentences)}")
    print(f"anchors: {articles['published'].notna().sum()} articles with a stated date")
    print(f"spaCy parse (notebook 02's cost, for scale): {t_parse:.1f} s  ({words / t_parse:,.0f} words/s)")
    print(f"dates + events stage: {t_stage:.2f} s  ({len(articles) / t_stage:,.1f} articles/s, {words / t_stage:,.0f} words/s)")
    print(f"time expressions: {len(d)}  resolved: {d['start'].notna().sum()}  relative: {int(d['relative'].sum())}")
    print("  by precision: " + ", ".join(f"{k} {v}" for k, v in d["precision"].value_counts().sort_index().items()))
    print(f"events: {len(e)}  dated: {e['date_start'].notna().sum()}")
    print("  by type: " + ", ".join(f"{k} {v}" for k, v in e["type"].value_counts().items()))
    print(f"failed articles: {len(result.errors)}")
    for aid, msg in result.errors[:10]:
        print("  ", aid, msg)
    return 0


if __name__ == "__main__":
    sys.exit(main())
