"""Session 15, names (constructed rows and sentences): a lone surname the small model tagged a place or an organisation is the
person named in full — within the article (``entities.SURNAME_TAGGED_OTHERWISE``) and across the corpus
(``entities.LONE_SURNAME_ANY_LABEL``, with the relabelling in ``stage.apply_canonical_map``)."""
from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

import helpers.text.entities as en
from helpers.text.stage import apply_canonical_map


def _row(text, start, label, canonical=None):
    return {"article_id": "a1", "start_char": start, "end_char": start + len(text), "text": text, "label": label,
            "canonical": canonical or en.normalise(text), "role": None, "found_by": "ner"}


def _link(text, rows):
    en._link_short_forms(rows, text)
    return [(r["canonical"], r["label"]) for r in rows]


def test_a_surname_tagged_a_place_is_the_person_of_the_article():
    text = "Anders Fjellstrom met the envoy. Later Fjellstrom said 20 tanks would go. Fjellstrom’s aides agreed."
    rows = [_row("Anders Fjellstrom", 0, "PERSON"), _row("Fjellstrom", text.index("Fjellstrom said"), "GPE"),
            _row("Fjellstrom’s", text.index("Fjellstrom’s"), "ORG")]
    assert _link(text, rows) == [("Anders Fjellstrom", "PERSON")] * 3


def test_surname_tagged_otherwise_switched_off(monkeypatch):
    monkeypatch.setattr(en, "SURNAME_TAGGED_OTHERWISE", False)
    text = "Anders Fjellstrom met the envoy. Later Fjellstrom said 20 tanks would go."
    rows = [_row("Anders Fjellstrom", 0, "PERSON"), _row("Fjellstrom", text.index("Fjellstrom said"), "GPE")]
    assert _link(text, rows) == [("Anders Fjellstrom", "PERSON"), ("Fjellstrom", "GPE")]


def test_a_word_after_a_determiner_or_a_country_stays_a_place():
    text = "Jenny West was appointed. The West said the deal holds. Taking Ukraine said that Ukraine would win."
    rows = [_row("Jenny West", 0, "PERSON"), _row("West", text.index("West said"), "LOC"),
            _row("Taking Ukraine", text.index("Taking"), "PERSON"), _row("Ukraine", text.index("Ukraine would"), "GPE")]
    assert _link(text, rows) == [("Jenny West", "PERSON"), ("West", "LOC"), ("Taking Ukraine", "PERSON"),
                                 ("Ukraine", "GPE")]


def _labels(**named):
    return {name.replace("_", " "): Counter(counts) for name, counts in named.items()}


def test_a_lone_word_tagged_otherwise_joins_the_person_named_across_the_corpus():
    labels = _labels(Anders_Fjellstrom={"PERSON": 12}, Fjellstrom={"GPE": 3, "ORG": 1})
    assert en.canonical_map_from_labels(labels)["Fjellstrom"] == "Anders Fjellstrom"


def test_lone_surname_any_label_switched_off(monkeypatch):
    monkeypatch.setattr(en, "LONE_SURNAME_ANY_LABEL", False)
    labels = _labels(Anders_Fjellstrom={"PERSON": 12}, Fjellstrom={"GPE": 3, "ORG": 1})
    assert en.canonical_map_from_labels(labels)["Fjellstrom"] == "Fjellstrom"


@pytest.mark.parametrize("labels", [
    _labels(Inside_Kyiv={"PERSON": 12}, Kyiv={"GPE": 30}),  # a city of weight is the place
    _labels(Russian_President={"PERSON": 12}, President={"ORG": 2}),  # a title, not a surname
    _labels(Anders_Fjellstrom={"PERSON": 4}, Fjellstrom={"GPE": 3}),  # the full name given too rarely
    _labels(Anders_Fjellstrom={"PERSON": 12}, Fjellstrom={"GPE": 20}),  # the word more often than the name
])
def test_a_lone_word_stays_when_it_may_not_be_the_surname(labels):
    lone = next(n for n in labels if " " not in n)
    assert en.canonical_map_from_labels(labels)[lone] == lone


