"""How tables and articles are shown: article labels instead of ids, one missing-value marker, no index column."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from helpers.core import display
from helpers.core.display import MISSING, article_label, article_labels, table

ARTICLES = pd.DataFrame({
    "article_id": ["0a1b2c3d4e5f6071", "8f9e0d1c2b3a4958", "ffffeeeeddddcccc"],
    "title": ["Talks resume in the capital", None, None],
    "text": ["Body.", "  The convoy reached the crossing on Monday. It waited.", ""],
})


def test_article_label_is_the_title_else_the_first_words_of_the_first_sentence():
    assert article_label("Talks resume in the capital", "Body.") == "Talks resume in the capital"
    assert article_label(None, "The convoy arrived. It waited.") == "The convoy arrived."
    assert article_label(float("nan"), "A first line without a stop\nsecond line") == "A first line without a stop"
    assert article_label(pd.NA, "Officials said on Monday that the convoy had reached the crossing.", width=30) \
        == "Officials said on Monday that…"
    assert article_label("  ", None) == ""
    labels = article_labels(ARTICLES)
    assert labels == {"0a1b2c3d4e5f6071": "Talks resume in the capital",
                      "8f9e0d1c2b3a4958": "The convoy reached the crossing on Monday.",
                      "ffffeeeeddddcccc": "ffffeeeeddddcccc"}  # nothing to name it by: the id


def test_table_shows_labels_with_the_id_on_hover_and_one_missing_marker():
    df = pd.DataFrame({
        "article_id": ["0a1b2c3d4e5f6071", "8f9e0d1c2b3a4958", "0a1b2c3d4e5f6071"],
        "speaker": ["Minister", None, "(unknown)"],
        "value": [3000.0, np.nan, 1.5],
        "count": pd.array([2, None, 7], dtype="Int64"),
        "day": [dt.date(2024, 10, 1), pd.NaT, None],
        "places": [["Kyiv", "Lviv"], [], None],
        "flag": [True, False, True],
    })
    t = table(df, ARTICLES)
    page = t._repr_html_()
    assert t.columns == ["article", "speaker", "value", "count", "day", "places", "flag"]
    assert '<td title="0a1b2c3d4e5f6071">Talks resume in the capital</td>' in page
    assert ">0a1b2c3d4e5f6071<" not in page and ">8f9e0d1c2b3a4958<" not in page
    texts = [[c for c, _ in row] for row in t.cells]
    assert texts[1] == ["The convoy reached the crossing on Monday.", MISSING, MISSING,
                        MISSING, MISSING, MISSING, "no"]
    assert texts[0][2:7] == ["3,000", "2", "2024-10-01", "Kyiv; Lviv", "yes"]
    assert texts[2][2] == "1.5"
    for stray in ("NaN", "None", "&lt;NA&gt;", "<NA>", "NaT", "nan"):
        assert stray not in page, stray
    assert "<th></th>" not in page and ">0<" not in page  # no index column
    assert '<td class="num">3,000</td>' in page


def test_a_meaningful_index_becomes_columns_and_long_frames_say_how_many_rows():
    counts = pd.Series([5, 3], index=pd.Index(["strike", "deployment"], name="type"), name="events")
    t = table(counts)
    assert t.columns == ["type", "events"] and t.cells[0][0][0] == "strike" and t.caption == ""
    pivot = pd.DataFrame({"kind": ["a", "a", "b"], "how": ["x", "y", "x"]}).groupby(["kind", "how"]).size().unstack(fill_value=0)
    assert table(pivot).columns == ["kind", "x", "y"]
    filtered = pd.DataFrame({"n": range(30)}).iloc[5:]  # a filtered 0..n-1 index says nothing
    t = table(filtered, rows=10)
    assert t.columns == ["n"] and len(t.cells) == 10 and t.caption == "first 10 of 25 rows"
    assert "(first 10 of 25 rows)" in repr(t)
    assert table(filtered.iloc[:0]).caption == "no rows"


def test_cell_text_is_escaped_and_long_text_cut_with_the_whole_text_on_hover():
    long = "word " * 60
    t = table(pd.DataFrame({"text": ["<script>alert(1)</script>", long]}), width=40)
    page = t._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    shown, hover = t.cells[1][0]
    assert len(shown) <= 40 and shown.endswith("…") and hover == long


def test_ids_inside_free_text_read_as_labels_but_other_ids_are_left_alone():
    df = pd.DataFrame({"claim_id": ["0a1b2c3d4e5f6071-c0"], "note": ["credit line: 0a1b2c3d4e5f6071 names 1234567890abcdef"]})
    assert [c for c, _ in table(df, ARTICLES).cells[0]] == [
        "0a1b2c3d4e5f6071-c0", "credit line: “Talks resume in the capital” names 1234567890abcdef"]
    assert display.cell_text(np.int64(12000)) == "12,000" and display.cell_text(np.float64(0.25)) == "0.25"
