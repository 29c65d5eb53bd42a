"""Nouns the cue model scores (issue 10, round 10): a noun outside the cue-noun lists with a content of its own (a
that-clause, or the object of a content preposition: "opposition to X", "doubts that …") is scored in its context by
the committed cue model's ``noun_weights``; from ``noun_threshold`` it is read by the cue-noun rules (its owner is the
source, else the source is unknown), and claims credit no figure through it. Sentences constructed for these tests.
"""
from __future__ import annotations

import pytest

from helpers.core.schemas import UNATTRIBUTED
from helpers.text import claims, cuemodel
from helpers.text.stage import extract_article
from helpers.text.statements import _listed_nouns, model_noun_preps


def _doc(nlp, text):
    doc = nlp(text)
    doc.user_data["article_id"] = "a1"
    return doc


def _noun(doc, lemma):
    return next(t for t in doc if t.lemma_.lower() == lemma and t.pos_ == "NOUN")


def _score(tok):
    preps = model_noun_preps()
    return cuemodel._probability(cuemodel.load_model()["noun_weights"], cuemodel.noun_features(tok, preps))


def _statements(doc):
    return [(r["speaker"], r["cue_lemma"], r["content"]) for r in extract_article(doc)["statements"]]


def test_the_committed_model_holds_a_noun_model():
    model = cuemodel.load_model()
    assert 0.0 < model["noun_threshold"] < 1.0
    assert len(model["noun_weights"]) > 100


def test_an_owned_noun_of_stance_reports_its_object_with_the_owner_as_source(nlp):
    doc = _doc(nlp, "Senator Maria Ostrova's opposition to the harbour tax surprised her colleagues.")
    noun = _noun(doc, "opposition")
    assert cuemodel.is_noun_candidate(noun, _listed_nouns(), model_noun_preps())
    assert _score(noun) >= cuemodel.load_model()["noun_threshold"]
    assert _statements(doc) == [("Maria Ostrova", "opposition", "the harbour tax")]


def test_a_noun_with_a_that_clause_and_no_owner_reports_it_with_no_source(nlp):
    doc = _doc(nlp, "Fears that the dam would burst grew in the valley.")
    assert _score(_noun(doc, "fear")) >= cuemodel.load_model()["noun_threshold"]
    assert _statements(doc) == [("(unknown)", "fear", "that the dam would burst")]


@pytest.mark.parametrize("text, lemma", [
    ("The road to the harbour was closed after the storm.", "road"),
    ("A lack of fuel slowed the convoy on the coast road.", "lack"),
])
def test_nouns_that_report_nothing_stay_below_the_threshold(nlp, text, lemma):
    doc = _doc(nlp, text)
    assert _score(_noun(doc, lemma)) < cuemodel.load_model()["noun_threshold"]
    assert _statements(doc) == []


def test_a_noun_without_a_content_is_no_candidate(nlp):
    doc = _doc(nlp, "The opposition won the vote in the regional council.")
    assert not cuemodel.is_noun_candidate(_noun(doc, "opposition"), _listed_nouns(), model_noun_preps())


def test_listed_and_war_literal_nouns_are_never_scored(nlp):
    """Listed cue nouns keep their own rules; ``not_model_cues`` ("an attack on the town") stay out of the model."""
    doc = _doc(nlp, "The rebels' attack on the northern villages followed the ministry's warning of a raid.")
    assert not cuemodel.is_noun_candidate(_noun(doc, "attack"), _listed_nouns(), model_noun_preps())
    assert not cuemodel.is_noun_candidate(_noun(doc, "warning"), _listed_nouns(), model_noun_preps())
    assert all(lemma != "attack" for _, lemma, _ in _statements(doc))


def test_a_model_noun_credits_no_figure(nlp, monkeypatch):
    """A figure in a model noun's content is no claim of its owner ("its opposition to the 300 meters"); without the
    guard (``claims._NO_FIGURE_RULES``) the owner would be credited."""
    text = "Mayor Ruth Okafor's opposition to the 300 new parking meters was well known."
    doc = _doc(nlp, text)
    out = extract_article(doc)
    assert [(r["speaker"], r["cue_lemma"]) for r in out["statements"]] == [("Ruth Okafor", "opposition")]
    assert [(c["text"], c["claimant"]) for c in out["claims"]] == [("300", UNATTRIBUTED)]
    monkeypatch.setattr(claims, "_NO_FIGURE_RULES", tuple(r for r in claims._NO_FIGURE_RULES if r != "model_noun"))
    assert [(c["text"], c["claimant"]) for c in extract_article(_doc(nlp, text))["claims"]] == [("300", "Ruth Okafor")]


@pytest.mark.parametrize("text, expected", [
    # a noun the model scores, object of a verb that is no cue: the verb's subject holds the concern
    ("Senator Lena Ortiz raised concerns that the ferry was unsafe.",
     ("Lena Ortiz", "concern", "that the ferry was unsafe")),
    # a listed cue noun without an owner, likewise
    ("Mayor Ruth Okafor raised allegations that the harbour master took bribes.",
     ("Ruth Okafor", "allegation", "that the harbour master took bribes")),
])
def test_a_cue_noun_that_is_a_verbs_object_takes_the_verbs_subject_as_source(nlp, text, expected):
    assert expected in _statements(_doc(nlp, text))


def test_a_cue_noun_as_subject_keeps_an_unknown_source(nlp):
    doc = _doc(nlp, "Fears that the ferry was unsafe grew after Senator Lena Ortiz spoke.")
    assert ("(unknown)", "fear", "that the ferry was unsafe") in _statements(doc)
