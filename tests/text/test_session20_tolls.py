"""Session 20: a figure that completes a count of casualties — the casualty noun itself, a count noun compounded
with one, or a count noun counting one after "of" — is a casualty figure counting that noun
(``claims.TOLL_COUNT``); a count noun that names nothing it counts stays a bare figure. Constructed sentences."""
from __future__ import annotations

import pytest

import helpers.text.claims as cl


def _figure(extracted, text):
    [c] = extracted(text)["claims"]
    return c["value"], c["unit"], c["category"]


@pytest.mark.parametrize("text, expected", [
    ("The death toll in the port city rose to 1,200 on Friday.", (1200, "death", "casualties")),
    ("The shelling went on, bringing the death toll to 15.", (15, "death", "casualties")),
    ("The flood left a death toll of 300.", (300, "death", "casualties")),
    ("The number of dead in the valley rose to 52.", (52, "death", "casualties")),
    ("The number of wounded reached 130.", (130, "wounded", "casualties")),
    ("Casualties in the district rose to 45.", (45, "casualty", "casualties")),
])
def test_a_count_of_casualties_is_a_casualty_figure(extracted, monkeypatch, text, expected):
    assert _figure(extracted, text) == expected
    monkeypatch.setattr(cl, "TOLL_COUNT", False)
    assert _figure(extracted, text)[2] != "casualties"


@pytest.mark.parametrize("text", [
    "The toll on the bridge climbed to 40 on Tuesday.",  # a count noun naming nothing it counts
    "The number rose to 52 in the spring.",
    "The tally of votes reached 130.",  # a count of something else: the "of" object is counted, no casualty
])
def test_a_count_of_something_else_stays_what_it_was(extracted, text):
    assert _figure(extracted, text)[2] != "casualties"
