"""Session 23 (speakers from mentions): a statement whose speaker is unknown by design but which writes a source
mention — a hedge's subject ("Roe appears to …"), a predicate's subject holding an unowned cue noun ("Roe has been a
critic of …"), a passive of feeling ("Roe was disappointed that …") — names the one its mention resolves to, with
``speaker_resolved_from`` "mention", and claims still read it as unknown (a figure in it is no one's claim). A cue
verb that shares a passive verb's subject ("Roe was forced out and said …") or "He's said that …" is read as active.
Constructed sentences."""
from __future__ import annotations

import pytest

import helpers.text.statements as st
from helpers.core.schemas import UNATTRIBUTED, UNKNOWN

INTRO = "Jane Roe spoke to voters in Leeds on Monday. "
HEDGE = INTRO + "Roe appears to have lost 20 percent of her voters."
CRITIC = INTRO + "Roe has been a fierce critic of the plan to build 300 homes."
COMPLAINTS = INTRO + "Complaints from Jane Roe that 300 homes were too many went unanswered."
FEELING = "Tom Hale met voters on Monday. Hale was disappointed that 300 jobs would go."
FORCED = "Tom Hale said nothing. Hale was forced out of office and said the party had lost 40 seats."
PERFECT = "Tom Hale spoke on Monday. He's said that the party lost 40 seats."


def _statement(out, cue):
    return next(s for s in out["statements"] if s["cue"] == cue)


def _claimant(out, text):
    return next(c["claimant"] for c in out["claims"] if c["text"] == text)


# (text, cue, speaker, figure, switch)
MENTIONS = [(HEDGE, "appears", "Jane Roe", "20 percent", "EVIDENTIAL_MENTION_SPEAKER"),
            (CRITIC, "critic", "Jane Roe", "300", "UNOWNED_NOUN_MENTION_SPEAKER"),
            (COMPLAINTS, "Complaints", "Jane Roe", "300", "UNOWNED_NOUN_MENTION_SPEAKER"),
            (FEELING, "disappointed", "Tom Hale", "300", "EXPERIENCER_MENTION_SPEAKER")]


@pytest.mark.parametrize("text,cue,speaker,figure,switch", MENTIONS)
def test_a_mention_names_the_speaker_but_no_claimant(extracted, monkeypatch, text, cue, speaker, figure, switch):
    out = extracted(text)
    s = _statement(out, cue)
    assert (s["speaker"], s["speaker_resolved_from"], s["speaker_kind"]) == (speaker, "mention", "person")
    assert _claimant(out, figure) == UNATTRIBUTED  # the hedge, the criticism are no claim of the speaker's
    monkeypatch.setattr(st, switch, False)
    off = extracted(text)
    assert _statement(off, cue)["speaker"] == UNKNOWN
    assert _claimant(off, figure) == UNATTRIBUTED


@pytest.mark.parametrize("text", [
    "These ideas seem secondary to the voters of Leeds.",  # a plural that is no group of people
    "I appear to have lost 20 percent of my voters.",  # "I" outside a quotation
    "Ukrainian successes appeared to be confined to the north.",  # a thing of a nationality or place
])
def test_no_speaker_from_such_a_mention(extracted, text):
    out = extracted(text)
    assert all(s["speaker"] == UNKNOWN for s in out["statements"] if s["cue"] in ("seem", "appear", "appeared"))


def test_a_thing_of_a_place_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(st, "MENTION_THING_OF_PLACE", False)
    out = extracted("Ukrainian successes appeared to be confined to the north.")
    assert _statement(out, "appeared")["speaker"] == "Ukrainian"


# (text, cue, speaker, figure, switch)
ACTIVE = [(FORCED, "said", "Tom Hale", "40", "SHARED_PASSIVE_SUBJECT_ACTIVE"),
          (PERFECT, "said", "Tom Hale", "40", "PERFECT_S_ACTIVE")]


@pytest.mark.parametrize("text,cue,speaker,figure,switch", ACTIVE)
def test_a_cue_under_a_passive_subject_speaks(extracted, monkeypatch, text, cue, speaker, figure, switch):
    out = extracted(text)
    s = [s for s in out["statements"] if s["cue"] == cue][-1]
    assert s["speaker"] == speaker and s["speaker_resolved_from"] in ("name", "pronoun")
    assert _claimant(out, figure) == speaker  # a speaker like any other: the figure is the speaker's claim
    monkeypatch.setattr(st, switch, False)
    assert [s for s in extracted(text)["statements"] if s["cue"] == cue][-1]["speaker"] == UNKNOWN


@pytest.mark.parametrize("text", [
    "Tom Hale spoke on Monday. He's said to have lost 40 seats.",  # a passive with an infinitive
    "Tom Hale spoke on Monday. It's said that the party lost 40 seats.",  # an expletive
    "Tom Hale spoke on Monday. He's seen as the leader who lost 40 seats.",  # a passive of regarding
    "Tom Hale met voters. Hale is expected to be forced to admit that the party lost 40 seats.",  # an infinitive
    "Tom Hale met voters. The rally was organized by Hale's aides and said the party lost 40 seats.",  # an agent
])
def test_a_passive_stays_passive(extracted, text):
    out = extracted(text)
    assert all(s["speaker"] != "Tom Hale" for s in out["statements"] if s["start_char"] > text.index(".") + 1)
