"""Fixtures of the pipeline-runner tests."""
from __future__ import annotations

import shutil

import pytest

from helpers.run import pipeline


@pytest.fixture
def seeds_but_one(tmp_path):
    """A raw folder holding every seed article but the first, and the first seed's path (to add later: +1)."""
    seeds = sorted((pipeline.paths.ROOT / "data" / "raw").glob("*.txt"))
    assert len(seeds) >= 2
    raw = tmp_path / "raw"
    raw.mkdir()
    for p in seeds[1:]:
        shutil.copyfile(p, raw / p.name)
    return raw, seeds[0]
