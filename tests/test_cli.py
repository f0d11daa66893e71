"""The ``python -m helpers extract RAW_DIR OUT_DIR`` command, as the data contract defines it."""
from __future__ import annotations

import csv
import shutil
import subprocess
import sys

from conftest import RAW, ROOT, SEEDS
from helpers.tables import COLUMNS, format_number


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "helpers", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def test_tables_have_the_contract_columns_and_are_deterministic(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    assert run("extract", RAW, first).returncode == 0
    result = run("extract", RAW, second)
    assert result.returncode == 0
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == [
        "reports.csv", "facts.csv", "panel.csv", "rejected.csv", "warnings.csv"]
    for name, columns in COLUMNS.items():
        data = (first / f"{name}.csv").read_bytes()
        assert data == (second / f"{name}.csv").read_bytes()
        with open(first / f"{name}.csv", encoding="utf-8", newline="") as handle:
            assert next(csv.reader(handle)) == columns


def test_committed_tables_are_what_the_raw_data_gives(tmp_path):
    assert run("extract", RAW, tmp_path).returncode == 0
    for name in COLUMNS:
        assert (tmp_path / f"{name}.csv").read_bytes() == (ROOT / "data" / "processed" / f"{name}.csv").read_bytes(), \
            f"data/processed/{name}.csv is stale: run `make run`"


def test_missing_raw_dir_is_a_clear_error_and_keeps_old_tables(tmp_path):
    out = tmp_path / "out"
    assert run("extract", RAW, out).returncode == 0
    before = (out / "facts.csv").read_bytes()
    result = run("extract", tmp_path / "nope", out)
    assert result.returncode != 0
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr
    assert (out / "facts.csv").read_bytes() == before


def test_unwritable_out_dir_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("extract", RAW, blocker / "sub")
    assert result.returncode != 0 and "error:" in result.stderr and "Traceback" not in result.stderr


def test_every_input_is_in_reports_or_rejected(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(SEEDS, raw)
    (raw / "empty.txt").write_text("")
    (raw / "copy.txt").write_bytes((SEEDS / "000_0835b43f0e71c7cd.txt").read_bytes())
    (raw / "notes.pdf").write_bytes(b"%PDF-1.4")
    (raw / "nothing.txt").write_text("Văn phòng UBND tỉnh họp giao ban.")
    out = tmp_path / "out"
    assert run("extract", raw, out).returncode == 0
    with open(out / "reports.csv", encoding="utf-8") as handle:
        accepted = {row["report_id"] for row in csv.DictReader(handle)}
    with open(out / "rejected.csv", encoding="utf-8") as handle:
        rejected = {row["path"]: row["reason"] for row in csv.DictReader(handle)}
    assert rejected == {"copy.txt": "duplicate_of:000_0835b43f0e71c7cd", "empty.txt": "empty",
                        "notes.pdf": "unsupported_type", "nothing.txt": "no_figures"}
    inputs = {p.name for p in raw.iterdir() if p.name != "manifest.csv"}
    assert {f"{r}.txt" for r in accepted} | set(rejected) == inputs


def test_number_format():
    assert [format_number(v) for v in (52200.0, 99.98, 7.46, None, 1200000.0, 0.1 + 0.2)] == [
        "52200", "99.98", "7.46", "", "1200000", "0.3"]
