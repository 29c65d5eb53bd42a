"""Where per-article work runs: in this process and its forked worker processes (``local``, the default) or on a
Dask cluster (``dask``).

``pipeline run --engine dask [--scheduler ADDRESS] [--workers N]`` sets ``WARCLAIMS_ENGINE``,
``WARCLAIMS_SCHEDULER`` and ``WARCLAIMS_WORKERS`` for the kernels; a stage asks :func:`current` and, for ``dask``,
:func:`client` gives a ``dask.distributed`` client — connected to ``ADDRESS`` when given, else to a
``LocalCluster`` of ``WARCLAIMS_WORKERS`` single-threaded worker processes started once per process
(``WARCLAIMS_DASK_PROCESSES=0``: worker threads in this process, for tests). :func:`map_ordered` runs a function
over batches on the cluster and yields the results in input order, so tables are the same whichever engine made
them.

:class:`Runner` is what the one per-article guard (:func:`helpers.core.stage.per_article`) uses to run a stage's
function over batches of articles: in this process (one worker, or too few articles to be worth it), on
``workers`` forked processes (the local engine), or on the Dask cluster — the function sent once per stage call,
each batch's results (or each article's error) back in input order. Articles travel as bytes where a codec is
registered for their type (:func:`register_codec`: parsed docs, by :mod:`helpers.text.doccache`).
"""
from __future__ import annotations

import functools
import gc
import logging
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")
ENGINES = ("local", "dask")


def current() -> str:
    engine = os.environ.get("WARCLAIMS_ENGINE", "local") or "local"
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    return engine


@functools.lru_cache(maxsize=1)
def client():
    """A ``dask.distributed.Client`` for this process (the scheduler address, or a new LocalCluster)."""
    from dask.distributed import Client, LocalCluster

    address = os.environ.get("WARCLAIMS_SCHEDULER")
    if address:
        return Client(address)
    processes = os.environ.get("WARCLAIMS_DASK_PROCESSES", "1") != "0"
    main = sys.modules.get("__main__")
    if processes and main is not None and not hasattr(main, "__spec__"):
        # a kernel cleared between notebooks (%reset -f) has lost __main__.__spec__, which spawning the workers reads
        main.__spec__ = None
    cluster = LocalCluster(n_workers=workers(), threads_per_worker=1, processes=processes, dashboard_address=None)
    return Client(cluster)


def workers() -> int:
    """Processes for per-article work and the parse: ``WARCLAIMS_WORKERS`` (``pipeline run --workers N``), else every
    core."""
    try:
        return max(1, int(os.environ.get("WARCLAIMS_WORKERS", "") or os.cpu_count() or 1))
    except ValueError:
        return 1


def map_ordered(fn: Callable[[T], R], batches: Iterable[T], window: int = 64) -> Iterator[R]:
    """``fn(batch)`` for every batch on the Dask cluster, results in input order (at most ``window`` in flight)."""
    c = client()
    pending = []
    for batch in batches:
        pending.append(c.submit(fn, batch, pure=False))
        if len(pending) >= window:
            yield pending.pop(0).result()
    for fut in pending:
        yield fut.result()


def article_workers() -> int:
    """Processes for the per-article stages on the local engine: as for the parse, ``WARCLAIMS_WORKERS`` when set
    (``--workers N``), else every core (:func:`workers`). The forked workers inherit the stage's function and the
    articles of the call (copy-on-write: only an index range is sent; a lazy doc is built by the worker that computes
    it); a call with one batch runs in process. Measured with ``benchmarks/article_workers.py`` (03+04+06 on the 334
    war-news articles, cache off, alternating, quiet 2-core machine, load < 1): in process 15.3 / 14.5 s, two workers
    9.3 / 9.4 s (0.63), identical tables. On a machine whose second core is busy, two workers were 1.05–1.08× slower
    (load 13–15): set ``--workers 1`` there."""
    return workers()


# --- per-article work in batches: in process, on forked workers, or on the Dask cluster --------------------------

_CODECS: list[tuple[type, Callable, Callable]] = []
BATCH = 16  # articles per task


