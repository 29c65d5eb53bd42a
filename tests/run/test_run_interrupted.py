"""An interrupted run is recorded as such; the next --only/--from refuses to build on its mixed tables."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.run import pipeline

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _cli(*args, extra_env=None, **kw):
    env = dict(os.environ, WARCLAIMS_NO_PROGRESS="1", **(extra_env or {}))
    return subprocess.Popen([sys.executable, "-m", "helpers.pipeline", "run", *map(str, args)], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def test_interrupt_in_02_then_only_and_from_refuse(tmp_path):
    raw_a, raw_b = tmp_path / "raw_a", tmp_path / "raw_b"
    shutil.copytree(ROOT / "data" / "raw", raw_a)
    raw_b.mkdir()
    (raw_b / "b.txt").write_text("Officials said 200 troops arrived in the city.\n\nMore: Example Herald\n")
    # enough articles, parsed afresh (an empty parse cache), that 02 cannot end between the poll and the signal
    for i in range(60):
        (raw_b / f"b{i:02d}.txt").write_text(" ".join(
            f"Officials in town {i} said {i * 10 + k} people left on day {k}, and the mayor added that more would follow."
            for k in range(40)) + "\n")
    p, r = tmp_path / "processed", tmp_path / "reports"
    # corpus A: 01 and 02 finish, their tables are vouched for by run.json
    first = _cli("--raw-dir", raw_a, "--processed-dir", p, "--reports-dir", r, "--only", "01", "--only", "02")
    assert first.wait(timeout=300) == 0, first.stderr.read()
    # corpus B into the same folders, SIGTERM while notebook 02 runs
    second = _cli("--raw-dir", raw_b, "--processed-dir", p, "--reports-dir", r, "--only", "01", "--only", "02",
                  "--force", extra_env={"WARCLAIMS_PARSE_CACHE": str(tmp_path / "parse-cache")})
    deadline = time.time() + 240
    while time.time() < deadline:
        try:
            state = json.loads((r / "run.json").read_text())
        except (OSError, ValueError):
            state = {}
        nbs = state.get("notebooks", [])
        if state.get("status") == "running" and nbs and nbs[-1]["notebook"].startswith("02") \
                and nbs[-1]["status"] == "running":
            break
        time.sleep(0.2)
    else:
        second.kill()
        pytest.fail("notebook 02 never started")
    # at once: with the model loaded ahead (helpers.run.preload) 02 on one article can end within a second
    second.send_signal(signal.SIGTERM)
    assert second.wait(timeout=120) != 0
    state = json.loads((r / "run.json").read_text())
    assert state["status"] == "interrupted", state
    assert [(e["notebook"][:2], e["status"]) for e in state["notebooks"]] == [("01", "ok"), ("02", "interrupted")]
    index = (r / "index.html").read_text()
    assert "02_sentences_entities.html" not in index and not (r / "html" / "02_sentences_entities.html").exists()
    assert "interrupted" in index
    # sentences/entities are corpus A's, articles corpus B's: building 03 on them is refused
    for args in (("--only", "03"), ("--from", "03")):
        proc = _cli("--raw-dir", raw_b, "--processed-dir", p, "--reports-dir", r, *args, "--no-html")
        _, err = proc.communicate(timeout=120)
        assert proc.returncode != 0 and "refusing to build on tables" in err, err
        assert "another raw folder" in err or "not written by a finished run" in err
    # rebuilding from 02 is allowed: it reads only corpus B's articles, which 01 finished
    assert pipeline.check_provenance(pipeline.select(pipeline.discover(), start="02"), pipeline.digest_raw(raw_b),
                                     p, json.loads((r / "run.json").read_text())) == []
    # and a different raw folder is refused even for 02
    assert pipeline.check_provenance(pipeline.select(pipeline.discover(), only=["02"]), pipeline.digest_raw(raw_a),
                                     p, json.loads((r / "run.json").read_text()))


def test_guarded_hashing_survives_an_unreadable_file(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    hashes = pipeline.raw_hashes(tmp_path)
    assert len(hashes["a.txt"]) == 64
    assert pipeline.digest_raw(tmp_path)
