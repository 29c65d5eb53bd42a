"""Claimants and speakers of issue 10, round 14 (sentences constructed for these tests).

- a gendered pronoun or "the <role>" speaker is the person named as a main clause's subject (or its owner) since the
  last person speaker, when there is one ("X was asked … “…,” he replied");
- "the report" is whoever issued the nearest earlier mention of the same document noun, when the text says who did;
- a quotation of several paragraphs, each left open and the next opened again, is a quotation;
- a clause set apart from a reporting verb by a semicolon is not what the verb reports, nor is its figure the
  verb's subject's;
- a past-perfect sentence right after a named speaker's past-perfect indirect statement goes on with it (``context``).
"""
from __future__ import annotations

from helpers.text import attribution as at
from helpers.text import claims as cl
from helpers.text import statements as st
from text_rows import extract_rows, statement_fields


def statements(nlp, text):
    return statement_fields(nlp, text, ("speaker", "speaker_resolved_from", "content"))


def quoted(text):
    return [text[a:b] for a, b in st._quotes(text)]


def claims(nlp, text, fields=("text", "claimant", "claimant_via")):
    return [tuple(c[k] for k in fields) for c in extract_rows(nlp, text)["claims"]]


# ---------------------------------------------------------------- the person named as a subject since the last speaker

ASKED = ("Mara Ellison said the bridge would reopen soon. Tomas Brandt was asked whether the town could wait.\n\n"
         '"We cannot wait another winter for this bridge," he replied.')
OWNER = ("Mara Ellison said the bridge would reopen soon. Tomas Brandt's remarks came on Friday at a town meeting, "
         "where he also said that 40 families had left.")
ROLE = ("Mara Ellison, a council member, said the bridge would reopen soon. Tomas Brandt also raised the question of "
        'the ferry on Friday.\n\n"The ferry carries 300 people a day," said the deputy mayor.')


def test_a_pronoun_after_a_person_was_asked_is_that_person(nlp):
    assert statements(nlp, ASKED)[-1] == ("Tomas Brandt", "pronoun", "We cannot wait another winter for this bridge")


def test_a_pronoun_after_a_subjects_owner_is_that_person(nlp):
    assert claims(nlp, OWNER) == [("40", "Tomas Brandt", "statement")]


def test_a_role_noun_after_a_person_named_as_subject_is_that_person(nlp):
    assert claims(nlp, ROLE) == [("300", "Tomas Brandt", "statement")]


def test_a_person_named_as_an_object_does_not_take_the_pronoun(nlp):
    text = ("Tomas Brandt said the bridge would reopen soon. The council thanked Mara Ellison for her work. "
            "He said 40 families had left.")
    assert claims(nlp, text) == [("40", "Tomas Brandt", "statement")]


def test_a_subject_inside_a_reported_clause_does_not_take_the_pronoun(nlp):
    text = ("Mara Ellison said the ferry would stop. She warned that the people of the valley could not let Tomas "
            "Brandt decide alone. She noted that 40 families had left.")
    assert claims(nlp, text) == [("40", "Mara Ellison", "statement")]


def test_the_subject_since_the_speaker_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(at, "SUBJECT_SINCE_SPEAKER", False)
    monkeypatch.setattr(at, "FIRST_NAME_GENDER", False)  # session 21: else "Mara" is no "he" by her first name
    assert statements(nlp, ASKED)[-1][0] == "Mara Ellison"
    assert claims(nlp, OWNER) == [("40", "Mara Ellison", "statement")]
    assert claims(nlp, ROLE) == [("300", "Mara Ellison", "statement")]


# ---------------------------------------------------------------- who issued "the report"

REPORT = ("Much of this comes from a report published by the Harbour Research Group. The report found that the port "
          "lost 40 ships. The report also estimated that 300 workers had left.")


def test_the_report_is_who_published_it_earlier(nlp):
    assert claims(nlp, REPORT) == [("40", "Harbour Research Group", "statement"),
                                   ("300", "Harbour Research Group", "statement")]


def test_a_report_nobody_is_said_to_have_issued_stays_a_document(nlp):
    text = ("The Harbour Research Group met on Monday. Officials read a report on the port. "
            "The report found that the port lost 40 ships.")
    assert claims(nlp, text) == [("40", "(report)", "statement")]


