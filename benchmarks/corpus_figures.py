"""Render the four figures for a whole corpus and record what they show.

    python benchmarks/corpus_figures.py                     # the 357-article ukraine-war-news corpus
    python benchmarks/corpus_figures.py --raw-dir data/raw --out-dir docs/figures   # the seeds (README figures)

Runs the pipeline (notebooks 01–07) on ``--raw-dir`` into ``--work-dir`` unless its tables are already
there (``--reuse``), then draws the map, timeline, claims-ledger chart and rewrite comparison with
``helpers.figures`` into ``--out-dir`` (PNG only: these are committed for the README and the showcase
notebook) and writes ``figures_summary.json`` there: counts of what each figure shows and how long it took.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "ukraine-war-news"


def run_pipeline(raw_dir: Path, work_dir: Path) -> dict:
    from helpers.run import pipeline

    stages = [nb.stem[:2] for nb in pipeline.discover() if nb.stem[:2] < "08"]
    t0 = time.perf_counter()
    summary = pipeline.run(raw_dir, work_dir / "processed", work_dir / "reports", only=stages, html=False)
    summary["wall_s"] = round(time.perf_counter() - t0, 1)
    if summary["status"] != "ok":
        raise SystemExit(f"pipeline failed: {json.dumps(summary['notebooks'][-1], default=str)}")
    return summary


def render(processed: Path, out_dir: Path) -> dict:
    from helpers.core import tables
    from helpers.figures import ledger_chart, rewrite_view, style, timeline
    from helpers.figures import map as place_map

    read = lambda name: tables.read_table(name, processed)  # noqa: E731
    articles = read("articles")
    stats: dict = {"articles": len(articles)}

    def timed(name, make):
        t0 = time.perf_counter()
        fig = make()
        png = style.save_figure(fig, out_dir, name)["png"]
        png.with_suffix(".svg").unlink()  # PNG only in docs/
        stats.setdefault("render_s", {})[name] = round(time.perf_counter() - t0, 2)

    places, events = read("places"), read("events")
    points = place_map.prepare_map_points(places, events)
    panels = place_map.plan_panels(points)
    used = places.dropna(subset=["latitude", "longitude"])
    timed("map", lambda: place_map.plot_map(points, countries=place_map.country_mentions(places),
                                            source_line=style.sources_text(articles, used["article_id"])))
    stats["map"] = {"place_mentions": len(places), "resolved_mentions": len(used), "distinct_places": len(points),
                    "panels": [{"role": p.role, "places": len(p.rows), "mentions": p.mentions} for p in panels]}

    rows = timeline.prepare_timeline(events, articles)
    timed("timeline", lambda: timeline.plot_timeline(rows, source_line=style.sources_text(articles, rows["article_id"])))
    stats["timeline"] = {"events": len(events), "dated": len(rows),
                         "lanes": int(rows["selected"].sum()) if len(rows) else 0}

    ledger = read("claims_ledger")
    checks = read("reference_checks")
    lrows = ledger_chart.prepare_ledger(ledger, checks=checks)
    timed("claims_ledger", lambda: ledger_chart.plot_ledger(
        lrows, source_line=style.sources_text(articles, lrows["article_id"])))
    stats["claims_ledger"] = {"claims": len(ledger), "topics": int(ledger["topic"].nunique()),
                              "topics_with_2_or_more": int((ledger.groupby("topic")["claim_id"].nunique() >= 2).sum()),
                              "topics_charted": int(lrows["topic"].nunique()) if len(lrows) else 0}

    from helpers.figures import reference_chart
    from helpers.ledger import reference

    points, lines = reference_chart.prepare_reference(checks, reference.series(), reference.series_keys())
    timed("reference_series", lambda: reference_chart.plot_reference(
        points, lines, source_line="Series: Ukrainian General Staff via moskali; "
        + style.sources_text(articles, checks["article_id"])))
    worst = checks.assign(abs_diff=checks["difference_pct"].abs()).sort_values(["abs_diff", "claim_id"], ascending=[False, True])
    worst = worst.merge(ledger[["claim_id", "sentence", "outlet"]], on="claim_id", how="left").head(5)
    worst.drop(columns="abs_diff").to_csv(out_dir / "reference_disagreements.csv", index=False)
    stats["reference_checks"] = {"claims_checked": len(checks), "verdicts": checks["verdict"].value_counts().sort_index().to_dict(),
                                 "source_kinds": checks["source_kind"].value_counts().sort_index().to_dict()}

    pairs, alignment = read("article_pairs"), read("sentence_alignment")
    rrows = rewrite_view.prepare_rewrite(alignment, pairs)
    summary = rewrite_view.rewrite_summary(rrows, alignment, pairs)
    names = style.article_names(articles)
    timed("rewrite_summary", lambda: rewrite_view.plot_rewrite_summary(
        summary, names=names, source_line=style.sources_text(articles, rrows["original"])))
    t0 = time.perf_counter()
    for png in rewrite_view.save_pair_figures(rrows, summary, out_dir, names=names, max_pairs=1):
        png.with_suffix(".svg").unlink()
        png.rename(out_dir / "rewrite_pair.png")
    stats.setdefault("render_s", {})["rewrite_pair"] = round(time.perf_counter() - t0, 2)
    stats["rewrite"] = {"pairs": len(pairs), "rewrite_or_duplicate": len(summary),
                        "relations": pairs["relation"].value_counts().sort_index().to_dict()}
    return stats


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--raw-dir", type=Path, default=CORPUS)
    ap.add_argument("--work-dir", type=Path, default=ROOT / "data" / "cache" / "corpus_figures")
    ap.add_argument("--out-dir", type=Path, default=ROOT / "docs" / "corpus")
    ap.add_argument("--reuse", action="store_true", help="use the tables already in --work-dir/processed")
    args = ap.parse_args(argv)
    if not args.raw_dir.exists():
        print(f"raw directory {args.raw_dir} not found (the corpus lives in ../shared)", file=sys.stderr)
        return 2
    processed = args.work_dir / "processed"
    record = {"command": "python benchmarks/corpus_figures.py " + " ".join(argv if argv is not None else sys.argv[1:]),
              "raw_dir": args.raw_dir.name}
    if args.reuse:  # timings of the run that made the tables
        run_json = args.work_dir / "reports" / "run.json"
        run = json.loads(run_json.read_text()) if run_json.exists() else {"notebooks": []}
    else:
        run = run_pipeline(args.raw_dir.resolve(), args.work_dir.resolve())
    record["pipeline_s"] = {e["notebook"]: e["duration_s"] for e in run["notebooks"]}
    args.out_dir.mkdir(parents=True, exist_ok=True)
    record.update(render(processed, args.out_dir))
    (args.out_dir / "figures_summary.json").write_text(json.dumps(record, indent=1, sort_keys=True, default=str) + "\n")
    print(json.dumps(record, indent=1, sort_keys=True, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
