"""Which articles overlap, how, and which side copies the other (the ``article_pairs`` table).

Method, in three steps that keep the work close to linear in the number of articles:

1. **Candidates.** Every article becomes a set of word 3-shingles (lower-cased word
   trigrams) and a 128-permutation MinHash. A ``MinHashLSHEnsemble`` index (datasketch)
   answers *containment* queries: for each article it returns the articles that contain
   at least ``candidate_containment`` of its shingles. Containment, not Jaccard, because a
   rewrite is usually much shorter than its source (seed 000 keeps ~60 % of its trigrams
   from 002, but their Jaccard is only ~0.16). No all-pairs comparison is made, and each
   article keeps at most ``max_candidates`` candidates (those with the highest exact
   containment either way), so a cluster of many mutual near-copies (a wire story run by
   dozens of outlets) costs at most ``max_candidates`` verifications per article, not
   one per pair of the cluster.
2. **Verification.** For each candidate pair the exact shingle sets give Jaccard and the
   containment in both directions; the sentences of both articles are aligned
   (:mod:`helpers.rewrites.alignment`) to count sentences kept as same or changed.
3. **Relation and direction** (:func:`classify`, :func:`direction`), from thresholds in
   :class:`PairRules` — documented values, nothing tuned to particular articles.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Mapping

import numpy as np
import pandas as pd

from helpers.core.deferred import defer_scipy_integrate

defer_scipy_integrate()  # datasketch imports SciPy's integration for the (b, r) table only, kept across runs
from datasketch import MinHash  # noqa: E402

from helpers.rewrites import alignment, candidates
from helpers.rewrites.alignment import words
from helpers.core import artcache, schemas

@dataclass(frozen=True)
class PairRules:
    """Thresholds of the pair stage (shares are 0–1)."""

    shingle_words: int = 3
    num_perm: int = 128
    seed: int = 1
    #: LSH Ensemble query threshold: containment of one article in another.
    candidate_containment: float = 0.2
    #: candidates verified per article at most (a pair is kept if it is among either side's best).
    max_candidates: int = 20
    #: verified containment (either direction, exact shingles) to keep a pair at all.
    min_containment: float = 0.1
    #: near-exact copy: Jaccard at least this.
    duplicate_jaccard: float = 0.9
    #: rewrite: this share of the *shorter* article's sentences aligned (same/changed) …
    rewrite_aligned_share: float = 0.5
    #: … and at least this containment of the shorter article in the longer …
    rewrite_containment: float = 0.3
    #: … and at least this many aligned sentences (one shared quote or a boilerplate
    #: sign-off line in a very short text is not a rewrite).
    rewrite_min_aligned: int = 3
    #: shared_source: at least this many aligned sentences (a common passage or wire copy).
    shared_min_aligned: int = 2
    #: containment asymmetry needed to call the more-contained side derived.
    direction_asymmetry: float = 0.15


RULES = PairRules()


def shingles(text: str, k: int = RULES.shingle_words) -> set[str]:
    """Word k-shingles; a text shorter than k words is one shingle of all its words."""
    w = words(text)
    if len(w) < k:
        return {" ".join(w)} if w else set()
    return {" ".join(w[i:i + k]) for i in range(len(w) - k + 1)}


def minhash(shingle_set: set[str], rules: PairRules = RULES) -> MinHash:
    m = MinHash(num_perm=rules.num_perm, seed=rules.seed)
    if shingle_set:
        m.update_batch([s.encode("utf-8") for s in shingle_set])
    return m


class ShingleCodes:
    """Each text's word k-shingles as a sorted array of distinct 64-bit codes — what the stage keeps of every
    article while it verifies pairs: 8 bytes a shingle, against about 100 for a set of strings (at 20,000 articles
    the sets alone held most of a gigabyte).

    Words get ids from one vocabulary per run (from 1; 0 pads a text shorter than ``k`` words). A shingle whose ids
    all fit in ``63 // k`` bits (21 for word trigrams: the first 2,097,151 distinct words) is its ids packed into
    one integer — equal codes exactly when the words are equal, as with the strings. A shingle with a later word
    gets a 63-bit mix of its ids with the top bit set, so it never meets a packed code; two such shingles could
    share a code by chance (about one pair in 2^63). A shingle's code depends only on its words' ids, never on
    when it was made, so every article of a run is coded alike."""

    def __init__(self, k: int = RULES.shingle_words):
        self.k, self.bits = k, 63 // k
        self.vocab: dict[str, int] = {}

    def __call__(self, text: str) -> np.ndarray:
        vocab = self.vocab
        ids = np.array([vocab.setdefault(w, len(vocab) + 1) for w in words(text)], dtype=np.uint64)
        if not len(ids):
            return np.empty(0, dtype=np.uint64)
        k = self.k
        if len(ids) < k:  # one shingle of all the words, as :func:`shingles` makes
            ids = np.concatenate([ids, np.zeros(k - len(ids), dtype=np.uint64)])
        cols = [ids[i:len(ids) - k + 1 + i] for i in range(k)]
        packed = np.zeros(len(cols[0]), dtype=np.uint64)
        for col in cols:
            packed = (packed << np.uint64(self.bits)) | col
        large = np.zeros(len(packed), dtype=bool)
        for col in cols:
            large |= col >= np.uint64(1 << self.bits)
        if large.any():
            mixed = np.zeros(int(large.sum()), dtype=np.uint64)
            for col in cols:
                mixed = _mix64(mixed ^ col[large])
            packed[large] = mixed | np.uint64(1 << 63)
        return np.unique(packed)


def _mix64(x: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser (wrapping uint64 arithmetic): spreads every input bit over the 64 output bits."""
    with np.errstate(over="ignore"):
        x = (x + np.uint64(0x9E3779B97F4A7C15)) & np.uint64(0xFFFFFFFFFFFFFFFF)
        x = ((x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9))
        x = ((x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB))
        return x ^ (x >> np.uint64(31))


