"""Attribution benchmark: the ``statements`` table against PolNeAR gold attributions (issue 10).

Data: ``../shared/benchmarks/attribution/polnear/{train,dev}/`` — ``text/<name>.txt`` and brat files
``attributions/<name>_<annotator>.ann`` (``Source``/``Cue``/``Content`` spans tied by ``Attribution`` events).
Develop on ``train``; report ``dev``.

Scorer (as issue 10 defines it):

- a statement matches a gold attribution when their content spans overlap by at least half of the
  shorter one (one-to-one, greedy by overlap); content precision/recall/F1 over these matches;
- source accuracy on matched attributions: *exact* (the statement's speaker mention span equals the gold
  source span — needs ``statements.speaker_start``/``speaker_end``; reported as n/a while the table has
  none) and *name overlap* (the speaker's name and the gold source share a content word, case and accents
  folded), over matched attributions whose gold source is a name (holds a capitalised word that is not a
  determiner or pronoun); *source agreement* is a separate extra figure (round 12), not the headline: exact, but
  a matched attribution whose gold has no source counts as agreeing when the statement gives no mention either
  (the exact figure counts every one of those as a miss, whatever the statement says); *exact over sourced
  matches* (``source_exact_sourced``, session 19) is the exact figure over the matched attributions whose gold
  names a source span at all — the ones where "the same span" is defined (on train 782 of 15,762 matches have
  none). The headline stays ``source_exact``, the stricter figure; both are reported;
- end-to-end named-source recall: gold attributions with a named source that are matched *and* whose
  source overlaps, over all gold attributions with a named source;
- content recall by kind: *direct* (the gold content is quoted: a quotation mark at or right before its start)
  and *indirect* (the rest).

    python benchmarks/attribution_eval.py --split dev [--limit N]
"""
from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

import pandas as pd
from anyascii import anyascii

ROOT = Path(__file__).resolve().parents[1]
import os
_SHARED = [Path(os.environ["WARCLAIMS_SHARED"])] if "WARCLAIMS_SHARED" in os.environ else []
_SHARED += [ROOT.parent / "shared", ROOT.parents[1] / "shared"]  # ../shared from the repo or from a worktree
POLNEAR = next((p for p in _SHARED if p.exists()), _SHARED[0]) / "benchmarks" / "attribution" / "polnear"
_NOT_NAMES = {"the", "a", "an", "he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its", "this",
              "that", "these", "those", "some", "many", "one", "our", "my", "your"}


def _spans(field: str) -> tuple[int, int]:
    """brat offsets "s e" or discontinuous "s1 e1;s2 e2" -> the covering (start, end)."""
    nums = [int(x) for x in re.findall(r"\d+", field)]
    return min(nums), max(nums)


def read_ann(path: Path, text: str) -> list[dict]:
    spans, events = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"T\d+\t", line):  # a span text holding a line break continues on lines of its own
            tid, info, *_ = line.split("\t") + [""]
            kind, offsets = info.split(" ", 1)
            spans[tid] = (kind, *_spans(offsets))
        elif re.match(r"E\d+\t", line):
            args = dict(a.split(":", 1) for a in line.split("\t")[1].split() if ":" in a)
            events.append(args)
    out = []
    for ev in events:
        def get(role):
            for key, tid in ev.items():
                if re.sub(r"\d+$", "", key) == role and tid in spans:
                    return spans[tid][1:]
            return None
        content, source = get("Content"), get("Source")
        if content is None:
            continue
        out.append({"content": content, "source": source,
                    "source_text": text[source[0]:source[1]] if source else None,
                    "direct": is_direct(text, content)})
    return out


_QUOTE_MARKS = "\"“”«»"


def is_direct(text: str, span: tuple[int, int]) -> bool:
    """A gold attribution is direct when its content is quoted: a quotation mark at (or right outside) its start."""
    inner = text[span[0]:span[1]].lstrip()
    outside = text[max(0, span[0] - 2):span[0]]
    return (inner[:1] in _QUOTE_MARKS and inner[:1] != "") or any(ch in _QUOTE_MARKS for ch in outside)


