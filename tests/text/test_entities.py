"""Entities: label corrections, canonical names within and across articles, roles."""
from __future__ import annotations

import pytest

from helpers.text.entities import article_entities, canonical_map, normalise
from helpers.text.stage import extract_article


def ents(nlp, text):
    return article_entities(nlp(text), "a1")


def by_text(rows):
    return {r["text"]: r for r in rows}


@pytest.fixture(scope="module")
def seed002(seed_articles, seed_stage):
    aid = seed_articles.loc[seed_articles.source_file == "002_4f566d6464c06abf.txt", "article_id"].item()
    e = seed_stage["entities"]
    return e[e.article_id == aid]


def canon_of(df, text):
    return set(df.loc[df.text == text, "canonical"])


def test_seed_short_forms_point_to_full_names(seed002):
    assert canon_of(seed002, "Kirby") == {"John Kirby"}
    assert canon_of(seed002, "Austin") == {"Lloyd Austin"}
    assert canon_of(seed002, "NIS") == {"National Intelligence Service"}
    assert canon_of(seed002, "Zelenskyy") == {"Volodymyr Zelenskyy"}
    assert canon_of(seed002, "Medvedev") == {"Dmitry Medvedev"}


def test_seed_roles(seed002):
    role = dict(zip(seed002.canonical, seed002.role))
    assert role["John Kirby"] == "White House national security spokesman"
    assert role["Kyrylo Budanov"] == "head of Ukrainian military intelligence"
    assert role["Lloyd Austin"] == "United States defence secretary"
    assert role["Dmitry Medvedev"] == "Russian Security Council deputy chairman"
    assert role["Volodymyr Zelenskyy"] == "Ukrainian President"


def test_seed_place_labels_corrected(seed002):
    for place in ("Kyiv", "Kursk", "Avdiivka", "Vladivostok"):
        assert set(seed002.loc[seed002.text == place, "label"]) == {"GPE"}, place
    # a surname that is also a city stays a person
    assert set(seed002.loc[seed002.text == "Austin", "label"]) == {"PERSON"}


def test_seed_organisation_phrases(seed002):
    assert "Ukraine's defence ministry" in set(seed002.canonical)
    assert set(seed002.loc[seed002.canonical == "Ukraine's defence ministry", "label"]) == {"ORG"}


def test_seed_offsets(seed_articles, seed_stage):
    texts = seed_articles.set_index("article_id")["text"]
    e = seed_stage["entities"]
    assert all(texts[r.article_id][r.start_char:r.end_char] == r.text for r in e.itertuples())


def test_role_from_premodifier_and_apposition(nlp):
    rows = by_text(ents(nlp, "Defence minister Rustem Umerov met reporters. Sergei Shoigu, Russia's defence minister, "
                             "said the talks failed. Umerov said nothing."))
    assert rows["Rustem Umerov"]["role"] == "Defence minister"
    assert rows["Sergei Shoigu"]["role"] == "Russia's defence minister"
    assert rows["Umerov"]["canonical"] == "Rustem Umerov"
    assert rows["Umerov"]["role"] == "Defence minister"


def test_acronym_defined_in_parentheses(nlp):
    rows = ents(nlp, "The International Atomic Energy Agency (IAEA) sent inspectors. The IAEA said the plant was safe.")
    assert {r["canonical"] for r in rows if r["text"] == "IAEA"} == {"International Atomic Energy Agency"}


def test_acronym_by_initials_and_honorifics(nlp):
    rows = ents(nlp, "The Security Service of Ukraine arrested two men. Mr Zelensky praised the SSU on Friday. "
                     "Volodymyr Zelensky spoke later.")
    canon = {r["text"]: r["canonical"] for r in rows}
    assert canon.get("SSU") == "Security Service of Ukraine"
    assert canon.get("Zelensky") == "Volodymyr Zelensky"


@pytest.mark.parametrize("raw,expected", [
    ("the Kremlin", "Kremlin"),
    ("Ukraine’s", "Ukraine"),
    ("Russia's", "Russia"),
    ("  White\nHouse ", "White House"),
    ("“Wagner”", "Wagner"),
])
def test_normalise(raw, expected):
    assert normalise(raw) == expected


def test_canonical_map_across_articles():
    rows = [
        {"canonical": "NATO", "label": "ORG"}, {"canonical": "NATO", "label": "ORG"}, {"canonical": "Nato", "label": "ORG"},
        {"canonical": "Zelenskyy", "label": "PERSON"}, {"canonical": "Volodymyr Zelenskyy", "label": "PERSON"},
        {"canonical": "Biden", "label": "PERSON"},
    ]
    m = canonical_map(rows)
    assert m["Nato"] == m["NATO"] == "NATO"
    assert m["Zelenskyy"] == "Volodymyr Zelenskyy"
    assert m["Biden"] == "Biden"  # no full name anywhere: left as it is


# ---- issue 10 item 3: one claimant per real source within an article


def test_title_before_a_name_is_a_role_and_a_bare_title_is_that_person(nlp):
    doc = nlp("Taoiseach Leo Varadkar said Ireland would send 50 peacekeepers. The Taoiseach added that the mission "
              "would last a year. Mr Varadkar said 20 more could follow.")
    doc.user_data["article_id"] = "a1"
    out = extract_article(doc)
    assert {e["canonical"] for e in out["entities"] if e["label"] == "PERSON"} == {"Leo Varadkar"}
    assert {e["role"] for e in out["entities"] if e["canonical"] == "Leo Varadkar"} == {"Taoiseach"}
    assert [s["speaker"] for s in out["statements"]] == ["Leo Varadkar"] * 3
    assert {c["claimant"] for c in out["claims"]} == {"Leo Varadkar"}


