"""Rows → the four CSV tables of the data contract, written atomically and deterministically.

Every table is written in full to a temporary file inside OUT_DIR and then moved over the old one
with ``os.replace``, so a run killed at any moment leaves each earlier table whole. Rows are sorted
and numbers formatted one way (``52200``, ``99.98``), so the same input gives the same bytes.
"""
from __future__ import annotations

import csv
import io
import operator
import os
import tempfile
from pathlib import Path

COLUMNS: dict[str, list[str]] = {
    "reports": ["report_id", "sha256", "title", "published", "province", "province_code", "province_2025",
                "province_evidence", "period_start", "period_end", "period_label", "source_url", "n_facts"],
    "facts": ["report_id", "metric", "kind", "value", "qualifier", "denominator", "unit", "reference",
              "period_start", "period_end", "sentence", "start", "end"],
    "panel": ["province", "province_code", "province_2025", "period_start", "period_end", "metric", "value",
              "qualifier", "denominator", "unit", "n_sources", "report_ids", "conflict"],
    "rejected": ["path", "reason", "detail"],
    # An addition to the contract: accepted reports with something a reader should know.
    "warnings": ["report_id", "code", "detail", "sentence"],
}


def _number_key(value) -> tuple:
    """Sort numbers numerically, empty first (``None`` < 11 < 14 < 63 < 100)."""
    if value is None or value == "":
        return (0, 0.0)
    return (1, float(value))


SORT_KEYS = {  # on the rows' own values, before formatting
    "reports": lambda r: (r["report_id"],),
    "facts": lambda r: (r["report_id"], int(r["start"]), r["metric"], r["kind"]),
    "panel": lambda r: (r["province"], r["period_start"], r["period_end"], r["metric"], _number_key(r["denominator"])),
    "rejected": lambda r: (r["path"], r["reason"]),
    "warnings": lambda r: (r["report_id"], r["code"], r["detail"]),
}


class OutputError(Exception):
    """OUT_DIR cannot be created or written."""


def format_number(value) -> str:
    """``52200.0``→``52200``, ``99.98``→``99.98``, None→``""``; at most six decimals, never exponents."""
    kind = value.__class__
    if kind is float:  # the common case first: every value and denominator
        if value.is_integer():
            return str(int(value))
        return f"{value:.6f}".rstrip("0").rstrip(".")
    if value is None or value == "":
        return ""
    if kind is bool:
        return "True" if value else "False"
    if kind is int:
        return str(value)
    return format_number(float(value))


def render_rows(name: str, rows: list[dict]) -> str:
    """The rows of table ``name`` as CSV lines without the header, sorted by the table's key.

    Every row has every column of the table (a missing one is a KeyError, never a silent empty cell).
    Rows rendered in parts and joined in key order give the same text as rendered together.
    """
    cells = operator.itemgetter(*COLUMNS[name])  # a row's values in column order, in one call
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows([[value if value.__class__ is str else format_number(value) for value in cells(row)]
                      for row in sorted(rows, key=SORT_KEYS[name])])
    return buffer.getvalue()


def header(name: str) -> str:
    """The header line of table ``name``."""
    return ",".join(COLUMNS[name]) + "\n"  # column names are plain words: nothing to quote


def render_csv(name: str, rows: list[dict]) -> str:
    """The table ``name`` as CSV text: header, rows sorted by the table's key, ``\\n`` line ends."""
    return header(name) + render_rows(name, rows)


def current_umask() -> int:
    """The process's umask (e.g. ``0o022``), read without changing it where Linux shows it."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    # Elsewhere the only way is to set it and set it back (another thread could create a file in between).
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def output_mode() -> int:
    """The permission bits a new output file gets: read-write for all, less the umask (``0o644`` under 022)."""
    return 0o666 & ~current_umask()


def stage_text(folder: Path, name: str, text: str) -> str:
    """Write ``text`` (UTF-8, line ends as given) to a new hidden file ``.<name>.*.tmp`` in ``folder``,
    flushed to disk, and return its path.

    The caller moves it into place with ``os.replace``, so that no reader ever sees a half-written file,
    or removes it. When writing fails, the file is removed here and the error goes on. The file has the
    permissions of any new file under the umask (:func:`output_mode`), not the private 0600 of a
    temporary file: the tables and pages are meant to be read by others when the umask lets them.
    """
    handle, tmp_path = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(handle, output_mode())
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        os.unlink(tmp_path)
        raise
    return tmp_path


def replace_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through :func:`stage_text` and ``os.replace``: readers see the old file
    or the new one, never a part; the new one has the umask's permissions. Errors go on (OSError)."""
    tmp_path = stage_text(path.parent, path.name, text)
    try:
        os.replace(tmp_path, path)
    finally:
        if os.path.exists(tmp_path):
            os.unlink(tmp_path)


def write_tables(out_dir: Path, tables: dict[str, list[dict]], rendered: dict[str, str] | None = None) -> dict[str, int]:
    """Write each table to ``out_dir/<name>.csv`` atomically; return the row count per table.

    ``rendered`` holds tables whose CSV text (as :func:`render_csv` gives it) is already made; the others
    are rendered here. Raises :class:`OutputError` (and leaves earlier tables untouched) when out_dir
    cannot be written.
    """
    ready = rendered or {}
    texts = {name: ready[name] if name in ready else render_csv(name, rows) for name, rows in tables.items()}
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create {out_dir}: {error.strerror}") from None
    temporary: dict[str, str] = {}
    try:
        for name, text in texts.items():
            temporary[name] = stage_text(out_dir, name, text)
        for name, tmp_path in temporary.items():
            os.replace(tmp_path, out_dir / f"{name}.csv")
    except OSError as error:
        raise OutputError(f"cannot write into {out_dir}: {error.strerror}") from None
    finally:  # whatever stopped the writing, no staged table is left behind (the moved ones are gone already)
        for tmp_path in temporary.values():
            if os.path.exists(tmp_path):
                os.unlink(tmp_path)
    return {name: len(rows) for name, rows in tables.items()}
