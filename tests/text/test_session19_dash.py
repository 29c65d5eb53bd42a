"""Session 19: the inverted report of Polish and Russian news translated to English, a reporting verb right after a
dash with its speaker after it ("… - said the minister Jan Nowak.", "… - continued Nowak."): the words before the
dash are a direct statement of the person named after the verb (``statements.DASH_REPORT``). Constructed
sentences."""
from __future__ import annotations

import helpers.text.statements as st


def _speakers(out):
    return {s["cue"]: s["speaker"] for s in out["statements"]}


def test_a_named_speaker_after_a_dash(extracted):
    text = ("- The convoy lost 40 trucks near the bridge and the drivers went back home - said the foreign minister "
            "Jan Nowak.")
    out = extracted(text)
    got = [s for s in out["statements"] if s["cue"] == "said"]
    assert got and got[0]["speaker"] == "Jan Nowak" and got[0]["kind"] == "direct"
    assert got[0]["content"].startswith("The convoy") and got[0]["content"].endswith("went back home")
    assert {c["text"]: c["claimant"] for c in out["claims"]}["40"] == "Jan Nowak"


def test_a_verb_that_only_reports_after_a_dash(extracted):
    text = ("Jan Nowak spoke in Warsaw on Monday.\n\n- We will never send our soldiers to that border, we will only "
            "send aid - continued Nowak.")
    assert _speakers(extracted(text)).get("continued") == "Jan Nowak"


def test_switched_off(extracted, monkeypatch):
    monkeypatch.setattr(st, "DASH_REPORT", False)
    text = ("Jan Nowak spoke in Warsaw on Monday.\n\n- We will never send our soldiers to that border, we will only "
            "send aid - continued Nowak.")
    assert "continued" not in _speakers(extracted(text))


def test_a_dash_before_a_passive_or_a_clause_is_no_report(extracted, monkeypatch):
    text = "The new rockets - said to be the fastest in the region - arrived in the port on Monday morning."
    on = extracted(text)["statements"]
    monkeypatch.setattr(st, "DASH_REPORT", False)
    assert on == extracted(text)["statements"]


def test_a_dash_opening_its_line_reads_no_line_before(extracted):
    text = "The convoy lost 40 trucks near the bridge and the drivers went back home.\n\n- said Jan Nowak."
    assert "said" not in _speakers(extracted(text))


def test_a_hyphenated_word_is_no_report_without_a_name(extracted):
    text = "The group of self-described experts met in the town hall of the small city on the coast."
    assert "described" not in _speakers(extracted(text))


def test_a_hyphen_before_a_place_or_a_bare_verb_is_no_report(extracted, monkeypatch):
    text = ("The governor campaigned in his home-state Ohio on Monday, and he holds an eight-point lead over the "
            "senator there, the poll shows.")
    on = extracted(text)["statements"]
    monkeypatch.setattr(st, "DASH_REPORT", False)
    assert on == extracted(text)["statements"]


def test_a_role_after_a_dash_is_its_holder_of_that_country(extracted):
    text = ("US President Jane Roe spoke on Monday. Russian President Ivan Petrov answered on Tuesday.\n\n"
            "- We have seen more and more reports of shelling near the border - noted the US president.")
    assert _speakers(extracted(text)).get("noted") == "Jane Roe"


def test_an_organisation_after_a_preposition_is_not_the_speaker(extracted):
    text = ("- The campaigns in the region were quite effective and they reached many readers - explains the "
            "interlocutor of Reuters.")
    assert _speakers(extracted(text)).get("explains") != "Reuters"


def test_a_second_dash_report_on_a_line_starts_after_the_first(extracted):
    text = ("- We are in the middle of a long war in the east - he said, pointing out that the army is ready. The "
            "troops will stay on the border for many months - said Jan Nowak.")
    got = [s for s in extracted(text)["statements"] if s["speaker"] == "Jan Nowak" and s["cue"] == "said"]
    assert [s["content"] for s in got] == ["The troops will stay on the border for many months"]
