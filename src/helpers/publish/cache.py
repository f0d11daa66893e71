"""What a page depends on, as one key, and the manifest that remembers the key of every page written.

A page is rendered again only when its key changes. The key is a SHA-256 over:

- the notebook file that makes it (its bytes);
- the code it runs: every ``.py`` file of the ``helpers`` package, and the reference tables the pages
  read (``data/reference/*.csv``: catalogue, labels, gazetteer);
- its parameters (the language, the province, ...), but not the path of the processed folder, whose
  content is counted instead;
- the slice of the processed tables it shows: for a province, its reports, their facts, and the panel
  rows of every metric and period it states (the other provinces' rows too, since its charts show them);
  for the pages that summarise all provinces, every table.

The manifest (``site-manifest.json`` in the output folder) maps each page to its key and to the
SHA-256 of the HTML written, so that a page deleted or edited by hand is rendered again as well.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from ..compare import Tables

HELPERS_DIR = Path(__file__).resolve().parents[1]
REFERENCE_DIR = Path(__file__).resolve().parents[3] / "data" / "reference"
MANIFEST_NAME = "site-manifest.json"
# Parameters that name where the data is, not what it is: the data's content is in the key instead.
LOCATION_PARAMETERS = ("processed_dir", "raw_dir")


def _hash_files(paths, root: Path, digest) -> None:
    for path in sorted(paths):
        digest.update(str(path.relative_to(root)).encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")


def code_fingerprint(helpers_dir: Path = HELPERS_DIR, reference_dir: Path = REFERENCE_DIR) -> str:
    """SHA-256 of the helpers' source files and the reference tables."""
    digest = hashlib.sha256()
    _hash_files(helpers_dir.rglob("*.py"), helpers_dir, digest)
    if reference_dir.is_dir():
        _hash_files(reference_dir.glob("*.csv"), reference_dir, digest)
    return digest.hexdigest()


def _csv(frame: pd.DataFrame) -> str:
    return frame.to_csv(index=False, lineterminator="\n")


def province_slice(tables: Tables, province: str) -> str:
    """The rows a province page shows, as text: its reports, their facts, and the panel rows of every
    metric and period it states (its own and the other provinces')."""
    reports = tables.reports[tables.reports["province"] == province]
    facts = tables.facts[tables.facts["report_id"].isin(reports["report_id"])]
    own = tables.panel[tables.panel["province"] == province]
    keys = set(zip(own["metric"], own["period_start"], own["period_end"]))
    panel = tables.panel[[k in keys for k in zip(tables.panel["metric"], tables.panel["period_start"],
                                                  tables.panel["period_end"])]]
    return "\n".join(_csv(frame) for frame in (reports, facts, panel))


def all_tables(tables: Tables) -> str:
    """Every processed table as text (the pages that summarise all provinces read them all)."""
    return "\n".join(_csv(getattr(tables, name)) for name in ("reports", "facts", "panel", "rejected", "warnings"))


def page_key(notebook: Path, parameters: dict, data: str, code: str) -> str:
    """The key of a page: notebook bytes, code fingerprint, parameters (locations left out), data slice."""
    digest = hashlib.sha256()
    digest.update(hashlib.sha256(Path(notebook).read_bytes()).digest())
    digest.update(code.encode("ascii"))
    shown = {k: v for k, v in sorted(parameters.items()) if k not in LOCATION_PARAMETERS}
    digest.update(json.dumps(shown, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))
    digest.update(hashlib.sha256(data.encode("utf-8")).digest())
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Manifest:
    """The pages written into ``out_dir``: name → {"key": ..., "html": sha256 of the HTML file}."""

    def __init__(self, out_dir: Path):
        self.path = Path(out_dir) / MANIFEST_NAME
        try:
            self.pages: dict = json.loads(self.path.read_text(encoding="utf-8")).get("pages", {})
        except (OSError, ValueError, AttributeError):  # none yet, or unreadable: render everything
            self.pages = {}

    def is_fresh(self, name: str, key: str, html_path: Path) -> bool:
        """True when ``name`` was written with ``key`` and its HTML file is still the one written."""
        entry = self.pages.get(name)
        if not entry or entry.get("key") != key or not html_path.is_file():
            return False
        return file_sha256(html_path) == entry.get("html")

    def record(self, name: str, key: str, html_path: Path) -> None:
        self.pages[name] = {"key": key, "html": file_sha256(html_path)}

    def forget(self, name: str) -> None:
        self.pages.pop(name, None)

    def text(self) -> str:
        return json.dumps({"version": 1, "pages": dict(sorted(self.pages.items()))}, indent=1, sort_keys=True) + "\n"
