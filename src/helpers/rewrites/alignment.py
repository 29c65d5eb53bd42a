"""Sentence alignment of two articles (the ``sentence_alignment`` table).

Two passes over a similarity matrix of the sentences (rapidfuzz ``token_sort_ratio`` on
lower-cased words, so reordered clauses still match, scaled to 0–1):

1. **Order-preserving 1:1 alignment.** A weighted longest-common-subsequence over the
   matrix (dynamic programming, vectorised by rows) picks the set of sentence pairs with
   similarity ≥ ``changed`` that keeps both articles' order and maximises the summed excess
   of similarity over that threshold. A pair must also share at least ``shared_words`` of
   the smaller sentence's content words (words of 3+ letters): two unrelated sentences of
   the same shape can reach a token-sort ratio of 0.55, but share few words.
   Pairs whose words are identical (case and punctuation aside) are labelled *same*, the
   rest *changed* — so one replaced word is a change a reader gets to see.
2. **Merges and splits.** A rewrite often merges two source sentences into one (or splits
   one). A sentence left unaligned after pass 1 is attached, as *changed*, to the sentence
   on the other side that contains at least ``merged_cover`` of its content words (words
   of 3+ letters), if it has at least ``merged_min_words`` of them.

Every other sentence is *only_in_a* (dropped by B) or *only_in_b* (added by B).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from helpers.core import schemas

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class AlignRules:
    changed: float = 0.5
    shared_words: float = 0.5
    merged_cover: float = 0.6
    merged_min_words: int = 4


RULES = AlignRules()


@dataclass(frozen=True)
class Row:
    sentence_a: int | None
    sentence_b: int | None
    text_a: str | None
    text_b: str | None
    similarity: float
    label: str


def words(text: str) -> list[str]:
    """Lower-cased word tokens: the one tokenisation of the rewrites stage (pairs and alignment)."""
    return _WORD.findall(text.lower())


@functools.lru_cache(maxsize=200_000)
def normalise(text: str) -> str:
    return " ".join(words(text))


@functools.lru_cache(maxsize=200_000)
def _content(text: str) -> frozenset[str]:
    return frozenset(w for w in words(text) if len(w) >= 3)


@functools.lru_cache(maxsize=200_000)
def _sorted_words(text: str) -> str:
    """The normalised sentence with its words sorted: what ``fuzz.token_sort_ratio`` compares (it splits at
    whitespace, sorts the words by code point and joins them with a space), made once per sentence instead of once
    per sentence pair (:func:`similarity_matrix`)."""
    return " ".join(sorted(normalise(text).split()))


def clear_caches() -> None:
    """Forget the normalised forms and content words kept for sentences aligned so far: the pairs stage calls it
    when it is done, so that a kernel that goes on to the next notebook does not keep up to 200,000 sentences'
    forms (several hundred MiB at 20,000 articles)."""
    normalise.cache_clear()
    _content.cache_clear()
    _sorted_words.cache_clear()


PRESORTED = True  # token_sort_ratio as fuzz.ratio of words sorted once per sentence (measured: off sorts per pair)


def similarity_matrix(texts_a: Sequence[str], texts_b: Sequence[str]) -> np.ndarray:
    """0–1 similarity of every sentence of A with every sentence of B."""
    if not len(texts_a) or not len(texts_b):
        return np.zeros((len(texts_a), len(texts_b)))
    if PRESORTED:  # the same scores: token_sort_ratio is the ratio of the sorted words
        sa, sb = [_sorted_words(t) for t in texts_a], [_sorted_words(t) for t in texts_b]
        return process.cdist(sa, sb, scorer=fuzz.ratio, dtype=np.float64) / 100.0
    na, nb = [normalise(t) for t in texts_a], [normalise(t) for t in texts_b]
    return process.cdist(na, nb, scorer=fuzz.token_sort_ratio, dtype=np.float64) / 100.0


def shared_word_share(words_a: Sequence[frozenset[str]], words_b: Sequence[frozenset[str]],
                      cells: np.ndarray | None = None) -> np.ndarray:
    """Shared content words of sentence pairs over the smaller sentence's count
    (only for the ``cells`` mask when given; 0 elsewhere)."""
    out = np.zeros((len(words_a), len(words_b)))
    idx = np.argwhere(cells) if cells is not None else np.argwhere(np.ones_like(out, dtype=bool))
    for i, j in idx:
        wa, wb = words_a[i], words_b[j]
        smaller = min(len(wa), len(wb))
        out[i, j] = len(wa & wb) / smaller if smaller else 0.0
    return out


def monotone_matches(sim: np.ndarray, threshold: float, allowed: np.ndarray | None = None) -> list[tuple[int, int]]:
    """Order-preserving 1:1 matches over cells with similarity ≥ threshold (and ``allowed``),
    maximising the summed excess of similarity over the threshold — so one strong match
    beats two weak crossing ones."""
    n, m = sim.shape
    if n == 0 or m == 0:
        return []
    ok = sim >= threshold if allowed is None else (sim >= threshold) & allowed
    w = np.where(ok, sim - threshold + 1e-3, -1.0)
    d = np.zeros((n + 1, m + 1))
    for i in range(1, n + 1):
        x = np.maximum(d[i - 1, 1:], d[i - 1, :-1] + w[i - 1])
        d[i, 1:] = np.maximum.accumulate(np.maximum(x, 0.0))
    matches = []
    i, j = n, m
    while i > 0 and j > 0:
        if d[i, j] == d[i, j - 1]:
            j -= 1
        elif d[i, j] == d[i - 1, j]:
            i -= 1
        else:
            matches.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    return matches[::-1]


def _cover(words_u: frozenset[str], words_v: frozenset[str]) -> float:
    return len(words_u & words_v) / len(words_u) if words_u else 0.0


def _attach_unmatched(words_u: list[frozenset[str]], words_v: list[frozenset[str]], matched: set[int],
                      rules: AlignRules) -> dict[int, int]:
    """Unmatched sentences of one side → the other side's sentence that covers them most."""
    out: dict[int, int] = {}
    if not words_v:
        return out
    for i, wu in enumerate(words_u):
        if i in matched or len(wu) < rules.merged_min_words:
            continue
        # the first sentence covering most of ``wu``: covers share the denominator len(wu), so the first largest
        # shared count is the first largest cover (np.argmax of the covers), its cover the same division
        shared = [len(wu & wv) for wv in words_v]
        j = shared.index(max(shared))
        if (shared[j] / len(wu) if wu else 0.0) >= rules.merged_cover:
            out[i] = j
    return out


