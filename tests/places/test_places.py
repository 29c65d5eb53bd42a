"""Place detection and disambiguation: the seed expectations of issue 4 and constructed sentences."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers.geo import gazetteer as gz
from helpers.places import toponyms as places
from helpers.core import schemas


@pytest.fixture(scope="session")
def gaz():
    return gz.load()


def _doc(nlp, text, aid="t"):
    doc = nlp(text)
    doc.user_data["article_id"] = aid
    return doc


def _rows(nlp, gaz, text):
    return pd.DataFrame(places.place_rows(_doc(nlp, text), "t", gaz))


@pytest.fixture(scope="session")
def seed_places(seed_articles, nlp, gaz):
    """``places`` for the seed article about North Korean troops (it names every expected place)."""
    article = seed_articles[seed_articles["text"].str.contains("Lipetsk-2")].iloc[0]
    doc = _doc(nlp, article["text"], article["article_id"])
    return article, places.places_table([doc], gaz=gaz)


# mention -> (lat, lon) of the real place, from public maps; resolved cities must be within 50 km
SEED_CITIES = {
    "Vladivostok": (43.12, 131.89), "Ussuriysk": (43.80, 131.95), "Khabarovsk": (48.48, 135.07),
    "Blagoveshchensk": (50.27, 127.53), "Kursk": (51.73, 36.19), "Kyiv": (50.45, 30.52),
    "Pokrovsk": (48.28, 37.18), "Kurakhove": (47.98, 37.28), "Avdiivka": (48.14, 37.74),
    "Dzerzhinsk": (56.24, 43.46), "Nizhny Novgorod": (56.33, 44.00), "Lipetsk": (52.61, 39.59),
    "Bryansk": (53.25, 34.37), "Feodosia": (45.03, 35.38), "Yeysk": (46.71, 38.27),
    "Kazan": (55.79, 49.12), "Pyongyang": (39.02, 125.75), "Seoul": (37.57, 126.98),
}
SEED_REGIONS = {"Crimea": "UA", "Adygea": "RU", "Yakutia": "RU", "Buryatia": "RU", "Donetsk": "UA"}
SEED_COUNTRIES = {"Russia": "RU", "Ukraine": "UA", "North Korea": "KP", "South Korea": "KR",
                  "United States": "US"}


def test_seed_table_matches_its_contract(seed_places, tmp_path):
    from helpers.core.tables import write_table
    _, df = seed_places
    write_table(df, "places", tmp_path)  # raises SchemaError otherwise
    assert list(df.columns) == schemas.get("places").column_names


def test_seed_offsets_point_at_the_mention(seed_places):
    article, df = seed_places
    text = article["text"]
    assert len(df) > 40
    for row in df.itertuples():
        assert text[row.start_char:row.end_char] == row.mention


@pytest.mark.parametrize("mention", sorted(SEED_CITIES))
def test_seed_cities_resolve_within_50km(seed_places, mention):
    _, df = seed_places
    rows = df[df["mention"] == mention]
    assert len(rows), f"{mention} not detected"
    lat, lon = SEED_CITIES[mention]
    for row in rows.itertuples():
        assert row.kind == "city", (mention, row.kind, row.name)
        assert gz.haversine_km(lat, lon, row.latitude, row.longitude) < 50, (mention, row.name, row.country_code)


@pytest.mark.parametrize("mention", sorted(SEED_REGIONS))
def test_seed_regions_resolve_to_regions(seed_places, mention):
    _, df = seed_places
    rows = df[(df["mention"] == mention) & (df["kind"] == "admin1")]
    assert len(rows), f"{mention} not resolved to a region: {df[df['mention'] == mention][['name', 'kind']]}"
    assert set(rows["country_code"]) == {SEED_REGIONS[mention]}


def test_yakutia_is_the_sakha_republic(seed_places, gaz):
    _, df = seed_places
    row = df[df["mention"] == "Yakutia"].iloc[0]
    assert gaz.capital[gaz.lookup(row["name"])[0].place.index] == "Yakutsk"


@pytest.mark.parametrize("mention", sorted(SEED_COUNTRIES))
def test_seed_countries(seed_places, mention):
    _, df = seed_places
    rows = df[df["mention"] == mention]
    assert len(rows), f"{mention} not detected"
    assert set(rows["kind"]) == {"country"} and set(rows["country_code"]) == {SEED_COUNTRIES[mention]}


def test_seed_rejects_demonyms_people_and_organisations(seed_places):
    _, df = seed_places
    mentions = set(schemas.story_places(df)["mention"])
    for not_a_place in ("Ukrainian", "Russian", "North Korean", "Austin", "Kirby", "NIS", "TASS", "Western",
                        "White House"):
        assert not_a_place not in mentions
    for nowhere in ("Austin", "Kirby", "NIS", "TASS", "Western", "White House"):  # not even in another role
        assert nowhere not in set(df["mention"])


def test_seed_demonyms_are_rows_of_role_demonym(seed_places):
    _, df = seed_places
    demonyms = df[df["role"] == "demonym"]
    assert {"Ukrainian", "Russian", "North Korean"} <= set(demonyms["mention"])
    assert set(demonyms[demonyms["mention"] == "North Korean"]["country_code"]) == {"KP"}
    assert (demonyms["method"] == "demonym").all() and (demonyms["kind"] == "country").all()


# ---------------------------------------------------------------- constructed sentences
def test_demonyms_and_outlets_with_place_names_are_not_places(nlp, gaz):
    df = _rows(nlp, gaz, "The Kyiv Independent and the Kyiv Post reported that Ukrainian troops "
                         "held the line near Kharkiv.")
    assert schemas.story_places(df)["mention"].tolist() == ["Kharkiv"]
    assert df[["mention", "role"]].values.tolist() == [["Kyiv", "in_name"], ["Kyiv", "in_name"],
                                                      ["Ukrainian", "demonym"], ["Kharkiv", "toponym"]]


def test_surname_of_a_named_person_is_not_a_place(nlp, gaz):
    df = _rows(nlp, gaz, "Lloyd Austin visited the front. Austin said the aid would arrive in Odesa.")
    assert "Austin" not in set(df["mention"]) and "Odesa" in set(df["mention"])


def test_feature_word_after_name_means_region(nlp, gaz):
    df = _rows(nlp, gaz, "Shelling continued in the Kharkiv region. Residents of Kharkiv fled.")
    kinds = df.set_index("start_char")["kind"].tolist()
    assert kinds == ["admin1", "city"]
    assert df.iloc[0]["name"] == "Kharkiv region"


def test_containment_picks_the_place_inside_the_named_region(nlp, gaz):
    df = _rows(nlp, gaz, "A drone hit a depot in Dzerzhinsk in Nizhny Novgorod.")
    row = df[df["mention"] == "Dzerzhinsk"].iloc[0]
    assert row["country_code"] == "RU" and "containment" in row["method"]


def test_country_context_decides_between_namesakes(nlp, gaz):
    df = _rows(nlp, gaz, "Police in Virginia said a man from Alexandria was arrested on Friday.")
    assert df[df["mention"] == "Alexandria"].iloc[0]["country_code"] == "US"
    df = _rows(nlp, gaz, "The Egyptian government said protests in Alexandria ended.")
    assert df[df["mention"] == "Alexandria"].iloc[0]["country_code"] == "EG"


def test_a_feature_of_x_does_not_make_x_that_feature(nlp, gaz):
    df = _rows(nlp, gaz, "Police detained two men in Kazan, a district of Ankara.")
    assert df[df["mention"] == "Ankara"].iloc[0]["kind"] == "city"
    df = _rows(nlp, gaz, "Fighting spread across the region of Kharkiv.")
    assert df[df["mention"] == "Kharkiv"].iloc[0]["kind"] == "admin1"


def test_counties_resolve_inside_their_state(nlp, gaz):
    df = _rows(nlp, gaz, "Deputies in Henderson County, Kentucky arrested two men.")
    row = df[df["mention"] == "Henderson County"].iloc[0]
    assert row["kind"] == "other" and row["admin1"] == "Kentucky" and "containment" in row["method"]


def test_nearby_places_decide_between_namesakes(nlp, gaz):
    # Pokrovsk in Yakutia is smaller than Pokrovsk in Donetsk region, but Yakutsk is next to it
    df = _rows(nlp, gaz, "Floods reached Yakutsk and Pokrovsk on the Lena river.")
    row = df[df["mention"] == "Pokrovsk"].iloc[0]
    assert row["country_code"] == "RU"
    df = _rows(nlp, gaz, "Russian troops advanced on Kurakhove and Pokrovsk.")
    assert df[df["mention"] == "Pokrovsk"].iloc[0]["country_code"] == "UA"


def test_water_bodies_are_kept_as_water(nlp, gaz):
    df = _rows(nlp, gaz, "Warships left Sevastopol for the Black Sea.")
    water = df[df["kind"] == "water"]
    assert water["mention"].tolist() == ["Black Sea"] and water["name"].isna().all()
    assert df[df["mention"] == "Sevastopol"].iloc[0]["kind"] == "city"


def test_variant_spellings_resolve_to_one_place(nlp, gaz):
    a = _rows(nlp, gaz, "Fighting near Avdiivka intensified.")
    b = _rows(nlp, gaz, "Fighting near Avdiyivka intensified.")
    assert a.iloc[0]["geonameid"] == b.iloc[0]["geonameid"]
    c = _rows(nlp, gaz, "Drones struck an airfield in Adygea.")
    assert c.iloc[0]["kind"] == "admin1" and "variant" in c.iloc[0]["method"]


def test_town_of_context_finds_places_the_model_misses(nlp, gaz):
    df = _rows(nlp, gaz, "Soldiers were seen near the town of Vuhledar.")
    row = df[df["mention"] == "Vuhledar"].iloc[0]
    assert row["country_code"] == "UA" and row["kind"] == "city"


def test_places_table_isolates_a_failing_article(nlp, gaz):
    good = _doc(nlp, "Missiles struck Lviv.", "a")
    bad = _doc(nlp, "Missiles struck Lviv.", "b")
    errors = []
    # article b's sentence rows are corrupt (text offsets): it fails alone
    table = places.places_table([good, bad], sentences=pd.DataFrame(
        {"article_id": ["a", "b"], "sentence_id": [0, None], "start_char": [0, "x"], "end_char": [20, 20]}),
        gaz=gaz, errors=errors)
    assert set(table["article_id"]) == {"a"}
    assert [e[0] for e in errors] == ["b"]


def test_doc_without_article_id_is_a_clear_error(nlp, gaz):
    with pytest.raises(ValueError, match="article_id"):
        places.places_table([nlp("Kyiv.")], gaz=gaz)


def test_empty_input_gives_an_empty_table(gaz):
    df = places.places_table([], gaz=gaz)
    assert len(df) == 0 and list(df.columns) == schemas.get("places").column_names


# ---------------------------------------------------------------- real corpus properties
@pytest.fixture(scope="session")
def corpus_places(shared_dir, nlp, gaz):
    from helpers.parse import run as parse_run

    articles = parse_run(shared_dir / "corpora" / "ukraine-war-news")["articles"].iloc[::18]  # 20 articles
    docs = []
    for aid, doc in zip(articles["article_id"], nlp.pipe(articles["text"].tolist())):
        doc.user_data["article_id"] = aid
        docs.append(doc)
    errors = []
    return articles, places.places_table(docs, gaz=gaz, errors=errors), errors, docs


@pytest.mark.corpus
def test_corpus_rows_are_valid_and_point_into_the_text(corpus_places, tmp_path):
    from helpers.core.tables import write_table
    articles, df, errors, _ = corpus_places
    assert errors == []
    write_table(df, "places", tmp_path)
    texts = dict(zip(articles["article_id"], articles["text"]))
    assert len(df) > 150
    for row in df.itertuples():
        assert texts[row.article_id][row.start_char:row.end_char] == row.mention
    resolved = df.dropna(subset=["name"])
    assert resolved["latitude"].between(-90, 90).all() and resolved["longitude"].between(-180, 180).all()
    placed = resolved[resolved["kind"].isin(["country", "admin1", "city"])]
    assert placed["country_code"].str.fullmatch(r"[A-Z]{2}").all()
    assert placed.loc[placed["kind"] == "city", "geonameid"].notna().all()
    assert len(resolved) / len(df) > 0.85


@pytest.mark.corpus
def test_corpus_has_no_demonyms_or_person_surnames(corpus_places, gaz):
    _, rows, _, docs = corpus_places
    df = rows[rows["role"] == "toponym"]  # places of the story; demonyms are kept as rows of their own role
    assert not any(gz.normalize(m) in gaz.demonyms for m in df["mention"])
    demonyms = rows[rows["role"] == "demonym"]
    assert len(demonyms) > 0 and demonyms["country_code"].notna().all()  # "Ukrainians" points to its country
    for doc in docs:
        surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
        mentions = set(df[df["article_id"] == doc.user_data["article_id"]]["mention"])
        assert not (mentions & surnames) - {p for p in mentions if gaz.lookup(p) and
                                            any(m.place.kind == "country" for m in gaz.lookup(p))}


@pytest.mark.corpus
def test_corpus_namesakes_resolve_to_the_war_region(corpus_places, gaz):
    # a city name shared with a town of 10,000+ in Ukraine or Russia means that town in war reporting
    _, df, _, _ = corpus_places
    cities = df[df["kind"] == "city"]
    has_namesake = cities["mention"].map(
        lambda m: any(x.place.country_code in ("UA", "RU") and x.place.kind == "city"
                      and x.place.population >= 10000 for x in gaz.lookup(m)))
    chosen = cities[has_namesake]["country_code"].isin(["UA", "RU"])
    assert len(chosen) >= 20
    assert chosen.mean() >= 0.9


def test_trace_names_the_rule_that_kept_or_dropped_each_mention(nlp, gaz):
    trace = []
    doc = _doc(nlp, "Defence Secretary Lloyd Austin met officials in Kharkiv and the Kyiv Post reported it.")
    kept = places.candidates(doc, gaz, trace=trace)
    by_text = {r["text"]: r for r in trace}
    assert [c.text for c in kept] == ["Kharkiv"]
    assert kept[0].found_by == "gazetteer_name" and kept[0].kept_by == "passed"
    assert by_text["Kyiv"]["kept"] is False and by_text["Kyiv"]["rule"] == "inside_longer_name_entity"
    assert by_text["Austin"]["rule"] == "longer_name_before"
    rule_names = {name for name, _ in places.KEEP_RULES} | {name for name, _ in places.DETECTION_RULES} | {"passed"}
    assert {r["rule"] for r in trace} <= rule_names


def test_sentence_ids_come_from_the_sentences_table(nlp, gaz):
    from helpers.text.sentences import extract_sentences
    doc = _doc(nlp, "Troops left Kharkiv.\n\nThey reached Odesa on Monday.", "a1")
    sents = pd.DataFrame(extract_sentences(doc, "a1"))
    table = places.places_table([doc], sentences=sents, gaz=gaz)
    assert dict(zip(table["mention"], table["sentence_id"])) == {"Kharkiv": 0, "Odesa": 1}


# ---- issue 12: offsets, abbreviations, historical states, world regions, country names news use
def _one(rows, mention):
    hit = rows[rows["mention"] == mention]
    assert len(hit) == 1, (mention, rows[["mention", "name", "kind"]].to_dict("records"))
    return hit.iloc[0]


def test_dotted_abbreviation_keeps_its_final_stop(nlp, gaz):
    text = "Aid from the U.S. reached Kharkiv on Monday."
    rows = _rows(nlp, gaz, text)
    us = _one(rows, "U.S.")
    assert us["country_code"] == "US"
    assert text[us["start_char"]:us["end_char"]] == "U.S."


def test_initials_of_official_names_are_country_abbreviations(gaz):
    for abbr, cc in (("PRC", "CN"), ("DPRK", "KP"), ("UAE", "AE")):
        assert any(m.place.kind == "country" and m.place.country_code == cc and m.match_type == gz.ABBREV
                   for m in gaz.lookup(abbr)), abbr


def test_official_name_resolves_to_the_country(nlp, gaz):
    rows = _rows(nlp, gaz, "Officials in the People's Republic of China met envoys from Brazil.")
    assert _one(rows, "People's Republic of China")["country_code"] == "CN"


def test_name_behind_a_demonym_and_short_official_name_are_countries(nlp, gaz):
    rows = _rows(nlp, gaz, "Talks between America and Korea resumed in Geneva.")
    assert _one(rows, "America")["country_code"] == "US" and _one(rows, "America")["kind"] == "country"
    assert _one(rows, "Korea")["country_code"] == "KR" and _one(rows, "Korea")["kind"] == "country"


def test_historical_states_have_their_own_kind_and_a_point(nlp, gaz):
    rows = _rows(nlp, gaz, "Grain left the Soviet Union for Yugoslavia, and the USSR later fell apart.")
    for mention, name in (("Soviet Union", "Soviet Union"), ("Yugoslavia", "Yugoslavia"), ("USSR", "Soviet Union")):
        r = _one(rows, mention)
        assert r["kind"] == "historical" and r["name"] == name and r["latitude"] is not None


def test_world_regions_and_continents_are_areas(nlp, gaz):
    rows = _rows(nlp, gaz, "Gas prices rose across Eastern Europe and Central Asia, and in Europe as a whole.")
    assert _one(rows, "Eastern Europe")["kind"] == "region"
    assert _one(rows, "Central Asia")["kind"] == "region"
    assert _one(rows, "Europe")["kind"] == "continent"


def test_all_caps_country_name_is_found(nlp, gaz):
    rows = _rows(nlp, gaz, "Troops crossed into ROMANIA near the border, officials said.")
    assert _one(rows, "ROMANIA")["country_code"] == "RO"


def test_places_listed_with_a_kept_place_are_kept(nlp, gaz):
    rows = _rows(nlp, gaz, "Refugees passed Ungheni, Cahul, Orhei and Soroca on the way.")
    assert {"Ungheni", "Cahul", "Orhei", "Soroca"} <= set(rows["mention"])
    assert set(rows[rows["mention"].isin(["Ungheni", "Soroca"])]["country_code"]) == {"MD"}


def test_place_after_a_comma_is_read_as_the_container_of_the_one_before(nlp, gaz):
    rows = _rows(nlp, gaz, "The mayor of Dalton, Georgia, spoke to reporters.")
    state = _one(rows, "Georgia")
    assert state["kind"] == "admin1" and state["country_code"] == "US"
    assert _one(rows, "Dalton")["country_code"] == "US"


@pytest.mark.parametrize("text, mention", [
    ("Two ships sailed into the Sea of Azov at dawn.", "Sea of Azov"),
    ("Ice fishing on Lake Winnipesaukee closed early.", "Lake Winnipesaukee"),  # "Lake X" (issue 12, round 3)
])
def test_water_word_of_name_or_before_name_is_water(nlp, gaz, text, mention):
    water = _one(_rows(nlp, gaz, text), mention)
    assert water["kind"] == "water" and pd.isna(water["latitude"])


def test_country_before_a_title_is_still_the_country(nlp, gaz):
    rows = _rows(nlp, gaz, "On Monday US President Joe Biden spoke about Poland.")
    assert _one(rows, "US")["country_code"] == "US"


def test_unresolved_model_loc_is_a_region_without_a_point():
    cand = places.Candidate(0, 1, 0, 6, "Donbas", [], ner="LOC")
    assert places._unresolved_kind(cand) == "region"
    cand.kind_hint = "water"
    assert places._unresolved_kind(cand) == "water"


def test_landform_word_after_a_name_makes_it_a_place(nlp, gaz):
    trace = []
    doc = _doc(nlp, "Supplies reached Sakhalin Island by ferry.")
    kept = places.candidates(doc, gaz, trace=trace)
    (c,) = [c for c in kept if c.text == "Sakhalin"]
    assert c.kind_hint == "landform" and doc.text[c.start_char:c.extended_end_char] == "Sakhalin Island"


def test_nearby_places_decide_between_namesake_counties(nlp, gaz):
    rows = _rows(nlp, gaz, "Flooding hit Owensboro and Henderson County overnight, and crews from Evansville helped.")
    county = _one(rows, "Henderson County")
    assert county["kind"] == "other" and county["admin1"] == "Kentucky"


def test_a_named_region_gives_the_article_its_country(nlp, gaz):
    rows = _rows(nlp, gaz, "Officials in Ohio said the roads near Lima were closed after the storm.")
    lima = _one(rows, "Lima")
    assert lima["country_code"] == "US" and lima["admin1"] == "Ohio"


def test_country_in_an_all_caps_headline(nlp, gaz):
    rows = _rows(nlp, gaz, "TALKS STALL AS TROOPS MASS NEAR UKRAINE BORDER\n\nDiplomats met on Friday.")
    assert _one(rows, "UKRAINE")["country_code"] == "UA"


def test_compass_word_before_a_place_keeps_the_place(nlp, gaz):
    rows = _rows(nlp, gaz, "Heavy rain fell across Northern Iraq on Tuesday.")
    assert "Iraq" in set(rows["mention"]) or "Northern Iraq" in set(rows["mention"])
    assert set(rows["country_code"].dropna()) == {"IQ"}


def test_short_all_caps_country_name_is_not_an_acronym(nlp, gaz):
    rows = _rows(nlp, gaz, "TRADE TALKS WITH CHINA STALL\n\nNegotiators left early.")
    assert _one(rows, "CHINA")["country_code"] == "CN"


# ---- issue 12, round 3: news-style abbreviations, datelines, resident nouns, "Lake X" (constructed sentences)
def test_state_abbreviation_after_a_town_is_that_state(nlp, gaz):
    rows = _rows(nlp, gaz, "Jane Roe, of Modesto, Calif., said the harvest was late.")
    state = _one(rows, "Calif.")  # the mention keeps its stop
    assert state["kind"] == "admin1" and state["name"] == "California" and state["country_code"] == "US"
    assert _one(rows, "Modesto")["admin1"] == "California"


def test_state_abbreviation_after_a_party_letter(nlp, gaz):
    rows = _rows(nlp, gaz, "Sen. Jane Roe, D-Mont., asked for a vote, and Rep. John Doe, R-W. Va., agreed.")
    assert _one(rows, "Mont.")["name"] == "Montana"
    assert _one(rows, "W. Va.")["name"] == "West Virginia"


def test_state_abbreviation_ending_a_sentence_keeps_its_stop(nlp, gaz):
    rows = _rows(nlp, gaz, "The plant is in Beckley, W.Va.")  # the tokenizer splits the sentence's stop off
    assert _one(rows, "W.Va.")["name"] == "West Virginia"
    assert "Va" not in set(_rows(nlp, gaz, "A town in Fresno, Va, is small.")["mention"])  # no stop: not the style


def test_dotted_state_initials_the_model_calls_a_place_are_the_state(nlp, gaz):
    rows = _rows(nlp, gaz, "The senator flew to S.C. on Monday to meet voters.")
    assert _one(rows, "S.C.")["name"] == "South Carolina"  # not the ISO code SC of Seychelles
    rows = _rows(nlp, gaz, "The fort was built in 300 B.C. by the Romans.")
    assert "B.C." not in set(rows["mention"] if len(rows) else [])


def test_abbreviation_like_word_elsewhere_is_not_a_state(nlp, gaz):
    rows = _rows(nlp, gaz, "Miss. Roe wrote to the Mass. office about Ind. voters.")
    assert not ({"Miss.", "Mass.", "Ind."} & set(rows["mention"] if len(rows) else []))


def test_all_caps_dateline_is_a_place(nlp, gaz):
    rows = _rows(nlp, gaz, "Bridge repairs begin. SPOKANE, Wash. -- Crews closed two lanes on Monday.")
    assert _one(rows, "SPOKANE")["admin1"] == "Washington"
    rows = _rows(nlp, gaz, "Storm damage counted. DAYTON -- Crews cleared roads in Ohio on Monday.")
    assert _one(rows, "DAYTON")["country_code"] == "US"


def test_all_caps_word_without_a_dateline_mark_needs_other_evidence(nlp, gaz):
    rows = _rows(nlp, gaz, "Storm damage counted. KANKAKEE crews cleared the roads on Monday.")
    assert "KANKAKEE" not in set(rows["mention"] if len(rows) else [])


def test_resident_noun_after_a_name_makes_it_a_place(nlp, gaz):
    rows = _rows(nlp, gaz, "A Kankakee man was charged on Friday.")
    assert _one(rows, "Kankakee")["country_code"] == "US"
    rows = _rows(nlp, gaz, "But residents said the road was closed.")
    assert "But" not in set(rows["mention"] if len(rows) else [])


def test_age_then_of_gives_where_a_person_lives(nlp, gaz):
    rows = _rows(nlp, gaz, "John Doe, 34, of Kankakee, was charged on Friday.")
    assert _one(rows, "Kankakee")["country_code"] == "US"


def test_lake_settlement_or_longer_name_is_not_a_water_body(nlp, gaz):
    rows = _rows(nlp, gaz, "She moved to Lake Charles in May. Lake Forest High School won on Friday.")
    assert _one(rows, "Lake Charles")["kind"] == "city"
    assert not any(m.startswith("Lake Forest") and k == "water" for m, k in zip(rows["mention"], rows["kind"]))


def test_country_name_with_a_namesake_next_to_the_story_is_the_namesake(nlp, gaz):
    rows = _rows(nlp, gaz, "Crews from Peru and LaSalle, Illinois, cleared the roads after the storm.")
    town = _one(rows, "Peru")
    assert town["kind"] == "city" and town["admin1"] == "Illinois" and "local_namesake" in town["method"]
    rows = _rows(nlp, gaz, "The storm reached Atlanta on Friday, and Georgia officials closed schools.")
    assert _one(rows, "Georgia")["kind"] == "admin1"


@pytest.mark.parametrize("text", [
    "Peru sent envoys to LaSalle, Illinois, and to Lima, where Peruvian officials waited.",  # a place in Peru
    "Georgia and Armenia signed a deal in Atlanta on Friday.",  # listed with another country
])
def test_country_name_stays_the_country_when_the_story_places_it(nlp, gaz, text):
    rows = _rows(nlp, gaz, text)
    assert rows[rows["mention"].isin(["Peru", "Georgia"])]["kind"].tolist() == ["country"]


def test_namesakes_that_lie_together_are_read_together(nlp, gaz):
    rows = _rows(nlp, gaz, "Volunteers from Dover and Smyrna met in Milford on Saturday.")
    assert _one(rows, "Dover")["admin1"] == "Delaware" and _one(rows, "Smyrna")["admin1"] == "Delaware"


def test_large_cities_are_not_pulled_to_small_namesakes_that_lie_together(nlp, gaz):
    rows = _rows(nlp, gaz, "Flights from Paris and London were cancelled.")
    assert _one(rows, "Paris")["country_code"] == "FR" and _one(rows, "London")["country_code"] == "GB"


# ---------------------------------------------------------------- roles: names inside longer names, demonyms
def test_place_inside_an_organisation_name_is_an_in_name_row(nlp, gaz):
    df = _rows(nlp, gaz, "A spokesman for the Bank of Canada said officials of the Ohio Department of "
                         "Transportation would meet in Columbus.")
    by = df.set_index("mention")
    assert by.loc["Canada", "role"] == "in_name" and by.loc["Canada", "country_code"] == "CA"
    assert by.loc["Ohio", "role"] == "in_name" and by.loc["Ohio", "kind"] == "admin1"
    assert by.loc["Canada", "method"].startswith("in_name+")
    assert schemas.story_places(df)["mention"].tolist() == ["Columbus"]


def test_a_person_or_a_common_word_inside_a_name_is_no_in_name_row(nlp, gaz):
    df = _rows(nlp, gaz, "Lloyd Austin and the Wichita Police Department met the Police Federation in Dallas.")
    assert "Austin" not in set(df["mention"])  # a person's name, not an organisation's
    assert "Police" not in set(df["mention"])  # a small namesake the keep rules would drop on its own
    assert df[["mention", "role"]].values.tolist() == [["Wichita", "in_name"], ["Dallas", "toponym"]]


def test_demonyms_are_rows_of_their_country(nlp, gaz):
    df = _rows(nlp, gaz, "Sudanese officials and two Czechs met North Koreans in Geneva.")
    dem = df[df["role"] == "demonym"].set_index("mention")
    assert dem["country_code"].to_dict() == {"Sudanese": "SD", "Czechs": "CZ", "North Koreans": "KP"}
    assert (dem["kind"] == "country").all() and (dem["method"] == "demonym").all()
    assert schemas.story_places(df)["mention"].tolist() == ["Geneva"]


def test_in_names_do_not_set_the_article_geography(nlp, gaz):
    """A name inside an organisation's name does not pull a namesake into its country."""
    with_org = _rows(nlp, gaz, "The Georgia Department of Agriculture sent inspectors. Farmers in Tbilisi said so.")
    assert with_org[with_org["mention"] == "Tbilisi"]["country_code"].tolist() == ["GE"]
    assert with_org[with_org["mention"] == "Georgia"]["role"].tolist() == ["in_name"]


