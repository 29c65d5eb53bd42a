"""Watch mode: rebuild whenever the raw folder changes, with the run's kernels kept warm from one rebuild to the next.

    python -m helpers.pipeline watch [run options] [--interval S] [--renew-every N] [--max-runs N]

A scheduled rebuild started from cron pays, every time, the runner's start, both kernels' start and what they load
before the first notebook can use it (spaCy and its model, pandas, matplotlib, the gazetteer): about 2.5 s of a
+1-article rebuild's 7.7 s on the 357-file corpus (README, "Speed, rebuilds and memory"). A watcher is one long-lived
process that runs the pipeline at its start and again whenever the raw folder (or a notebook) changes, each run an
ordinary incremental run (:func:`helpers.run.pipeline.run`: skipped notebooks, ``run.json``, ``changes.html``) in
kernels started once (:class:`helpers.run.pipeline.Kernels`) and cleared before every notebook as within one run.

A rebuild that ran no notebook (a watcher started on tables that are up to date) starts none, so the watcher then
starts both kernels and loads what their notebooks load (:meth:`helpers.run.pipeline.Kernels.warm`) while it waits.

What a rebuild gives does not depend on the mode: the tables, figures and pages are those of a cold run (tested:
``tests/run/test_watch.py``). The kernels are stopped and started afresh when

- the ``helpers`` code changes (its version, :func:`helpers.core.artcache.code_version`) — then the watcher itself,
  whose runner code is stale too, starts again in place (``os.execv``) with the same arguments;
- a run did not end ``ok`` (a notebook failed or the run was interrupted): the next run starts from new kernels;
- ``--renew-every N`` runs have been made in them (default 50), so that what a long-lived kernel might accumulate
  (module caches, fragmented memory) is bounded.

A change is acted on once the folder has looked the same on two polls ``--interval`` seconds apart (a file still
being copied is not read half-written). The polls compare a listing of names, sizes and modification times (no
file is read); the run itself then hashes what it reads, as always. Errors inside a run are the run's (reported in
``run.json`` and on stderr; the watcher carries on); Ctrl-C or SIGTERM stops the watcher and its kernels.
"""
from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path
from typing import Callable

from helpers.core.artcache import code_version
from helpers.run import pipeline

RENEW_EVERY = 50  # runs in the same kernels before they are started afresh


def listing(folder: Path) -> tuple:
    """Names (relative), sizes and modification times of every file under ``folder`` (or of ``folder`` itself
    when it is a file), sorted; links followed as the parse stage follows them, unreadable entries listed as such.
    Cheap enough to poll: nothing is read."""
    folder = Path(folder)
    if folder.is_file():
        st = folder.stat()
        return ((folder.name, st.st_size, st.st_mtime_ns),)
    out = []
    for root, dirs, files in os.walk(folder, followlinks=True, onerror=lambda e: out.append((str(e.filename), -1, 0))):
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            try:
                st = path.stat()
                out.append((path.relative_to(folder).as_posix(), st.st_size, st.st_mtime_ns))
            except OSError:
                out.append((path.relative_to(folder).as_posix(), -1, 0))
    return tuple(out)


