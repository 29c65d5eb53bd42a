"""The pipeline CLI: run the numbered notebooks in order with papermill.

    python -m helpers.pipeline run [--raw-dir D] [--processed-dir P] [--reports-dir R]
                                   [--only NN] [--from NN] [--force [NN ...]] [--show-code] [--no-html]
                                   [--workers N] [--engine local|dask [--scheduler ADDRESS]] [--sequential]
    python -m helpers.pipeline watch [run's options but --only/--from/--force/--fresh-kernels]
                                     [--interval S] [--renew-every N] [--max-runs N]
    python -m helpers.pipeline list

Each notebook ``notebooks/NN_name.ipynb`` gets ``raw_dir``, ``processed_dir`` and
``reports_dir`` in its ``parameters`` cell; the executed copy goes to
``reports/executed/``. ``reports/run.json`` records the run from its start
(``running`` → ``ok``/``failed``/``interrupted``), every notebook's status,
duration and input hashes, and which run wrote each table from which raw
folder; ``--only``/``--from`` refuse to build on tables it does not vouch for
(``--force`` overrides). On failure the run stops, names the notebook and the
error, and exits non-zero. ``warclaims`` is the same CLI as a console script.

Rebuilds are incremental (:mod:`helpers.run.incremental`): a notebook whose inputs and outputs are unchanged since
it last succeeded into the same ``--processed-dir`` is skipped; ``--force`` re-runs all, ``--force NN`` one.
``watch`` (:mod:`helpers.run.watch`) runs now and again whenever the raw folder changes, in kernels kept warm from
one rebuild to the next.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import signal
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from helpers import __version__
from helpers.core import paths
from helpers.core.spec import DOCS_FILE
from helpers.run import changes, incremental, preload, stages
from helpers.run.ahead import ReportsAhead

# jsonschema (imported by nbformat, so by papermill and the HTML export) imports rfc3987_syntax when it is installed,
# which compiles its grammars at import — over a second, several on a loaded machine — for an "iri" format check
# that no notebook schema uses. The runner does without it.
sys.modules.setdefault("rfc3987_syntax", None)

NOTEBOOK_RE = re.compile(r"^(\d{2})_[\w-]+\.ipynb$")
KERNEL = "warclaims"


def discover(notebooks_dir: Path = paths.NOTEBOOKS_DIR) -> list[Path]:
    """Numbered notebooks in order (``01_…`` … ``99_…``); unnumbered ones are not part of the pipeline."""
    return sorted(p for p in notebooks_dir.glob("*.ipynb") if NOTEBOOK_RE.match(p.name))


def select(notebooks: list[Path], only: list[str] | None = None, start: str | None = None) -> list[Path]:
    numbers = [NOTEBOOK_RE.match(p.name).group(1) for p in notebooks]
    for n in (only or []) + ([start] if start else []):
        if n.zfill(2) not in numbers:
            raise SystemExit(f"error: no notebook numbered {n!r}; available: {', '.join(numbers)}")
    if only:
        wanted = {n.zfill(2) for n in only}
        return [p for p, n in zip(notebooks, numbers) if n in wanted]
    if start:
        return [p for p, n in zip(notebooks, numbers) if n >= start.zfill(2)]
    return notebooks


_HASHED: dict[str, tuple[tuple, str]] = {}  # path -> (its stat key when hashed, its SHA-256)
_HASHED_LOCK = threading.Lock()
_RACY_NS = 100_000_000  # 0.1 s


def _sha256(path: Path) -> str:
    """The SHA-256 of ``path``, hashed again only when its inode, size, modification or change time differ from
    when this process last hashed it. The runner takes the tables' hashes before and after every notebook (and the
    reports' key): without the memo each notebook cost three passes over every table and ``docs.spacy`` (7.5 MB on
    the 357-file corpus), each read releasing the GIL to a page export running beside it — 0.02–0.14 s between
    notebooks, on a +1 rebuild's critical path. Tables and ``docs.spacy`` are written to a temporary file and renamed
    into place, so a rewritten table is a new inode with new times. As git does for its index, a file changed less
    than :data:`_RACY_NS` before it was hashed is not memoised: file times advance in ticks of a few milliseconds, so
    a second write in the same tick could keep all of them."""
    st = os.stat(path)
    key = (st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    name = os.fspath(path)
    with _HASHED_LOCK:
        hit = _HASHED.get(name)
    if hit is not None and hit[0] == key:
        return hit[1]
    digest = incremental.sha256_file(Path(path))
    if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) > _RACY_NS:
        with _HASHED_LOCK:
            _HASHED[name] = (key, digest)
    return digest


def raw_hashes(raw_dir: Path) -> dict[str, str]:
    """``{relative path: sha256, or "unreadable: reason"}`` for every input; never raises.

    Walking, reading and hashing are the parse stage's one guarded step (:func:`helpers.parse.hash_inputs`), so
    an input the parse reports as ``read_error``/``symlink_loop``/``broken_link`` is recorded here, not raised.
    """
    from helpers.parse import hash_inputs

    hashes, errors = hash_inputs(raw_dir)
    return {**hashes, **{rel: f"unreadable: {reason}" for rel, (reason, _) in errors.items()}}


def digest_raw(raw_dir: Path) -> str | None:
    """One hash over the raw folder's input hashes (``None`` when it does not exist)."""
    if not raw_dir.exists():
        return None
    return hashlib.sha256(json.dumps(raw_hashes(raw_dir), sort_keys=True).encode()).hexdigest()


