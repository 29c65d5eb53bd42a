"""Session 21 (lead): a name the parse hung on the subject as an apposition from beyond its reporting verb is not
the speaker (``attribution.APPOSITION_AFTER_VERB_NOT_NAME``): "The authors of the report noted that three aid
workers had been killed: Jane Roe, …" lists the killed. An apposition before the verb still names the speaker.
Constructed sentences."""
from __future__ import annotations

import helpers.text.attribution as attr

AFTER = ("The signatories of the appeal also recalled that three foreign journalists had already died in the "
         "fighting: Jane Roe, Tom Hale, Ary Volden and Kiri Tamsen.")
BEFORE = "The head of the mission, Jane Roe, recalled that three aid workers had been killed by shelling."


def _speakers(out):
    return [s["speaker"] for s in out["statements"] if s["cue"] == "recalled"]


def test_a_name_listed_after_the_content_is_not_the_speaker(extracted, monkeypatch):
    assert _speakers(extracted(AFTER)) == ["signatories of the appeal"]
    claims = [c for c in extracted(AFTER)["claims"] if c["value"] == 3]
    assert claims and claims[0]["claimant"] != "Jane Roe"
    monkeypatch.setattr(attr, "APPOSITION_AFTER_VERB_NOT_NAME", False)  # the parse hangs the list on the subject
    assert _speakers(extracted(AFTER)) == ["Jane Roe"]


def test_an_apposition_before_the_verb_names_the_speaker(extracted):
    assert _speakers(extracted(BEFORE)) == ["Jane Roe"]


# ---- claims.CHANGED_COUNT: a bare figure that is the new size of the verb's object counts that object
import helpers.text.claims as claims  # noqa: E402

CHANGED = [("The council increased the number of its standing committees to 14 in the spring.", 14, "committee"),
           ("The alliance pledged to raise its ready troops to 250,000 by the summer.", 250000, "troop"),
           ("The ministry cut the patrols to 40 after the storm.", 40, "patrol")]


def _unit(out, value):
    return next(c["unit"] for c in out["claims"] if c["value"] == value)


def test_a_figure_that_is_the_new_size_of_the_object(extracted, monkeypatch):
    for text, value, unit in CHANGED:
        assert _unit(extracted(text), value) == unit, text
    monkeypatch.setattr(claims, "CHANGED_COUNT", False)
    monkeypatch.setattr(claims, "NUMBER_OF_IN_SENTENCE", False)  # session 23's rule also reads "the number of X"
    monkeypatch.setattr(claims, "FORCE_SIZE_COUNT", False)  # session 23c's rule also reads a force's "to N"
    for text, value, unit in CHANGED:
        assert _unit(extracted(text), value) != unit, text


def test_a_measure_or_money_object_is_not_counted(extracted):
    out = extracted("The army extended the ranges of its guns to 40 kilometres.")
    assert all(c["unit"] != "range" for c in out["claims"])
    out = extracted("The company raised its prices to 50 euros.")
    assert _unit(out, 50) == "eur"


# ---- claims.GROUP_OF_COUNT: a bare figure after "of" on a body of people gives its size
def test_a_figure_that_is_the_size_of_a_body(extracted, monkeypatch):
    text = "The allies agreed to set up a new rapid-reaction force of 40,000 by the spring."
    claim = next(c for c in extracted(text)["claims"] if c["value"] == 40000)
    assert (claim["unit"], claim["category"]) == ("force", "personnel")
    monkeypatch.setattr(claims, "GROUP_OF_COUNT", False)
    monkeypatch.setattr(claims, "FORCE_SIZE_COUNT", False)  # session 23c's rule also reads "a force of N"
    claim = next(c for c in extracted(text)["claims"] if c["value"] == 40000)
    assert claim["unit"] != "force"


def test_a_measure_after_of_is_no_body(extracted):
    out = extracted("The missiles have a range of 300 kilometres and a weight of 2 tonnes.")
    assert {c["unit"] for c in out["claims"]} >= {"km"}
    assert all(c["unit"] not in ("range", "weight") for c in out["claims"])


# ---- claims.GAPPED_LIST_COUNT and BARE_NUMBER_DATE_KEPT: "X expelled 45 diplomats, Y 40, Z 35"
GAPPED = "Last week Norway expelled 22 Russian diplomats, Finland 19, Estonia 17 and Iceland 12."


def test_a_gapped_list_counts_what_its_first_item_counts(extracted, monkeypatch):
    units = {c["value"]: c["unit"] for c in extracted(GAPPED)["claims"]}
    assert (units.get(22), units.get(19), units.get(17)) == ("diplomat", "diplomat", "diplomat")
    monkeypatch.setattr(claims, "GAPPED_LIST_COUNT", False)
    units = {c["value"]: c["unit"] for c in extracted(GAPPED)["claims"]}
    assert units.get(22) == "diplomat" and units.get(19) != "diplomat" and units.get(17) != "diplomat"


def test_a_list_after_money_or_a_name_with_a_noun_is_left(extracted):
    units = {c["value"]: c["unit"] for c in extracted("Norway gave $12m, Finland 40 and Estonia 70.")["claims"]}
    assert units.get(40) not in (None, "usd") and units.get(70) not in (None, "usd")  # no money after money's list


def test_a_bare_number_the_model_calls_a_date_after_a_name(extracted, monkeypatch):
    text = "Poland has expelled 45 Russian diplomats, Germany 40, France 35 and Italy 30."
    assert {40, 35} <= {c["value"] for c in extracted(text)["claims"]}
    assert not any(c["value"] == 5 for c in extracted("The talks ended on May 5 in Geneva.")["claims"])


# ---- claims.PASSIVE_COUNT_SUBJECT: "the number of X was put at N"
def test_a_passive_count_subject(extracted, monkeypatch):
    text = "The number of displaced people was put at 40,000 by the agency."
    assert next(c["unit"] for c in extracted(text)["claims"] if c["value"] == 40000) == "person"
    monkeypatch.setattr(claims, "PASSIVE_COUNT_SUBJECT", False)
    monkeypatch.setattr(claims, "NUMBER_OF_IN_SENTENCE", False)  # session 23's rule also reads "the number of X"
    monkeypatch.setattr(claims, "FORCE_SIZE_COUNT", False)  # session 23c's rule also reads a force's "to N"
    assert next(c["unit"] for c in extracted(text)["claims"] if c["value"] == 40000) != "person"
