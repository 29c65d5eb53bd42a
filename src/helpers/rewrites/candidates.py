"""The candidate search of the pairs stage: datasketch's LSH Ensemble containment query, computed without its index.

:func:`helpers.rewrites.pairs.candidate_pairs` asks, for every article, which articles contain at least
``candidate_containment`` of its shingles, as ``datasketch.MinHashLSHEnsemble`` answers it. That answer is a
function of a few numbers only, which this module computes directly (and the tests compare with datasketch's own
index on random and real corpora, pair for pair):

- **partitions** (:func:`partitions`): datasketch's ``optimal_partitions`` of the corpus's set sizes — the
  expected false positives of every size interval (the same NumPy sums, slice by slice) and its dynamic programme
  (vectorised here: the same float additions and the same first-minimum choice, so the same bounds). An article
  belongs to the partition whose bounds hold its size.
- **parameters** (:func:`params`): the ensemble's ``(b, r)`` table over ten size ratios, which datasketch computes
  by numerical integration when an index is made (0.1–0.2 s); memoised per rules and kept across runs.
- **the query**: article ``j`` answers the query of article ``i`` when one of the first ``b`` bands of ``r``
  MinHash values is equal in both, ``(b, r)`` looked up for the ratio of ``j``'s partition's upper bound to ``i``'s
  size. The articles are grouped by each band's values (``np.unique`` of the bands as rows: exact equality, three
  integer arrays per ``r`` and band — a dictionary keyed by every article's band bytes held about a gigabyte at
  20,000 articles): a query reads, for each ``r`` its partitions use, the first band each other article shares with
  it, then keeps the articles whose partition's ``b`` exceeds that band.

What datasketch builds per run and is not needed here: an index of every article in every ``r``'s hash tables
(byte-swapped band keys) with a look-up per partition and band, the integration, and Python loops over every
interval for the partitions' false positives and DP.
"""
from __future__ import annotations

import functools
from collections import Counter

import numpy as np
from numpy.lib.stride_tricks import as_strided


KEEP_PARAMS = True  # the (b, r) table kept across runs in a memo (measured: off computes it every run)


@functools.lru_cache(maxsize=8)
def params(threshold: float, num_perm: int, m: int = 8, weights: tuple[float, float] = (0.5, 0.5)):
    """``(xqs, params)``: datasketch's optimal ``(b, r)`` per size ratio for these settings (its own computation),
    kept across runs (:class:`helpers.core.artcache.Memo`, per code version, settings and datasketch version; none
    with the cache off), so a rebuild neither integrates nor imports SciPy's integration
    (:func:`helpers.core.deferred.defer_scipy_integrate`)."""
    if KEEP_PARAMS:
        from importlib import metadata

        from helpers.core import artcache

        memo = artcache.Memo("pairs params", artcache.cache_root())
        key = (float(threshold), int(num_perm), int(m), tuple(float(w) for w in weights), metadata.version("datasketch"))
        xqs, table = memo.get(key, lambda: _params(threshold, num_perm, m, weights))
        memo.save()
    else:
        xqs, table = _params(threshold, num_perm, m, weights)
    return np.array(xqs, dtype=np.float64), [tuple(p) for p in table]


def _params(threshold: float, num_perm: int, m: int, weights: tuple[float, float]):
    from datasketch import MinHashLSHEnsemble

    ens = MinHashLSHEnsemble.__new__(MinHashLSHEnsemble)  # no index: only the parameter table
    ens.threshold, ens.h, ens.m = threshold, num_perm, m
    ens._init_optimal_params(weights)
    return [float(x) for x in np.asarray(ens.xqs, dtype=np.float64)], [tuple(int(v) for v in p) for p in ens.params]


