"""Session 15, content (constructed sentences): a clause opened by a subordinator of time, cause or manner that the
parser made a verb's complement is no part of what the verb reports (``statements.ADVERBIAL_CLAUSE_NOT_CONTENT``)."""
from __future__ import annotations

import pytest

import helpers.text.statements as st

# the small model parses "reached" as a ccomp of "called", marked by "as"
AS_CLAUSE = ("On 3 May, as the number of Moldovan families fleeing the brutal war reached 2 million, the European "
             "Union security committee called an emergency session of the assembly.")
WHETHER = "The governor asked whether 30 soldiers had died."
FOR = "A survey by Norstat showed support for the treaty still rising and reaching 64 %."


@pytest.fixture(scope="module")
def read(extracted):
    def run(text):
        out = extracted(text)
        return ([(s["speaker"], text[s["start_char"]:s["end_char"]]) for s in out["statements"]],
                {c["text"]: c["claimant"] for c in out["claims"]})
    return run


def test_an_adverbial_clause_is_not_the_reported_content(read):
    statements, claimants = read(AS_CLAUSE)
    assert statements == [("European Union security committee", "an emergency session of the assembly")]
    assert claimants == {"2 million": "(unattributed)"}


def test_adverbial_clause_switched_off(read, monkeypatch):
    monkeypatch.setattr(st, "ADVERBIAL_CLAUSE_NOT_CONTENT", False)
    statements, claimants = read(AS_CLAUSE)
    assert statements[0][1].startswith("On 3 May, as the number")
    assert claimants == {"2 million": "European Union security committee"}


@pytest.mark.parametrize("text, content, claim, claimant", [
    (WHETHER, "whether 30 soldiers had died", "30", "(governor)"),
    (FOR, "support for the treaty still rising and reaching 64 %", "64 %", "Norstat"),
])
def test_complements_opened_by_whether_or_for_stay_content(read, text, content, claim, claimant):
    statements, claimants = read(text)
    assert [c for _, c in statements] == [content]
    assert claimants[claim] == claimant
