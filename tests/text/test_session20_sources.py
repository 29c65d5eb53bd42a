"""Session 20, source mentions on the statement matched to another attribution (constructed sentences): a relative
pronoun right before the speaker ("the storm, which they say left …": they, ``RELATIVE_BEFORE_SPEAKER``); a speech
verb set in mid-clause with its speaker after it ("The bridge, said Tom Hale, …, will not reopen": Tom Hale, the
whole clause the content, ``INVERTED_MID_SPEAKER``); a cue inside a quotation reports no more than the rest of it
(``QUOTED_CUE_CONTENT_IN_QUOTE``); a trailing time clause with a cue of its own ends the content ("… made a mistake
when the engineer reported that …", ``TRAILING_TIME_CLAUSE``). Each rule positive, negative and switched off."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

import helpers.text.statements as st

RELATIVE = "Officials blamed the storm, which they say left the harbour without power for a week."
RELATIVE_ALONE = "The council hired a firm that says the pier is safe."
MID_SPEAKER = "The bridge, said Tom Hale, who runs the ferry, will not reopen before March."
SUBJECT_SET_OFF = "Jane Roe, for example, said the bridge would reopen in March."
PARENTHETICAL = "The old pier, the engineers said, will not reopen before March."
TIME_CLAUSE = "The mayor admitted the city had made a mistake after the harbour engineer reported that the pilings were rotten."
SINCE_CLAUSE = "The mayor said the pier had stayed closed since the engineers reported that its pilings were rotten."
NO_CUE_CLAUSE = "The mayor said the pier would close when the engineers finished their survey."


@pytest.fixture(scope="module")
def rows(extracted):
    """(mention, cue, content) of each statement of a text."""
    def run(text):
        out = []
        for s in extracted(text)["statements"]:
            m = None if s["speaker_start"] is None else text[int(s["speaker_start"]):int(s["speaker_end"])]
            out.append((m, s["cue"], s["content"]))
        return out
    return run


def _by_cue(found, cue):
    return [r for r in found if r[1] == cue]


# ---------------------------------------------------------------- a relative pronoun before the speaker

def test_relative_pronoun_before_the_speaker(rows, monkeypatch):
    assert [r[0] for r in _by_cue(rows(RELATIVE), "say")] == ["they"]
    monkeypatch.setattr(st, "RELATIVE_BEFORE_SPEAKER", False)
    assert [r[0] for r in _by_cue(rows(RELATIVE), "say")] == ["which"]


def test_relative_pronoun_alone_is_the_source(rows):
    assert [r[0] for r in _by_cue(rows(RELATIVE_ALONE), "says")] == ["that"]


# ---------------------------------------------------------------- a speaker set in mid-clause

def test_speaker_after_a_verb_in_mid_clause(rows, monkeypatch):
    (mention, _, content), = _by_cue(rows(MID_SPEAKER), "said")
    assert mention == "Tom Hale, who runs the ferry,"
    assert content.startswith("The bridge") and content.endswith("before March")
    monkeypatch.setattr(st, "INVERTED_MID_SPEAKER", False)
    assert [r[0] for r in _by_cue(rows(MID_SPEAKER), "said")] == ["The bridge"]


@pytest.mark.parametrize("text, mention", [(SUBJECT_SET_OFF, "Jane Roe"), (PARENTHETICAL, "the engineers")])
def test_subject_before_the_verb_still_speaks(rows, text, mention):
    assert [r[0] for r in _by_cue(rows(text), "said")] == [mention]


# ---------------------------------------------------------------- a cue inside a quotation

QUOTED = "“He says what we all think,” Jane Roe said at the meeting."


def _finder(text, quotes):
    return SimpleNamespace(quotes=quotes, text=text)


def test_quoted_cue_content_ends_with_its_quotation(nlp, monkeypatch):
    doc = nlp(QUOTED)
    cue = next(t for t in doc if t.text == "says")
    qs, qe = QUOTED.index("He"), QUOTED.index(",”")
    start, end = QUOTED.index("what"), len(QUOTED) - 1  # as if the parser had hung the reporting clause on "says"
    assert st._end_of_cue_quotation(_finder(QUOTED, [(qs, qe)]), start, end, cue) == qe
    monkeypatch.setattr(st, "QUOTED_CUE_CONTENT_IN_QUOTE", False)
    assert st._end_of_cue_quotation(_finder(QUOTED, [(qs, qe)]), start, end, cue) == end


def test_cue_outside_the_quotation_keeps_its_content(nlp):
    doc = nlp(QUOTED)
    cue = next(t for t in doc if t.text == "said")
    qs, qe = QUOTED.index("He"), QUOTED.index(",”")
    assert st._end_of_cue_quotation(_finder(QUOTED, [(qs, qe)]), qs, qe, cue) == qe
    assert st._end_of_cue_quotation(_finder(QUOTED, [(qs, qe)]), qs, len(QUOTED), cue) == len(QUOTED)


# ---------------------------------------------------------------- a trailing time clause with a cue of its own

def test_trailing_time_clause_with_a_cue_ends_the_content(rows, monkeypatch):
    assert [r[2] for r in _by_cue(rows(TIME_CLAUSE), "admitted")] == ["the city had made a mistake"]
    assert [r[0] for r in _by_cue(rows(TIME_CLAUSE), "reported")] == ["the harbour engineer"]
    monkeypatch.setattr(st, "TRAILING_TIME_CLAUSE", False)
    assert [r[2] for r in _by_cue(rows(TIME_CLAUSE), "admitted")] == [
        "the city had made a mistake after the harbour engineer reported that the pilings were rotten"]


@pytest.mark.parametrize("text", [SINCE_CLAUSE, NO_CUE_CLAUSE])
def test_since_clause_or_clause_without_cue_stays(rows, text):
    (_, _, content), = _by_cue(rows(text), "said")
    assert content.endswith(("rotten", "survey"))
