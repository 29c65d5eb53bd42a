"""Train the statement filter (``src/helpers/text/models/statement_model.json``) on PolNeAR *train* (issue 10).

Examples: every statement the rules find in the PolNeAR train articles (the filter itself off), with the features
of :func:`helpers.text.statementmodel.statement_features`; label 1 when the attribution scorer
(``attribution_eval.match_spans``: content overlap of at least half the shorter span, one-to-one) matches it to a
gold attribution of the article. Model: L2-regularised logistic regression fitted with L-BFGS (the cue model's
``fit``; scipy at training time only, the runtime reads the JSON weights with the standard library).

The threshold is chosen on a held-out slice of train (every fifth article, by sorted name, as for the cue model) by
the scorer's content F1 after the filter; then the model is refitted on all of train. ``dev`` is never read.
Deterministic: no random state (L-BFGS from zero weights, sorted inputs).

    python benchmarks/train_statement_filter.py --docs /tmp/train.spacy [--c 1.0] [--min-count 2]
        [--thresholds 0.2,0.3,0.4,0.5] [--out PATH]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import attribution_eval as ae  # noqa: E402
import train_cue_model as tcm  # noqa: E402

from helpers.text import cuemodel, statementmodel  # noqa: E402
from helpers.text.stage import extract_article  # noqa: E402

HELD_OUT_EVERY = 5


def examples(docs, gold) -> list[tuple[list[str], int, dict]]:
    """``(features, label, row)`` for every statement the rules find in ``docs`` with the filter off (features None
    for a statement the filter does not judge, :func:`helpers.text.statementmodel.filtered`)."""
    recorded: list[list[str]] = []

    def record(found, ctx, model=None):
        recorded.extend(statementmodel.statement_features(s, found, ctx) if statementmodel.filtered(s, ctx) else None
                        for s in found)
        return found

    original = statementmodel.keep_statements
    statementmodel.keep_statements = record
    out = []
    try:
        for doc in docs:
            recorded.clear()
            rows = extract_article(doc)["statements"]
            assert len(rows) == len(recorded)
            golds = gold[doc.user_data["article_id"]]
            matched = set(ae.match_spans(golds, [(r["start_char"], r["end_char"]) for r in rows]).values())
            out += [(feats, int(i in matched), r) for i, (feats, r) in enumerate(zip(recorded, rows))]
    finally:
        statementmodel.keep_statements = original
    return out


def filtered_score(rows, weights, threshold, gold, docs) -> dict:
    model = {"weights": weights}
    kept = [r for feats, _, r in rows
            if threshold is None or feats is None or statementmodel.probability(feats, model) >= threshold]
    return ae.score(pd.DataFrame(kept, columns=list(rows[0][2])), {d.user_data["article_id"]: gold[d.user_data["article_id"]] for d in docs})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    ap.add_argument("--min-count", type=int, default=2, help="features seen in fewer examples are dropped")
    ap.add_argument("--thresholds", default="0.2,0.25,0.3,0.35,0.4,0.45,0.5")
    ap.add_argument("--out", default=str(statementmodel.MODEL_PATH))
    ap.add_argument("--docs", default=None, help="a DocBin file to keep the parsed train articles in (not in the repo)")
    ap.add_argument("--cue-model", default=None,
                    help="a cue model file to use instead of the committed one (e.g. one fitted without the held-out "
                         "slice: train_cue_model.py --no-refit --out PATH)")
    ap.add_argument("--cue-threshold", type=float, default=None, help="try the cue model at this threshold")
    ap.add_argument("--cue-object-threshold", type=float, default=None, help="... and this object threshold")
    args = ap.parse_args()
    t0 = time.time()
    cue = dict(cuemodel.load_model(args.cue_model))
    cue["threshold"] = args.cue_threshold if args.cue_threshold is not None else cue["threshold"]
    cue["object_threshold"] = args.cue_object_threshold if args.cue_object_threshold is not None else cue["object_threshold"]
    cuemodel.load_model = lambda path=None: cue
    articles, gold = ae.load_split("train")
    docs = tcm.load_docs(articles, args.docs)
    print(f"{len(docs)} train articles in {time.time() - t0:.0f} s", flush=True)
    held = [d for i, d in enumerate(docs) if i % HELD_OUT_EVERY == 0]
    fit_docs = [d for i, d in enumerate(docs) if i % HELD_OUT_EVERY]
    fit_rows, held_rows = examples(fit_docs, gold), examples(held, gold)
    judged = [(f, l) for f, l, _ in fit_rows + held_rows if f is not None]
    print(f"statements: fit {len(fit_rows)} ({sum(l for _, l, _ in fit_rows)} matched), held-out {len(held_rows)} "
          f"({sum(l for _, l, _ in held_rows)} matched); judged by the filter {len(judged)} "
          f"({sum(l for _, l in judged)} matched) in {time.time() - t0:.0f} s", flush=True)
    weights = tcm.fit([(f, l) for f, l, _ in fit_rows if f is not None], args.c, args.min_count)
    base = filtered_score(held_rows, weights, None, gold, held)
    print(f"held-out without the filter: P/R/F1 {base['content_precision']}/{base['content_recall']}/{base['content_f1']}")
    best = None
    for th in [float(t) for t in args.thresholds.split(",")]:
        s = filtered_score(held_rows, weights, th, gold, held)
        print(f"threshold {th}: held-out content P/R/F1 {s['content_precision']}/{s['content_recall']}/"
              f"{s['content_f1']} (unrounded {2 * s['matched'] / (s['statements'] + s['gold']):.4f}, matched {s['matched']}) "
              f"statements {s['statements']} e2e {s['named_source_recall_e2e']} source exact {s['source_exact']} "
              f"name overlap {s['source_name_overlap']}", flush=True)
        if best is None or s["content_f1"] > best[0]:
            best = (s["content_f1"], th)
    weights = tcm.fit([(f, l) for f, l, _ in fit_rows + held_rows if f is not None], args.c, args.min_count)
    model = {"about": "Statement filter (helpers.text.statementmodel): logistic regression trained by "
                      "benchmarks/train_statement_filter.py on PolNeAR train; see models/README.md for the data licence.",
             "trained_on": f"PolNeAR train ({len(docs)} articles, {len(fit_rows) + len(held_rows)} statements, "
                           f"{len(judged)} judged by the filter)",
             "c": args.c, "min_count": args.min_count, "threshold": best[1],
             "held_out_content_f1": best[0], "held_out_content_f1_unfiltered": base["content_f1"],
             "weights": dict(sorted(weights.items()))}
    tcm.write_model(model, args.out, t0)


if __name__ == "__main__":
    main()
