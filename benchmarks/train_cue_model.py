"""Train the reporting-cue model (``src/helpers/text/models/cue_model.json``) on PolNeAR *train* (issue 10).

Examples: every verb of the PolNeAR train articles whose lemma is not in the cue word lists
(:func:`helpers.text.cuemodel.is_candidate`); label 1 when the token lies inside a gold ``Cue`` span of the
article's annotation (the first annotator's file, as ``attribution_eval.py`` reads it). Features:
:func:`helpers.text.cuemodel.cue_features`. Model: L2-regularised logistic regression fitted with L-BFGS
(scipy, at training time only; the runtime reads the JSON weights with the standard library).

The threshold is chosen on a held-out slice of train (every fifth article, by sorted name) by the attribution
scorer's content F1 with the model hooked into ``statements``; then the model is refitted on all of train with
that threshold. ``object_threshold`` (from which a model cue's object, not only a clause, is its content) is set by
``--object-threshold``. ``dev`` is never read. Deterministic: no random state (L-BFGS from zero weights, sorted
inputs).

With ``--noun-thresholds`` (issue 10 round 10) a second model, ``noun_weights``, is fitted the same way for the nouns
outside the cue-noun lists that have a content of their own (:func:`helpers.text.cuemodel.is_noun_candidate`: "his
opposition to X", "concerns that …"; features :func:`helpers.text.cuemodel.noun_features`), and its
``noun_threshold`` is scanned on the held-out slice with the verbs' threshold already chosen.

    python benchmarks/train_cue_model.py --docs /tmp/train.spacy [--c 1.0] [--min-count 2] [--thresholds 0.4,0.5]
        [--object-threshold 0.8] [--noun-thresholds 0.3,0.4,0.5] [--no-refit] [--out PATH]

Time (2026-12-06, shared 2-core machine, load average about 7): 83 s for ``--thresholds 0.4`` with the parses saved
by ``--docs`` (features and fit 28 s, one held-out scan, the refit); parsing the 840 train articles the first time
took 12 minutes more (at load 8-13). Two runs wrote byte-identical files.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import attribution_eval as ae  # noqa: E402

from helpers.text import cuemodel, statements  # noqa: E402
from helpers.text.stage import extract_article, parse_articles  # noqa: E402

HELD_OUT_EVERY = 5


def cue_spans(split: str) -> dict[str, list[tuple[int, int]]]:
    """Gold cue fragments per article, from the annotation file ``load_split`` reads (the first by name)."""
    base = ae.POLNEAR / split
    out: dict[str, list[tuple[int, int]]] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        if name in out:
            continue
        frags = []
        for line in ann.read_text(encoding="utf-8").splitlines():
            if re.match(r"T\d+\tCue ", line):
                offsets = line.split("\t")[1].split(" ", 1)[1]
                for part in offsets.split(";"):
                    s, e = part.split()
                    frags.append((int(s), int(e)))
        out[name] = frags
    return out


def examples(docs, cues, known, nouns: set[str] | None = None):
    """``(features, label)`` for every candidate verb of ``docs`` (:func:`helpers.text.cuemodel.is_candidate`), or
    with ``nouns`` (the prepositions of a noun's content) every candidate noun outside ``known``
    (:func:`helpers.text.cuemodel.is_noun_candidate`, features :func:`helpers.text.cuemodel.noun_features`); label 1
    when the token lies in a gold cue span."""
    rows = []
    for doc in docs:
        frags = cues.get(doc.user_data["article_id"], [])
        text = doc.text
        for sent in doc.sents:
            chars = (sent.start_char, sent.end_char)
            for tok in sent:
                if nouns is None and cuemodel.is_candidate(tok, known):
                    feats = cuemodel.cue_features(tok, text, chars)
                elif nouns is not None and cuemodel.is_noun_candidate(tok, known, nouns):
                    feats = cuemodel.noun_features(tok, nouns, text, chars)
                else:
                    continue
                gold = any(s < tok.idx + len(tok) and tok.idx < e for s, e in frags)
                rows.append((feats, int(gold)))
    return rows


def fit(rows, c: float, min_count: int) -> dict[str, float]:
    from scipy import optimize, sparse

    counts = Counter(f for feats, _ in rows for f in set(feats))
    vocab = sorted(f for f, n in counts.items() if n >= min_count or f == "bias")
    index = {f: i for i, f in enumerate(vocab)}
    ind, ptr = [], [0]
    for feats, _ in rows:
        ind.extend(sorted({index[f] for f in feats if f in index}))
        ptr.append(len(ind))
    x = sparse.csr_matrix((np.ones(len(ind)), ind, ptr), shape=(len(rows), len(vocab)))
    y = np.array([lab for _, lab in rows], dtype=float)
    reg = np.ones(len(vocab)) / c
    reg[index["bias"]] = 0.0

    def loss(w):
        z = x @ w
        p = 1.0 / (1.0 + np.exp(-z))
        ll = np.sum(np.logaddexp(0, z) - y * z)
        return ll + 0.5 * np.sum(reg * w * w), x.T @ (p - y) + reg * w

    res = optimize.minimize(loss, np.zeros(len(vocab)), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return {f: round(float(w), 4) for f, w in zip(vocab, res.x) if abs(w) >= 1e-3}


def token_scores(weights, rows, threshold):
    tp = fp = fn = 0
    for feats, lab in rows:
        z = sum(weights.get(f, 0.0) for f in feats)
        pred = 1.0 / (1.0 + np.exp(-z)) >= threshold
        tp += pred and lab
        fp += pred and not lab
        fn += (not pred) and lab
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return round(p, 3), round(r, 3), round(2 * p * r / (p + r), 3) if p + r else 0.0


def end_to_end(docs, gold, model) -> dict:
    """Attribution scores of ``docs`` with ``model`` hooked in (None: the rules alone)."""
    import pandas as pd

    original = cuemodel.load_model
    cuemodel.load_model = (lambda path=None: model) if model else (lambda path=None: {"weights": {}, "threshold": 2.0, "object_threshold": 2.0})
    try:
        rows = [s for doc in docs for s in extract_article(doc)["statements"]]
    finally:
        cuemodel.load_model = original
    return ae.score(pd.DataFrame(rows), {d.user_data["article_id"]: gold[d.user_data["article_id"]] for d in docs})


def load_docs(articles, path: str | None) -> list:
    """The parsed train articles; with ``path``, kept in (and read back from) a DocBin there, so that retraining
    after a change to the text stage's code (which renews the parse cache) does not parse again."""
    from spacy.tokens import DocBin

    from helpers.text.components import build_pipeline

    if path and Path(path).exists():
        docs = list(DocBin().from_disk(path).get_docs(build_pipeline().vocab))
    else:
        docs = list(parse_articles(articles))
        if path:
            db = DocBin(store_user_data=False)
            for doc in docs:
                db.add(doc)
            db.to_disk(path)
    for doc, aid in zip(docs, articles["article_id"]):
        doc.user_data["article_id"] = aid
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    ap.add_argument("--min-count", type=int, default=2, help="features seen in fewer examples are dropped")
    ap.add_argument("--thresholds", default="0.4,0.5,0.6,0.7")
    ap.add_argument("--object-threshold", type=float, default=0.8,
                    help="probability from which a model cue's object (not only a clause) is its content")
    ap.add_argument("--out", default=str(cuemodel.MODEL_PATH))
    ap.add_argument("--docs", default=None, help="a DocBin file to keep the parsed train articles in (not in the repo)")
    ap.add_argument("--no-refit", action="store_true", help="keep the model fitted without the held-out slice")
    ap.add_argument("--noun-thresholds", default=None,
                    help="also fit a model for nouns outside the cue-noun lists and scan these thresholds for it "
                         "(with the verbs' threshold chosen first)")
    args = ap.parse_args()
    t0 = time.time()
    articles, gold = ae.load_split("train")
    cues = cue_spans("train")
    docs = load_docs(articles, args.docs)
    print(f"parsed {len(docs)} train articles in {time.time() - t0:.0f} s", flush=True)
    known = statements._listed_verbs()
    held = [d for i, d in enumerate(docs) if i % HELD_OUT_EVERY == 0]
    fit_docs = [d for i, d in enumerate(docs) if i % HELD_OUT_EVERY]
    train_rows, held_rows = examples(fit_docs, cues, known), examples(held, cues, known)
    print(f"examples: fit {len(train_rows)} ({sum(l for _, l in train_rows)} cues), "
          f"held-out {len(held_rows)} ({sum(l for _, l in held_rows)} cues)", flush=True)
    weights = fit(train_rows, args.c, args.min_count)
    print(f"fitted {len(weights)} weights in {time.time() - t0:.0f} s", flush=True)
    base = end_to_end(held, gold, None)
    print(f"held-out rules only: P/R/F1 {base['content_precision']}/{base['content_recall']}/{base['content_f1']}")
    best = None
    for th in [float(t) for t in args.thresholds.split(",")]:
        s = end_to_end(held, gold, {"weights": weights, "threshold": th, "object_threshold": args.object_threshold})
        print(f"threshold {th}: token P/R/F1 {token_scores(weights, held_rows, th)}; held-out content P/R/F1 "
              f"{s['content_precision']}/{s['content_recall']}/{s['content_f1']} statements {s['statements']}",
              flush=True)
        if best is None or s["content_f1"] > best[0]:
            best = (s["content_f1"], th)
    threshold = best[1]
    nouns = None
    if args.noun_thresholds:
        known_nouns, preps = statements._listed_nouns(), statements.model_noun_preps()
        noun_train, noun_held = examples(fit_docs, cues, known_nouns, preps), examples(held, cues, known_nouns, preps)
        print(f"noun examples: fit {len(noun_train)} ({sum(l for _, l in noun_train)} cues), "
              f"held-out {len(noun_held)} ({sum(l for _, l in noun_held)} cues)", flush=True)
        noun_weights = fit(noun_train, args.c, args.min_count)
        best_noun = None
        for th in [float(t) for t in args.noun_thresholds.split(",")]:
            s = end_to_end(held, gold, {"weights": weights, "threshold": threshold, "object_threshold":
                                        max(threshold, args.object_threshold), "noun_weights": noun_weights,
                                        "noun_threshold": th})
            print(f"noun threshold {th}: token P/R/F1 {token_scores(noun_weights, noun_held, th)}; held-out content "
                  f"P/R/F1 {s['content_precision']}/{s['content_recall']}/{s['content_f1']} statements "
                  f"{s['statements']}", flush=True)
            if best_noun is None or s["content_f1"] > best_noun[0]:
                best_noun = (s["content_f1"], th)
        if not args.no_refit:
            noun_weights = fit(noun_train + noun_held, args.c, args.min_count)
        nouns = {"candidate_nouns": len(noun_train) + len(noun_held), "noun_threshold": best_noun[1],
                 "held_out_content_f1_nouns": best_noun[0],
                 "noun_weights": dict(sorted(noun_weights.items()))}
    if not args.no_refit:
        weights = fit(train_rows + held_rows, args.c, args.min_count)
    model = {"about": "Reporting-cue tagger for verbs outside the cue lists (helpers.text.cuemodel); noun_weights: "
                      "for nouns outside the cue-noun lists. Logistic regression trained by "
                      "benchmarks/train_cue_model.py on PolNeAR train; see models/README.md for the data licence.",
             "trained_on": f"PolNeAR train ({len(docs)} articles, {len(train_rows) + len(held_rows)} candidate verbs"
                           + (f", {nouns['candidate_nouns']} candidate nouns)" if nouns else ")"),
             "c": args.c, "min_count": args.min_count, "threshold": threshold,
             "object_threshold": max(threshold, args.object_threshold),
             "held_out_content_f1": best[0], "weights": dict(sorted(weights.items())),
             **{k: v for k, v in (nouns or {}).items() if k != "candidate_nouns"}}
    write_model(model, args.out, t0)


def write_model(model: dict, out: str, t0: float) -> None:
    """Write a trained model's JSON (the committed format: one key per line, deterministic)."""
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"threshold {model['threshold']}; wrote {out} ({Path(out).stat().st_size / 1e6:.2f} MB, "
          f"{len(model['weights'])} weights) in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
