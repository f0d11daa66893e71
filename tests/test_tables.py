"""The CSV tables: rows rendered report by report (in the workers) give the text rendered in one go."""
from __future__ import annotations

import shutil

import pytest

from conftest import SEEDS, load_benchmark, raw_folder
from helpers.extract import PER_REPORT_TABLES, extract
from helpers.tables import render_csv, render_rows, write_tables

make_corpus = load_benchmark("make_corpus")

ODD = ("Văn phòng UBND tỉnh Nghệ An tổng kết năm 2022.\nNăm 2022, Văn phòng tiếp nhận 12.345 văn bản đến; "
       "hoàn thành 180/172 nhiệm vụ; tỷ lệ hồ sơ giải quyết đúng hạn đạt 120%.\n")


def test_rendered_report_by_report_is_the_table_rendered_whole(tmp_path):
    raw = raw_folder(tmp_path, {
        "odd.txt": ODD,  # two warnings of its own
        "odd copy.txt": ODD,  # rejected as a duplicate: no rows
        "no place.txt": "Năm 2022, Văn phòng tiếp nhận 1.234 văn bản đến.\n",
    })
    shutil.copytree(SEEDS, raw, dirs_exist_ok=True)
    make_corpus.write_corpus(12, raw / "generated", tmp_path / "truth.jsonl", seed=5)
    result = extract(raw, workers=1)
    assert len(result.reports) == 19 and len(result.warnings) >= 3 and result.rejected
    whole = {name: render_csv(name, getattr(result, name)) for name in PER_REPORT_TABLES}
    assert result.rendered() == whole


def test_parts_joined_in_key_order_are_the_whole():
    rows = [{"report_id": rid, "code": code, "detail": f"d{i}", "sentence": "a, \"b\"\nc"}
            for i, (rid, code) in enumerate([("b", "x"), ("a", "y"), ("a", "x"), ("c", "x"), ("b", "a")])]
    parts = "".join(render_rows("warnings", [r for r in rows if r["report_id"] == rid]) for rid in "abc")
    assert parts == render_rows("warnings", rows)
    assert render_csv("warnings", rows).splitlines()[0] == "report_id,code,detail,sentence"


def test_a_row_without_a_column_is_an_error_not_an_empty_cell():
    with pytest.raises(KeyError):
        render_csv("rejected", [{"path": "a.txt", "reason": "empty"}])


def test_a_table_that_cannot_be_written_leaves_nothing_behind(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "reports.csv").write_text("old\n")
    rows = {"reports": [], "rejected": [{"path": "bad\udcff.txt", "reason": "empty", "detail": "x."}]}  # not UTF-8
    with pytest.raises(UnicodeEncodeError):
        write_tables(out, rows)
    assert [p.name for p in out.iterdir()] == ["reports.csv"] and (out / "reports.csv").read_text() == "old\n"
