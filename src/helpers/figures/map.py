"""Map of the corpus's places: points sized by mentions, coloured by event type.

``prepare_map_points`` turns the ``places`` (and ``events``) tables into one row
per resolved place; ``plan_panels`` splits far-apart groups of places into a
main panel and insets (e.g. the Donbas and the Russian Far East);
``plot_map`` draws them over offline Natural Earth outlines.
"""
from __future__ import annotations

import math
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib import patheffects
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from helpers.core import schemas
from helpers.figures import basemap, style
from helpers.figures.labels import place_labels
from helpers.geo.distance import haversine_km

POINT_COLUMNS = ["name", "country_code", "kind", "latitude", "longitude", "mentions", "articles", "event_type"]
SEA, LAND, LAND_MENTIONED = "#EAF1F7", "#FAFAF7", "#EFE9DC"


def dominant_event_types(events: pd.DataFrame | None, places: pd.DataFrame | None = None) -> dict[str, str]:
    """Place name → the event type it appears in most (ties: contract order).

    A place "appears in" an event when its mention lies in the event's sentence
    (``places`` joined to ``events`` on article and sentence); without
    ``places``, the events' own ``places`` lists are used.
    """
    if events is None or events.empty:
        return {}
    places = schemas.story_places(places)
    if places is not None and len(places):
        named = places.dropna(subset=["name"])[["article_id", "sentence_id", "name"]]
        rows = named.merge(events[["article_id", "sentence_id", "type"]], on=["article_id", "sentence_id"])
        rows = rows.rename(columns={"name": "places"})[["places", "type"]]
    else:
        rows = events[["type", "places"]].dropna(subset=["places"]).explode("places").dropna(subset=["places"])
    if rows.empty:
        return {}
    order = {t: i for i, t in enumerate(schemas.EVENT_TYPES)}
    counts = rows.groupby(["places", "type"]).size().reset_index(name="n")
    counts["order"] = counts["type"].map(order).fillna(len(order))
    counts = counts.sort_values(["places", "n", "order"], ascending=[True, False, True])
    return dict(counts.drop_duplicates("places")[["places", "type"]].itertuples(index=False, name=None))


def prepare_map_points(places: pd.DataFrame, events: pd.DataFrame | None = None,
                       include_countries: bool = False) -> pd.DataFrame:
    """One row per resolved place (sorted by mentions, then name).

    Unresolved mentions (no name or coordinates) are left out; whole countries
    are left out unless ``include_countries`` (a country's point is its
    gazetteer centre, which would stretch the extent across a continent).
    """
    places = schemas.story_places(places)  # not a place inside an organisation's name, nor a demonym
    if places is None or places.empty:
        return pd.DataFrame(columns=POINT_COLUMNS)
    ok = places.dropna(subset=["name", "latitude", "longitude"])
    ok = ok[~ok["kind"].isin(schemas.PLACE_AREA_KINDS)]  # continents and world regions are areas, not points
    if not include_countries:
        ok = ok[ok["kind"] != "country"]
    if ok.empty:
        return pd.DataFrame(columns=POINT_COLUMNS)
    grouped = ok.groupby("name", sort=True).agg(
        country_code=("country_code", "first"),
        kind=("kind", "first"),
        latitude=("latitude", "median"),
        longitude=("longitude", "median"),
        mentions=("article_id", "size"),
        articles=("article_id", "nunique"),
    ).reset_index()
    types = dominant_event_types(events, places)
    grouped["event_type"] = grouped["name"].map(types).astype(object).fillna(style.NO_EVENT)  # all-missing maps to float
    grouped = grouped.sort_values(["mentions", "articles", "name"], ascending=[False, False, True])
    return grouped[POINT_COLUMNS].reset_index(drop=True)


def country_mentions(places: pd.DataFrame) -> pd.DataFrame:
    """Mentions per country code (every resolved mention counts for its country)."""
    places = schemas.story_places(places)
    if places is None or places.empty:
        return pd.DataFrame(columns=["country_code", "mentions"])
    ok = places.dropna(subset=["country_code"])
    out = ok.groupby("country_code").size().reset_index(name="mentions")
    return out.sort_values(["mentions", "country_code"], ascending=[False, True]).reset_index(drop=True)


