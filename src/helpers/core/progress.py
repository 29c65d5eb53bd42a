"""Progress bars for long work, quiet where output must be reproducible.

Interactive use (JupyterLab, a terminal) shows a tqdm bar. The pipeline, nbval
and ``make notebooks`` set ``WARCLAIMS_NO_PROGRESS=1`` so committed and
executed notebooks carry no volatile progress output; the pipeline CLI shows
its own bar over notebooks instead.
"""
from __future__ import annotations

import os
from typing import Iterable, TypeVar

T = TypeVar("T")


def enabled() -> bool:
    return os.environ.get("WARCLAIMS_NO_PROGRESS", "") in ("", "0", "false")


def progress(iterable: Iterable[T], desc: str = "", total: int | None = None, unit: str = "it") -> Iterable[T]:
    if not enabled():
        return iterable
    from tqdm.auto import tqdm  # widget bar in Jupyter, text bar in a terminal

    return tqdm(iterable, desc=desc, total=total, unit=unit, leave=False)