def load_split(split: str, limit: int | None = None) -> tuple[pd.DataFrame, dict[str, list[dict]]]:
    base = POLNEAR / split
    texts, gold = {}, {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        txt = base / "text" / f"{name}.txt"
        if not txt.exists() or name in texts:
            continue
        texts[name] = txt.read_bytes().decode("utf-8")  # offsets count every character, CR included
        gold[name] = read_ann(ann, texts[name])
        if limit and len(texts) >= limit:
            break
    articles = pd.DataFrame({"article_id": list(texts), "text": list(texts.values())})
    return articles, gold


def fold_words(name: str | None) -> set[str]:
    words = re.sub(r"[^a-z0-9]+", " ", anyascii(name or "").lower()).split()
    return {w for w in words if w not in _NOT_NAMES and len(w) > 1}


def is_name(source: str | None) -> bool:
    return bool(source) and any(w[:1].isupper() and w.lower() not in _NOT_NAMES for w in re.findall(r"[\w'’.-]+", source))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter >= 0.5 * min(a[1] - a[0], b[1] - b[0])


def match_spans(golds: list[dict], spans: list[tuple[int, int]]) -> dict[int, int]:
    """Gold index -> predicted span index: one-to-one, greedy by overlap, pairs that :func:`overlap`."""
    pairs = []
    for gi, g in enumerate(golds):
        for pi, (s, e) in enumerate(spans):
            if overlap(g["content"], (s, e)):
                pairs.append((-(min(g["content"][1], e) - max(g["content"][0], s)), gi, pi))
    used_g, used_p, match = set(), set(), {}
    for _, gi, pi in sorted(pairs):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi); used_p.add(pi); match[gi] = pi
    return match


def score(statements: pd.DataFrame, gold: dict[str, list[dict]]) -> dict:
    by_article = defaultdict(list)
    for r in statements.itertuples():
        by_article[r.article_id].append(r)
    n_pred = len(statements)
    n_gold = sum(len(g) for g in gold.values())
    matched = named = named_matched = name_ok = exact_ok = exact_n = agree_ok = sourced = 0
    by_kind = {"direct": [0, 0], "indirect": [0, 0]}  # gold, matched
    for aid, golds in gold.items():
        preds = by_article.get(aid, [])
        match = {gi: preds[pi] for gi, pi in match_spans(golds, [(p.start_char, p.end_char) for p in preds]).items()}
        matched += len(match)
        for gi, g in enumerate(golds):
            p = match.get(gi)
            kind = by_kind["direct" if g.get("direct") else "indirect"]
            kind[0] += 1
            kind[1] += p is not None
            if is_name(g["source_text"]):
                named += 1
                ok = p is not None and bool(fold_words(g["source_text"]) & fold_words(p.speaker))
                if p is not None:
                    named_matched += 1
                    name_ok += ok
                if ok:
                    exact_n += 1
            if p is not None and hasattr(p, "speaker_start") and g["source"] is not None:
                sourced += 1
                exact_ok += (p.speaker_start, p.speaker_end) == tuple(g["source"])
            if p is not None and hasattr(p, "speaker_start"):
                agree_ok += (p.speaker_start, p.speaker_end) == tuple(g["source"]) if g["source"] is not None \
                    else pd.isna(p.speaker_start)
    precision = matched / n_pred if n_pred else 0.0
    recall = matched / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"articles": len(gold), "gold": n_gold, "statements": n_pred, "matched": matched,
            "content_precision": round(precision, 3), "content_recall": round(recall, 3), "content_f1": round(f1, 3),
            "source_exact": round(exact_ok / matched, 3) if matched and "speaker_start" in statements else None,
            "source_exact_sourced": round(exact_ok / sourced, 3) if sourced else None,
            "source_agreement": round(agree_ok / matched, 3) if matched and "speaker_start" in statements else None,
            "source_name_overlap": round(name_ok / named_matched, 3) if named_matched else None,
            "named_gold": named, "named_source_recall_e2e": round(exact_n / named, 3) if named else None,
            **{f"{k}_gold": v[0] for k, v in by_kind.items()},
            **{f"{k}_recall": round(v[1] / v[0], 3) if v[0] else None for k, v in by_kind.items()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=("train", "dev"))
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    if not (POLNEAR / args.split).exists():
        raise SystemExit(f"{POLNEAR / args.split} not found")
    from helpers.text.stage import run_stage

    articles, gold = load_split(args.split, args.limit)
    result = run_stage(articles)
    for k, v in score(result["statements"], gold).items():
        print(f"{k:26s} {v}")


if __name__ == "__main__":
    main()
