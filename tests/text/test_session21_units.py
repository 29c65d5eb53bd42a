"""Session 21: figure values and units (issue 10, "categories and units from meaning", "quantity coverage").
Units of measure in ``units.csv`` (mass, volume, energy, power, speed, temperature; SI and imperial lengths and areas
with abbreviations; "a 3,000-tonne barge"), more currency codes, signs and names in ``numbers.json``; a unit of
measure or a scale glued to a number is never a date or a name (``claims.GLUED_MEASURE_KEPT``); the plural noun after
a scaled figure is what it counts (``SCALED_PLURAL_AFTER``); "a 1.2bn-dollar loan" (``HYPHENATED_CURRENCY``);
"300 pounds of flour" is a weight (``POUNDS_OF_WEIGHT``); "90 km/h" (``SPEED_UNIT``); a measure is no casualty
(``MEASURE_NOT_CASUALTY``); "500-kilogram (1,100-pound)" is one figure (``MEASURE_CONVERSION``); "four five-litre
jugs" is no number 9 (``WRITTEN_UNITS_RUN``); a bare glued "m" as a million or as metres (``GLUED_M_MILLION``,
``GLUED_M_METRES``); "minus 20" (``MINUS_NEGATIVE``); "fell 500 points" (``DIGIT_POINTS``); "15cm of snow" is no
calibre (``CALIBRE_NOT_OF``); "sevenfold" (``FOLD_MULTIPLES``). Constructed sentences."""
from __future__ import annotations

import pytest

import helpers.text.claims as cl


def _claims(out):
    return {c["text"]: (c["value"], c["unit"], c["category"]) for c in out["claims"]}


def _rules(out):
    return {r["text"]: r["rule"] for r in out["claim_rejections"]}


@pytest.mark.parametrize("text, value, unit, category", [
    ("The port lost a 3,000-tonne barge in the gale.", 3000, "tonne", "other"),
    ("A 40-ton lorry blocked the bridge.", 40, "ton", "other"),
    ("A 20-litre canister was found by the road.", 20, "litre", "other"),
    ("The mill built a 50-megawatt turbine.", 50, "mw", "other"),
    ("The farm shipped 20,000 tons of barley.", 20000, "ton", "other"),
    ("The dam releases 30 cubic metres of water a second.", 30, "m3", "other"),
    ("The storm brought winds of up to 100 mph.", 100, "mph", "other"),
    ("The boat sailed at 30 knots.", 30, "knot", "other"),
    ("The plant produced 5 GWh last winter.", 5, "gwh", "other"),
    ("The trail follows a 5-km ridge.", 5, "km", "distance"),
    ("They built a 10-mile fence.", 10, "mile", "distance"),
    ("The fire burned 300 square feet of the hall.", 300, "ft2", "area"),
    ("The crater is 12 ft deep.", 12, "foot", "distance"),
    ("The shop charged 500 shekels for the coat.", 500, "ils", "money"),
    ("The firm paid ₹500 crore in tax.", 5e9, "inr", "money"),
    ("The firm paid Rs 40 crore to the city.", 4e8, "inr", "money"),
    ("The club spent 300 million rupees on the ground.", 3e8, "inr", "money"),
    ("The bank lent ZAR 2bn to the miners.", 2e9, "zar", "money"),
])
def test_units_of_measure_and_currencies(extracted, text, value, unit, category):
    [c] = extracted(text)["claims"]
    assert (c["value"], c["unit"], c["category"]) == (value, unit, category)


def test_a_name_is_no_currency(extracted):
    out = extracted("The list: 7 Rand Carter, 8 Lev Brown.")
    assert all(c["category"] != "money" for c in out["claims"])


def test_glued_measure_is_no_date(extracted, monkeypatch):
    text = "Temperatures rose to 35C in the afternoon."
    assert _claims(extracted(text)) == {"35C": (35, "celsius", "other")}
    monkeypatch.setattr(cl, "GLUED_MEASURE_KEPT", False)
    assert "35C" in _rules(extracted(text))


def test_glued_scale_is_no_ordinal(extracted, monkeypatch):
    text = "The state paid 2bn to the builders."
    assert _claims(extracted(text))["2bn"][0] == 2e9
    monkeypatch.setattr(cl, "GLUED_MEASURE_KEPT", False)
    assert "2bn" not in _claims(extracted(text))


