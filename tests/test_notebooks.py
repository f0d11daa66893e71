"""The notebooks run with non-default parameters (papermill), and nbval is not vacuous."""
from __future__ import annotations

import shutil
import subprocess
import sys

import nbformat
import papermill
import pytest
from papermill.exceptions import PapermillExecutionError

from conftest import RAW, ROOT, SEEDS
from helpers.extract import run_extraction
from helpers.notebooks import KERNEL

NOTEBOOKS = ROOT / "notebooks"


def _outputs_text(path) -> str:
    notebook = nbformat.read(path, as_version=4)
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.append(output.get("data", {}).get("text/plain", ""))
            assert output.get("output_type") != "error", output
    return "\n".join(parts)


def _run(name, tmp_path, **parameters):
    out = tmp_path / name
    papermill.execute_notebook(str(NOTEBOOKS / name), str(out), parameters=parameters, kernel_name=KERNEL,
                               cwd=str(NOTEBOOKS), progress_bar=False)
    return _outputs_text(out)


@pytest.fixture(scope="module")
def processed(tmp_path_factory):
    out = tmp_path_factory.mktemp("processed")
    run_extraction(RAW, out)
    return out


def test_clean_reports_on_another_folder(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(SEEDS, raw)
    (raw / "blank.txt").write_text("   ")
    text = _run("01_clean_reports.ipynb", tmp_path, raw_dir=str(raw), processed_dir=str(tmp_path / "out"))
    assert "blank.txt | Không có nội dung" in text  # the rejected file with its reason ("empty"), in the page's words
    assert (tmp_path / "out" / "rejected.csv").read_text().count("\n") == 2


def test_compare_with_chosen_metrics_years_and_2025_units(tmp_path, processed):
    text = _run("02_compare_provinces.ipynb", tmp_path, processed_dir=str(processed),
                metrics=["docs_received", "grdp_growth"], years=[2021, 2023], group_by="province_2025")
    assert "đơn vị (2025)" in text and "Văn bản đến" in text
    assert "Nhiệm vụ được giao" not in text  # only the metrics asked for


def test_profile_by_code_and_old_spelling(tmp_path, processed):
    assert "Thanh Hóa: hồ sơ Văn phòng UBND tỉnh" in _run("03_province_profile.ipynb", tmp_path, province="Thanh Hoá",
                                                            processed_dir=str(processed))
    assert "Lạng Sơn: the People's Committee Office" in _run("03_province_profile.ipynb", tmp_path, province="20",
                                                              processed_dir=str(processed), lang="en")


def test_cleaning_record_can_read_the_tables_without_extracting(tmp_path, processed):
    before = {p.name: p.read_bytes() for p in processed.glob("*.csv")}
    text = _run("01_clean_reports.ipynb", tmp_path, raw_dir=str(tmp_path / "nowhere"), processed_dir=str(processed),
                run_extraction=False, lang="en")
    assert "Reports accepted" in text and "The extraction ran" not in text
    assert {p.name: p.read_bytes() for p in processed.glob("*.csv")} == before


def test_a_language_that_does_not_exist_stops_with_the_choices(tmp_path, processed):
    with pytest.raises(PapermillExecutionError) as failure:
        _run("03_province_profile.ipynb", tmp_path, province="Thanh Hóa", processed_dir=str(processed), lang="fr")
    assert failure.value.ename == "ParameterError" and "vi, en" in failure.value.evalue


def test_unknown_province_stops_with_suggestions(tmp_path, processed):
    with pytest.raises(PapermillExecutionError) as failure:
        _run("03_province_profile.ipynb", tmp_path, province="Tuyen Quag", processed_dir=str(processed))
    assert failure.value.ename == "ParameterError"
    assert "Did you mean" in failure.value.evalue and "Tuyên Quang" in failure.value.evalue


def _nbval(folder):
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c", str(folder / "pytest.ini"),
         "--nbval", "--nbval-current-env", str(folder / "notebooks" / "03_province_profile.ipynb")],
        capture_output=True, text=True, cwd=folder)


def test_nbval_fails_when_a_figure_changes(tmp_path):
    copy = tmp_path / "project"
    shutil.copytree(NOTEBOOKS, copy / "notebooks")
    shutil.copytree(ROOT / "data", copy / "data")
    (copy / "pytest.ini").write_text("[pytest]\n")
    assert _nbval(copy).returncode == 0, "the untouched copy must pass"
    report = copy / "data" / "raw" / "seeds" / "000_0835b43f0e71c7cd.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("52.200 văn bản", "53.200 văn bản"), encoding="utf-8")
    run_extraction(copy / "data" / "raw", copy / "data" / "processed")
    result = _nbval(copy)
    assert result.returncode != 0, result.stdout[-2000:]
    assert "53.200" in result.stdout or "53,200" in result.stdout
