"""sentence_alignment: what the seed rewrite kept, dropped and changed; constructed cases."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers.rewrites import alignment
from helpers.core import schemas
from helpers.rewrites.pairs import find_pairs
from cross_article_seeds import seed_id


@pytest.fixture(scope="module")
def seed_alignment_ab(seed_articles, seed_stage) -> pd.DataFrame:
    return find_pairs(seed_articles, seed_stage["sentences"])[1]


@pytest.fixture(scope="module")
def seed_alignment(seed_alignment_ab, seed_articles) -> pd.DataFrame:
    al = seed_alignment_ab
    a000, a002 = seed_id(seed_articles, "000"), seed_id(seed_articles, "002")
    al = al[(al.article_a == min(a000, a002)) & (al.article_b == max(a000, a002))]
    # present it as 002 (source) -> 000 (rewrite), whatever the id order
    if al.article_a.iloc[0] == a000:
        al = al.rename(columns={"text_a": "text_000", "text_b": "text_002"})
        al = al.assign(label=al.label.replace({"only_in_a": "only_in_000", "only_in_b": "only_in_002"}))
    else:
        al = al.rename(columns={"text_a": "text_002", "text_b": "text_000"})
        al = al.assign(label=al.label.replace({"only_in_a": "only_in_002", "only_in_b": "only_in_000"}))
    return al


def _label_of_002(al: pd.DataFrame, words: str) -> set[str]:
    return set(al.loc[al.text_002.fillna("").str.contains(words, regex=False), "label"])


def test_seed_alignment_validates_and_covers_both_articles(seed_alignment_ab, seed_stage):
    al = seed_alignment_ab
    schemas.validate(al, "sentence_alignment")
    s = seed_stage["sentences"]
    for side, aid in (("sentence_a", al.article_a.iloc[0]), ("sentence_b", al.article_b.iloc[0])):
        assert set(al[side].dropna().astype(int)) == set(s.loc[s.article_id == aid, "sentence_id"])


def test_seed_rewrite_kept_sentences(seed_alignment):
    al = seed_alignment
    kept = al[al.label == "same"]
    assert kept.text_002.str.contains("We do not yet know whether these soldiers").any()
    assert _label_of_002(al, "travelled onward to multiple Russian military training sites") <= {"same", "changed"}
    assert _label_of_002(al, "at least 3,000 North Korean soldiers arrived") == {"changed"}


def test_seed_rewrite_dropped_kazan_summit_and_drone_strikes(seed_alignment):
    al = seed_alignment
    assert _label_of_002(al, "hosting 36 world leaders at Kazan") == {"only_in_002"}
    assert _label_of_002(al, "drones struck the Sverdlov weapons factory") == {"only_in_002"}
    assert _label_of_002(al, "Ukrainian drones struck the Lipetsk-2 airbase") == {"only_in_002"}
    assert _label_of_002(al, "Russia had lost at least 9,000 tanks") == {"only_in_002"}


def test_seed_rewrite_changed_sentences(seed_alignment):
    al = seed_alignment
    assert _label_of_002(al, "They will be ready on November 1") == {"changed"}
    budanov = al[al.text_002.fillna("").str.contains("11,000 North Korean infantrymen")].iloc[0]
    assert budanov.label == "changed" and "by November 1" in budanov.text_000
    assert 0.5 <= budanov.similarity < 1.0


def test_identical_lists_align_as_same_in_order():
    texts = ["One sentence here.", "Another one follows.", "A third closes it."]
    rows = alignment.align_sentences([0, 1, 2], texts, [0, 1, 2], texts)
    assert [(r.sentence_a, r.sentence_b, r.label) for r in rows] == [(0, 0, "same"), (1, 1, "same"), (2, 2, "same")]
    assert all(r.similarity == 1.0 for r in rows)


def test_insertions_deletions_and_edits():
    a = ["The army said it shot down twelve drones overnight.",
         "Officials reported damage to power lines in the region.",
         "The mayor urged residents to stay in shelters."]
    b = ["The army said it shot down ten drones overnight.",
         "A new sentence that the rewrite added about something else entirely.",
         "The mayor urged residents to stay in shelters."]
    rows = alignment.align_sentences([0, 1, 2], a, [0, 1, 2], b)
    got = [(r.sentence_a, r.sentence_b, r.label) for r in rows]
    assert (0, 0, "changed") in got and (2, 2, "same") in got
    assert (1, None, "only_in_a") in got and (None, 1, "only_in_b") in got
    assert alignment.count_aligned(rows, "a") == 2 == alignment.count_aligned(rows, "b")


def test_merged_sentence_is_attached_to_both_sources():
    a = ["Officials said 40 missiles were launched at the capital overnight.",
         "Air defence units intercepted 35 of them over the northern districts."]
    b = ["Officials said 40 missiles were launched at the capital overnight and air defence units "
         "intercepted 35 of them over the northern districts."]
    rows = alignment.align_sentences([0, 1], a, [0], b)
    assert {(r.sentence_a, r.sentence_b) for r in rows} == {(0, 0), (1, 0)}
    assert {r.label for r in rows} == {"changed"}


def test_order_is_preserved_not_crossed():
    a = ["Alpha statement about shelling in the east today.", "Beta statement about talks in Geneva this week."]
    b = list(reversed(a))
    rows = alignment.align_sentences([0, 1], a, [0, 1], b)
    pairs_11 = [(r.sentence_a, r.sentence_b) for r in rows if r.label == "same"]
    assert len(pairs_11) == 1  # a monotone alignment cannot keep both crossed pairs
