"""The per-province batch: the profile notebook once per province with papermill, N at a time, each
rendered to a self-contained HTML page, and an ``index.html`` that links them.

``run_batch(...)`` returns the list of :class:`Outcome`; a province whose run fails does not stop the
others: its partial notebook is kept, the index says what failed, and the caller exits non-zero.
Files appear only complete: each is written to a temporary name in the output folder and renamed.

Speed. Every province still gets a fresh kernel, but kernels are started ahead of need by a
:class:`KernelPool`, which also runs the notebook's heavy imports (pandas, matplotlib, helpers) in them
while the previous province executes. A kernel is used for one province and shut down. Provinces run
in threads (the work happens in the kernels, which are separate processes), so the batch pays the
start-up of Python and papermill once, not once per province.
"""
from __future__ import annotations

import html
import os
import queue
import re
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from .compare import ParameterError, load_tables, resolve_province_parameter
from .notebooks import KERNEL, NOTEBOOK_DIR
from .places import ascii_fold
from .render import page
from .tables import stage_text

PROFILE_NOTEBOOK = NOTEBOOK_DIR / "03_province_profile.ipynb"
# Run in each kernel before it is handed to a province: only imports, which change no output.
WARM_UP = "import pandas, matplotlib.pyplot, helpers.compare, helpers.plots"


def _shutdown(manager) -> None:
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
        from jupyter_client import KernelManager

        manager = KernelManager(kernel_name=self._kernel_name)
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
        except Exception as failure:  # handed on: the province that takes it reports the failure
            manager = failure
        if self._stop.is_set() and not isinstance(manager, Exception):
            _shutdown(manager)
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
        """Stop warming and kill every kernel started (Ctrl-C): running provinces then fail fast."""
        self._stop.set()
        with self._lock:
            managers = list(self._live)
        for manager in managers:
            _shutdown(manager)

    def close(self, wait: bool = True) -> None:
        """Stop warming; shut down kernels that were started but never taken."""
        self._stop.set()
        for _ in self._warmers:  # let blocked warmers through so that they see the stop
            self._room.release()
        for thread in self._warmers if wait else []:
            thread.join(timeout=60)
        while not self._ready.empty():
            manager = self._ready.get_nowait()
            if not isinstance(manager, Exception):
                _shutdown(manager)


@dataclass
class Outcome:
    province: str
    slug: str
    ok: bool
    summary: str
    error: str = ""


def slugify(name: str) -> str:
    """A file name safe on every common file system: ``TP. Hồ Chí Minh`` → ``tp-ho-chi-minh``."""
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_fold(name)).strip("-")[:60].strip("-")
    return slug or "province"


def choose_provinces(requested: str, panel_provinces: list[str]) -> list[str]:
    """``all`` → every province in the panel; else comma-separated names or codes, each checked."""
    if requested.strip().lower() == "all":
        return sorted(set(panel_provinces))
    names = [resolve_province_parameter(part) for part in requested.split(",") if part.strip()]
    if not names:
        raise ParameterError("--provinces needs `all` or at least one province name.")
    absent = [n for n in names if n not in panel_provinces]
    if absent:
        raise ParameterError(f"no figures for {', '.join(absent)} in the processed tables; provinces with figures: "
                             f"{', '.join(sorted(set(panel_provinces))) or 'none'}.")
    return sorted(set(names))


def _atomic_write(path: Path, text: str) -> None:
    tmp = stage_text(path.parent, path.name, text)
    try:
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _summary(tables, province: str) -> str:
    panel = tables.panel[tables.panel["province"] == province]
    periods = sorted(set(panel["period_start"].str[:4]))
    n_reports = int((tables.reports["province"] == province).sum())
    return (f"{n_reports} report{'s' if n_reports != 1 else ''}, {panel['metric'].nunique()} metrics, "
            f"{'–'.join(dict.fromkeys([periods[0], periods[-1]])) if periods else 'no period'}")


def run_one(province: str, slug: str, processed_dir: str, out_dir: str, manager) -> str:
    """Execute the profile notebook for one province and render it; return "" or the error message.

    ``manager`` is a started kernel manager (from :class:`KernelPool`); it is shut down afterwards.
    """
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from .render import notebook_to_html

    out = Path(out_dir)
    handle, tmp_ipynb = tempfile.mkstemp(prefix=f".{slug}.", suffix=".ipynb", dir=out)
    os.close(handle)
    error = ""
    try:
        try:
            papermill.execute_notebook(str(PROFILE_NOTEBOOK), tmp_ipynb, km=manager,
                                       parameters={"province": province, "processed_dir": processed_dir},
                                       kernel_name=KERNEL, progress_bar=False, log_output=False,
                                       request_save_on_cell_execute=False, execution_timeout=600)
        except PapermillExecutionError as failure:
            error = f"{failure.ename}: {failure.evalue}"
        except Exception as failure:  # a kernel that died, a timeout: reported, never fatal to the batch
            error = f"{type(failure).__name__}: {failure}"
        finally:
            _shutdown(manager)
        if os.path.getsize(tmp_ipynb):
            executed = nbformat.read(tmp_ipynb, as_version=4)
            os.replace(tmp_ipynb, out / f"{slug}.ipynb")
            if not error:
                _atomic_write(out / f"{slug}.html", notebook_to_html(
                    executed, f"{province}: office profile",
                    "Generated by vn-office-reports from the processed tables; every figure links to its sentence."))
    finally:
        if os.path.exists(tmp_ipynb):
            os.unlink(tmp_ipynb)
    return error


