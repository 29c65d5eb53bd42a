"""The pairs stage's candidate search (``helpers.rewrites.candidates``) equals datasketch's ``MinHashLSHEnsemble``:
partitions, parameters and query answers, on random size distributions, constructed articles and the war-news
corpus; and the shared-shingles memo of ``find_pairs(cache=True)`` changes no candidate."""
from collections import Counter

import numpy as np
import pytest
from datasketch import MinHashLSHEnsemble
from datasketch.lshensemble_partition import _compute_nfps_real, optimal_partitions

from helpers.rewrites import candidates, pairs


def _histogram(values):
    return np.array(sorted(Counter(values).most_common())).T


@pytest.mark.parametrize("seed", range(8))
def test_partitions_and_false_positives_equal_datasketch(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 300))
    sizes, counts = _histogram(np.repeat(rng.integers(1, 4000, n), rng.integers(1, 4, n)).tolist())
    assert np.array_equal(candidates._nfps(sizes, counts), _compute_nfps_real(counts, sizes))  # same floats
    for num_part in (1, 2, 3, 7, 16, len(sizes), len(sizes) + 5):
        want = [tuple(map(int, p)) for p in optimal_partitions(sizes, counts, num_part)]
        assert [tuple(map(int, p)) for p in candidates.partitions(sizes, counts, num_part)] == want


def _reference(signatures, threshold=pairs.RULES.candidate_containment, num_perm=pairs.RULES.num_perm):
    """datasketch's own index and queries (what ``pairs._candidates`` ran before): the symmetric candidate sets."""
    ids = [i for i, (size, _) in signatures.items() if size]
    index = MinHashLSHEnsemble(threshold=threshold, num_perm=num_perm, num_part=min(16, len(ids)))
    index.index((i, signatures[i][1], signatures[i][0]) for i in ids)
    found = {i: set() for i in ids}
    for i in ids:
        for j in index.query(signatures[i][1], signatures[i][0]):
            if j != i:
                found[i].add(j)
                found[j].add(i)
    return found


def _constructed(n, seed):
    """``n`` articles of made-up words: some copy a window of an earlier one (containment of every degree), the
    rest are fresh; sizes spread from a few shingles to hundreds."""
    rng = np.random.default_rng(seed)
    vocab = [f"w{k}" for k in range(3000)]
    texts = []
    for k in range(n):
        if texts and rng.random() < 0.4:
            src = texts[int(rng.integers(len(texts)))].split()
            lo = int(rng.integers(0, max(1, len(src) // 2)))
            words = src[lo:lo + int(rng.integers(3, len(src) + 1))] + list(rng.choice(vocab, int(rng.integers(0, 80))))
        else:
            words = list(rng.choice(vocab, int(rng.integers(2, 400))))
        texts.append(" ".join(words))
    sh = {f"a{k:03d}": pairs.shingles(t) for k, t in enumerate(texts)}
    return sh, {i: (len(s), pairs.minhash(s)) for i, s in sh.items()}


@pytest.mark.parametrize("n,seed", [(2, 0), (5, 1), (17, 2), (120, 3)])
def test_query_equals_datasketch_on_constructed_articles(n, seed):
    _, signatures = _constructed(n, seed)
    want = _reference(signatures)
    assert n < 17 or sum(map(len, want.values())) > n // 4  # copies found, on the larger corpora
    got = candidates.ensemble_query(signatures, pairs.RULES.candidate_containment, pairs.RULES.num_perm,
                                    min(16, len(want)))
    assert got == want


def test_query_equals_datasketch_on_the_war_news_corpus(shared_dir):
    folder = shared_dir / "corpora" / "ukraine-war-news"
    if not folder.is_dir():
        pytest.skip("war-news corpus absent")
    texts = [p.read_text(errors="replace") for p in sorted(folder.glob("*.txt"))]
    signatures = {}
    for k, text in enumerate(texts):
        sh = pairs.shingles(text)
        signatures[f"n{k:03d}"] = (len(sh), pairs.minhash(sh) if sh else None)
    want = _reference(signatures)
    got = candidates.ensemble_query(signatures, pairs.RULES.candidate_containment, pairs.RULES.num_perm, 16)
    assert got == want and sum(map(len, got.values())) > 100


def test_shared_shingles_memo_keeps_the_candidates():
    """With a small cap the candidates are ranked: the memo's intersections give the same pairs as the shingle sets,
    on a first call (memo empty) and a second (memo filled), and the memo keeps only the pairs ranked."""
    sh, signatures = _constructed(60, 5)
    rules = pairs.PairRules(max_candidates=2)
    want = pairs._candidates(signatures, sh, rules)
    keys = {i: 2 ** 63 + 7 * k for k, i in enumerate(sh)}  # 64-bit keys naming the texts, the top bit set on all
    article = {v: i for i, v in keys.items()}
    stale = np.array([(1, 2, 7)], dtype=pairs._MEMO)  # a pair of articles no longer there: dropped
    memo = pairs.SharedShingles(stale)
    assert pairs._candidates(signatures, sh, rules, keys, memo) == want
    assert len(memo.table) > 10 and (1, 2) not in {(int(lo), int(hi)) for lo, hi, _ in memo.table.tolist()}
    assert all(lo <= hi and n == len(sh[article[lo]] & sh[article[hi]]) for lo, hi, n in memo.table.tolist())
    filled = memo.table.copy()
    assert pairs._candidates(signatures, {}, rules, keys, memo) == want  # no shingle set read: all from the memo
    assert np.array_equal(memo.table, filled)
    assert len(pairs.SharedShingles({("a", "b"): 3}).table) == 0  # a memo of another form is not read
