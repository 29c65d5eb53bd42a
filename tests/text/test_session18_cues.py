"""Session 18, cues that report nothing (constructed sentences): a figure in the content of a cue that asserts
nothing gets no claimant from it — a negated cue or a verb of not doing (``NEGATED_CUE_NOT_CLAIMED``), a cue in a
question or condition and a question a cue reports (``QUESTION_CUE_NOT_CLAIMED``), the clause of a factive verb
(``FACTIVE_CONTENT_NOT_CLAIMED``), "put" as a placing, not "put the toll at N" (``PLACING_NOT_REPORTING``), and a
relative clause or participle on the object of a verb that judges (``JUDGED_OBJECT_DESCRIBED``), the audience of
"told" (``ADDRESSEE_NOT_CLAIMED``) and an option weighed ("considering sending …", ``DELIBERATION_NOT_CLAIMED``).
Each rule positive, negative and switched off."""
from __future__ import annotations

import pytest

import helpers.text.claims as cl
from helpers.core.schemas import UNATTRIBUTED

NOT_SPOKEN = "The minister has not spoken publicly about a 3% target for the navy."
SPOKEN = "The minister spoke publicly about a 3% target for the navy."
DECLINED = "The general declined to say whether the garrison had 400 soldiers."
SAID_GARRISON = "The general said the garrison had 400 soldiers."
REFUSED = "Mayor Anna Kowal refused to close the 12 schools that the council runs."
ASKED_WHETHER = "Helen Marsh spoke on Monday. Asked whether she backed a 4% increase, Marsh changed the subject."
ASKED_IF = "Peter Lund was asked if he supported the 4% increase."
IF_INSIDE = "Peter Lund said that if the two armies met, the talks would fail."
WONDERING = "Officials in Oslo may be wondering why, after expelling 30 envoys, they waited so long."
REALIZING = "General Ivan Petrov is realizing that the offensive will cost his army thousands of soldiers."
BELIEVING = "General Ivan Petrov believes that the offensive will cost his army thousands of soldiers."
PUT_PLACING = "Last week Defence Secretary Mark Hale put 6,000 troops on high alert."
PUT_ESTIMATE = "Defence Secretary Mark Hale put the number of troops at 6,000."
PUT_FORWARD = "The regional council put forward an estimate of 6,000 dead."
DENOUNCED = "President Lena Ortiz denounced the raid on the harbour that killed 14 fishermen."
REJECTED = "Minister Paul Weir rejected a ceasefire plan drafted by envoys from nine states."
SUPPORTED_AID = "Minister Paul Weir supported sending 40 ambulances to the border."
TOLD_CADETS = "President Lena Ortiz told 300 cadets in the capital: “We will defend every village.”"
TOLD_FIGURE = "President Lena Ortiz told reporters that 300 cadets had joined the border guard."
CONSIDERING = "Minister Paul Weir is considering sending 250 engineers to the dam."
CONSIDERS_THAT = "Minister Paul Weir considers that 250 engineers are enough for the dam."


@pytest.fixture(scope="module")
def claimant(claim_ending):
    return lambda text, number: claim_ending(text, number)["claimant"]


# ---------------------------------------------------------------- negated cues, verbs of not doing

def test_a_negated_cue_claims_nothing(claimant):
    assert claimant(NOT_SPOKEN, "3%") == UNATTRIBUTED
    assert claimant(SPOKEN, "3%") != UNATTRIBUTED


def test_declined_to_say_claims_nothing(claimant):
    assert claimant(DECLINED, "400") == UNATTRIBUTED
    assert claimant(SAID_GARRISON, "400") != UNATTRIBUTED


def test_a_refusal_claims_nothing(claimant):
    assert claimant(REFUSED, "12") == UNATTRIBUTED


# ---------------------------------------------------------------- questions and conditions

def test_a_cue_in_a_question_claims_nothing(claimant):
    assert claimant(ASKED_WHETHER, "4%") == UNATTRIBUTED


def test_what_is_asked_is_no_claim(claimant):
    assert claimant(ASKED_IF, "4%") == UNATTRIBUTED


