"""Statements at a cue that had none (issue 10, round 14; sentences constructed for these tests).

- a parenthetical cue whose opening clause the parser hung on it ("After the council approved …, Reyes said, most
  …"): the whole sentence is what it reports (before: no statement at the cue);
- a quotation the sentence splitter closed at its "?" or "!" ("“Why …?” Dana Reyes asked."): the cue right after it
  takes it, when the cue reports nothing else (no object or complement after it);
- a quotation further on the line after "“…,” she continued." when the first quotation opened its line: the same
  statement runs on over it (the cue, not the quotation, is where the speaker's clause stands);
- a "that" clause the parser hung as a relative clause on the object of a preposition after a speech verb ("said
  late on Monday at a meeting that she might stay …") is the verb's complement; a real relative clause ("a meeting that the
  council held") is not;
- a headline name the model did not tag before a colon ("Reyes: Harbour Repairs Will Take …") is the person of
  the article whose name ends so; not a place, nor a name two people of the article share.
"""
from __future__ import annotations

from helpers.text import statements as st
from text_rows import statement_mentions as statements

OPENING = ("After the council approved the new budget last year, Reyes said, most of the harbour repairs were expected "
           "to finish by spring.")


def test_a_parenthetical_cue_with_the_opening_clause_reports_the_sentence(nlp):
    assert statements(nlp, OPENING) == [("Reyes", "say", OPENING[:-1], "Reyes")]


def test_the_parenthetical_opening_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(st, "PARENTHETICAL_OPENING", False)
    assert [s[1] for s in statements(nlp, OPENING)] == ["expect"]


def test_a_trailing_parenthetical_is_read_as_before(nlp):
    text = "Most of the harbour repairs will finish by spring, Reyes said."
    assert statements(nlp, text) == [("Reyes", "say", "Most of the harbour repairs will finish by spring", "Reyes")]


QUESTION = ("Reyes met the crew. “Why do the ferries still stop running every winter when the pier is safe?” "
            "Dana Reyes asked.")


def test_a_quotation_closed_by_its_question_mark_goes_to_the_cue_after_it(nlp):
    assert statements(nlp, QUESTION) == [
        ("Dana Reyes", "ask", "Why do the ferries still stop running every winter when the pier is safe?", "Dana Reyes")]


def test_the_quotation_before_the_sentence_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(st, "QUOTE_BEFORE_SENTENCE", False)
    assert statements(nlp, QUESTION) == []


def test_a_cue_that_reports_something_else_leaves_the_quotation(nlp):
    text = QUESTION[:-1] + " the council about the pier."
    assert statements(nlp, text) == [("Dana Reyes", "ask", "the council about the pier", "Dana Reyes")]


CONTINUED = ("Dana Reyes said the port was busy.\n“The harbour will need two more years of repairs before ships can "
             "dock,” she continued. “The council has not paid for any of them yet.”")


def test_a_quotation_after_she_continued_runs_on_the_statement(nlp):
    assert statements(nlp, CONTINUED)[1] == (
        "Dana Reyes", "continue", "The harbour will need two more years of repairs before ships can dock,” she "
        "continued. “The council has not paid for any of them yet", "she")


def test_the_continued_quotation_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(st, "CUE_AFTER_OPENING_QUOTE_CONTINUES", False)
    assert statements(nlp, CONTINUED)[1][2] == "The harbour will need two more years of repairs before ships can dock"


def test_a_quotation_after_another_speakers_cue_is_theirs(nlp):
    text = CONTINUED.replace(" “The council", " Lee Park answered: “The council")
    assert statements(nlp, text)[1:] == [
        ("Dana Reyes", "continue", "The harbour will need two more years of repairs before ships can dock", "she"),
        ("Lee Park", "answer", "The council has not paid for any of them yet", "Lee Park")]


ADJUNCT = "Dana Reyes said late on Monday at a meeting that she might stay until March to see who would run the port."


def test_a_that_clause_hung_on_an_adjunct_is_the_complement(nlp):
    assert statements(nlp, ADJUNCT) == [
        ("Dana Reyes", "say", "that she might stay until March to see who would run the port", "Dana Reyes")]


def test_the_that_clause_on_an_adjunct_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(st, "THAT_CLAUSE_ON_ADJUNCT", False)
    assert [s[2] for s in statements(nlp, ADJUNCT)] == [
        "a meeting that she might stay until March to see who would run the port"]


def test_a_relative_clause_on_the_adjunct_is_no_complement(nlp):
    doc = nlp("Dana Reyes said it at a meeting that the council held in May.")
    assert st._that_clause_on_adjunct(next(t for t in doc if t.text == "said")) is None
    doc = nlp(ADJUNCT)
    assert st._that_clause_on_adjunct(next(t for t in doc if t.text == "said")).text == "stay"


HEADLINE = ("Reyes: Harbour Repairs Will Take Two More Years.\n\n"
            "Dana Reyes, the port director, spoke on Monday about the harbour.")


def test_a_headline_surname_before_a_colon_is_the_person_named_later(nlp):
    assert statements(nlp, HEADLINE)[0] == ("Dana Reyes", ":", "Harbour Repairs Will Take Two More Years", "Reyes")


def test_the_headline_surname_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(st, "NAME_BEFORE_COLON_ELSEWHERE", False)
    assert [s[1] for s in statements(nlp, HEADLINE)] == ["speak"]


def test_a_place_or_a_shared_surname_before_a_colon_is_no_speaker(nlp):
    place = HEADLINE.replace("Reyes:", "Kyiv:").replace("the harbour.", "the harbour in Kyiv.")
    assert [s[1] for s in statements(nlp, place)] == ["speak"]
    shared = HEADLINE.replace("the harbour.", "the harbour with her brother Tomas Reyes, who runs the ferries.")
    assert [s[1] for s in statements(nlp, shared)][:1] != [":"]


def test_a_cue_whose_own_object_opens_the_sentence_is_no_parenthetical(nlp):
    # a parse of a run-on line ("So, what did we learn… Later the ferries stopped."), built by hand as the model can
    # give it: "learn" is parataxis to "stopped" and "what", its object, opens the sentence
    from spacy.tokens import Doc

    words = ["So", ",", "what", "did", "we", "learn", "…", "Later", "the", "ferries", "stopped", "."]
    heads = [5, 5, 5, 5, 5, 10, 5, 10, 9, 10, 10, 10]
    deps = ["intj", "punct", "dobj", "aux", "nsubj", "parataxis", "punct", "advmod", "det", "nsubj", "ROOT", "punct"]
    pos = ["INTJ", "PUNCT", "PRON", "AUX", "PRON", "VERB", "PUNCT", "ADV", "DET", "NOUN", "VERB", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert st._inverted_content(doc[5]) is None
    deps[2], words[2] = "advmod", "then"  # "So, then we learn … Later the ferries stopped": the opening is no object
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert st._inverted_content(doc[5]) == (0, doc[10].idx + len("stopped"))
