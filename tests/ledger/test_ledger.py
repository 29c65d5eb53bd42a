"""claims_ledger, claim_links, topics and metadata inference on the seed pair and hand-made frames."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pandas as pd
import pytest
from spacy.tokens import Span

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
def seed_ledger(seed_stage, seed_docs, seed_metadata, seed_articles):
    import helpers.ledger as stage

    return stage.run(seed_stage["claims"], seed_stage["entities"], seed_articles, None,
                     seed_metadata, seed_docs)["claims_ledger"]


@pytest.fixture(scope="module")
def seed_dates(seed_articles, seed_stage, seed_docs, seed_metadata):
    from helpers.time.stage import run as time_run

    return time_run(seed_docs, seed_articles, seed_stage["sentences"], seed_stage["entities"], None, seed_metadata)["dates"]


@pytest.fixture(scope="module")
def seed_result(seed_stage, seed_docs, seed_metadata, seed_articles, seed_dates):
    import helpers.ledger as stage

    return stage.run(seed_stage["claims"], seed_stage["entities"], seed_articles, seed_dates, seed_metadata, seed_docs)


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
    troops = seed_ledger[seed_ledger.value.isin([3000, 11000, 12000]) & (seed_ledger.category == "personnel")]
    assert set(troops.value) == {3000, 11000, 12000}
    assert set(troops.topic) == {"north korea | soldier | personnel | total | deployed"}
    assert troops.article_id.nunique() == 2
    # issue 11: "the first batch of 1,500" is a part, not a rival total (named change)
    batch = seed_ledger[seed_ledger.value == 1500]
    assert set(batch.topic) == {"north korea | soldier | personnel | part | deployed"} and set(batch.figure_kind) == {"part"}


def test_tank_losses_share_one_topic_and_rates_stay_apart(seed_ledger):
    tanks = seed_ledger[seed_ledger.value.isin([9000, 3500])]
    assert set(tanks.topic) == {"russia | tank | equipment | total | lost"}
    assert set(tanks.claimant) >= {"Oryx"}
    daily = set(seed_ledger.loc[seed_ledger.value == 1300, "topic"])
    total = set(seed_ledger.loc[seed_ledger.value == 600000, "topic"])
    assert daily == {"russia | casualty per day | casualties | rate | lost"} and total == {"russia | casualty | casualties | total | lost"}


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
    written = sorted(p.name for p in result.write(stage.STAGES[0], tmp_path))
    assert written == ["claim_links.parquet", "claims_ledger.parquet", "reference_checks.parquet",
                       "stage_errors.parquet"]  # the declared tables, and the notebook's (empty) stage_errors rows


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


def test_unnamed_phrase_claimants_are_never_one_source_across_articles():
    claims = pd.DataFrame([_claim("a-c0", "a", 100, claimant="(officials)"), _claim("b-c0", "b", 100, claimant="(officials)"),
                           _claim("c-c0", "c", 100, claimant="(unattributed)"), _claim("d-c0", "d", 100, claimant="(unattributed)")])
    led = pd.DataFrame({"topic": "x | tank | equipment", **{k: claims[k] for k in
                        ("claim_id", "article_id", "value", "value_low", "value_high", "qualifier", "claimant", "sentence")}})
    got = {(r.claim_a, r.claim_b): r.agreement for r in ledger.claim_links(led).itertuples()}
    assert got[("a-c0", "b-c0")] == "different_claimant"
    assert got[("c-c0", "d-c0")] == "same"  # two unattributed figures stay comparable, as before


def test_a_vague_figure_is_compared_by_its_range():
    vague = dict(qualifier="vague")
    claims = pd.DataFrame([_claim("a-c0", "a", 20000, **vague), _claim("b-c0", "b", 35000),
                           _claim("c-c0", "c", 150000), _claim("d-c0", "d", 10000, qualifier="more_than"),
                           _claim("e-c0", "e", 10000, qualifier="up_to")])
    claims.loc[0, "value_high"] = 99000.0
    led = pd.DataFrame({"topic": "x | tank | equipment", **{k: claims[k] for k in
                        ("claim_id", "article_id", "value", "value_low", "value_high", "qualifier", "claimant", "sentence")}})
    got = {(r.claim_a, r.claim_b): r.agreement for r in ledger.claim_links(led).itertuples()}
    assert got[("a-c0", "b-c0")] == "different_qualifier"  # 35,000 lies in "tens of thousands"
    assert got[("a-c0", "c-c0")] == "different_value"
    assert got[("a-c0", "d-c0")] == "different_qualifier"  # "more than 10,000" is open above: it meets the range
    assert got[("a-c0", "e-c0")] == "different_value"      # "up to 10,000" does not


def test_sentence_date_wins_and_keeps_the_inferred_flag():
    claims = pd.DataFrame([_claim("a-c0", "a", 100, sentence_id=2, start=40)])
    meta = pd.DataFrame([dict(article_id="a", published=None, published_inferred=date(2024, 5, 10),
                              outlet=None, outlet_inferred="Source Daily", inferred_from="z")])
    dates = pd.DataFrame([dict(article_id="a", sentence_id=2, start_char=10, end_char=20, text="on Monday",
                               start=date(2024, 5, 6), end=date(2024, 5, 6), precision="day", timex="2024-05-06",
                               relative=True, anchor=date(2024, 5, 10), anchor_source="inferred",
                               reference="publication")])
    schemas.validate(dates, "dates")
    led = ledger.claims_ledger(claims, pd.Series({"a-c0": "x | tank | equipment"}), meta, dates)
    row = led.iloc[0]
    assert row.claimed_on == date(2024, 5, 10) and row.claimed_on_source == "inherited"
    assert row.refers_to_start == date(2024, 5, 6) and row.refers_to_precision == "day"
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


# ---- issue 11: the two dates, like with like, the reference check (constructed sentences) ----

from helpers.ledger import claimdates, reference  # noqa: E402


def _date_row(aid, sid, text, phrase, start, precision="day", nth=0):
    s = -1
    for _ in range(nth + 1):
        s = text.index(phrase, s + 1)
    return dict(article_id=aid, sentence_id=sid, start_char=s, end_char=s + len(phrase), text=phrase,
                start=start, end=start, precision=precision, timex=str(start), relative=True,
                anchor=date(2025, 3, 7), anchor_source="published", reference="publication")


def _dated(text, claim_sentence, dates, value="500"):
    start = text.index(value)
    c = _claim("a-c0", "a", float(value.replace(",", "")), sentence_id=claim_sentence, start=start)
    c.update(end_char=start + len(value), text=value)
    claims = pd.DataFrame([c])
    anchors = pd.DataFrame({"article_id": ["a"], "anchor": [date(2025, 3, 7)], "anchor_source": ["published"]}).set_index("article_id")
    return claimdates.claim_dates(claims, pd.DataFrame(dates), {"a": text}, anchors)["a-c0"]


def test_statement_date_in_the_same_sentence():
    text = "The ministry said on Tuesday that 500 drones were launched in March."
    d = _dated(text, 0, [_date_row("a", 0, text, "Tuesday", date(2025, 3, 4)),
                         _date_row("a", 0, text, "March", date(2025, 3, 1), "month")])
    assert (d.claimed_on, d.claimed_on_source) == (date(2025, 3, 4), "statement")
    assert (d.refers_to_start, d.refers_to_precision) == (date(2025, 3, 1), "month")


def test_statement_date_opening_the_introducing_sentence():
    text = "On Monday, the spokesman briefed reporters. He put the number of drones at 500."
    d = _dated(text, 1, [_date_row("a", 0, text, "Monday", date(2025, 3, 3))])
    assert (d.claimed_on, d.claimed_on_source) == (date(2025, 3, 3), "statement")
    assert d.refers_to_precision == "none"


def test_a_quoted_or_deadline_date_is_not_when_the_claim_was_made():
    text = "“They will be ready on Friday,” he said, adding that 500 drones would follow."
    d = _dated(text, 0, [_date_row("a", 0, text, "Friday", date(2025, 3, 14))])
    assert (d.claimed_on, d.claimed_on_source) == (date(2025, 3, 7), "article")
    assert d.refers_to_start == date(2025, 3, 14)


def test_no_date_at_all():
    text = "He put the number of drones at 500."
    d = _dated(text, 0, [])
    anchors = pd.DataFrame({"article_id": ["b"], "anchor": [None], "anchor_source": ["none"]}).set_index("article_id")
    assert (d.claimed_on_source, d.refers_to_precision) == ("article", "none")
    c = _claim("b-c0", "b", 5)
    none = claimdates.claim_dates(pd.DataFrame([c]), None, {"b": "x"}, anchors)["b-c0"]
    assert (none.claimed_on, none.claimed_on_source) == (None, "none")


def _kind(sentence, value, rate=None, category="personnel", unit="soldier", nlp=None, nth=0):
    """figure_kind of the ``nth`` occurrence of ``value`` in a constructed one-sentence article."""
    start = -1
    for _ in range(nth + 1):
        start = sentence.index(value, start + 1)
    row = {c: None for c in schemas.CLAIMS.column_names}
    row.update(sentence=sentence, text=value, rate=rate, category=category, unit=unit,
               start_char=start, end_char=start + len(value))
    return ledger.figure_kind(pd.Series(row), nlp(sentence) if nlp is not None else None)


def test_figure_kinds_batch_rate_share_total(nlp):
    assert _kind("The first batch of 400 soldiers arrived.", "400", nlp=nlp) == "part"
    assert _kind("It sent 900 soldiers, including 400 snipers.", "400", nlp=nlp) == "part"
    assert _kind("It sent 900 soldiers, including 400 snipers.", "900", nlp=nlp) == "total"  # has a part, is a total
    assert _kind("The army moved another 500 soldiers to the border.", "500", nlp=nlp) == "part"
    assert _kind("It has sent 900 soldiers so far.", "900", nlp=nlp) == "total"
    assert _kind("It loses 90 soldiers a day.", "90", rate="per day") == "rate"
    assert _kind("Some 40% of the voters agreed.", "40%", category="percent", unit="percent") == "share"
    # without the parse only the stated rate and the percentage are known
    assert _kind("The first batch of 400 soldiers arrived.", "400") == "total"


@pytest.mark.parametrize("sentence,value,nth,expected", [
    # the rate cue sits across a comma from the figure: the parse, not the distance, decides
    ("In the past day, the enemy lost 15 tanks and 9 artillery systems.", "15", 0, "rate"),
    ("In the past day, the enemy lost 15 tanks and 9 artillery systems.", "9", 0, "rate"),
    ("The enemy lost 15 tanks, 9 artillery systems and 1,000 soldiers in the past day.", "15", 0, "rate"),
    ("The enemy lost 40 drones, the ministry said, over the past 24 hours.", "40", 0, "rate"),
    ("Over the past day, the ministry said, the enemy lost 40 drones.", "40", 0, "rate"),
    ("The enemy loses 90 soldiers a day.", "90", 0, "rate"),
    # a rate beside a total in the same sentence: each figure keeps its own kind
    ("The enemy has lost 9,000 tanks since the invasion, including 15 in the past day.", "9,000", 0, "total"),
    ("The enemy has lost 9,000 tanks since the invasion, including 15 in the past day.", "15", 0, "rate"),
    ("The enemy lost 15 tanks in the last day, bringing the total to 9,000.", "9,000", 0, "total"),
    ("The enemy lost 15 tanks in the last day, bringing the total to 9,000.", "15", 0, "rate"),
    ("The ministry said on Monday that the enemy had lost 9,000 tanks.", "9,000", 0, "total"),
    ("The enemy lost 9,000 tanks, the ministry said, adding that 20 were destroyed in the past day.", "9,000", 0, "total"),
])
def test_rate_cues_by_clause_scope(nlp, sentence, value, nth, expected):
    assert _kind(sentence, value, category="equipment", unit="tank", nlp=nlp, nth=nth) == expected


def _topic_claims(nlp, specs):
    """One constructed one-sentence article per claim, with its parse as notebook 02 saves it."""
    rows, docs = [], []
    for i, (sent, value, unit, cat) in enumerate(specs):
        start = sent.index(value)
        r = _claim(f"a{i}-c0", f"a{i}", float(value.strip("$%").replace(",", "").split("-")[0]), start=start)
        r.update(sentence=sent, text=value, unit=unit, category=cat, end_char=start + len(value))
        rows.append(r)
        doc = nlp(sent)
        doc.user_data["article_id"] = f"a{i}"
        docs.append(doc)
    return pd.DataFrame(rows), docs


def _owned_by(monkeypatch, owner):
    monkeypatch.setattr(ledger, "claim_owners", lambda c, d, e=None: pd.Series([owner] * len(c), index=c.claim_id.tolist(), dtype="object"))


def test_topics_keep_batches_totals_and_percent_bases_apart_and_unknown_owners_alone(monkeypatch, nlp):
    claims, docs = _topic_claims(nlp, [
        ("The army sent 900 soldiers to the front.", "900", "soldier", "personnel"),
        ("The first batch of 400 soldiers was sent to the front.", "400", "soldier", "personnel"),
        ("Some 40% of the voters backed the plan.", "40%", "percent", "percent"),
        ("Some 30% of the wheat was lost.", "30%", "percent", "percent"),
        ("Prices rose 30% in a week.", "30%", "percent", "percent"),
    ])
    _owned_by(monkeypatch, "country a")
    t = ledger.topic_table(claims, docs)
    assert t.loc["a0-c0", "topic"] == "country a | soldier | personnel | total | deployed"
    assert t.loc["a1-c0", "topic"] == "country a | soldier | personnel | part | deployed"
    assert "share of voter" in t.loc["a2-c0", "topic"] and "share of wheat" in t.loc["a3-c0", "topic"]
    assert "sentence parse" in t.loc["a0-c0", "topic_reason"]
    # a percentage whose base the sentence does not state stays alone
    assert t.loc["a4-c0", "topic"].endswith("a4-c0") and "without a stated base" in t.loc["a4-c0", "topic_reason"]
    _owned_by(monkeypatch, None)
    alone = ledger.topic_table(claims.iloc[:1], docs)
    assert alone.loc["a0-c0", "topic"].endswith("a0-c0") and alone.loc["a0-c0", "topic_reason"].startswith("alone: no owner")


def test_different_counted_things_stay_apart(monkeypatch, nlp):
    claims, docs = _topic_claims(nlp, [
        ("The enemy lost 300 soldiers near the river.", "300", "soldier", "personnel"),
        ("About 200 soldiers were killed in the assault.", "200", "soldier", "personnel"),
        ("The academy trained 5,000 soldiers last year.", "5,000", "soldier", "personnel"),
        ("The enemy lost 50 artillery systems in the spring.", "50", "system", "equipment"),
        ("The enemy lost 20 air defence systems in the spring.", "20", "system", "equipment"),
        ("The enemy lost 40 individual tanks.", "40", "tank", "equipment"),
        ("The enemy lost 70 tanks.", "70", "tank", "equipment"),
        ("The band played for 300 soldiers.", "300", "soldier", "personnel"),
    ])
    _owned_by(monkeypatch, "country a")
    t = ledger.topic_table(claims, docs)["topic"]
    assert t["a0-c0"] == t["a1-c0"] == "country a | soldier | personnel | total | lost"  # lost and killed: one event
    assert t["a2-c0"] == "country a | soldier | personnel | total | deployed"  # trained soldiers are not losses
    assert t["a3-c0"] == "country a | artillery system | equipment | total | lost"
    assert t["a4-c0"] != t["a3-c0"] and "air defence system" in t["a4-c0"]  # the modifiers say which systems
    assert t["a5-c0"] == t["a6-c0"] == "country a | tank | equipment | total | lost"  # "individual" changes nothing
    assert t["a7-c0"].endswith("a7-c0")  # nothing says what happened to the 300: it stays alone


def test_different_owners_stay_apart_and_parts_link_to_totals():
    led = pd.DataFrame([
        dict(topic="a | soldier | personnel | total", claim_id="x-c0", article_id="x", value=900.0, value_low=900.0, value_high=900.0, qualifier="exact", claimant="P", sentence="s", figure_kind="total"),
        dict(topic="a | soldier | personnel | part", claim_id="y-c0", article_id="y", value=400.0, value_low=400.0, value_high=400.0, qualifier="exact", claimant="P", sentence="s", figure_kind="part"),
        dict(topic="b | soldier | personnel | total", claim_id="z-c0", article_id="z", value=900.0, value_low=900.0, value_high=900.0, qualifier="exact", claimant="P", sentence="s", figure_kind="total"),
    ])
    links = ledger.claim_links(led)
    assert list(zip(links.claim_a, links.claim_b, links.agreement)) == [("y-c0", "x-c0", "part_of")]


@pytest.mark.parametrize("qualifier,low,high,ref,expected", [
    ("at_least", 9000, 9000, 8988, "consistent"),     # within the 2 % tolerance below
    ("at_least", 9000, 9000, 12000, "consistent"),    # open above
    ("at_least", 9000, 9000, 8000, "higher"),
    ("more_than", 600000, 600000, 684000, "consistent"),
    ("about", 1000, 1000, 1040, "consistent"),
    ("about", 1000, 1000, 1200, "lower"),
    ("exact", 1000, 1000, 900, "higher"),
    ("up_to", 1000, 1000, 500, "consistent"),
    ("vague", 20000, 99000, 50000, "consistent"),  # "tens of thousands": by its range, not its conventional value
    ("vague", 20000, 99000, 150000, "lower"),
    ("vague", 200, 999, 150, "higher"),
])
def test_reference_verdicts_by_qualifier(qualifier, low, high, ref, expected):
    tol = claimdates.ledger_rules()["reference_tolerance_pct"][qualifier]
    assert reference.verdict(low, high, qualifier, ref, tol) == expected


def test_reference_series_is_the_shipped_general_staff_series():
    s = reference.series()
    assert s.index.min() == date(2022, 2, 24)
    assert int(s.loc[date(2024, 10, 15), "Танки"]) == 8988
    assert reference.source_of("Oryx")[0] == "oryx" and "lower bound" in reference.source_of("Oryx")[1]


def test_seed_dates_and_reference_checks(seed_result, seed_articles):
    led, checks = seed_result["claims_ledger"], seed_result["reference_checks"]
    schemas.validate(checks, "reference_checks")
    a000 = seed_id(seed_articles, "000")  # "On Wednesday, … John Kirby revealed … at least 3,000 …"
    kirby = led[(led.article_id == a000) & (led.value == 3000) & (led.claimant == "John Kirby")]
    assert set(kirby.claimed_on) == {date(2024, 10, 23)} and set(kirby.claimed_on_source) == {"statement"}
    assert set(kirby.refers_to_start) == {date(2024, 10, 1)} and set(kirby.refers_to_end) == {date(2024, 10, 31)}
    assert set(kirby.refers_to_precision) == {"month"}
    nis = led[(led.value == 12000)]  # in both articles: same sentence, and introducing sentence
    assert set(nis.claimed_on) == {date(2024, 10, 18)} and set(nis.claimed_on_source) == {"statement"} and len(nis) == 2
    budanov = led[(led.value == 11000)]  # his November 1 is a deadline, not when he spoke
    assert set(budanov.claimed_on) == {date(2024, 10, 24)} and set(budanov.claimed_on_source) == {"article", "inherited"}
    by_series = checks.set_index(["series", "value"])
    for series_, value in [("tanks", 9000), ("armoured vehicles", 18000), ("artillery systems", 19500)]:
        assert by_series.loc[(series_, value), "verdict"] == "consistent"
        assert by_series.loc[(series_, value), "source_kind"] == "ukrainian_official"
    # "throughout the past week … more than 600,000 for the entire war": a cumulative total, checked
    assert set(checks[checks.series == "personnel"].verdict) == {"consistent"}
    oryx = checks[(checks.claimant == "Oryx") & (checks.series == "tanks")].iloc[0]
    assert oryx.value == 3500 and oryx.source_kind == "oryx" and "lower bound" in oryx.source_note


def test_since_opens_a_period_and_a_last_day_figure_is_a_rate(nlp):
    text = "The ministry said on Tuesday that 500 drones were downed since January 1."
    d = _dated(text, 0, [_date_row("a", 0, text, "Tuesday", date(2025, 3, 4)),
                         _date_row("a", 0, text, "January 1", date(2025, 1, 1))])
    assert (d.refers_to_start, d.refers_to_end) == (date(2025, 1, 1), date(2025, 3, 4))
    assert _kind("In the last day the enemy lost 15 tanks.", "15", category="equipment", unit="tank", nlp=nlp) == "rate"


def test_two_values_of_one_topic_in_one_sentence_stay_alone_and_an_episode_is_not_a_total(monkeypatch, nlp):
    claims, docs = _topic_claims(nlp, [
        ("The enemy lost 300 soldiers near the river.", "300", "soldier", "personnel"),
        ("The enemy lost 40 soldiers in a single battle.", "40", "soldier", "personnel"),
    ])
    sentence = "The enemy lost 200 soldiers in the north and lost 90 soldiers in the south."
    two = []
    for value in ("200", "90"):
        start = sentence.index(value)
        r = _claim(f"z-c{value}", "z", float(value), start=start)
        r.update(sentence=sentence, text=value, unit="soldier", category="personnel", end_char=start + len(value))
        two.append(r)
    doc = nlp(sentence)
    doc.user_data["article_id"] = "z"
    claims = pd.concat([claims, pd.DataFrame(two)], ignore_index=True)
    _owned_by(monkeypatch, "country a")
    t = ledger.topic_table(claims, docs + [doc])
    assert t.loc["a0-c0", "topic"] == "country a | soldier | personnel | total | lost"
    assert t.loc["a1-c0", "topic"] == "country a | soldier | personnel | part | lost"  # one battle's count
    for cid in ("z-c200", "z-c90"):  # one sentence does not give two values of one quantity
        assert t.loc[cid, "topic"].endswith(cid) and "another figure of its sentence" in t.loc[cid, "topic_reason"]


# ---- issue 11, round 2: place, time and owner of the counted thing, packages vs running totals, shared
# objects, share stances and the wider event lexicon — each rule on constructed sentences ----

def _span(doc, value):
    start = doc.text.index(value)
    return start, start + len(value)


def _owner(nlp, sentence, value):
    doc = nlp(sentence)
    return topics.sentence_owner(doc, *_span(doc, value))


def test_owner_walk_stops_at_a_circumstance_and_at_the_other_sides_verb(nlp):
    assert _owner(nlp, "Poland massed 5,000 troops near the border.", "5,000") == "poland"
    # "with 5,000 troops massed …" is a circumstance of the clause: its subject does not own them (walk_stop)
    assert _owner(nlp, "Poland would not attack now, with 5,000 troops massed near the border.", "5,000") is None
    assert _owner(nlp, "Poland surrounded the city with 5,000 troops.", "5,000") == "poland"  # an instrument, not a circumstance
    # who kills the soldiers is the other side (opponent_subject); who loses them owns them
    assert _owner(nlp, "Poland killed 300 soldiers last week.", "300") is None
    assert _owner(nlp, "Poland lost 300 soldiers last week.", "300") == "poland"


def test_place_of_a_deployment(nlp):
    doc = nlp("The army sent 900 soldiers to Poland and Romania.")
    assert topics.event_place(doc, *_span(doc, "900")) == "poland+romania"
    doc = nlp("There are 400 soldiers in Romania.")
    assert topics.event_place(doc, *_span(doc, "400")) == "romania"
    doc = nlp("About 1,500 soldiers are stationed in the region.")
    assert topics.event_place(doc, *_span(doc, "1,500")) == "region"
    doc = nlp("The army sent 900 soldiers.")
    assert topics.event_place(doc, *_span(doc, "900")) is None
    assert topics.place_country("Vladivostok") == "russia"  # a major city stands for its country


def test_deployments_to_different_places_split_and_one_place_keeps_the_topic(monkeypatch, nlp):
    claims, docs = _topic_claims(nlp, [
        ("The army sent 900 soldiers to Poland.", "900", "soldier", "personnel"),
        ("There are 900 soldiers in Poland.", "900", "soldier", "personnel"),
        ("The army sent 700 soldiers to Romania.", "700", "soldier", "personnel"),
        ("The army sent 500 soldiers.", "500", "soldier", "personnel"),
    ])
    _owned_by(monkeypatch, "country a")
    t = ledger.topic_table(claims, docs)["topic"]
    assert t["a0-c0"] == t["a1-c0"] == "country a | soldier | personnel | total | deployed at poland"
    assert t["a2-c0"] == "country a | soldier | personnel | total | deployed at romania"
    assert t["a3-c0"] == "country a | soldier | personnel | total | deployed"  # no place stated: not forced into one
    one_place = ledger.topic_table(claims.iloc[[0, 3]], [docs[0], docs[3]])["topic"]
    assert set(one_place) == {"country a | soldier | personnel | total | deployed"}  # nothing to tell apart


def test_an_aid_package_is_not_a_running_total(monkeypatch, nlp):
    claims, docs = _topic_claims(nlp, [
        ("The country has provided $2,000 in aid since the war started.", "2,000", "usd", "money"),
        ("The country will provide a package worth $3,000.", "3,000", "usd", "money"),
        ("The country will provide $3,000 in weapons.", "3,000", "usd", "money"),
    ])
    _owned_by(monkeypatch, "country a")
    t = ledger.topic_table(claims, docs)
    assert t.loc["a0-c0", "topic"] == "country a | usd | money | cumulative total | supplied"
    assert t.loc["a2-c0", "topic"] == "country a | usd | money | package | supplied"
    assert t.loc["a0-c0", "figure_kind"] == "total"  # the table's kind stays total; the topic tells them apart
    on = claimdates.ClaimDates(date(2022, 9, 8), "article", None, None, "none")
    assert ledger._period_topic(t.loc["a2-c0", "topic"], "total", on) == "country a | usd | money | package of 2022-09 | supplied"


def test_a_deployment_dated_in_another_year_gets_that_year():
    d = claimdates.ClaimDates(date(2023, 3, 20), "article", date(2003, 1, 1), date(2003, 12, 31), "year")
    assert ledger._period_topic("country a | soldier | personnel | total | deployed at iraq", "total", d) == \
        "country a | soldier | personnel | total | deployed at iraq in 2003"
    same_year = claimdates.ClaimDates(date(2023, 3, 20), "article", date(2023, 1, 1), date(2023, 12, 31), "year")
    assert ledger._period_topic("country a | soldier | personnel | total | deployed", "total", same_year).endswith("| deployed")
    assert ledger._period_topic("country a | tank | equipment | total | lost", "total", d).endswith("| lost")


def test_coordinated_verbs_sharing_the_object_count_all_their_events(nlp):
    doc = nlp("The defenders killed, wounded or captured 5,000 soldiers.")
    assert topics.counted_event(doc, *_span(doc, "5,000")) == "captured/lost/wounded"
    doc = nlp("Five soldiers were killed and 18 soldiers were wounded.")
    assert topics.counted_event(doc, *_span(doc, "18")) == "wounded"


@pytest.mark.parametrize("sentence, value, expected", [
    ("About 70% of the voters consider themselves happy.", "70%", "consider happy"),
    ("Some 15% of the voters do not consider themselves happy.", "15%", "not consider happy"),
    ("Some 64% of the voters support the plan, as do 60% of the farmers.", "64%", "support plan"),
    ("Some 64% of the voters support the plan, as do 60% of the farmers.", "60%", None),
    ("The ministry said 40% of the voters.", "40%", None),
])
def test_share_stance(nlp, sentence, value, expected):
    doc = nlp(sentence)
    assert topics.share_stance(doc, *_span(doc, value)) == expected


@pytest.mark.parametrize("sentence, value, event", [
    ("The police detained 40 protesters.", "40", "captured"),
    ("The minister put 8,500 troops on standby.", "8,500", "readied"),
    ("The 8,500 troops that the minister put on standby are not being deployed.", "8,500", "readied"),
    ("The government approved a package of 200 vehicles.", "200", "supplied"),
    ("More than 6,000 evacuees reached the city.", "6,000", "displaced"),
    ("The council voted to sanction 65 individuals.", "65", "sanctioned"),
])
def test_new_event_families(nlp, sentence, value, event):
    doc = nlp(sentence)
    assert topics.counted_event(doc, *_span(doc, value)) == event


def test_reference_check_only_for_the_series_event():
    row = SimpleNamespace(topic="russia | soldier | casualties | total | captured/lost/wounded", figure_kind="total",
                          unit="soldier", category="casualties", sentence="They killed, wounded or captured 5,000 soldiers.")
    assert reference.series_of(row) is None  # the series counts losses, not captives with them
    row.topic = "russia | soldier | casualties | total | lost"
    assert reference.series_of(row)["label"] == "personnel"

# ---- issue 11, round 3: one quantity written in different words joins one topic (demonyms the tagger missed,
# spelling variants and multi-word names of one thing, phrasal and hyphenated event words, the kind of aid, the
# period of a rate) — each rule with cases that must group and cases that must stay apart ----

# ---- rule owner_demonym ----

def _tagged(nlp, sentence, word, label):
    """The parse of ``sentence`` with ``word`` tagged as a one-word entity of ``label`` (or untagged: None)."""
    doc = nlp(sentence)
    i = [t.text for t in doc].index(word)
    doc.ents = [Span(doc, i, i + 1, label=label)] if label else []
    return doc


def test_a_demonym_the_tagger_missed_is_still_the_owner(nlp):
    for label in ("PERSON", None):  # mislabelled as a person, or not tagged at all
        doc = _tagged(nlp, "More than 5,000 Romanian troops have gathered near the river.", "Romanian", label)
        assert topics.sentence_owner(doc, *_span(doc, "5,000")) == "romania"
        assert "romanian" not in topics.thing_modifiers(doc, *_span(doc, "5,000"))  # the owner is not the thing
    doc = _tagged(nlp, "Romania lost 300 tanks.", "Romania", None)
    assert topics.sentence_owner(doc, *_span(doc, "300")) == "romania"


def test_words_that_only_look_like_countries_are_no_owner(nlp):
    doc = _tagged(nlp, "The ship MV Star carried 23,000 tonnes of grain.", "MV", None)  # a ship's prefix, not a code
    assert topics.sentence_owner(doc, *_span(doc, "23,000")) is None
    doc = _tagged(nlp, "Jordan said 40 soldiers were wounded.", "Jordan", "PERSON")  # a person, not the country
    assert topics.demonym_owner(doc[0]) is None
    doc = _tagged(nlp, "Victoria counted 300 ballots.", "Victoria", None)  # an untagged capital's name: not a country
    assert topics.demonym_owner(doc[0]) is None


# ---- rule demonym_people and rule thing_synonyms ----

def test_a_demonym_counts_people_and_names_keep_their_own_unit():
    assert topics.unit_key("romanian") == "person"
    assert topics.unit_key("romania") == "romania"  # the country's own name is no demonym
    assert topics.unit_key("civilian") == "civilian" and topics.unit_key("troop") == "soldier"


@pytest.mark.parametrize("thing, key", [
    ("armored personnel carrier", "armoured vehicle"),
    ("armoured vehicle", "armoured vehicle"),
    ("service member", "soldier"),
    ("main battle tank", "tank"),
    ("air defense system", "air defence system"),
    ("combat soldier", "combat soldier"),  # a modifier that says which soldiers stays
    ("leopard tank", "leopard tank"),
    ("artillery system", "artillery system"),
])
def test_thing_synonyms(thing, key):
    assert topics.thing_key(thing) == key


def test_one_thing_in_other_words_joins_one_topic(monkeypatch, nlp):
    claims, docs = _topic_claims(nlp, [
        ("The enemy lost 300 armored vehicles.", "300", "vehicle", "equipment"),
        ("The enemy lost 250 armoured vehicles.", "250", "vehicle", "equipment"),
        ("The enemy lost between 200-300 armored vehicles.", "200-300", "vehicle", "equipment"),
        ("The enemy lost 50 service members.", "50", "member", "casualties"),
        ("The enemy lost 60 soldiers.", "60", "soldier", "casualties"),
        ("The enemy lost 40 combat soldiers.", "40", "soldier", "casualties"),
        ("The enemy lost 300 tanks.", "300", "tank", "equipment"),
    ])
    claims.loc[2, ["value", "value_low", "value_high"]] = [200.0, 200.0, 300.0]
    _owned_by(monkeypatch, "country a")
    t = ledger.topic_table(claims, docs)["topic"]
    assert t["a0-c0"] == t["a1-c0"] == t["a2-c0"] == "country a | armoured vehicle | equipment | total | lost"
    assert t["a3-c0"] == t["a4-c0"] == "country a | soldier | casualties | total | lost"
    assert t["a5-c0"] == "country a | combat soldier | casualties | total | lost"  # which soldiers: apart
    assert t["a6-c0"] == "country a | tank | equipment | total | lost"


# ---- rules phrasal_event, hyphen_event, ing_event, conjunct_clause, event_in ----

@pytest.mark.parametrize("sentence, value, event", [
    ("The country has built up 5,000 troops near the border.", "5,000", "deployed"),
    ("The general described the build-up of 5,000 troops near the border.", "5,000", "deployed"),
    ("The worst plan was the positioning of 3,000 troops in the east.", "3,000", "deployed"),
    ("Satellite images show 5,000 troops, tanks and guns stationed near the border.", "5,000", "deployed"),
    ("The country announced $200 in humanitarian aid.", "$200", "supplied"),
    ("The country pledged $800 in aid.", "$800", "pledged"),  # the verb's event comes first
    ("The meeting of 30 leaders ended.", "30", None),  # an -ing noun whose verb names no event
    ("The army has 5,000 troops and wounded civilians.", "5,000", None),  # an adjective on a conjunct is its own
    ("The country announced $200 in new loans.", "$200", None),  # a kind that names no event
    # rule event_clause: the walk stops at the verb of an adverbial or relative clause
    ("Nine people were killed after two missiles hit a shopping centre.", "two", None),
    ("The offensive, in which the enemy lost 300 tanks, failed.", "300", "lost"),
])
def test_event_words_in_other_forms(nlp, sentence, value, event):
    doc = nlp(sentence)
    assert topics.counted_event(doc, *_span(doc, value)) == event


def test_the_kind_of_aid_says_which_money(monkeypatch, nlp):
    claims, docs = _topic_claims(nlp, [
        ("The country announced $200 in humanitarian aid.", "$200", "usd", "money"),
        ("The country announced $300 in humanitarian aid.", "$300", "usd", "money"),
        ("The country announced $400 in military aid.", "$400", "usd", "money"),
    ])
    _owned_by(monkeypatch, "country a")
    t = ledger.topic_table(claims, docs)["topic"]
    assert t["a0-c0"] == t["a1-c0"] == "country a | humanitarian usd | money | package | supplied"
    assert t["a2-c0"] == "country a | military usd | money | package | supplied"


# ---- rule rate_period and the month of a tranche of aid ----

def test_a_rate_takes_the_period_of_its_cue(monkeypatch, nlp):
    claims, docs = _topic_claims(nlp, [
        ("The enemy lost 800 soldiers in the past day.", "800", "soldier", "casualties"),
        ("The enemy loses 1,000 soldiers a day.", "1,000", "soldier", "casualties"),
        ("The enemy lost 50 soldiers per week.", "50", "soldier", "casualties"),
        ("The enemy lost 9,000 soldiers.", "9,000", "soldier", "casualties"),
    ])
    _owned_by(monkeypatch, "country a")
    t = ledger.topic_table(claims, docs)["topic"]
    assert t["a0-c0"] == t["a1-c0"] == "country a | soldier per day | casualties | rate | lost"
    assert t["a2-c0"] == "country a | soldier per week | casualties | rate | lost"  # another period: apart
    assert t["a3-c0"] == "country a | soldier | casualties | total | lost"


def test_a_tranche_of_aid_carries_its_month():
    d = claimdates.ClaimDates(date(2022, 9, 8), "article", None, None, "none")
    assert ledger._period_topic("country a | usd | money | part | supplied", "part", d) == \
        "country a | usd | money | part of 2022-09 | supplied"
    assert ledger._period_topic("country a | soldier | personnel | part | deployed", "part", d) == \
        "country a | soldier | personnel | part | deployed"  # a part of other things keeps its kind


def test_stage_run_with_cached_topics_equals_an_uncached_run_after_adding_an_article(
        seed_stage, seed_docs, seed_metadata, seed_articles, seed_dates, tmp_path, monkeypatch):
    """``helpers.ledger.run`` keeps each article's topic rows in the per-article cache: after adding an article, only
    that article's doc is built and its topics computed, and the three tables are byte-identical to an uncached
    run (cache off)."""
    import helpers.ledger as stage
    from helpers.core import tables
    from helpers.core.stage import LazyItem

    monkeypatch.setenv("WARCLAIMS_PARSE_CACHE", str(tmp_path / "cache"))
    built = []

    class Counting(LazyItem):  # a saved parse built on demand, as doccache.lazy_docs gives them
        __slots__ = ("user_data", "_doc")

        def __init__(self, doc):
            self.user_data, self._doc = dict(doc.user_data), doc

        def load(self):
            built.append(self.user_data["article_id"])
            return self._doc

    claims, entities = seed_stage["claims"], seed_stage["entities"]
    a000 = seed_id(seed_articles, "000")
    assert (claims.article_id == a000).any() and (claims.article_id != a000).any()

    def run(c):
        return stage.run(c, entities, seed_articles, seed_dates, seed_metadata, [Counting(d) for d in seed_docs])

    run(claims[claims.article_id != a000])
    built.clear()
    grown = run(claims)
    assert built == [a000]  # the other article's topics came from the cache, its doc never built
    monkeypatch.setenv("WARCLAIMS_PARSE_CACHE", "off")  # the reference: every article computed
    want = stage.run(claims, entities, seed_articles, seed_dates, seed_metadata, seed_docs)
    monkeypatch.setenv("WARCLAIMS_PARSE_CACHE", str(tmp_path / "cache"))
    for name in stage.STAGES[0].writes:
        got = tables.write_table(grown[name], name, tmp_path / "got").read_bytes()
        assert got == tables.write_table(want[name], name, tmp_path / "want").read_bytes(), name
    built.clear()
    run(claims)
    assert built == []  # nothing changed: every article's topics from the cache


# ---- round 4: the place is not the owner, a presence is its pivot's, a package is not a running total ----

def test_a_town_is_where_things_are_counted_not_their_owner(nlp):
    doc = nlp("About 300 people from Irpin were evacuated to Lviv.")
    assert topics.sentence_owner(doc, *_span(doc, "300")) is None  # a town is a place, not whose the people are
    assert topics.event_place(doc, *_span(doc, "300"), "displaced") == "irpin+lviv"  # rules origin_place, local_place
    assert topics.event_place(doc, *_span(doc, "300"), "deployed") == "ukraine"  # "from" places only a displacement
    assert _owner(nlp, "About 300 soldiers from Poland were sent to the front.", "300") == "poland"  # a country is
    assert _owner(nlp, "About 300 soldiers from Warsaw were sent to the front.", "300") == "poland"  # its capital too


def test_evacuations_from_two_towns_stay_apart_and_one_town_keeps_one_topic(monkeypatch, nlp):
    claims, docs = _topic_claims(nlp, [
        ("Rescuers evacuated 300 people from Irpin.", "300", "person", "other"),
        ("Rescuers evacuated 500 people from Bucha.", "500", "person", "other"),
        ("Volunteers evacuated 300 people from Irpin.", "300", "person", "other"),
    ])
    _owned_by(monkeypatch, "country a")
    t = ledger.topic_table(claims, docs)["topic"]
    assert t["a0-c0"] == t["a2-c0"] != t["a1-c0"]
    assert t["a0-c0"].endswith("displaced at irpin") and t["a1-c0"].endswith("displaced at bucha")


def test_a_presence_is_that_of_the_copulas_subject_or_pivot(nlp):
    for sentence, value, event in [
        ("There were 40 soldiers in the village.", "40", "deployed"),  # the pivot of "there were"
        ("A total of 500 soldiers were on standby.", "500", "readied"),  # through a partitive "of"
        ("There has been a debate about the 40 soldiers serving abroad.", "40", None),  # the debate is, not they
        ("The real question is whether the 500 soldiers are on standby.", "500", "readied"),
        ("Some 500 soldiers were in training.", "500", "deployed"),
    ]:
        doc = nlp(sentence)
        assert topics.counted_event(doc, *_span(doc, value)) == event, sentence


@pytest.mark.parametrize("sentence,value,kind", [
    ("The country has provided $2,000 in aid since the war began.", "2,000", "cumulative total"),
    ("The country sent aid worth $700 in total.", "$700", "cumulative total"),
    ("The country approved $350 in aid last week.", "$350", "package"),  # one act in the simple past
    ("A further $500 was approved by the parliament.", "$500", "package"),  # the auxiliary carries the tense
    ("The country will provide $3,000 in weapons.", "3,000", "package"),
    ("The country agreed to send $500 in aid.", "$500", "package"),  # the infinitive takes its head's tense
    ("The country announced $200 in humanitarian aid.", "$200", "package"),  # a report that is the act itself
    ("The latest $400 tranche includes rockets.", "$400", "package"),  # a one-off cue
    ("The country is providing $2,000 in aid.", "$2,000", "unstated"),  # running total or package: not said
    ("The minister said the country provides $700 in aid.", "$700", "unstated"),
])
def test_the_kind_of_an_aid_total(nlp, sentence, value, kind):
    doc = nlp(sentence)
    assert topics.aid_kind(doc, *_span(doc, value)) == kind


def test_a_running_total_of_unstated_kind_is_not_a_package(monkeypatch, nlp):
    claims, docs = _topic_claims(nlp, [
        ("The country is providing $2,000 in aid.", "$2,000", "usd", "money"),
        ("The country delivered $350 in aid.", "$350", "usd", "money"),
        ("The country is giving $2,000 in aid.", "$2,000", "usd", "money"),
    ])
    _owned_by(monkeypatch, "country a")
    t = ledger.topic_table(claims, docs)["topic"]
    assert t["a0-c0"] == t["a2-c0"] == "country a | usd | money | unstated | supplied"
    assert t["a1-c0"] == "country a | usd | money | package | supplied"
    on = claimdates.ClaimDates(date(2022, 3, 8), "article", None, None, "none")
    assert ledger._period_topic(t["a0-c0"], "total", on) == "country a | usd | money | unstated of 2022-03 | supplied"


def test_a_name_coordinated_with_towns_is_a_place_too(nlp):
    doc = nlp("About 300 people from Irpin, Bucha and Zorvanka were evacuated.")
    doc.ents = [Span(doc, i, i + 1, label="GPE") for i, t in enumerate(doc) if t.text in ("Irpin", "Bucha", "Zorvanka")]
    assert topics.sentence_owner(doc, *_span(doc, "300")) is None  # "Zorvanka" (unknown) stands with two towns
    doc = nlp("About 300 soldiers from Zorvanka were sent.")
    doc.ents = [Span(doc, 4, 5, label="GPE")]
    assert topics.sentence_owner(doc, *_span(doc, "300")) == "zorvanka"  # an unknown name alone stays an owner


def test_place_phrases_read_as_written(nlp):
    doc = nlp("Dozens of buildings damaged in the Russian city of Belgorod were counted.")
    assert topics.sentence_owner(doc, *_span(doc, "Dozens")) == "russia"  # a town deep in the phrase is no place phrase
    doc = nlp("In total, 900 people were evacuated from Poland.")
    assert topics.event_place(doc, *_span(doc, "900"), "displaced") == "poland"  # "in total" is no place
    doc = nlp("About 200 people were evacuated from the Zorva steelworks.")
    assert topics.event_place(doc, *_span(doc, "200"), "displaced") == "zorva"  # its name, not "steelwork"
    doc = nlp("The country will send 40 tanks and provide $300 in aid.")
    assert topics.aid_kind(doc, *_span(doc, "$300")) == "package"  # the auxiliary of the coordinated verbs


def test_a_conditional_figure_is_not_an_estimate_of_what_is(monkeypatch, nlp):
    claims, docs = _topic_claims(nlp, [
        ("The country has massed 900 soldiers near the border.", "900", "soldier", "personnel"),
        ("If the country is attacked, there will be 5,000 soldiers here.", "5,000", "soldier", "personnel"),
        ("Unless talks resume, the country will deploy 2,000 soldiers.", "2,000", "soldier", "personnel"),
        ("The country deployed 700 soldiers after the talks failed.", "700", "soldier", "personnel"),
    ])
    _owned_by(monkeypatch, "country a")
    t = ledger.topic_table(claims, docs)["topic"]
    assert t["a0-c0"] == t["a3-c0"] == "country a | soldier | personnel | total | deployed"  # "after" is no condition
    assert t["a1-c0"] == t["a2-c0"] == "country a | soldier | personnel | conditional total | deployed"
    doc = nlp("If 3,000 soldiers cross the border, the alliance will respond.")
    assert topics.is_conditional(doc, *_span(doc, "3,000"))  # the figure inside the condition itself
    since = claimdates.ClaimDates(date(2022, 9, 8), "article", date(2022, 1, 1), date(2022, 9, 8), "day", True)
    assert ledger._period_topic("country a | soldier | personnel | conditional total | lost", "total", since) == \
        "country a | soldier | personnel | conditional count since 2022-01-01 | lost"
    assert ledger._period_topic("country a | usd | money | conditional package | supplied", "total",
                                claimdates.ClaimDates(date(2022, 9, 8), "article", None, None, "none")) == \
        "country a | usd | money | conditional package of 2022-09 | supplied"


def test_place_in_a_clause_on_the_counted_noun_and_of_the_host(nlp):
    doc = nlp("Aid groups are helping 2,000 refugees who have found shelter in Poland.")
    assert topics.event_place(doc, *_span(doc, "2,000"), "displaced") == "poland"  # clause_place
    doc = nlp("Germany has taken in 3,000 refugees.")
    assert topics.event_place(doc, *_span(doc, "3,000"), "displaced") == "germany"  # host_place
    assert topics.sentence_owner(doc, *_span(doc, "3,000")) is None  # the host is where, not whose
    assert _owner(nlp, "Poland has received 300 tanks.", "300") == "poland"  # things received are the host's own
    doc = nlp("Some 800 people fled from the war.")
    assert topics.event_place(doc, *_span(doc, "800"), "displaced") is None  # "from the war" names no place


def test_displacements_in_different_places_split(monkeypatch, nlp):
    claims, docs = _topic_claims(nlp, [
        ("Aid groups are helping 2,000 refugees who have found shelter in Poland.", "2,000", "refugee", "other"),
        ("Germany will accept 2,500 refugees.", "2,500", "refugee", "other"),
    ])
    _owned_by(monkeypatch, "country a")
    t = ledger.topic_table(claims, docs)["topic"]
    assert t["a0-c0"] == "country a | refugee | other | total | displaced at poland"
    assert t["a1-c0"] == "country a | refugee | other | total | displaced at germany"


def test_losses_in_named_places_split_and_an_unnamed_place_stays(monkeypatch, nlp):
    claims, docs = _topic_claims(nlp, [
        ("Officials say 300 people have been killed in Kharkiv.", "300", "person", "casualties"),
        ("Officials say 9,000 people have been killed in Mariupol.", "9,000", "person", "casualties"),
        ("Officials say 5,000 people have been killed in the city.", "5,000", "person", "casualties"),
        ("The army lost 700 soldiers in the fighting.", "700", "soldier", "personnel"),
        ("The army lost 900 soldiers in Ukraine.", "900", "soldier", "personnel"),
    ])
    _owned_by(monkeypatch, "country a")
    t = ledger.topic_table(claims, docs)["topic"]
    assert t["a0-c0"] == "country a | person | casualties | total | lost at kharkiv"
    assert t["a1-c0"] == "country a | person | casualties | total | lost at mariupol"
    assert t["a2-c0"] == "country a | person | casualties | total | lost"  # "the city" names no place: not split off
    assert t["a3-c0"] == t["a4-c0"] == "country a | soldier | personnel | total | lost"  # one named place only
    two = ledger.topic_table(claims.iloc[[1, 2]], [docs[1], docs[2]])["topic"]
    assert two["a1-c0"] == two["a2-c0"]  # the count for "the city" and one for the named city stay comparable


def test_captives_are_not_owned_by_who_reports_them_and_money_sent_is_supplied(monkeypatch, nlp):
    assert _owner(nlp, "Kyiv said 20 captured invaders were exchanged for five soldiers.", "20") is None
    assert _owner(nlp, "Poland evacuated 20 wounded soldiers.", "20") == "poland"  # wounding is no capture
    claims, docs = _topic_claims(nlp, [
        ("The government will send an extra £25 to the army.", "25", "gbp", "money"),
        ("The government will send 300 soldiers to the border.", "300", "soldier", "personnel"),
    ])
    _owned_by(monkeypatch, "country a")
    t = ledger.topic_table(claims, docs)["topic"]
    assert t["a0-c0"].endswith("| supplied") and t["a1-c0"].endswith("| deployed")


def test_a_place_inside_the_counted_phrase_is_no_owner(nlp):
    sentence = "The Polish president announced the stationing of two squadrons of fighters in Germany."
    assert _owner(nlp, sentence, "two") == "poland"  # stationed in Germany, not Germany's
    assert _owner(nlp, "Officials counted two squadrons of German fighters.", "two") == "germany"
