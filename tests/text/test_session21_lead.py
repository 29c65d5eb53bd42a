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
