"""Shared test fixtures: the ../shared folder, the spaCy pipeline (once per session), the seed articles."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Tests keep their parses and per-article results in a cache of their own, never the project's data/cache: a test
# that monkeypatches a stage must not leave results behind for a real run (or find a real run's results).
if "WARCLAIMS_PARSE_CACHE" not in os.environ:
    _TEST_CACHE = tempfile.mkdtemp(prefix="warclaims-test-cache-")
    os.environ["WARCLAIMS_PARSE_CACHE"] = _TEST_CACHE
    # removed when the test run ends: each run left ~250 MB in the temp folder (500 runs filled a disk)
    atexit.register(shutil.rmtree, _TEST_CACHE, ignore_errors=True)
RAW_DIR = ROOT / "data" / "raw"
SHARED_DIR = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the repo; tests using it are skipped when it is absent."""
    if not SHARED_DIR.is_dir():
        pytest.skip("../shared not present (only on dev/CI machines)")
    return SHARED_DIR


@pytest.fixture(scope="session")
def nlp():
    """The warclaims spaCy pipeline (base model + rule components), loaded once per session."""
    from helpers.text.components import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def extracted(nlp):
    """``extracted(text)``: every row :func:`helpers.text.stage.extract_article` gives for one constructed article
    (id ``a1``), read with the session's pipeline."""
    from helpers.text.stage import extract_article

    def run(text: str) -> dict[str, list[dict]]:
        doc = nlp(text)
        doc.user_data["article_id"] = "a1"
        return extract_article(doc)
    return run


@pytest.fixture(scope="session")
def claim_ending(extracted):
    """``claim_ending(text, number)``: the first claim of a constructed article whose text ends with ``number``."""
    def run(text: str, number: str) -> dict:
        return next(c for c in extracted(text)["claims"] if c["text"].endswith(number))
    return run


@pytest.fixture(scope="session")
def seed_articles():
    """The ``articles`` table of the default corpus in ``data/raw``."""
    from helpers.parse import run as parse_run

    return parse_run(RAW_DIR)["articles"]


@pytest.fixture(scope="session")
def seed_stage(seed_articles, nlp):
    """Sentences, entities, statements and claims of the seed articles (``helpers.text.stage.run_stage``: run_parse then run_attribution)."""
    from helpers.text.stage import run_stage

    return run_stage(seed_articles)