def cluster_points(points: pd.DataFrame, gap_km: float = 1200.0) -> np.ndarray:
    """Single-linkage clusters: places closer than ``gap_km`` (through a chain) share a label."""
    n = len(points)
    parent = np.arange(n)

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    lat, lon = points["latitude"].to_numpy(float), points["longitude"].to_numpy(float)
    for i in range(n):
        d = haversine_km(lat[i], lon[i], lat[i + 1:], lon[i + 1:])
        for j in np.nonzero(d < gap_km)[0] + i + 1:
            ri, rj = find(i), find(int(j))
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    roots = np.array([find(i) for i in range(n)])
    # renumber clusters 0.. in order of first appearance (points are sorted by mentions)
    _, first = np.unique(roots, return_index=True)
    order = {root: k for k, root in enumerate(roots[np.sort(first)])}
    return np.array([order[r] for r in roots], dtype=int)


@dataclass(frozen=True)
class Panel:
    role: str  # "main" or "inset"
    bbox: tuple[float, float, float, float]  # min_lon, min_lat, max_lon, max_lat
    rows: tuple[int, ...]  # row positions in the points frame
    mentions: int


def _bbox(points: pd.DataFrame, min_span: float = 4.0, pad: float = 0.18) -> tuple[float, float, float, float]:
    lon0, lon1 = points["longitude"].min(), points["longitude"].max()
    lat0, lat1 = points["latitude"].min(), points["latitude"].max()
    cx, cy = (lon0 + lon1) / 2, (lat0 + lat1) / 2
    w = max(lon1 - lon0, min_span) * (1 + 2 * pad)
    h = max(lat1 - lat0, min_span * 0.6) * (1 + 2 * pad)
    return (float(cx - w / 2), float(max(cy - h / 2, -85.0)), float(cx + w / 2), float(min(cy + h / 2, 85.0)))


def zoom_panel(points: pd.DataFrame, main: Panel, fraction: float = 0.25, min_share: float = 0.25,
               min_places: int = 4, max_window: tuple[float, float] = (16.0, 9.0)) -> Panel | None:
    """A close-up of the densest part of the main panel (e.g. the Donbas inside Eastern Europe).

    A window ``fraction`` of the main panel's width and height (at most
    ``max_window`` degrees of longitude, latitude: about a country the size of
    Ukraine) is centred on each place in turn; the window holding most mentions becomes a zoom panel when it
    holds at least ``min_share`` of the main panel's mentions and ``min_places`` places.
    """
    sub = points.iloc[list(main.rows)]
    if len(sub) < min_places:
        return None
    min_lon, min_lat, max_lon, max_lat = main.bbox
    half_w = min((max_lon - min_lon) * fraction, max_window[0]) / 2
    half_h = min((max_lat - min_lat) * fraction, max_window[1]) / 2
    lon, lat = sub["longitude"].to_numpy(float), sub["latitude"].to_numpy(float)
    mentions = sub["mentions"].to_numpy(int)
    best, best_mask = -1, None
    for cx, cy in zip(lon, lat):  # sorted by mentions: ties go to the most-mentioned centre
        mask = (np.abs(lon - cx) <= half_w) & (np.abs(lat - cy) <= half_h)
        total = int(mentions[mask].sum())
        if total > best:
            best, best_mask = total, mask
    members = sub[best_mask]
    if len(members) < min_places or best < min_share * main.mentions or len(members) == len(sub):
        return None
    rows = tuple(int(points.index.get_loc(i)) for i in members.index)
    return Panel("zoom", _bbox(members, min_span=1.5, pad=0.2), rows, best)


