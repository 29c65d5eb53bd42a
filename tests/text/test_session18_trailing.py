"""Session 18: "X said …, Reuters reported." parsed with the trailing cue as the complement of "said" and the
reported clause as its own complement: the trailing cue reports X's whole statement, and X's content is the clause
(``statements.TRAILING_REPORTER_OUTER``). Constructed sentences."""
from __future__ import annotations

import helpers.text.statements as st

TEXT = ("Ivan Petrov, spokesperson for the defence ministry, said rockets destroyed three radar stations and four "
        "depots near the coast, Reuters reported.")


def _statements(out):
    return {s["speaker"]: s["content"] for s in out["statements"]}


def test_the_parse_the_rule_is_for(nlp):
    doc = nlp(TEXT)
    reported = next(t for t in doc if t.text == "reported")
    assert (reported.dep_, reported.head.text) == ("ccomp", "said")  # what the small model makes of it


def test_a_trailing_reporter_reports_the_whole_statement(extracted):
    out = extracted(TEXT)
    got = _statements(out)
    assert got["Reuters"].startswith("Ivan Petrov") and got["Reuters"].endswith("near the coast")
    assert got["Ivan Petrov"].startswith("rockets destroyed") and got["Ivan Petrov"].endswith("near the coast")
    assert {c["text"]: c["claimant"] for c in out["claims"]} == {"three": "Ivan Petrov", "four": "Ivan Petrov"}


def test_switched_off_the_figures_go_to_the_reporter(extracted, monkeypatch):
    monkeypatch.setattr(st, "TRAILING_REPORTER_OUTER", False)
    out = extracted(TEXT)
    assert _statements(out)["Ivan Petrov"].endswith("Reuters reported")
    assert {c["claimant"] for c in out["claims"]} == {"Reuters"}


def test_a_cue_with_its_content_after_it_is_no_trailing_reporter(extracted):
    out = extracted("The governor said on Monday that Reuters reported 40 tanks were lost near the river.")
    assert {c["text"]: c["claimant"] for c in out["claims"]}["40"] == "Reuters"


def test_a_pronoun_going_on_is_no_trailing_reporter(nlp, extracted):
    text = "She said: “This is a new day” After the vote, new rules had been issued to the police, she said."
    doc = nlp(text)
    last = [t for t in doc if t.text == "said"][-1]
    assert (last.dep_, last.head.i) == ("ccomp", 1)  # the parse the rule would otherwise read
    assert st._trailing_reporter(last, st._lex()) is None
    contents = [s["content"] for s in extracted(text)["statements"]]
    assert not any(c.startswith("She said") for c in contents)  # no statement swallows her first one
