"""Token helpers shared by stages that must not import each other's code (no spaCy import here: the figures'
kernel loads the ledger without spaCy).

- :func:`hyphen_word`: the tokens of the hyphenated word a token is part of ("self-propelled", "fly-bys" — the
  tokenizer splits them at the hyphen). Used by the claims stage (a counted noun counted whole) and by the ledger's
  topics (a modifier written whole).
- :func:`doc_text`: ``doc.text`` built once for the doc being read (the per-article rule stages 03, 04, 06).
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


_LAST_TEXT: tuple = (None, "")  # (the doc last asked about, its text): one tuple, replaced whole


def doc_text(doc) -> str:
    """``doc.text``, kept for the doc last asked about: spaCy joins every token's text anew on each access, and the
    rules ask for it per statement, mention or entity (a doc's text never changes; the doc is held, so no other doc
    can take its id)."""
    global _LAST_TEXT
    last = _LAST_TEXT
    if last[0] is not doc:
        last = (doc, doc.text)
        _LAST_TEXT = last
    return last[1]
