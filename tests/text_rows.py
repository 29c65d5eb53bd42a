"""The text stage's rows of one constructed article, for the text tests (``import text_rows``)."""
from __future__ import annotations

from helpers.text.stage import extract_article


def extract_rows(nlp, text: str, article_id: str = "a1") -> dict:
    """``extract_article``'s rows (statements, claims, rejections …) of ``text`` parsed by ``nlp``."""
    doc = nlp(text)
    doc.user_data["article_id"] = article_id
    return extract_article(doc)


def statement_fields(nlp, text: str, fields=("speaker", "cue_lemma", "content")) -> list[tuple]:
    """The given fields of each statement, in text order."""
    return [tuple(r[k] for k in fields) for r in extract_rows(nlp, text)["statements"]]


def statement_mentions(nlp, text: str) -> list[tuple]:
    """(speaker, cue lemma, content, source mention as written) of each statement, in text order."""
    out = []
    for r in extract_rows(nlp, text)["statements"]:
        mention = None if r["speaker_start"] is None else text[int(r["speaker_start"]):int(r["speaker_end"])]
        out.append((r["speaker"], r["cue_lemma"], r["content"], mention))
    return out


def claims_by_text(extracted, text: str) -> dict[str, dict]:
    """``extracted(text)``'s claims by their text (``extracted``: the fixture in ``tests/conftest.py``)."""
    return {c["text"]: c for c in extracted(text)["claims"]}


def rejected_by_text(extracted, text: str) -> dict[str, str]:
    """``extracted(text)``'s rejected numbers: text -> the rule that rejected it."""
    return {r["text"]: r["rule"] for r in extracted(text)["claim_rejections"]}
