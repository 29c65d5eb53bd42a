"""The committed statement filter (helpers.text.statementmodel, models/statement_model.json): keeps reported speech
and drops statements whose shape is no attribution (its offline loading is tested with the cue model's)."""
from __future__ import annotations

import pytest

from helpers.text import statementmodel
from helpers.text.attribution import _lex
from helpers.text.stage import extract_article



def _statements(nlp, text, filtered=True, monkeypatch=None):
    if not filtered:
        monkeypatch.setattr(statementmodel, "keep_statements", lambda found, ctx, model=None: found)
    return [(r["cue"], r["content"]) for r in _rows(nlp, text)]


@pytest.mark.parametrize("text, cue, content", [
    ("Governor Lena Hart said that the new bridge would reopen in May.", "said",
     "that the new bridge would reopen in May"),
    ("Governor Lena Hart believes that the new bridge will reopen in May.", "believes",
     "that the new bridge will reopen in May"),
    ("“We want to rebuild every school in the district,” Mayor Tom Berg said on Monday.", "said",
     "We want to rebuild every school in the district"),
])
def test_reported_speech_and_stance_are_kept(nlp, text, cue, content):
    assert _statements(nlp, text) == [(cue, content)]


def test_statement_of_no_attribution_is_dropped(nlp, monkeypatch):
    # the rules read "put" with its object ("put more pressure"); the filter scores a storm putting pressure as none
    text = "The storm put more pressure on the dam."
    assert _statements(nlp, text) == []
    assert _statements(nlp, text, filtered=False, monkeypatch=monkeypatch) == [("put", "more pressure")]


def test_features_say_where_a_statement_lies(nlp):
    doc = nlp("“The mayor thinks the budget is fine,” Governor Lena Hart said.")
    ctx = statementmodel.Context(doc, [(1, doc.text.index("fine") + 4)], {}, _lex())
    outer = {"start_char": 1, "end_char": doc.text.index("fine") + 4, "speaker_row": None, "how": None,
             "cue": "said", "cue_lemma": "say", "kind": "direct", "anchor": doc.text.index("said"),
             "rule": "quote_beside_verb", "mention": None}
    inner = {**outer, "start_char": doc.text.index("the budget"), "cue": "thinks", "cue_lemma": "think",
             "kind": "indirect", "anchor": doc.text.index("thinks"), "rule": "complement"}
    f_outer = statementmodel.statement_features(outer, [outer, inner], ctx)
    f_inner = statementmodel.statement_features(inner, [outer, inner], ctx)
    assert "nested=no" in f_outer and "where=before" in f_outer and "src=speech" in f_outer
    assert "nested=in_direct" in f_inner and "where=after" in f_inner and "src=stance" in f_inner
    assert "inq=True" in f_inner and "rule=complement|l=think" in f_inner


def test_according_to_and_speech_holding_a_figure_are_never_judged(nlp, monkeypatch):
    """With a filter that keeps nothing it judges: "according to X" and speech by a resolved speaker whose content holds
    a number stay (claims credit a figure to the innermost statement that holds it), also nested in another
    statement; the same speech without a number is judged, and so is a stance verb's statement."""
    monkeypatch.setattr(statementmodel, "load_model", lambda path=None: {"weights": {}, "threshold": 1.0})
    rows = _rows(nlp, "Rebels shelled the depot on Monday, according to the regional governor.")
    assert [(r["kind"], r["content"]) for r in rows] == [("according_to", "Rebels shelled the depot on Monday")]
    rows = _rows(nlp, "Governor Lena Hart said that the new bridge would reopen in May with 4 lanes.")
    assert [(r["speaker"], r["content"]) for r in rows] == [("Lena Hart", "that the new bridge would reopen in May with 4 lanes")]
    assert _rows(nlp, "Governor Lena Hart said that the new bridge would reopen in May.") == []
    assert _rows(nlp, "Governor Lena Hart believes that 4 new bridges will reopen in May.") == []
    rows = _rows(nlp, "The Harbor Times said that Governor Lena Hart had told the council that 40 new buses would arrive.")
    assert [r["cue_lemma"] for r in rows] == ["say", "tell"]


def test_a_name_colon_line_is_never_judged(nlp, monkeypatch):
    """A line opening with a person's name and a colon (an interview transcript, a headline) names its speaker right
    there: the filter keeps it whatever its shape, as "according to X"."""
    monkeypatch.setattr(statementmodel, "load_model", lambda path=None: {"weights": {}, "threshold": 1.0})
    text = "Lena Hart: The council will vote on the new bridge next week\n\nThe meeting ends at noon."
    assert [(r["speaker"], r["content"]) for r in _rows(nlp, text)] == [
        ("Lena Hart", "The council will vote on the new bridge next week")]


def test_nested_speech_without_a_figure_is_judged(nlp):
    """The committed filter drops a second statement inside another one when nothing in it is a figure (PolNeAR train:
    such inner statements rarely match an attribution of their own); the outer one stays."""
    rows = _rows(nlp, "Senator Teresa Vance said on Monday that Mayor Ana Petrova had told her that the new bridge would "
                      "open before the winter.")
    assert [(r["speaker"], r["cue_lemma"]) for r in rows] == [("Teresa Vance", "say")]


def _rows(nlp, text):
    doc = nlp(text)
    doc.user_data["article_id"] = "a1"
    return extract_article(doc)["statements"]
