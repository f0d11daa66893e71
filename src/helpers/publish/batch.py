"""The site batch: every page of ``reports/`` from the processed tables, with papermill, N at a time.

Pages: one profile per province (notebook 03), the comparison (notebook 02), the cleaning record
(notebook 01 on the existing tables: the extraction is not run again), and ``index.html`` (written
here, :mod:`helpers.publish.site`). ``run_batch(...)`` returns one :class:`Outcome` per notebook page.

Incremental: a page whose key (:mod:`helpers.publish.cache`: notebook, code, parameters, the data it
shows) is the one recorded in the manifest, and whose HTML file is untouched, is not rendered again.

A page whose run fails does not stop the others: its partial notebook is kept, the index says what
failed, and the caller exits non-zero. Files appear only complete: each is written to a temporary name
in the output folder and renamed.

Speed. Every page gets a fresh kernel, but kernels are started ahead of need by a
:class:`~helpers.publish.kernels.KernelPool`, which also runs the notebooks' heavy imports in them while
the previous page executes. Pages run in threads (the work happens in the kernels, which are separate
processes), so the batch pays the start-up of Python and papermill once, not once per page.
"""
from __future__ import annotations

import os
import queue
import re
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..compare import ParameterError, Tables, load_tables, resolve_province_parameter
from ..notebooks import KERNEL, NOTEBOOK_DIR
from ..places import ascii_fold
from ..tables import output_mode, replace_text
from . import cache
from .i18n import DEFAULT_LANGUAGE, check_language, say
from .kernels import KernelPool, shutdown
from .layout import RESERVED_NAMES

PROFILE_NOTEBOOK = NOTEBOOK_DIR / "03_province_profile.ipynb"
COMPARE_NOTEBOOK = NOTEBOOK_DIR / "02_compare_provinces.ipynb"
CLEANING_NOTEBOOK = NOTEBOOK_DIR / "01_clean_reports.ipynb"


@dataclass
class Page:
    """A notebook page of the site: ``name`` is its file stem (``<name>.html``, ``<name>.ipynb``)."""
    name: str
    notebook: Path
    parameters: dict
    title: str
    active: str  # its item in the menu
    province: str = ""  # for a province page
    data: str = field(default="", repr=False)  # the slice of the tables it shows (see cache)


@dataclass
class Outcome:
    province: str  # the province, or "" for a page that summarises all
    slug: str  # the page's file stem
    ok: bool
    summary: str
    error: str = ""
    cached: bool = False  # True: the page was up to date and was not rendered again


def slugify(name: str) -> str:
    """A file name safe on every common file system: ``TP. Hồ Chí Minh`` → ``tp-ho-chi-minh``."""
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_fold(name)).strip("-")[:60].strip("-")
    return slug or "province"


def province_slug(name: str) -> str:
    """``slugify``, kept clear of the site's own page names."""
    slug = slugify(name)
    return f"{slug}-province" if slug in RESERVED_NAMES else slug


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


def atomic_write(path: Path, text: str) -> None:
    """``path`` replaced whole by ``text`` (see :func:`tables.replace_text`)."""
    replace_text(path, text)


def write_if_changed(path: Path, text: str) -> None:
    """``atomic_write`` unless ``path`` already holds exactly ``text`` (a re-run then touches nothing)."""
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except (OSError, UnicodeDecodeError):
        pass
    atomic_write(path, text)


def plan_pages(tables: Tables, provinces: list[str], processed_dir: str, lang: str) -> list[Page]:
    """The notebook pages to make: one per province, then the comparison and the cleaning record."""
    pages = [Page(province_slug(p), PROFILE_NOTEBOOK, {"province": p, "processed_dir": processed_dir, "lang": lang},
                  say("profile_title", lang, province=p), "provinces", province=p,
                  data=cache.province_slice(tables, p)) for p in provinces]
    everything = cache.all_tables(tables)
    pages.append(Page("compare", COMPARE_NOTEBOOK, {"processed_dir": processed_dir, "lang": lang},
                      say("compare_title", lang), "compare", data=everything))
    pages.append(Page("cleaning", CLEANING_NOTEBOOK, {"processed_dir": processed_dir, "run_extraction": False,
                                                      "lang": lang}, say("cleaning_title", lang), "cleaning",
                      data=everything))
    return pages


