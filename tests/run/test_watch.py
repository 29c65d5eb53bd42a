"""Watch mode (helpers.run.watch): when it rebuilds, when it renews its kernels, and that its rebuilds give the
tables and figures of a cold run."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from helpers.run import pipeline, watch


class FakeKernel:
    def __init__(self):
        self.stops = 0

    def shutdown(self):
        self.stops += 1


def _fake_kernels() -> pipeline.Kernels:
    k = pipeline.Kernels()
    k.main, k.lane = FakeKernel(), FakeKernel()
    return k


def test_kernels_are_renewed_for_new_code_and_after_every_n_runs():
    k = _fake_kernels()
    assert k.renew("v1", every=3) is False and k.runs == 1  # first run: nothing to stop
    assert k.renew("v1", every=3) is False and k.renew("v1", every=3) is False and k.runs == 3
    assert k.renew("v1", every=3) is True and k.main.stops == 1 and k.lane.stops == 1 and k.runs == 1
    assert k.renew("v2", every=3) is True and k.code == "v2" and k.main.stops == 2
    assert k.renew("v2") is False and k.renew("v2") is False and k.runs == 3  # every=None: kept


class Script:
    """A fake run and a fake sleep: each sleep applies the next scripted change to the raw folder."""

    def __init__(self, raw: Path, steps, statuses=None):
        self.raw, self.steps, self.calls, self.statuses = raw, list(steps), [], list(statuses or [])

    def run(self, raw_dir, processed_dir, reports_dir, kernels=None, **kwargs):
        self.calls.append(sorted(p.name for p in raw_dir.iterdir()))
        status = self.statuses.pop(0) if self.statuses else "ok"
        return {"status": status, "notebooks": [{"status": "ok"}]}

    def sleep(self, seconds):
        if not self.steps:
            raise KeyboardInterrupt  # the script is over: stop the loop as Ctrl-C would
        step = self.steps.pop(0)
        if step:
            step(self.raw)


def _watcher(tmp_path, script, **kw):
    w = watch.Watcher(tmp_path / "raw", tmp_path / "p", tmp_path / "r", notebooks_dir=tmp_path / "nb",
                      log=lambda *a, **k: None, run=script.run, **kw)
    w.kernels, w.warm = _fake_kernels(), False
    return w


@pytest.fixture
def folders(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "nb").mkdir()
    (tmp_path / "raw" / "a.txt").write_text("one")
    return tmp_path


def test_rebuilds_at_start_and_after_a_change_has_held_still(folders):
    add = lambda raw: (raw / "b.txt").write_text("two")  # noqa: E731
    grow = lambda raw: (raw / "b.txt").write_text("two, still being written")  # noqa: E731
    # start; a quiet poll; b.txt appears; it grows during the settling poll (not read yet); it holds still
    script = Script(folders / "raw", [None, add, grow, None, None, None])
    w = _watcher(folders, script)
    with pytest.raises(KeyboardInterrupt):
        w.loop(interval=0, sleep=script.sleep)
    assert script.calls == [["a.txt"], ["a.txt", "b.txt"]]  # once at start, once after b.txt settled
    assert [r["status"] for r in w.runs] == ["ok", "ok"]


def test_max_runs_and_a_notebook_change_count(folders):
    touch_nb = lambda raw: (raw.parent / "nb" / "01_x.ipynb").write_text("{}")  # noqa: E731
    script = Script(folders / "raw", [None, touch_nb, None])
    w = _watcher(folders, script)
    assert w.loop(interval=0, max_runs=2, sleep=script.sleep) == 2 and len(script.calls) == 2


def test_a_failed_run_renews_the_kernels_and_the_watcher_goes_on(folders):
    add = lambda raw: (raw / "b.txt").write_text("two")  # noqa: E731
    script = Script(folders / "raw", [add, None], statuses=["failed", "ok"])
    w = _watcher(folders, script)
    assert w.loop(interval=0, max_runs=2, sleep=script.sleep) == 2
    assert [r["status"] for r in w.runs] == ["failed", "ok"] and w.kernels.main.stops == 1


def test_an_interrupted_run_stops_the_watcher(folders):
    script = Script(folders / "raw", [None, None], statuses=["interrupted"])
    w = _watcher(folders, script)
    with pytest.raises(KeyboardInterrupt):
        w.loop(interval=0, sleep=script.sleep)
    assert len(script.calls) == 1 and w.kernels.main.stops == 1  # one run, its kernels stopped, no other run


def test_a_code_change_stops_the_kernels_and_asks_for_a_restart(folders, monkeypatch):
    script = Script(folders / "raw", [None])
    w = _watcher(folders, script)
    monkeypatch.setattr(watch, "code_version", lambda: "another version")
    assert w.loop(interval=0, sleep=script.sleep) == -1 and script.calls == [] and w.kernels.main.stops == 1


def test_listing_sees_names_sizes_and_times_without_reading(folders):
    raw = folders / "raw"
    before = watch.listing(raw)
    assert [e[0] for e in before] == ["a.txt"] and before[0][1] == 3
    (raw / "sub").mkdir()
    (raw / "sub" / "c.txt").write_text("three")
    assert [e[0] for e in watch.listing(raw)] == ["a.txt", "sub/c.txt"]
    assert watch.listing(raw / "a.txt") == before  # a single file as the raw "folder"


def _digests(processed: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(processed.iterdir()) if p.suffix in (".parquet", ".spacy")}


@pytest.mark.slow
def test_rebuilds_in_kept_kernels_equal_a_cold_run(tmp_path, monkeypatch, seeds_but_one):
    """A watcher's full run and its +1 rebuild, in the same two kernels, then a cold run (caches off, fresh
    folders, one kernel per notebook): the same tables (and docs.spacy) byte for byte, the same figures."""
    raw, first_seed = seeds_but_one
    monkeypatch.setenv("WARCLAIMS_PARSE_CACHE", str(tmp_path / "cache"))
    w = watch.Watcher(raw, tmp_path / "p", tmp_path / "r", log=lambda *a, **k: None)
    try:
        first = w.rebuild()
        assert first["status"] == "ok" and {e["status"] for e in first["notebooks"]} == {"ok"}
        main_kernel = w.kernels.main.km
        shutil.copyfile(first_seed, raw / first_seed.name)  # +1 article
        grown = w.rebuild()
        assert grown["status"] == "ok" and grown["changes"]["articles_added"] == 1
        assert w.kernels.main.km is main_kernel and main_kernel.is_alive()  # the same kernel, kept warm
    finally:
        w.close()
    assert w.kernels.main.km is None and w.kernels.lane.km is None
    # a watcher started on up-to-date tables runs no notebook, then starts and loads its kernels for the next change
    again = watch.Watcher(raw, tmp_path / "p", tmp_path / "r", log=lambda *a, **k: None)
    try:
        noop = again.rebuild()
        assert {e["status"] for e in noop["notebooks"]} == {"skipped"}
        assert again.kernels.main.km.is_alive() and again.kernels.lane.km.is_alive()
    finally:
        again.close()
    monkeypatch.setenv("WARCLAIMS_PARSE_CACHE", "off")
    fresh, fresh_reports = tmp_path / "fresh", tmp_path / "fresh-r"
    pipeline.run(raw, fresh, fresh_reports, html=False, fresh_kernels=True, log=lambda *a, **k: None)
    assert _digests(tmp_path / "p") == _digests(fresh)
    drawn = sorted((fresh_reports / "figures").iterdir())
    assert drawn and all((tmp_path / "r" / "figures" / f.name).read_bytes() == f.read_bytes() for f in drawn)
