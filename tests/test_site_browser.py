"""Every kind of page, opened in headless Chromium as a reader would, at 1280 px and at 390 px (a phone):
nothing scrolls sideways, the menu is there, and no script runs."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync"]
PAGES = ["index", "compare", "cleaning", "tuyen-quang", "quang-ninh"]
WIDTHS = (1280, 390)


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        pytest.skip("headless Chromium is not installed (.ci/run installs it: apt-get install chromium)")
    pytest.importorskip("playwright", reason="playwright is a dev dependency (pip install -e .[dev])")
    out = {}
    for lang in ("vi", "en"):
        folder = tmp_path_factory.mktemp(f"site-{lang}")
        result = subprocess.run([sys.executable, "-m", "helpers", "batch", "--processed", str(ROOT / "data" / "processed"),
                                 "--out", str(folder), "--provinces", "Tuyên Quang,Quảng Ninh", "--lang", lang,
                                 "--quiet"], capture_output=True, text=True, cwd=ROOT)
        assert result.returncode == 0, result.stderr
        out[lang] = folder
    return out


@pytest.fixture(scope="module")
def browser(sites):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
        chromium = playwright.chromium.launch(executable_path=executable, args=ARGS)
        yield chromium
        chromium.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_page_scrolls_sideways(sites, browser, lang, width):
    page = browser.new_page(viewport={"width": width, "height": 900}, java_script_enabled=True)
    try:
        for name in PAGES:
            page.goto((sites[lang] / f"{name}.html").as_uri())
            sizes = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth, document.body.scrollWidth]")
            assert sizes[0] <= sizes[1] and sizes[2] <= sizes[1], f"{name}.html ({lang}) scrolls sideways at {width} px: {sizes}"
            # Wide tables scroll inside their own box: none of them is wider than the page.
            wider = page.evaluate("""() => [...document.querySelectorAll('.table-wrap')]
                .filter(box => box.getBoundingClientRect().right > window.innerWidth + 0.5).length""")
            assert wider == 0, f"{name}.html: a table box sticks out at {width} px"
            assert page.evaluate("document.documentElement.lang") == lang
            assert page.evaluate("document.querySelectorAll('nav a').length") == 4, name
            assert page.evaluate("document.scripts.length") == 0
    finally:
        page.close()


def test_pages_are_readable_text_not_dumps(sites, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto((sites["en"] / "tuyen-quang.html").as_uri())
        text = page.inner_text("main")
        assert "Key figures" in text and "Documents received" in text and "52,200" in text
        assert "docs_received" not in text and "False" not in text and "1 of 1" not in text
        headers = page.evaluate("[...document.querySelectorAll('th')].map(th => th.innerText.trim())")
        assert "0" not in headers and "" not in headers[:4]  # no DataFrame index
    finally:
        page.close()
