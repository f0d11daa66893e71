"""RAW_DIR → the four tables: the ``extract`` step of the pipeline.

``extract(raw_dir)`` reads every file under ``raw_dir`` (sub-folders included, symbolic links never
followed), and returns the rows of ``reports``, ``facts``, ``panel`` and ``rejected``. Every file ends in
exactly one of ``reports`` or ``rejected``; so does every manifest row that cannot be used.
"""
from __future__ import annotations

import csv
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator

from .dates import Period, clause_period, find_period, find_published
from .figures import extract_figures, implausible
from .panel import build_panel
from .places import ProvinceMatch, ReferenceDataError, headline_and_lead, load_officials, province_by_name, resolve_province
from .reading import HTML_SUFFIXES, TEXT_SUFFIXES, read_report
from .tables import header, render_rows, write_tables

MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ["report_id", "source_url", "province", "published", "note"]
# Lines where a portal's own furniture begins (lists of other news); the article ends before them.
_FURNITURE_RE = re.compile(
    r"^(?:Tin mới nhất|Các tin khác|Tin khác|Tin liên quan|Tin cùng chuyên mục|Bài viết liên quan|"
    r"Các bài viết khác|Xem thêm|Tin đã đưa|Các tin đã đưa|Tin bài liên quan|Bài liên quan)\b.*$",
    re.IGNORECASE | re.MULTILINE,
)
_URL_RE = re.compile(r"https?://[^\s<>\"'()]+")


class RawDirError(Exception):
    """RAW_DIR is missing or unreadable."""


# The tables whose rows belong to one report: rendered where the report is analysed (see ``Extraction``).
PER_REPORT_TABLES = ("reports", "facts", "warnings")


@dataclass
class Extraction:
    """The tables of one extraction as rows (dicts with real numbers), plus the per-report rows as CSV."""

    reports: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    panel: list[dict] = field(default_factory=list)
    rejected: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    # (report_id, its reports, facts and warnings rows as CSV lines) for every accepted report, rendered by
    # the worker that analysed it, so that the main process only joins them.
    rendered_rows: list[tuple[str, ...]] = field(default_factory=list)

    def tables(self) -> dict[str, list[dict]]:
        return {"reports": self.reports, "facts": self.facts, "panel": self.panel, "rejected": self.rejected,
                "warnings": self.warnings}

    def rendered(self) -> dict[str, str]:
        """The CSV text of the per-report tables, as ``tables.render_csv`` gives it for the rows as extracted.

        Each report's rows were sorted where they were rendered; joined in report_id order (every key
        starts with it, and accepted ids are unique), they are the whole table in key order.
        """
        pieces = sorted(self.rendered_rows)
        return {name: header(name) + "".join(piece[column] for piece in pieces)
                for column, name in enumerate(PER_REPORT_TABLES, start=1)}


def _reject(rows: list[dict], path: str, reason: str, detail: str) -> None:
    rows.append({"path": path, "reason": reason, "detail": detail})


