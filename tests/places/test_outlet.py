"""The outlet's country as context for namesakes (issue 12, item 3): constructed sentences and articles rows."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers.geo import gazetteer as gz
from helpers.places import toponyms as places


@pytest.fixture(scope="session")
def gaz():
    return gz.load()


def _country(nlp, gaz, text, outlet):
    doc = nlp(text)
    rows = places.place_rows(doc, "t", gaz, outlet=outlet)
    by_mention = {r["mention"]: r for r in rows}
    return by_mention


def test_outlet_country_breaks_a_tie_between_namesakes_of_like_size(nlp, gaz):
    text = "Students marched through Cambridge on Friday."
    assert _country(nlp, gaz, text, None)["Cambridge"]["country_code"] == "GB"  # the larger one
    us = _country(nlp, gaz, text, "US")["Cambridge"]
    assert (us["country_code"], us["admin1"]) == ("US", "Massachusetts")
    assert "outlet" in us["method"]
    gb = _country(nlp, gaz, text, "GB")["Cambridge"]
    assert gb["country_code"] == "GB" and "outlet" in gb["method"]


def test_article_geography_outweighs_the_outlet(nlp, gaz):
    text = "Students from England marched through Cambridge on Friday."
    row = _country(nlp, gaz, text, "US")["Cambridge"]
    assert row["country_code"] == "GB" and "outlet" not in row["method"]


def test_outlet_never_overturns_a_world_city_or_a_country(nlp, gaz):
    rows = _country(nlp, gaz, "Delegates met in Rome after the war in Georgia.", "US")
    assert rows["Rome"]["country_code"] == "IT"
    assert (rows["Georgia"]["kind"], rows["Georgia"]["country_code"]) == ("country", "GE")


def test_outlet_countries_from_the_articles_table():
    articles = pd.DataFrame({
        "article_id": ["a", "b", "c", "d", "e"],
        "outlet_country": ["gb", None, None, None, None],
        "url": [None, "https://www.example.co.uk/news/1", "https://news.example.pl/x", "https://example.tv/a",
                "https://example.com/a"],
    })
    assert places.outlet_countries(articles) == {"a": "GB", "b": "GB", "c": "PL"}
    assert places.outlet_countries(None) == {}


def test_places_table_reads_the_outlet_from_articles(nlp, gaz):
    doc = nlp("Students marched through Cambridge on Friday.")
    doc.user_data["article_id"] = "x"
    articles = pd.DataFrame({"article_id": ["x"], "outlet_country": ["US"], "url": [None]})
    with_outlet = places.places_table([doc], gaz=gaz, articles=articles)
    without = places.places_table([doc], gaz=gaz)
    assert with_outlet.loc[0, "country_code"] == "US"
    assert without.loc[0, "country_code"] == "GB"
