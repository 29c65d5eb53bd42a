"""The PolNeAR scorer's source figures (benchmarks/attribution_eval.py): exact over all matches, and over the
matches whose gold names a source (session 19), on constructed gold and statements."""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import attribution_eval as ae  # noqa: E402


def _gold(content, source):
    return {"content": content, "source": source, "source_text": "Ann Lee" if source else None, "direct": False}


def test_exact_over_sourced_matches_leaves_out_gold_without_source():
    gold = {"a": [_gold((10, 40), (0, 7)), _gold((50, 80), None), _gold((90, 120), (82, 89))]}
    statements = pd.DataFrame([
        {"article_id": "a", "start_char": 10, "end_char": 40, "speaker": "Ann Lee", "speaker_start": 0, "speaker_end": 7},
        {"article_id": "a", "start_char": 50, "end_char": 80, "speaker": "Ann Lee", "speaker_start": 0, "speaker_end": 7},
        {"article_id": "a", "start_char": 90, "end_char": 120, "speaker": "Ann Lee", "speaker_start": 82, "speaker_end": 88},
    ])
    out = ae.score(statements, gold)
    assert out["matched"] == 3
    assert out["source_exact"] == round(1 / 3, 3)  # the unsourced gold counts as a miss here
    assert out["source_exact_sourced"] == 0.5  # and is left out here: 1 of the 2 sourced matches is exact
    assert out["source_agreement"] == round(1 / 3, 3)  # a mention where gold has none disagrees


def test_no_sourced_match_gives_no_figure():
    gold = {"a": [_gold((10, 40), None)]}
    statements = pd.DataFrame([{"article_id": "a", "start_char": 10, "end_char": 40, "speaker": "(unknown)",
                                "speaker_start": float("nan"), "speaker_end": float("nan")}])
    out = ae.score(statements, gold)
    assert out["source_exact_sourced"] is None
    assert out["source_agreement"] == 1.0