def shared_count(sh_a, sh_b) -> int:
    """Shingles two articles share: of two sets of strings, or of two :class:`ShingleCodes` arrays (sorted, distinct:
    each code of the shorter looked up in the longer by binary search — what ``np.intersect1d`` counts, without
    sorting the two together)."""
    if isinstance(sh_a, np.ndarray):
        short, long_ = (sh_a, sh_b) if len(sh_a) <= len(sh_b) else (sh_b, sh_a)
        if not len(short):
            return 0
        return int(np.count_nonzero(long_[np.minimum(np.searchsorted(long_, short), len(long_) - 1)] == short))
    return len(sh_a & sh_b)


def shared_counts(codes: np.ndarray, others: list[np.ndarray]) -> np.ndarray:
    """:func:`shared_count` of ``codes`` with each of ``others`` (:class:`ShingleCodes` arrays), in one pass over
    them all: every code of ``others`` looked up in ``codes`` by binary search (sets of strings: one by one)."""
    if not isinstance(codes, np.ndarray):
        return np.array([shared_count(codes, o) for o in others], dtype=np.int64)
    counts = np.zeros(len(others), dtype=np.int64)
    flat = np.concatenate(others) if others else codes[:0]
    if not len(codes) or not len(flat):
        return counts
    hit = codes[np.minimum(np.searchsorted(codes, flat), len(codes) - 1)] == flat
    owner = np.repeat(np.arange(len(others)), [len(o) for o in others])
    return np.bincount(owner[hit], minlength=len(others)).astype(np.int64)


def overlap(sh_a, sh_b) -> tuple[float, float, float]:
    """(Jaccard, containment of A in B, containment of B in A) of two shingle sets (sets of strings or
    :class:`ShingleCodes` arrays)."""
    if not len(sh_a) or not len(sh_b):
        return 0.0, 0.0, 0.0
    inter = shared_count(sh_a, sh_b)
    return inter / (len(sh_a) + len(sh_b) - inter), inter / len(sh_a), inter / len(sh_b)