def _run_with_pool(pool: KernelPool, province: str, slug: str, processed_dir: str, out_dir: str) -> str:
    try:
        manager = pool.take()
    except Exception as failure:
        return f"kernel did not start: {type(failure).__name__}: {failure}"
    return run_one(province, slug, processed_dir, out_dir, manager)


def _remove_temporary(out_dir: Path, slugs) -> None:
    """Delete the temporary files of interrupted provinces (their final files are never half-written)."""
    import time

    time.sleep(0.5)  # let threads whose kernel was just killed reach their own clean-up
    for slug in slugs:
        for path in out_dir.glob(f".{slug}.*"):
            path.unlink(missing_ok=True)
    for path in out_dir.glob(".index.html.*"):
        path.unlink(missing_ok=True)


def write_index(out_dir: Path, outcomes: list[Outcome]) -> Path:
    """``index.html``: one line per province, a link to its report or what failed."""
    rows = []
    for outcome in sorted(outcomes, key=lambda o: o.province):
        name = html.escape(outcome.province)
        if outcome.ok:
            cell = f'<a href="{html.escape(outcome.slug)}.html">{name}</a>'
            status = "ok"
        else:
            cell = f'{name} (<a href="{html.escape(outcome.slug)}.ipynb">partial notebook</a>)'
            status = f'<span class="error">failed: {html.escape(outcome.error)}</span>'
        rows.append(f"<tr><td>{cell}</td><td>{html.escape(outcome.summary)}</td><td>{status}</td></tr>")
    failed = sum(not o.ok for o in outcomes)
    body = ("<h1>Provincial office profiles</h1>"
            f"<p>{len(outcomes)} province{'s' if len(outcomes) != 1 else ''}, {failed} failed. Each page is one "
            "self-contained file that opens offline.</p>"
            "<table><thead><tr><th>province</th><th>summary</th><th>status</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")
    path = out_dir / "index.html"
    _atomic_write(path, page("Provincial office profiles", body))
    return path


def run_batch(provinces: str, processed_dir: Path, out_dir: Path, jobs: int = 2, progress: bool = True) -> list[Outcome]:
    """Run the profile of each chosen province, ``jobs`` at a time; write the pages and the index."""
    if jobs < 1:
        raise ParameterError("--jobs must be 1 or more.")
    tables = load_tables(processed_dir)
    chosen = choose_provinces(provinces, list(tables.panel["province"]))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ParameterError(f"cannot create the output folder {out_dir}: {error.strerror}.") from None
    slugs = {province: slugify(province) for province in chosen}
    outcomes: list[Outcome] = []
    from tqdm import tqdm

    workers = min(jobs, max(len(chosen), 1))
    pool = KernelPool(total=len(chosen), ahead=workers, cwd=PROFILE_NOTEBOOK.parent)
    todo: queue.Queue = queue.Queue()
    for province in chosen:
        todo.put(province)
    done: queue.Queue = queue.Queue()
    stop = threading.Event()
    processed = str(processed_dir.resolve())

    def work() -> None:
        while not stop.is_set():
            try:
                province = todo.get_nowait()
            except queue.Empty:
                return
            done.put((province, _run_with_pool(pool, province, slugs[province], processed, str(out_dir))))

    # Daemon threads: on Ctrl-C the process must not wait for a papermill call whose kernel was killed.
    threads = [threading.Thread(target=work, name=f"province-{i}", daemon=True) for i in range(workers)]
    for thread in threads:
        thread.start()
    try:
        with tqdm(total=len(chosen), desc="provinces", unit="province", disable=not progress) as bar:
            for _ in chosen:
                province, error = done.get()
                outcomes.append(Outcome(province, slugs[province], not error, _summary(tables, province), error))
                bar.update()
    except KeyboardInterrupt:
        stop.set()
        pool.kill_all()
        pool.close(wait=False)
        _remove_temporary(out_dir, slugs.values())
        raise
    pool.close()
    write_index(out_dir, outcomes)
    return outcomes
