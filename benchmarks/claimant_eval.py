"""Claimant benchmark: "which source claims this figure" — the ``claims`` table against PolNeAR gold attributions.

Data: PolNeAR (``../shared/benchmarks/attribution/polnear/{train,dev}``, read by ``attribution_eval.load_split``):
news that nobody on this project annotated, with ``Source``/``Cue``/``Content`` spans tied by attributions. Develop
on ``train``; ``dev`` is a reported split — run it once at the end, never read its errors (``--errors`` refuses it).

For every figure the claims stage finds (a ``claims`` row: ``start_char``/``end_char`` of the figure, ``claimant``,
``claimant_start``/``claimant_end``), the gold is the innermost gold attribution (shortest content) whose
``Content`` span holds the whole figure (not counting an attribution whose own source holds it: a content in two
pieces is read as the span over both, source included); a figure that no content holds should be unattributed.
Reported:

- ``in_content``: figures inside some gold content; ``attributed_when_gold_attributes``: the share of those with a
  claimant (not "(unattributed)");
- ``claimant_exact``: over the figures inside content whose gold attribution names a source span, the share whose
  ``claimant_start``/``claimant_end`` equal that span (an unattributed figure is a miss);
- ``claimant_name_overlap``: over the figures inside content whose gold source is a name
  (``attribution_eval.is_name``), the share whose claimant shares a content word with it (``fold_words``);
- ``unattributed_when_gold_does_not``: over the figures outside every gold content, the share left unattributed.

The articles are parsed once and the parse saved (``--parse-dir``, default ``/tmp/l18/<split>.spacy`` as
``/work/notes/polnear.py`` does); entities, statements and claims are computed afresh from it on every run
(``stage.extract_article``), so a run takes about half a minute and rule switches can be compared:

    python benchmarks/claimant_eval.py --split train [--errors N] [helpers.text.claims.SWITCH=0|1 ...]
"""
from __future__ import annotations

import argparse
import importlib
import os
import random
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import attribution_eval as ae  # noqa: E402

UNATTRIBUTED = "(unattributed)"


def gold_for(golds: list[dict], start: int, end: int) -> dict | None:
    """The innermost gold attribution (shortest content) whose content holds the figure ``start``-``end``.

    A content in two pieces is read as the span covering both (``attribution_eval.read_ann``), which takes in the
    source and cue between them (“…,” one aide said. “…”): an attribution whose own source holds the figure
    does not hold it in its content."""
    holding = [g for g in golds if g["content"][0] <= start and end <= g["content"][1]
               and not (g["source"] is not None and g["source"][0] <= start and end <= g["source"][1])]
    return min(holding, key=lambda g: g["content"][1] - g["content"][0]) if holding else None


def _span(row) -> tuple | None:
    s, e = row.get("claimant_start"), row.get("claimant_end")
    return None if s is None or e is None or pd.isna(s) or pd.isna(e) else (int(s), int(e))


def judge(claim: dict, golds: list[dict]) -> dict:
    """One figure against the gold: which figures it counts in, and whether it is right there."""
    g = gold_for(golds, claim["start_char"], claim["end_char"])
    attributed = claim["claimant"] != UNATTRIBUTED
    out = {"gold": g, "in_content": g is not None, "attributed": attributed}
    if g is None:
        out["unattributed_ok"] = not attributed
        return out
    if g["source"] is not None:
        out["exact"] = attributed and _span(claim) == tuple(g["source"])
    if ae.is_name(g["source_text"]):
        out["name"] = attributed and bool(ae.fold_words(g["source_text"]) & ae.fold_words(claim["claimant"]))
    return out


def score(claims: pd.DataFrame, gold: dict[str, list[dict]]) -> dict:
    """The figures above over a ``claims`` table and the gold of :func:`attribution_eval.load_split`."""
    n = Counter()
    for claim in claims.to_dict("records"):
        if claim["article_id"] not in gold:
            continue
        j = judge(claim, gold[claim["article_id"]])
        n["figures"] += 1
        if not j["in_content"]:
            n["outside"] += 1
            n["outside_ok"] += j["unattributed_ok"]
            continue
        n["inside"] += 1
        n["inside_attributed"] += j["attributed"]
        for key in ("exact", "name"):
            if key in j:
                n[f"{key}_n"] += 1
                n[f"{key}_ok"] += j[key]

    def ratio(a: str, b: str) -> float | None:
        return round(n[a] / n[b], 3) if n[b] else None

    return {"articles": len(gold), "figures": n["figures"], "in_content": n["inside"],
            "attributed_when_gold_attributes": ratio("inside_attributed", "inside"),
            "sourced": n["exact_n"], "claimant_exact": ratio("exact_ok", "exact_n"),
            "named": n["name_n"], "claimant_name_overlap": ratio("name_ok", "name_n"),
            "outside_content": n["outside"], "unattributed_when_gold_does_not": ratio("outside_ok", "outside")}