def table_files(processed_dir: Path) -> dict[str, str]:
    """``{file name: sha256}`` of the tables (Parquet and the parsed-doc cache) in ``processed_dir``."""
    if not processed_dir.exists():
        return {}
    return {p.name: _sha256(p) for p in sorted(processed_dir.iterdir())
            if p.suffix in (".parquet", ".spacy") and p.is_file()}


def _file_name(table: str) -> str:
    return table if table.endswith(".spacy") else f"{table}.parquet"


def _reads(nb: Path) -> tuple[str, ...]:
    spec = _spec(nb)
    return spec.reads + spec.optional if spec else ()


def check_provenance(notebooks: list[Path], raw_digest: str | None, processed_dir: Path,
                     previous: dict | None) -> list[str]:
    """Why the tables the first selected notebooks read cannot be built on (empty list: they can).

    A table is trusted when ``run.json`` of an earlier run records it as written by a notebook that finished
    ``ok``, its file still has that hash, and it was made from the same raw folder content.
    """
    written_here = set()
    record = (previous or {}).get("tables", {})
    on_disk = table_files(processed_dir)
    problems = []
    for nb in notebooks:
        spec_optional = set()
        try:
            spec_optional = set(stages.spec(nb.name).optional)
        except KeyError:
            pass
        for table in _reads(nb):
            name = _file_name(table)
            if name in written_here:
                continue
            if name not in on_disk:
                if table not in spec_optional:
                    problems.append(f"{name} (read by {nb.stem}) is missing")
                continue
            rec = record.get(name)
            if rec is None:
                problems.append(f"{name} (read by {nb.stem}) was not written by a finished run recorded in run.json")
            elif rec.get("sha256") != on_disk[name]:
                problems.append(f"{name} (read by {nb.stem}) changed since {rec.get('notebook')} wrote it")
            elif rec.get("raw_dir") != raw_digest:
                problems.append(f"{name} (read by {nb.stem}) was made from another raw folder or other input files")
        try:
            written_here |= {_file_name(t) for t in stages.spec(nb.name).writes}
        except KeyError:
            pass
    return problems


def _display(path: Path) -> str:
    """A path as given relative to the project root where possible (no absolute paths in reports)."""
    try:
        return path.resolve().relative_to(paths.ROOT).as_posix()
    except ValueError:
        return str(path)