def test_demonym_and_in_name_offsets_point_at_the_text(nlp, gaz):
    text = "The Kyiv Post said Ukrainian and Polish troops trained near Rzeszow."
    df = _rows(nlp, gaz, text)
    assert {(r.mention, r.role) for r in df.itertuples()} >= {("Kyiv", "in_name"), ("Ukrainian", "demonym"),
                                                              ("Polish", "demonym"), ("Rzeszow", "toponym")}
    for r in df.itertuples():
        assert text[r.start_char:r.end_char] == r.mention


# ---- round 7 (precision): constructed sentences
def _mentions(rows) -> set:
    return set(rows["mention"]) if len(rows) else set()


def test_a_language_after_a_place_preposition_is_not_a_place(nlp, gaz):
    assert "English" not in _mentions(_rows(nlp, gaz, "The mayor gave her speech in English at the town hall on Monday."))
    assert "English" not in _mentions(_rows(nlp, gaz, "After a pause, switching to English, the minister thanked the donors."))


def test_a_place_after_a_place_preposition_or_with_a_feature_word_is_kept(nlp, gaz):
    assert _one(_rows(nlp, gaz, "The mayor gave her speech in Kankakee on Monday."), "Kankakee")["country_code"] == "US"
    assert "English Channel" in _mentions(_rows(nlp, gaz, "The ferry crossed the English Channel at night."))