def test_a_document_that_names_its_own_source_keeps_it(nlp):
    text = ("The agency published data from the Harbour Research Group. According to the data of the Coast "
            "Institute, 40 ships were lost.")
    assert claims(nlp, text) == [("40", "Coast Institute", "according_to")]


def test_the_issuer_of_the_report_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(at, "DOCUMENT_ISSUER_BEFORE", False)
    assert [c[1] for c in claims(nlp, REPORT)] == ["(report)", "(report)"]


# ---------------------------------------------------------------- a quotation of several paragraphs

OPEN = ('Mara Ellison told the paper: “The bridge is the only road we have.\n\nAdvertisement\n\n'
        '“Without it, 40 families will have to leave the valley.”\n\nThe council met later.')


def test_a_quotation_left_open_at_its_paragraphs_end_is_a_quotation(nlp):
    assert statements(nlp, OPEN) == [
        ("Mara Ellison", "name", "The bridge is the only road we have"),
        ("Mara Ellison", "continuation", "Without it, 40 families will have to leave the valley")]
    assert quoted('"We stay here for now and later.\n\n"We leave in spring."') == [
        "We stay here for now and later.", "We leave in spring."]


def test_an_open_mark_before_a_paragraph_that_opens_no_quotation_is_not_one(nlp):
    assert quoted("He said: “We stay here for now.\n\nThe council met later.") == []


def test_open_quotations_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(st, "OPEN_PARAGRAPH_QUOTES", False)
    assert quoted('"We stay here for now and later.\n\n"We leave in spring."') == ["We leave in spring."]


# ---------------------------------------------------------------- a semicolon sets a clause apart

SEMI = "Floods near the river kill 12 people; the search will go on, rescuers say."


def test_a_clause_before_a_semicolon_is_not_what_the_verb_after_it_reports(nlp):
    assert statements(nlp, SEMI) == [("rescuers", "phrase", "the search will go on")]
    assert claims(nlp, SEMI) == [("12", "(unattributed)", "unattributed")]
    assert claims(nlp, "Floods near the river kill 12 people; rescuers say the search goes on.") == [
        ("12", "(unattributed)", "unattributed")]


def test_each_clause_between_semicolons_goes_to_its_own_verb(nlp):
    text = "Storms hit the coast overnight; 12 people died, the agency says; the ferry will stop, officials said."
    assert statements(nlp, text) == [("agency", "phrase", "12 people died"), ("officials", "phrase", "the ferry will stop")]
    assert claims(nlp, text) == [("12", "(agency)", "statement")]


def test_a_clause_before_a_comma_still_is(nlp):
    text = "Floods near the river killed 12 people, rescuers say."
    assert claims(nlp, text) == [("12", "(rescuers)", "statement")]


def test_the_semicolon_rule_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(st, "SEMICOLON_APART", False)
    monkeypatch.setattr(at, "SEMICOLON_APART_CLAIMS", False)
    assert statements(nlp, SEMI) == [("rescuers", "phrase", "Floods near the river kill 12 people; the search will go on")]
    assert claims(nlp, SEMI) == [("12", "(rescuers)", "statement")]


# ---------------------------------------------------------------- a backshifted report goes on

BACKSHIFT = ("The Harbour Research Group estimated that the town had lost 300 jobs. "
             "In the valley, 40 shops had been closed by the end of the year.")


def test_a_past_perfect_sentence_after_a_past_perfect_report_goes_on_with_it(nlp):
    assert claims(nlp, BACKSHIFT) == [("300", "Harbour Research Group", "statement"),
                                      ("40", "Harbour Research Group", "context")]


def test_a_simple_past_sentence_after_the_report_is_the_writers(nlp):
    text = ("The Harbour Research Group estimated that the town had lost 300 jobs. "
            "In the valley, 40 shops were closed by the end of the year.")
    assert claims(nlp, text)[-1] == ("40", "(unattributed)", "unattributed")


def test_the_backshifted_report_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(cl, "BACKSHIFT_CONTINUES", False)
    assert claims(nlp, BACKSHIFT)[-1] == ("40", "(unattributed)", "unattributed")
