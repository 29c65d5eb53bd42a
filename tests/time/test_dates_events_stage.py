"""The dates-and-events stage from processed tables: optional inputs, inferred anchors."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dates_events_seeds import SEED_000, SEED_002, seed_stage
from helpers.time import stage as dates_events_stage
from helpers.text import doccache as docs
from helpers.core import tables


@pytest.fixture(scope="module")
def processed(tmp_path_factory):
    seed = seed_stage()
    out = tmp_path_factory.mktemp("processed")
    tables.write_table(seed.articles, "articles", out)
    tables.write_table(seed.sentences, "sentences", out)
    tables.write_table(seed.entities, "entities", out)
    docs.save_docs(seed.docs.values(), out)
    return seed, out


def test_without_optional_tables(processed):
    seed, out = processed
    result = dates_events_stage.run(list(seed.docs.values()), seed.articles, seed.sentences, seed.entities)
    assert result.errors == []
    undated = result["dates"][result["dates"]["article_id"] == seed.article_id(SEED_000)]
    assert set(undated["anchor_source"]) == {"none"} and undated["start"].isna().any()


def test_inferred_anchor_from_article_metadata(processed):
    """An article without a stated date borrows the inferred one: relative expressions then resolve."""
    seed, out = processed
    a000, a002 = seed.article_id(SEED_000), seed.article_id(SEED_002)
    meta = pd.DataFrame({
        "article_id": [a000, a002], "published": [None, date(2024, 10, 24)],
        "published_inferred": [date(2024, 10, 24), None], "outlet": [None, None],
        "outlet_inferred": [None, None], "inferred_from": [a002, None],
    })
    result = dates_events_stage.run(list(seed.docs.values()), seed.articles, seed.sentences, seed.entities,
                                    metadata=meta)
    rows = result["dates"][result["dates"]["article_id"] == a000]
    assert set(rows["anchor_source"]) == {"inferred"} and set(rows["anchor"]) == {date(2024, 10, 24)}
    wed = rows[rows["text"] == "Wednesday"]
    assert list(wed["start"]) == [date(2024, 10, 23)]
    vague = rows["precision"] == "vague"  # "now", "recently": a TimeML value, no calendar span
    assert rows.loc[~vague, "start"].notna().all() and rows.loc[vague, "timex"].str.endswith("_REF").all()
    tables.write_table(result["dates"], "dates", out)
    tables.write_table(result["events"], "events", out)
    assert len(tables.read_table("events", out)) == len(result["events"])


def test_article_anchors_stated_else_inferred_else_none():
    import datetime as dt
    import pandas as pd
    from helpers.time.table import article_anchors
    arts = pd.DataFrame({"article_id": ["a", "b", "c"],
                         "published": [pd.Timestamp("2022-03-01"), pd.NaT, pd.NaT]})
    meta = pd.DataFrame({"article_id": ["a", "b"],
                         "published_inferred": [pd.Timestamp("2021-01-01"), pd.Timestamp("2022-02-02")]})
    got = article_anchors(arts, meta)
    assert got == {"a": (dt.date(2022, 3, 1), "published"), "b": (dt.date(2022, 2, 2), "inferred"),
                   "c": (None, "none")}
    assert article_anchors(arts)["b"] == (None, "none")
