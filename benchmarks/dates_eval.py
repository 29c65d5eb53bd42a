"""Evaluate the time-expression grammar on TimeBank and AQUAINT (TempEval-3 TimeML).

Gold: every ``<TIMEX3 type="DATE">`` inside ``<TEXT>``; the anchor is the
file's document creation time (``<DCT>``). Predictions: ``helpers.time.expressions``
on the plain text parsed by the warclaims pipeline, minus expressions resolved to a
duration (timex ``P…``, e.g. "the past week"), which TimeML types DURATION.
Predictions that overlap a gold TIME, DURATION or SET expression are left
out of the counts (a different type, not a false alarm or a miss of a DATE).

Scores: span precision/recall/F1 strict (same offsets) and relaxed (overlap),
and value accuracy = share of relaxed-matched DATE golds whose ``timex``
equals the gold ``value`` exactly (also given on the golds with a calendar value alone, leaving out
PRESENT_REF/PAST_REF/FUTURE_REF).

``--part dev`` keeps every other file of each corpus (sorted by name, the 1st, 3rd, …): the half the rules
were developed on (errors read there); ``--part check`` is the other half, never read while developing.
``--part split`` scores both halves and the whole in one run (one row per corpus and part; ``--errors`` then
prints the dev half's errors only).

    python benchmarks/dates_eval.py [--shared ../shared] [--limit N] [--errors 20] [--part all|dev|check|split]
"""
from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

from helpers.time.expressions import find_time_expressions
from helpers.text.components import build_pipeline

TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')
DURATION = re.compile(r"P[\dXT]")  # P1W, PXY, PT2H (not PRESENT_REF, PAST_REF)


def parse_timeml(path: Path) -> tuple[str, date, list[dict]]:
    """Plain text of ``<TEXT>``, the DCT, and gold TIMEX3 spans (offsets into the plain text)."""
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4}-\d{2}-\d{2})", raw)
    if not dct_m:
        raise ValueError(f"{path.name}: no DCT")
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if not body:
        raise ValueError(f"{path.name}: no TEXT")
    segment = body.group(1)
    parts, gold, open_timex, pos, length = [], [], None, 0, 0
    for m in TAG.finditer(segment):
        piece = html.unescape(segment[pos:m.start()])
        parts.append(piece)
        length += len(piece)
        pos = m.end()
        closing, name = m.group(1), m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = {**dict(ATTR.findall(m.group(3))), "start": length}
        elif open_timex is not None:
            open_timex["end"] = length
            gold.append(open_timex)
            open_timex = None
    parts.append(html.unescape(segment[pos:]))
    text = "".join(parts)
    for g in gold:
        g["text"] = text[g["start"]:g["end"]]
    return text, date.fromisoformat(dct_m.group(1)), gold


def overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(files: list[Path], nlp) -> dict:
    counts = Counter()
    errors = []
    texts, meta = [], []
    for f in files:
        text, dct, gold = parse_timeml(f)
        texts.append(text)
        meta.append((f, dct, gold))
    for doc, (f, dct, gold) in zip(nlp.pipe(texts, batch_size=16), meta):
        gold_dates = [g for g in gold if g.get("type") == "DATE"]
        other = [(g["start"], g["end"]) for g in gold if g.get("type") != "DATE"]
        preds = [p for p in find_time_expressions(doc=doc, anchor=dct) if not DURATION.match(p.timex or "")]
        preds = [p for p in preds
                 if not any(overlaps((p.start_char, p.end_char), o) for o in other)
                 or any(overlaps((p.start_char, p.end_char), (g["start"], g["end"])) for g in gold_dates)]
        counts["gold"] += len(gold_dates)
        counts["gold_calendar"] += sum(not g.get("value", "").endswith("_REF") for g in gold_dates)
        counts["pred"] += len(preds)
        pred_spans = {(p.start_char, p.end_char) for p in preds}
        counts["strict_tp_gold"] += sum((g["start"], g["end"]) in pred_spans for g in gold_dates)
        counts["strict_tp_pred"] += sum(any((p.start_char, p.end_char) == (g["start"], g["end"]) for g in gold_dates) for p in preds)
        counts["relaxed_tp_pred"] += sum(any(overlaps((p.start_char, p.end_char), (g["start"], g["end"])) for g in gold_dates) for p in preds)
        for g in gold_dates:
            match = next((p for p in preds if overlaps((p.start_char, p.end_char), (g["start"], g["end"]))), None)
            if match is None:
                errors.append(("miss", f.name, g["text"], g.get("value"), ""))
                continue
            counts["relaxed_tp_gold"] += 1
            if (match.start_char, match.end_char) != (g["start"], g["end"]):
                errors.append(("span", f.name, g["text"], g.get("value"), match.text))
            counts["relaxed_tp_gold_calendar"] += not g.get("value", "").endswith("_REF")
            if match.timex == g.get("value"):
                counts["value_ok"] += 1
                counts["value_ok_calendar"] += not g.get("value", "").endswith("_REF")
            else:
                errors.append(("value", f.name, g["text"], g.get("value"), f"{match.text!r} -> {match.timex}"))
        for p in preds:
            if not any(overlaps((p.start_char, p.end_char), (g["start"], g["end"])) for g in gold_dates):
                errors.append(("false", f.name, p.text, "", p.timex))
    return {"counts": counts, "errors": errors, "documents": len(files)}