def warm() -> None:
    """What the runner loads ahead for notebook 05 (:mod:`helpers.run.preload`): the candidate search's parameter
    table (datasketch computes it by numerical integration, 0.1–0.2 s)."""
    candidates.params(RULES.candidate_containment, RULES.num_perm)


def candidate_pairs(shingle_sets: dict[str, set[str]], rules: PairRules = RULES) -> list[tuple[str, str]]:
    """Candidate pairs ``(a, b)`` with ``a < b`` from an LSH Ensemble containment index."""
    ids = [i for i, s in shingle_sets.items() if s]
    return _candidates({i: (len(shingle_sets[i]), minhash(shingle_sets[i], rules)) for i in ids}, shingle_sets, rules)


_MEMO = np.dtype([("lo", "<u8"), ("hi", "<u8"), ("shared", "<i8")])


class SharedShingles:
    """The stage's memo between runs: the shingles two articles share, for the pairs the last run ranked, by the
    64-bit keys naming their texts — one structured array sorted by ``(lo, hi)`` (24 bytes a pair; as a dict of
    tuples about 250: near-copies make millions of ranked pairs, 4 million at 20,000 synthetic articles).
    :func:`_candidates` reads it and leaves it holding the pairs it ranked."""

    def __init__(self, table=None):
        ok = isinstance(table, np.ndarray) and table.dtype == _MEMO
        self.table = table if ok else np.zeros(0, dtype=_MEMO)

    def lookup(self, query: np.ndarray) -> np.ndarray:
        """The shared count of each ``query`` pair (``lo``/``hi`` set), -1 for a pair not in the memo."""
        out = np.full(len(query), -1, dtype=np.int64)
        if len(self.table) and len(query):
            pos = np.minimum(np.searchsorted(self.table[["lo", "hi"]], query[["lo", "hi"]]), len(self.table) - 1)
            hit = (self.table["lo"][pos] == query["lo"]) & (self.table["hi"][pos] == query["hi"])
            out[hit] = self.table["shared"][pos[hit]]
        return out


def _candidates(signatures: dict[str, tuple[int, MinHash | None]], shingle_sets: Mapping[str, set[str]],
                rules: PairRules = RULES, keys: Mapping[str, int] | None = None,
                shared: SharedShingles | None = None) -> list[tuple[str, str]]:
    """:func:`candidate_pairs` from each article's (shingle count, MinHash); articles without shingles take no part.
    ``shingle_sets`` (read only for an article with more than ``max_candidates`` candidates) ranks the candidates.

    The search is datasketch's ``MinHashLSHEnsemble`` query, computed by :mod:`helpers.rewrites.candidates`.
    ``shared`` (:class:`SharedShingles` by ``keys``, ``{id: 64-bit key naming its text}``: the stage's memo between
    runs) saves intersecting the shingle sets of a pair ranked before; it is left holding the pairs this call
    ranked."""
    ids = [i for i, (size, _) in signatures.items() if size]
    if len(ids) < 2:
        return []
    ids, starts, found = candidates.neighbours(signatures, rules.candidate_containment, rules.num_perm,
                                               min(16, len(ids)))
    ranked: list[np.ndarray] = []  # the memo rows of the pairs ranked here

    def closeness(i: str, js: list[str]) -> list[float]:
        """The larger containment either way of ``i`` with each of ``js``: shared shingles over the smaller set
        (as ``max(overlap(...)[1:])``)."""
        if shared is None:  # as max(overlap(...)[1:]) of each pair, the shared counts taken together
            mine, theirs = shingle_sets[i], [shingle_sets[j] for j in js]
            inter = shared_counts(mine, theirs).tolist()
            return [max(n / len(mine), n / len(o)) if len(mine) and len(o) else 0.0 for n, o in zip(inter, theirs)]
        mine, theirs = np.uint64(keys[i]), np.array([keys[j] for j in js], dtype=np.uint64)
        query = np.zeros(len(js), dtype=_MEMO)
        query["lo"], query["hi"] = np.minimum(mine, theirs), np.maximum(mine, theirs)
        inter = shared.lookup(query)
        todo = np.flatnonzero(inter < 0)
        if len(todo):  # the pairs not in the memo, counted together
            inter[todo] = shared_counts(shingle_sets[i], [shingle_sets[js[t]] for t in todo.tolist()])
        query["shared"] = inter
        ranked.append(query)
        size = signatures[i][0]
        return [n / min(size, signatures[j][0]) for n, j in zip(inter.tolist(), js)]

    kept: set[tuple[str, str]] = set()
    for x, i in enumerate(ids):
        js = [ids[y] for y in found[starts[x]:starts[x + 1]].tolist()]
        if len(js) > rules.max_candidates:  # the closest by exact containment either way, ties by id
            near = closeness(i, js)
            js = [j for _, j in sorted(zip((-c for c in near), js))][:rules.max_candidates]
        kept.update((i, j) if i < j else (j, i) for j in js)
    if shared is not None:  # what the next run can use: the pairs ranked now
        shared.table = np.unique(np.concatenate(ranked)) if ranked else np.zeros(0, dtype=_MEMO)
    return sorted(kept)


