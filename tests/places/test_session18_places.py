"""Session 18 (issue 12): a first-level region's point is the middle of its territory (gazetteer v9).

Constructed outlines and settlements only; one check on the built gazetteer against public reference points."""
from __future__ import annotations

import pytest
from shapely.geometry import Polygon

from helpers.geo import gazetteer as gz


def _box(x0, y0, x1, y1):
    return Polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])


# a country 10 degrees square: region S settled only along its southern edge, region E along its eastern edge
COUNTRY = [_box(0.0, 40.0, 10.0, 50.0)]
SOUTH = [(40.2 + 0.1 * (k % 3), 0.5 + 0.3 * k, "S") for k in range(20)]
EAST = [(40.5 + 0.5 * k, 9.5, "E") for k in range(19)]


def test_a_region_settled_along_one_edge_gets_the_middle_of_its_territory_not_of_its_settlements():
    centres = gz._territory_centres(COUNTRY, SOUTH + EAST)
    lat, lon = centres["S"]
    # S's towns lie between 40.2 and 40.4 N; the land nearest to them reaches far north, so its middle does too
    assert lat > 42.0 and 2.0 < lon < 6.0
    hull_lat, _ = gz._hull_centre([{"latitude": la, "longitude": lo} for la, lo, _ in SOUTH])
    assert hull_lat < 40.5  # the hull of the same towns stays on the edge
    assert centres["E"][1] > 6.0  # the eastern region keeps the east


def test_land_nearest_to_another_countrys_town_belongs_to_no_region():
    # the outline has a far island (an overseas territory GeoNames files under its own code)
    outline = COUNTRY + [_box(30.0, 10.0, 32.0, 12.0)]
    foreign = [(11.0, 31.0, None)]
    with_island = gz._territory_centres(outline, SOUTH + EAST + foreign)
    without = gz._territory_centres(COUNTRY, SOUTH + EAST)
    for k in ("S", "E"):
        assert gz.haversine_km(*with_island[k], *without[k]) < 1
    # without the foreign town the island goes to the nearest region and drags its point out to sea
    dragged = gz._territory_centres(outline, SOUTH + EAST)
    assert gz.haversine_km(*dragged["E"], *without["E"]) > 100


def test_no_outline_or_no_settlement_gives_no_territory():
    assert gz._territory_centres([], SOUTH) == {}
    assert gz._territory_centres(COUNTRY, []) == {}
    # a region no grid point is nearest to (its towns off the outline): no entry, the caller keeps its hull
    out = gz._territory_centres(COUNTRY, SOUTH + [(0.0, 100.0, "T")])
    assert "S" in out and "T" not in out


def test_the_switch_off_keeps_the_settlements_hull(monkeypatch):
    monkeypatch.setattr(gz, "REGION_TERRITORY", False)
    assert gz._region_points(None, {("XX", "01"): []}) == {}


def test_a_stray_settlement_filed_under_a_region_does_not_claim_land_for_it():
    # constructed: region A's towns in the west, one of its towns filed far east among region B's empty land
    a = [{"latitude": 45.0 + 0.1 * k, "longitude": 1.0} for k in range(40)]
    b = [{"latitude": 45.0 + 0.1 * k, "longitude": 6.0} for k in range(40)]
    stray = {"latitude": 45.0, "longitude": 9.9}

    class Src:
        outlines = {"XX": COUNTRY}
        cities = {i: dict(m, countrycode="XX", admin1code=code)
                  for i, (m, code) in enumerate([(m, "A") for m in a + [stray]] + [(m, "B") for m in b])}

    members = {("XX", "A"): [], ("XX", "B"): []}
    for c in Src.cities.values():
        members[("XX", c["admin1code"])].append(c)
    points = gz._region_points(Src, members)
    assert points[("XX", "A")][1] < 4.0 and points[("XX", "B")][1] > 6.0


@pytest.mark.parametrize("name, cc, point", [
    # public reference points (encyclopaedia coordinates) of regions settled along one edge
    ("Ontario", "CA", (50.0, -85.0)),
    ("Manitoba", "CA", (55.0, -97.0)),
    ("Alaska", "US", (64.0, -150.0)),
    ("Queensland", "AU", (-22.0, 144.0)),
])
def test_sparsely_settled_regions_get_their_middle(gaz, name, cc, point):
    p = next(m.place for m in gaz.lookup(name) if m.place.kind == "admin1" and m.place.country_code == cc)
    assert gz.haversine_km(p.latitude, p.longitude, *point) < 161


# ---- a count by place is a list: "twelve in X, eight in Y, and one in Z"
@pytest.fixture(scope="module")
def found(nlp, gaz):
    from helpers.places import toponyms as tp

    def run(text):
        return {c.text: (c.chosen.name, c.chosen.kind) for c in tp.resolve_article(nlp(text), gaz)
                if c.chosen is not None and c.role == "toponym"}
    return run


COUNTS = ("The cases by province were as follows: nine in Manitoba, seven in Saskatchewan, "
          "four in New Brunswick, and two in Quebec.")


