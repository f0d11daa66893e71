"""Kernels for the batch: started ahead of need, warmed up with the notebooks' imports, started quietly.

Quiet: a kernel started over TCP prints "Kernel is running over TCP without encryption" on the batch's
standard error, once per page. The kernels here talk to the batch over IPC (Unix sockets in a private
folder, 0700), which is both the remedy that warning asks for and silent; no warning is filtered.
"""
from __future__ import annotations

import itertools
import queue
import shutil
import tempfile
import threading
from pathlib import Path

from ..notebooks import KERNEL, quiet_kernel_manager

# Run in each kernel before it is handed to a page: only imports, which change no output.
WARM_UP = "import pandas, matplotlib.pyplot, helpers.compare, helpers.plots, helpers.publish.profile"


def shutdown(manager) -> None:
    """Kill a kernel if it is still there (it may have died or been killed already)."""
    try:
        if manager.has_kernel:
            manager.shutdown_kernel(now=True)
    except Exception:  # already gone: nothing to stop
        pass


class KernelPool:
    """Start ``total`` kernels, at most ``ahead`` waiting at a time, each warmed up with ``WARM_UP``.

    ``take()`` hands out the next ready kernel manager; the caller shuts it down after one use.
    ``close()`` stops the warming and shuts down kernels that were never taken.
    """

    def __init__(self, total: int, ahead: int, cwd: Path, kernel_name: str = KERNEL):
        self._ready: queue.Queue = queue.Queue()
        self._live: list = []  # every manager started, so that an interrupt can stop them all
        self._lock = threading.Lock()
        self._room = threading.Semaphore(ahead)
        self._stop = threading.Event()
        self._cwd, self._kernel_name = str(cwd), kernel_name
        self._to_start = total
        # Short path: a Unix socket's path is limited to about 100 bytes.
        self._sockets = Path(tempfile.mkdtemp(prefix="vnk-"))
        self._numbers = itertools.count()
        # Daemon threads: an interrupted batch must not wait for a kernel that is still starting.
        self._warmers = [threading.Thread(target=self._warm_loop, name=f"warm-kernel-{i}", daemon=True)
                         for i in range(ahead)]
        for thread in self._warmers:
            thread.start()

    def _warm_loop(self) -> None:
        while not self._stop.is_set():
            with self._lock:
                if self._to_start == 0:
                    return
                self._to_start -= 1
            self._warm_one()

    def _warm_one(self) -> None:
        self._room.acquire()
        if self._stop.is_set():
            return
        folder = self._sockets / str(next(self._numbers))
        folder.mkdir()
        manager = quiet_kernel_manager(folder, self._kernel_name)
        with self._lock:
            self._live.append(manager)
        try:
            manager.start_kernel(cwd=self._cwd)
            client = manager.client()
            client.start_channels()
            try:
                client.wait_for_ready(timeout=120)
                client.execute_interactive(WARM_UP, timeout=300, output_hook=lambda _msg: None)
            finally:
                client.stop_channels()
        except Exception as failure:  # handed on: the page that takes it reports the failure
            manager = failure
        if self._stop.is_set() and not isinstance(manager, Exception):
            shutdown(manager)
            return
        self._ready.put(manager)

    def take(self):
        """The next warm kernel manager (blocks until one is ready); raises what its start raised."""
        while True:
            try:
                manager = self._ready.get(timeout=0.5)
                break
            except queue.Empty:
                if self._stop.is_set():
                    raise RuntimeError("the batch was stopped") from None
        self._room.release()
        if isinstance(manager, Exception):
            raise manager
        return manager

    def kill_all(self) -> None:
        """Stop warming and kill every kernel started (Ctrl-C): running pages then fail fast."""
        self._stop.set()
        with self._lock:
            managers = list(self._live)
        for manager in managers:
            shutdown(manager)

    def close(self, wait: bool = True) -> None:
        """Stop warming; shut down kernels that were started but never taken; remove the socket folder."""
        self._stop.set()
        for _ in self._warmers:  # let blocked warmers through so that they see the stop
            self._room.release()
        for thread in self._warmers if wait else []:
            thread.join(timeout=60)
        while not self._ready.empty():
            manager = self._ready.get_nowait()
            if not isinstance(manager, Exception):
                shutdown(manager)
        if wait:
            shutil.rmtree(self._sockets, ignore_errors=True)
