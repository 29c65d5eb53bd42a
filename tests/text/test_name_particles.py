"""Name particles and time zones in the entity rows (session 12; constructed sentences, invented names)."""
from __future__ import annotations

from helpers.text import components
from text_rows import extract_rows


def _ents(nlp, text):
    return [(e["text"], e["label"]) for e in extract_rows(nlp, text)["entities"]]


def test_a_person_ending_on_a_particle_takes_the_next_capitalised_word(nlp):
    ents = _ents(nlp, "Ursula von der Leyen, the commission president, said the bloc would act.")
    assert ("Ursula von der Leyen", "PERSON") in ents
    assert not any(t == "Leyen" for t, _ in ents)


def test_no_join_without_a_particle_or_into_another_person(nlp):
    assert ("Putin", "PERSON") in _ents(nlp, "Putin de facto controls the region.")
    ents = _ents(nlp, "The talks were led by Ursula von der Leyen and Charles Michel.")
    assert ("Charles Michel", "PERSON") in ents


def test_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(components, "JOIN_NAME_PARTICLES", False)
    doc = nlp.make_doc("Ursula von der Leyen, the commission president, said the bloc would act.")
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert "Ursula von der Leyen" not in [e.text for e in doc.ents]


def test_a_time_zone_after_a_clock_time_is_no_entity(nlp):
    assert _ents(nlp, "The story was first published on Thu 24 Mar 2022 19.29 GMT by the desk.") == []
    assert ("NATO", "ORG") in _ents(nlp, "At 10:30 NATO said 40 jets were ready.")
