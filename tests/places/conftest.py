"""Fixtures shared by the places tests."""
from __future__ import annotations

import pytest

from helpers.geo import gazetteer as gz


@pytest.fixture(scope="session")
def gaz():
    """The offline gazetteer (built on first use)."""
    return gz.load()