def error_kind(j: dict) -> str | None:
    """Which error a judged figure is (None when right): missed (unattributed inside content), wrong mention, wrong
    name, or claimed (attributed outside every content)."""
    if not j["in_content"]:
        return None if j["unattributed_ok"] else "claimed_outside_content"
    if not j["attributed"]:
        return "unattributed_inside_content"
    if j.get("exact") is False:
        return "wrong_mention"
    if j.get("name") is False:
        return "wrong_name"
    return None


def print_errors(claims: pd.DataFrame, gold: dict[str, list[dict]], texts: dict[str, str], k: int, seed: int = 0) \
        -> None:
    errors = []
    for claim in claims.to_dict("records"):
        if claim["article_id"] in gold:
            j = judge(claim, gold[claim["article_id"]])
            kind = error_kind(j)
            if kind is not None:
                errors.append((kind, claim, j["gold"]))
    print("\nerrors by kind:", dict(Counter(e[0] for e in errors)))
    by_via = Counter((e[0], e[1]["claimant_via"]) for e in errors)
    print("errors by kind and via:", dict(by_via.most_common()))
    random.Random(seed).shuffle(errors)
    for kind, claim, g in errors[:k]:
        text = texts[claim["article_id"]]
        span = _span(claim)
        said = text[span[0]:span[1]] if span else None
        print(f"\n[{kind}] {claim['article_id']} figure {claim['text']!r} -> {claim['claimant']!r} "
              f"({claim['claimant_via']}, mention {said!r})")
        if g is not None:
            print(f"  gold source {g['source_text']!r}  content {text[g['content'][0]:g['content'][1]][:300]!r}")
        print(f"  sentence: {claim['sentence'][:400]!r}")


def saved_docs(split: str, articles: pd.DataFrame, parse_dir: Path) -> list:
    """The split's parsed docs, parsed once and saved to ``parse_dir/<split>.spacy`` (written atomically)."""
    from spacy.tokens import DocBin

    from helpers.text import doccache, stage

    saved = parse_dir / f"{split}.spacy"
    vocab = doccache.load_model().vocab
    if not saved.exists():
        parsed = stage.run_parse(articles)
        db = DocBin(store_user_data=True)
        for d in parsed.extra["docbin"].get_docs(vocab):
            db.add(d)
        parse_dir.mkdir(parents=True, exist_ok=True)
        tmp = saved.with_suffix(f".{os.getpid()}.tmp")
        db.to_disk(tmp)
        tmp.replace(saved)
    return list(DocBin().from_disk(saved).get_docs(vocab))


def set_switches(pairs: list[str]) -> None:
    """``module.NAME=0|1`` pairs: set a rule switch for this run."""
    for pair in pairs:
        key, value = pair.split("=")
        module, name = key.rsplit(".", 1)
        mod = importlib.import_module(module)
        if not hasattr(mod, name):
            raise SystemExit(f"{module} has no switch {name}")
        setattr(mod, name, bool(int(value)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="train", choices=("train", "dev"))
    ap.add_argument("--errors", type=int, default=0, help="print N error samples (train only)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--parse-dir", type=Path, default=Path("/tmp/l18"))
    ap.add_argument("--save", type=Path, default=None, help="write the claims table to this Parquet file")
    ap.add_argument("switches", nargs="*", help="module.SWITCH=0|1")
    args = ap.parse_args()
    if args.errors and args.split != "train":
        raise SystemExit("dev is a reported split: its errors are not read (use --split train)")
    set_switches(args.switches)
    from helpers.text import stage

    articles, gold = ae.load_split(args.split)
    claims = []
    for doc in saved_docs(args.split, articles, args.parse_dir):
        claims += stage.extract_article(doc, stage.doc_article_id(doc))["claims"]
    table = pd.DataFrame(claims)
    for k, v in score(table, gold).items():
        print(f"{k:34s} {v}")
    if args.save:
        table.to_parquet(args.save)
    if args.errors:
        print_errors(table, gold, dict(zip(articles["article_id"], articles["text"])), args.errors, args.seed)


if __name__ == "__main__":
    main()