def classify(jaccard: float, c_ab: float, c_ba: float, aligned: int, n_a: int, n_b: int,
             rules: PairRules = RULES) -> str:
    """duplicate | rewrite | shared_source | related | independent (see README)."""
    if jaccard >= rules.duplicate_jaccard:
        return "duplicate"
    shorter = min(n_a, n_b)
    contained = c_ab if n_a <= n_b else c_ba
    if (aligned >= rules.rewrite_min_aligned and aligned / shorter >= rules.rewrite_aligned_share
            and contained >= rules.rewrite_containment):
        return "rewrite"
    if aligned >= rules.shared_min_aligned:
        return "shared_source"
    if max(c_ab, c_ba) >= rules.min_containment:
        return "related"
    return "independent"


@dataclass(frozen=True)
class ArticleInfo:
    """What :func:`direction` needs to know about one article."""

    article_id: str
    text: str
    published: date | None = None
    outlet: str | None = None


def _names(text: str, outlet: str | None) -> bool:
    if not outlet or not outlet.strip():
        return False
    # case-sensitive: an outlet is a proper name ("Al Jazeera", not "al jazeera" or "a")
    return re.search(r"(?<!\w)" + re.escape(outlet.strip()) + r"(?!\w)", text) is not None


def _valid(d) -> bool:
    return d is not None and not pd.isna(d)


def direction(a: ArticleInfo, b: ArticleInfo, c_ab: float, c_ba: float,
              rules: PairRules = RULES) -> tuple[str | None, str | None]:
    """Which side is derived, and why. Evidence in order of strength:

    1. *credit line*: one article names the other's (different) outlet and not vice versa;
    2. *dates*: both dated and one is later;
    3. *containment asymmetry*: one article is contained in the other markedly more than
       the reverse (a rewrite condenses its source).

    The strongest available evidence decides; the reason lists every piece of evidence
    that agrees with the decision and names any that contradicts it.
    """
    votes: list[tuple[str, str]] = []  # (derived id, reason)
    same_outlet = a.outlet and b.outlet and a.outlet.strip().lower() == b.outlet.strip().lower()
    if not same_outlet:
        a_names_b, b_names_a = _names(a.text, b.outlet), _names(b.text, a.outlet)
        if a_names_b != b_names_a:
            src, der = (b, a) if a_names_b else (a, b)
            votes.append((der.article_id, f"credit line: {der.article_id} names {src.outlet} (outlet of {src.article_id})"))
    if _valid(a.published) and _valid(b.published) and a.published != b.published:
        src, der = (a, b) if a.published < b.published else (b, a)
        votes.append((der.article_id, f"dates: {der.article_id} published {der.published}, after {src.published}"))
    if abs(c_ab - c_ba) >= rules.direction_asymmetry:
        der, src, hi, lo = (a, b, c_ab, c_ba) if c_ab > c_ba else (b, a, c_ba, c_ab)
        votes.append((der.article_id, f"containment asymmetry: {hi:.2f} of {der.article_id} is in "
                                      f"{src.article_id}, {lo:.2f} the other way"))
    if not votes:
        return None, None
    derived = votes[0][0]
    reasons = [r for d, r in votes if d == derived]
    reasons += [f"contradicted by {r}" for d, r in votes if d != derived]
    return derived, "; ".join(reasons)


