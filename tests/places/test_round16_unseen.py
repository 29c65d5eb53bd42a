"""Issue 12, round 16: faults a reader of unseen news meets (constructed sentences; each rule on, switched off, and a
case it must leave alone)."""
from __future__ import annotations

import pytest

from helpers.geo import gazetteer as gz
from helpers.places import toponyms as tp


@pytest.fixture(scope="module")
def found(nlp, gaz):
    def run(text):
        return [(c.text, c.start_char, c.end_char, c.chosen.name if c.chosen is not None else None,
                 c.chosen.country_code if c.chosen is not None else None, c.method, c.role)
                for c in tp.resolve_article(nlp(text), gaz)]
    return run


def names(rows):
    return [(r[0], r[3]) for r in rows]


# ---- a place run together with the next or previous word where the text lost a line break
GLUED_HEAD = ("Shells fell overnight on the eastern city of KharkivThe mayor said the power was cut. "
              "Officials in Kyiv gave no figures.")
GLUED_TAIL = "War is never the answer.Jane BrownLondon\nPeace talks should start at once."


def test_a_place_glued_to_the_next_word_is_found_with_its_own_offsets(found, monkeypatch):
    rows = found(GLUED_HEAD)
    assert rows[0][:5] == ("Kharkiv", 45, 52, "Kharkiv", "UA")
    assert GLUED_HEAD[45:52] == "Kharkiv"
    assert names(rows) == [("Kharkiv", "Kharkiv"), ("Kyiv", "Kyiv")]
    monkeypatch.setattr(tp, "GLUED_PARTS", False)
    assert names(found(GLUED_HEAD)) == [("Kyiv", "Kyiv")]


def test_a_place_glued_after_a_signature_is_found(found, monkeypatch):
    rows = found(GLUED_TAIL)
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [("London", 34, 40, "London", "GB")]
    monkeypatch.setattr(tp, "GLUED_PARTS", False)
    assert found(GLUED_TAIL) == []


def test_a_glued_part_inside_a_longer_name_is_not_read(found):
    # before another capitalised word on the same line, after a name, or with an article of its own
    assert found("War is never the answer.Jane BrownLondon Peace talks should start at once.") == []
    assert names(found("Athletes met at the Ontario ParaSport Games in July.")) == [("Ontario", "Ontario")]
    assert found("The statement ran in the state-run UkraineNews on Monday.") == []
    assert found("Birds fly over the Pacific NorthWest each spring.") == []


def test_handles_and_hashtags_are_not_split(found):
    text = "Supporters posted #StandWithUkraine and @KharkivNews all week. The rally in Paris was calm."
    assert names(found(text)) == [("Paris", "Paris")]


def test_a_glued_word_the_article_gives_a_person_is_not_read(found):
    # "Lincoln" is a city of 100,000+ too, but here a word of a person's name
    text = "Abraham Lincoln spoke first. Then the crowd cheered for LincolnThe next speaker was from Ohio."
    assert ("Lincoln", "Lincoln") not in names(found(text))


# ---- the word before a surname is a first name
def test_a_first_name_before_a_glued_byline_is_no_place(found, monkeypatch):
    text = "Read more: Paul KarpACT senators have criticised the plan in Canberra."
    assert names(found(text)) == [("Canberra", "Canberra")]
    monkeypatch.setattr(tp, "NAME_BEFORE_GLUED_WORD", False)
    assert ("Paul", "Paul") in names(found(text))


def test_a_country_before_a_glued_word_stays(found):
    text = "Today in US PoliticsThat is all for now from the capital."
    assert [(r[0], r[4]) for r in found(text)] == [("US", "US")]


def test_a_first_name_the_model_calls_a_place_is_no_town(found, monkeypatch):
    text = "Wiktoria Zielinska told reporters in Warsaw that she would stay."
    assert names(found(text)) == [("Warsaw", "Warsaw")]
    monkeypatch.setattr(tp, "FIRST_NAME_BEFORE_SURNAME", False)
    assert names(found(text))[0] == ("Wiktoria", "Victoria")


def test_a_town_before_an_office_title_stays(found):
    text = "Kyiv Mayor Vitali Klitschko spoke in Irpin. Irpin Mayor Jan Kowal said the town was calm."
    irpin = [r for r in found(text) if r[0] == "Irpin"]
    assert [(r[3], r[4], r[6]) for r in irpin] == [("Irpin", "UA", "toponym")] * 2


