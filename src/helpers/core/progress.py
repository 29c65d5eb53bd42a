"""Progress bars for long work, quiet where output must be reproducible.

Interactive use (JupyterLab, a terminal) shows a tqdm bar: a widget in JupyterLab, text on a console.
The pipeline, nbval and ``make notebooks`` set ``WARCLAIMS_NO_PROGRESS=1`` so committed and executed
notebooks carry no volatile progress output. A notebook kernel started by the pipeline from a terminal
still shows its bar there: it is written straight to the kernel's own stderr (the terminal the pipeline
runs in, one line under the pipeline's bar over notebooks), never into the notebook. When that stderr
is not a terminal (CI, cron, nbval under pytest's capture, a log file) nothing is written.
"""
from __future__ import annotations

import os
import sys
from typing import Iterable, TypeVar

T = TypeVar("T")


def enabled() -> bool:
    """Bars in the notebook / on the console (``WARCLAIMS_NO_PROGRESS`` unset)."""
    return os.environ.get("WARCLAIMS_NO_PROGRESS", "") in ("", "0", "false")


def kernel_console():
    """In a notebook kernel whose own stderr is a terminal: a text stream on that terminal, else None.

    ipykernel redirects file descriptor 2 into the notebook and keeps a copy of the original, which its
    ``sys.stderr.fileno()`` returns; writing to that copy reaches the terminal and not the notebook.
    """
    stream = sys.stderr
    if getattr(stream, "_original_stdstream_copy", None) is None:  # not an ipykernel stream
        return None
    try:
        fd = stream.fileno()
        if not os.isatty(fd):
            return None
        return os.fdopen(os.dup(fd), "w", buffering=1, encoding="utf-8", errors="replace")
    except (OSError, ValueError):
        return None


def progress(iterable: Iterable[T], desc: str = "", total: int | None = None, unit: str = "it") -> Iterable[T]:
    """``iterable`` with a progress bar where one may be shown (see the module docstring)."""
    if enabled():
        from tqdm.auto import tqdm  # widget bar in Jupyter, text bar in a terminal

        return tqdm(iterable, desc=desc, total=total, unit=unit, leave=False)
    console = kernel_console()
    if console is None:
        return iterable
    from tqdm import tqdm

    return _closing(tqdm(iterable, desc=desc, total=total, unit=unit, leave=False, file=console, position=1,
                         mininterval=0.5), console)


def _closing(bar, stream) -> Iterable:
    try:
        yield from bar
    finally:
        bar.close()
        stream.close()
