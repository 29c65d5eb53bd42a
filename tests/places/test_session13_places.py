"""Session 13: an organisation's name before "territory" is not a region abroad (constructed sentences)."""
from __future__ import annotations

import pytest

from helpers.places import toponyms as tp


@pytest.fixture(scope="module")
def found(nlp, gaz):
    def run(text):
        return [(c.text, c.method) for c in tp.resolve_article(nlp(text), gaz)]
    return run


TEXT = "Nato leaders met in Madrid. Nato said it would protect every inch of Nato territory. Russia warned Nato."


def test_an_organisation_named_elsewhere_before_territory_is_no_region(found, monkeypatch):
    assert found(TEXT) == [("Madrid", "ner+gazetteer"), ("Russia", "ner+gazetteer")]
    monkeypatch.setattr(tp, "ABROAD_REGION_NAMED_ELSEWHERE", False)
    assert ("Nato", "context+region_abroad") in found(TEXT)


ADDRESS = ("President Zelensky met the envoys on Monday. Zelensky said the talks were useful. In Zelensky's latest "
           "address on Thursday evening, the president thanked the allies. Zelensky also spoke to reporters.")


def test_a_spelling_variant_of_a_person_named_elsewhere_is_no_place_even_after_in(found, monkeypatch):
    # the gazetteer reaches a town through a spelling variant of the name; the model calls it a person four times
    assert found(ADDRESS) == []
    monkeypatch.setattr(tp, "VARIANT_OF_NAMED_ELSEWHERE", False)
    assert ("Zelensky", "context+variant") in found(ADDRESS)