def test_a_name_right_after_a_title_is_a_person(nlp, gaz):
    assert "Kankakee" not in _mentions(_rows(nlp, gaz, "The contract went to Gov. Kankakee after the vote, a spokesman said."))
    rows = _rows(nlp, gaz, "Talks were led by Gen. Odesa and Sen. Lviv, aides said.")
    assert not ({"Odesa", "Lviv"} & _mentions(rows))


def test_a_name_written_after_a_title_is_that_person_throughout_the_article(nlp, gaz):
    rows = _rows(nlp, gaz, "Pres. Kankakee signed the bill on Friday. Kankakee's aides cheered.")
    assert "Kankakee" not in _mentions(rows)


def test_a_place_named_with_a_title_word_or_also_after_in_stays_a_place(nlp, gaz):
    rows = _rows(nlp, gaz, "Sen. Kankakee toured the plant on Friday before a rally in Kankakee.")
    assert len(rows[rows["mention"] == "Kankakee"]) == 1  # the rally's town; the senator is not a place
    assert _one(_rows(nlp, gaz, "Crews cleared roads in Kankakee on Monday, the mayor said."), "Kankakee")["country_code"] == "US"
    assert _one(_rows(nlp, gaz, "The prince flew to Prince George for the ceremony."), "Prince George")["country_code"] == "CA"


