"""Draw the articles added to the claims dev set in issue 10 (reproducible; run from the project root).

    PYTHONPATH=src .venv/bin/python benchmarks/dev_set/draw.py [--seed 20261205] [--n 20] [--as-in-issue-10]

Shuffles the file names of ``../shared/corpora/ukraine-war-news`` (sorted, then ``random.Random(seed).shuffle``)
and walks the shuffled list, skipping a file when it is already in ``annotations.jsonl``, ``heldout.jsonl`` or
``check.jsonl``, when its text (as ``helpers.parse.articles.parse_file`` reads it) has fewer than 150 words, or
when it duplicates an article already annotated or drawn (word 8-gram containment >= 0.5, measured on the
shorter of the two, which covers identical texts). The first ``n`` kept files are printed in draw order; the first half
went to ``check.jsonl`` (untouched check set), the second half to ``annotations.jsonl``. No stratification: the
outlet/country mix is what the draw gives (the country is in the file name). Since the drawn files are now in the
sets, ``--as-in-issue-10`` ignores them to print the same 20 again; without it the next 20 come out.
Issue 10 round 13 ran it without ``--as-in-issue-10`` and appended the first 12 it printed to
``annotations.jsonl`` (lines 27-38); Round 14 ran it again and appended the first 10 it printed (lines 39-48); run again now, it passes over those as well.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from claims_eval import CORPUS, SETS, read_gold  # noqa: E402

MIN_WORDS = 150
ORIGINAL_DEV = 16  # annotations.jsonl lines written before issue 10


def shingles(text: str, k: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + k]) for i in range(max(len(words) - k + 1, 1))}


def main(argv=None) -> None:
    from helpers.parse.articles import parse_file

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--seed", type=int, default=20261205)
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--as-in-issue-10", action="store_true",
                    help="reproduce the issue-10 draw: ignore check.jsonl and the annotations.jsonl lines it added "
                         f"(after the first {ORIGINAL_DEV})")
    args = ap.parse_args(argv)
    sets = {name: read_gold(path) for name, path in SETS.items() if path.exists()}
    if args.as_in_issue_10:
        sets = {"dev": sets["dev"][:ORIGINAL_DEV], "heldout": sets["heldout"]}
    taken = {g["file"] for gold in sets.values() for g in gold}
    text_of = lambda f: parse_file(args.corpus / f, f)[0][0]["text"]  # noqa: E731
    kept_shingles = [shingles(text_of(f)) for f in sorted(taken)]
    files = sorted(p.name for p in args.corpus.iterdir() if p.suffix == ".txt")
    random.Random(args.seed).shuffle(files)
    drawn = []
    for f in files:
        if len(drawn) == args.n:
            break
        if f in taken:
            continue
        text = text_of(f)
        n_words = len(text.split())
        if n_words < MIN_WORDS:
            print(f"skip {f}: {n_words} words")
            continue
        sh = shingles(text)
        dup = [k for k in kept_shingles if len(sh & k) / max(min(len(sh), len(k)), 1) >= 0.5]
        if dup:
            print(f"skip {f}: duplicates an annotated or drawn article")
            continue
        kept_shingles.append(sh)
        drawn.append(f)
        print(f"draw {len(drawn):2d} {f} ({n_words} words)")


if __name__ == "__main__":
    main()