def align_sentences(ids_a: Sequence[int], texts_a: Sequence[str], ids_b: Sequence[int],
                    texts_b: Sequence[str], rules: AlignRules = RULES) -> list[Row]:
    """Alignment rows in reading order (A's order, B-only sentences where they occur)."""
    if len(ids_a) != len(texts_a) or len(ids_b) != len(texts_b):
        raise ValueError("sentence ids and texts differ in length")
    sim = similarity_matrix(texts_a, texts_b)
    normalised_a, normalised_b = [normalise(t) for t in texts_a], [normalise(t) for t in texts_b]
    words_a = [_content(t) for t in texts_a]
    words_b = [_content(t) for t in texts_b]
    share = shared_word_share(words_a, words_b, sim >= rules.changed)
    matches = monotone_matches(sim, rules.changed, share >= rules.shared_words)
    matched_a = {i for i, _ in matches}
    matched_b = {j for _, j in matches}

    # pass 2: merged / split sentences
    extra_a = _attach_unmatched(words_a, words_b, matched_a, rules)  # unmatched i in A -> j in B
    extra_b = _attach_unmatched(words_b, words_a, matched_b, rules)  # unmatched j in B -> i in A

    def row(i: int | None, j: int | None, label: str | None = None) -> Row:
        s = float(sim[i, j]) if i is not None and j is not None else 0.0
        if label is None:
            label = "same" if normalised_a[i] == normalised_b[j] else "changed"
        return Row(None if i is None else int(ids_a[i]), None if j is None else int(ids_b[j]),
                   None if i is None else texts_a[i], None if j is None else texts_b[j], round(s, 4), label)

    # Reading order: walk A; B sentences are emitted before the A sentence they precede.
    a_to_b = dict(matches)
    out: list[Row] = []
    next_b = 0

    def flush_b(upto: int) -> None:
        nonlocal next_b
        while next_b < upto:
            j = next_b
            if j not in matched_b:
                out.append(row(extra_b[j], j, "changed") if j in extra_b else row(None, j, "only_in_b"))
            next_b += 1

    for i in range(len(texts_a)):
        j_match = a_to_b.get(i)
        if j_match is not None:
            flush_b(j_match)
            out.append(row(i, j_match))
            next_b = max(next_b, j_match + 1)
        elif i in extra_a:
            out.append(row(i, extra_a[i], "changed"))
        else:
            out.append(row(i, None, "only_in_a"))
    flush_b(len(texts_b))
    return out


def count_aligned(rows: Sequence[Row], side: str = "a") -> int:
    """Distinct sentences of one side (``"a"`` or ``"b"``) aligned as same or changed."""
    if side not in ("a", "b"):
        raise ValueError("side must be 'a' or 'b'")
    attr = "sentence_" + side
    return len({getattr(r, attr) for r in rows if r.label in ("same", "changed")})


def records(article_a: str, article_b: str, rows: Sequence[Row]) -> list[dict]:
    """``sentence_alignment`` rows of one pair as dicts (build one frame for many pairs)."""
    return [dict(article_a=article_a, article_b=article_b, **r.__dict__) for r in rows]


class Columns:
    """Rows gathered column by column: one list per column instead of one dict per row (a dict of eight keys
    costs about 1 KB, its values in a list 8 bytes each — at 20,000 articles the sentence alignment has half a million
    rows). ``add`` takes a row as a dict; :meth:`frame` is ``pd.DataFrame(rows, columns=names)`` of those rows."""

    def __init__(self, names: Sequence[str]):
        self.names = list(names)
        self.data: dict[str, list] = {n: [] for n in self.names}
        self.n = 0

    def add(self, row: dict) -> None:
        for name, values in self.data.items():
            values.append(row[name])
        self.n += 1

    def __len__(self) -> int:
        return self.n

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.data, columns=self.names)


def to_frame(records_) -> pd.DataFrame:
    """The ``sentence_alignment`` frame from :func:`records` of any number of pairs (dicts, or :class:`Columns`)."""
    if not len(records_):
        return schemas.SENTENCE_ALIGNMENT.empty()
    if isinstance(records_, Columns):
        df = records_.frame()
    else:
        df = pd.DataFrame(list(records_), columns=schemas.SENTENCE_ALIGNMENT.column_names)
    for col in ("sentence_a", "sentence_b"):
        df[col] = df[col].astype("Int64")
    return df


def pair_rows(sentence_alignment: pd.DataFrame, article_a: str | None = None,
              article_b: str | None = None) -> pd.DataFrame:
    """The alignment rows of one pair (the first pair in the table when none is named)."""
    if sentence_alignment.empty:
        return sentence_alignment
    if article_a is None or article_b is None:
        article_a, article_b = sentence_alignment[["article_a", "article_b"]].iloc[0]
    keep = (sentence_alignment["article_a"] == article_a) & (sentence_alignment["article_b"] == article_b)
    return sentence_alignment[keep].reset_index(drop=True)
