"""Places and dates scored against the hand-annotated war-news development set (issue 12).

Usage (from the project root), on the tables of a finished pipeline run over ``../shared/corpora/ukraine-war-news``:

    .venv/bin/python benchmarks/war_places_dates_eval.py --processed-dir <folder with articles/places/dates.parquet>
    .venv/bin/python benchmarks/war_places_dates_eval.py --draw      # reprint the seeded draw of the 10 articles

The gold set (``benchmarks/dev_set/places_dates.jsonl``, described in ``benchmarks/dev_set/README.md``) annotates
10 articles drawn at random (seed 12) and was written by reading the texts, before any tuning and without looking
at the pipeline's output for them. Each line names the article ``file``, its ``published`` date and lists

- ``places``: ``[mention, occurrence, kind, lat, lon, country]`` — every toponym; kind is one of
  country | admin1 | city | water | region | continent | historical | other; country is the ISO 3166-1 alpha-2
  code for rows of kind country, else null;
- ``dates``: ``[mention, occurrence, value, anchor]`` — every DATE-like time expression with its ISO-TimeML value
  and the reference a reader used (publication | narrative | previous; none for fully specified dates).

``occurrence`` counts matches of ``mention`` in ``articles.text`` (case-sensitive, runs of whitespace equal, not
preceded by a letter or digit and not followed by a lower-case letter or digit — so "Russia" does not match inside
"Russian", but "year" matches in the run-together "yearThe"); spans are resolved to offsets at scoring time.

Scores:
- places: detection precision/recall/F1 (a prediction matches a gold mention when their spans overlap, one-to-one);
  kind accuracy on matched; accuracy at 161 km on matched places the pipeline resolved (all, cities, areas);
  accuracy on all matched places where a country mention is right when the predicted row is a country with the
  gold ISO code (a country's representative point is a convention) and other kinds at 161 km; and the
  geoparsing F1 at 161 km (a prediction counts only when matched and within 161 km).
- dates: span precision/recall/F1 strict (equal offsets) and relaxed (overlap), one-to-one; value accuracy on the
  relaxed matches (predicted ``timex`` equal to the gold value), overall and by the gold anchor.

The script exits with a message when ../shared is absent (the articles come from the processed tables, but the
set only makes sense against the shared corpus).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "ukraine-war-news"
DEV_SET = Path(__file__).resolve().parent / "dev_set"
GOLD = DEV_SET / "places_dates.jsonl"
EXCLUDED = (DEV_SET / "annotations.jsonl", DEV_SET / "heldout.jsonl")
SEED, N_ARTICLES, MIN_WORDS, MAX_WORDS = 12, 10, 100, 1000
KM = 161.0


def pattern(mention: str) -> re.Pattern:
    body = r"\s+".join(re.escape(part) for part in mention.split())
    return re.compile(r"(?<![^\W_])" + body + r"(?![a-z0-9])")


def locate(text: str, mention: str, occurrence: int) -> tuple[int, int] | None:
    """Offsets of the ``occurrence``-th match of ``mention`` in ``text`` (rules in the module docstring)."""
    matches = list(pattern(mention).finditer(text))
    if len(matches) <= occurrence:
        return None
    return matches[occurrence].start(), matches[occurrence].end()


def occurrence_at(text: str, mention: str, start: int) -> int:
    """Inverse of :func:`locate`: which occurrence of ``mention`` starts at ``start``."""
    for i, m in enumerate(pattern(mention).finditer(text)):
        if m.start() == start:
            return i
    raise ValueError(f"{mention!r} does not start at {start}")


def draw(corpus: Path) -> list[str]:
    """The seeded draw: eligible files (not in the claims dev/held-out sets, 100–1000 words of normalised text),
    sorted by name, shuffled with random.Random(SEED); the first N_ARTICLES."""
    from helpers.parse.articles import parse_file

    excluded = {json.loads(line)["file"] for path in EXCLUDED
                for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    eligible = []
    for path in sorted(corpus.iterdir()):
        if path.name in excluded:
            continue
        arts, _, _ = parse_file(path, path.name)
        if arts and MIN_WORDS <= arts[0]["n_words"] <= MAX_WORDS:
            eligible.append(path.name)
    return random.Random(SEED).sample(eligible, len(eligible))[:N_ARTICLES]


def resolve(text: str, rows: list[list], what: str, problems: list[str]) -> tuple[list, list]:
    """Gold rows ``[mention, occurrence, *fields]`` -> (spans, ``(mention, *fields)``) for those found in ``text``."""
    spans, kept = [], []
    for mention, occ, *fields in rows:
        where = locate(text, mention, occ)
        if where is None:
            problems.append(f"{what} not found: {mention!r} #{occ}")
            continue
        spans.append(where)
        kept.append((mention, *fields))
    return spans, kept


def match_spans(gold: list[tuple[int, int]], pred: list[tuple[int, int]], strict: bool = False) -> dict[int, int]:
    """One-to-one gold index -> predicted index; equal spans first, then the largest overlap."""
    pairs = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(pred):
            if (gs, ge) == (ps, pe):
                pairs.append((0, 0, gi, pi))
            elif not strict and ps < ge and gs < pe:
                pairs.append((1, -(min(ge, pe) - max(gs, ps)), gi, pi))
    out, used = {}, set()
    for _, _, gi, pi in sorted(pairs):
        if gi not in out and pi not in used:
            out[gi] = pi
            used.add(pi)
    return out


def unmatched(pred: list[dict], matched: dict[int, int]) -> list[dict]:
    used = set(matched.values())
    return [p for i, p in enumerate(pred) if i not in used]


def prf(n_match: int, n_pred: int, n_gold: int) -> str:
    p = n_match / n_pred if n_pred else 0.0
    r = n_match / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({n_match} matched, {n_pred} predicted, {n_gold} gold)"


def ratio(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.3f}" if b else f"{a}/0"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--processed-dir", type=Path, help="pipeline output folder holding articles, places, dates")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--draw", action="store_true", help="print the seeded draw of articles and stop")
    ap.add_argument("--verbose", action="store_true", help="list every miss, extra and wrong value")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (../shared is only on dev/CI machines); nothing evaluated")
        return 0
    if args.draw:
        print("\n".join(draw(args.corpus)))
        return 0
    if args.processed_dir is None:
        ap.error("--processed-dir is required (or --draw)")

    import pandas as pd

    from helpers.geo.distance import haversine_km

    tables = {}
    for name in ("articles", "places", "dates"):
        path = args.processed_dir / f"{name}.parquet"
        if not path.exists():
            print(f"missing table: {path}")
            return 1
        tables[name] = pd.read_parquet(path)
    articles, places, dates = tables["articles"], tables["places"], tables["dates"]
    by_file = {Path(f).name: (aid, text) for f, aid, text in
               zip(articles.source_file, articles.article_id, articles.text)}
    duplicates = args.processed_dir / "duplicates.parquet"
    if duplicates.exists():  # a drawn file whose text repeats a kept article is scored on the kept copy
        texts = dict(zip(articles.article_id, articles.text))
        for f, aid in pd.read_parquet(duplicates)[["source_file", "duplicate_of"]].itertuples(index=False):
            if aid in texts:
                by_file.setdefault(Path(f).name, (aid, texts[aid]))
    gold_set = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]

    problems = []
    pl = Counter()  # places counts
    dt = Counter()  # dates counts
    by_anchor = Counter()
    kind_confusion = Counter()
    for g in gold_set:
        if g["file"] not in by_file:
            problems.append(f"article not in {args.processed_dir}: {g['file']}")
            continue
        aid, text = by_file[g["file"]]

        gold_spans, gold_rows = resolve(text, g["places"], f"{g['file']}: gold place", problems)
        pred = places[(places.article_id == aid) & (places.get("role", "toponym") == "toponym")].to_dict("records")
        matched = match_spans(gold_spans, [(p["start_char"], p["end_char"]) for p in pred])
        pl["gold"] += len(gold_spans)
        pl["pred"] += len(pred)
        pl["match"] += len(matched)
        for gi, (mention, kind, lat, lon, country) in enumerate(gold_rows):
            if gi not in matched:
                problems.append(f"PLACE MISSED  {g['file']}: {mention!r} ({kind}) at {gold_spans[gi][0]}")
                continue
            p = pred[matched[gi]]
            same_country = country is not None and p["kind"] == "country" and p["country_code"] == country
            kind_confusion[(kind, p["kind"])] += 1
            pl["kind_ok"] += p["kind"] == kind
            group = "city" if kind == "city" else "area"
            pl["ok_code"] += same_country
            if pd.isna(p["latitude"]) or pd.isna(p["longitude"]):
                pl["unresolved"] += 1
                problems.append(f"PLACE UNRESOLVED {g['file']}: {mention!r} ({kind})")
                continue
            km = haversine_km(lat, lon, p["latitude"], p["longitude"])
            ok = km <= KM
            pl["resolved"] += 1
            pl["ok"] += ok
            pl[f"resolved_{group}"] += 1
            pl[f"ok_{group}"] += ok
            pl["ok_code"] += ok and country is None
            if not ok:
                problems.append(f"PLACE FAR     {g['file']}: {mention!r} ({kind}) -> {p['name']!r} "
                                f"{p['country_code']} ({p['kind']}) {km:.0f} km")
        problems += [f"PLACE EXTRA   {g['file']}: {p['mention']!r} -> {p['name']!r} ({p['kind']}) at {p['start_char']}"
                     for p in unmatched(pred, matched)]

        gold_spans, gold_rows = resolve(text, g["dates"], f"{g['file']}: gold date", problems)
        pred = dates[dates.article_id == aid].to_dict("records")
        pred_spans = [(p["start_char"], p["end_char"]) for p in pred]
        strict = match_spans(gold_spans, pred_spans, strict=True)
        relaxed = match_spans(gold_spans, pred_spans)
        dt["gold"] += len(gold_spans)
        dt["pred"] += len(pred)
        dt["strict"] += len(strict)
        dt["relaxed"] += len(relaxed)
        for gi, (mention, value, anchor) in enumerate(gold_rows):
            by_anchor[(anchor, "gold")] += 1
            if gi not in relaxed:
                problems.append(f"DATE MISSED   {g['file']}: {mention!r} = {value} ({anchor})")
                continue
            p = pred[relaxed[gi]]
            ok = p["timex"] == value
            dt["value_ok"] += ok
            by_anchor[(anchor, "matched")] += 1
            by_anchor[(anchor, "ok")] += ok
            if not ok:
                problems.append(f"DATE VALUE    {g['file']}: {mention!r} gold {value} ({anchor}), predicted "
                                f"{p['text']!r} = {p['timex']}")
        problems += [f"DATE EXTRA    {g['file']}: {p['text']!r} = {p['timex']} at {p['start_char']}"
                     for p in unmatched(pred, relaxed)]

    print(f"war-news places/dates dev set: {len(gold_set)} articles ({args.gold.name}); tables: {args.processed_dir}")
    print(f"places detection (span overlap): {prf(pl['match'], pl['pred'], pl['gold'])}")
    print(f"places kind accuracy on matched: {ratio(pl['kind_ok'], pl['match'])}")
    print(f"places resolved among matched: {ratio(pl['resolved'], pl['match'])}")
    print(f"places accuracy@161km on matched resolved: {ratio(pl['ok'], pl['resolved'])}  "
          f"(cities {ratio(pl['ok_city'], pl['resolved_city'])}; "
          f"areas {ratio(pl['ok_area'], pl['resolved_area'])})")
    print(f"places accuracy on matched (countries by ISO code, others within 161 km): "
          f"{ratio(pl['ok_code'], pl['match'])}")
    print(f"places geoparsing at 161 km (matched and within 161 km): {prf(pl['ok'], pl['pred'], pl['gold'])}")
    print(f"dates span strict:  {prf(dt['strict'], dt['pred'], dt['gold'])}")
    print(f"dates span relaxed: {prf(dt['relaxed'], dt['pred'], dt['gold'])}")
    print(f"dates value accuracy on relaxed matches: {ratio(dt['value_ok'], dt['relaxed'])}")
    for anchor in sorted({a for a, _ in by_anchor}):
        print(f"  anchor {anchor:<11} gold {by_anchor[(anchor, 'gold')]:>3}, matched {by_anchor[(anchor, 'matched')]:>3}, "
              f"value correct {ratio(by_anchor[(anchor, 'ok')], by_anchor[(anchor, 'matched')])}")
    if args.verbose:
        print("kind (gold -> predicted): " + ", ".join(f"{g}->{p}: {n}" for (g, p), n in
                                                       sorted(kind_confusion.items())))
        print("\n".join(problems))
    elif any(not p.startswith(("PLACE", "DATE")) for p in problems):
        print("\n".join(p for p in problems if not p.startswith(("PLACE", "DATE"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
