"""Sentences: paragraph-aware boundaries, glued full stops, exact offsets."""
from __future__ import annotations

from helpers.text.sentences import SentenceIndex, extract_sentences, paragraph_starts


def sents(nlp, text):
    return extract_sentences(nlp(text), "a1")


def test_sentences_never_cross_a_paragraph(nlp):
    text = "The talks ended without a deal\n\nOfficials in Kyiv said more talks would follow. Nothing was agreed."
    rows = sents(nlp, text)
    assert [r["text"] for r in rows] == [
        "The talks ended without a deal",
        "Officials in Kyiv said more talks would follow.",
        "Nothing was agreed.",
    ]
    assert [r["paragraph_id"] for r in rows] == [0, 1, 1]


def test_glued_full_stop_starts_a_sentence(nlp):
    text = "He said that the army was prepared.When asked about sanctions, he declined to answer."
    rows = sents(nlp, text)
    assert [r["text"] for r in rows] == [
        "He said that the army was prepared.",
        "When asked about sanctions, he declined to answer.",
    ]


def test_single_line_break_ends_a_sentence(nlp):
    rows = sents(nlp, "He said:\nThe soldiers travelled onward to training sites\nWe do not know more.")
    assert [r["text"] for r in rows] == ["He said:", "The soldiers travelled onward to training sites", "We do not know more."]
    assert {r["paragraph_id"] for r in rows} == {0}


def test_offsets_point_into_the_text_and_whitespace_is_trimmed(nlp):
    text = "  First sentence here.  \n\n\n   Second one follows.\n\n"
    rows = sents(nlp, text)
    assert [text[r["start_char"]:r["end_char"]] for r in rows] == ["First sentence here.", "Second one follows."]
    assert [r["sentence_id"] for r in rows] == [0, 1]
    assert [r["paragraph_id"] for r in rows] == [0, 1]


def test_paragraph_starts_and_index():
    assert paragraph_starts("a\n\nb\n \nc") == [0, 3, 7]
    rows = [{"start_char": 0, "sentence_id": 0}, {"start_char": 10, "sentence_id": 1}]
    index = SentenceIndex(rows)
    assert [index.sentence_id(c) for c in (0, 9, 10, 50)] == [0, 0, 1, 1]


def test_seed_sentences_match_article_text(seed_articles, seed_stage):
    sentences = seed_stage["sentences"]
    texts = seed_articles.set_index("article_id")["text"]
    assert len(sentences) > 60
    for row in sentences.itertuples():
        body = texts[row.article_id]
        assert body[row.start_char:row.end_char] == row.text
        assert "\n\n" not in row.text
    # paragraph ids are non-decreasing within each article and sentence ids are 0..n-1
    for _, g in sentences.groupby("article_id"):
        assert list(g["sentence_id"]) == list(range(len(g)))
        assert g["paragraph_id"].is_monotonic_increasing


def test_run_stage_on_empty_and_bad_input(nlp):
    import pandas as pd
    import pytest

    from helpers.core import schemas
    from helpers.text.stage import run_stage

    empty = run_stage(pd.DataFrame({"article_id": [], "text": []}))
    for name in ("sentences", "entities", "statements", "claims"):
        assert list(empty[name].columns) == schemas.get(name).column_names
        assert len(empty[name]) == 0
    with pytest.raises(ValueError, match="article_id"):
        run_stage(pd.DataFrame({"body": ["no text column"]}))
    # whitespace-only and very short texts give no rows and no failure
    odd = run_stage(pd.DataFrame({"article_id": ["x1", "x2"], "text": ["   \n\n  ", "Hi."]}))
    assert odd.errors == []
    assert list(odd["sentences"].text) == ["Hi."]