def test_plural_after_a_scaled_figure(extracted, monkeypatch):
    text = "Some 40k Martian settlers massed near the canal."
    assert _claims(extracted(text)) == {"Some 40k": (40000, "settler", "other")}
    monkeypatch.setattr(cl, "SCALED_PLURAL_AFTER", False)
    assert _claims(extracted(text))["Some 40k"][1] == "unit"


def test_plural_after_scale_negative(extracted):
    # no plural noun after the figure: nothing is taken from further on
    out = extracted("The town paid 2bn before the settlers came.")
    assert _claims(out)["2bn"][1] == "unit"


def test_hyphenated_currency(extracted, monkeypatch):
    text = "The council agreed a 1.2bn-dollar loan."
    assert _claims(extracted(text)) == {"1.2bn-dollar": (1.2e9, "usd", "money")}
    monkeypatch.setattr(cl, "HYPHENATED_CURRENCY", False)
    monkeypatch.setattr(cl, "CURRENCY_NOUN", False)
    assert _claims(extracted(text))["1.2bn"][2] != "money"


def test_hyphenated_pound_is_a_weight(extracted):
    assert _claims(extracted("A 1,000-pound boulder fell on the road.")) == {"1,000": (1000, "lb", "other")}


def test_pounds_of_something_weigh(extracted, monkeypatch):
    text = "Customs seized 300 pounds of flour."
    assert _claims(extracted(text)) == {"300": (300, "lb", "other")}
    assert _claims(extracted("The fine was 20 pounds."))["20 pounds"] == (20, "gbp", "money")
    monkeypatch.setattr(cl, "POUNDS_OF_WEIGHT", False)
    assert _claims(extracted(text))["300 pounds"][2] == "money"


def test_speed(extracted, monkeypatch):
    text = "The train ran at 90 km/h through the valley."
    assert _claims(extracted(text)) == {"90 km/h": (90, "km/h", "other")}
    assert _claims(extracted("They rode at 20 miles per hour."))["20 miles per hour"][1] == "mph"
    monkeypatch.setattr(cl, "SPEED_UNIT", False)
    assert _claims(extracted(text))["90 km"][1] == "km"


def test_a_measure_is_no_casualty(extracted, monkeypatch):
    text = "The boxer lost 20 pounds of weight."
    assert _claims(extracted(text))["20"][2] == "other"
    monkeypatch.setattr(cl, "MEASURE_NOT_CASUALTY", False)
    assert _claims(extracted(text))["20"][2] == "casualties"


def test_measure_conversion(extracted, monkeypatch):
    text = "The crane lifted a 500-kilogram (1,100-pound) beam."
    out = extracted(text)
    assert _claims(out) == {"500": (500, "kg", "other")} and _rules(out)["1,100"] == "conversion"
    monkeypatch.setattr(cl, "MEASURE_CONVERSION", False)
    assert "1,100" in _claims(extracted(text))


def test_two_counts_side_by_side(extracted, monkeypatch):
    text = "She carried four five-litre jugs."
    assert "four five" not in _claims(extracted(text))
    assert _claims(extracted("The twenty four riders left."))["twenty four"][0] == 24
    assert _claims(extracted("One hundred five riders left."))["One hundred five"][0] == 105
    monkeypatch.setattr(cl, "WRITTEN_UNITS_RUN", False)
    assert cl.parse_number(["four", "five"]) == 9


def test_glued_m_as_million(extracted, monkeypatch):
    text = "The valley had a population of 1.5m before the flood."
    assert _claims(extracted(text))["1.5m"][0] == 1.5e6
    assert _claims(extracted("Around 2m of them have returned."))["Around 2m"][0] == 2e6
    assert _claims(extracted("Requests hit a record 4.2m last year."))["4.2m"][0] == 4.2e6
    monkeypatch.setattr(cl, "GLUED_M_MILLION", False)
    assert all(v[0] < 10 for v in _claims(extracted(text)).values())


