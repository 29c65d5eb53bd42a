"""A modified role phrase ("the Democratic governor said") and the people the article gave that role (session 12).

Constructed sentences; the names are invented."""
from __future__ import annotations

from helpers.text import attribution as at
from text_rows import extract_rows


def _claimants(nlp, text):
    return [(c["text"], c["claimant"]) for c in extract_rows(nlp, text)["claims"]]


BYLINE_THEN_GOVERNOR = ("The paper's Tom Reed also wrote about falling jobless claims. A proposal from the Maine "
                        "governor, Janet Mills, is among the most generous. The Democratic governor wants to send $850 "
                        "to most residents.")
SAME_MODIFIER = ("The Ukrainian president, Ivan Hordiy, met Tom Reed. Reed said the talks went well. The Ukrainian "
                 "president said 40 percent of the region was taken.")
OTHER_COUNTRY = ("The Ukrainian president, Ivan Hordiy, met Tom Reed. Reed said the talks went well. The Russian "
                 "president said 40 percent of the region was taken.")


def test_a_role_phrase_is_the_holder_of_that_role_with_a_shared_modifier(nlp):
    # not the last person who spoke (Reed), who holds no role
    assert _claimants(nlp, SAME_MODIFIER) == [("40 percent", "Ivan Hordiy")]


def test_a_role_phrase_that_fits_no_holder_stays_a_phrase_not_the_last_speaker(nlp):
    # someone holds the role noun ("Maine governor"), so the last person who spoke (a byline) is not the governor
    assert _claimants(nlp, BYLINE_THEN_GOVERNOR) == [("$850", "Democratic governor")]
    # another country's president is neither the Ukrainian president nor the last speaker
    assert _claimants(nlp, OTHER_COUNTRY) == [("40 percent", "Russian president")]


def test_without_a_role_holder_the_last_speaker_rule_is_unchanged(nlp):
    # no one was called a governor: the phrase may be the last person who spoke, as before (round 4's rule)
    text = "Tom Reed said the plan was popular. The Democratic governor wants to send $850 to most residents."
    assert _claimants(nlp, text) == [("$850", "Tom Reed")]


def test_the_rule_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(at, "ROLE_PHRASE_TO_ROLE_HOLDER", False)
    assert _claimants(nlp, BYLINE_THEN_GOVERNOR) == [("$850", "Tom Reed")]
    assert _claimants(nlp, OTHER_COUNTRY) == [("40 percent", "Tom Reed")]


def test_an_organisation_noun_never_falls_back_to_a_nationality_or_party(nlp):
    text = "Democrats said the nominee would be confirmed. The state department announced indictments against four people."
    assert _claimants(nlp, text) == [("four", "(state department)")]
    named = "The Russian embassy said the claims were false. The ministry added that 40 diplomats would leave."
    assert _claimants(nlp, named) == [("40", "Russian embassy")]  # an organisation that spoke is still the fallback


def test_the_nationality_fallback_rule_can_be_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(at, "ORG_HEAD_NOT_A_GROUP", False)
    text = "Democrats said the nominee would be confirmed. The state department announced indictments against four people."
    assert _claimants(nlp, text) == [("four", "(Democrats)")]