def plan_panels(points: pd.DataFrame, gap_km: float = 1200.0, max_insets: int = 3, zoom: bool = True) -> list[Panel]:
    """The main panel (the group with most mentions), then up to ``max_insets`` insets:
    a zoom on the main panel's densest part (see :func:`zoom_panel`) and the far-away groups."""
    if points.empty:
        return []
    points = points.reset_index(drop=True)
    labels = cluster_points(points, gap_km)
    groups = []
    for k in np.unique(labels):
        rows = tuple(int(i) for i in np.nonzero(labels == k)[0])
        sub = points.iloc[list(rows)]
        groups.append((int(sub["mentions"].sum()), rows, sub))
    groups.sort(key=lambda g: (-g[0], g[1][0]))
    mentions, rows, sub = groups[0]
    panels = [Panel("main", _bbox(sub), rows, mentions)]
    close_up = zoom_panel(points, panels[0]) if zoom and max_insets > 0 else None
    if close_up is not None:
        panels.append(close_up)
    far_insets = max_insets - (len(panels) - 1)
    for mentions, rows, sub in groups[1: 1 + far_insets]:
        panels.append(Panel("inset", _bbox(sub), rows, mentions))
    return panels


def fit_to_box(bbox, ax) -> tuple[float, float, float, float]:
    """Widen ``bbox`` in one direction so that, drawn in ``ax``, a degree of longitude is
    cos(latitude) times a degree of latitude (an equirectangular view true at mid-latitude)."""
    min_lon, min_lat, max_lon, max_lat = bbox
    pos = ax.get_position()
    fw, fh = ax.figure.get_size_inches()
    box_ratio = (pos.width * fw) / (pos.height * fh)
    k = max(math.cos(math.radians((min_lat + max_lat) / 2)), 0.2)
    dx, dy = max_lon - min_lon, max_lat - min_lat
    cx, cy = (min_lon + max_lon) / 2, (min_lat + max_lat) / 2
    if dx * k / dy < box_ratio:
        dx = dy * box_ratio / k
    else:
        dy = dx * k / box_ratio
    return (cx - dx / 2, cy - dy / 2, cx + dx / 2, cy + dy / 2)


def _size(mentions, max_mentions):
    return 18 + 260 * np.sqrt(np.asarray(mentions, float) / max(max_mentions, 1))


@contextmanager
def _no_idle_draw(fig):
    """GeoPandas' ``plot`` ends with ``canvas.draw_idle()``, which on the Agg canvas draws the whole figure so far:
    four panels, four full draws (0.6 of the map's 1.9 s) that nothing uses — the labels are placed from the
    renderer's text extents, and ``savefig`` draws the figure again. Skipped while the outlines are added; the saved
    files are byte-identical (``tests/figures/test_figures.py``)."""
    canvas = fig.canvas
    canvas.draw_idle = lambda *args, **kwargs: None  # an instance attribute over the class's method
    try:
        yield
    finally:
        del canvas.draw_idle


def _draw_panel(ax, panel: Panel, points: pd.DataFrame, mentioned_codes: set, max_mentions: int,
                max_labels: int, title: str):
    min_lon, min_lat, max_lon, max_lat = panel.bbox
    world = basemap.countries((min_lon - 5, min_lat - 5, max_lon + 5, max_lat + 5))
    if len(world):
        fill = [LAND_MENTIONED if c in mentioned_codes else LAND for c in world["iso_a2"]]
        with _no_idle_draw(ax.figure):
            world.plot(ax=ax, color=fill, edgecolor="#8A8A8A", linewidth=0.5, aspect=None)
    ax.set_facecolor(SEA)
    ax.set_xlabel("")
    ax.set_ylabel("")
    sub = points.iloc[list(panel.rows)]
    min_lon, min_lat, max_lon, max_lat = fit_to_box(panel.bbox, ax)
    ax.set_xlim(min_lon, max_lon)
    ax.set_ylim(min_lat, max_lat)
    sizes = _size(sub["mentions"], max_mentions)
    ax.scatter(sub["longitude"], sub["latitude"], s=sizes,
               c=[style.EVENT_COLOURS.get(t, style.EVENT_COLOURS[style.NO_EVENT]) for t in sub["event_type"]],
               edgecolors="#333333", linewidths=0.5, alpha=0.85, zorder=3)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_color("#999999")
    ax.set_title(title, loc="left", fontsize=11 if panel.role == "main" else 9)
    labels = [style.shorten(n, 28) for n in sub["name"]]
    return place_labels(ax, sub["longitude"].tolist(), sub["latitude"].tolist(), labels,
                        fontsize=8 if panel.role == "main" else 7, max_labels=max_labels, zorder=4,
                        radii=list(np.sqrt(sizes) / 2), obstacles=2 * max_labels,
                        path_effects=[patheffects.withStroke(linewidth=2.5, foreground="white")],
                        color="#222222")