def run_one(page: Page, out_dir: str, lang: str, manager) -> str:
    """Execute ``page``'s notebook and render it; return "" or the error message.

    ``manager`` is a started kernel manager (from :class:`KernelPool`); it is shut down afterwards.
    """
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from .render import notebook_to_html

    out = Path(out_dir)
    handle, tmp_ipynb = tempfile.mkstemp(prefix=f".{page.name}.", suffix=".ipynb", dir=out)
    os.fchmod(handle, output_mode())  # the executed notebook is shared like the page, not private (0600)
    os.close(handle)
    error = ""
    try:
        try:
            papermill.execute_notebook(str(page.notebook), tmp_ipynb, km=manager, parameters=page.parameters,
                                       kernel_name=KERNEL, progress_bar=False, log_output=False,
                                       request_save_on_cell_execute=False, execution_timeout=600)
        except PapermillExecutionError as failure:
            error = f"{failure.ename}: {failure.evalue}"
        except Exception as failure:  # a kernel that died, a timeout: reported, never fatal to the batch
            error = f"{type(failure).__name__}: {failure}"
        finally:
            shutdown(manager)
        if os.path.getsize(tmp_ipynb):
            executed = nbformat.read(tmp_ipynb, as_version=4)
            os.replace(tmp_ipynb, out / f"{page.name}.ipynb")
            if not error:
                atomic_write(out / f"{page.name}.html", notebook_to_html(executed, page.title, lang, page.active))
    finally:
        if os.path.exists(tmp_ipynb):
            os.unlink(tmp_ipynb)
    return error


def _run_with_pool(pool: KernelPool, page: Page, out_dir: str, lang: str) -> str:
    try:
        manager = pool.take()
    except Exception as failure:
        return f"kernel did not start: {type(failure).__name__}: {failure}"
    return run_one(page, out_dir, lang, manager)


def _remove_temporary(out_dir: Path, names) -> None:
    """Delete the temporary files of interrupted pages (their final files are never half-written)."""
    import time

    time.sleep(0.5)  # let threads whose kernel was just killed reach their own clean-up
    for name in names:
        for path in out_dir.glob(f".{name}.*"):
            path.unlink(missing_ok=True)
    for path in list(out_dir.glob(".index.html.*")) + list(out_dir.glob(f".{cache.MANIFEST_NAME}.*")):
        path.unlink(missing_ok=True)


def _render(pages: list[Page], out_dir: Path, lang: str, jobs: int, progress: bool) -> dict[str, str]:
    """Render ``pages`` ``jobs`` at a time; page name → "" or its error."""
    from tqdm import tqdm

    if not pages:
        return {}
    workers = min(jobs, len(pages))
    pool = KernelPool(total=len(pages), ahead=workers, cwd=NOTEBOOK_DIR)
    todo: queue.Queue = queue.Queue()
    for page in pages:
        todo.put(page)
    done: queue.Queue = queue.Queue()
    stop = threading.Event()

    def work() -> None:
        while not stop.is_set():
            try:
                page = todo.get_nowait()
            except queue.Empty:
                return
            done.put((page.name, _run_with_pool(pool, page, str(out_dir), lang)))

    # Daemon threads: on Ctrl-C the process must not wait for a papermill call whose kernel was killed.
    threads = [threading.Thread(target=work, name=f"page-{i}", daemon=True) for i in range(workers)]
    for thread in threads:
        thread.start()
    errors: dict[str, str] = {}
    try:
        with tqdm(total=len(pages), desc="pages", unit="page", disable=not progress) as bar:
            for _ in pages:
                name, error = done.get()
                errors[name] = error
                bar.update()
    except KeyboardInterrupt:
        stop.set()
        pool.kill_all()
        pool.close(wait=False)
        _remove_temporary(out_dir, [p.name for p in pages])
        raise
    pool.close()
    return errors


def run_batch(provinces: str, processed_dir: Path, out_dir: Path, jobs: int = 2, progress: bool = True,
              lang: str = DEFAULT_LANGUAGE) -> list[Outcome]:
    """Make the site in ``out_dir``: the pages whose key changed, then the index; one Outcome per page."""
    from .site import province_summary, write_index

    lang = check_language(lang)
    if jobs < 1:
        raise ParameterError("--jobs must be 1 or more.")
    tables = load_tables(processed_dir)
    chosen = choose_provinces(provinces, list(tables.panel["province"]))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ParameterError(f"cannot create the output folder {out_dir}: {error.strerror}.") from None
    pages = plan_pages(tables, chosen, str(Path(processed_dir).resolve()), lang)
    manifest = cache.Manifest(out_dir)
    code = cache.code_fingerprint()
    keys = {page.name: cache.page_key(page.notebook, page.parameters, page.data, code) for page in pages}
    stale = [page for page in pages if not manifest.is_fresh(page.name, keys[page.name], out_dir / f"{page.name}.html")]
    errors = _render(stale, out_dir, lang, jobs, progress)
    outcomes = []
    for page in pages:
        error = errors.get(page.name, "")
        if page.name in errors and not error:
            manifest.record(page.name, keys[page.name], out_dir / f"{page.name}.html")
        elif error:
            manifest.forget(page.name)
        summary = province_summary(tables, page.province, lang) if page.province else ""
        outcomes.append(Outcome(page.province, page.name, not error, summary, error, cached=page.name not in errors))
    if provinces.strip().lower() == "all":  # pages of provinces no longer in the data go
        current = {page.name for page in pages}
        for name in [n for n in manifest.pages if n not in current]:
            manifest.forget(name)
            for suffix in (".html", ".ipynb"):
                (out_dir / f"{name}{suffix}").unlink(missing_ok=True)
    write_index(out_dir, outcomes, tables, lang)
    write_if_changed(manifest.path, manifest.text())
    return outcomes