def read_manifest(raw_dir: Path, rejected: list[dict]) -> dict[str, dict]:
    """Manifest rows by report_id; unusable rows go to ``rejected`` with the line they stand on."""
    path = raw_dir / MANIFEST
    if not path.is_file() or path.is_symlink():
        return {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        _reject(rejected, MANIFEST, "manifest_unreadable", f"The manifest cannot be read: {error}.")
        return {}
    reader = csv.reader(text.splitlines())
    first_line = next(reader, None)
    if first_line is None:
        return {}
    if [h.strip() for h in first_line] != MANIFEST_COLUMNS:
        _reject(rejected, MANIFEST, "manifest_bad_header",
                f"The manifest header must be {','.join(MANIFEST_COLUMNS)}; it is {','.join(first_line)}.")
        return {}
    rows: dict[str, dict] = {}
    for line_no, cells in enumerate(reader, start=2):
        where = f"{MANIFEST}:{line_no}"
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(MANIFEST_COLUMNS):
            _reject(rejected, where, "manifest_bad_row",
                    f"Line {line_no} has {len(cells)} fields; the manifest has {len(MANIFEST_COLUMNS)}.")
            continue
        row = dict(zip(MANIFEST_COLUMNS, (c.strip() for c in cells)))
        problem = _manifest_problem(row)
        if problem:
            _reject(rejected, where, "manifest_bad_row", f"Line {line_no}: {problem}")
            continue
        if row["report_id"] in rows:
            _reject(rejected, where, "manifest_bad_row", f"Line {line_no} repeats report {row['report_id']}.")
            continue
        row["line"] = line_no
        rows[row["report_id"]] = row
    return rows


def _manifest_problem(row: dict) -> str:
    if not row["report_id"]:
        return "report_id is empty."
    if row["published"]:
        try:
            date.fromisoformat(row["published"])
        except ValueError:
            return f"published {row['published']!r} is not an ISO date (YYYY-MM-DD)."
    if row["province"] and province_by_name(row["province"]) is None:
        return f"province {row['province']!r} is not a known province name or code."
    if row["source_url"] and not _URL_RE.fullmatch(row["source_url"]):
        return f"source_url {row['source_url']!r} is not an http(s) URL."
    return ""


def text_name(name: str) -> str:
    """A file name (or relative path) as text that can go into the UTF-8 tables.

    A name whose bytes are UTF-8 comes back as it is. Other bytes (a ZIP made on Windows leaves names
    in a legacy code page) reach Python as lone surrogates, which no UTF-8 file can hold; each such byte
    is written ``\\xNN`` instead: the bytes ``b"bad\\xff.txt"`` give ``bad\\xff.txt`` (a backslash, ``x``,
    ``f``, ``f``). The same bytes always give the same text.
    """
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def report_id_of(path: Path) -> str:
    """The report_id of a raw file: its name without the extension, NFC, as :func:`text_name` shows it."""
    return unicodedata.normalize("NFC", text_name(path.stem))


def list_inputs(raw_dir: Path) -> list[Path]:
    """Every entry under ``raw_dir`` that is a file or a link, sorted; folders are walked, links not."""
    found: list[Path] = []
    for root, dirs, files in os.walk(raw_dir):
        root_path = Path(root)
        links = [d for d in dirs if (root_path / d).is_symlink()]
        dirs[:] = sorted(d for d in dirs if d not in links)
        found.extend(root_path / name for name in files + links)
    return sorted(set(found), key=lambda p: p.relative_to(raw_dir).as_posix())


def _title(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            return " ".join(line.split())
    return ""


def _source_url(text: str) -> str:
    """A URL the text gives as its source (``Nguồn …: http://…``), else a URL on a line of its own."""
    for line in text.split("\n"):
        if re.match(r"\s*(?:Nguồn|Theo|Source)\b", line, re.IGNORECASE):
            m = _URL_RE.search(line)
            if m:
                return m.group(0).rstrip(".,;")
    for line in text.split("\n"):
        if _URL_RE.fullmatch(line.strip()):
            return line.strip().rstrip(".,;")
    return ""


def _iso(day: date | None) -> str:
    """``2023-12-31``, or ``""`` when there is no date."""
    return day.isoformat() if day else ""


def _body_end(text: str) -> int:
    for m in _FURNITURE_RE.finditer(text):
        if m.start() > len(text) * 0.2:
            return m.start()
    return len(text)


def _head(body: str) -> str:
    """The first three non-blank lines of the article, at most 600 characters: where an office names itself."""
    return "\n".join([line for line in body.split("\n") if line.strip()][:3])[:600]


def analyse(report_id: str, text: str, manifest: dict | None, furniture: str = "") -> tuple[dict, list[dict], list[dict]]:
    """One normalized report → (report row, its fact rows, its warning rows).

    ``furniture`` is page text that is not part of the article (an HTML page's footer); like the
    furniture after the article in ``text``, it may only name the portal's owner.
    """
    manifest = manifest or {}
    body_end = _body_end(text)
    body = text[:body_end]
    published = date.fromisoformat(manifest["published"]) if manifest.get("published") else find_published(text)
    period = find_period(body, published)
    source_url = manifest.get("source_url") or _source_url(text)
    head = _head(body)
    when = published or (period.end if period else None)
    headline_lead = headline_and_lead(body)
    match: ProvinceMatch = resolve_province(body, head, when, source_url, manifest.get("province", ""),
                                            furniture=text[body_end:] + furniture, headline_lead=headline_lead)
    figures = extract_figures(text, body_end)
    facts, warnings = [], []

    def warn(code: str, detail: str, sentence: str = "") -> None:
        warnings.append({"report_id": report_id, "code": code, "detail": detail, "sentence": sentence})

    for figure in figures:
        problem = implausible(figure)
        if problem:
            warn("implausible_value", f"{figure.metric} left out: {problem}.",
                 text[figure.sentence_start:figure.sentence_end])
            continue
        figure_period: Period | None = clause_period(text, figure.start, figure.sentence_start, period)
        if period and figure_period and figure_period.start > period.end:
            continue  # a later year than the one reviewed: a plan ("Năm 2024, … khoảng 10.000 văn bản")
        facts.append({
            "report_id": report_id,
            "metric": figure.metric,
            "kind": figure.kind,
            "value": figure.value,
            "qualifier": figure.qualifier,
            "denominator": figure.denominator,
            "unit": figure.unit,
            "reference": figure.reference,
            "period_start": _iso(figure_period and figure_period.start),
            "period_end": _iso(figure_period and figure_period.end),
            "sentence": text[figure.sentence_start:figure.sentence_end],
            "start": figure.start,
            "end": figure.end,
        })
    report = {
        "report_id": report_id,
        "title": headline_lead[0] or _title(text),  # the headline, not a masthead or menu line above it
        "published": _iso(published),
        "province": match.province,
        "province_code": match.code,
        "province_2025": match.province_2025,
        "province_evidence": match.evidence,
        "period_start": _iso(period and period.start),
        "period_end": _iso(period and period.end),
        "period_label": period.label if period else "",
        "source_url": source_url,
        "n_facts": len(facts),
    }
    if match.doubt:
        warn("ambiguous_province", match.doubt)
    if facts and not match.province:
        warn("no_province", "No province could be decided (manifest, office name, text, URL, officials): the report "
                            "stays out of the panel. Add a manifest row if you know it.")
    if facts and period is None:
        warn("no_period", "No reviewed period was found: its figures have no period and stay out of comparisons.")
    return report, facts, warnings


def _process_file(raw_dir: Path, path: Path, manifest_row: dict | None) -> dict:
    """Everything about one file that does not depend on the other files: read, normalize, analyse.

    Returns ``{"path", "rejected": (reason, detail)}`` or ``{"path", "report_id", "digest", "report",
    "facts", "warnings", "csv_rows"}`` (``csv_rows``: the report's rows of ``PER_REPORT_TABLES`` as CSV
    lines). Runs in worker processes for large folders, so it only takes and returns plain data.
    """
    raw_relative = path.relative_to(raw_dir).as_posix()
    relative = text_name(raw_relative)
    out = {"path": relative}
    if relative != raw_relative:  # said wherever the file is rejected, so that its row explains its path
        out["name_note"] = " Its name is not UTF-8: each byte that is not is written \\xNN in this path."
    if path.is_symlink():
        out["rejected"] = ("symlink", "Symbolic links are never followed; copy the file in.")
        return out
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        out["rejected"] = ("unsupported_type",
                           f"Only .txt and .html reports are read; {text_name(path.name)!r} is neither.")
        return out
    read = read_report(path)
    if read.sha256:
        out["digest"] = read.sha256
    if not read.ok:
        out["rejected"] = (read.reason, read.detail)
        return out
    report_id = report_id_of(path)
    report, facts, warnings = analyse(report_id, read.text, manifest_row, read.furniture)
    if text_name(path.stem) != path.stem:
        warnings.append({"report_id": report_id, "code": "file_name_not_utf8", "sentence": "",
                         "detail": "The file name is not UTF-8 (as a ZIP made on Windows leaves it): read under "
                                   "this report_id, each byte that is not UTF-8 written \\xNN. Rename the file "
                                   "in UTF-8 (e.g. with convmv) to give it a readable report_id."})
    if read.encoding == "cp1258":
        warnings.append({"report_id": report_id, "code": "legacy_encoding", "sentence": "",
                         "detail": "Decoded as Windows-1258; check the accents of its title and names."})
    report["sha256"] = out["digest"]
    csv_rows = tuple(render_rows(name, rows) for name, rows in zip(PER_REPORT_TABLES, ([report], facts, warnings)))
    out.update(report_id=report_id, report=report, facts=facts, warnings=warnings, csv_rows=csv_rows)
    return out


# Below this many files a pool of processes costs more than it saves.
PARALLEL_FROM = 200


def _process_all(raw_dir: Path, paths: list[Path], manifest: dict[str, dict], workers: int | None) -> Iterator[dict]:
    """``_process_file`` of every path, in path order; yielded as they are done, so that the caller
    merges the first results while the workers analyse the rest."""
    rows = [manifest.get(report_id_of(p)) for p in paths]
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(paths) < PARALLEL_FROM:
        yield from (_process_file(raw_dir, p, row) for p, row in zip(paths, rows))
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")  # workers inherit the loaded modules and compiled rules
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        chunk = max(1, min(64, len(paths) // (workers * 8)))
        yield from pool.map(_process_file, [raw_dir] * len(paths), paths, rows, chunksize=chunk)


def extract(raw_dir: Path, workers: int | None = None) -> Extraction:
    """Read every input under ``raw_dir`` into the tables. Raises RawDirError when unreadable.

    Files are analysed independently (in ``workers`` processes for large folders; default: one per
    core), then accepted in path order, so duplicates resolve the same way whatever the parallelism.
    """
    if not raw_dir.exists():
        raise RawDirError(f"{raw_dir} does not exist.")
    if not raw_dir.is_dir():
        raise RawDirError(f"{raw_dir} is not a folder.")
    if not os.access(raw_dir, os.R_OK | os.X_OK):
        raise RawDirError(f"{raw_dir} cannot be read (permission denied).")
    try:  # a malformed reference row stops the run with its line, before any report is read
        load_officials()
    except ReferenceDataError as error:
        raise RawDirError(str(error)) from None
    result = Extraction()
    manifest = read_manifest(raw_dir, result.rejected)
    paths = [p for p in list_inputs(raw_dir) if p.relative_to(raw_dir).as_posix() != MANIFEST]
    seen_hashes: dict[str, str] = {}
    seen_content: dict[tuple, str] = {}
    accepted_ids: set[str] = set()
    for item in _process_all(raw_dir, paths, manifest, workers):
        relative, note = item["path"], item.get("name_note", "")
        if "report_id" in item and item["report_id"] in accepted_ids:
            _reject(result.rejected, relative, "duplicate_id",
                    f"Another file already has the report_id {item['report_id']!r} (file stem); rename one." + note)
            continue
        if item.get("digest") in seen_hashes:
            _reject(result.rejected, relative, f"duplicate_of:{seen_hashes[item['digest']]}",
                    "Byte-for-byte the same file as an earlier report." + note)
            continue
        if "rejected" in item:
            reason, detail = item["rejected"]
            _reject(result.rejected, relative, reason, detail + note)
            continue
        facts = item["facts"]
        if not facts:
            _reject(result.rejected, relative, "no_figures",
                    "No figure of the metric catalog was found in the text." + note)
            continue
        content_key = tuple((f["metric"], f["kind"], f["value"], f["qualifier"], f["sentence"]) for f in facts)
        if content_key in seen_content:
            _reject(result.rejected, relative, f"duplicate_of:{seen_content[content_key]}",
                    "The same article (same figures in the same sentences) with different page furniture." + note)
            continue
        report_id = item["report_id"]
        seen_hashes[item["digest"]] = report_id
        seen_content[content_key] = report_id
        accepted_ids.add(report_id)
        result.reports.append(item["report"])
        result.facts.extend(facts)
        result.warnings.extend(item["warnings"])
        result.rendered_rows.append((report_id, *item["csv_rows"]))
    for report_id, row in manifest.items():
        if report_id not in accepted_ids and not any(
                Path(r["path"]).stem == report_id for r in result.rejected):
            _reject(result.rejected, f"{MANIFEST}:{row['line']}", "manifest_unknown_report",
                    f"The manifest names {report_id!r}, but no file under the raw folder has that stem.")
    result.panel = build_panel(result.facts, {r["report_id"]: r for r in result.reports})
    return result


def run_extraction(raw_dir: str | Path, out_dir: str | Path) -> dict[str, int]:
    """Extract ``raw_dir`` and write the four tables into ``out_dir``; return rows per table.

    Raises RawDirError or tables.OutputError with a sentence that says what is wrong.
    """
    extraction = extract(Path(raw_dir))
    return write_tables(Path(out_dir), extraction.tables(), extraction.rendered())
