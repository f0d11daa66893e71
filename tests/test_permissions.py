"""Every output file gets the permissions of the umask, like any new file: tables, pages, notebooks."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from contextlib import contextmanager

import nbformat
import pytest

from conftest import RAW
from helpers.notebooks import execute_in_place
from helpers.tables import COLUMNS, current_umask, replace_text


@contextmanager
def umask(mask: int):
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o002, 0o077], ids=oct)
def test_current_umask_reads_it_without_changing_it(mask):
    with umask(mask):
        assert current_umask() == mask
        assert current_umask() == mask


@pytest.mark.parametrize("mask", [0o022, 0o002, 0o027], ids=oct)
def test_tables_honour_the_umask(tmp_path, mask):
    out = tmp_path / "out"
    with umask(mask):  # the command inherits it, as from a shell
        result = subprocess.run([sys.executable, "-m", "helpers", "extract", str(RAW), str(out)],
                                capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert {p.name: mode(p) for p in out.iterdir()} == {f"{name}.csv": 0o666 & ~mask for name in COLUMNS}


def test_a_replaced_page_honours_the_umask_and_an_old_files_mode_does_not_stick(tmp_path):
    page = tmp_path / "index.html"  # the batch's pages are written through the same staging
    page.write_text("old")
    page.chmod(0o600)
    with umask(0o002):
        replace_text(page, "<p>new</p>\n")
    assert page.read_text() == "<p>new</p>\n" and mode(page) == 0o664
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


def test_a_re_executed_notebook_honours_the_umask(tmp_path):
    path = tmp_path / "tiny.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")]), path)
    path.chmod(0o600)
    with umask(0o027):
        execute_in_place(path)
    assert mode(path) == 0o640
    assert "42" in nbformat.read(path, as_version=4).cells[0].outputs[0]["text"]
    assert [p.name for p in tmp_path.iterdir()] == ["tiny.ipynb"]
