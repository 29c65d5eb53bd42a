"""The map draws no point for areas (continents, world regions) — issue 12."""
import pandas as pd

from helpers.figures.map import prepare_map_points


def test_continents_and_regions_are_not_map_points():
    rows = [("Kharkiv", "city", "UA", 49.99, 36.23), ("Europe", "continent", None, 48.69, 9.14),
            ("Eastern Europe", "region", None, 50.0, 30.0), ("Soviet Union", "historical", None, 61.5, 94.0)]
    places = pd.DataFrame([{"article_id": "a", "name": n, "kind": k, "country_code": cc, "latitude": la,
                            "longitude": lo} for n, k, cc, la, lo in rows])
    assert sorted(prepare_map_points(places)["name"]) == ["Kharkiv", "Soviet Union"]
