"""Session 22, statements (constructed sentences): "As reported by X, …" / "…, as confirmed by X." — a speech verb's
passive as-clause with a "by" agent reports the clause it is set off from (``AS_REPORTED_BY``); "X is convinced that
…" — a participle of feeling the tagger read as a verb after "be" is an adjective cue with its clause
(``PARTICIPLE_ADJECTIVE_CLAUSE``); "X says A, calling them B" — a content ends before a trailing reporting
participle of the same speaker (``TRAILING_SPEECH_PARTICIPLE``); "X denied A, dismissing Y as “…”" — the quotation
is the participle's, the verb reports its object (``PARTICIPLE_TAKES_QUOTE``). Each rule positive, negative and
switched off."""
from __future__ import annotations

from spacy.tokens import Doc

import helpers.text.statements as st
from tests.text.test_session20_sources import rows  # noqa: F401  (the (mention, cue, content) fixture)

OPENING_AS = "As reported by the Harbour Gazette, the ferry company cancelled twelve crossings on Monday."
CLOSING_AS = "The ferry company cancelled twelve crossings on Monday, as confirmed by the port authority."
AS_OVER_SPEECH = "As reported by the Harbour Gazette, the mayor said the ferry would stop in March."
AS_NOT_SPEECH = "The ferry company cancelled twelve crossings on Monday, as expected by the engineers."
CONVINCED = "Jane Roe is convinced that the ferries will stop in March."


def _by_cue(found, cue):
    return [r for r in found if r[1] == cue]


# ---------------------------------------------------------------- "as reported by X"

def test_opening_as_clause_with_an_agent_reports_the_sentence(rows):
    assert _by_cue(rows(OPENING_AS), "reported") == [
        ("the Harbour Gazette", "reported", "the ferry company cancelled twelve crossings on Monday")]


def test_closing_as_clause_with_an_agent_reports_the_clause_before(rows):
    assert _by_cue(rows(CLOSING_AS), "confirmed") == [
        ("the port authority", "confirmed", "The ferry company cancelled twelve crossings on Monday")]


def test_as_clause_over_a_clause_with_its_own_cue_leaves_it_to_that_cue(rows):
    found = rows(AS_OVER_SPEECH)
    assert _by_cue(found, "reported") == []
    assert [(r[0], r[2]) for r in _by_cue(found, "said")] == [("the mayor", "the ferry would stop in March")]


def test_as_clause_of_a_verb_that_reports_nothing_is_no_statement(rows):
    assert _by_cue(rows(AS_NOT_SPEECH), "expected") == []


def test_as_reported_by_switched_off(rows, monkeypatch):
    monkeypatch.setattr(st, "AS_REPORTED_BY", False)
    assert _by_cue(rows(OPENING_AS), "reported") == []
    assert _by_cue(rows(CLOSING_AS), "confirmed") == []


# ---------------------------------------------------------------- "is convinced that …"

def test_participle_of_feeling_after_be_reports_its_clause(rows):
    assert _by_cue(rows(CONVINCED), "convinced") == [
        ("Jane Roe", "convinced", "that the ferries will stop in March")]


def test_participle_adjective_switched_off(rows, monkeypatch):
    monkeypatch.setattr(st, "PARTICIPLE_ADJECTIVE_CLAUSE", False)
    assert _by_cue(rows(CONVINCED), "convinced") == []


def _participle_doc(nlp, lemma: str) -> Doc:
    """"Jane is <participle> that ferries stop ." with the participle tagged VBN and the clause its complement."""
    words = ["Jane", "is", "involved" if lemma == "involve" else "convinced", "that", "ferries", "stop", "."]
    return Doc(nlp.vocab, words=words, tags=["NNP", "VBZ", "VBN", "IN", "NNS", "VBP", "."],
               pos=["PROPN", "AUX", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"],
               deps=["nsubj", "ROOT", "acomp", "mark", "nsubj", "ccomp", "punct"], heads=[1, 1, 1, 5, 5, 2, 1],
               lemmas=["Jane", "be", lemma, "that", "ferry", "stop", "."])


def test_only_a_participle_of_feeling_is_an_adjective_cue(nlp):
    lex = st._lex()
    assert st._adjective_cue(_participle_doc(nlp, "convince")[2], lex)
    assert not st._adjective_cue(_participle_doc(nlp, "involve")[2], lex)  # "is (so) involved (that) …": no view


# ---------------------------------------------------------------- "…, calling them …" ends the content before it

CALLING = "The mayor says he would release the harbour accounts on Friday, calling them very boring documents."
QUOTED_ADDING = "The mayor said the harbour had \u201cclosed for the winter, adding to the misery of the islanders.\u201d"
PROMPTING = "The mayor said the harbour had closed for the winter, prompting the union to complain about the ferries."


def test_content_ends_before_a_trailing_reporting_participle(rows):
    found = rows(CALLING)
    assert [r[2] for r in _by_cue(found, "says")] == ["he would release the harbour accounts on Friday"]
    assert [(r[0], r[2]) for r in _by_cue(found, "calling")] == [("The mayor", "them very boring documents")]


def test_a_participle_inside_a_quotation_or_of_no_report_stays_in_the_content(rows):
    assert [r[2] for r in _by_cue(rows(QUOTED_ADDING), "said")] == [
        "the harbour had \u201cclosed for the winter, adding to the misery of the islanders."]
    assert [r[2] for r in _by_cue(rows(PROMPTING), "said")] == [
        "the harbour had closed for the winter, prompting the union to complain about the ferries"]


def test_trailing_speech_participle_switched_off(rows, monkeypatch):
    monkeypatch.setattr(st, "TRAILING_SPEECH_PARTICIPLE", False)
    assert [r[2] for r in _by_cue(rows(CALLING), "says")] == [
        "he would release the harbour accounts on Friday, calling them very boring documents"]


# ---------------------------------------------------------------- "X denied A, dismissing Y as “…”"

DISMISSING = ("The governor denied the accusations through a spokeswoman, dismissing the critic as "
              "\u201ca disgruntled former employee.\u201d")
LEAVING = ("The governor denied the accusations through a spokeswoman, leaving the room with "
           "\u201ca smile on his face and nothing more to say.\u201d")


def test_a_reporting_participle_before_the_quotation_takes_it(rows):
    found = rows(DISMISSING)
    assert [r[2] for r in _by_cue(found, "denied")] == ["the accusations"]
    assert [r[2] for r in _by_cue(found, "dismissing")] == ["a disgruntled former employee"]


def test_a_participle_that_reports_nothing_leaves_the_quotation_to_the_cue(rows):
    assert [r[2] for r in _by_cue(rows(LEAVING), "denied")] == ["a smile on his face and nothing more to say"]


def test_participle_takes_quote_switched_off(rows, monkeypatch):
    monkeypatch.setattr(st, "PARTICIPLE_TAKES_QUOTE", False)
    assert [r[2] for r in _by_cue(rows(DISMISSING), "denied")] == ["a disgruntled former employee"]


def test_a_figure_in_the_cue_s_own_judged_object_stays_unclaimed(extracted):
    text = ("The governor condemned a plan that cost 40 million euros, saying that he keeps "
            "\u201ca close eye on the budget.\u201d")
    claim = next(c for c in extracted(text)["claims"] if c["text"].startswith("40"))
    assert claim["claimant"] == "(unattributed)"
