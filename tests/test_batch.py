"""The per-province batch: pages, index, failures kept apart, safe slugs."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS
from helpers.publish.batch import choose_provinces, slugify
from helpers.compare import ParameterError
from helpers.extract import run_extraction


@pytest.mark.parametrize("name, slug", [
    ("TP. Hồ Chí Minh", "tp-ho-chi-minh"), ("Bà Rịa - Vũng Tàu", "ba-ria-vung-tau"), ("Đắk Lắk", "dak-lak"),
    ("../../etc/passwd", "etc-passwd"), ("CON", "con"), ("", "province"),
])
def test_slugs_are_safe_file_names(name, slug):
    assert slugify(name) == slug
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slugify(name))


def test_choose_provinces():
    assert choose_provinces("all", ["B", "A", "A"]) == ["A", "B"]
    assert choose_provinces("Thanh Hoa, 8", ["Thanh Hóa", "Tuyên Quang"]) == ["Thanh Hóa", "Tuyên Quang"]
    with pytest.raises(ParameterError, match="Did you mean"):
        choose_provinces("Thanh Hao", ["Thanh Hóa"])
    with pytest.raises(ParameterError, match="no figures for Nghệ An"):
        choose_provinces("Nghệ An", ["Thanh Hóa"])


def test_batch_writes_one_page_per_province_and_an_index(tmp_path):
    processed = tmp_path / "processed"
    run_extraction(SEEDS, processed)
    out = tmp_path / "reports"
    result = subprocess.run([sys.executable, "-m", "helpers", "batch", "--processed", str(processed), "--out", str(out),
                             "--jobs", "2", "--quiet"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    pages = sorted(p.name for p in out.glob("*.html"))
    assert pages == ["hau-giang.html", "index.html", "lang-son.html", "thanh-hoa.html", "tuyen-quang.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    for slug in ("hau-giang", "lang-son", "thanh-hoa", "tuyen-quang"):
        assert f'href="{slug}.html"' in index
    page = (out / "tuyen-quang.html").read_text(encoding="utf-8")
    assert "52200" in page or "52,200" in page
    assert "data:image/png;base64," in page  # figures embedded
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing from another host
    assert "<script" not in page.lower()
    assert not list(out.glob(".*"))  # no temporary file left


def test_unknown_province_is_a_clear_error(tmp_path):
    processed = tmp_path / "processed"
    run_extraction(SEEDS, processed)
    result = subprocess.run([sys.executable, "-m", "helpers", "batch", "--processed", str(processed), "--out",
                             str(tmp_path / "r"), "--provinces", "Thanh Hao", "--quiet"], capture_output=True, text=True)
    assert result.returncode == 2 and "Did you mean: Thanh Hóa" in result.stderr and "Traceback" not in result.stderr


def test_a_failing_province_does_not_stop_the_others(tmp_path):
    processed = tmp_path / "processed"
    run_extraction(SEEDS, processed)
    # Corrupt one province's rows (a metric the catalog does not know) so that its profile raises.
    panel = processed / "panel.csv"
    lines = panel.read_text(encoding="utf-8").splitlines()
    broken = [line.replace(",docs_issued,", ",no_such_metric,") if line.startswith("Thanh Hóa") else line
              for line in lines]
    panel.write_text("\n".join(broken) + "\n", encoding="utf-8")
    out = tmp_path / "reports"
    result = subprocess.run([sys.executable, "-m", "helpers", "batch", "--processed", str(processed), "--out", str(out),
                             "--quiet"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert "failed: Thanh Hóa" in result.stderr
    assert (out / "thanh-hoa.ipynb").exists() and not (out / "thanh-hoa.html").exists()
    assert (out / "tuyen-quang.html").exists()
    assert "failed:" in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    (["--jobs", "0"], "--jobs must be 1 or more"),
    (["--processed", "does/not/exist"], "run the extraction first"),
    (["--out", "FILE/sub"], "cannot create the output folder"),
])
def test_bad_batch_parameters_are_clear_errors(tmp_path, args, message):
    (tmp_path / "FILE").write_text("x")
    processed = tmp_path / "processed"
    run_extraction(SEEDS, processed)
    base = {"--processed": str(processed), "--out": str(tmp_path / "out"), "--jobs": "1"}
    for flag, value in zip(args[::2], args[1::2]):
        base[flag] = value.replace("FILE", str(tmp_path / "FILE"))
    command = [sys.executable, "-m", "helpers", "batch", "--quiet"] + [x for kv in base.items() for x in kv]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
