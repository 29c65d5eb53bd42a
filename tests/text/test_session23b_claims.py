"""Session 23 (second round): claims precision on unseen news — ages, numbers in names, named appositions rejected;
populations, modifiers the parser gave the count, parallel written counts and raising verbs read by meaning.
Constructed sentences, positive and negative, each rule also switched off."""
from __future__ import annotations

import pytest

import helpers.text.claims as cl
from text_rows import claims_by_text as _rows, rejected_by_text as _rejected


# ------------------------------------------------------------------ POPULATION_OF_PLACE
POPULATION = "The shelling hit a town that had a prewar population of 40,000."


def test_population_counts_people(extracted):
    row = _rows(extracted, POPULATION)["40,000"]
    assert (row["unit"], row["category"]) == ("person", "other")


def test_place_of_a_scaled_count(extracted):
    assert _rows(extracted, "The small nation of 3.2 million sits on the border.")["3.2 million"]["unit"] == "person"


def test_place_in_a_phrase_of_a_force_is_no_population(extracted):
    rows = _rows(extracted, "Denmark added 500 troops to its battalion in the country of about 900.")
    assert rows["about 900"]["unit"] != "person"


# ------------------------------------------------------------------ AGE_AT, AGE_OF_PERSON
AGE_AT = "Mr Halvorsen, who at 83 still chairs the board, spoke first."


def test_age_after_at(extracted):
    assert _rejected(extracted, AGE_AT).get("83") == "age_at"
    assert "83" not in _rows(extracted, AGE_AT)


AGE_OF = "A memorial stands in the square.\nOlavi Rantanen, 96\nThe threat from the east never went away."


def test_age_after_a_name(extracted):
    assert _rejected(extracted, AGE_OF).get("96") == "age_of_person"


def test_distance_after_a_name_is_no_age(extracted):
    rows = _rows(extracted, "The convoy passed Olavi Rantanen, 40 kilometres from the town.")
    assert any(r["unit"] == "km" for r in rows.values())


# ------------------------------------------------------------------ NAMES_AFTER_KIND_NOUN
CHANNELS = "Hackers took over the TV channels Ukraine 24, Espreso and Kyiv 10 for an hour."


def test_numbers_in_names_after_a_kind_noun(extracted):
    rejected = _rejected(extracted, CHANNELS)
    assert rejected.get("24") == "in_name" and rejected.get("10") == "in_name"
    assert not any(t in ("24", "10") for t in _rows(extracted, CHANNELS))


def test_gapped_list_of_counts_stays(extracted):
    rows = _rows(extracted, "Norway expelled 14 Russian diplomats, Finland 9 and Denmark 7.")
    assert rows["9"]["unit"] == "diplomat"


# ------------------------------------------------------------------ PROPER_MODIFIER_COUNTED, COMPOUND_MODIFIER_COUNTED
def _parsed(nlp, words, heads, deps, pos, tags):
    """A doc with a parse set by hand: the parser's attachment of a count to a name that modifies the noun after it."""
    from spacy.tokens import Doc
    lemmas = [w.lower().rstrip("s") if t == "NNS" else w.lower() for w, t in zip(words, tags)]
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def _model_doc(nlp):
    # "Oslo sent 36 K9 artillery pieces ." with the count hung on the model name, the name on the plural noun
    return _parsed(nlp, ["Oslo", "sent", "36", "K9", "artillery", "pieces", "."], [1, 1, 3, 5, 5, 1, 1],
                   ["nsubj", "ROOT", "nummod", "compound", "compound", "dobj", "punct"],
                   ["PROPN", "VERB", "NUM", "PROPN", "NOUN", "NOUN", "PUNCT"], ["NNP", "VBD", "CD", "NNP", "NN", "NNS", "."])


def test_model_name_modifies_the_counted_noun(nlp):
    row = cl.find_numbers(_model_doc(nlp))[0]
    assert (row["unit"], row["category"]) == ("artillery piece", "equipment")


def test_proper_modifier_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(cl, "PROPER_MODIFIER_COUNTED", False)
    assert cl.find_numbers(_model_doc(nlp))[0]["unit"] == "k9"


def test_count_of_a_proper_plural_stays(extracted):
    assert _rows(extracted, "Sweden sent 12 Archer howitzers.")["12"]["unit"] == "howitzer"


COMPOUND = "Kyiv received 90 M777 Nato-standard artillery guns."


def test_singular_modifier_given_the_count(extracted):
    row = _rows(extracted, COMPOUND)["90"]
    assert (row["unit"], row["category"]) == ("gun", "equipment")


# ------------------------------------------------------------------ BARE_LOWERCASE_DESIGNATOR
RESOLUTION = "The council then adopted resolution 2231 without a vote."


def test_lowercase_resolution_number(extracted):
    assert _rejected(extracted, RESOLUTION).get("2231") == "identifier"


def test_votes_after_resolution_stay(extracted):
    rows = _rows(extracted, "Last year the resolution won 121 votes to 7.")
    assert rows["121"]["unit"] == "vote"


# ------------------------------------------------------------------ PARALLEL_WRITTEN_COUNT
PARALLEL = "Four people were wounded in Sumy and three in Poltava."


