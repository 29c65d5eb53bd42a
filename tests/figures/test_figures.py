"""Figures: each figure's data preparation on seed-like tables, empty input, byte-stable files."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import figure_frames as ff
from helpers.figures import labels, ledger_chart, rewrite_view, style, timeline
from helpers.figures import map as place_map


# --- map -------------------------------------------------------------------------------------------

def test_map_points_count_mentions_and_colour_by_event_type():
    points = place_map.prepare_map_points(ff.places(), ff.events()).set_index("name")
    assert "Sumy-ish" not in points.index  # unresolved mention
    assert not {"Ukraine", "Russia"} & set(points.index)  # countries are shaded, not points
    assert points.loc["Vladivostok", "mentions"] == 3 and points.loc["Vladivostok", "articles"] == 2
    assert points.loc["Vladivostok", "event_type"] == "deployment"
    # Pokrovsk appears in two ground-assault events
    assert points.loc["Pokrovsk", "event_type"] == "ground_assault"
    assert points.loc["Kursk", "event_type"] == style.NO_EVENT
    assert list(points["mentions"]) == sorted(points["mentions"], reverse=True)


def test_places_get_the_event_type_of_their_sentence():
    places = ff.places()
    events = ff.events().assign(places=[[] for _ in range(len(ff.events()))])  # lists not filled in
    types = place_map.dominant_event_types(events, places)
    assert types["Vladivostok"] == "deployment" and types["Seoul"] == "statement" and "Kursk" not in types
    assert types == place_map.dominant_event_types(ff.events())


def test_dominant_event_type_breaks_ties_in_contract_order():
    events = ff.events().iloc[[0, 1]].copy()
    events["places"] = [["X"], ["X"]]
    events["type"] = ["strike", "deployment"]  # one each: deployment comes first in EVENT_TYPES
    assert place_map.dominant_event_types(events) == {"X": "deployment"}


def test_far_apart_places_go_to_insets():
    points = place_map.prepare_map_points(ff.places(), ff.events())
    panels = place_map.plan_panels(points, gap_km=1200)
    names = [set(points.iloc[list(p.rows)]["name"]) for p in panels]
    assert panels[0].role == "main"
    assert names[0] == {"Kyiv", "Kursk", "Pokrovsk", "Avdiivka", "Kurakhove"}
    assert {"Vladivostok", "Khabarovsk", "Pyongyang", "Seoul"} in names[1:]
    assert {"Washington"} in names[1:]
    lon0, lat0, lon1, lat1 = panels[0].bbox
    assert lon0 < 30.52 and lon1 > 37.74 and lat0 < 47.98 and lat1 > 51.73
    # one inset only: the group with fewer mentions is left out
    assert len(place_map.plan_panels(points, max_insets=1)) == 2


def test_labels_never_overlap_and_are_thinned_when_crowded():
    fig = style.new_figure("map")
    ax = fig.add_subplot()
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    xs = [5 + 0.05 * i for i in range(30)]
    ys = [5 + 0.03 * (i % 5) for i in range(30)]
    kept = labels.place_labels(ax, xs, ys, [f"Place number {i}" for i in range(30)], radii=[3] * 30)
    assert 0 < len(kept) < 30
    assert not labels.boxes_overlap(kept)
    assert kept[0].get_text() == "Place number 0"  # highest priority first


# --- timeline --------------------------------------------------------------------------------------

def test_timeline_rows_show_precision_and_drop_undated():
    rows = timeline.prepare_timeline(ff.events(), ff.articles())
    assert len(rows) == 6  # the Kyiv visit has no resolved date
    assert list(rows["start"]) == sorted(rows["start"])
    first = rows.iloc[0]
    assert first["precision"] == "month" and bool(first["is_span"]) and first["when"] == "2024-02"
    day = rows[rows["precision"] == "day"].iloc[0]
    assert not day["is_span"] and day["when"] == "2024-10-18" and day["source"] == "Al Jazeera"
    week = rows[rows["precision"] == "week"].iloc[0]
    assert week["when"] == "2024-10-08–2024-10-13"


def test_timeline_thinning_spreads_lanes_over_time():
    base = ff.events().iloc[[3]]
    many = pd.concat([base] * 100, ignore_index=True)
    many["date_start"] = [dt.date(2023, 1, 1) + dt.timedelta(days=i) for i in range(100)]
    many["date_end"] = many["date_start"]
    rows = timeline.prepare_timeline(many, max_rows=10, coverage=1.0)
    chosen = rows[rows["selected"]]
    assert len(chosen) == 10
    assert chosen["start"].min() == dt.date(2023, 1, 1) and chosen["start"].max() == dt.date(2023, 4, 10)
    weeks = timeline.weekly_counts(rows)
    assert weeks["n"].sum() == 100


def test_timeline_window_leaves_out_background_dates_and_prefers_fine_precision():
    base = ff.events().iloc[[3]]
    war = pd.concat([base] * 60, ignore_index=True)
    war["date_start"] = [dt.date(2022, 2, 1) + dt.timedelta(days=i) for i in range(60)]
    war["date_end"] = war["date_start"]
    history = pd.concat([base] * 3, ignore_index=True).assign(
        date_start=[dt.date(1850, 1, 1), dt.date(1970, 1, 1), dt.date(2014, 1, 1)], precision="year")
    history["date_end"] = [dt.date(1850, 12, 31), dt.date(1970, 12, 31), dt.date(2014, 12, 31)]
    years = pd.concat([base] * 5, ignore_index=True).assign(
        date_start=dt.date(2022, 1, 1), date_end=dt.date(2022, 12, 31), precision="year")
    rows = timeline.prepare_timeline(pd.concat([war, history, years], ignore_index=True), max_rows=20)
    assert not rows.loc[rows["start"].astype(str) < "2014-12-31", "in_window"].any()
    chosen = rows[rows["selected"]]
    assert len(chosen) == 20 and set(chosen["precision"]) == {"day"}
    assert timeline.core_window([dt.date(2020, 1, d) for d in (1, 2, 3)] + [dt.date(1900, 1, 1)], 0.75) == (
        dt.date(2020, 1, 1), dt.date(2020, 1, 3))


# --- ledger chart ----------------------------------------------------------------------------------

def test_ledger_rows_for_the_seed_topics():
    rows = ledger_chart.prepare_ledger(ff.claims_ledger())
    troops = rows[rows["topic_label"] == "north korean soldier"]
    # side by side by date: NIS 1,500 (Oct 13), NIS 12,000 (Oct 18), Kirby ≥ 3,000, Budanov 11,000
    assert list(troops["value"]) == [1500, 12000, 3000, 11000]
    assert list(troops["value_label"]) == ["1,500", "12,000", "≥ 3,000", "11,000"]
    assert troops.iloc[2]["claimant"] == "John Kirby"
    tanks = rows[rows["topic"].str.startswith("russian tank loss")]
    assert list(zip(tanks["claimant"], tanks["value_label"])) == [("Ukraine's defence ministry", "≥ 9,000"),
                                                                  ("Oryx", "3,500")]
    assert not rows["topic"].str.contains("armoured vehicle").any()  # a single claim is not charted
    casualties = rows[rows["topic"].str.startswith("russian casualty")]
    assert casualties["log_scale"].all() and not troops["log_scale"].any()
    assert set(casualties["value_label"]) == {"> 1,300", "> 600,000"}
    assert list(dict.fromkeys(rows["topic"]))[0] == troops["topic"].iloc[0]  # most-claimed topic first


def test_value_labels_and_log_scale_rule():
    assert ledger_chart.value_label(10, 10, 20, "range") == "10–20"
    assert ledger_chart.value_label(2.5, 2.5, 2.5, "about") == "≈ 2.5"
    assert ledger_chart.value_label(200e9, 200e9, 200e9, "more_than") == "> 200bn"
    assert ledger_chart.format_number(713e6) == "713m" and ledger_chart.format_number(1234567) == "1,234,567"
    assert ledger_chart.needs_log_scale([3, 300]) and not ledger_chart.needs_log_scale([3, 299])
    assert not ledger_chart.needs_log_scale([0, 5000])


# --- rewrite comparison ----------------------------------------------------------------------------

def test_rewrite_marks_the_originals_sentences_in_order():
    rows = rewrite_view.prepare_rewrite(ff.sentence_alignment(), ff.article_pairs())
    assert set(rows["original"]) == {ff.A2} and set(rows["copy"]) == {ff.A0}  # A0 is the derived copy
    assert list(rows["sentence_id"]) == [0, 1, 2, 3, 4, 5]
    assert list(rows["status"]) == ["changed", "dropped", "kept", "kept", "dropped", "changed"]
    summary = rewrite_view.rewrite_summary(rows, ff.sentence_alignment(), ff.article_pairs()).iloc[0]
    assert (summary["kept"], summary["changed"], summary["dropped"], summary["added"]) == (2, 2, 2, 1)


def test_rewrite_original_on_side_b_is_mirrored():
    pairs = ff.article_pairs().assign(derived=ff.A2)  # now A2 (article_a) is the copy
    rows = rewrite_view.prepare_rewrite(ff.sentence_alignment(), pairs)
    assert set(rows["original"]) == {ff.A0}
    assert list(rows["sentence_id"]) == [0, 1, 2, 3, 4]
    assert list(rows["status"]) == ["changed", "kept", "kept", "changed", "dropped"]


def test_rewrite_view_prepares_only_the_closest_pairs():
    """Many pairs (a corpus of near-copies): the view takes the ``max_pairs`` closest, the chart counts them all."""
    base_pairs, base_al = ff.article_pairs(), ff.sentence_alignment()
    pairs_, aligned = [], []
    for k in range(5):  # the same pair under five names, Jaccard 0.30 .. 0.34
        a, b = f"orig{k}", f"copy{k}"
        pairs_.append(base_pairs.assign(article_a=a, article_b=b, derived=b, jaccard=0.30 + k / 100))
        aligned.append(base_al.assign(article_a=a, article_b=b))
    pairs, al = pd.concat(pairs_, ignore_index=True), pd.concat(aligned, ignore_index=True)
    rows = rewrite_view.prepare_rewrite(al, pairs, max_pairs=2)
    assert sorted(set(rows["original"])) == ["orig3", "orig4"]
    summary = rewrite_view.rewrite_summary(rows, al, pairs, max_pairs=2)
    assert list(summary["original"]) == ["orig4", "orig3"]
    assert list(summary["kept"]) == [2, 2] and list(summary["added"]) == [1, 1]
    every = rewrite_view.rewrite_summary(rewrite_view.prepare_rewrite(al, pairs, max_pairs=None), al, pairs,
                                         max_pairs=None)
    assert len(every) == 5 and every.iloc[:2].equals(summary)


def test_only_duplicate_and_rewrite_pairs_are_compared():
    pairs = ff.article_pairs().assign(relation="related")
    assert rewrite_view.prepare_rewrite(ff.sentence_alignment(), pairs).empty


# --- empty input and deterministic files -----------------------------------------------------------

@pytest.mark.parametrize("make", [
    lambda: place_map.plot_map(place_map.prepare_map_points(ff.places().iloc[:0])),
    lambda: timeline.plot_timeline(timeline.prepare_timeline(ff.events().iloc[[5]])),  # only an undated event
    lambda: ledger_chart.plot_ledger(ledger_chart.prepare_ledger(ff.claims_ledger().iloc[[6]])),
    lambda: rewrite_view.plot_rewrite_pair(rewrite_view.prepare_rewrite(ff.sentence_alignment().iloc[:0],
                                                                         ff.article_pairs())),
    lambda: rewrite_view.plot_rewrite_summary(pd.DataFrame(columns=rewrite_view.SUMMARY_COLUMNS)),
])
def test_empty_input_gives_a_figure_that_says_so(make, tmp_path):
    fig = make()
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert any(t.startswith("No ") for t in texts)
    assert style.save_figure(fig, tmp_path, "empty")["png"].stat().st_size > 1000


def _render_all(out_dir):
    arts = ff.articles()
    points = place_map.prepare_map_points(ff.places(), ff.events())
    figs = {
        "map": place_map.plot_map(points, source_line=style.sources_text(arts, ff.places()["article_id"])),
        "timeline": timeline.plot_timeline(timeline.prepare_timeline(ff.events(), arts)),
        "ledger": ledger_chart.plot_ledger(ledger_chart.prepare_ledger(ff.claims_ledger())),
        "rewrite": rewrite_view.plot_rewrite_pair(rewrite_view.prepare_rewrite(ff.sentence_alignment(),
                                                                               ff.article_pairs())),
    }
    return {name: style.save_figure(fig, out_dir, name) for name, fig in figs.items()}


def test_figures_are_byte_identical_across_two_renders(tmp_path):
    first, second = _render_all(tmp_path / "a"), _render_all(tmp_path / "b")
    for name in first:
        for fmt in ("png", "svg"):
            a, b = first[name][fmt].read_bytes(), second[name][fmt].read_bytes()
            assert a == b, f"{name}.{fmt} differs between two renders"
        png = first[name]["png"].read_bytes()
        assert b"Software" not in png and b"matplotlib" not in png.lower()
        svg = first[name]["svg"].read_text()
        assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert first["map"]["png"].read_bytes()[16:24] == (1800).to_bytes(4, "big") + (1200).to_bytes(4, "big")


def test_save_figure_rejects_paths_as_names(tmp_path):
    with pytest.raises(ValueError):
        style.save_figure(style.new_figure("map"), tmp_path, "../escape")
    with pytest.raises(ValueError):
        style.new_figure("poster")


def test_sources_text_names_few_articles_and_counts_many():
    arts = ff.articles()
    few = style.sources_text(arts, [ff.A2])
    assert few.startswith("Sources: “North Korean troops in Ukraine") and "Al Jazeera, 2024-10-24" in few
    many = pd.concat([arts.assign(article_id=[f"{i}a", f"{i}b"]) for i in range(3)], ignore_index=True)
    text = style.sources_text(many, many["article_id"])
    assert text == "Sources: 6 articles — 6 from 2 named outlets, most from Al Jazeera (3), Pindula News (3)"
    many["outlet"] = None
    many["outlet_country"] = ["GB", "GB", "US", "GB", "UA", "US"]
    assert style.sources_text(many, many["article_id"]) == "Sources: 6 articles — outlet countries GB (3), US (2), UA (1)"


def test_missing_titles_and_outlets_are_not_printed_as_nan():
    arts = ff.articles()
    arts.loc[0, "title"] = None
    arts.loc[0, "outlet"] = float("nan")
    assert "nan" not in style.sources_text(arts, arts["article_id"])
    # an untitled article is named by the first words of its text, never by its id
    arts.loc[0, "text"] = "Officials said on Monday that the convoy had reached the border crossing near the river. More text."
    assert style.article_names(arts)[arts.loc[0, "article_id"]] == "Officials said on Monday that the convoy had reached the…"
    assert "“Officials said on Monday that the convoy had reached the border" in style.sources_text(arts, arts["article_id"])
    arts.loc[0, "text"] = ""  # nothing to name it by: the id
    assert style.article_names(arts)[arts.loc[0, "article_id"]] == arts.loc[0, "article_id"]
    assert ledger_chart.topic_label("(unspecified) | assault | attacks") == "assault — attacks"
    assert ledger_chart.topic_label("north korea | soldier | personnel") == "north korea (soldier)"


def test_dense_part_of_the_main_panel_gets_a_close_up():
    rows = []
    for i, (lat, lon, n) in enumerate([(48.0, 37.8, 9), (48.3, 37.2, 6), (48.1, 37.5, 5), (47.1, 37.5, 4),
                                       (50.4, 30.5, 3), (55.8, 37.6, 2), (52.2, 21.0, 1), (53.9, 27.56, 1)]):
        rows.append(dict(name=f"P{i}", country_code="UA", kind="city", latitude=lat, longitude=lon, mentions=n,
                         articles=1, event_type=style.NO_EVENT))
    points = pd.DataFrame(rows)
    panels = place_map.plan_panels(points)
    assert [p.role for p in panels] == ["main", "zoom"]
    assert set(panels[1].rows) == {0, 1, 2, 3}  # the four close places, 24 of 31 mentions
    lon0, lat0, lon1, lat1 = panels[1].bbox
    assert lon1 - lon0 < 4 and lat1 - lat0 < 4
    assert [p.role for p in place_map.plan_panels(points, zoom=False)] == ["main"]


def test_ledger_chart_rows_from_the_seed_articles_claims(seed_articles, seed_stage):
    from helpers.text.stage import parse_articles

    """The chart's input rows on the real seed claims (stage 03 output, topics and ledger of stage 07)."""
    from helpers.ledger import build as ledger
    from helpers.core import schemas

    claims, entities = seed_stage["claims"], seed_stage["entities"]
    metadata = pd.DataFrame({"article_id": seed_articles["article_id"], "published": seed_articles["published"],
                             "published_inferred": None, "outlet": seed_articles["outlet"], "outlet_inferred": None,
                             "inferred_from": None})[schemas.ARTICLE_METADATA.column_names]
    table = ledger.claims_ledger(claims, ledger.claim_topics(claims, list(parse_articles(seed_articles)), entities), metadata)
    rows = ledger_chart.prepare_ledger(table, max_topics=10, max_claims_per_topic=20)
    troops = rows[rows["topic"].str.contains("north korea") & rows["topic"].str.contains(r"\| soldier \|")]
    said = set(zip(troops["claimant"], troops["value_label"]))
    assert {("John Kirby", "≥ 3,000"), ("Kyrylo Budanov", "11,000"), ("National Intelligence Service", "12,000")} <= said
    tanks = rows[rows["topic"].str.contains(r"\| tank \|")]
    assert {("Ukraine's defence ministry", "≥ 9,000"), ("Oryx", "3,500")} <= set(zip(tanks["claimant"],
                                                                                    tanks["value_label"]))
    assert not troops["log_scale"].any()


