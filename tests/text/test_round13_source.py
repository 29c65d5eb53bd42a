"""Source mentions of issue 10, round 13 (sentences constructed for these tests).

- who issues, writes or sends a document speaks through it: "X wrote a letter asking …" is X's statement (the
  participle's subject was the document: "(letter)"); a document someone found or read is not theirs;
- "X said …, citing Y": the cue verb's subject speaks and cites Y, so "citing Y" is no "according to Y" statement
  over the same words; a "citing" on a verb that is no cue still is;
- a line that starts with a name alone and a colon ("Hugo Lind: Reyes thinks …") is that name's statement even when
  another named source speaks inside the line (that statement stays inside it); not when the line names the same
  source again (a section heading run into the text), nor when more than the name stands before the colon;
- a second "that" clause conjoined under the same cue ("X noted that A, and that sailors should worry …") stays in
  the content although its verb is a cue (round 12 ends a content before another cue's clause); a conjoined cue
  verb without its own "that" and subject still ends it;
- a quotation introduced by a colon and followed straight by a cue with a subject ("X warned that …: “…,” she said")
  belongs to that cue, not to the cue before the colon; with no cue after it, the cue before the colon keeps it.
"""
from __future__ import annotations

import pytest

from helpers.text import statements as st
from text_rows import extract_rows as _rows
from text_rows import statement_mentions as statements


LETTER = "Dana Reyes wrote a letter asking the council to investigate the delays."


def test_who_wrote_the_document_speaks_through_it(nlp):
    assert statements(nlp, LETTER) == [("Dana Reyes", "ask", "the council to investigate the delays", "Dana Reyes")]


def test_the_document_issuer_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(st, "DOCUMENT_ISSUER_SPEAKS", False)
    assert statements(nlp, LETTER) == [("letter", "ask", "the council to investigate the delays", "a letter")]


def test_a_document_someone_found_is_not_theirs(nlp):
    doc = nlp("Inspectors found a letter asking the council to investigate the delays.")
    letter = next(t for t in doc if t.text == "letter")
    assert st._issuer(letter) is None
    assert st._subject(next(t for t in doc if t.text == "asking")).text == "letter"


def test_a_participle_on_people_keeps_them_as_its_subject(nlp):
    doc = nlp("Port workers backing the strike said they would stay out for 12 days.")
    assert st._subject(next(t for t in doc if t.text == "backing")).text == "workers"


CITING = '"The ferry will not run this week," Dana Reyes said, citing repairs to the pier.'


def test_citing_after_a_cue_verb_is_the_speakers_act(nlp):
    assert statements(nlp, CITING) == [
        ("Dana Reyes", "say", "The ferry will not run this week", "Dana Reyes"),
        ("Dana Reyes", "cite", "repairs to the pier", "Dana Reyes"),
    ]


def test_citing_as_according_to_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(st, "CITING_IS_SUBJECTS", False)
    rows = statements(nlp, CITING)
    assert ("repairs to the pier", "citing") in [(r[0], r[1]) for r in rows]
    assert len(rows) == 3


def test_citing_before_the_subject_keeps_the_reporting_verb_and_its_claimant(nlp):
    text = "Citing the port office, the newspaper Harbour Daily reported that 40 ferries were cancelled."
    rows = _rows(nlp, text)
    assert [(r["speaker"], r["cue_lemma"], r["content"]) for r in rows["statements"]] == [
        ("Harbour Daily", "cite", "the port office"),
        ("Harbour Daily", "report", "that 40 ferries were cancelled"),
    ]
    assert [(c["text"], c["claimant"]) for c in rows["claims"]] == [("40", "Harbour Daily")]


def test_citing_on_a_verb_that_is_no_cue_still_reads_as_according_to(nlp):
    rows = statements(nlp, "The council closed the port for a week, citing repairs to the pier.")
    assert ("repairs to the pier", "citing", "The council closed the port for a week", "repairs to the pier") in rows


COLON = "Hugo Lind: Reyes thinks the port will close in March.\n\nLind spoke on Monday."


def test_a_name_and_a_colon_speak_over_another_named_source(nlp):
    assert statements(nlp, COLON) == [("Hugo Lind", ":", "Reyes thinks the port will close in March", "Hugo Lind")]


def test_the_colon_line_over_another_source_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(st, "COLON_LINE_OVER_INNER", False)
    assert statements(nlp, COLON) == [("Reyes", "think", "the port will close in March", "Reyes")]


def test_a_heading_that_names_its_source_again_is_no_colon_statement(nlp):
    text = "Dana Reyes: Pier repairs In a statement on Monday, Dana Reyes said that the port would close in March."
    assert statements(nlp, text) == [("Dana Reyes", "say", "that the port would close in March", "Dana Reyes")]


def test_more_than_a_name_before_the_colon_is_no_colon_statement(nlp):
    text = "On Monday, Hugo Lind told the radio: Reyes thinks the port will close in March.\n\nLind spoke on Monday."
    assert statements(nlp, text) == [("Reyes", "think", "the port will close in March", "Reyes")]


NOTED = "Dana Reyes noted that the port had closed for a week, and that sailors should worry about the ferry."


def test_a_second_that_clause_stays_in_the_content(nlp):
    assert statements(nlp, NOTED) == [("Dana Reyes", "note", NOTED[17:-1], "Dana Reyes")]


def test_the_second_that_clause_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(st, "SECOND_THAT_CLAUSE_STAYS", False)
    assert statements(nlp, NOTED) == [("Dana Reyes", "note", "that the port had closed for a week", "Dana Reyes"),
                                      ("sailors", "worry", "the ferry", "sailors")]


@pytest.mark.parametrize("text,expected", [
    ("Dana Reyes said the port had closed for a week and suggested that the council repair the pier.",
     [("Dana Reyes", "say", "the port had closed for a week", "Dana Reyes"),
      ("Dana Reyes", "suggest", "that the council repair the pier", "Dana Reyes")]),
    ("Dana Reyes said that the port had closed, and Hugo Lind warned that the ferry would stop.",
     [("Dana Reyes", "say", "that the port had closed", "Dana Reyes"),
      ("Hugo Lind", "warn", "that the ferry would stop", "Hugo Lind")]),
])
def test_a_conjoined_cue_without_its_own_that_clause_still_ends_the_content(nlp, text, expected):
    assert statements(nlp, text) == expected


WARNED = "Dana Reyes warned that the port was in danger: \u201cThe pier will not last the winter,\u201d she said."


def test_the_cue_right_after_a_quotation_takes_it_over_the_colon_before(nlp):
    assert statements(nlp, WARNED) == [("Dana Reyes", "warn", "that the port was in danger", "Dana Reyes"),
                                       ("Dana Reyes", "say", "The pier will not last the winter", "she")]


def test_the_cue_after_the_quotation_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(st, "CUE_AFTER_QUOTE_TAKES_IT", False)
    # "warned that …: “…”" keeps its own clause since session 17 (QUOTE_NOT_OVER_CLAUSE): both off, the old reading
    monkeypatch.setattr(st, "QUOTE_NOT_OVER_CLAUSE", False)
    assert [r[1] for r in statements(nlp, WARNED)] == ["say"]
    assert statements(nlp, WARNED)[0][2].startswith("Dana Reyes warned")


def test_a_colon_quotation_with_no_cue_after_it_stays_with_the_cue_before(nlp):
    text = "Dana Reyes warned the council: \u201cThe pier will not last the winter.\u201d"
    assert statements(nlp, text) == [("Dana Reyes", "warn", "The pier will not last the winter", "Dana Reyes")]