def test_an_institution_word_after_a_preposition_is_not_a_place(nlp, gaz):
    assert "Congress" not in _mentions(_rows(nlp, gaz, "The mayor said she would bring her plan to Congress in the spring."))
    assert "Council" not in _mentions(_rows(nlp, gaz, "Critics in Parliament and on the Council said the budget was too small."))


def test_a_designator_before_a_number_is_not_a_place(nlp, gaz):
    # "Annex" is also a Toronto neighbourhood: "in Annex 2" is a part of a document
    assert "Annex" not in _mentions(_rows(nlp, gaz, "The full list of names is given in Annex 2 to the agreement."))
    # a place before a number that is no designator stays: a year, a count after a comma
    assert "Toronto" in _mentions(_rows(nlp, gaz, "The crews reached Toronto in 2019, the mayor said."))
    assert "Toronto" in _mentions(_rows(nlp, gaz, "The crews reached Toronto, 12 hours late."))


def test_a_name_the_model_calls_an_organisation_elsewhere_is_not_a_place_by_another_name(nlp, gaz):
    # "Janes" is only an alternate name of a small US town; in this article it is the firm that speaks
    text = ("Janes, a defence analysis firm, said the brigade had moved. The brigade, Janes said, was close to the "
            "border. According to Janes, more units followed.")
    assert gaz.lookup("Janes") and all(m.match_type != gz.PRIMARY for m in gaz.lookup("Janes"))
    assert "Janes" not in _mentions(_rows(nlp, gaz, text))