def _panel_title(panel: Panel, points: pd.DataFrame) -> str:
    sub = points.iloc[list(panel.rows)]
    codes = sub["country_code"].dropna().value_counts()
    where = ", ".join(codes.index[:3]) if len(codes) else "places"
    return f"{where} — {len(sub)} place{'s' if len(sub) != 1 else ''}"


def plot_map(points: pd.DataFrame, *, countries: pd.DataFrame | None = None, source_line: str = "",
             title: str = "Places mentioned in the corpus", gap_km: float = 1200.0,
             max_insets: int = 3, max_labels: int = 25) -> Figure:
    """The map figure; says so when no place could be resolved."""
    if points is None or points.empty:
        return style.empty_figure("map", title, "No resolved places to map")
    points = points.reset_index(drop=True)
    panels = plan_panels(points, gap_km, max_insets)
    mentioned = set(countries["country_code"]) if countries is not None and len(countries) else set(
        points["country_code"].dropna())
    max_mentions = int(points["mentions"].max())
    with style.styled():
        fig = style.new_figure("map")
        insets = panels[1:]
        main_ax = fig.add_axes((0.01, 0.04, 0.68 if insets else 0.98, 0.84))
        _draw_panel(main_ax, panels[0], points, mentioned, max_mentions, max_labels,
                    _panel_title(panels[0], points))
        height = 0.84 / max(len(insets), 1)
        for i, panel in enumerate(insets):
            ax = fig.add_axes((0.71, 0.04 + 0.84 - (i + 1) * height + 0.01, 0.28, height - 0.045))
            prefix = "Close-up (dashed)" if panel.role == "zoom" else "Inset"
            budget = max(6, max_labels // 2) if panel.role == "zoom" else max(4, max_labels // 3)
            _draw_panel(ax, panel, points, mentioned, max_mentions, budget,
                        f"{prefix}: " + _panel_title(panel, points))
            if panel.role == "zoom":  # outline on the main panel what the close-up shows
                (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
                main_ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, edgecolor="#333333",
                                            linewidth=0.9, linestyle="--", zorder=5))
        shown = len({r for p in panels for r in p.rows})
        fig.suptitle(title, x=0.01, y=0.985, ha="left", fontsize=13, fontweight="bold")
        note = f"{shown} of {len(points)} places shown; point size = mentions; colour = event type the place appears in"
        fig.text(0.01, 0.945, note, fontsize=8, color="#444444")
        types = [t for t in list(schemas.EVENT_TYPES) + [style.NO_EVENT] if t in set(points["event_type"])]
        handles = [Line2D([], [], marker="o", linestyle="", markersize=7, markerfacecolor=style.EVENT_COLOURS[t],
                          markeredgecolor="#333333", label=t.replace("_", " ")) for t in types]
        for m in sorted({1, max(1, max_mentions // 2), max_mentions}):
            handles.append(Line2D([], [], marker="o", linestyle="", color="#777777", alpha=0.6,
                                  markersize=math.sqrt(float(_size([m], max_mentions)[0])),
                                  label=f"{m} mention{'s' if m != 1 else ''}"))
        main_ax.legend(handles=handles, loc="lower left", fontsize=7, frameon=True, framealpha=0.85,
                       ncol=2, borderpad=0.6)
        credit = f"Base map: {basemap.source_description()}."
        style.add_source_line(fig, f"{source_line}. {credit}" if source_line else credit)
    return fig