def test_a_condition_inside_what_is_said_stays_the_speakers(claimant):
    assert claimant(IF_INSIDE, "two") == "Peter Lund"


def test_a_why_clause_of_a_verb_that_asks_claims_nothing(claimant):
    assert claimant(WONDERING, "30") == UNATTRIBUTED


# ---------------------------------------------------------------- factive verbs

def test_a_factive_clause_is_the_writers(claimant):
    assert claimant(REALIZING, "thousands") == UNATTRIBUTED
    assert claimant(BELIEVING, "thousands") != UNATTRIBUTED


# ---------------------------------------------------------------- "put" as a placing

def test_put_as_a_placing_claims_nothing(claimant):
    assert claimant(PUT_PLACING, "6,000") == UNATTRIBUTED


def test_put_at_a_figure_is_no_placing(nlp):
    doc = nlp(PUT_ESTIMATE)
    put = next(t for t in doc if t.lower_ == "put")
    num = next(t for t in doc if t.text == "6,000")
    assert not cl._asserts_nothing(num, put)
    placing = nlp(PUT_PLACING)
    assert cl._asserts_nothing(next(t for t in placing if t.text == "6,000"),
                               next(t for t in placing if t.lower_ == "put"))


def test_put_forward_still_reports(claimant):
    assert claimant(PUT_FORWARD, "6,000") != UNATTRIBUTED


# ---------------------------------------------------------------- the writer's description of a judged thing

def test_a_relative_clause_on_a_judged_object_is_the_writers(claimant):
    assert claimant(DENOUNCED, "14") == UNATTRIBUTED


def test_a_participle_on_a_judged_object_is_the_writers(claimant):
    assert claimant(REJECTED, "nine") == UNATTRIBUTED


def test_what_is_judged_itself_stays_the_subjects(claimant):
    assert claimant(SUPPORTED_AID, "40") == "Paul Weir"


# ---------------------------------------------------------------- the audience

def test_the_audience_told_is_no_claim(claimant):
    assert claimant(TOLD_CADETS, "300") == UNATTRIBUTED


def test_what_is_told_stays_the_speakers(claimant):
    assert claimant(TOLD_FIGURE, "300") == "Lena Ortiz"


# ---------------------------------------------------------------- an option weighed

def test_an_option_weighed_is_no_claim(claimant):
    assert claimant(CONSIDERING, "250") == UNATTRIBUTED


def test_a_judgement_with_consider_stays_the_subjects(claimant):
    assert claimant(CONSIDERS_THAT, "250") == "Paul Weir"


# ---------------------------------------------------------------- each switch off

@pytest.mark.parametrize("switch, text, number", [
    ("NEGATED_CUE_NOT_CLAIMED", NOT_SPOKEN, "3%"),
    ("NEGATED_CUE_NOT_CLAIMED", DECLINED, "400"),
    ("QUESTION_CUE_NOT_CLAIMED", ASKED_WHETHER, "4%"),
    ("QUESTION_CUE_NOT_CLAIMED", WONDERING, "30"),
    ("FACTIVE_CONTENT_NOT_CLAIMED", REALIZING, "thousands"),
    ("PLACING_NOT_REPORTING", PUT_PLACING, "6,000"),
    ("JUDGED_OBJECT_DESCRIBED", DENOUNCED, "14"),
    ("JUDGED_OBJECT_DESCRIBED", REJECTED, "nine"),
    ("ADDRESSEE_NOT_CLAIMED", TOLD_CADETS, "300"),
    ("DELIBERATION_NOT_CLAIMED", CONSIDERING, "250"),
])
def test_switched_off(claimant, monkeypatch, switch, text, number):
    monkeypatch.setattr(cl, switch, False)
    # session 19 reads "Asked whether …" as a question of no one's (statements.QUESTION_PARTICIPLE_CONTENT), which
    # claims nothing of itself; off, the question is the answerer's statement again, as this rule was written for
    import helpers.text.statements as st
    monkeypatch.setattr(st, "QUESTION_PARTICIPLE_CONTENT", False)
    assert claimant(text, number) != UNATTRIBUTED
