"""Where per-article work runs: in this process (``local``, the default) or on a Dask cluster (``dask``).

``pipeline run --engine dask [--scheduler ADDRESS]`` sets ``WARCLAIMS_ENGINE``/``WARCLAIMS_SCHEDULER`` for the
kernels; a stage asks :func:`current` and, for ``dask``, :func:`client` gives a ``dask.distributed`` client —
connected to ``ADDRESS`` when given, else to a ``LocalCluster`` of ``WARCLAIMS_WORKERS`` single-threaded worker
processes started once per process. :func:`map_ordered` runs a function over batches on the cluster and yields
the results in input order, so tables are the same whichever engine made them.
"""
from __future__ import annotations

import functools
import os
from typing import Callable, Iterable, Iterator, TypeVar

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
    workers = int(os.environ.get("WARCLAIMS_WORKERS", "") or os.cpu_count() or 1)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster)


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
