"""Session 21 (post-parse speed) of the pairs stage: shared shingles counted by binary search, token-sort scores
from words sorted once per sentence, the merge pass's first best cover from shared counts, and the pair results
cached per first article. Each must give what the former computation gave."""
from __future__ import annotations

import random

import numpy as np
from rapidfuzz import fuzz

from helpers.rewrites import alignment, pairs

_WORDS = ["the", "convoy", "reached", "port", "on", "monday", "ministry", "said", "and", "reopened", "2024", "é",
          "straße", "ünter", "a", "zz", "ab", "aB", "12", "x"]


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 12))) + rng.choice(["", ".", ", said X."])


def test_shared_counts_equal_set_intersections():
    rng = np.random.default_rng(21)
    for _ in range(50):
        a = np.unique(rng.integers(0, 60, rng.integers(0, 40)).astype(np.uint64))
        others = [np.unique(rng.integers(0, 60, rng.integers(0, 40)).astype(np.uint64)) for _ in range(rng.integers(0, 6))]
        want = [len(set(a.tolist()) & set(o.tolist())) for o in others]
        assert pairs.shared_counts(a, others).tolist() == want
        assert [pairs.shared_count(a, o) for o in others] == want
        assert [pairs.shared_count(o, a) for o in others] == want


def test_shared_counts_of_string_sets():
    assert pairs.shared_counts({"a b c", "b c d"}, [{"a b c"}, set(), {"b c d", "a b c"}]).tolist() == [1, 0, 2]


def test_presorted_scores_equal_token_sort_ratio(monkeypatch):
    rng = random.Random(21)
    texts_a = [_sentence(rng) for _ in range(30)]
    texts_b = [_sentence(rng) for _ in range(25)]
    fast = alignment.similarity_matrix(texts_a, texts_b)
    monkeypatch.setattr(alignment, "PRESORTED", False)
    slow = alignment.similarity_matrix(texts_a, texts_b)
    assert np.array_equal(fast, slow)
    for a, b in zip(texts_a, texts_b):
        want = fuzz.token_sort_ratio(alignment.normalise(a), alignment.normalise(b))
        assert fuzz.ratio(alignment._sorted_words(a), alignment._sorted_words(b)) == want
    alignment.clear_caches()
    assert alignment._sorted_words.cache_info().currsize == 0


def test_merge_pass_takes_the_first_best_cover():
    rules = alignment.RULES
    words_v = [frozenset({"convoy", "reached", "port"}), frozenset({"ministry", "said", "convoy", "port"}),
               frozenset({"ministry", "said", "convoy", "port", "monday"})]
    wu = frozenset({"ministry", "said", "convoy", "port", "reopened"})
    # sentences 1 and 2 cover 4 of 5 words each: the first of them is taken, as np.argmax of the covers does
    assert alignment._attach_unmatched([wu], words_v, set(), rules) == {0: 1}
    covers = [alignment._cover(wu, wv) for wv in words_v]
    assert int(np.argmax(covers)) == 1
    # a cover below merged_cover attaches nothing; a matched or short sentence is skipped
    assert alignment._attach_unmatched([frozenset({"ministry", "said", "a1", "b1", "c1"})], words_v, set(), rules) == {}
    assert alignment._attach_unmatched([wu], words_v, {0}, rules) == {}
    assert alignment._attach_unmatched([frozenset({"port"})], words_v, set(), rules) == {}


def test_pair_results_are_cached_per_first_article(seed_articles, seed_stage, tmp_path, monkeypatch):
    """One cache file per first article of the verified pairs (not per pair), MinHashes in one entry; a second run
    computes nothing and gives the same tables."""
    monkeypatch.setenv("WARCLAIMS_PARSE_CACHE", str(tmp_path / "cache"))
    sentences = seed_stage["sentences"]
    first = pairs.find_pairs(seed_articles, sentences, cache=True)
    files = sorted(p.parent.parent.parent.name for p in (tmp_path / "cache" / "stages").rglob("*.pkl"))
    firsts = first[0]["article_a"].nunique()
    # the MinHashes in one entry (no article has more candidates than max_candidates: no shared-shingles memo)
    assert files.count("05_pairs") == firsts and files.count("05_minhash") == 1

    def fail(*args, **kwargs):
        raise AssertionError("computed again although cached")

    monkeypatch.setattr(pairs, "_pair_result", fail)
    monkeypatch.setattr(pairs, "minhash", fail)
    again = pairs.find_pairs(seed_articles, sentences, cache=True)
    for got, want in zip(again, first):
        assert got.equals(want)
