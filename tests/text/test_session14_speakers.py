"""Session 14, speakers (constructed sentences): a person who only owns the speaking office or role is not the
speaker — "X's office said" is the office, a named organisation; "X's spokesman said" is the spokesman, an unnamed
role — while a person named inside the subject ("President X said", "X's president Y said") stays the speaker."""
from __future__ import annotations

import pytest

import helpers.text.attribution as at

OFFICE = "Zelensky's office said 12 people were killed. The office added that 40 were wounded."
SPOKESMAN = "Senator Jane Roe's spokesman said 20 tanks were sent to the port."
MINISTRY = ("Britain's Ministry of Defence said on Monday that it would send more aid. Russia's defence ministry has "
            "said its forces destroyed five command posts in the region. Three storage sites were also destroyed, "
            "the ministry was quoted as saying.")


@pytest.fixture(scope="module")
def read(extracted):
    def run(text):
        out = extracted(text)
        return out["statements"], {c["text"]: c["claimant"] for c in out["claims"]}
    return run


def test_an_owned_office_is_a_named_organisation(read):
    statements, claimants = read(OFFICE)
    assert [(s["speaker"], s["speaker_kind"]) for s in statements] == [("Zelensky's office", "organisation")] * 2
    # the mention is the whole subject; the later "the office" is the same source
    assert OFFICE[int(statements[0]["speaker_start"]):int(statements[0]["speaker_end"])] == "Zelensky's office"
    assert claimants == {"12": "Zelensky's office", "40": "Zelensky's office"}


def test_an_owned_role_is_an_unnamed_role_not_its_owner(read):
    statements, claimants = read(SPOKESMAN)
    assert [(s["speaker"], s["speaker_kind"]) for s in statements] == [("Senator Jane Roe's spokesman", "role")]
    assert claimants == {"20": "(Senator Jane Roe's spokesman)"}


def test_a_country_owned_ministry_keeps_its_country(read):
    statements, claimants = read(MINISTRY)
    assert [s["speaker"] for s in statements][-2:] == ["Russia's defence ministry"] * 2
    assert claimants["five"] == claimants["Three"] == "Russia's defence ministry"


@pytest.mark.parametrize("text, speaker", [
    ("Ukrainian President Volodymyr Zelensky said 30 towns were freed.", "Volodymyr Zelensky"),
    ("Ukraine's president Volodymyr Zelensky said 30 towns were freed.", "Volodymyr Zelensky"),
    ("Putin's spokesman, Dmitry Peskov, said 40 soldiers were killed.", "Dmitry Peskov"),
])
def test_a_person_named_in_the_subject_stays_the_speaker(read, text, speaker):
    statements, _ = read(text)
    assert [s["speaker"] for s in statements] == [speaker]


def test_switched_off_the_owner_speaks_again(read, monkeypatch):
    monkeypatch.setattr(at, "POSSESSOR_NOT_SPEAKER", False)
    statements, _ = read(SPOKESMAN)
    assert [s["speaker"] for s in statements] == ["Jane Roe"]


# a document is no part of its issuer's name (session 14)
@pytest.mark.parametrize("text, figure, claimant", [
    ("A White House statement said 20 tanks would be sent.", "20", "White House"),
    ("About 41,600 people demonstrated, according to interior ministry estimates.", "About 41,600", "interior ministry"),
    ("A Gallup poll found 45% of voters approve.", "45%", "Gallup"),
    # with no name or organisation word left, the mention stays whole
    ("The firm bought 4,000 helmets last year, according to customs filings.", "4,000", "customs filings"),
    # a capitalised last word belongs to the name
    ("The Washington Post reported that 30 sites were hit.", "30", "Washington Post"),
    ("The International Institute for Strategic Studies says Russia has 900 jets.", "900",
     "International Institute for Strategic Studies"),
])
def test_a_document_is_no_part_of_its_issuers_name(read, text, figure, claimant):
    assert read(text)[1][figure] == claimant


def test_switched_off_the_document_stays_in_the_name(read, monkeypatch):
    import helpers.text.entities as en

    monkeypatch.setattr(en, "DOCUMENT_NOT_IN_NAME", False)
    monkeypatch.setattr(at, "DOCUMENT_OF_NAMED_ISSUER", False)
    assert read("A White House statement said 20 tanks would be sent.")[1]["20"] == "White House statement"


# "its mayor" is the holder of that role in a place this sentence names (session 14)
MAYORS = "Jan Novak, the mayor of Dravograd, said 20 shells hit the town. "


@pytest.mark.parametrize("text, claimant", [
    # another town's mayor named before is not "its mayor"
    (MAYORS + "Forces hit a depot with more than 30 strikes in the city of Velika Luka, its exiled mayor said.",
     "(exiled mayor)"),
    # the same town: its mayor
    (MAYORS + "Forces hit a depot with more than 30 strikes in Dravograd, its mayor said.", "Jan Novak"),
    # a country's president named by the demonym of the country the sentence names
    ("The Estonian president, Mari Tamm, spoke on Monday. Estonia has more than 30 bases, its president said.",
     "Mari Tamm"),
])
def test_its_role_is_held_in_a_place_of_the_sentence(read, text, claimant):
    assert read(text)[1]["more than 30"] == claimant


def test_switched_off_its_role_goes_to_the_last_holder(read, monkeypatch):
    monkeypatch.setattr(at, "OWNED_ROLE_IN_SENTENCE", False)
    text = MAYORS + "Forces hit a depot with more than 30 strikes in the city of Velika Luka, its exiled mayor said."
    assert read(text)[1]["more than 30"] == "Jan Novak"


def test_an_owned_organisation_takes_the_corpus_name_with_its_key():
    import pandas as pd

    from helpers.text.stage import rename_owned_organisations, run_stage

    statements = [{"speaker": "Russia's defence ministry", "speaker_kind": "organisation"},
                  {"speaker": "Zelensky's office", "speaker_kind": "organisation"},
                  {"speaker": "Russia's defence ministry", "speaker_kind": "group"}]
    claims = [{"claimant": "Russia's defence ministry", "claimant_kind": "organisation"}]
    entities = pd.DataFrame({"label": ["ORG", "ORG", "ORG", "GPE"],
                             "canonical": ["Russian defence ministry", "Russian defence ministry",
                                           "Russian Ministry of Defence", "Russia"]})
    rename_owned_organisations(statements, claims, entities)
    # the most frequent name of that key; no entity with the office's key: as written; another kind: untouched
    assert [s["speaker"] for s in statements] == ["Russian defence ministry", "Zelensky's office",
                                                  "Russia's defence ministry"]
    assert claims[0]["claimant"] == "Russian defence ministry"
    # end to end: one source, one claimant across two articles
    arts = pd.DataFrame([
        {"article_id": "a1", "text": "Russia's defence ministry said its forces destroyed five command posts."},
        {"article_id": "a2", "text": "The Russian defence ministry said 40 drones were shot down."}])
    result = run_stage(arts)
    assert set(result["claims"].claimant) == {"Russian defence ministry"}
