"""Session 15, content (constructed sentences): a clause opened by a subordinator of time, cause or manner that the
parser made a verb's complement is no part of what the verb reports (``statements.ADVERBIAL_CLAUSE_NOT_CONTENT``)."""
from __future__ import annotations

import pytest

import helpers.text.statements as st

# the small model parses "reached" as a ccomp of "called", marked by "as"
AS_CLAUSE = ("On 3 May, as the number of Moldovan families fleeing the brutal war reached 2 million, the European "
             "Union security committee called an emergency session of the assembly.")
WHETHER = "The governor asked whether 30 soldiers had died."
FOR = "A survey by Norstat showed support for the treaty still rising and reaching 64 %."


@pytest.fixture(scope="module")
def read(extracted):
    def run(text):
        out = extracted(text)
        return ([(s["speaker"], text[s["start_char"]:s["end_char"]]) for s in out["statements"]],
                {c["text"]: c["claimant"] for c in out["claims"]})
    return run


def test_an_adverbial_clause_is_not_the_reported_content(read):
    statements, claimants = read(AS_CLAUSE)
    assert statements == [("European Union security committee", "an emergency session of the assembly")]
    assert claimants == {"2 million": "(unattributed)"}


def test_adverbial_clause_switched_off(read, monkeypatch):
    monkeypatch.setattr(st, "ADVERBIAL_CLAUSE_NOT_CONTENT", False)
    statements, claimants = read(AS_CLAUSE)
    assert statements[0][1].startswith("On 3 May, as the number")
    assert claimants == {"2 million": "European Union security committee"}


@pytest.mark.parametrize("text, content, claim, claimant", [
    # the statement stays; since session 18 a question asserts no figure (claims.QUESTION_CUE_NOT_CLAIMED)
    (WHETHER, "whether 30 soldiers had died", "30", "(unattributed)"),
    (FOR, "support for the treaty still rising and reaching 64 %", "64 %", "Norstat"),
])
def test_complements_opened_by_whether_or_for_stay_content(read, text, content, claim, claimant):
    statements, claimants = read(text)
    assert [c for _, c in statements] == [content]
    assert claimants[claim] == claimant


@pytest.mark.parametrize("text, claim, claimant", [
    ("The ministry reported heavy fighting near the town, with 30 soldiers killed.", "30", "(ministry)"),
    ("The report showed a sharp rise in prices, with food up 20%.", "20%", "(report)"),
])
def test_an_absolute_with_phrase_is_part_of_a_finding(read, monkeypatch, text, claim, claimant):
    assert read(text)[1][claim] == claimant
    monkeypatch.setattr(st, "WITH_PHRASE_CONTENT", False)
    assert read(text)[1][claim] == "(unattributed)"


def test_a_with_phrase_of_means_adds_nothing(read):
    statements, _ = read("The ministry reported heavy fighting near the town with help from 3 drones.")
    assert [c for _, c in statements] == ["heavy fighting near the town"]


def test_an_empty_it_is_no_source(read, monkeypatch):
    text = "The Northern Alliance issued a report on Monday. It would be wrong to think that the town lost 30 tanks."
    statements, claimants = read(text)
    assert statements[-1] == ("(unknown)", "that the town lost 30 tanks") and claimants == {"30": "(unattributed)"}
    monkeypatch.setattr(st, "EXPLETIVE_IT_NO_SOURCE", False)
    assert read(text)[1] == {"30": "Northern Alliance"}  # "it" was read as the alliance


def test_a_referring_it_still_speaks(read):
    statements, _ = read("The agency said it was able to confirm that 30 tanks were hit.")
    assert statements == [("agency", "it was able to confirm that 30 tanks were hit")]


def test_adding_after_a_reported_clause_is_said_by_the_reporter(nlp, monkeypatch):
    from spacy.tokens import Doc

    # the parse the small model gives such sentences: "adding" hung on the reported clause's verb, not on "said"
    words = ["Roe", "said", "that", "guards", "would", "be", "calm", ",", "adding", "that", "20", "died", "."]
    heads = [1, 1, 5, 5, 5, 1, 5, 5, 5, 11, 11, 8, 1]
    deps = ["nsubj", "ROOT", "mark", "nsubj", "aux", "ccomp", "acomp", "punct", "advcl", "mark", "nsubj", "ccomp",
            "punct"]
    tags = ["NNP", "VBD", "IN", "NNS", "MD", "VB", "JJ", ",", "VBG", "IN", "CD", "VBD", "."]
    lemmas = ["Roe", "say", "that", "guard", "would", "be", "calm", ",", "add", "that", "20", "die", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, lemmas=lemmas)
    assert st._subject(doc[8]).text == "Roe"
    monkeypatch.setattr(st, "PARTICIPLE_TO_REPORTER", False)
    assert st._subject(doc[8]).text == "guards"