def _nfps(sizes: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """datasketch's ``_compute_nfps_real``: ``nfps[l, u]`` is the sum over sizes ``l..u`` of ``(s_u - s) / s_u * c``.

    The terms are datasketch's (the same element-wise operations); the intervals of one length are summed in one
    call, each as a contiguous row of a strided view, by the same pairwise summation ``np.sum`` gives one slice —
    so the same floats (checked against datasketch in ``tests/rewrites/test_candidates.py``), O(n) calls instead of
    one per interval."""
    n = len(sizes)
    terms = np.zeros((n, n))  # row u: the terms of every interval ending at u, from l = 0
    for u in range(n):
        su = float(sizes[u])
        terms[u, :u + 1] = (su - sizes[:u + 1]) / su * counts[:u + 1]
    out = np.zeros((n, n))
    step = terms.strides[0] + terms.strides[1]  # one row down and one column right
    for length in range(1, n + 1):
        ends = np.arange(length - 1, n)
        rows = as_strided(terms[length - 1:, :], shape=(n - length + 1, length), strides=(step, terms.strides[1]))
        out[ends - length + 1, ends] = rows.sum(axis=1)
    return out


def _first_min(values: np.ndarray) -> int:
    return int(np.argmin(values))  # the first of equal minima, as min() over (value, index) tuples picks


def partitions(sizes, counts, num_part: int) -> list[tuple[int, int]]:
    """datasketch's ``optimal_partitions(sizes, counts, num_part)`` (``(lower, upper)`` per partition, inclusive)."""
    sizes, counts = np.asarray(sizes), np.asarray(counts)
    if num_part < 2:
        return [(sizes[0], sizes[-1])]
    if num_part >= len(sizes):
        return [(x, x) for x in sizes]
    nfps = _nfps(sizes, counts)
    n = len(sizes)
    if num_part == 2:
        u = _first_min(nfps[0, :n - 1] + nfps[1:n, n - 1])
        return [(sizes[0], sizes[u]), (sizes[u + 1], sizes[-1])]
    cost = np.zeros((n, num_part - 2))
    for p in range(2, num_part):
        for u in range(p - 1, n):
            if p == 2:
                cost[u, 0] = np.min(nfps[0, :u] + nfps[1:u + 1, u])
            else:
                cost[u, p - 2] = np.min(cost[p - 2:u, p - 3] + nfps[p - 1:u + 1, u])
    p = num_part
    u = (p - 2) + _first_min(cost[p - 2:n - 1, p - 3] + nfps[p - 1:n, n - 1])
    out = [(sizes[u + 1], sizes[-1])]
    p -= 1
    while p > 1:  # datasketch's back-tracking, as written (the cost column of p partitions)
        u1 = (p - 2) + _first_min(cost[p - 2:u, p - 2] + nfps[p - 1:u + 1, u])
        out.insert(0, (sizes[u1 + 1], sizes[u]))
        u = u1
        p -= 1
    out.insert(0, (sizes[0], sizes[u]))
    return out


def ensemble_query(signatures: dict[str, tuple[int, object]], threshold: float, num_perm: int,
                   num_part: int) -> dict[str, set[str]]:
    """For every article with shingles, the other articles ``MinHashLSHEnsemble(threshold, num_perm,
    num_part).query`` returns for it (after indexing all of them), and those whose query returned it: the
    symmetric candidate sets of :func:`helpers.rewrites.pairs._candidates`. ``signatures``: ``{id: (shingle count,
    MinHash)}``. The same answer as :func:`neighbours`, as sets of ids."""
    ids, starts, found = neighbours(signatures, threshold, num_perm, num_part)
    return {i: {ids[y] for y in found[starts[x]:starts[x + 1]].tolist()} for x, i in enumerate(ids)}


def neighbours(signatures: dict[str, tuple[int, object]], threshold: float, num_perm: int,
               num_part: int) -> tuple[list[str], np.ndarray, np.ndarray]:
    """:func:`ensemble_query`'s answer in compressed rows: ``(ids, starts, found)`` — the articles with shingles in
    ``signatures``' order, and the indexes (into ``ids``) of article ``x``'s candidates, ascending, in
    ``found[starts[x]:starts[x + 1]]``. Four bytes a candidate: near-copies make many (8 million at 20,000
    synthetic articles), which held 0.55 GiB as sets of ids."""
    ids = [i for i, (size, _) in signatures.items() if size]
    n = len(ids)
    if not n:
        return ids, np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int32)
    xqs, table = params(threshold, num_perm)
    rs = sorted({r for _, r in table})
    sizes = np.array([signatures[i][0] for i in ids])
    hist = np.array(sorted(Counter(sizes.tolist()).most_common())).T
    bounds = partitions(hist[0], hist[1], num_part)
    uppers = np.array([int(u) for _, u in bounds])
    part_of = np.searchsorted(uppers, sizes, side="left").tolist()
    hashes = np.stack([np.asarray(signatures[i][1].hashvalues, dtype=np.uint64) for i in ids])
    # band k of num_perm // r: r consecutive MinHash values; articles whose band is equal share a group
    groups = {r: [_band_groups(hashes[:, r * k:r * (k + 1)]) for k in range(num_perm // r)] for r in rs}
    answers: list[np.ndarray] = []  # per query x: the articles its query returns
    for x in range(n):
        # (b, r) for each partition's upper bound over this query's size, as the ensemble looks it up
        at = np.minimum(np.searchsorted(xqs, uppers.astype(float) / float(sizes[x]), side="left"), len(table) - 1)
        per_part = [table[p] for p in at]
        mine = []
        for r in {r for _, r in per_part}:
            bands = max(b for b, rr in per_part if rr == r)
            first: dict[int, int] = {}  # the first band (of r values) each article shares with x
            for k in range(bands):
                group_of, order, starts = groups[r][k]
                g = group_of[x]
                for y in order[starts[g]:starts[g + 1]].tolist():
                    first.setdefault(y, k)
            for y, k in first.items():
                b, rr = per_part[part_of[y]]
                if y != x and rr == r and k < b:
                    mine.append(y)
        answers.append(np.array(mine, dtype=np.int64))
    # symmetric: y is x's candidate when x's query returned y or y's returned x
    src = np.repeat(np.arange(n, dtype=np.int64), [len(a) for a in answers])
    dst = np.concatenate(answers) if answers else np.zeros(0, dtype=np.int64)
    del answers
    pairs = np.unique(np.concatenate([src * n + dst, dst * n + src]))
    starts = np.searchsorted(pairs // n, np.arange(n + 1))
    return ids, starts, (pairs % n).astype(np.int32)


def _band_groups(band: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Articles grouped by one band's values (rows of ``band``, equal exactly when every value is): ``(group of
    each article, articles ordered by group, where each group starts in that order)`` — three integer arrays per
    band instead of a dictionary keyed by each article's band bytes (at 20,000 articles those keys and lists held
    about a gigabyte)."""
    rows = np.ascontiguousarray(band).view(np.dtype((np.void, band.dtype.itemsize * band.shape[1]))).ravel()
    _, group_of = np.unique(rows, return_inverse=True)
    group_of = group_of.ravel().astype(np.int32)
    order = np.argsort(group_of, kind="stable").astype(np.int32)
    starts = np.searchsorted(group_of[order], np.arange(group_of.max() + 2)).astype(np.int32)
    return group_of, order, starts
