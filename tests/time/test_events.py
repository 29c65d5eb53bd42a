"""Events: seed 002 sentences typed and dated, places and actors attached, rules on constructed sentences."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dates_events_seeds import SEED_002, seed_stage
from helpers.core import schemas
from helpers.time.events import build_events_table, find_triggers

D = date.fromisoformat


def _places_frame(seed, aid: str, mention: str, lat: float, lon: float) -> pd.DataFrame:
    """A hand-made places table with one resolved mention (the places stage is another notebook's)."""
    text = seed.articles.set_index("article_id").loc[aid, "text"]
    start = text.index(mention)
    sents = seed.sentences[seed.sentences["article_id"] == aid]
    sid = int(sents[(sents["start_char"] <= start) & (sents["end_char"] > start)]["sentence_id"].item())
    row = {"article_id": aid, "sentence_id": sid, "start_char": start, "end_char": start + len(mention),
           "mention": mention, "name": mention, "kind": "city", "country_code": "RU", "admin1": None,
           "latitude": lat, "longitude": lon, "geonameid": None, "population": None,
           "method": "test", "confidence": 1.0, "role": "toponym"}
    frame = pd.DataFrame([row], columns=schemas.PLACES.column_names)
    schemas.validate(frame, "places")
    return frame


@pytest.fixture(scope="module")
def seed_events():
    seed = seed_stage()
    aid = seed.article_id(SEED_002)
    places = _places_frame(seed, aid, "Bryansk", 53.25, 34.37)
    events, errors = build_events_table(seed.docs.values(), seed.dates, seed.sentences, seed.entities, places)
    assert not errors, errors
    return seed, events[events["article_id"] == aid], events


def _event(events: pd.DataFrame, fragment: str) -> pd.Series:
    rows = events[events["text"].str.contains(fragment, regex=False)]
    assert len(rows) == 1, f"{fragment!r}: {len(rows)} rows"
    return rows.iloc[0]


@pytest.mark.parametrize("fragment,type_,start,end", [
    ("On Friday night, Ukraine struck", "strike", "2024-10-18", "2024-10-18"),
    ("On October 9 and 10 Ukraine struck", "strike", "2024-10-09", "2024-10-10"),
    ("which Russian forces seized in February", "ground_assault", "2024-02-01", "2024-02-29"),
    ("he announced a $400m package", "aid", None, None),
    ("Russia had lost at least 9,000 tanks", "casualties", "2024-10-11", "2024-10-20"),
    ("hosting 36 world leaders", "diplomacy", "2024-10-22", "2024-10-23"),
    ("These soldiers then travelled onward", "deployment", "2024-10-23", "2024-10-23"),
    ("between October 8 and 13", "deployment", "2024-10-08", "2024-10-13"),
    ("“Overall, this rate is rather good,” Medvedev said.", "statement", None, None),
])
def test_seed_event_types_and_dates(seed_events, fragment, type_, start, end):
    e = _event(seed_events[1], fragment)
    assert e["type"] == type_
    assert e["date_start"] == (D(start) if start else None)
    assert e["date_end"] == (D(end) if end else None)


def test_statement_is_dated_by_its_own_verb(seed_events):
    """"Muzychuk said … before the onset of winter": winter is inside what was said, not when it was said."""
    e = _event(seed_events[1], "Ruslan Muzychuk said")
    assert e["type"] == "statement" and e["date_start"] is None
    quoted = _event(seed_events[1], "Last week, Russian Security Council")
    assert quoted["type"] == "statement" and quoted["date_start"] == D("2024-10-14")


def test_seed_places_and_actors(seed_events):
    e = _event(seed_events[1], "On Friday night, Ukraine struck")
    assert list(e["places"]) == ["Bryansk"]
    assert list(e["latitudes"]) == [53.25] and list(e["longitudes"]) == [34.37]
    assert "Ukraine" in list(e["actors"])  # a country that is the subject of the trigger verb
    assert e["date_text"] == "Friday night" and e["precision"] == "day"
    austin = _event(seed_events[1], "he announced a $400m package")
    assert "Lloyd Austin" in list(austin["actors"])


def test_seed_contract_and_provenance(seed_events):
    seed, _, events = seed_events
    schemas.validate(events, "events")
    sents = seed.sentences.set_index(["article_id", "sentence_id"])
    for _, e in events.iterrows():
        s = sents.loc[(e["article_id"], e["sentence_id"])]
        assert (e["start_char"], e["end_char"], e["text"]) == (s["start_char"], s["end_char"], s["text"])
    assert events.duplicated(["article_id", "sentence_id"]).sum() == 0
    # a sentence with nothing happening is not an event
    assert not events["text"].str.startswith("Russia has also been losing").sum() == 0  # it is one (losses)
    assert events["type"].isin(schemas.EVENT_TYPES).all()


def test_empty_places_frame_is_accepted(seed_events):
    seed = seed_events[0]
    events, errors = build_events_table(seed.docs.values(), seed.dates, seed.sentences, seed.entities,
                                        schemas.PLACES.empty())
    assert not errors
    assert len(events) == len(seed_events[2])
    assert events["places"].map(len).sum() == 0
    schemas.validate(events, "events")


@pytest.mark.parametrize("sentence,type_", [
    ("Three civilians were killed when missiles hit the city.", "casualties"),
    ("The army sent 40 tanks and ammunition to the front.", "aid"),
    ("The army sent two brigades to the border.", "deployment"),
    ("The foreign ministers met in Geneva.", "diplomacy"),
    ("Drones attacked an oil depot overnight, the governor said.", "strike"),
    ("The troops captured the village after heavy fighting.", "ground_assault"),
    ("The spokesman said the situation was calm.", "statement"),
    ("The recruits signed up in large numbers.", "deployment"),
    ("There was no invasion of the north, the spokesman said.", "statement"),  # the negated noun does not decide
    ("The invasion of the north began at dawn.", "ground_assault"),
])
def test_trigger_rules(nlp, sentence, type_):
    triggers = find_triggers(nlp(sentence)[:])
    assert triggers and triggers[0].type == type_, [(t.type, t.token.text) for t in triggers]


@pytest.mark.parametrize("sentence", [
    "The army could deploy two brigades.",
    "Russia did not strike the city.",
    "There was no invasion of the northern region.",
])
def test_negated_or_hypothetical_verbs_are_not_triggers(nlp, sentence):
    assert find_triggers(nlp(sentence)[:]) == []


def test_no_event_in_a_static_sentence(nlp):
    doc = nlp("The weather was cold.")
    doc.user_data["article_id"] = "x"
    events, errors = build_events_table([doc], schemas.DATES.empty())
    assert errors == [] and len(events) == 0


def test_other_type_needs_a_date(nlp):
    doc = nlp("The parliament reopened on Monday. The parliament reopened.")
    doc.user_data["article_id"] = "x"
    from helpers.time.table import build_dates_table
    dates, _ = build_dates_table([doc], {"x": (D("2024-10-24"), "published")})
    events, errors = build_events_table([doc], dates)
    assert errors == []
    assert list(events["type"]) == ["other"] and events["date_start"].iloc[0] == D("2024-10-21")


def test_bad_frames_give_clear_errors(nlp):
    with pytest.raises(ValueError, match="places frame lacks columns"):
        build_events_table([], schemas.DATES.empty(), places=pd.DataFrame({"name": ["Kyiv"]}))


def test_event_type_counts_and_chart(seed_events):
    from helpers.figures.events_chart import event_type_counts, plot_event_types

    counts = event_type_counts(seed_events[1])
    assert list(counts.index) == list(schemas.EVENT_TYPES)  # every type, zeros included
    assert counts.loc["strike", "events"] >= 5 and (counts["dated"] <= counts["events"]).all()
    assert counts["events"].sum() == len(seed_events[1])
    assert len(plot_event_types(counts).axes) == 1
    empty = event_type_counts(schemas.EVENTS.empty())
    assert empty["events"].sum() == 0 and len(empty) == len(schemas.EVENT_TYPES)
    assert plot_event_types(empty).axes[0].texts[0].get_text() == "no events"
