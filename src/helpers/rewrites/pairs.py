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

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterable

import pandas as pd
from datasketch import MinHash, MinHashLSHEnsemble

from helpers.rewrites import alignment
from helpers.rewrites.alignment import words
from helpers.core import schemas

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


def overlap(sh_a: set[str], sh_b: set[str]) -> tuple[float, float, float]:
    """(Jaccard, containment of A in B, containment of B in A) of two shingle sets."""
    if not sh_a or not sh_b:
        return 0.0, 0.0, 0.0
    inter = len(sh_a & sh_b)
    return inter / len(sh_a | sh_b), inter / len(sh_a), inter / len(sh_b)


def candidate_pairs(shingle_sets: dict[str, set[str]], rules: PairRules = RULES) -> list[tuple[str, str]]:
    """Candidate pairs ``(a, b)`` with ``a < b`` from an LSH Ensemble containment index."""
    ids = [i for i, s in shingle_sets.items() if s]
    if len(ids) < 2:
        return []
    hashes = {i: minhash(shingle_sets[i], rules) for i in ids}
    index = MinHashLSHEnsemble(threshold=rules.candidate_containment, num_perm=rules.num_perm,
                               num_part=min(16, len(ids)))
    index.index((i, hashes[i], len(shingle_sets[i])) for i in ids)
    found: dict[str, set[str]] = {i: set() for i in ids}
    for i in ids:
        for j in index.query(hashes[i], len(shingle_sets[i])):
            if j != i:
                found[i].add(j)
                found[j].add(i)
    kept: set[tuple[str, str]] = set()
    for i, js in found.items():
        if len(js) > rules.max_candidates:  # the closest by exact containment either way, ties by id
            js = sorted(js, key=lambda j: (-max(overlap(shingle_sets[i], shingle_sets[j])[1:]), j))[:rules.max_candidates]
        kept.update((i, j) if i < j else (j, i) for j in js)
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


def _sentence_lists(sentences: pd.DataFrame) -> dict[str, pd.DataFrame]:
    cols = ["article_id", "sentence_id", "text"]
    missing = [c for c in cols if c not in sentences.columns]
    if missing:
        raise ValueError(f"sentences frame lacks columns {missing}")
    ordered = sentences[cols].sort_values(["article_id", "sentence_id"])
    return {aid: g for aid, g in ordered.groupby("article_id", sort=False)}


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


def find_pairs(articles: pd.DataFrame, sentences: pd.DataFrame, rules: PairRules = RULES,
               align_rules: alignment.AlignRules = alignment.RULES,
               keep_independent: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``article_pairs`` and ``sentence_alignment`` frames for a set of articles.

    ``articles`` needs ``article_id`` and ``text`` (``published`` and ``outlet`` are used
    for direction when present); ``sentences`` follows the ``sentences`` contract
    (``article_id``, ``sentence_id``, ``text``). Alignment rows are kept for duplicate and
    rewrite pairs.
    """
    for col in ("article_id", "text"):
        if col not in articles.columns:
            raise ValueError(f"articles frame lacks column {col!r}")
    if articles["article_id"].duplicated().any():
        raise ValueError("articles frame has repeated article_id values")
    info = {r.article_id: _info(r) for r in articles.itertuples(index=False)}
    sh = {aid: shingles(inf.text, rules.shingle_words) for aid, inf in info.items()}
    sents = _sentence_lists(sentences)
    empty = pd.DataFrame({"sentence_id": pd.Series(dtype="int64"), "text": pd.Series(dtype="object")})

    pair_rows, align_records = [], []
    for a, b in candidate_pairs(sh, rules):
        jac, c_ab, c_ba = overlap(sh[a], sh[b])
        if max(c_ab, c_ba) < rules.min_containment:
            continue
        sa, sb = sents.get(a, empty), sents.get(b, empty)
        rows = alignment.align_sentences(sa["sentence_id"].tolist(), sa["text"].tolist(),
                                         sb["sentence_id"].tolist(), sb["text"].tolist(), align_rules)
        # aligned sentences counted on the side with fewer sentences
        aligned = alignment.count_aligned(rows, "a" if len(sa) <= len(sb) else "b")
        relation = classify(jac, c_ab, c_ba, aligned, len(sa), len(sb), rules)
        if relation == "independent" and not keep_independent:
            continue
        derived, reason = direction(info[a], info[b], c_ab, c_ba, rules) if relation != "independent" else (None, None)
        pair_rows.append(dict(article_a=a, article_b=b, jaccard=jac, containment_a_in_b=c_ab,
                              containment_b_in_a=c_ba, aligned_sentences=aligned, sentences_a=len(sa),
                              sentences_b=len(sb), relation=relation, derived=derived, derived_reason=reason))
        if relation in ("duplicate", "rewrite"):
            align_records += alignment.records(a, b, rows)
    pairs = pd.DataFrame(pair_rows, columns=schemas.ARTICLE_PAIRS.column_names) if pair_rows else schemas.ARTICLE_PAIRS.empty()
    aligned_df = alignment.to_frame(align_records)
    return pairs, aligned_df


def relation_counts(pairs: pd.DataFrame) -> pd.Series:
    """Pairs per relation, every relation listed (zero when absent)."""
    return pairs["relation"].value_counts().reindex(list(schemas.RELATIONS), fill_value=0)


def exact_duplicate_groups(texts: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Groups (of 2+ keys) whose texts are byte-identical — the ground truth for duplicates."""
    by_text: dict[str, list[str]] = {}
    for key, text in texts:
        by_text.setdefault(text, []).append(key)
    return [sorted(v) for v in by_text.values() if len(v) > 1]


__all__ = ["PairRules", "RULES", "ArticleInfo", "shingles", "minhash", "overlap", "candidate_pairs",
           "classify", "direction", "find_pairs", "relation_counts", "exact_duplicate_groups"]