# ---- "X, Y has said": Y opens a clause and contains nothing
def test_the_subject_of_the_next_clause_is_no_container(found, monkeypatch):
    text = "After weeks of shelling of Kherson, Russia has said it will withdraw its troops."
    rows = found(text)
    assert [(r[0], r[3], r[4], r[5]) for r in rows] == [("Kherson", "Kherson", "UA", "ner+gazetteer"),
                                                      ("Russia", "Russia", "RU", "ner+gazetteer")]
    monkeypatch.setattr(tp, "CLAUSE_SUBJECT_NOT_CONTAINER", False)
    assert found(text)[0][3:6] == (None, None, "ner+outside_container")


def test_a_container_after_a_comma_still_contains(found):
    rows = found("He was born in Dalton, Georgia, and moved to Atlanta.")
    assert [(r[0], r[3], r[4]) for r in rows] == [("Dalton", "Dalton", "US"), ("Georgia", "Georgia", "US"),
                                                  ("Atlanta", "Atlanta", "US")]
    assert rows[0][5] == "ner+gazetteer+containment"


# ---- one sense per article for the model's region the gazetteer lacks
def test_an_area_the_gazetteer_lacks_is_that_area_again_without_a_label(found, monkeypatch):
    text = "Fighting raged in Donbas on Monday. Much of Donbas is now under fire, officials in Kyiv said."
    rows = found(text)
    assert [(r[0], r[1], r[3], r[5]) for r in rows] == [("Donbas", 18, None, "ner+unresolved"),
                                                      ("Donbas", 44, None, "ner+unresolved"),
                                                      ("Kyiv", 83, "Kyiv", "ner+gazetteer")]
    monkeypatch.setattr(tp, "SAME_NAME_AS_MODEL_REGION", False)
    assert [r[1] for r in found(text) if r[0] == "Donbas"] == [18]


def test_the_area_name_inside_an_organisation_name_is_not_added(found):
    text = "Fighting raged in Donbas on Monday. Donbas Energy said its plants were shut."
    assert [(r[0], r[1]) for r in found(text)] == [("Donbas", 18)]


# ---- a region named after its centre keeps the centre's stem whole but a short ending
def test_a_region_is_named_after_its_centre_only_by_a_short_ending(gaz, monkeypatch):
    assert [p.country_code for p in gaz.admin1_with_capital_stem("Yakutia", {"RU"})] == ["RU"]
    assert gaz.admin1_with_capital_stem("Baltic", {"US"}) == []
    monkeypatch.setattr(gz, "CAPITAL_STEM_MAX_ENDING", None)
    assert [p.name for p in gaz.admin1_with_capital_stem("Baltic", {"US"})] == ["Maryland"]


# ---- a name the model calls a place holding a word it calls a person elsewhere (labels set by hand: the small model
# tags such names at random, and the rule is about what it says)
def _labelled(nlp, text, labels):
    from spacy.tokens import Span

    doc = nlp(text)
    spans = []
    for phrase, label in labels:
        start = text.index(phrase)
        span = doc.char_span(start, start + len(phrase))
        spans.append(Span(doc, span.start, span.end, label=label))
    doc.ents = spans
    return doc


def test_a_person_word_in_a_name_the_gazetteer_lacks_is_no_place(nlp, gaz, monkeypatch):
    text = "Marjatta Virtanen runs the farm. In the village, Tuulikki Virtanen, 82, plays her accordion."
    labels = [("Marjatta Virtanen", "PERSON"), ("Tuulikki Virtanen", "GPE")]
    assert tp.resolve_article(_labelled(nlp, text, labels), gaz) == []
    monkeypatch.setattr(tp, "PERSON_WORD_IN_UNKNOWN_NAME", False)
    rows = tp.resolve_article(_labelled(nlp, text, labels), gaz)
    assert [(c.text, c.chosen, c.method) for c in rows] == [("Tuulikki Virtanen", None, "ner+unresolved")]


def test_an_unknown_place_name_without_a_person_word_stays(nlp, gaz):
    text = "Marjatta Virtanen runs the farm. The shelling had stopped in Kvitkove Polyanka on Monday."
    labels = [("Marjatta Virtanen", "PERSON"), ("Kvitkove Polyanka", "GPE")]
    rows = tp.resolve_article(_labelled(nlp, text, labels), gaz)
    assert [(c.text, c.chosen, c.method) for c in rows] == [("Kvitkove Polyanka", None, "ner+unresolved")]