def test_a_countrys_initials_are_the_country_even_when_the_model_says_organisation(nlp, gaz):
    rows = _rows(nlp, gaz, "Officials in the UAE said the talks would resume. The DPRK launched a missile on Monday.")
    assert {(_one(rows, m)["name"], _one(rows, m)["kind"]) for m in ("UAE", "DPRK")} == {
        ("United Arab Emirates", "country"), ("North Korea", "country")}
    # an organisation's initials that no country has stay out
    assert "NATO" not in _mentions(_rows(nlp, gaz, "Officials at NATO said the talks would resume."))


def test_an_institution_word_written_with_its_state_is_the_town(nlp, gaz):
    rows = _rows(nlp, gaz, "The trucks reached Council, Idaho, before the snow.")
    assert _one(rows, "Council")["admin1"] == "Idaho"
    assert _one(_rows(nlp, gaz, "The bus broke down near Kankakee on Monday."), "Kankakee")["country_code"] == "US"


def test_an_all_caps_word_matched_by_another_name_or_after_a_preposition_only_is_not_a_place(nlp, gaz):
    text = "Story follows.\n\nCITY VOWS TO HARDEN FLOOD WALLS BEFORE SPRING\n\nThe council met on Monday."
    assert "HARDEN" not in _mentions(_rows(nlp, gaz, text))  # only a small town's alternate name
    text = "Story follows.\n\nVOLUNTEERS PREPARE TO ADVANCE PLANS FOR NEW PARK\n\nThe council met on Monday."
    assert "ADVANCE" not in _mentions(_rows(nlp, gaz, text))  # villages' own name, but only "TO" says place


