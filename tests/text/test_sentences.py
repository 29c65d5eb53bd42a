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


def test_long_article_is_parsed_in_paragraph_pieces_with_whole_text_offsets(nlp):
    """An article longer than the model's max_length (lowered here) is parsed in pieces, not lost (issue 13)."""
    import pandas as pd

    from helpers.text.stage import parse_articles, pieces, run_parse

    paragraph = "The ministry said 40 drones were launched overnight. Officials in the city reported damage."
    text = "\n\n".join(f"{paragraph} Report {k}." for k in range(12))
    parts = pieces(text, 300)
    assert "".join(parts) == text and len(parts) > 1 and all(len(p) <= 300 for p in parts)
    assert all(p.startswith("The ministry") for p in parts)  # cut at paragraph starts
    assert pieces("word " * 100, 120) and "".join(pieces("word " * 100, 120)) == "word " * 100
    articles = pd.DataFrame({"article_id": ["long", "short"], "text": [text, "Hi there."]})
    docs = list(parse_articles(articles, max_length=300))
    assert [d.user_data["article_id"] for d in docs] == ["long", "short"]
    assert docs[0].text == text
    result = run_parse(articles, max_length=300)
    assert result.errors == []
    sents = result["sentences"]
    long = sents[sents.article_id == "long"]
    assert len(long) == 36 and long.paragraph_id.max() == 11
    for row in long.itertuples():
        assert text[row.start_char:row.end_char] == row.text
    ents = result["entities"]
    assert all(text[r.start_char:r.end_char] == r.text for r in ents[ents.article_id == "long"].itertuples())


def test_attribution_reads_entities_with_null_roles(nlp):
    """03 reads the entities table (nulls as written to Parquet), it does not re-detect them."""
    import pandas as pd

    from helpers.text.stage import run_attribution, run_parse
    from helpers.text import doccache

    text = "Maria Kovalenko said 12 people were evacuated. The agency added that 30 homes lost power."
    parsed = run_parse(pd.DataFrame({"article_id": ["a1"], "text": [text]}))
    ents = parsed["entities"]
    assert set(ents.found_by) <= {"ner", "org_phrase", "speaker_phrase"} and ents.role.isna().all()
    docs = parsed.extra["docbin"].get_docs(doccache.load_model().vocab)
    out = run_attribution(docs, parsed["sentences"], ents.astype({"role": object}).where(ents.notna(), float("nan")))
    assert out.errors == []
    assert "Maria Kovalenko" in set(out["statements"].speaker)


def test_sentence_indexes_split_the_table_by_article_in_text_order():
    import pandas as pd

    from helpers.text.sentences import sentence_indexes

    table = pd.DataFrame({"article_id": ["b", "a", "b", "a"], "sentence_id": [1, 1, 0, 0],
                          "start_char": [40, 30, 0, 0], "end_char": [60, 50, 39, 29],
                          "text": ["Second of b.", "Second of a.", "First of b.", "First of a."]})
    indexes = sentence_indexes(table)
    assert list(indexes) == ["b", "a"]  # the articles in the table's order (as the stages visit them)
    assert [r["text"] for r in indexes["b"].rows] == ["First of b.", "Second of b."]
    assert indexes["a"].sentence_id(35) == 1 and indexes["b"].sentence_id(10) == 0
    assert sentence_indexes(table.iloc[:0]) == {} and sentence_indexes(None) == {}


def test_quotes_and_bullets_are_never_sentences_of_their_own(nlp):
    text = ('The minister warned of a possible invasion of the north."\n\n'
            '- It is not that we do nothing, but we act slowly."\n\n'
            '· Sanctions will follow, he said. "\n\n'
            '"These forces are not going to fight," the spokesman said.')
    rows = sents(nlp, text)
    assert [r["text"] for r in rows] == [
        'The minister warned of a possible invasion of the north."',
        '- It is not that we do nothing, but we act slowly."',
        '· Sanctions will follow, he said. "',
        '"These forces are not going to fight," the spokesman said.',
    ]
    assert all(text[r["start_char"]:r["end_char"]] == r["text"] for r in rows)


def test_an_opening_quote_still_starts_the_next_sentence_inside_a_line(nlp):
    rows = sents(nlp, '"We stand united." The talks went on. "Nothing changed," she said.')
    assert [r["text"] for r in rows] == ['"We stand united."', "The talks went on.", '"Nothing changed," she said.']
