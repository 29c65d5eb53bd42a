"""Token helpers shared by stages that must not import each other's code (no spaCy import here: the figures'
kernel loads the ledger without spaCy).

- :func:`hyphen_word`: the tokens of the hyphenated word a token is part of ("self-propelled", "fly-bys" — the
  tokenizer splits them at the hyphen). Used by the claims stage (a counted noun counted whole) and by the ledger's
  topics (a modifier written whole).
- :func:`doc_text`: ``doc.text`` built once for the doc being read (the per-article rule stages 03, 04, 06).
- :func:`last_doc_memo`: a value derived from a doc kept for the doc last asked about (``doc_text``, the text
  stage's cue-verb matches).
"""
from __future__ import annotations


def hyphen_word(doc, i: int) -> tuple[int, int]:
    """The token range [start, end) of the hyphenated word token ``i`` of ``doc`` is part of: tokens joined by a
    "-" with no space on either side; ``(i, i + 1)`` when the token stands alone."""
    start = end = i
    while start > 0 and not doc[start - 1].whitespace_ and (doc[start].text == "-" or doc[start - 1].text == "-"):
        start -= 1
    while end + 1 < len(doc) and not doc[end].whitespace_ and (doc[end].text == "-" or doc[end + 1].text == "-"):
        end += 1
    return start, end + 1


def last_doc_memo(compute):
    """``compute(doc)`` kept for the doc last asked about: the per-article rule stages read a doc's derived values
    (its text, its cue-verb matches) many times while they work on that one doc. The doc is held, so no other doc
    can take its id; nothing the memo serves changes after the parse."""
    last: list = [None, None]  # (doc, value), replaced whole under one assignment

    def cached(doc):
        held = last[:]
        if held[0] is not doc:
            held = [doc, compute(doc)]
            last[:] = held
        return held[1]

    cached.__doc__ = compute.__doc__
    cached.__name__ = compute.__name__
    return cached


@last_doc_memo
def doc_text(doc) -> str:
    """``doc.text``, kept for the doc last asked about: spaCy joins every token's text anew on each access, and the
    rules ask for it per statement, mention or entity."""
    return doc.text
