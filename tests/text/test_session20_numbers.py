"""Session 20: figure values of common number patterns — a scale word written once for two numbers
(``claims.SHARED_SCALE_ALTERNATIVE``), "and a half" with a scale (``AND_A_HALF``), the second number of "two or three
people" (``ALTERNATIVE_COUNT``), a scale abbreviation after a space (``SPACED_SCALE_ABBREVIATION``) and "a
2,000-strong force" (``STRENGTH_COUNT``). Constructed sentences."""
from __future__ import annotations

import pytest

import helpers.text.claims as cl


def _values(out):
    return [(c["text"], c["value"], c["unit"]) for c in out["claims"]]


def _rules(out):
    return {r["text"]: r["rule"] for r in out["claim_rejections"]}


@pytest.mark.parametrize("text, expected", [
    ("Two or three million people fled the war.", [2e6, 3e6]),
    ("Five or six thousand soldiers died.", [5e3, 6e3]),
    ("5 or 6 million people fled.", [5e6, 6e6]),
    ("Three or four hundred people gathered in the square.", [300, 400]),
])
def test_alternatives_share_the_scale(extracted, text, expected):
    out = extracted(text)
    assert [c["value"] for c in out["claims"]] == expected
    assert len({c["unit"] for c in out["claims"]}) == 1


def test_range_with_a_date_tag_shares_the_scale(extracted):
    out = extracted("Between 5 and 10 million people need aid.")
    [c] = out["claims"]
    assert (c["value_low"], c["value_high"], c["qualifier"]) == (5e6, 10e6, "range")


def test_glued_scale_and_currency_are_shared(extracted):
    out = extracted("Officials said 5 or 6m people had fled. The bloc offered $5 or 6bn in aid.")
    assert [(c["value"], c["unit"]) for c in out["claims"]] == [(5e6, "person"), (6e6, "person"),
                                                                (5e9, "usd"), (6e9, "usd")]


def test_shared_scale_negatives(extracted):
    # the first number above the second, a duration, a capitalised name: nothing is shared
    out = extracted("Some 150 or one million soldiers could be mobilised.")
    assert out["claims"][0]["value"] == 150
    out = extracted("About two or three thousand years ago the city was founded.")
    assert all(c["value"] < 1000 for c in out["claims"])
    out = extracted("The film The Six Million Dollar Man was shown.")
    assert out["claims"] == []


def test_shared_scale_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(cl, "SHARED_SCALE_ALTERNATIVE", False)
    monkeypatch.setattr(cl, "SCALED_WRITTEN_KEPT", False)  # session 21: it keeps "three million" on its own
    out = extracted("Two or three million people fled the war.")
    assert [c["value"] for c in out["claims"]] == [2]
    assert _rules(out) == {"three million": "pronoun_one"}


def test_and_a_half(extracted, monkeypatch):
    out = extracted("One and a half million refugees crossed the border. A million and a half people left.")
    assert [c["value"] for c in out["claims"]] == [1.5e6, 1.5e6]
    assert extracted("The talks lasted two and a half hours.")["claims"] == []
    monkeypatch.setattr(cl, "AND_A_HALF", False)
    out = extracted("One and a half million refugees crossed the border. A million and a half people left.")
    assert [c["value"] for c in out["claims"]] == [1e6]


def test_alternative_count(extracted, monkeypatch):
    out = extracted("Two or three people were hurt.")
    assert [(c["value"], c["unit"]) for c in out["claims"]] == [(2, "person"), (3, "person")]
    assert extracted("The talks took one or two hours.")["claims"] == []
    monkeypatch.setattr(cl, "ALTERNATIVE_COUNT", False)
    assert [c["value"] for c in extracted("Two or three people were hurt.")["claims"]] == [2]


def test_spaced_scale_abbreviation(extracted, monkeypatch):
    out = extracted("Exports fell by 2.5 mln tonnes last year.")
    assert _values(out) == [("2.5 mln", 2.5e6, "tonne")]
    out = extracted("The well was 30 m deep.")  # metres, no scale
    assert [c["value"] for c in out["claims"]] == [30]
    monkeypatch.setattr(cl, "SPACED_SCALE_ABBREVIATION", False)
    assert [c["value"] for c in extracted("Exports fell by 2.5 mln tonnes last year.")["claims"]] == [2.5]


