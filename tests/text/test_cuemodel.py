"""The committed reporting-cue model (helpers.text.cuemodel, models/cue_model.json): loads offline, tags verbs
outside the cue lists by their context, and its cues give statements through the usual speaker rules."""
from __future__ import annotations

import json
import socket

import pytest

from helpers.core.schemas import UNATTRIBUTED
from helpers.text import cuemodel, statementmodel
from helpers.text.stage import extract_article
from helpers.text.statements import _listed_verbs


def _doc(nlp, text):
    doc = nlp(text)
    doc.user_data["article_id"] = "a1"
    return doc


def _verb(doc, lemma):
    return next(t for t in doc if t.lemma_.lower() == lemma)


@pytest.mark.parametrize("module", [cuemodel, statementmodel])
def test_committed_model_loads_offline(monkeypatch, module):
    """The cue model and the statement filter (helpers.text.statementmodel) read their committed JSON offline."""
    def no_network(*args, **kwargs):
        raise AssertionError("a trained model must not touch the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    module.load_model.cache_clear()
    model = module.load_model()
    assert 0.0 < model["threshold"] < 1.0
    assert len(model["weights"]) > 100
    assert module.MODEL_PATH.stat().st_size < 5_000_000
    raw = json.loads(module.MODEL_PATH.read_text(encoding="utf-8"))
    assert set(raw) >= {"threshold", "weights", "trained_on"}


def test_model_tags_an_unlisted_verb_with_a_that_clause(nlp):
    doc = _doc(nlp, "Senator Maria Ostrova scoffed that the new budget would collapse within a month.")
    verb = _verb(doc, "scoff")
    assert "scoff" not in _listed_verbs()
    assert cuemodel.cue_probability(verb) >= cuemodel.load_model()["threshold"]
    assert verb in [t for t, _ in cuemodel.model_cues(doc, _listed_verbs())]


@pytest.mark.parametrize("text, lemma", [
    ("The convoy crossed the river near the old bridge at dawn.", "cross"),
    ("Engineers repaired the damaged pipeline over the weekend.", "repair"),
])
def test_model_leaves_verbs_that_report_nothing(nlp, text, lemma):
    doc = _doc(nlp, text)
    verb = _verb(doc, lemma)
    assert cuemodel.cue_probability(verb) < cuemodel.load_model()["threshold"]
    assert cuemodel.model_cues(doc, _listed_verbs()) == []


def test_listed_verbs_are_never_model_candidates(nlp):
    doc = _doc(nlp, "The minister said that the talks would resume.")
    assert not cuemodel.is_candidate(_verb(doc, "say"), _listed_verbs())
    assert cuemodel.model_cues(doc, _listed_verbs()) == []


def test_model_cue_gives_a_statement_with_the_named_speaker(nlp):
    text = "Senator Maria Ostrova scoffed that the new budget would collapse within a month."
    rows = extract_article(_doc(nlp, text))["statements"]
    assert [(r["speaker"], r["cue_lemma"], r["kind"], r["speaker_resolved_from"]) for r in rows] == [
        ("Maria Ostrova", "scoff", "indirect", "name")]
    assert rows[0]["content"] == "that the new budget would collapse within a month"


def test_model_cue_speaker_by_pronoun(nlp):
    text = ("Governor Alan Petrak visited the flooded town on Monday. "
            "He scoffed that the relief money would never arrive.")
    rows = [r for r in extract_article(_doc(nlp, text))["statements"] if r["cue_lemma"] == "scoff"]
    assert [(r["speaker"], r["speaker_resolved_from"]) for r in rows] == [("Alan Petrak", "pronoun")]
    assert rows[0]["content"] == "that the relief money would never arrive"


def test_model_cue_object_is_a_statement_but_credits_no_figure(nlp):
    """A verb of attitude with an object ("enjoyed a surge") may be a cue in political news (a statement, rule
    ``model_object``), but a figure in its object is no claim of its subject in war news: claims leave it
    unattributed. A model cue with a clause ("scoffed that …") credits its figures as usual."""
    model = cuemodel.load_model()
    doc = _doc(nlp, "The firm Kestrel Armour enjoyed a surge of 40% in orders after the invasion.")
    assert cuemodel.cue_probability(_verb(doc, "enjoy")) >= model["object_threshold"]
    out = extract_article(doc)
    assert [(r["cue_lemma"], r["content"]) for r in out["statements"]] == [
        ("enjoy", "a surge of 40% in orders after the invasion")]
    assert [(c["text"], c["claimant"]) for c in out["claims"]] == [("40%", UNATTRIBUTED)]
    doc = _doc(nlp, "Senator Maria Ostrova scoffed that 40 buses would never arrive.")
    assert [(c["text"], c["claimant"]) for c in extract_article(doc)["claims"]] == [("40", "Maria Ostrova")]


def test_model_cue_with_a_strong_score_reports_its_object(nlp):
    doc = _doc(nlp, "Senator Maria Ostrova slammed the governor's plan for new roads.")
    assert cuemodel.cue_probability(_verb(doc, "slam")) >= cuemodel.load_model()["object_threshold"]
    rows = extract_article(doc)["statements"]
    assert [(r["speaker"], r["cue_lemma"], r["content"]) for r in rows] == [
        ("Maria Ostrova", "slam", "the governor's plan for new roads")]


def test_not_model_cues_are_never_scored(nlp):
    """`not_model_cues` (rules/cue_verbs.json): verbs literal in war news stay out of the model's reach."""
    doc = _doc(nlp, "Senator Maria Ostrova attacked the plan, and the rebels attacked the northern villages.")
    assert "attack" in _listed_verbs()
    assert [t for t in doc if t.lemma_ == "attack" and cuemodel.is_candidate(t, _listed_verbs())] == []
    assert extract_article(doc)["statements"] == []