class Watcher:
    """Rebuilds of one raw folder into one processed/reports pair, in kernels kept between rebuilds.

    :meth:`rebuild` runs the pipeline once (the benchmark and the tests call it directly); :meth:`loop` polls and
    calls it when something changed. ``run_kwargs`` are :func:`helpers.run.pipeline.run`'s options."""

    def __init__(self, raw_dir: Path, processed_dir: Path, reports_dir: Path, renew_every: int | None = RENEW_EVERY,
                 notebooks_dir: Path = pipeline.paths.NOTEBOOKS_DIR, log: Callable = print,
                 run: Callable = pipeline.run, **run_kwargs):
        self.raw_dir, self.processed_dir, self.reports_dir = Path(raw_dir), Path(processed_dir), Path(reports_dir)
        self.notebooks_dir, self.renew_every, self.log = Path(notebooks_dir), renew_every, log
        self.run, self.run_kwargs = run, dict(run_kwargs, notebooks_dir=notebooks_dir, log=log)
        self.kernels = pipeline.Kernels()
        self.warm = True  # start the kernels after a rebuild that started none (False: only when a notebook runs)
        self.code = code_version()
        self.runs: list[dict] = []  # one summary per rebuild: status, seconds

    def state(self) -> tuple:
        """What the watcher compares between polls: the raw folder's and the notebooks' listings."""
        return listing(self.raw_dir), listing(self.notebooks_dir)

    def code_changed(self) -> bool:
        return code_version() != self.code

    def rebuild(self) -> dict:
        """One incremental run in the kept kernels; returns its ``run.json`` summary (with ``watch_seconds``)."""
        self.kernels.renew(self.code, self.renew_every)
        t0 = time.perf_counter()
        try:
            summary = self.run(self.raw_dir, self.processed_dir, self.reports_dir, kernels=self.kernels,
                               **self.run_kwargs)
        except BaseException:
            self.kernels.shutdown()
            raise
        if summary.get("status") != "ok":
            self.kernels.shutdown()  # the next run starts from new kernels
        seconds = round(time.perf_counter() - t0, 3)
        self.runs.append({"status": summary.get("status"), "seconds": seconds})
        summary["watch_seconds"] = seconds
        if summary.get("status") == "interrupted":  # Ctrl-C or SIGTERM while it ran (the run caught it): stop
            raise KeyboardInterrupt
        if summary.get("status") == "ok" and self.warm:
            self.kernels.warm(self.notebooks_dir)  # a run that ran no notebook started none: start them now
        return summary

    def loop(self, interval: float = 2.0, max_runs: int | None = None, sleep: Callable = time.sleep) -> int:
        """Rebuild now, then whenever :meth:`state` changed and then held still for one more poll; returns the
        number of rebuilds when ``max_runs`` is reached, or -1 when the ``helpers`` code changed (the kernels are
        stopped; :func:`main` starts the watcher again)."""
        seen = None
        while True:
            if self.code_changed():
                self.kernels.shutdown()
                return -1
            now = self.state()
            if now != seen:
                if seen is not None:  # act on a change once it held still for one interval
                    sleep(interval)
                    if self.state() != now:
                        continue
                summary = self.rebuild()
                seen = now  # taken before the run: what changes while it runs is rebuilt next
                n = sum(e["status"] == "ok" for e in summary.get("notebooks", []))
                self.log(f"watch: rebuild {len(self.runs)} {summary.get('status')} in {summary['watch_seconds']:.2f} s "
                         f"({n} notebook(s) run); watching {pipeline._display(self.raw_dir)}", file=sys.stderr)
                if max_runs is not None and len(self.runs) >= max_runs:
                    return len(self.runs)
            sleep(interval)

    def close(self) -> None:
        self.kernels.shutdown()


def main(args) -> int:
    """``python -m helpers.pipeline watch``: see the module docstring. ``args`` are the parsed CLI arguments."""
    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    watcher = Watcher(args.raw_dir.resolve(), args.processed_dir.resolve(), args.reports_dir.resolve(),
                      renew_every=args.renew_every or None, show_code=args.show_code, html=not args.no_html,
                      workers=args.workers, engine=args.engine, scheduler=args.scheduler,
                      overlap=not args.sequential)
    try:
        done = watcher.loop(args.interval, args.max_runs)
    except KeyboardInterrupt:
        watcher.close()
        print("watch: stopped", file=sys.stderr)
        return 0
    watcher.close()
    if done == -1:
        print("watch: the helpers code changed; starting again with it", file=sys.stderr)
        sys.stderr.flush()
        os.execv(sys.executable, [sys.executable, "-m", "helpers.pipeline", *sys.argv[1:]])
    return 0 if watcher.runs and watcher.runs[-1]["status"] == "ok" else 1