def test_strength_count(extracted, monkeypatch):
    out = extracted("A 2,000-strong force crossed the river.")
    assert [(c["value"], c["unit"], c["category"]) for c in out["claims"]] == [(2000, "force", "personnel")]
    out = extracted("A three-day truce began.")  # another hyphenated modifier stays no claim
    assert out["claims"] == []
    monkeypatch.setattr(cl, "STRENGTH_COUNT", False)
    out = extracted("A 2,000-strong force crossed the river.")
    assert out["claims"] == [] and _rules(out) == {"2,000": "hyphenated_modifier"}


def test_n_in_m(extracted, monkeypatch):
    out = extracted("Seven in 10 voters back the plan. Nine out of 10 homes had no heating. "
                    "The army lost one in every four tanks.")
    assert [(c["value"], c["unit"]) for c in out["claims"]] == [(70, "percent"), (90, "percent"), (25, "percent")]
    out = extracted("The rebels killed 2 in 3 attacks on villages. It needs 300 out of 450 lawmakers.")
    assert "percent" not in {c["unit"] for c in out["claims"]}
    monkeypatch.setattr(cl, "N_IN_M", False)
    out = extracted("Seven in 10 voters back the plan.")
    assert "percent" not in {c["unit"] for c in out["claims"]}


def test_half_a_dozen(extracted, monkeypatch):
    out = extracted("Half a dozen drones were shot down. A dozen drones were shot down.")
    assert [(c["value"], c["value_low"], c["value_high"]) for c in out["claims"]] == [(6, 5, 7), (12, 10, 14)]
    monkeypatch.setattr(cl, "HALF_A_DOZEN", False)
    assert [c["value"] for c in extracted("Half a dozen drones were shot down.")["claims"]] == [12]


def test_glued_unit_kept(extracted, monkeypatch):
    out = extracted("A 10km-long convoy was spotted.")
    assert [(c["value"], c["category"]) for c in out["claims"]] == [(10, "distance")]
    assert extracted("A 24-hour curfew was imposed.")["claims"] == []  # a duration stays out
    monkeypatch.setattr(cl, "GLUED_UNIT_KEPT", False)
    assert extracted("A 10km-long convoy was spotted.")["claims"] == []


def test_descending_pair_is_two_figures(extracted, monkeypatch):
    out = extracted("The bill passed 58 to 41 in the Senate.")
    assert [c["value"] for c in out["claims"]] == [58, 41]
    out = extracted("Voters backed the plan by 2-1.")  # a ratio stays one figure
    assert [c["value"] for c in out["claims"]] == [2]
    out = extracted("The alliance could only muster a 6-4 vote.")
    assert [(c["value"], c["unit"]) for c in out["claims"]] == [(6, "vote"), (4, "vote")]
    out = extracted("The strike killed 20 to 30 civilians.")  # ascending: a range
    assert [(c["value_low"], c["value_high"], c["qualifier"]) for c in out["claims"]] == [(20, 30, "range")]
    monkeypatch.setattr(cl, "DESCENDING_NOT_RANGE", False)
    assert [c["value"] for c in extracted("The bill passed 58 to 41 in the Senate.")["claims"]] == [58]


def test_partitive_count(extracted, monkeypatch):
    out = extracted("Two of the three reactors were shut down. Five of its soldiers were killed.")
    assert [(c["value"], c["unit"]) for c in out["claims"]] == [(2, "reactor"), (3, "reactor"), (5, "soldier")]
    out = extracted("One of the largest convoys reached the city. Two of them were wounded.")
    assert out["claims"] == []
    monkeypatch.setattr(cl, "PARTITIVE_COUNT", False)
    out = extracted("Two of the three reactors were shut down.")
    assert [c["value"] for c in out["claims"]] == [3]
