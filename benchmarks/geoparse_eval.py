"""Evaluate place detection and resolution on LGL and GeoVirus (news text with gold toponyms).

Gold: LGL (local US news; ``<toponym>`` with GeoNames ``<gaztag>`` coordinates) and GeoVirus
(WikiNews; ``<location>`` with Wikipedia coordinates), from ``../shared/benchmarks/geoparsing``.
Predictions: ``helpers.places.toponyms`` on the spaCy parse of each article's text.

Scores per corpus:

- toponym detection precision / recall / F1: a prediction matches a gold toponym when their
  character spans overlap (each gold matched once). Gold toponyms without coordinates are kept
  for recall;
- accuracy@161km: share of matched, resolved predictions within 161 km (100 miles) of the gold
  coordinates — our disambiguation;
- the same for a naive baseline on the same matched mentions: the gazetteer's most populous
  place with that name;
- "gold-span" accuracy@161km of the naive baseline over all gold toponyms the gazetteer knows.

    python benchmarks/geoparse_eval.py [--shared ../shared] [--limit N] [--corpus lgl|geovirus] [--misses]
                                       [--part dev|check|all]

``--part`` splits each corpus by document, half/half, on a hash of the document id (``part_of``): develop on
``dev`` only and report both parts (``all`` = the whole corpus, the default) — a gain seen only on ``dev`` is
overfitting.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from helpers.core.schemas import PLACE_ROLES
from helpers.geo import gazetteer as gz
from helpers.places import toponyms as places
from helpers.text.components import build_pipeline

ROOT = Path(__file__).resolve().parents[1]
KM = 161.0


def _float(node, tag):
    el = node.find(tag)
    try:
        return float(el.text) if el is not None and el.text else None
    except ValueError:
        return None


def load_lgl(path: Path) -> list[dict]:
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for t in art.iter("toponym"):
            start, end = int(t.findtext("start")), int(t.findtext("end"))
            tag = t.find("gaztag")
            lat = _float(tag, "lat") if tag is not None else None
            lon = _float(tag, "lon") if tag is not None else None
            gold.append({"start": start, "end": end, "phrase": t.findtext("phrase") or text[start:end],
                         "lat": lat, "lon": lon})
        docs.append({"id": art.get("docid"), "text": text, "gold": gold})
    return docs


def load_geovirus(path: Path) -> list[dict]:
    docs = []
    for k, art in enumerate(ET.parse(path).getroot().iter("article")):
        text = art.findtext("text") or ""
        gold = []
        for loc in art.iter("location"):
            start, end = int(loc.findtext("start")), int(loc.findtext("end"))
            gold.append({"start": start, "end": end, "phrase": loc.findtext("name") or text[start:end],
                         "lat": _float(loc, "lat"), "lon": _float(loc, "lon")})
        docs.append({"id": str(k), "text": text, "gold": gold})
    return docs


PARTS = ("dev", "check", "all")
TOPONYMS = ("toponym",)
# What each corpus's gold annotates, so what its headline figure counts (``places.role``, schemas.PLACE_ROLES).
# LGL (Lieberman et al. 2010) tags every place name, also inside organisation names ("Bank of Canada") and
# adjectives of nationality ("Sudanese": 275 gold spans); GeoVirus tags places in their own right (no demonym
# among its 2,170 gold spans). Both counts are always printed.
GUIDELINE_ROLES = {"lgl": ("toponym", "in_name", "demonym"), "geovirus": TOPONYMS}


def part_of(doc_id: str) -> str:
    """The half a document belongs to: ``dev`` or ``check``, from the SHA-256 of its id (stable on every machine)."""
    return ("dev", "check")[hashlib.sha256(doc_id.encode("utf-8")).digest()[0] & 1]


def select_part(docs: list[dict], part: str) -> list[dict]:
    """The documents of one part (``all``: every one), in corpus order."""
    if part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}, got {part!r}")
    return docs if part == "all" else [d for d in docs if part_of(d["id"]) == part]


def is_demonym(gaz: gz.Gazetteer, phrase: str) -> bool:
    """Gold toponyms that are adjectives of nationality (LGL tags "Sudanese"); we do not detect them."""
    key = gz.normalize(phrase)
    return key in gaz.demonyms or (key.endswith("s") and key[:-1] in gaz.demonyms)


def naive(gaz: gz.Gazetteer, name: str):
    ms = gaz.lookup(name)
    return max(ms, key=lambda m: m.place.population).place if ms else None


def miss_reason(gaz: gz.Gazetteer, gold: dict, trace: list[dict]) -> str:
    """Why a gold toponym was missed: a demonym, the keep rule that dropped the candidate over it (from
    ``toponyms.candidates(..., trace=...)``), or not in the gazetteer."""
    if is_demonym(gaz, gold["phrase"]):
        return "demonym"
    hits = [r for r in trace if r["start_char"] < gold["end"] and gold["start"] < r["end_char"]]
    if hits:  # a kept candidate ("passed") that is not in the table was dropped in disambiguation
        return "dropped by " + (hits[-1]["rule"] if hits[-1]["kept"] is False else "disambiguation")
    return "no candidate" + ("" if gaz.lookup(gold["phrase"]) else " (not in the gazetteer)")


def evaluate(docs: list[dict], gaz: gz.Gazetteer, nlp, misses: Counter | None = None,
             roles: tuple[str, ...] = TOPONYMS, parsed: list | None = None) -> dict:
    """Scores over ``docs`` counting the places rows whose ``role`` is in ``roles``; with ``misses``, counts why
    each missed gold toponym was missed. ``parsed``: the docs' parses, if already made (else ``nlp`` parses)."""
    tp = fp = fn = 0
    ours_ok = ours_n = base_ok = base_n = 0
    gold_base_ok = gold_base_n = 0
    demonym_gold = demonym_missed = 0
    texts = [d["text"] for d in docs]
    for d, doc in zip(docs, parsed if parsed is not None else nlp.pipe(texts, batch_size=32)):
        doc.user_data["article_id"] = d["id"]
        preds = [p for p in places.place_rows(doc, d["id"], gaz) if p["role"] in roles]
        used = set()
        for p in preds:
            hit = next((k for k, g in enumerate(d["gold"]) if k not in used
                        and p["start_char"] < g["end"] and g["start"] < p["end_char"]), None)
            if hit is None:
                fp += 1
                continue
            used.add(hit)
            tp += 1
            g = d["gold"][hit]
            if g["lat"] is None:
                continue
            if p["latitude"] is not None:
                ours_n += 1
                ours_ok += gz.haversine_km(p["latitude"], p["longitude"], g["lat"], g["lon"]) <= KM
                b = naive(gaz, p["mention"])
                base_n += 1
                base_ok += b is not None and gz.haversine_km(b.latitude, b.longitude, g["lat"], g["lon"]) <= KM
        fn += len(d["gold"]) - len(used)
        if misses is not None:
            trace: list[dict] = []
            places.candidates(doc, gaz, trace=trace)
            misses.update(miss_reason(gaz, g, trace) for k, g in enumerate(d["gold"]) if k not in used)
        for k, g in enumerate(d["gold"]):
            if is_demonym(gaz, g["phrase"]):
                demonym_gold += 1
                demonym_missed += k not in used
        for g in d["gold"]:
            if g["lat"] is None:
                continue
            b = naive(gaz, g["phrase"])
            if b is not None:
                gold_base_n += 1
                gold_base_ok += gz.haversine_km(b.latitude, b.longitude, g["lat"], g["lon"]) <= KM
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec_nd = (tp - (demonym_gold - demonym_missed)) / (tp + fn - demonym_gold) if tp + fn - demonym_gold else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {
        "documents": len(docs), "gold_toponyms": tp + fn, "predicted": tp + fp,
        "precision": prec, "recall": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
        "gold_demonyms": demonym_gold, "recall_without_demonyms": rec_nd,
        "resolved_matched": ours_n, "acc161": ours_ok / ours_n if ours_n else 0.0,
        "baseline_acc161": base_ok / base_n if base_n else 0.0,
        "gold_span_baseline_n": gold_base_n,
        "gold_span_baseline_acc161": gold_base_ok / gold_base_n if gold_base_n else 0.0,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit", type=int, default=None, help="first N documents of each corpus")
    ap.add_argument("--corpus", choices=("lgl", "geovirus"), action="append")
    ap.add_argument("--misses", action="store_true", help="also count why gold toponyms were missed (by keep rule)")
    ap.add_argument("--part", choices=PARTS, default="all",
                    help="half of each corpus by a hash of the document id: dev (develop on it), check, or all")
    args = ap.parse_args(argv)
    folder = args.shared / "benchmarks" / "geoparsing"
    if not folder.is_dir():
        print(f"benchmark data not found at {folder}", file=sys.stderr)
        return 2
    gaz = gz.load()
    nlp = build_pipeline()
    corpora = {"lgl": (folder / "lgl.xml", load_lgl), "geovirus": (folder / "GeoVirus.xml", load_geovirus)}
    print("| corpus | part | rows counted | docs | gold toponyms | precision | recall | F1 | recall w/o gold demonyms (n demonyms) "
          "| resolved & matched | acc@161km | naive largest-population acc@161km (same mentions) "
          "| naive on all gold spans (n) | seconds |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name in args.corpus or ("lgl", "geovirus"):
        path, loader = corpora[name]
        docs = select_part(loader(path), args.part)[: args.limit]
        t0 = time.perf_counter()
        parsed = list(nlp.pipe([d["text"] for d in docs], batch_size=32))
        for roles in (TOPONYMS, tuple(PLACE_ROLES)):
            misses = Counter() if args.misses and roles == GUIDELINE_ROLES[name] else None
            r = evaluate(docs, gaz, nlp, misses, roles=roles, parsed=parsed)
            secs = time.perf_counter() - t0
            counted = ("toponyms" if roles == TOPONYMS else "all roles") \
                + (" (guideline)" if roles == GUIDELINE_ROLES[name] else "")
            _print_row(name, args.part, counted, r, secs, misses)
    return 0


def _print_row(name: str, part: str, counted: str, r: dict, secs: float, misses: Counter | None) -> None:
    print(f"| {name} | {part} | {counted} | {r['documents']} | {r['gold_toponyms']} | {r['precision']:.3f} "
          f"| {r['recall']:.3f} | {r['f1']:.3f} | {r['recall_without_demonyms']:.3f} ({r['gold_demonyms']}) "
          f"| {r['resolved_matched']} | {r['acc161']:.3f} | {r['baseline_acc161']:.3f} "
          f"| {r['gold_span_baseline_acc161']:.3f} ({r['gold_span_baseline_n']}) | {secs:.0f} |", flush=True)
    if misses is not None:
        print(f"  {name} misses: " + ", ".join(f"{why} {n}" for why, n in misses.most_common()), flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
