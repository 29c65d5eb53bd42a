"""Session 23b (named sources): a cue's subject headed by a people noun no role lexicon lists ("The TV reporter
expressed …", "Another child responded …"; ``people_nouns.json``, learnt from PolNeAR train) speaks as an unnamed
role or anonymous source (``attribution.PEOPLE_NOUN_SPEAKS``); a plural people noun as the subject of a hedge ("Voters seem to …") names its group as the statement's mention speaker
(``statements.MENTION_PEOPLE_GROUP``). Things stay no source ("The trip suggests", "The figures seem"). Constructed
sentences."""
from __future__ import annotations

import pytest

import helpers.text.attribution as attr
import helpers.text.statements as stm
from helpers.core.schemas import UNKNOWN
from tests.text.test_session21_speakers import _speakers

CHAT = ("The mayor of Lindvik spoke on a morning show on Monday. The young lobbyist expressed surprise that the "
        "harbour would close. Another child responded that the school was too far. Someone claimed that the bus was "
        "late.")
HEDGE = ("The mayor of Lindvik faces a vote on Sunday. Voters seem to care more about the ferry than the harbour. "
         "The figures seem to show a small lead.")
THINGS = ("The mayor of Lindvik went to the coast on Monday. The trip suggests that the harbour will be rebuilt. "
          "The water expressed the town's mood, the mayor said.")


# (text, cue, speaker by the rule, its module, its switch)
READ = [(CHAT, "expressed", "young lobbyist", attr, "PEOPLE_NOUN_SPEAKS"),
        (CHAT, "responded", "another child", attr, "PEOPLE_NOUN_SPEAKS"),
        (HEDGE, "seem", "voters", stm, "MENTION_PEOPLE_GROUP")]


@pytest.mark.parametrize("text,cue,speaker,module,switch", READ)
def test_a_people_subject_speaks(extracted, monkeypatch, text, cue, speaker, module, switch):
    assert speaker in _speakers(extracted(text), cue)
    monkeypatch.setattr(module, switch, False)
    assert speaker not in _speakers(extracted(text), cue)


def test_the_speakers_kind(extracted):
    kinds = {s["speaker"]: s["speaker_kind"] for s in extracted(CHAT)["statements"]}
    assert kinds["young lobbyist"] == "role" and kinds["another child"] == "anonymous"


def test_a_hedged_group_is_a_mention_speaker(extracted):
    row = next(s for s in extracted(HEDGE)["statements"] if s["speaker"] == "voters")
    assert row["speaker_resolved_from"] == "mention"


# (text, cue): the speaker stays unknown with the rules on
KEPT = [(THINGS, "suggests"),  # a trip is no person
        (CHAT, "claimed"),  # "Someone claimed": indefinite pronouns were tried and not kept (hypothetical on news)
        (HEDGE, "seem")]  # the last: "The figures seem …" — a plural that is no people noun


@pytest.mark.parametrize("text,cue", KEPT)
def test_kept_unknown(extracted, text, cue):
    assert _speakers(extracted(text), cue)[-1] == UNKNOWN


def test_the_lists_are_words_only():
    from helpers.text import lexicon
    nouns = lexicon.people_nouns()
    assert {"voter", "lobbyist", "child"} <= nouns
    assert all(w.isalpha() and w.islower() for w in nouns)
    assert not nouns & {"report", "poll", "footage", "trip", "figure", "number", "ally"}


def test_an_agent_suffix_alone_is_no_person(extracted):
    """Tried and not kept (``PEOPLE_NOUN_BY_SUFFIX``): "the answer", "a number of studies" end as agents do."""
    out = extracted("The mayor of Lindvik spoke on Monday. The answer suggests that the harbour will close.")
    assert _speakers(out, "suggests")[-1] == UNKNOWN