def test_an_all_caps_large_place_or_one_with_strong_evidence_is_kept(nlp, gaz):
    text = "Story follows.\n\nTROOPS PUSH TOWARD KHARKIV AS SHELLING GOES ON\n\nThe council met on Monday."
    assert _one(_rows(nlp, gaz, text), "KHARKIV")["country_code"] == "UA"
    text = "Story follows.\n\nFLOOD WATERS RISE IN KANKAKEE COUNTY AND KANKAKEE, ILLINOIS\n\nThe council met on Monday."
    rows = _rows(nlp, gaz, text)
    assert _one(rows, "KANKAKEE")["admin1"] == "Illinois" and _one(rows, "ILLINOIS")["kind"] == "admin1"


def test_a_capitalised_common_noun_after_the_naming_only_small_towns_is_not_a_place(nlp, gaz):
    rows = _rows(nlp, gaz, "The minister said the republic hopes to join the Union next year.")
    assert "Union" not in _mentions(rows)


def test_a_town_after_the_as_a_modifier_or_in_a_list_stays_a_place(nlp, gaz):
    rows = _rows(nlp, gaz, "The mayor of Kankakee said the Kankakee-based firm would hire staff.")
    assert len(rows[rows["mention"] == "Kankakee"]) == 2
    rows = _rows(nlp, gaz, "Farmers drove from the Kankakee and Iroquois counties to the fair.")
    assert "Kankakee" in _mentions(rows)
