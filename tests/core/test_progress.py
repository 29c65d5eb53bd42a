"""Progress bars: shown interactively, never in executed notebooks, on the terminal of a pipeline's kernel."""
from __future__ import annotations

import os

from helpers.core import progress


class _KernelStream:
    """Stands in for ipykernel's OutStream: fd 2 goes to the notebook, the original stderr's copy is kept."""

    def __init__(self, fd):
        self._original_stdstream_copy = fd

    def fileno(self):
        return self._original_stdstream_copy


def test_quiet_mode_outside_a_kernel_gives_the_iterable_back(monkeypatch):
    monkeypatch.setenv("WARCLAIMS_NO_PROGRESS", "1")
    items = [1, 2, 3]
    assert progress.progress(items, desc="parse") is items
    assert progress.kernel_console() is None  # pytest's stderr is no ipykernel stream


def _read_available(fd, settle: float = 2.0) -> str:
    """What the pty holds: Linux hands a pty's output to its reader from a kernel worker, so one read straight
    after the writes may see only part of it under load; read until nothing more arrives for a moment."""
    import select

    chunks = []
    while select.select([fd], [], [], settle if not chunks else 0.2)[0]:
        chunks.append(os.read(fd, 4096))
    return b"".join(chunks).decode()


def test_quiet_kernel_writes_its_bar_to_its_terminal_only(monkeypatch):
    monkeypatch.setenv("WARCLAIMS_NO_PROGRESS", "1")
    leader, follower = os.openpty()
    monkeypatch.setattr("sys.stderr", _KernelStream(follower))
    assert list(progress.progress(range(3), desc="parse", total=3, unit="article")) == [0, 1, 2]
    written = _read_available(leader)
    assert "parse" in written and "/3" in written
    os.close(leader)
    os.close(follower)


def test_quiet_kernel_without_a_terminal_writes_nothing(monkeypatch, tmp_path):
    monkeypatch.setenv("WARCLAIMS_NO_PROGRESS", "1")
    with open(tmp_path / "log", "w") as log:
        monkeypatch.setattr("sys.stderr", _KernelStream(log.fileno()))
        items = ["a"]
        assert progress.progress(items) is items
    assert (tmp_path / "log").read_text() == ""
