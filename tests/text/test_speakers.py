"""Speakers that are no named entity, speaker kinds and source mention spans (issue 10, round 4)."""
from __future__ import annotations

from helpers.core.schemas import UNATTRIBUTED, UNKNOWN, phrase_claimant
from helpers.text.claims import claimant_name
from helpers.text.stage import extract_article


def rows(nlp, text):
    doc = nlp(text)
    doc.user_data["article_id"] = "t"
    return extract_article(doc)


def mention(text, s):
    return text[s["speaker_start"]:s["speaker_end"]] if s["speaker_start"] is not None else None


def test_a_plural_subject_is_a_group_speaker_and_an_unnamed_claimant(nlp):
    text = "Officials said 300 soldiers were killed near the river."
    out = rows(nlp, text)
    s = out["statements"][0]
    assert (s["speaker"], s["speaker_kind"], s["speaker_resolved_from"], mention(text, s)) == (
        "officials", "group", "phrase", "Officials")
    c = out["claims"][0]
    assert (c["claimant"], c["claimant_kind"], c["claimant_via"]) == ("(officials)", "group", "statement")


def test_an_anonymous_source_keeps_its_whole_phrase(nlp):
    text = "A person familiar with the matter said the talks would resume on Friday."
    s = rows(nlp, text)["statements"][0]
    assert (s["speaker"], s["speaker_kind"], mention(text, s)) == (
        "person familiar with the matter", "anonymous", "A person familiar with the matter")


def test_according_to_a_document(nlp):
    text = "According to a new poll, 40 percent of voters back the plan."
    out = rows(nlp, text)
    assert [(s["speaker"], s["speaker_kind"], mention(text, s)) for s in out["statements"]] == [
        ("new poll", "document", "a new poll")]
    assert [(c["claimant"], c["claimant_kind"]) for c in out["claims"]] == [("(new poll)", "document")]


def test_an_unheld_role_noun_is_a_role_speaker(nlp):
    text = "The spokesman said the depot had lost 12 trucks."
    out = rows(nlp, text)
    assert [(s["speaker"], s["speaker_kind"]) for s in out["statements"]] == [("spokesman", "role")]
    assert [c["claimant"] for c in out["claims"]] == ["(spokesman)"]


def test_a_role_noun_held_by_a_named_person_stays_that_person(nlp):
    text = ("Tom Hale, the union's spokesman, spoke in the morning. "
            "The spokesman said the depot had lost 12 trucks.")
    out = rows(nlp, text)
    s = out["statements"][-1]
    assert (s["speaker"], s["speaker_kind"], s["speaker_resolved_from"]) == ("Tom Hale", "person", "role_noun")
    assert mention(text, s) == "The spokesman"
    assert [c["claimant"] for c in out["claims"]] == ["Tom Hale"]


def test_they_speaks_for_the_last_group(nlp):
    text = "Officials said the depot was closed. They added that 40 workers had quit."
    out = rows(nlp, text)
    s = out["statements"][-1]
    assert (s["speaker"], s["speaker_resolved_from"], mention(text, s)) == ("officials", "pronoun", "They")
    assert [c["claimant"] for c in out["claims"]] == ["(officials)"]


def test_the_mention_is_the_whole_noun_phrase_with_title_and_apposition(nlp):
    text = "Harbor Union chairman Tom Hale said the strike would continue."
    s = rows(nlp, text)["statements"][0]
    assert (s["speaker"], s["speaker_kind"], mention(text, s)) == ("Tom Hale", "person", "Harbor Union chairman Tom Hale")
    text = "A union veteran, Tom Hale, said the strike would continue."
    s = rows(nlp, text)["statements"][0]
    assert (s["speaker"], mention(text, s)) == ("Tom Hale", "A union veteran, Tom Hale,")


def test_a_relative_clause_is_not_part_of_the_mention(nlp):
    text = "Tom Hale, who led the union for a decade, said the strike would continue."
    s = rows(nlp, text)["statements"][0]
    assert (s["speaker"], mention(text, s)) == ("Tom Hale", "Tom Hale")


def test_things_and_expletives_are_no_speakers(nlp):
    out = rows(nlp, "The move suggests that the army is retreating.")
    assert [(s["speaker"], s["speaker_kind"], s["speaker_start"]) for s in out["statements"]] == [(UNKNOWN, None, None)]
    out = rows(nlp, "It was said that the bridge had been destroyed by 40 shells.")
    assert [c["claimant"] for c in out["claims"]] == [UNATTRIBUTED]
    assert [c["claimant_kind"] for c in out["claims"]] == [None]


def test_claimant_names_of_named_and_phrase_speakers():
    assert claimant_name("Tom Hale", "person") == "Tom Hale"
    assert claimant_name("Harbor Union", "organisation") == "Harbor Union"
    assert claimant_name("officials", "group") == "(officials)"
    assert phrase_claimant("(officials)") and not phrase_claimant(UNATTRIBUTED) and not phrase_claimant("Tom Hale")


def test_a_phrase_speaker_inside_a_named_statement_does_not_take_the_claim(nlp):
    text = "Tom Hale said 40 workers had quit, according to union updates."
    out = rows(nlp, text)
    assert [c["claimant"] for c in out["claims"]] == ["Tom Hale"]
    assert ("union updates", "document") in [(s["speaker"], s["speaker_kind"]) for s in out["statements"]]


def test_a_relative_pronoun_speaks_for_its_noun_but_is_not_remembered(nlp):
    text = ("Acme Corp said profits rose. Rivals such as Zenith Ltd, which said sales had fallen, lost ground. "
            "The company said it would hire 200 workers.")
    out = rows(nlp, text)
    rel = [s for s in out["statements"] if s["speaker_resolved_from"] == "relative"]
    assert [(s["speaker"], text[s["speaker_start"]:s["speaker_end"]]) for s in rel] == [("Zenith Ltd", "which")]
    assert [c["claimant"] for c in out["claims"]] == ["Acme Corp"]


def test_a_plural_role_noun_is_a_group_not_the_last_person(nlp):
    text = "Tom Hale, the union's leader, spoke in the morning. Top leaders said the strike would go on."
    s = rows(nlp, text)["statements"][-1]
    assert (s["speaker"], s["speaker_kind"]) == ("top leaders", "group")  # lower-cased: capital only as first word


def test_a_phrase_speaker_nested_in_a_statement_adds_no_statement(nlp):
    text = "Tom Hale said officials told him the bridge was closed."
    assert [s["speaker"] for s in rows(nlp, text)["statements"]] == ["Tom Hale"]
