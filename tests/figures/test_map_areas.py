"""The map draws no point for areas (continents, world regions) — issue 12."""
import pandas as pd

from helpers.figures.map import prepare_map_points


def test_continents_and_regions_are_not_map_points():
    rows = [("Kharkiv", "city", "UA", 49.99, 36.23), ("Europe", "continent", None, 48.69, 9.14),
            ("Eastern Europe", "region", None, 50.0, 30.0), ("Soviet Union", "historical", None, 61.5, 94.0)]
    places = pd.DataFrame([{"article_id": "a", "name": n, "kind": k, "country_code": cc, "latitude": la,
                            "longitude": lo} for n, k, cc, la, lo in rows])
    assert sorted(prepare_map_points(places)["name"]) == ["Kharkiv", "Soviet Union"]


def test_names_inside_longer_names_and_demonyms_are_not_map_points():
    """Rows of role in_name ("Bank of Canada") and demonym ("Sudanese") are for analysis, not places of the story."""
    from helpers.figures.map import country_mentions

    rows = [("Kharkiv", "city", "UA", 49.99, 36.23, "toponym"), ("Ottawa", "city", "CA", 45.42, -75.70, "in_name"),
            ("Sudan", "country", "SD", 15.0, 30.0, "demonym"), ("Ukraine", "country", "UA", 49.0, 31.0, "toponym")]
    places = pd.DataFrame([{"article_id": "a", "name": n, "kind": k, "country_code": cc, "latitude": la,
                            "longitude": lo, "role": role} for n, k, cc, la, lo, role in rows])
    assert prepare_map_points(places, include_countries=True)["name"].tolist() == ["Kharkiv", "Ukraine"]
    assert country_mentions(places).set_index("country_code")["mentions"].to_dict() == {"UA": 2}