def test_written_count_in_a_parallel_phrase(extracted):
    row = _rows(extracted, PARALLEL)["three"]
    assert (row["unit"], row["category"]) == ("person", "casualties")


def test_written_pronoun_without_parallel_phrase_stays_out(extracted):
    assert "two" not in _rows(extracted, "Four people were wounded, and two of them later died.")


def test_parallel_written_count_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "PARALLEL_WRITTEN_COUNT", False)
    assert "three" not in _rows(extracted, PARALLEL)


# ------------------------------------------------------------------ NAMED_APPOSITION
APPOSITION = "Brazil and Argentina, two of the region's largest beef exporters, signed the pact."


def test_apposition_count_of_named_things(extracted):
    assert _rejected(extracted, APPOSITION).get("two") == "named_apposition"


# ------------------------------------------------------------------ CASUALTY_RAISING
RAISING = "About 26 people are believed to have been killed in the blast."


def test_raising_verb_of_a_casualty(extracted):
    assert _rows(extracted, RAISING)["About 26"]["category"] == "casualties"


def test_raising_verb_of_no_casualty(extracted):
    rows = _rows(extracted, "About 26 people are believed to have left the city.")
    assert rows["About 26"]["category"] != "casualties"


# ------------------------------------------------------------------ WRITTEN_NUMBER_IN_NAME, GLUED_ACRONYM_AFTER
NAMED_ONE = "She boarded the Navy One jet after the talks."


def test_written_number_in_a_name(extracted):
    assert _rejected(extracted, NAMED_ONE).get("One") == "in_name"


ACRONYM = "The operator is building 4G masts and 20 relay towers."


def test_glued_acronym_after_a_number(extracted):
    rows = _rows(extracted, ACRONYM)
    assert _rejected(extracted, ACRONYM).get("4") == "glued_to_capital" and "20" in rows


def test_glued_acronym_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "GLUED_ACRONYM_AFTER", False)
    assert "4" in _rows(extracted, ACRONYM)


# ------------------------------------------------------------------ negatives: figures that stay claims
@pytest.mark.parametrize("figure, text", [
    ("61", "The toll stood at 61 on Tuesday."),  # test_level_after_at_is_no_age
    ("61", "He put the toll at 61."),  # test_estimate_after_at_is_no_age
    ("two", "The two countries, Brazil and Argentina, signed the pact."),  # test_count_with_its_own_noun_stays
    ("two", "Inspectors said two of the five reactors were shut."),  # test_partitive_count_without_names_stays
    ("Two", "The minister arrived. Two officials met him."),  # test_written_number_opening_a_sentence_stays
])
def test_kept_as_a_claim(extracted, figure, text):
    assert figure in _rows(extracted, text)


# ------------------------------------------------------------------ each rejection switched off: the figure is back
@pytest.mark.parametrize("switch, text, figure", [
    ("AGE_AT", AGE_AT, "83"),
    ("AGE_OF_PERSON", AGE_OF, "96"),
    ("NAMES_AFTER_KIND_NOUN", CHANNELS, "10"),
    ("BARE_LOWERCASE_DESIGNATOR", RESOLUTION, "2231"),
    ("NAMED_APPOSITION", APPOSITION, "two"),
    ("WRITTEN_NUMBER_IN_NAME", NAMED_ONE, "One"),
])
def test_rejection_switched_off(extracted, monkeypatch, switch, text, figure):
    monkeypatch.setattr(cl, switch, False)
    assert figure in _rows(extracted, text)


# ------------------------------------------------------------------ each reading switched off: the old reading is back
@pytest.mark.parametrize("switch, text, figure, field, value", [
    ("POPULATION_OF_PLACE", POPULATION, "40,000", "unit", "person"),
    ("COMPOUND_MODIFIER_COUNTED", COMPOUND, "90", "unit", "gun"),
    ("CASUALTY_RAISING", RAISING, "About 26", "category", "casualties"),
])
def test_reading_switched_off(extracted, monkeypatch, switch, text, figure, field, value):
    monkeypatch.setattr(cl, switch, False)
    assert _rows(extracted, text)[figure][field] != value


# ------------------------------------------------------------------ discourse_nouns: kinds, explanations, features
@pytest.mark.parametrize("text, figure", [
    ("The analyst sees two possible kinds of escalation.", "two"),
    ("One explanation for the delay is the weather.", "One"),
    ("There are three features of the bill that worry lawyers.", "three"),
])
def test_discourse_nouns_of_session_23b(extracted, text, figure):
    assert _rejected(extracted, text).get(figure) == "discourse_noun"


# ------------------------------------------------------------------ CASUALTY_PERSON_UNIT
CASUALTY_BARE = "The strike on the depot left 14 dead, officials said."


def test_casualty_count_without_noun_counts_people(extracted):
    row = _rows(extracted, CASUALTY_BARE)["14"]
    assert (row["unit"], row["category"]) == ("person", "casualties")


def test_casualty_ellipsis_keeps_its_noun(extracted):
    row = _rows(extracted, "Shelling killed 6 soldiers and wounded 11 in the village.")["11"]
    assert row["unit"] == "soldier"


def test_casualty_person_unit_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "CASUALTY_PERSON_UNIT", False)
    assert _rows(extracted, CASUALTY_BARE)["14"]["unit"] == "unit"
