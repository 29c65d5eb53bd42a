"""Draw the hand-check sample of ledger topics (issue 11): topics with two or more claims, across corpora.

    python benchmarks/ledger_topic_sample.py war-news=/tmp/uwn/processed guardian-nato=/tmp/gn/processed
    python benchmarks/ledger_topic_sample.py ... --show          # print every claim's sentence, for reading

Each argument is ``name=folder`` of a run's tables (``claims_ledger.parquet``). The topics with two or more
claims of all corpora are listed in (corpus, topic) order, shuffled with ``random.Random(SEED)`` and the first
``--size`` kept. Writes ``--out`` (default ``docs/corpus/ledger_topic_sample.csv``) with one row per sampled
topic — corpus, topic, claim ids, values as written (short claim phrases only, no sentences) — and the columns
``verdict`` and ``reason`` that the reader fills in (kept from an existing file for the same topic and claims, so
the sample can be redrawn without losing the judgements). ``--show`` prints the sentences to the terminal only.
Round 3 used the default seed (11, ``docs/corpus/ledger_topic_sample.csv``); round 4 ``--seed 12 --out
docs/corpus/ledger_topic_sample_round4.csv``, round 5 ``--seed 13 --out docs/corpus/ledger_topic_sample_round5.csv``,
each drawn after the code was final; round 6 ``--seed 14 --out docs/corpus/ledger_topic_sample_round6.csv``, drawn on
the code after the claims merge.
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

import pandas as pd

SEED = 11
ROOT = Path(__file__).resolve().parents[1]


def multi_claim_topics(ledgers: dict[str, pd.DataFrame]) -> list[tuple[str, str]]:
    """(corpus, topic) of every topic with two or more claims, in a fixed order."""
    out = []
    for name, led in sorted(ledgers.items()):
        n = led.groupby("topic")["claim_id"].nunique()
        out += [(name, t) for t in sorted(n[n >= 2].index)]
    return out


def draw(ledgers: dict[str, pd.DataFrame], size: int, seed: int = SEED) -> list[tuple[str, str]]:
    topics = multi_claim_topics(ledgers)
    random.Random(seed).shuffle(topics)
    return topics[:size]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("runs", nargs="+", help="name=folder with claims_ledger.parquet")
    ap.add_argument("--size", type=int, default=30)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "corpus" / "ledger_topic_sample.csv")
    ap.add_argument("--show", action="store_true", help="print each sampled claim's sentence (terminal only)")
    args = ap.parse_args()
    ledgers = {name: pd.read_parquet(Path(folder) / "claims_ledger.parquet")
               for name, folder in (r.split("=", 1) for r in args.runs)}
    sample = draw(ledgers, args.size, args.seed)
    print(f"{len(multi_claim_topics(ledgers))} topics with >= 2 claims; sample of {len(sample)} (seed {args.seed})")
    old = pd.read_csv(args.out).set_index(["corpus", "topic", "claim_ids"]) if args.out.exists() else None
    rows = []
    for i, (name, topic) in enumerate(sample, 1):
        g = ledgers[name][ledgers[name]["topic"] == topic].sort_values("claim_id")
        ids = " ".join(g["claim_id"])
        kept = old.loc[(name, topic, ids)] if old is not None and (name, topic, ids) in old.index else None
        rows.append(dict(n=i, corpus=name, topic=topic, claims=len(g), articles=g["article_id"].nunique(), claim_ids=ids,
                         figures=" | ".join(g["text"]), kinds=" ".join(sorted(set(g["figure_kind"]))),
                         verdict=None if kept is None else kept["verdict"], reason=None if kept is None else kept["reason"]))
        if args.show:
            print(f"\n[{i}] {name} :: {topic}")
            for r in g.itertuples(index=False):
                print(f"  - {r.claim_id} {r.text!r} ({r.figure_kind}, {r.claimant}, {r.claimed_on}) :: {r.sentence.strip()}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows).to_csv(args.out, index=False)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
