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


ENGINE = "warclaims-warm"  # the papermill engine that runs a notebook on a kernel client already connected
SAVE_EVERY_S = 1.0  # while a notebook runs, its executed copy is written at most this often (and at its end)


def throttle_saves(nb_man, every_s: float = SAVE_EVERY_S) -> None:
    """Make papermill's execution manager ``nb_man`` write the executed copy at most once every ``every_s`` seconds
    while the notebook runs, and always when it ends. Papermill writes the whole notebook (copied, validated,
    JSON-encoded) before and after every cell, markdown cells included: 20–30 writes of a notebook whose outputs hold
    its tables and figures, 4–8 ms each, between one cell's end and the next one's start — about 0.1 s per notebook
    of the runner's time on a rebuild's critical path. The executed copy a notebook ends with is written as before
    (``notebook_complete``, then papermill's final write, or its write of a failed notebook); a notebook watched while
    it runs shows its progress at most ``every_s`` behind."""
    save = nb_man.save

    def throttled(**kwargs):
        if nb_man.end_time is None and (nb_man.now() - nb_man.last_save_time).total_seconds() < every_s:
            return None
        return save(**kwargs)

    nb_man.save = throttled


def register_engine() -> str:
    """Register (once) and name the papermill engine that executes a notebook through a given, already connected
    kernel client (``kc=``): papermill's own engine makes a client per notebook and waits for it to be ready —
    ``wait_for_ready`` drains the IOPub channel until 0.2 s pass without a message, so 0.2 s per notebook on top
    of nbclient's own set-up. With the client kept for the kernel's life (:class:`helpers.run.pipeline.SharedKernel`)
    a notebook costs only its cells' round trips. Everything else is papermill's ``nbclient`` engine."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, logger, papermill_engines
    from papermill.utils import merge_kwargs, remove_args

    if ENGINE in papermill_engines._engines:
        return ENGINE

    class WarmClientEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None,
                                     stderr_file=None, start_timeout=60, execution_timeout=None, kc=None, **kwargs):
            throttle_saves(nb_man)
            kwargs = remove_args(["input_path"], **kwargs)
            safe_kwargs = remove_args(["timeout", "startup_timeout"], **kwargs)
            final_kwargs = merge_kwargs(
                safe_kwargs, timeout=execution_timeout if execution_timeout else kwargs.get("timeout"),
                startup_timeout=start_timeout, kernel_name=kernel_name, log=logger, log_output=log_output,
                stdout_file=stdout_file, stderr_file=stderr_file)
            client = PapermillNotebookClient(nb_man, **final_kwargs)
            client.kc = kc  # connected and ready: nbclient neither makes nor stops a client of its own (it does
            return client.execute()  # not own the kernel manager)

    papermill_engines.register(ENGINE, WarmClientEngine)
    return ENGINE