def test_the_joined_rows_are_relabelled_person(monkeypatch):
    labels = _labels(Anders_Fjellstrom={"PERSON": 12}, Fjellstrom={"GPE": 3}, Kyiv={"GPE": 5})
    table = pd.DataFrame({"canonical": ["Anders Fjellstrom", "Fjellstrom", "Kyiv"], "label": ["PERSON", "GPE", "GPE"]})
    apply_canonical_map(table, en.canonical_map_from_labels(labels), labels)
    assert table.values.tolist() == [["Anders Fjellstrom", "PERSON"], ["Anders Fjellstrom", "PERSON"], ["Kyiv", "GPE"]]
    monkeypatch.setattr(en, "LONE_SURNAME_ANY_LABEL", False)
    table = pd.DataFrame({"canonical": ["Anders Fjellstrom", "Fjellstrom"], "label": ["PERSON", "GPE"]})
    apply_canonical_map(table, en.canonical_map_from_labels(labels), labels)
    assert table.values.tolist() == [["Anders Fjellstrom", "PERSON"], ["Fjellstrom", "GPE"]]


# ---- a place or nationality modifying a noun phrase through compounded nouns (entities.MODIFIER_THROUGH_COMPOUNDS)

@pytest.mark.parametrize("text, speaker", [
    ("Nevada elections officials said 300 ballots were lost.", "Nevada elections officials"),
    ("Ohio election board officials said 300 ballots were lost.", "Ohio election board officials"),
    # an organisation's own name the model tagged is left as it was
    ("The Texas supreme court said 20 cases were heard.", "Texas supreme court"),
])
def test_a_place_modifying_a_compounded_head_names_the_whole_phrase(extracted, text, speaker):
    out = extracted(text)
    assert [s["speaker"] for s in out["statements"]] == [speaker]
    assert [c["claimant"] for c in out["claims"]] == [speaker]


def test_modifier_through_compounds_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(en, "MODIFIER_THROUGH_COMPOUNDS", False)
    assert [s["speaker"] for s in extracted("Ohio election board officials said 300 ballots were lost.")["statements"]] \
        == ["Ohio"]


# ---- a name the model ran into an opening bracket (entities.UNCLOSED_BRACKET_CUT)

WHO = "The World Health Organization (WHO) said 40 clinics were hit."


def test_a_name_run_into_an_opening_bracket_stops_before_it(extracted):
    out = extracted(WHO)
    assert [(s["speaker"], WHO[s["speaker_start"]:s["speaker_end"]]) for s in out["statements"]] == [
        ("World Health Organization", "The World Health Organization (WHO)")]  # the mention keeps its acronym
    assert all(r["canonical"].count("(") == r["canonical"].count(")") for r in out["entities"])


def test_unclosed_bracket_cut_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(en, "UNCLOSED_BRACKET_CUT", False)
    assert [s["speaker"] for s in extracted(WHO)["statements"]] == ["World Health Organization (WHO"]


# ---- a name inside a hyphenated modifier (attribution.HYPHEN_MODIFIER_NOT_NAME)

def test_a_name_in_a_hyphenated_modifier_does_not_name_the_group(extracted, monkeypatch):
    import helpers.text.attribution as at

    text = "Kremlin-backed separatists said 20 soldiers died."
    assert [c["claimant"] for c in extracted(text)["claims"]] == ["(Kremlin-backed separatists)"]
    assert [c["claimant"] for c in extracted("Republican senators said 12 bills were blocked.")["claims"]] \
        == ["Republican senators"]  # a name that is the modifier itself still names the group
    monkeypatch.setattr(at, "HYPHEN_MODIFIER_NOT_NAME", False)
    assert [c["claimant"] for c in extracted(text)["claims"]] == ["Kremlin"]


# ---- a generic organisation head as a short form (entities.ORG_HEAD_SHORT_FORM)

def test_a_generic_head_is_the_one_organisation_it_heads(extracted, monkeypatch):
    text = ("The survey was run by the Lviv International Institute of Sociology. According to the Institute's "
            "latest data, 87% oppose concessions.")
    assert [c["claimant"] for c in extracted(text)["claims"]] == ["Lviv International Institute of Sociology"]
    monkeypatch.setattr(en, "ORG_HEAD_SHORT_FORM", False)
    assert [c["claimant"] for c in extracted(text)["claims"]] == ["Institute"]


def test_a_name_is_no_generic_head():
    rows = [_row("European Nato", 0, "ORG"), _row("Nato", 30, "ORG")]
    en._org_heads_to_full_names(rows)
    assert [r["canonical"] for r in rows] == ["European Nato", "Nato"]