def prf(tp_pred: int, pred: int, tp_gold: int, gold: int) -> tuple[float, float, float]:
    p = tp_pred / pred if pred else 0.0
    r = tp_gold / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--limit", type=int, default=0, help="only the first N files of each corpus")
    ap.add_argument("--errors", type=int, default=0, help="print N example errors of each kind")
    ap.add_argument("--part", choices=("all", "dev", "check", "split"), default="all",
                    help="dev: every other file (1st, 3rd, ...); check: the others; split: dev, check and all")
    args = ap.parse_args(argv)
    root = Path(args.shared) / "benchmarks" / "timebank"
    if not root.is_dir():
        print(f"no TimeML corpus at {root}", file=sys.stderr)
        return 2
    nlp = build_pipeline()  # the same pipeline notebook 02 parses with
    print(f"part: {args.part}")
    print("| corpus | part | documents | gold DATE | predicted | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | value accuracy |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    all_errors, notes = [], []
    for corpus in ("TimeBank", "AQUAINT"):
        files = sorted((root / corpus).glob("*.tml"))
        halves = {"dev": files[0::2], "check": files[1::2]}
        parts = ["dev", "check"] if args.part == "split" else [args.part]
        t0 = time.perf_counter()
        results = {}
        for part in parts:
            chosen = files if part == "all" else halves[part]
            results[part] = evaluate(chosen[:args.limit] if args.limit else chosen, nlp)
        if args.part == "split":
            results["all"] = {"counts": results["dev"]["counts"] + results["check"]["counts"],
                              "documents": results["dev"]["documents"] + results["check"]["documents"]}
        for part, res in results.items():
            c = res["counts"]
            sp, sr, sf = prf(c["strict_tp_pred"], c["pred"], c["strict_tp_gold"], c["gold"])
            rp, rr, rf = prf(c["relaxed_tp_pred"], c["pred"], c["relaxed_tp_gold"], c["gold"])
            acc = c["value_ok"] / c["relaxed_tp_gold"] if c["relaxed_tp_gold"] else 0.0
            print(f"| {corpus} | {part} | {res['documents']} | {c['gold']} | {c['pred']} | {sp:.3f} | {sr:.3f} | {sf:.3f} | "
                  f"{rp:.3f} | {rr:.3f} | {rf:.3f} | {acc:.3f} ({c['value_ok']}/{c['relaxed_tp_gold']}) |")
            cal_r = c["relaxed_tp_gold_calendar"] / c["gold_calendar"] if c["gold_calendar"] else 0.0
            cal_acc = c["value_ok_calendar"] / c["relaxed_tp_gold_calendar"] if c["relaxed_tp_gold_calendar"] else 0.0
            notes.append(f"{corpus} {part}: on the {c['gold_calendar']} gold DATEs with a calendar value (without "
                         f"PRESENT_REF/PAST_REF/FUTURE_REF such as \"now\", \"recently\"): relaxed recall {cal_r:.3f}, "
                         f"value accuracy {cal_acc:.3f} ({c['value_ok_calendar']}/{c['relaxed_tp_gold_calendar']})")
        notes.append(f"{corpus}: {time.perf_counter() - t0:.1f} s")
        all_errors += results["dev" if args.part == "split" else args.part]["errors"]
    print()
    for note in notes:
        print(f"- {note}")
    if args.errors:
        for kind in ("miss", "false", "value", "span"):
            shown = [e for e in all_errors if e[0] == kind][:args.errors]
            print(f"\n{kind} ({sum(e[0] == kind for e in all_errors)}):")
            for e in shown:
                print("  ", e[1:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
