"""claims_ledger, claim_links, topics and metadata inference on the seed pair and hand-made frames."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from helpers.rewrites import inference, pairs
from helpers.ledger import build as ledger, topics
from helpers.core import schemas
from cross_article_seeds import seed_id


@pytest.fixture(scope="module")
def seed_metadata(seed_articles, seed_stage):
    p, _ = pairs.find_pairs(seed_articles, seed_stage["sentences"])
    return inference.infer_metadata(seed_articles, p)


@pytest.fixture(scope="module")
def seed_docs(seed_articles, nlp):
    """The article parses, as notebook 02 saves them in docs.spacy."""
    from helpers.text.stage import parse_articles

    return list(parse_articles(seed_articles))


@pytest.fixture(scope="module")
def seed_topics(seed_stage, seed_docs):
    return ledger.claim_topics(seed_stage["claims"], seed_docs, seed_stage["entities"])


@pytest.fixture(scope="module")
def seed_ledger(seed_stage, seed_topics, seed_metadata):
    return ledger.claims_ledger(seed_stage["claims"], seed_topics, seed_metadata)


def test_inferred_date_of_the_rewrite(seed_metadata, seed_articles):
    schemas.validate(seed_metadata, "article_metadata")
    m = seed_metadata.set_index("article_id")
    a000, a002 = seed_id(seed_articles, "000"), seed_id(seed_articles, "002")
    assert pd.isna(m.loc[a000, "published"]) and m.loc[a000, "published_inferred"] == date(2024, 10, 24)
    assert m.loc[a000, "inferred_from"] == a002
    assert m.loc[a000, "outlet"] == "Pindula News" and pd.isna(m.loc[a000, "outlet_inferred"])
    assert m.loc[a002, "published"] == date(2024, 10, 24) and pd.isna(m.loc[a002, "published_inferred"])
    anchors = inference.date_anchors(seed_metadata).set_index("article_id")
    assert anchors.loc[a000, "anchor_source"] == "inferred" and anchors.loc[a002, "anchor_source"] == "published"


def test_north_korean_troop_figures_share_one_topic(seed_ledger):
    troops = seed_ledger[seed_ledger.value.isin([3000, 11000, 12000, 1500]) & (seed_ledger.category == "personnel")]
    assert set(troops.value) == {3000, 11000, 12000, 1500}
    assert set(troops.topic) == {"north korea | soldier | personnel"}
    assert troops.article_id.nunique() == 2


def test_tank_losses_share_one_topic_and_rates_stay_apart(seed_ledger):
    tanks = seed_ledger[seed_ledger.value.isin([9000, 3500])]
    assert set(tanks.topic) == {"russia | tank | equipment"}
    assert set(tanks.claimant) >= {"Oryx"}
    daily = set(seed_ledger.loc[seed_ledger.value == 1300, "topic"])
    total = set(seed_ledger.loc[seed_ledger.value == 600000, "topic"])
    assert daily == {"russia | casualty per day | casualties"} and total == {"russia | casualty | casualties"}


def test_ledger_dates_and_outlets(seed_ledger, seed_articles):
    schemas.validate(seed_ledger, "claims_ledger")
    a000, a002 = seed_id(seed_articles, "000"), seed_id(seed_articles, "002")
    r000 = seed_ledger[seed_ledger.article_id == a000]
    r002 = seed_ledger[seed_ledger.article_id == a002]
    assert set(r000.claim_date) == {date(2024, 10, 24)} and r000.claim_date_inferred.all()
    assert set(r000.outlet) == {"Pindula News"} and set(r002.outlet) == {"Al Jazeera"}
    assert not r002.claim_date_inferred.any()


def test_stage_run_writes_what_the_spec_declares(seed_stage, seed_articles, seed_docs, seed_metadata, seed_ledger, tmp_path):
    import helpers.ledger as stage

    result = stage.run(seed_stage["claims"], seed_stage["entities"], seed_articles, None, seed_metadata, seed_docs)
    pd.testing.assert_frame_equal(result["claims_ledger"], seed_ledger)
    assert sorted(p.name for p in result.write(stage.STAGES[0], tmp_path)) == ["claim_links.parquet", "claims_ledger.parquet"]


def test_claim_columns_are_the_claims_contract():
    assert ledger.CLAIM_COLUMNS == schemas.CLAIMS.column_names


def test_claim_links_across_the_seed_pair(seed_ledger):
    links = ledger.claim_links(seed_ledger)
    schemas.validate(links, "claim_links")
    assert (links.article_a != links.article_b).all()
    by_id = seed_ledger.set_index("claim_id")
    same_3000 = links[links.claim_a.map(by_id.value).eq(3000) & links.claim_b.map(by_id.value).eq(3000)]
    assert set(same_3000.agreement) == {"same"} and (same_3000.similarity > 0.8).all()
    v = links.assign(va=links.claim_a.map(by_id.value), vb=links.claim_b.map(by_id.value))
    assert set(v[(v[["va", "vb"]].min(axis=1) == 11000) & (v[["va", "vb"]].max(axis=1) == 12000)].agreement) == {"different_value"}


def _claim(cid, aid, value, qualifier="exact", claimant="Someone", sentence_id=0, start=0):
    row = {c: None for c in schemas.CLAIMS.column_names}
    row.update(claim_id=cid, article_id=aid, sentence_id=sentence_id, start_char=start, end_char=start + 5,
               text=f"{value:,.0f}", value=float(value), value_low=float(value), value_high=float(value),
               qualifier=qualifier, unit="tank", category="equipment", subject="tanks",
               claimant=claimant, claimant_via="statement", sentence=f"They lost {value:,.0f} tanks.")
    return row


def test_agreement_levels_on_hand_made_claims():
    claims = pd.DataFrame([_claim("a-c0", "a", 100), _claim("b-c0", "b", 100),
                           _claim("c-c0", "c", 100, qualifier="at_least"), _claim("d-c0", "d", 100, claimant="Other"),
                           _claim("e-c0", "e", 250)])
    schemas.validate(claims, "claims")
    led = pd.DataFrame({"topic": "x | tank | equipment", **{k: claims[k] for k in
                        ("claim_id", "article_id", "value", "value_low", "value_high", "qualifier", "claimant", "sentence")}})
    got = {(r.claim_a, r.claim_b): r.agreement for r in ledger.claim_links(led).itertuples()}
    assert got[("a-c0", "b-c0")] == "same"
    assert got[("a-c0", "c-c0")] == "different_qualifier"
    assert got[("a-c0", "d-c0")] == "different_claimant"
    assert got[("a-c0", "e-c0")] == "different_value"
    assert len(got) == 10


def test_sentence_date_wins_and_keeps_the_inferred_flag():
    claims = pd.DataFrame([_claim("a-c0", "a", 100, sentence_id=2, start=40)])
    meta = pd.DataFrame([dict(article_id="a", published=None, published_inferred=date(2024, 5, 10),
                              outlet=None, outlet_inferred="Source Daily", inferred_from="z")])
    dates = pd.DataFrame([dict(article_id="a", sentence_id=2, start_char=10, end_char=20, text="on Monday",
                               start=date(2024, 5, 6), end=date(2024, 5, 6), precision="day", timex="2024-05-06",
                               relative=True, anchor=date(2024, 5, 10), anchor_source="inferred")])
    schemas.validate(dates, "dates")
    led = ledger.claims_ledger(claims, pd.Series({"a-c0": "x | tank | equipment"}), meta, dates)
    row = led.iloc[0]
    assert row.claim_date == date(2024, 5, 6) and bool(row.claim_date_inferred) and row.outlet == "Source Daily"
    led2 = ledger.claims_ledger(claims, pd.Series({"a-c0": "x | tank | equipment"}), meta, None)
    assert led2.iloc[0].claim_date == date(2024, 5, 10) and bool(led2.iloc[0].claim_date_inferred)


@pytest.mark.parametrize("name,country", [
    ("North Korean", "north korea"), ("Pyongyang", "north korea"), ("Russian", "russia"),
    ("Ukrainian", "ukraine"), ("US", "united states"), ("the United States", "united states"),
    ("us", None), ("Kursk", None), ("U.S.", "united states"), ("UK", "united kingdom"),
    ("Americans", "united states"), ("Chinese", "china"),
])
def test_country_names(name, country):
    assert topics.country_name(name) == country


def test_inference_follows_chains_and_never_overwrites_stated_values():
    arts = pd.DataFrame({"article_id": ["src", "mid", "end"], "published": [date(2024, 1, 1), None, date(2024, 2, 1)],
                         "outlet": ["Wire", None, None]})
    p = pd.DataFrame([dict(article_a="mid", article_b="src", containment_a_in_b=0.9, containment_b_in_a=0.4,
                           relation="rewrite", derived="mid"),
                      dict(article_a="end", article_b="mid", containment_a_in_b=0.8, containment_b_in_a=0.8,
                           relation="duplicate", derived="end")])
    m = inference.infer_metadata(arts, p).set_index("article_id")
    assert m.loc["mid", "published_inferred"] == date(2024, 1, 1) and m.loc["mid", "outlet_inferred"] == "Wire"
    assert m.loc["end", "published"] == date(2024, 2, 1) and pd.isna(m.loc["end", "published_inferred"])
    assert m.loc["end", "outlet_inferred"] == "Wire" and m.loc["end", "inferred_from"] == "src"
    assert pd.isna(m.loc["src", "inferred_from"])
