"""The per-province batch: pages, index, failures kept apart, safe slugs."""
from __future__ import annotations

import os
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


def test_batch_writes_the_site(tmp_path):
    processed = tmp_path / "processed"
    run_extraction(SEEDS, processed)
    out = tmp_path / "reports"
    result = subprocess.run([sys.executable, "-m", "helpers", "batch", "--processed", str(processed), "--out", str(out),
                             "--jobs", "2", "--quiet"], capture_output=True, text=True, cwd=ROOT,
                            preexec_fn=lambda: os.umask(0o022))
    assert result.returncode == 0, result.stderr
    assert "without encryption" not in result.stderr  # kernels start quietly (IPC), issue #14
    # Pages and executed notebooks are shared like any new file under the umask (issue #14), not 0600.
    assert {oct(p.stat().st_mode & 0o777) for p in out.iterdir() if p.is_file()} == {oct(0o644)}
    pages = sorted(p.name for p in out.glob("*.html"))
    assert pages == ["cleaning.html", "compare.html", "hau-giang.html", "index.html", "lang-son.html", "thanh-hoa.html",
                     "tuyen-quang.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    for slug in ("hau-giang", "lang-son", "thanh-hoa", "tuyen-quang", "compare", "cleaning"):
        assert f'href="{slug}.html"' in index
    page = (out / "tuyen-quang.html").read_text(encoding="utf-8")
    assert "52.200" in page and "&gt;\u00a013.000" in page  # Vietnamese digits, the hedge as a sign
    assert "Văn bản đến" in page and "docs_received" not in page  # labels, not metric ids
    assert "data:image/png;base64," in (out / "compare.html").read_text(encoding="utf-8")  # figures embedded
    for html_page in out.glob("*.html"):
        text = html_page.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", text.split("<main>")[0])  # nothing from another host
        assert not re.search(r"""src=["']?(https?:)?//""", text)
        assert "<script" not in text.lower()
        assert 'href="compare.html"' in text and 'href="cleaning.html"' in text  # one navigation everywhere
        assert ">False<" not in text and ">True<" not in text
    cleaning = (out / "cleaning.ipynb").read_text(encoding="utf-8")
    assert "run_extraction = False" in cleaning  # the cleaning record read the tables, it did not extract again
    assert not list(out.glob(".*"))  # no temporary file left


def test_english_site(tmp_path):
    processed = tmp_path / "processed"
    run_extraction(SEEDS, processed)
    out = tmp_path / "reports"
    result = subprocess.run([sys.executable, "-m", "helpers", "batch", "--processed", str(processed), "--out", str(out),
                             "--provinces", "Tuyên Quang", "--lang", "en", "--quiet"], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 0, result.stderr
    page = (out / "tuyen-quang.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "Key figures" in page and "Documents received" in page
    assert "52,200" in page and "&gt;\u00a013,000" in page
    assert "Comparing provincial offices" in (out / "compare.html").read_text(encoding="utf-8")
    bad = subprocess.run([sys.executable, "-m", "helpers", "batch", "--processed", str(processed), "--out", str(out),
                          "--lang", "fr", "--quiet"], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and "invalid choice: 'fr'" in bad.stderr and "Traceback" not in bad.stderr


def test_unknown_province_is_a_clear_error(tmp_path):
    processed = tmp_path / "processed"
    run_extraction(SEEDS, processed)
    result = subprocess.run([sys.executable, "-m", "helpers", "batch", "--processed", str(processed), "--out",
                             str(tmp_path / "r"), "--provinces", "Thanh Hao", "--quiet"], capture_output=True, text=True)
    assert result.returncode == 2 and "Did you mean: Thanh Hóa" in result.stderr and "Traceback" not in result.stderr


def test_a_failing_province_does_not_stop_the_others(tmp_path):
    processed = tmp_path / "processed"
    run_extraction(SEEDS, processed)
    # Corrupt one province's report (a publication date that cannot be) so that its profile raises.
    reports = processed / "reports.csv"
    text = reports.read_text(encoding="utf-8")
    assert ",2022-01-08,Thanh Hóa," in text
    reports.write_text(text.replace(",2022-01-08,Thanh Hóa,", ",2022-99-99,Thanh Hóa,"), encoding="utf-8")
    out = tmp_path / "reports"
    result = subprocess.run([sys.executable, "-m", "helpers", "batch", "--processed", str(processed), "--out", str(out),
                             "--quiet"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert "failed: Thanh Hóa" in result.stderr
    assert (out / "thanh-hoa.ipynb").exists() and not (out / "thanh-hoa.html").exists()
    assert "thanh-hoa" not in (out / "site-manifest.json").read_text(encoding="utf-8")  # rendered again next time
    assert (out / "tuyen-quang.html").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "không tạo được trang" in index and 'href="thanh-hoa.ipynb"' in index  # what failed, and its notebook


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