def _error_summary(exc: BaseException) -> str:
    name = getattr(exc, "ename", None) or type(exc).__name__
    value = getattr(exc, "evalue", None) or str(exc).strip().splitlines()[-1:] or [""]
    if isinstance(value, list):
        value = value[0] if value else ""
    return f"{name}: {value}"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def _write_json(path: Path, data: dict) -> None:
    """Replace ``path`` atomically (a reader never sees half a run.json)."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, default=str) + "\n")
    os.replace(tmp, path)


def _previous(reports_dir: Path) -> dict | None:
    try:
        return json.loads((reports_dir / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


class SharedKernel:
    """One kernel for all the notebooks of a run, started when the first notebook runs (a no-op run starts none).

    Between notebooks the kernel is cleared (:data:`RESET`: ``%reset -f``, figures closed, the execution counter
    and the warnings registry reset; then what survives the reset — modules, the model, the gazetteer — is moved out
    of the garbage collector's view with ``gc.freeze()``, so the next reset's collection walks only the objects made
    since: it walked the whole heap, 0.4 s a notebook; last, glibc's ``malloc_trim`` gives the C heap's free pages
    back to the system, else the kernel keeps the high-water mark of its largest notebook through every later one,
    and the workers later notebooks fork start from it). So each notebook starts from an empty namespace as in a
    fresh kernel while the imports, the spaCy model and the gazetteer stay loaded: the kernel start-up and import
    time is paid once per run instead of once per notebook. Its client (:attr:`kc`) is kept connected too: a new
    client per notebook waited 0.2 s for the kernel to be ready, twice (ours for the reset, papermill's). A kernel
    that died is replaced.
    """
    RESET = ("get_ipython().run_line_magic('reset', '-f')\n"
             "import sys as _s, warnings as _w\n"
             "if 'matplotlib.pyplot' in _s.modules: _s.modules['matplotlib.pyplot'].close('all')\n"
             "_f = list(_w.filters); _w.resetwarnings(); _w.filters[:] = _f\n"
             "get_ipython().execution_count = 1\n"
             "import gc as _g; _g.freeze()\n"
             "try:\n"
             "    import ctypes as _c; _c.CDLL('libc.so.6').malloc_trim(0)\n"
             "except Exception:\n"
             "    _c = None\n"
             "del _s, _w, _f, _g, _c\n")

    def __init__(self):
        self.km = None
        self.kc = None  # one client for the kernel's life, connected and ready (see helpers.run.kernel.ENGINE)
        self.used = False

    def ready(self, cwd: Path):
        """The kernel manager to run the next notebook with: started, or cleared after the previous notebook.
        :attr:`kc` is its client, kept connected from one notebook to the next."""
        from helpers.run.kernel import QuietKernelManager

        if self.km is not None and not self.km.is_alive():
            self.shutdown()
        if self.km is None:
            self.km = QuietKernelManager(kernel_name=KERNEL)
            self.km.start_kernel(cwd=str(cwd))
            self.kc = self.km.client()
            self.kc.start_channels()
            self.kc.wait_for_ready(timeout=60)
            self.used = False
        elif self.used:
            reply = self.kc.execute_interactive(self.RESET, store_history=False, timeout=60,
                                                output_hook=lambda msg: None)
            if reply["content"].get("status") != "ok":
                raise RuntimeError(f"could not clear the kernel: {reply['content'].get('evalue')}")
        self.used = True
        return self.km

    def preload(self, source: str | None, after_notebook: bool = False) -> None:
        """Run ``source`` (:func:`helpers.run.preload.code`: imports and warm-ups) in the started kernel, before
        the next notebook; its output is dropped and a failure ignored (the notebook that needs it reports it).
        ``after_notebook``: a notebook ran in the kernel since it was cleared; its objects are cleared first, or the
        preload's ``gc.freeze()`` would keep their reference cycles for the kernel's life."""
        if source is None or self.kc is None:
            return
        try:
            if after_notebook:
                self.kc.execute_interactive(self.RESET, store_history=False, timeout=60, output_hook=lambda msg: None)
            self.kc.execute_interactive(source, store_history=False, timeout=600, output_hook=lambda msg: None)
        except Interrupted:
            raise
        except Exception:  # noqa: BLE001 - a dead or stuck kernel is replaced by the next ready()
            pass

    def shutdown(self) -> None:
        if self.kc is not None:
            try:
                self.kc.stop_channels()
            except Exception:  # already closed
                pass
            self.kc = None
        if self.km is not None:
            try:
                self.km.shutdown_kernel(now=True)
            except Exception:  # already gone
                pass
            self.km.cleanup_resources()
            self.km = None


class Kernels:
    """The two kernels of a run (:class:`SharedKernel`: the main one, and the second lane's), kept from one run to
    the next by :mod:`helpers.run.watch`: a rebuild then pays neither kernel's start nor its imports, the spaCy
    model or the gazetteer. Each is cleared before every notebook as within one run, so a notebook starts from an
    empty namespace either way. :meth:`renew` stops both when what they loaded is stale (another ``helpers`` code
    version, or ``every`` runs done); :func:`run` stops them after an interrupted run."""

    def __init__(self):
        self.main, self.lane = SharedKernel(), SharedKernel()
        self.code: str | None = None  # the helpers code version the running kernels loaded
        self.runs = 0  # runs since the kernels were (re)started

    def renew(self, code: str, every: int | None = None) -> bool:
        """Before a run: stop both kernels if ``code`` is not the version they loaded, or after ``every`` runs
        (None: never). True when they were stopped (the run starts new ones)."""
        stale = self.code is not None and (code != self.code or (every is not None and self.runs >= every))
        if stale:
            self.shutdown()
        if self.code is None:
            self.code, self.runs = code, 0
        self.runs += 1
        return stale

    def warm(self, notebooks_dir: Path = paths.NOTEBOOKS_DIR) -> None:
        """Start the kernels not running and load in each what its notebooks load (:mod:`helpers.run.preload`), as
        a run does while its first notebook runs: after a rebuild that ran no notebook (a watcher started on tables
        that are up to date), the next one then finds them ready. Call it after a run, whose environment
        (``WARCLAIMS_*``) the kernels inherit."""
        notebooks = discover(notebooks_dir)
        lane = [nb for nb in notebooks if _Lane.takes(nb)]
        for kernel, group in ((self.main, [nb for nb in notebooks if nb not in lane]), (self.lane, lane)):
            if kernel.km is None and group:
                kernel.ready(group[0].parent)
                kernel.preload(_preload_code(group))

    def shutdown(self) -> None:
        self.main.shutdown()
        self.lane.shutdown()
        self.code = None


def _conflict(earlier: Path, later: Path) -> bool:
    """``later`` must not start before ``earlier`` has finished: one writes a table the other reads or writes (a
    notebook without a spec may read and write anything). Notebooks that conflict with no earlier unfinished one run
    beside it and give the tables and pages a sequential run gives."""
    a, b = _spec(earlier), _spec(later)
    if a is None or b is None:
        return True
    writes_a, writes_b = set(a.writes), set(b.writes)
    return bool(writes_a & set(_reads(later)) or writes_b & set(_reads(earlier)) or writes_a & writes_b)


class _Lane:
    """A second kernel, in one background thread, for the notebooks that need no spaCy model: those that write no
    table (the figures) and those that write tables but neither read nor write the parsed docs (the rewrite pairs,
    05) — so the main kernel, which parses, loads neither their imports (SciPy through datasketch) nor runs them.

    Such a notebook is handed over (:meth:`submit_ready`) as soon as every earlier notebook it conflicts with
    (:func:`_conflict`: one writes a table the other reads or writes) has finished, and runs beside the notebooks
    that follow; the main loop likewise waits (:meth:`wait_for`) for the handed-over notebooks a notebook of its own
    conflicts with. So what each notebook reads is what a sequential run gives it. Which tables a notebook wrote is
    recorded from the files its spec declares (and ``stage_errors``, which every table-writing notebook updates under
    a lock: :func:`helpers.core.stage.write_stage_errors`), not from what changed while it ran. Its own kernel is
    started (:meth:`warm`) when the main kernel first runs a notebook, and is cleared between notebooks like the main
    one.
    """

    def __init__(self, notebooks, execute, start, finish, processed_dir: Path, fresh_kernels: bool = False,
                 kernel: SharedKernel | None = None):
        self.notebooks, self.execute, self.start, self.finish = notebooks, execute, start, finish
        self.fresh_kernels, self.warming = fresh_kernels, False
        self.processed_dir = processed_dir
        self.keep = kernel is not None  # a kernel kept between runs (helpers.run.watch): not stopped at the end
        self.kernel = kernel if kernel is not None else SharedKernel()
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="warclaims-lane")
        self.pending = [nb for nb in notebooks if self.takes(nb)]
        self.queued: list[Path] = []  # handed over, in order; each is run once, by whichever kernel claims it
        self.claimed: set[Path] = set()
        self.finished: set[str] = set()  # notebooks of either kernel that finished (ok or skipped)
        self.cond = threading.Condition()  # guards pending, queued, claimed and finished
        self.jobs = []
        self.failed: dict | None = None
        self.stopped = False

    @staticmethod
    def takes(nb: Path) -> bool:
        """A notebook this lane runs: it writes no table, or it reads tables (it is not the run's first) but neither
        reads nor writes the parsed docs, so it needs no spaCy model."""
        spec = _spec(nb)
        if spec is None:
            return False
        return not spec.writes or (bool(spec.reads) and DOCS_FILE not in spec.reads + spec.optional + spec.writes)

    def _waits_for(self, nb: Path) -> set[str]:
        """The earlier selected notebooks ``nb`` conflicts with (:func:`_conflict`)."""
        earlier = self.notebooks[:self.notebooks.index(nb)]
        return {e.name for e in earlier if _conflict(e, nb)}

    def wait_for(self, nb: Path) -> bool:
        """Block until every notebook of this lane that ``nb`` (a main-lane notebook) conflicts with has finished;
        False when the lane failed or stopped instead."""
        mine = {e.name for e in self.notebooks[:self.notebooks.index(nb)] if self.takes(e) and _conflict(e, nb)}
        with self.cond:
            while not mine <= self.finished:
                if self.failed or self.stopped:
                    return False
                self.cond.wait(0.5)
        return True

    def mark_done(self, nb: Path) -> None:
        """``nb`` finished (either kernel): hand over what now can run."""
        with self.cond:
            self.finished.add(nb.name)
            self.cond.notify_all()
        self.submit_ready()

    def warm(self, cwd: Path) -> None:
        """Start the second kernel in the background, once, while the main kernel runs a notebook (a no-op run,
        which runs none, starts neither), and load in it what its notebooks load (:meth:`preload_code`); a kernel that
        fails to start here is started again by its first notebook."""
        if self.warming or self.fresh_kernels or not self.pending or self.stopped:
            return
        self.warming = True
        source = self.preload_code()

        def start_kernel():
            try:
                self.kernel.ready(cwd)
            except Exception:  # noqa: BLE001 - retried (and reported) by the first notebook that needs it
                return
            self.kernel.preload(source)

        self.jobs.append(self.pool.submit(start_kernel))

    def preload_code(self) -> str | None:
        """What the notebooks still to come in this lane load (:mod:`helpers.run.preload`)."""
        return _preload_code(self.pending)

    def run_first(self, nb: Path, entry: dict, main: SharedKernel, main_notebooks: list[Path]) -> None:
        """Run ``nb``, the run's first notebook, in this lane's kernel while the main kernel starts and loads what
        ``main_notebooks`` (the main lane's next notebooks) load, so their imports, the model and the gazetteer are
        not paid inside them; then this lane's kernel loads what its own notebooks need. Returns when ``nb`` has
        finished. Nothing writes a table meanwhile but ``nb``: the record of who wrote what is unchanged."""
        self.warming = True
        job = self.pool.submit(self.execute, nb, entry, self.kernel)
        self.jobs.append(self.pool.submit(self.kernel.preload, self.preload_code(), True))
        try:
            main.ready(nb.parent)
            main.preload(_preload_code(main_notebooks))
        except Interrupted:  # SIGTERM: the run stops now (closing the lane ends the first notebook's kernel)
            raise
        except Exception:  # noqa: BLE001 - the main kernel is started again (and a failure reported) by its notebook
            pass
        job.result()

    def submit_ready(self) -> None:
        with self.cond:
            for nb in list(self.pending):
                if self._waits_for(nb) <= self.finished:
                    self.pending.remove(nb)
                    self.queued.append(nb)
                    self.jobs.append(self.pool.submit(self._run, nb))

    def _claim(self, nb: Path) -> bool:
        with self.cond:
            if nb in self.claimed:
                return False
            self.claimed.add(nb)
            return True

    def _run(self, nb: Path, kernel: SharedKernel | None = None) -> None:
        """Run ``nb`` in this lane's kernel (or ``kernel``), unless another kernel has claimed it."""
        if self.failed or self.stopped or not self._claim(nb):
            return
        before = table_files(self.processed_dir)
        entry = self.start(nb, before)
        self.execute(nb, entry, kernel or self.kernel)
        entry.pop("known", None)
        if entry["status"] not in ("ok", "skipped") and self.stopped:
            entry["status"] = "interrupted"
        self.finish(nb, entry, before)
        if entry["status"] not in ("ok", "skipped"):
            self.failed = entry
            with self.cond:
                self.cond.notify_all()
            return
        self.mark_done(nb)

    def wait(self, main: SharedKernel | None = None) -> None:
        """Wait for every notebook handed over (the main loop has finished). With ``main`` (the main kernel, idle
        now), the notebooks this lane has not started yet run there, the last handed over first (the lane works from
        the front of its queue): after the last table-writing notebook, the figures are shared by both kernels."""
        for nb in reversed(self.queued if main is not None else []):
            if self.failed or self.stopped:
                break
            self._run(nb, main)
        for job in self.jobs:
            job.result()

    def close(self) -> None:
        """Stop: nothing new starts; a notebook still running (the run was interrupted) loses its kernel."""
        self.stopped = True
        with self.cond:
            self.cond.notify_all()
        if any(not job.done() for job in self.jobs):
            self.kernel.shutdown()
        self.pool.shutdown(wait=True, cancel_futures=True)
        if not self.keep:
            self.kernel.shutdown()


class Interrupted(Exception):
    """The run received SIGTERM (or SIGINT)."""


def _on_signal(signum, frame):
    raise Interrupted(f"interrupted by signal {signal.Signals(signum).name}")


def _spec(nb: Path):
    try:
        return stages.spec(nb.name)
    except KeyError:  # a numbered notebook no stage declares (e.g. in tests): never skipped
        return None


def _preload_code(notebooks: list[Path]) -> str | None:
    """What ``notebooks`` load, as code for a kernel to run ahead of them (:func:`helpers.run.preload.code`): their
    imports and the warm-up functions their stages declare."""
    return preload.code(notebooks, [w for nb in notebooks if _spec(nb) for w in _spec(nb).warm])


def _forced(nb: Path, force) -> bool:
    """``force`` is None (nothing forced), [] (all) or a list of notebook numbers."""
    return force is not None and (not force or nb.name[:2] in {f.zfill(2) for f in force})


def run(raw_dir: Path, processed_dir: Path, reports_dir: Path, only=None, start=None,
        show_code: bool = False, html: bool = True, notebooks_dir: Path = paths.NOTEBOOKS_DIR,
        log=print, force=None, workers: int | None = None, engine: str = "local",
        scheduler: str | None = None, fresh_kernels: bool = False, overlap: bool = True,
        kernels: Kernels | None = None) -> dict:
    """Run the selected notebooks; returns the run summary written to ``reports/run.json``.

    ``run.json`` records the run from its start (``status`` ``running``, then ``ok``, ``failed`` or
    ``interrupted``) and, under ``tables``, which notebook of which run wrote each table from which raw
    folder content. ``--only``/``--from`` refuse to build on tables that record does not vouch for
    (``force`` overrides). The HTML index publishes only the notebooks that finished ``ok`` in this run or were
    skipped because nothing they depend on changed. ``force``: None, True/[] (everything) or notebook numbers.
    The notebooks share one kernel (:class:`SharedKernel`), cleared between them; ``fresh_kernels`` starts one
    kernel per notebook instead. With ``overlap`` (the default) the notebooks that need no spaCy model — those that
    write no table (the figures, 08–11) and those that neither read nor write the parsed docs (05) — run in a second
    kernel (:class:`_Lane`) as soon as the notebooks they conflict with have finished, beside the others.
    ``kernels`` (:class:`Kernels`, from :mod:`helpers.run.watch`): run in these kernels, started by an earlier run
    or started now, and leave them running at the end unless the run was interrupted.
    """
    from tqdm import tqdm

    notebooks = select(discover(notebooks_dir), only, start)
    if not notebooks:
        raise SystemExit(f"error: no numbered notebooks found in {notebooks_dir}")
    if not raw_dir.exists():
        raise SystemExit(f"error: raw directory {raw_dir} does not exist")
    force = [] if force is True else (None if force is False else force)
    raw_digest = digest_raw(raw_dir)
    previous = _previous(reports_dir)
    if (only or start) and force is None:
        problems = check_provenance(notebooks, raw_digest, processed_dir, previous)
        if problems:
            raise SystemExit("error: refusing to build on tables from another run or raw folder:\n  - "
                             + "\n  - ".join(problems)
                             + "\nrun the whole pipeline (without --only/--from), or pass --force to use them anyway")
    processed_dir.mkdir(parents=True, exist_ok=True)
    executed_dir = reports_dir / "executed"
    executed_dir.mkdir(parents=True, exist_ok=True)
    params = {"raw_dir": str(raw_dir), "processed_dir": str(processed_dir), "reports_dir": str(reports_dir)}
    on_disk = table_files(processed_dir)
    carried = {n: r for n, r in ((previous or {}).get("tables") or {}).items() if on_disk.get(n) == r.get("sha256")}
    summary = {
        "started": _now(), "version": __version__,
        "raw_dir": _display(raw_dir), "processed_dir": _display(processed_dir), "reports_dir": _display(reports_dir),
        "raw_digest": raw_digest, "status": "running", "forced": force, "notebooks": [], "tables": carried,
    }
    run_json = reports_dir / "run.json"
    _write_json(run_json, summary)
    if html:  # until this run publishes its own, the index says a run is in progress and lists nothing stale
        from helpers.run import reports
        reports.clear_published(reports_dir)
        reports.build_index(reports_dir, summary)
    os.environ["WARCLAIMS_NO_PROGRESS"] = "1"  # kernels inherit it: no volatile bars in executed notebooks
    os.environ.setdefault("MPLBACKEND", "agg")
    if workers:
        os.environ["WARCLAIMS_WORKERS"] = str(workers)  # kernels inherit it: processes for the parse and 03/04/06
    os.environ["WARCLAIMS_ENGINE"] = engine  # where the parse and 03/04/06 run: kernel + forks, or dask.distributed
    if scheduler:
        os.environ["WARCLAIMS_SCHEDULER"] = scheduler
    else:
        os.environ.pop("WARCLAIMS_SCHEDULER", None)
    state = incremental.load_state(processed_dir)
    if fresh_kernels:
        kernels = None
    kernel = kernels.main if kernels is not None else SharedKernel()
    # reports made while later notebooks run (helpers.run.ahead); the end of the run checks and completes them
    ahead = ReportsAhead(reports_dir, processed_dir, [nb.stem for nb in notebooks], show_code) if html else None
    writers_left = {nb.name for nb in notebooks if _spec(nb) is None or _spec(nb).writes}  # tables not final yet
    lock = threading.RLock()  # run.json and pipeline_state.json are written from the main thread and the lane

    def skips(nb: Path, entry: dict) -> bool:
        """Nothing ``nb`` depends on changed since it last succeeded (and it is not forced)."""
        spec = _spec(nb)
        return (spec is not None and not _forced(nb, force) and (executed_dir / nb.name).exists()
                and incremental.can_skip(state.get(nb.name), entry["fingerprint"], spec, processed_dir,
                                         entry["known"]))

    def execute(nb: Path, entry: dict, kern: SharedKernel) -> None:
        """Run ``nb`` (or skip it when nothing it depends on changed); fills ``entry``."""
        out = executed_dir / nb.name
        spec = _spec(nb)
        if skips(nb, entry):
            entry.update(status="skipped", duration_s=0.0, executed=_display(out))
            return
        t0 = time.perf_counter()
        entry["started_at"] = round(time.time(), 2)  # wall clock, so a memory sampler can tell notebooks apart
        try:
            import papermill as pm  # only when a notebook runs: a no-op rebuild does without it

            if lane is not None and kern is kernel:  # a notebook runs: the second kernel starts meanwhile
                lane.warm(nb.parent)
            if fresh_kernels:
                how = {"kernel_manager_class": "helpers.run.kernel.QuietKernelManager"}
            else:
                from helpers.run.kernel import register_engine
                how = {"km": kern.ready(nb.parent), "kc": kern.kc, "engine_name": register_engine()}
            pm.execute_notebook(str(nb), str(out), parameters=params, kernel_name=KERNEL,
                                cwd=str(nb.parent), progress_bar=False, log_output=False, **how)
            entry["status"] = "ok"
            if spec is not None:
                entry["outputs"] = incremental.table_hashes(spec.writes, processed_dir, table_files(processed_dir))
                with lock:
                    incremental.record(processed_dir, nb.name, entry)
        except (Exception, KeyboardInterrupt) as exc:  # papermill raises PapermillExecutionError
            entry["status"] = "interrupted" if isinstance(exc, (Interrupted, KeyboardInterrupt)) else "failed"
            entry["error"] = _error_summary(exc)
            with lock:
                incremental.record(processed_dir, nb.name, None)
        entry["duration_s"] = round(time.perf_counter() - t0, 2)
        entry["executed"] = _display(out)

    def begin(nb: Path, known: dict[str, str]) -> dict:
        entry = {"notebook": nb.name, "status": "running",
                 "inputs": {"notebook": _sha256(nb), "raw_dir": raw_digest,
                            "tables": {n: known[n] for n in map(_file_name, _reads(nb)) if n in known}}}
        entry["fingerprint"] = incremental.fingerprint(nb, params, _spec(nb), processed_dir, raw_digest, known)
        entry["known"] = known
        with lock:
            summary["notebooks"].append(entry)
            _write_json(run_json, summary)
        return entry

    def finish(nb: Path, entry: dict, before: dict[str, str]) -> None:
        """After ``nb`` ran or was skipped (in either kernel): record the tables it wrote — those its spec declares
        (with ``stage_errors``) whose files changed since it began; a table is vouched for only when the notebook
        that wrote it finished — then its CSV files, its page and, after the last table-writing notebook, the data
        exports, in the background. The hashes are taken and recorded under the lock, so the record of a table two
        notebooks update (``stage_errors``) is that of whichever recorded last, after its last write."""
        spec = _spec(nb)
        owned = None if spec is None else {*map(_file_name, spec.writes), *(("stage_errors.parquet",) if spec.writes else ())}
        ok = entry["status"] == "ok"
        with lock:
            after = table_files(processed_dir) if entry["status"] != "skipped" else before
            changed = sorted(n for n in after if before.get(n) != after[n] and (owned is None or n in owned)) \
                if entry["status"] != "skipped" else []
            for name in changed:
                if ok:
                    summary["tables"][name] = {"sha256": after[name], "notebook": nb.name,
                                               "run_started": summary["started"], "raw_dir": raw_digest}
                else:
                    summary["tables"].pop(name, None)
            entry["wrote"] = changed
            _write_json(run_json, summary)
            if entry["status"] not in ("ok", "skipped"):
                return
            last = nb.name in writers_left and len(writers_left) == 1  # the tables are final now
            writers_left.discard(nb.name)
        tables_final = last
        if ahead is not None and changed and ok:  # its tables' CSV files now, not after the last table is written
            ahead.tables([n[:-len(".parquet")] for n in changed if n.endswith(".parquet")], after)
        _report_ahead(ahead, executed_dir / nb.name, tables_final, processed_dir, previous)

    lane = _Lane(notebooks, execute, begin, finish, processed_dir, fresh_kernels,
                 kernels.lane if kernels is not None else None) if overlap else None
    old_handlers = {s: signal.signal(s, _on_signal) for s in (signal.SIGTERM,)}
    main_lane = [nb for nb in notebooks if not (lane and lane.takes(nb))]
    bar = tqdm(main_lane, unit="notebook", file=sys.stderr, disable=None)
    failed = None
    try:
        if lane:
            lane.submit_ready()
        for nb in bar:
            bar.set_description(nb.stem)
            if lane and not lane.wait_for(nb):  # what it reads from the second kernel's notebooks is final
                break
            before = table_files(processed_dir)
            entry = begin(nb, before)
            later = main_lane[main_lane.index(nb) + 1:]
            if lane and not fresh_kernels and nb == main_lane[0] and later and not skips(nb, entry):
                lane.run_first(nb, entry, kernel, later)  # the main kernel loads what the later ones need meanwhile
            else:
                execute(nb, entry, kernel)
            entry.pop("known", None)
            finish(nb, entry, before)
            if entry["status"] not in ("ok", "skipped"):
                failed = entry
                break
            if lane:
                lane.mark_done(nb)
                if lane.failed:
                    break
        if lane and not failed:
            lane.wait(kernel)  # the main kernel, idle now, takes figures the second one has not started
    except (Interrupted, KeyboardInterrupt) as exc:  # between notebooks
        failed = {"notebook": "(between notebooks)", "status": "interrupted", "error": _error_summary(exc),
                  "executed": ""}
    finally:
        bar.close()
        if lane:
            lane.close()
        if kernels is None:
            kernel.shutdown()
        elif (failed and failed["status"] == "interrupted") or sys.exc_info()[0] is not None:
            kernels.shutdown()  # kept kernels only when the run ended by itself
        if ahead is not None:
            ahead.wait()
        for s, h in old_handlers.items():
            signal.signal(s, h)
    failed = failed or (lane.failed if lane else None)
    for entry in summary["notebooks"]:  # a signal between a notebook's start and its execution ends it too
        if entry["status"] == "running":
            entry.pop("known", None)
            entry["status"] = failed["status"] if failed else "failed"
    summary["notebooks"].sort(key=lambda e: e["notebook"])  # the lane's notebooks may have finished earlier
    summary["status"] = failed["status"] if failed else "ok"
    summary["finished"] = _now()
    summary["stage_errors"], summary["stage_error_articles"] = _stage_errors(processed_dir, previous)
    whole = not failed and not only and not start
    table_keys = table_files(processed_dir) if whole or html else None  # hashed once, only when used
    if whole:  # a whole run: say what changed since the previous one
        diff = changes.write(processed_dir, reports_dir, table_keys=table_keys)
        summary["changes"] = {k: len(v) for k, v in diff.items() if isinstance(v, list)} or "first run"
    if html:
        from helpers.run import reports
        published = [executed_dir / e["notebook"] for e in summary["notebooks"] if e["status"] in ("ok", "skipped")]
        # CSV, SQLite and explorer depend on the tables only: kept when the last export was of these very tables
        summary["exports"] = {"tables": table_keys, "code": incremental.code_version(),
                              "pages": [p.stem for p in published]}
        same = (summary["exports"] in ((previous or {}).get("exports"), ahead.data_key)
                and (reports_dir / "warclaims.sqlite").exists())
        index = reports.build_reports(reports_dir, published, summary, show_code=show_code,
                                      processed_dir=processed_dir, data_exports=not same, table_keys=table_keys)
        summary["index"] = _display(Path(index))
    _write_json(run_json, summary)
    if failed:
        log(f"pipeline {failed['status']} in {failed['notebook']}: {failed['error']}\n"
            f"  executed copy with the traceback: {failed['executed']}", file=sys.stderr)
    else:
        total = sum(e["duration_s"] for e in summary["notebooks"])
        ran = sum(e["status"] == "ok" for e in summary["notebooks"])
        log(f"pipeline ok: {ran} notebook(s) run in {total:.1f} s, {len(summary['notebooks']) - ran} skipped "
            f"(inputs unchanged); "
            f"tables in {_display(processed_dir)}, reports in {_display(reports_dir)}")
    return summary


def _report_ahead(ahead: ReportsAhead | None, executed: Path, tables_final: bool, processed_dir: Path,
                  previous: dict | None) -> None:
    """After a notebook finished (or was skipped): its HTML page in the background, and — when no later notebook
    writes tables — the data exports, unless the last run's were made from the same tables, code and pages."""
    if ahead is None:
        return
    if tables_final:  # the exports first: the last thing a run waits for, while this page can wait for the figures
        key = {"tables": table_files(processed_dir), "code": incremental.code_version(), "pages": ahead.pages}
        if key != (previous or {}).get("exports"):
            ahead.data(key)
    ahead.page(executed)


def _stage_errors(processed_dir: Path, previous: dict | None = None) -> tuple[int | None, dict[str, list[str]]]:
    """Rows of the ``stage_errors`` table (per-article failures; each notebook replaces its own rows, so a
    skipped notebook's failures stay recorded) and, per stage, the articles affected. When the table is the one the
    previous run recorded (same SHA-256) its figures are taken from that run's ``run.json``: a no-op reads no table
    (reading this one imported pyarrow and pandas, 0.25 s)."""
    path = processed_dir / "stage_errors.parquet"
    if not path.exists():
        return None, {}
    prev = previous or {}
    recorded = ((prev.get("tables") or {}).get(path.name) or {}).get("sha256")
    if (recorded is not None and prev.get("status") == "ok" and isinstance(prev.get("stage_errors"), int)
            and isinstance(prev.get("stage_error_articles"), dict) and recorded == _sha256(path)):
        return prev["stage_errors"], prev["stage_error_articles"]
    import pyarrow.parquet as pq
    rows = pq.read_table(path).to_pandas()
    return len(rows), {stage: sorted(set(g.article_id)) for stage, g in rows.groupby("stage", sort=True)}


def _run_options(p: argparse.ArgumentParser, watch: bool = False) -> None:
    """The options ``run`` and ``watch`` share (``watch`` rebuilds whole runs: no --only/--from/--force, and its
    kernels are the point of it: no --fresh-kernels)."""
    p.add_argument("--raw-dir", type=Path, default=paths.RAW_DIR, help="folder (or file) of raw articles [data/raw]")
    p.add_argument("--processed-dir", type=Path, default=paths.PROCESSED_DIR, help="where tables are written [data/processed]")
    p.add_argument("--reports-dir", type=Path, default=paths.REPORTS_DIR, help="executed notebooks, run.json, HTML, figures [reports]")
    if not watch:
        p.add_argument("--only", action="append", metavar="NN", help="run only notebook NN (repeatable)")
        p.add_argument("--from", dest="start", metavar="NN", help="run notebook NN and all after it")
    p.add_argument("--show-code", action="store_true", help="include code cells in the HTML reports (hidden by default)")
    p.add_argument("--no-html", action="store_true", help="skip the HTML export")
    if not watch:
        p.add_argument("--force", nargs="*", metavar="NN", default=None,
                       help="re-run notebooks even if their inputs are unchanged (all, or the numbers given); with "
                            "--only/--from also use tables in --processed-dir that run.json does not vouch for")
        p.add_argument("--fresh-kernels", action="store_true",
                       help="start a new kernel for every notebook (default: one kernel per run, cleared between "
                            "notebooks)")
    p.add_argument("--sequential", action="store_true",
                   help="run the notebooks one at a time (default: those that need no spaCy model — the figures, "
                        "and 05, which reads no parsed docs — run in a second kernel as soon as the tables they read "
                        "are final, beside the others)")
    p.add_argument("--workers", type=int, metavar="N", default=None,
                   help="processes for the spaCy parse and the per-article stages 03, 04, 06 (forked workers) [all "
                        "cores]; tables are identical whatever N; --workers 1 keeps 03/04/06 in the kernel")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="run the parse and the per-article stages in the kernel and its worker processes (local) "
                        "or on dask.distributed [local]")
    p.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: an existing scheduler "
                   "(tcp://host:8786); without it a LocalCluster of --workers processes is started")


def build_parser() -> argparse.ArgumentParser:
    prog = "warclaims" if Path(sys.argv[0]).name == "warclaims" else "python -m helpers.pipeline"
    ap = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n\n")[0])
    ap.add_argument("--version", action="version", version=f"warclaims {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="run the numbered notebooks in order")
    w = sub.add_parser("watch", help="run now, then again whenever the raw folder changes, kernels kept warm between "
                       "runs (helpers.run.watch)")
    for p in (r, w):
        _run_options(p, watch=p is w)
    w.add_argument("--interval", type=float, default=2.0, metavar="S",
                   help="seconds between two looks at the raw folder; a change is acted on once it held still for "
                        "one interval [2]")
    w.add_argument("--renew-every", type=int, default=50, metavar="N",
                   help="start the kernels afresh after N runs in them (0: never) [50]")
    w.add_argument("--max-runs", type=int, default=None, metavar="N", help="stop after N rebuilds [never]")
    sub.add_parser("list", help="list the pipeline's notebooks")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "list":
        for nb in discover():
            print(nb.name)
        return 0
    if args.command == "watch":
        from helpers.run import watch

        return watch.main(args)
    if args.only and args.start:
        raise SystemExit("error: use either --only or --from, not both")
    summary = run(args.raw_dir.resolve(), args.processed_dir.resolve(), args.reports_dir.resolve(),
                  only=args.only, start=args.start, show_code=args.show_code, html=not args.no_html,
                  force=args.force, workers=args.workers, engine=args.engine, scheduler=args.scheduler,
                  fresh_kernels=args.fresh_kernels, overlap=not args.sequential)
    return 0 if summary["status"] == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