def test_png_bytes_are_the_same_in_a_fresh_process(tmp_path):
    """Across runs, not only within one: a new interpreter renders the same bytes."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys; sys.path.insert(0, sys.argv[2]); import figure_frames as ff\n"
        "from helpers.figures import ledger_chart, style\n"
        "fig = ledger_chart.plot_ledger(ledger_chart.prepare_ledger(ff.claims_ledger()))\n"
        "style.save_figure(fig, sys.argv[1], 'ledger')\n"
    )
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "other"), str(Path(__file__).parents[1])], check=True,
                   timeout=120)
    here = style.save_figure(ledger_chart.plot_ledger(ledger_chart.prepare_ledger(ff.claims_ledger())),
                             tmp_path / "here", "ledger")
    assert (tmp_path / "other" / "ledger.png").read_bytes() == here["png"].read_bytes()
    assert (tmp_path / "other" / "ledger.svg").read_bytes() == here["svg"].read_bytes()


def test_digest_is_the_files_sha256_prefix(tmp_path):
    import hashlib

    path = tmp_path / "x.png"
    path.write_bytes(b"figure bytes")
    assert style.digest(path) == hashlib.sha256(b"figure bytes").hexdigest()[:16]


def test_basemap_prefers_natural_earth_10m_and_falls_back_to_the_pyogrio_fixture(monkeypatch):
    from helpers.figures import basemap

    sources = basemap.available_sources()
    assert sources and sources[-1][0] == "Natural Earth 1:110m countries"
    ukraine = basemap.countries((30.0, 44.0, 42.0, 52.0))
    assert {"UA", "RU"} <= set(ukraine["iso_a2"])
    from helpers.geo import outlines
    real = outlines._package_dir
    monkeypatch.setattr(outlines, "_package_dir", lambda name: None if name == basemap.NE10_PACKAGE else real(name))
    assert basemap.source_description() == "Natural Earth 1:110m countries"
    coarse = basemap.countries((30.0, 44.0, 42.0, 52.0))
    assert "UA" in set(coarse["iso_a2"]) or "Ukraine" in set(coarse["name"])
    if len(sources) == 2:  # the 1:10m outlines are the finer ones
        assert ukraine.geometry.count_coordinates().sum() > 5 * coarse.geometry.count_coordinates().sum()


def test_timeline_window_applies_to_few_events_only_when_outliers_stretch_the_axis():
    base = ff.events().iloc[[3]]
    october = pd.concat([base] * 10, ignore_index=True)
    october["date_start"] = [dt.date(2024, 10, 1 + 2 * i) for i in range(10)]
    october["date_end"] = october["date_start"]
    background = base.assign(date_start=dt.date(2020, 1, 1), date_end=dt.date(2020, 12, 31), precision="year")
    rows = timeline.prepare_timeline(pd.concat([october, background], ignore_index=True))
    assert rows["in_window"].sum() == 9 and not rows.loc[rows["precision"] == "year", "selected"].any()
    assert timeline.prepare_timeline(october)["in_window"].all()  # nothing to leave out


def test_reference_chart_points_and_lines():
    from datetime import date as D

    from helpers.figures import reference_chart

    series = pd.DataFrame({"Танки": [100.0, 110.0, 120.0]}, index=[D(2024, 1, 1), D(2024, 1, 10), D(2024, 3, 1)])
    checks = pd.DataFrame([dict(series="tanks", claim_id="a-c0", compared_on=D(2024, 1, 10), value=110.0,
                                series_value=110.0, verdict="consistent", source_kind="oryx", claimant="X")])
    points, lines = reference_chart.prepare_reference(checks, series, {"tanks": "Танки"}, margin_days=10)
    assert list(points.claim_id) == ["a-c0"] and list(lines["tanks"].values) == [100.0, 110.0]
    fig = reference_chart.plot_reference(points, lines)
    assert len(fig.axes) == 1
    empty = reference_chart.plot_reference(*reference_chart.prepare_reference(pd.DataFrame(), series, {}))
    assert empty.axes
def test_dollar_signs_in_data_text_are_never_mathtext():
    """A title, outlet or label with "$…$" is drawn as written in every figure module (issue 13)."""
    from matplotlib.text import Text
    money = "Aid: $5bn #StandWithUkraine $6bn"
    arts = ff.articles(title_a0=money)
    arts.loc[1, "outlet"] = "$Herald$"
    points = place_map.prepare_map_points(ff.places(), ff.events())
    ledger = ff.claims_ledger()
    ledger["claimant"] = "$x$ " + ledger["claimant"].astype(str)
    figs = [
        place_map.plot_map(points, source_line=style.sources_text(arts, ff.places()["article_id"])),
        timeline.plot_timeline(timeline.prepare_timeline(ff.events(), arts), title=money),
        ledger_chart.plot_ledger(ledger_chart.prepare_ledger(ledger)),
        rewrite_view.plot_rewrite_pair(rewrite_view.prepare_rewrite(ff.sentence_alignment(), ff.article_pairs()),
                                       names={a: money for a in arts.article_id}),
        style.empty_figure("summary", money, "$1 $2"),
    ]
    for fig in figs:
        fig.canvas.draw()  # would raise on unbalanced mathtext
        texts = [t for t in fig.findobj(Text) if "$" in t.get_text() and "\\mathdefault" not in t.get_text()]
        assert texts, "no data text with a dollar sign was drawn"
        assert not [t.get_text() for t in texts if t._parse_math], figs.index(fig)
    drawn = {t.get_text() for fig in figs for t in fig.findobj(Text)}
    assert any(money in t for t in drawn)


def test_ledger_chart_draws_comparable_topics_only_with_the_series_beside_the_claims():
    """Issue 11: claims the ledger left alone are never charted; a claim checked against the General Staff
    series carries the series value, drawn as a diamond on the claim's row; claims ordered by claimed_on."""
    table = ff.claims_ledger()
    table["topic_reason"] = "owner (sentence parse)"
    table.loc[table["value"] == 12000, "topic_reason"] = "alone: no counted event found"
    tanks = table["topic"].str.startswith("russian tank loss")
    table.loc[tanks & (table["claimant"] == "Oryx"), "claimed_on"] = dt.date(2024, 10, 1)  # made before the ministry's
    checks = pd.DataFrame({"claim_id": table.loc[tanks, "claim_id"].values, "series_value": [9047.0, 8903.0],
                           "series_date": [dt.date(2024, 10, 20), dt.date(2024, 10, 1)],
                           "verdict": ["consistent", "lower"], "source_kind": ["ukrainian_official", "oryx"]})
    rows = ledger_chart.prepare_ledger(table, checks=checks)
    assert 12000 not in set(rows["value"])  # alone: not comparable with anything, not charted
    t = rows[rows["topic"].str.startswith("russian tank loss")]
    assert list(t["claimant"]) == ["Oryx", "Ukraine's defence ministry"]  # by claimed_on
    assert list(t["series_value"]) == [8903.0, 9047.0] and list(t["verdict"]) == ["lower", "consistent"]
    assert t["source_label"].iloc[0] == "visually confirmed: a lower bound" and pd.isna(t["source_label"].iloc[1])
    fig = ledger_chart.plot_ledger(rows)
    diamonds = [tuple(line.get_xdata()) for ax in fig.axes for line in ax.get_lines() if line.get_marker() == "D"]
    assert sorted(diamonds) == [(8903.0,), (9047.0,)]
    assert ledger_chart.topic_label("russia | tank | equipment | total | lost") == "russia: tank lost"
    assert ledger_chart.topic_label("russia | casualty per day | casualties | rate | lost") == "russia: casualty per day lost (rate)"


def test_ledger_log_axis_reads_as_plain_numbers():
    table = ff.claims_ledger()
    fig = ledger_chart.plot_ledger(ledger_chart.prepare_ledger(table))
    fig.canvas.draw()
    logs = [ax for ax in fig.axes if ax.get_xscale() == "log"]
    assert logs  # the casualty topic (1,300 and 600,000) is drawn on a log scale
    labels = [t.get_text() for ax in logs for t in ax.get_xticklabels() if t.get_text()]
    assert labels and not any("$" in x or "mathdefault" in x for x in labels) and "1,000" in labels


def test_a_vague_figure_is_labelled_by_its_range():
    from helpers.figures.ledger_chart import value_label
    assert value_label(20000.0, 20000.0, 99000.0, "vague") == "~ 20,000–99,000"
    assert value_label(12.0, 12.0, 12.0, "more_than") == "> 12"