def test_a_place_in_a_count_by_place_is_read_at_its_fellows_level(found, monkeypatch):
    from helpers.places import toponyms as tp
    assert found(COUNTS)["Quebec"][1] == "admin1"  # the province, like the others, not Québec City
    monkeypatch.setattr(tp, "COUNTED_LIST", False)
    assert found(COUNTS)["Quebec"][1] == "city"


def test_a_count_before_a_place_alone_makes_no_list(found):
    # one place after a count, the other after a verb: no enumeration, the city stays the city
    text = "Nine people fell ill in Manitoba last week, and officials in Quebec said two more were tested."
    assert found(text)["Quebec"][1] == "city"


# ---- a country no main body stands for (an archipelago) gets its published reference point, on its land
ISLANDS = [_box(100.0, 0.0, 102.0, 2.0), _box(106.0, 0.0, 108.0, 2.0), _box(112.0, 0.0, 114.2, 2.0)]


def test_an_archipelago_gets_its_reference_point_on_its_land():
    # three islands of about equal size, 4 degrees apart: the largest holds a third of the land
    assert gz._land_share(ISLANDS, gz._main_body(ISLANDS)) < 0.4
    assert gz._scattered_country_point(ISLANDS, [1.0, 107.0]) == (1.0, 107.0)  # on the middle island: kept
    lat, lon = gz._scattered_country_point(ISLANDS, [1.0, 104.0])  # at sea between islands: moved ashore
    assert 101.9 <= lon <= 102.0 or 106.0 <= lon <= 106.1


def test_a_country_with_a_main_body_keeps_its_middle(monkeypatch):
    mainland = [_box(0.0, 40.0, 10.0, 50.0), _box(20.0, 40.0, 21.0, 41.0)]  # a far island of 1 % of the land
    assert gz._scattered_country_point(mainland, [45.0, 5.0]) is None
    monkeypatch.setattr(gz, "MAIN_BODY_MIN_SHARE", None)
    assert gz._scattered_country_point(ISLANDS, [1.0, 107.0]) is None
    assert gz._scattered_country_point(ISLANDS, None) is None


def test_archipelago_states_lie_near_their_reference_points(gaz):
    # public reference points (encyclopaedia / Factbook coordinates)
    for name, point in {"Indonesia": (-5.0, 120.0), "Philippines": (13.0, 122.0)}.items():
        p = next(m.place for m in gaz.lookup(name) if m.place.kind == "country")
        assert gz.haversine_km(p.latitude, p.longitude, *point) < 161


# ---- regions the gazetteer lacks, abroad: one sense per article, and names regions of several countries bear
def _readings(nlp, gaz, text):
    from helpers.places import toponyms as tp
    return [(c.text, c.chosen.kind if c.chosen is not None else None,
             c.chosen.country_code if c.chosen is not None else None) for c in tp.resolve_article(nlp(text), gaz)]


PROVINCES = ("Kenya's health ministry counted new cases in the provinces of Nyanza and Coast. "
             "Clinics in Nyanza ran short of medicine, doctors said.")


def test_a_name_read_as_a_region_abroad_is_that_region_in_its_other_mentions(nlp, gaz, monkeypatch):
    from helpers.places import toponyms as tp
    assert [r for r in _readings(nlp, gaz, PROVINCES) if r[0] == "Nyanza"] == [("Nyanza", None, None)] * 2
    monkeypatch.setattr(tp, "REGION_ABROAD_ONE_SENSE", False)
    assert ("Nyanza", "city", "RW") in _readings(nlp, gaz, PROVINCES)


def test_a_settlement_in_the_articles_country_stays(nlp, gaz):
    assert ("Nyanza", "city", "RW") in _readings(nlp, gaz, "Officials in Rwanda said clinics in Nyanza ran short.")


def test_a_shared_region_name_abroad_is_left_unresolved(nlp, gaz, monkeypatch):
    from helpers.places import toponyms as tp
    kenya = "Officials in Kenya said the outbreak had spread to Eastern Province by March."
    assert ("Eastern Province", None, None) in _readings(nlp, gaz, kenya)
    monkeypatch.setattr(tp, "SHARED_REGION_NAME_ABROAD", False)
    assert ("Eastern Province", "admin1", "SA") in _readings(nlp, gaz, kenya)


def test_a_shared_region_name_in_the_articles_country_is_that_region(nlp, gaz):
    saudi = "Officials in Saudi Arabia said the outbreak had spread to Eastern Province by March."
    assert ("Eastern Province", "admin1", "SA") in _readings(nlp, gaz, saudi)


@pytest.mark.parametrize("name, cc", [("Democratic Republic of Congo", "CD"), ("Republic of Congo", "CG"),
                                      ("Democratic Republic of the Congo", "CD")])
def test_a_country_name_is_known_without_its_inner_article(gaz, name, cc):
    # gazetteer v9 (NAME_WITHOUT_INNER_ARTICLE): news writes "Democratic Republic of Congo"
    assert {m.place.country_code for m in gaz.lookup(name) if m.place.kind == "country"} == {cc}
