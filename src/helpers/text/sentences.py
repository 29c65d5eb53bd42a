"""Sentences of ``articles.text`` with paragraph numbers, read from a parsed Doc.

Sentence boundaries come from the pipeline (``helpers.text.components``): the parser plus a rule that starts
a sentence after every line break, so no sentence crosses a paragraph. Leading and trailing
whitespace is trimmed from each sentence; whitespace-only "sentences" are dropped.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Mapping

from spacy.tokens import Doc

from helpers.core.stage import ArticleRows, by_article_in_table_order
from helpers.core.tokens import doc_text

PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")


def paragraph_starts(text: str) -> list[int]:
    """Character offsets where each paragraph starts (the first is 0)."""
    return [0] + [m.end() for m in PARAGRAPH_BREAK.finditer(text)]


def extract_sentences(doc: Doc, article_id: str) -> list[dict]:
    """One dict per sentence: the ``sentences`` contract columns, ``sentence_id`` from 0."""
    text = doc_text(doc)
    starts = paragraph_starts(text)
    rows = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        start += len(chunk) - len(chunk.lstrip())
        end = start + len(stripped)
        rows.append({
            "article_id": article_id,
            "sentence_id": len(rows),
            "start_char": start,
            "end_char": end,
            "paragraph_id": bisect.bisect_right(starts, start) - 1,
            "text": stripped,
        })
    return rows


class SentenceIndex:
    """Map a character offset to the ``sentence_id`` of the sentence containing it (or the nearest before)."""

    def __init__(self, rows: list[dict]):
        self.rows = rows
        self._starts = [r["start_char"] for r in rows]

    def sentence_id(self, char: int) -> int:
        i = bisect.bisect_right(self._starts, char) - 1
        return max(i, 0)

    def row(self, char: int) -> dict:
        return self.rows[self.sentence_id(char)]


def sentence_indexes(sentences) -> Mapping[str, SentenceIndex]:
    """``article_id -> SentenceIndex`` over the rows of a ``sentences`` table, in text order; each article's index
    made when it is looked up (:class:`helpers.core.stage.ArticleRows`: slices of the sorted table, not
    groupby groups, which cost ~5 ms an article)."""
    if sentences is None or not len(sentences):
        return {}
    ordered = by_article_in_table_order(sentences, ["start_char"])
    return ArticleRows(ordered, make=SentenceIndex)
