"""The PolNeAR claimant benchmark's scorer (benchmarks/claimant_eval.py, session 19) on constructed gold and claims:
the innermost gold content holding a figure gives its gold source; a figure that no content holds should be
unattributed; an attribution whose own source holds the figure does not hold it."""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import claimant_eval as ce  # noqa: E402


def _gold(content, source, text="Ann Lee"):
    return {"content": content, "source": source, "source_text": text if source else None, "direct": False}


def _claim(start, end, claimant="Ann Lee", mention=(0, 7)):
    return {"article_id": "a", "start_char": start, "end_char": end, "claimant": claimant,
            "claimant_start": mention[0] if mention else None, "claimant_end": mention[1] if mention else None}


GOLD = {"a": [_gold((10, 100), (0, 7)),  # outer: Ann Lee says …
              _gold((40, 80), (30, 38), "Bob Ray"),  # … that Bob Ray said …
              _gold((110, 160), None),  # a content without a source
              _gold((170, 230), (190, 200), "one aide")]}  # a content in two pieces around its source


def test_innermost_content_gives_the_gold_source():
    assert ce.gold_for(GOLD["a"], 50, 55)["source"] == (30, 38)
    assert ce.gold_for(GOLD["a"], 12, 15)["source"] == (0, 7)
    assert ce.gold_for(GOLD["a"], 101, 105) is None
    assert ce.gold_for(GOLD["a"], 192, 195) is None  # in the source "one aide" of the covering content


def test_scores():
    claims = pd.DataFrame([
        _claim(50, 55, "Bob Ray", (30, 38)),  # inner source, exact
        _claim(12, 15, "Ann Lee", (0, 6)),  # outer source, name right, mention not exact
        _claim(60, 62, "(unattributed)", None),  # inside content, unattributed: a miss on all three
        _claim(120, 125, "Ann Lee", (0, 7)),  # gold content without source: attributed counts, no exact/name
        _claim(101, 105, "(unattributed)", None),  # outside: right
        _claim(161, 165, "Bob Ray", (30, 38)),  # outside: claimed, wrong
        _claim(192, 195, "(unattributed)", None),  # in the source of its own attribution: outside, right
        {**_claim(5, 6), "article_id": "other"},  # an article without gold is left out
    ])
    out = ce.score(claims, GOLD)
    assert out["figures"] == 7 and out["in_content"] == 4 and out["outside_content"] == 3
    assert out["attributed_when_gold_attributes"] == 0.75
    assert out["sourced"] == 3 and out["claimant_exact"] == round(1 / 3, 3)
    assert out["named"] == 3 and out["claimant_name_overlap"] == round(2 / 3, 3)
    assert out["unattributed_when_gold_does_not"] == round(2 / 3, 3)


def test_error_kinds():
    kinds = [ce.error_kind(ce.judge(c, GOLD["a"])) for c in [
        _claim(60, 62, "(unattributed)", None), _claim(12, 15, "Ann Lee", (0, 6)),
        _claim(12, 15, "Cy Dee", (0, 7)), _claim(161, 165), _claim(50, 55, "Bob Ray", (30, 38))]]
    assert kinds == ["unattributed_inside_content", "wrong_mention", "wrong_name", "claimed_outside_content", None]
