"""The claims explorer in headless Chromium: every claim present, search and filters narrow, crafted text never runs."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

import figure_frames as ff
from helpers.core import schemas, tables
from helpers.run import explorer

CHROMIUM = next((p for p in (shutil.which("chromium"), "/usr/bin/chromium", shutil.which("chromium-browser"))
                 if p and Path(p).exists()), None)
pytestmark = [pytest.mark.browser, pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed")]
PAYLOAD = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned2'\">"


def _claim(i, aid, sentence, text, claimant, category, value):
    start = sentence.index(text)
    return {"claim_id": f"{aid}-c{i}", "article_id": aid, "sentence_id": 0, "start_char": start,
            "end_char": start + len(text), "text": text, "value": value, "value_low": value, "value_high": value,
            "qualifier": "exact", "unit": "soldier", "category": category, "subject": "soldiers", "rate": None,
            "claimant": claimant, "claimant_via": "attribution_verb", "statement_id": None, "sentence": sentence}


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("explorer")
    p = tmp / "processed"
    arts = ff.articles(title_a0=PAYLOAD)
    tables.write_table(arts, "articles", p)
    s0 = f"Officials said 500 soldiers crossed, {PAYLOAD} the envoy said."
    s1 = "The ministry said 900 soldiers arrived."
    claims = pd.DataFrame([_claim(0, ff.A0, s0, "500", "Officials", "personnel", 500.0),
                           _claim(1, ff.A2, s1, "900", "The ministry", "personnel", 900.0),
                           _claim(2, ff.A2, s1, "900 soldiers", "The ministry", "other", 900.0)],
                          columns=schemas.CLAIMS.column_names)
    tables.write_table(claims, "claims", p)
    return explorer.build_explorer(p, tmp / "reports"), tmp


def _dom(url: str, profile: Path) -> tuple[str, str]:
    proc = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                           f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
                           "--virtual-time-budget=3000", "--dump-dom", url],
                          capture_output=True, text=True, timeout=90)
    return proc.stdout, proc.stderr


def _shown(dom: str) -> list[str]:
    """Claim ids of the rows not hidden by the search and filters."""
    return re.findall(r'<details class="claim" data-claim-id="([^"]+)">', dom)


def test_all_claims_present_and_payload_never_runs(page):
    path, tmp = page
    dom, err = _dom(path.as_uri(), tmp / "prof1")
    assert len(re.findall(r"data-claim-id=", dom)) == 3
    assert "<title>Claims explorer" in dom and "pwned" not in re.search(r"<title>(.*?)</title>", dom).group(1)
    assert "&lt;script&gt;document.title" in dom  # shown as text
    assert "3 of 3 claims" in dom
    console = [l for l in err.splitlines() if "CONSOLE" in l or "Content-Security-Policy" in l]
    assert not console, console  # no console errors, no CSP violations


def test_search_and_filter_combination_narrow_the_rows(page):
    path, tmp = page
    dom, _ = _dom(path.as_uri() + "#q=ministry", tmp / "prof2")
    assert _shown(dom) == [f"{ff.A2}-c1", f"{ff.A2}-c2"] and "2 of 3 claims" in dom
    dom, _ = _dom(path.as_uri() + "#q=ministry&category=other", tmp / "prof3")
    assert _shown(dom) == [f"{ff.A2}-c2"] and "1 of 3 claims" in dom