def register_codec(cls: type, encode: Callable[[object], bytes], decode: Callable[[bytes], object]) -> None:
    """Send items of type ``cls`` to workers as ``encode(item)``, rebuilt there by ``decode`` (a module-level
    function, so it pickles by reference)."""
    if not any(c is cls for c, _, _ in _CODECS):
        _CODECS.append((cls, encode, decode))


def _encode(item) -> tuple[Callable | None, object]:
    for cls, enc, dec in _CODECS:
        if isinstance(item, cls):
            return dec, enc(item)
    return None, item


def run_batch(fn: Callable, payloads: list, load: Callable | None = None) -> list[tuple[bool, object]]:
    """``fn`` on each encoded item (``load``: builds a lazy item first): ``(True, result)`` or
    ``(False, "Type: message")`` — one failure loses nothing."""
    out = []
    for decode, value in payloads:
        item = None
        try:
            item = decode(value) if decode is not None else value
            out.append((True, fn(load(item) if load is not None else item)))
        except Exception as exc:  # reported by the guard as that article's error
            out.append((False, f"{type(exc).__name__}: {exc}"))
        finally:
            if load is not None and callable(getattr(item, "release", None)):
                item.release()  # a built doc is not kept by the caller's list of lazy items
    return out


_FORKED: tuple | None = None  # (fn, load, items) of the Runner.map call whose workers were forked


def _run_forked(span: tuple[int, int]) -> list[tuple[bool, object]]:
    fn, load, items = _FORKED
    return run_batch(fn, [(None, item) for item in items[span[0]:span[1]]], load)


class Runner:
    """Runs one stage's ``fn`` over batches of items (see the module docstring); a context manager that shuts its
    worker processes down. ``parallel=False`` keeps everything in this process. ``load`` (e.g.
    :func:`helpers.core.stage.loaded`) builds an item's costly form before ``fn`` sees it: in process or in the forked
    worker that computes it; items are loaded before they are sent to a Dask cluster."""

    def __init__(self, fn: Callable, parallel: bool = True, n_workers: int | None = None, batch: int | None = None,
                 load: Callable | None = None):
        self.fn, self.batch, self.load = fn, batch or BATCH, load
        self.mode = "dask" if parallel and current() == "dask" else "local"
        self.n_workers = (n_workers or article_workers()) if parallel else 1
        self._fn_future = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self._fn_future is not None:
            self._fn_future.release()
        return False

    @property
    def in_process(self) -> bool:
        return self.mode == "local" and self.n_workers <= 1

    def map(self, items: list) -> list[tuple[bool, object]]:
        """``(ok, result or error)`` for each item, in order."""
        if self.in_process or (self.mode == "local" and len(items) <= self.batch):
            return run_batch(self.fn, [(None, item) for item in items], self.load)
        if self.mode == "dask":
            if self.load is not None:
                items = [self.load(it) for it in items]
            batches = [[_encode(it) for it in items[i:i + self.batch]] for i in range(0, len(items), self.batch)]
            c = client()
            if self._fn_future is None:  # the function (and what it closes over) sent once per stage call
                self._fn_future = c.scatter(self.fn, broadcast=True, hash=False)
            futures = [c.submit(run_batch, self._fn_future, b, pure=False) for b in batches]
            return [r for batch in c.gather(futures) for r in batch]
        return self._forked(items)

    def _forked(self, items: list) -> list[tuple[bool, object]]:
        """The items on ``n_workers`` processes forked for this call: they inherit the function and the items, and
        get index ranges (balanced: about four spans per worker); results come back in input order."""
        global _FORKED
        spans = min(len(items) // self.batch, 4 * self.n_workers)
        if spans < 2:  # one worker's worth: forking would only add its cost
            return run_batch(self.fn, [(None, item) for item in items], self.load)
        bounds = [round(i * len(items) / spans) for i in range(spans + 1)]
        _FORKED = (self.fn, self.load, items)
        gc.freeze()  # the collector in a worker would touch (so copy) every inherited object's page
        try:
            with ProcessPoolExecutor(min(self.n_workers, spans),
                                     mp_context=multiprocessing.get_context("fork")) as pool:
                results = list(pool.map(_run_forked, zip(bounds, bounds[1:])))
        finally:
            _FORKED = None
            gc.unfreeze()
        return [r for batch in results for r in batch]