@dataclass(frozen=True)
class _Sentences:
    """One article's sentences in order: their ids and texts (views into the stage's sorted columns, not a frame
    per article: at 20,000 articles those frames cost more than the sentences)."""

    ids: np.ndarray
    texts: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)


_NO_SENTENCES = _Sentences(np.empty(0, dtype=np.int64), np.empty(0, dtype=object))


def _sentence_lists(sentences: pd.DataFrame) -> dict[str, _Sentences]:
    cols = ["article_id", "sentence_id", "text"]
    missing = [c for c in cols if c not in sentences.columns]
    if missing:
        raise ValueError(f"sentences frame lacks columns {missing}")
    ordered = sentences[cols].sort_values(["article_id", "sentence_id"])
    aids = ordered["article_id"].to_numpy()
    ids, texts = ordered["sentence_id"].to_numpy(), ordered["text"].to_numpy(dtype=object)
    starts = [0, *(np.flatnonzero(aids[1:] != aids[:-1]) + 1).tolist()] if len(aids) else []
    ends = starts[1:] + [len(aids)]
    return {aids[a]: _Sentences(ids[a:b], texts[a:b]) for a, b in zip(starts, ends)}


def _info(row) -> ArticleInfo:
    published = getattr(row, "published", None)
    outlet = getattr(row, "outlet", None)
    if not _valid(published):
        published = None
    elif isinstance(published, pd.Timestamp):
        published = published.date()
    if not isinstance(outlet, str) or not outlet.strip():
        outlet = None
    return ArticleInfo(row.article_id, row.text, published, outlet)


