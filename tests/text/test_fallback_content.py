"""Fallback content (issue 10, round 8): a cue with a subject whose content the main rules do not read.

``speech_object``: a listed speech verb read like a stance verb (its object, complement or the object of a content
preposition); ``subtree_fallback``: what hangs on the cue after it. The statement filter judges both; ``claims``
credits no figure through them. Sentences constructed for these tests.
"""
from __future__ import annotations

import pytest

from helpers.text.stage import extract_article


def _rows(nlp, text):
    doc = nlp(text)
    doc.user_data["article_id"] = "a1"
    return extract_article(doc)


def statements(nlp, text):
    return [(r["speaker"], r["cue_lemma"], r["content"]) for r in _rows(nlp, text)["statements"]]


@pytest.mark.parametrize("text,expected", [
    # a speech verb's object: what was denied or stressed
    ("Governor Ruth Okafor denied the allegations on Tuesday.", ("Ruth Okafor", "deny", "the allegations")),
    ("Mayor Ruth Okafor stressed the need for more buses.", ("Ruth Okafor", "stress", "the need for more buses")),
    # "said" with a gerund clause the parser hangs as a complement of the verb, not as a clausal complement
    ("Mayor Ruth Okafor said having more buses on the road is a good idea.",
     ("Ruth Okafor", "say", "having more buses on the road is a good idea")),
])
def test_a_speech_verb_without_a_clause_reports_its_object(nlp, text, expected):
    assert statements(nlp, text) == [expected]


def test_a_stance_verb_with_a_pronoun_and_as_reports_both(nlp):
    assert statements(nlp, "Senator Lena Ortiz describes herself as a moderate.") == [
        ("Lena Ortiz", "describe", "herself as a moderate")]


@pytest.mark.parametrize("text", [
    "Senator Lena Ortiz praised them on Friday.",  # a bare pronoun and a date are no content
    "Helga Brandt talked with the mayor of the northern town.",  # a prepositional cue keeps its own prepositions
    "Lena Ortiz said on Friday.",  # a date alone is no content
])
def test_no_fallback_content_without_something_reported(nlp, text):
    assert statements(nlp, text) == []


def test_a_cue_inside_the_fallback_content_reports_it(nlp):
    # the inner speech verb reads the clause; the passive cue around it gives no second statement
    assert statements(nlp, "Olaf Scholz was quoted as saying the talks had failed.") == [
        ("Olaf Scholz", "say", "the talks had failed")]


def test_no_figure_is_credited_through_a_fallback_object(nlp):
    out = _rows(nlp, "Governor Ruth Okafor denied reports that 300 workers were fired.")
    assert [(r["cue_lemma"], r["content"]) for r in out["statements"]] == [
        ("deny", "reports that 300 workers were fired")]
    # the figure is not credited through that statement (the verb above it may still name its source: claims'
    # attribution_verb rule, as before this round)
    assert [c["claimant_via"] for c in out["claims"] if c["text"] == "300"] != ["statement"]
    assert all(c["statement_id"] is None for c in out["claims"])
