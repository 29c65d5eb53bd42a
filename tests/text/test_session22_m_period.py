"""A figure in millions that closes its sentence ("raised £8m."): the tokenizer no longer keeps "m." whole after a
number (doccache.SPLIT_M_PERIOD), so the figure keeps its scale and the sentence ends there."""
from helpers.text.components import build_pipeline
from helpers.text.stage import extract_article


def _claims(text):
    doc = build_pipeline()(text)
    doc.user_data["article_id"] = "x"
    return doc, [(c["text"], c["value"], c["unit"]) for c in extract_article(doc, "x")["claims"]]


def test_millions_at_the_end_of_a_sentence_keep_their_scale_and_the_sentence_ends():
    doc, claims = _claims("The charity has raised £8m. It will spend $2bn on housing.")
    assert [t.text for t in doc][:8] == ["The", "charity", "has", "raised", "£", "8", "m", "."]
    assert [s.text for s in doc.sents] == ["The charity has raised £8m.", "It will spend $2bn on housing."]
    assert claims == [("£8m", 8_000_000.0, "gbp"), ("$2bn", 2_000_000_000.0, "usd")]


def test_clock_times_and_metres_are_unchanged():
    doc, claims = _claims("The rules cover buildings under 11m. The show airs at 9 p.m. on Fridays.")
    assert "p.m." in [t.text for t in doc]
    assert claims == [("under 11", 11.0, "m")]
