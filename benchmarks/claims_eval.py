"""Claim precision/recall, claimant accuracy and statement speaker accuracy on the hand-annotated dev set.

Usage (from the project root):

    .venv/bin/python benchmarks/claims_eval.py [--verbose]

The dev set (``benchmarks/dev_set/annotations.jsonl``) annotates 16 articles of
``../shared/corpora/ukraine-war-news`` by hand; the rules were developed against it, so its figures are
optimistic. ``--set heldout`` (``dev_set/heldout.jsonl``) scores 5 more articles annotated after the rules
were written and not used to tune them. Each line names the article file and lists

- ``claims``: ``[span, occurrence, value, claimant]`` — a short quoted span that starts at the figure as
  written (the ``occurrence``-th match of the span in ``articles.text``), its value, and who the text says
  asserts it (canonical name, or ``"(unattributed)"``);
- ``statements``: ``[snippet, occurrence, speaker]`` — a snippet holding the reporting cue, and the speaker.

Annotation rules: every quantity counts (people, equipment, money, percentages, distances, multiples) except
dates, years, clock times, durations ("100 days", "nearly 4 months"), ages, ordinals, identifiers and
calibres; a parenthesised unit conversion is part of the figure before it. The claimant is whoever the text
says asserts the figure — speaker of a statement holding it, source of "according to", subject of a
reporting/assessment verb — else "(unattributed)".

Matching: a predicted claim matches a gold one when their character spans overlap (one-to-one, preferring equal
values). Names match when equal after case/accent/punctuation folding, when one contains the other as whole
words ("Tinkov" / "Oleg Tinkov"), or when one is the initials of the other ("KIIS"). A gold statement is found
when a predicted statement of the same sentence has its cue inside the snippet.

The article texts are read from ../shared at run time; the script exits with a message if they are absent.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from anyascii import anyascii
from helpers.core.schemas import UNATTRIBUTED, UNKNOWN

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "ukraine-war-news"
DEV_SET = Path(__file__).resolve().parent / "dev_set"
SETS = {"dev": DEV_SET / "annotations.jsonl", "heldout": DEV_SET / "heldout.jsonl"}


def fold(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", anyascii(str(name)).lower()).strip()


def same_name(pred: str, gold: str) -> bool:
    if gold == UNATTRIBUTED or pred in (UNATTRIBUTED, UNKNOWN):
        return pred in (gold, UNKNOWN) and gold == UNATTRIBUTED
    p, g = fold(pred), fold(gold)
    if not p or not g:
        return False
    if p == g or f" {g} " in f" {p} " or f" {p} " in f" {g} ":
        return True
    initials = lambda s: "".join(w[0] for w in s.split() if w not in ("of", "the", "and", "for"))  # noqa: E731
    return p.replace(" ", "") == initials(g) or g.replace(" ", "") == initials(p)


def locate(text: str, span: str, occurrence: int) -> tuple[int, int] | None:
    pattern = r"\s+".join(re.escape(part) for part in span.split())
    matches = list(re.finditer(pattern, text))
    if len(matches) <= occurrence:
        return None
    m = matches[occurrence]
    return m.start(), m.end()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--verbose", action="store_true", help="list every miss and wrong attribution")
    ap.add_argument("--set", choices=sorted(SETS), default="dev",
                    help="dev: the 16 articles the rules were developed on; heldout: 5 articles annotated "
                         "after development and never used for tuning")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (../shared is only on dev/CI machines); nothing evaluated")
        return 0

    import pandas as pd

    from helpers.parse.articles import parse_file
    from helpers.text.stage import run_stage

    gold = [json.loads(line) for line in SETS[args.set].read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = []
    for g in gold:
        arts, errors, _ = parse_file(args.corpus / g["file"], g["file"])
        if not arts:
            print(f"cannot read {g['file']}: {errors}")
            return 1
        rows.append(arts[0])
    articles = pd.DataFrame(rows)
    result = run_stage(articles)
    claims, statements, sentences = result["claims"], result["statements"], result["sentences"]

    n_gold = n_pred = n_match = n_claimant_ok = n_value_ok = 0
    n_stmt = n_stmt_found = n_speaker_ok = 0
    problems = []
    for g, art in zip(gold, rows):
        aid, text = art["article_id"], art["text"]
        pred = claims[claims.article_id == aid].to_dict("records")
        n_pred += len(pred)
        used = set()
        for span, occ, value, claimant in g["claims"]:
            n_gold += 1
            where = locate(text, span, occ)
            if where is None:
                problems.append(f"{g['file']}: gold span not found: {span!r}")
                continue
            cands = [i for i, p in enumerate(pred) if i not in used
                     and p["start_char"] < where[1] and where[0] < p["end_char"]]
            if not cands:
                problems.append(f"MISSED  {g['file']}: {span!r}")
                continue
            best = min(cands, key=lambda i: (pred[i]["value"] != value, abs(pred[i]["start_char"] - where[0])))
            used.add(best)
            p = pred[best]
            n_match += 1
            n_value_ok += p["value"] == value
            if same_name(p["claimant"], claimant):
                n_claimant_ok += 1
            else:
                problems.append(f"CLAIMANT {g['file']}: {span!r}: predicted {p['claimant']!r} ({p['claimant_via']}), gold {claimant!r}")
        for i, p in enumerate(pred):
            if i not in used:
                problems.append(f"EXTRA   {g['file']}: {p['text']!r} in: {p['sentence'][:90]!r}")

        sents = sentences[sentences.article_id == aid]
        st = statements[statements.article_id == aid]
        for snippet, occ, speaker in g["statements"]:
            n_stmt += 1
            where = locate(text, snippet, occ)
            if where is None:
                problems.append(f"{g['file']}: gold snippet not found: {snippet!r}")
                continue
            sid = sents[(sents.start_char <= where[0])].sentence_id.max()
            snippet_text = text[where[0]:where[1]].lower()
            cands = st[(st.sentence_id.between(sid - 3, sid + 1))]
            cands = [r for r in cands.itertuples() if r.cue.lower() in snippet_text
                     and (r.start_char - 400 < where[0] < r.end_char + 400)]
            if not cands:
                problems.append(f"NO STMT {g['file']}: {snippet!r} (gold {speaker!r})")
                continue
            n_stmt_found += 1
            r = min(cands, key=lambda r: min(abs(r.start_char - where[1]), abs(r.end_char - where[0])))
            if same_name(r.speaker, speaker):
                n_speaker_ok += 1
            else:
                problems.append(f"SPEAKER {g['file']}: {snippet!r}: predicted {r.speaker!r}, gold {speaker!r}")

    precision = n_match / n_pred if n_pred else 0.0
    recall = n_match / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{args.set} set: {len(gold)} articles, {n_gold} gold claims, {n_pred} predicted, {n_match} matched")
    print(f"claim precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(f"value correct on matched claims: {n_value_ok}/{n_match} = {n_value_ok / max(n_match, 1):.3f}")
    print(f"claimant accuracy on matched claims: {n_claimant_ok}/{n_match} = {n_claimant_ok / max(n_match, 1):.3f}")
    print(f"statements: {n_stmt} gold, {n_stmt_found} found ({n_stmt_found / max(n_stmt, 1):.3f}); "
          f"speaker accuracy {n_speaker_ok}/{n_stmt} = {n_speaker_ok / max(n_stmt, 1):.3f} of gold "
          f"({n_speaker_ok / max(n_stmt_found, 1):.3f} of found)")
    if args.verbose:
        print("\n".join(problems))
    return 0


if __name__ == "__main__":
    sys.exit(main())