def test_two_word_name_keeps_a_title_like_first_name(nlp):
    from helpers.text.entities import _strip_title

    assert _strip_title("King Charles") == ("King Charles", None)
    assert _strip_title("Chancellor Olaf Scholz") == ("Olaf Scholz", "Chancellor")


def test_unnamed_role_phrase_is_the_named_person_with_that_role(nlp):
    doc = nlp("Ukrainian Ambassador to the U.S. Oksana Markarova said on Sunday that 4,000 children had been deported. "
              "Ukraine's ambassador added that 300 had come back.")
    doc.user_data["article_id"] = "a1"
    out = extract_article(doc)
    assert [s["speaker"] for s in out["statements"]] == ["Oksana Markarova", "Oksana Markarova"]


def test_role_phrase_with_another_nationality_stays_unnamed(nlp):
    doc = nlp("Ukraine's ambassador said 20 drones were shot down. British ambassador Tom Hale said the embassy was open.")
    doc.user_data["article_id"] = "a1"
    out = extract_article(doc)
    assert [s["speaker"] for s in out["statements"]] == ["Ukraine's ambassador", "Tom Hale"]


# ---- session 11: a name set in apposition with a person's role is a person, whatever the model said
def test_a_name_in_apposition_with_a_role_is_a_person_and_keeps_its_quotes(nlp):
    text = ("The envoy will meet the Ukrainian president, Volodymyr Zelenskiy, on Thursday. "
            "The repair bill has reached $600bn, Zelenskiy said. "
            "\u201cMore than 350 clinics were destroyed,\u201d he said.")
    doc = nlp(text)
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Volodymyr Zelenskiy"] == "PERSON" and labels["Zelenskiy"] == "PERSON"
    doc.user_data["article_id"] = "a1"
    claims = {c["text"]: c["claimant"] for c in extract_article(doc)["claims"]}
    # before: the surname was an organisation, so "he" went to the nearest person-like entity ("600bn")
    assert claims == {"$600bn": "Volodymyr Zelenskiy", "More than 350": "Volodymyr Zelenskiy"}


@pytest.mark.parametrize("text,name,expected", [
    ("The envoy will meet the Ukrainian president, Volodymyr Zelenskiy, on Thursday.", "Volodymyr Zelenskiy", True),
    ("Volodymyr Zelenskiy, the president, will meet the envoy on Thursday.", "Volodymyr Zelenskiy", True),
    ("Investors bought shares in Rosneft Oil, the energy company, on Monday.", "Rosneft Oil", False),  # no role noun
    ("The envoy will meet the Ukrainian president on Thursday in Kyiv.", "Kyiv", False),            # no apposition
])
def test_titled_name_rule(nlp, text, name, expected):
    fixes = nlp.get_pipe("warclaims_entity_fixes")
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None and fixes._titled_name(span) is expected


@pytest.mark.parametrize("text,name", [
    ("Read more here. 01:50Zelenskiy said that 40 tanks had been destroyed.", "Zelenskiy"),
    ("Updated at 02.10 BST 4d ago01:56Russia said it had destroyed 40 tanks.", "Russia"),
])
def test_a_live_blog_time_stamp_glued_to_a_name_is_no_part_of_it(nlp, text, name):
    rows = [r for r in ents(nlp, text) if name in r["text"]]
    assert rows and all(r["text"] == r["canonical"] == name for r in rows), rows
    assert all(text[r["start_char"]:r["end_char"]] == name for r in rows)


def test_a_time_stamp_rule_leaves_numbered_names_alone(nlp):
    rows = ents(nlp, "The 82nd Airborne Division arrived in Poland on Monday.")
    assert any(r["canonical"] == "82nd Airborne Division" for r in rows)


def test_a_surname_the_model_called_a_place_takes_its_given_name_when_a_role_follows(nlp):
    fixes = nlp.get_pipe("warclaims_entity_fixes")
    text = "Olena Denisova, the country's ombudsperson, said 120 homes had been damaged."
    with nlp.select_pipes(disable=["warclaims_entity_fixes"]):
        doc = nlp(text)
    surname = doc.char_span(text.index("Denisova"), text.index("Denisova") + len("Denisova"), label="GPE")
    doc.ents = [surname]  # what the small model does with such names in longer articles
    assert [(e.text, e.label_) for e in fixes(doc).ents] == [("Olena Denisova", "PERSON")]
    doc.ents = [doc.char_span(0, len("Olena Denisova"), label="GPE")]
    assert [(e.text, e.label_) for e in fixes(doc).ents] == [("Olena Denisova", "PERSON")]


@pytest.mark.parametrize("text,stamp", [
    ("01:56Russia", "01:56"), ("22.56 Boris Johnson", "22.56 "), ("ago10.40Russia", "ago10.40"),
    ("28 Mar 202202.59Ukraine's ministry", "28 Mar 202202.59"), ("Mar 202202.59Ukraine's ministry", "Mar 202202.59"),
    ("March 2022 report", None), ("82nd Airborne Division", None), ("10 Downing Street", None),
])
def test_time_stamp_pattern(text, stamp):
    from helpers.text.entities import _TIME_STAMP
    m = _TIME_STAMP.match(text)
    assert (m.group(0) if m else None) == stamp
