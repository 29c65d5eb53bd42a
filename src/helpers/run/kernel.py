"""The kernel manager the pipeline starts notebook kernels with: IPC transport, so kernels run without the
"Kernel is running over TCP without encryption" warning (sockets live in a private temp folder), and no IPython
history: every kernel on the machine shares one history database, and two writing at once printed "ERROR!
Session/line number was not unique in database" into whichever notebook cell was running."""
from __future__ import annotations

import os
import shutil
import tempfile

from jupyter_client.manager import KernelManager


class QuietKernelManager(KernelManager):
    """A :class:`KernelManager` on the IPC transport, its sockets in a fresh private directory."""

    def __init__(self, **kwargs):
        kwargs.setdefault("transport", "ipc")
        if kwargs["transport"] == "ipc" and "ip" not in kwargs:
            self._socket_dir = tempfile.mkdtemp(prefix="warclaims-kernel-")
            kwargs["ip"] = os.path.join(self._socket_dir, "kernel")
        super().__init__(**kwargs)

    def format_kernel_cmd(self, extra_arguments=None):
        return super().format_kernel_cmd(list(extra_arguments or []) + ["--HistoryManager.enabled=False"])

    def cleanup_resources(self, restart: bool = False) -> None:
        super().cleanup_resources(restart=restart)
        if not restart and getattr(self, "_socket_dir", None):
            shutil.rmtree(self._socket_dir, ignore_errors=True)