def _article_digest(inf: ArticleInfo, sents: _Sentences) -> str:
    """What one side of a pair's result depends on: the article's id, text, date, outlet and sentences."""
    blob = json.dumps([inf.article_id, inf.text, str(inf.published), inf.outlet,
                       sents.ids.tolist(), sents.texts.tolist()], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


def _pair_result(a: ArticleInfo, b: ArticleInfo, sh_a, sh_b, sa: _Sentences,
                 sb: _Sentences, rules: PairRules, align_rules: alignment.AlignRules,
                 keep_independent: bool) -> tuple[dict | None, list[dict]]:
    """One candidate pair verified: its ``article_pairs`` row (None when dropped) and its alignment records."""
    jac, c_ab, c_ba = overlap(sh_a, sh_b)
    if max(c_ab, c_ba) < rules.min_containment:
        return None, []
    rows = alignment.align_sentences(sa.ids.tolist(), sa.texts.tolist(), sb.ids.tolist(), sb.texts.tolist(),
                                     align_rules)
    # aligned sentences counted on the side with fewer sentences
    aligned = alignment.count_aligned(rows, "a" if len(sa) <= len(sb) else "b")
    relation = classify(jac, c_ab, c_ba, aligned, len(sa), len(sb), rules)
    if relation == "independent" and not keep_independent:
        return None, []
    derived, reason = direction(a, b, c_ab, c_ba, rules) if relation != "independent" else (None, None)
    row = dict(article_a=a.article_id, article_b=b.article_id, jaccard=jac, containment_a_in_b=c_ab,
               containment_b_in_a=c_ba, aligned_sentences=aligned, sentences_a=len(sa),
               sentences_b=len(sb), relation=relation, derived=derived, derived_reason=reason)
    return row, (alignment.records(a.article_id, b.article_id, rows) if relation in ("duplicate", "rewrite") else [])


class _Lazy(dict):
    """``key -> value`` computed on first access by ``make(key)``."""

    def __init__(self, make):
        super().__init__()
        self._make = make

    def __missing__(self, key):
        value = self[key] = self._make(key)
        return value


def find_pairs(articles: pd.DataFrame, sentences: pd.DataFrame, rules: PairRules = RULES,
               align_rules: alignment.AlignRules = alignment.RULES,
               keep_independent: bool = False, cache: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``article_pairs`` and ``sentence_alignment`` frames for a set of articles.

    ``articles`` needs ``article_id`` and ``text`` (``published`` and ``outlet`` are used
    for direction when present); ``sentences`` follows the ``sentences`` contract
    (``article_id``, ``sentence_id``, ``text``). Alignment rows are kept for duplicate and
    rewrite pairs.

    ``cache`` (the stage's :func:`helpers.rewrites.run`): each article's MinHash (with its shingle count) is kept in
    the per-article cache (:mod:`helpers.core.artcache`) under its text and the rules (all of a run's MinHashes in
    one entry), and each verified candidate pair's result under both articles' id, text, date, outlet and sentences
    and the rules (the pairs of one first article in one entry: a file per article, not per pair); a rebuild after adding
    one article computes the new article's MinHash and the candidate pairs that involve it (or a changed
    article), and reads the rest. The candidate search (the LSH Ensemble's query, :mod:`helpers.rewrites.candidates`)
    runs over the whole corpus — its partitions depend on every article's size — so the tables equal an uncached
    run's; the shared shingles of the pairs it ranks are kept in one memo entry, so a pair ranked in the last run is
    not intersected again.
    """
    for col in ("article_id", "text"):
        if col not in articles.columns:
            raise ValueError(f"articles frame lacks column {col!r}")
    if articles["article_id"].duplicated().any():
        raise ValueError("articles frame has repeated article_id values")
    info = {r.article_id: _info(r) for r in articles.itertuples(index=False)}
    codes = ShingleCodes(rules.shingle_words)
    sh = _Lazy(lambda aid: codes(info[aid].text))  # compact: every article's shingles are held to the end
    sents = _sentence_lists(sentences)
    empty = _NO_SENTENCES
    hash_cache = artcache.for_stage("05 minhash") if cache else None
    pair_cache = artcache.for_stage("05 pairs") if cache else None
    scheme = [rules.shingle_words, rules.num_perm, rules.seed]
    signatures, text_keys = {}, {}
    # every article's MinHash in one entry (``{article key: (shingle count, MinHash)}``, the articles of the last
    # run): one file read and written per run instead of one per article (creating a file costs ~0.1-0.2 ms here)
    hashes_key = artcache.input_key("05 minhashes", "", "", scheme) if hash_cache is not None else None
    kept_hashes = _dict_entry(hash_cache, hashes_key)
    new_hashes = {}
    for aid, inf in info.items():
        key = artcache.input_key("05 minhash", aid, inf.text, scheme) if hash_cache is not None else None
        value = kept_hashes.get(key) if key else None
        if value is None:
            strings = shingles(inf.text, rules.shingle_words)  # the MinHash hashes the strings; not kept
            value = (len(strings), minhash(strings, rules) if strings else None)
        if key:
            new_hashes[key] = value
        signatures[aid], text_keys[aid] = value, int(key[:16], 16) if key else None  # 64 bits name a text here
    if hashes_key and new_hashes.keys() != kept_hashes.keys():
        hash_cache.put(hashes_key, new_hashes)
    del kept_hashes
    # the shared shingles of the pairs ranked in the last run (one entry: a run reads and writes it once)
    memo_key = artcache.input_key("05 shared shingles", "", "", scheme) if hash_cache is not None else None
    shared = SharedShingles(hash_cache.get(memo_key)[1]) if memo_key else None
    before = shared.table if shared is not None else None
    digests = _Lazy(lambda aid: _article_digest(info[aid], sents.get(aid, empty)))
    settings = [repr(rules), repr(align_rules), keep_independent]

    pair_rows = alignment.Columns(schemas.ARTICLE_PAIRS.column_names)
    align_records = alignment.Columns(schemas.SENTENCE_ALIGNMENT.column_names)
    found = _candidates(signatures, sh, rules, text_keys, shared)
    if memo_key and not np.array_equal(shared.table, before):
        hash_cache.put(memo_key, shared.table)
    group_of, group, kept, made = None, {}, {}, False  # the pairs of one first article: its entry, read, kept
    try:
        for a, b in found:  # sorted: the pairs of one first article ``a`` come together
            if pair_cache and a != group_of:
                _save_group(pair_cache, group_of, settings, group, kept, made)
                group_of, group, kept, made = a, _dict_entry(pair_cache, _group_key(a, settings)), {}, False
            key = artcache.input_key("05 pairs", f"{a}|{b}", "", [digests[a], digests[b], settings]) \
                if pair_cache else None
            value = group.get(key) if key else None
            if value is None:
                value = _pair_result(info[a], info[b], sh[a], sh[b], sents.get(a, empty), sents.get(b, empty),
                                     rules, align_rules, keep_independent)
                made = True
            if key:
                kept[key] = value
            row, records = value
            if row is not None:
                pair_rows.add(row)
                for record in records:
                    align_records.add(record)
    finally:
        alignment.clear_caches()
    if pair_cache:
        _save_group(pair_cache, group_of, settings, group, kept, made)
    pairs = pair_rows.frame() if len(pair_rows) else schemas.ARTICLE_PAIRS.empty()
    aligned_df = alignment.to_frame(align_records)
    return pairs, aligned_df


def _group_key(article: str, settings: list) -> str:
    """The cache entry of the verified pairs whose first article is ``article``: ``{pair key: result}``."""
    return artcache.input_key("05 pair group", article, "", settings)


def _save_group(cache: artcache.ArticleCache, article: str | None, settings: list, was: dict, kept: dict,
                made: bool) -> None:
    """Write one first article's pair results (those of this run) when any was computed or one was dropped: one
    file per article, not per pair (creating a file costs ~0.1-0.2 ms here; 12,000 kept pairs at 2,000 articles)."""
    if article is not None and (made or kept.keys() != was.keys()):
        cache.put(_group_key(article, settings), kept)


def _dict_entry(cache: artcache.ArticleCache | None, key: str | None) -> dict:
    """A cache entry holding a dict (empty when absent, damaged or not a dict, or with the cache off)."""
    if cache is None or key is None:
        return {}
    hit, value = cache.get(key)
    return value if hit and isinstance(value, dict) else {}


def relation_counts(pairs: pd.DataFrame) -> pd.Series:
    """Pairs per relation, every relation listed (zero when absent)."""
    return pairs["relation"].value_counts().reindex(list(schemas.RELATIONS), fill_value=0)


def exact_duplicate_groups(texts: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Groups (of 2+ keys) whose texts are byte-identical — the ground truth for duplicates."""
    by_text: dict[str, list[str]] = {}
    for key, text in texts:
        by_text.setdefault(text, []).append(key)
    return [sorted(v) for v in by_text.values() if len(v) > 1]


__all__ = ["PairRules", "RULES", "ArticleInfo", "shingles", "ShingleCodes", "shared_count", "SharedShingles", "minhash", "overlap",
           "candidate_pairs", "classify", "direction", "find_pairs", "relation_counts", "exact_duplicate_groups"]