def test_glued_m_as_metres(extracted, monkeypatch):
    text = "The sea wall was 3m high."
    assert _claims(extracted(text)) == {"3m": (3, "m", "distance")}
    assert _claims(extracted("The barge sank in 11m of water."))["11"][:2] == (11, "m")
    monkeypatch.setattr(cl, "GLUED_M_METRES", False)
    assert _claims(extracted(text))["3"][1] == "unit"


def test_minus(extracted, monkeypatch):
    text = "Temperatures fell to minus 20 degrees overnight."
    assert _claims(extracted(text))["minus 20"] == (-20, "degree", "other")
    margin = "The margin of error is plus or minus 3 percentage points."
    assert [c["value"] for c in extracted(margin)["claims"]] == [3]
    monkeypatch.setattr(cl, "MINUS_NEGATIVE", False)
    assert _claims(extracted(text))["20"][0] == 20


def test_points_in_digits(extracted, monkeypatch):
    text = "The index fell 500 points on Monday."
    assert _claims(extracted(text))["500"] == (500, "point", "other")
    assert "two" in _rules(extracted("I want to make two points about the plan."))
    monkeypatch.setattr(cl, "DIGIT_POINTS", False)
    assert _rules(extracted(text))["500"] == "discourse_noun"


def test_length_of_something_is_no_calibre(extracted, monkeypatch):
    text = "The town received 15cm of snow."
    assert _claims(extracted(text)) == {"15": (15, "cm", "distance")}
    assert _rules(extracted("The gunners fired 152mm shells."))["152"] == "calibre"
    monkeypatch.setattr(cl, "CALIBRE_NOT_OF", False)
    assert _rules(extracted(text))["15"] == "calibre"


def test_fold_multiples(extracted, monkeypatch):
    text = "Sales grew sevenfold and costs rose three-fold."
    assert _claims(extracted(text)) == {"sevenfold": (7, "times", "other"), "three-fold": (3, "times", "other")}
    assert _claims(extracted("The river was manifold in its turns.")) == {}
    monkeypatch.setattr(cl, "FOLD_MULTIPLES", False)
    assert "sevenfold" not in _claims(extracted(text))


def test_written_counts_of_casualties(extracted, monkeypatch):
    text = "Two riders were hurt and three wounded on the pass. The other two were killed."
    assert [(c["value"], c["category"]) for c in extracted(text)["claims"]] == [(2, "casualties"), (3, "casualties"),
                                                                                (2, "casualties")]
    assert "two" in _rules(extracted("The two have a lot in common."))
    assert "Three" in _rules(extracted("Three were pulled out alive."))
    assert "Two" in _rules(extracted("Two of them were wounded."))
    monkeypatch.setattr(cl, "WRITTEN_CASUALTY_COUNT", False)
    assert len(extracted(text)["claims"]) == 1


def test_written_number_with_a_scale(extracted, monkeypatch):
    text = "More than five million have left the valley."
    assert _claims(extracted(text))["More than five million"][0] == 5e6
    assert _claims(extracted("They dream of the golden billion.")) == {}
    monkeypatch.setattr(cl, "SCALED_WRITTEN_KEPT", False)
    assert _claims(extracted(text)) == {}


def test_money_before_a_hyphen(extracted, monkeypatch):
    text = "She took a £90,000-a-year post and paid with a 50-euro note."
    assert _claims(extracted(text)) == {"£90,000": (90000, "gbp", "money"), "50-euro": (50, "eur", "money")}
    assert "two" in _rules(extracted("A two-pronged push began."))
    monkeypatch.setattr(cl, "SIGNED_MODIFIER_KEPT", False)
    monkeypatch.setattr(cl, "HYPHENATED_CURRENCY", False)
    assert _claims(extracted(text)) == {}


def test_currency_noun_after_an_adjective(extracted, monkeypatch):
    text = "He was fined 5,000 Swiss francs and 40 million Hong Kong dollars."
    assert _claims(extracted(text)) == {"5,000": (5000, "chf", "money"), "40 million": (4e7, "dollar", "money")}
    assert _claims(extracted("They paid 3 million US dollars."))["3 million"] == (3e6, "usd", "money")
    assert _claims(extracted("The shares rose by 12 cents."))["12"] == (12, "cent", "money")
    monkeypatch.setattr(cl, "CURRENCY_NOUN", False)
    assert _claims(extracted(text))["5,000"][2] == "other"
