"""Property tests of the text stage over the real corpora in ../shared/corpora (skipped when absent).

Every article of ``ukraine-war-news`` (357 files) and of the Guardian CSV (250 rows) is processed
(about 2 minutes on 2 cores). For a quick development run, ``WARCLAIMS_CORPUS_SAMPLE=N`` keeps a fixed
sample of N Guardian articles.
"""
from __future__ import annotations

import math
import os

import pandas as pd
import pytest

from helpers.core import schemas
from helpers.core.schemas import UNATTRIBUTED, UNKNOWN

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def corpus_articles(shared_dir):
    from helpers.parse import run as parse_run

    frames = []
    news = shared_dir / "corpora" / "ukraine-war-news"
    if news.is_dir():
        frames.append(parse_run(news)["articles"])
    guardian = shared_dir / "corpora" / "guardian-nato-2022"
    if guardian.is_dir():
        g = parse_run(guardian)["articles"]
        sample = os.environ.get("WARCLAIMS_CORPUS_SAMPLE")
        if sample:
            g = g.sort_values("article_id").head(int(sample))
        frames.append(g)
    if not frames:
        pytest.skip("no corpora under ../shared/corpora")
    return pd.concat(frames, ignore_index=True).drop_duplicates("article_id")


@pytest.fixture(scope="module")
def corpus_stage(corpus_articles, nlp):
    from helpers.text.stage import run_stage

    return run_stage(corpus_articles)


def test_no_article_fails(corpus_articles, corpus_stage):
    assert len(corpus_articles) >= 350
    assert corpus_stage.errors == []
    assert set(corpus_stage["sentences"].article_id) == set(corpus_articles.article_id)


@pytest.mark.parametrize("name,column", [
    ("sentences", "text"), ("entities", "text"), ("statements", "content"), ("claims", "text")])
def test_offsets_reproduce_the_text(corpus_articles, corpus_stage, name, column):
    texts = corpus_articles.set_index("article_id")["text"]
    df = corpus_stage[name]
    bad = [(r.article_id, r.start_char) for r in df.itertuples()
           if texts[r.article_id][r.start_char:r.end_char] != getattr(r, column)]
    assert bad == []


@pytest.mark.parametrize("name", ["sentences", "entities", "statements", "claims"])
def test_tables_meet_their_contracts(corpus_stage, name):
    schemas.validate(corpus_stage[name], name)


def test_sentences_stay_inside_paragraphs(corpus_stage):
    s = corpus_stage["sentences"]
    assert not s.text.str.contains("\n\n").any()
    assert (s.end_char > s.start_char).all()
    for _, g in s.groupby("article_id"):
        assert list(g.sentence_id) == list(range(len(g)))
        assert g.start_char.is_monotonic_increasing and g.paragraph_id.is_monotonic_increasing


def test_claim_values_parse(corpus_stage):
    c = corpus_stage["claims"]
    assert len(c) > 500
    assert all(math.isfinite(v) for v in c.value)
    assert (c.value_low <= c.value_high).all()
    # the point value is the low end, except a vague quantity that names one number ("a dozen" = 12 in 10-14)
    exact = c.qualifier != "vague"
    assert (c.value[exact] == c.value_low[exact]).all()
    assert c.value.between(c.value_low, c.value_high).all()
    assert (c.qualifier == "vague").sum() > 0
    # bare years and clock times are never claims
    assert not c.text.str.fullmatch(r"(19|20)\d\d").any()
    assert not c.text.str.contains(r"\d:\d\d").any()
    assert c.claim_id.is_unique


def test_claimants_and_speakers_are_entities(corpus_stage):
    canon = set(corpus_stage["entities"].canonical)
    st, cl = corpus_stage["statements"], corpus_stage["claims"]
    group_like = st.speaker_kind.isin(["group", "role", "anonymous", "document", "body"])
    phrase = group_like & ~st.speaker.isin(canon)  # noun-phrase speakers (a NORP entity, "Americans", is a group too)
    # an organisation named by its owner ("Russia's defence ministry") is the owner's name and the head noun
    owned = st.speaker.str.contains("'s ", regex=False) & (st.speaker_kind == "organisation")
    assert set(st.speaker[~phrase & ~owned]) <= canon | {UNKNOWN}
    written = set(corpus_stage["entities"].text.str.replace("\u2019", "'"))
    owners = set(st.speaker[owned & ~st.speaker.isin(canon)].str.split("'s ").str[0])
    assert owners and all(any(o.endswith(w) for w in written) for o in owners)
    assert (st.speaker_resolved_from[phrase] != "name").all()  # a noun-phrase speaker is never taken for a name
    named = ~cl.claimant.str.startswith("(")
    assert set(cl.claimant[named]) <= canon | set(st.speaker[owned])
    # a parenthesised claimant is a group, role, anonymous source, document or unnamed body, never a person or
    # organisation name
    phrased = ~named & (cl.claimant != UNATTRIBUTED)
    assert cl.claimant_kind[phrased].isin(["group", "role", "anonymous", "document", "body"]).all()
    assert not cl.claimant[phrased].str.strip("()").isin(canon - set(st.speaker[group_like])).any()
    assert cl.claimant_kind.isna().eq(cl.claimant == UNATTRIBUTED).all()
    # a statement-attributed claim points at a statement of the same article
    c = corpus_stage["claims"]
    via = c[c.claimant_via.isin(["statement", "according_to"])]
    ids = set(corpus_stage["statements"].statement_id)
    assert set(via.statement_id) <= ids


def test_same_name_same_canonical_across_articles(corpus_stage):
    e = corpus_stage["entities"]
    # a full multi-word name written identically gets one canonical string everywhere; role phrases
    # ("Russian president", found_by org_phrase) are linked to the person the article names near them, so they differ
    multi = e[(e.text.str.split().str.len() > 1) & (e.found_by == "ner")]
    per_text = multi.groupby("text").canonical.nunique()
    assert (per_text == 1).mean() > 0.99
