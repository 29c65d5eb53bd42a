"""Session 22 (lead): a number coordinated with a name's number is the name's too (claims.NAME_NUMBER_SERIES)."""
import pytest

from helpers.text import claims
from helpers.text.components import build_pipeline
from helpers.text.stage import extract_article


def _read(text):
    doc = build_pipeline()(text)
    doc.user_data["article_id"] = "x"
    out = extract_article(doc, "x")
    return [(c["text"], c["value"]) for c in out["claims"]], {r["text"]: r["rule"] for r in out["claim_rejections"]}


@pytest.mark.parametrize("text, second", [
    ("The Nord Stream 1 and 2 pipeline systems suffered leaks last week.", "2"),
    ("Boeing 737 and 747 jets were grounded after the crash.", "747"),
])
def test_the_second_number_of_a_name_series_is_the_names(text, second):
    figures, rejected = _read(text)
    assert figures == [] and rejected[second] == "in_name"


def test_counts_beside_a_name_number_stay_figures():
    figures, _ = _read("Work on Nord Stream 2 and 12 other projects stopped.")
    assert ("12", 12.0) in figures
    figures, _ = _read("Russia sent Ukraine 14 tanks and 20 jets.")
    assert figures == [("14", 14.0), ("20", 20.0)]
    figures, _ = _read("Support drops to 54 percent among those aged 40 to 64 and 47 percent among the young.")
    assert ("47 percent", 47.0) in figures


def test_switched_off_the_second_number_is_a_figure(monkeypatch):
    monkeypatch.setattr(claims, "NAME_NUMBER_SERIES", False)
    figures, _ = _read("The Nord Stream 1 and 2 pipeline systems suffered leaks last week.")
    assert [f[0] for f in figures] == ["2"]
