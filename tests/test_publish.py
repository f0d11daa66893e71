"""The publish stage: words and numbers in two languages, safe HTML, reader views, the cache, the re-run."""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import time

import pandas as pd
import pytest

from conftest import ROOT, SEEDS, panel_frame, raw_folder
from helpers import __main__ as cli
from helpers.catalog import load_catalog
from helpers.compare import ParameterError, Tables, peer_comparisons, province_trends
from helpers.extract import run_extraction
from helpers.publish import blocks, cache, i18n
from helpers.publish.batch import PROFILE_NOTEBOOK
from helpers.publish.cleaning import CleaningRecord

NBSP = "\u00a0"
panel = panel_frame  # the contract's panel columns (conftest)


def year(province, y, metric, value, qualifier="exact", denominator=None, unit="count"):
    return (province, "", province, f"{y}-01-01", f"{y}-12-31", metric, value, qualifier, denominator, unit, 1, "r",
            False)


# --- words and numbers ----------------------------------------------------------------------------------
@pytest.mark.parametrize("value, lang, text", [
    (52200, "vi", "52.200"), (52200, "en", "52,200"), (99.98, "vi", "99,98"), (99.98, "en", "99.98"),
    (1200000, "vi", "1.200.000"), (7.5, "en", "7.5"), (0, "vi", "0"), (float("nan"), "vi", ""),
])
def test_numbers_are_written_the_languages_way(value, lang, text):
    assert i18n.format_number(value, lang) == text


@pytest.mark.parametrize("args, text", [
    ((13000, "vi", "over"), f">{NBSP}13.000"), ((50000, "en", "nearly"), f"<{NBSP}50,000"),
    ((1200, "vi", "about"), f"≈{NBSP}1.200"), ((99.98, "vi", "exact", "percent"), f"99,98{NBSP}%"),
    ((99.98, "en", "exact", "percent"), f"99.98{NBSP}%"), ((35, "vi", "exact", "rank", 61.0), "35/61"),
    ((18, "en", "exact", "count", 20.0), "18/20"), ((500, "en", "over", "percent"), f">{NBSP}500{NBSP}%"),
])
def test_values_show_their_hedge(args, text):
    assert i18n.format_value(*args) == text


@pytest.mark.parametrize("start, end, vi, en", [
    ("2023-01-01", "2023-12-31", "Năm 2023", "2023"),
    ("2019-01-01", "2019-05-31", "5 tháng đầu năm 2019", "Jan–May 2019"),
    ("2019-01-01", "2019-06-30", "6 tháng đầu năm 2019", "Jan–Jun 2019"),
    ("2023-10-01", "2023-12-31", "Tháng 10–12/2023", "Oct–Dec 2023"),
    ("2019-01-01", "2019-05-17", "01/01/2019–17/05/2019", "1 Jan 2019–17 May 2019"),
    ("", "", "chưa xác định kỳ", "period not decided"),
])
def test_periods_in_both_languages(start, end, vi, en):
    assert (i18n.period_label(start, end, "vi"), i18n.period_label(start, end, "en")) == (vi, en)


def test_every_metric_has_a_label_in_both_languages_and_no_label_is_stale():
    catalog = load_catalog()
    assert set(i18n._labels()) <= set(catalog)
    for metric in catalog:
        for lang in i18n.LANGUAGES:
            label = i18n.metric_label(metric, lang)
            assert label and label != metric and "_" not in label
    assert i18n.metric_label("docs_received", "vi") != i18n.metric_label("docs_received", "en")


def test_every_phrase_is_in_both_languages_and_the_cli_offers_the_same_languages():
    for key, pair in i18n.PHRASES.items():
        assert len(pair) == 2 and all(pair), key
    assert (cli.LANGUAGES, cli.DEFAULT_LANGUAGE) == (i18n.LANGUAGES, i18n.DEFAULT_LANGUAGE)
    with pytest.raises(ParameterError, match="vi, en"):
        i18n.check_language("fr")
    assert i18n.count(1, "report", "en") == "1 report" and i18n.count(2, "report", "en") == "2 reports"
    assert i18n.count(2, "report", "vi") == "2 báo cáo"


# --- safe HTML ------------------------------------------------------------------------------------------
def test_rejections_and_warnings_are_explained_in_the_pages_language():
    fixed = "No province could be decided (manifest, office name, text, URL, officials): the report stays out."
    assert i18n.reason_detail("no_province", fixed, "en") == fixed
    vi = i18n.reason_detail("no_province", fixed, "vi")
    assert "tỉnh" in vi and "manifest" not in vi  # nothing said twice, nothing left in English
    specific = "Lê Văn A → Tỉnh X; Trần Văn B → Tỉnh Y"
    assert i18n.reason_detail("ambiguous_province", specific, "vi").endswith(specific)  # names are kept
    assert i18n.reason_label("duplicate_of:d101", "vi") == "Bản trùng: d101"
    assert i18n.reason_label("duplicate_of:d101", "en") == "Duplicate: d101"
    assert i18n.reason_label("something_new", "vi") == "something_new"  # an unknown code is shown as it is


def test_a_warned_report_without_a_province_is_named_by_its_id(tmp_path):
    run_extraction(raw_folder(tmp_path, {"a.txt": "Năm 2022, Văn phòng tiếp nhận 1.234 văn bản đến."}), tmp_path / "out")
    listing = CleaningRecord.load(tmp_path / "out", "vi").warnings().text
    assert "a · Năm 2022" in listing and "Chưa xác định được tỉnh" in listing
    assert "Câu gốc" not in listing  # no warning quotes a sentence, so no empty column for one


def test_blocks_escape_text_and_links_only_go_to_web_addresses():
    table = blocks.table(["a", "b"], [["<script>x</script>", blocks.link("javascript:alert(1)", "click")]])
    assert "<script>" not in table.html and "&lt;script&gt;" in table.html and "javascript:" not in table.html
    assert "<th>" in table.html and "<td>0</td>" not in table.html  # no index column
    assert blocks.safe_url("https://example.org/a?b=1") and not blocks.safe_url("data:text/html,x")
    assert not blocks.safe_url('https://example.org/"onmouseover=x')
    good = blocks.link("https://example.org/a", "source")
    assert 'href="https://example.org/a"' in good and 'rel="noopener noreferrer"' in good
    stacked = blocks.table(["Metric", "Value"], [["x", "1"]], stack=True)
    assert 'data-label="Value"' in stacked.html and "stack" in stacked.html


# --- reader views: nothing ranked among fewer than three, trends only over two years ------------------------
def test_peers_need_three_provinces_for_the_same_year():
    two = panel([year("Thanh Hóa", 2021, "docs_received", 100), year("Tuyên Quang", 2021, "docs_received", 90),
                 year("Lạng Sơn", 2020, "docs_received", 500)])
    assert peer_comparisons(two, "Thanh Hóa").empty
    three = panel([year("Thanh Hóa", 2021, "docs_received", 100), year("Tuyên Quang", 2021, "docs_received", 90),
                   year("Lạng Sơn", 2021, "docs_received", 500, "over")])
    frame = peer_comparisons(three, "Thanh Hóa")
    assert list(frame["province"]) == ["Lạng Sơn", "Thanh Hóa", "Tuyên Quang"]
    assert list(frame["position"]) == [1, 2, 3] and set(frame["among"]) == {3}
    assert list(frame["highlight"]) == [False, True, False]


def test_ranks_are_compared_only_out_of_the_same_group():
    rows = panel([year("Thanh Hóa", 2021, "portal_rank", 5, denominator=63, unit="rank"),
                  year("Tuyên Quang", 2021, "portal_rank", 2, denominator=63, unit="rank"),
                  year("Lạng Sơn", 2021, "portal_rank", 1, denominator=14, unit="rank"),
                  year("Hà Giang", 2021, "portal_rank", 9, denominator=63, unit="rank")])
    frame = peer_comparisons(rows, "Thanh Hóa")
    assert list(frame["province"]) == ["Tuyên Quang", "Thanh Hóa", "Hà Giang"]  # rank 1 first, out of 63 only


def test_trends_only_where_two_full_years_are_stated():
    one = panel([year("Thanh Hóa", 2021, "docs_received", 100), year("Thanh Hóa", 2021, "docs_issued", 10)])
    assert province_trends(one, "Thanh Hóa").empty
    two = panel([year("Thanh Hóa", 2021, "docs_received", 100), year("Thanh Hóa", 2022, "docs_received", 120),
                 year("Thanh Hóa", 2021, "docs_issued", 10)])
    table = province_trends(two, "Thanh Hóa")
    assert list(table.index) == ["docs_received"] and list(table.columns) == [2021, 2022]


def _tables(panel_frame):
    reports = pd.DataFrame([{"report_id": "r", "title": "T", "published": "2022-01-08", "province": p,
                             "province_code": "", "province_2025": p, "province_evidence": "text",
                             "period_start": "2021-01-01", "period_end": "2021-12-31", "period_label": "",
                             "source_url": "", "n_facts": 1} for p in sorted(set(panel_frame["province"]))])
    facts = pd.DataFrame(columns=["report_id", "metric", "kind", "value", "qualifier", "denominator", "unit",
                                  "reference", "period_start", "period_end", "sentence", "start", "end"])
    empty = pd.DataFrame()
    return Tables(reports=reports, facts=facts, panel=panel_frame, rejected=empty, warnings=empty)


def test_the_province_page_never_says_one_of_one(monkeypatch):
    from helpers.publish import profile

    shown = []
    monkeypatch.setattr(profile, "show", lambda *items: shown.extend(items))
    alone = profile.ProvincePage(_tables(panel([year("Thanh Hóa", 2021, "docs_received", 100)])), "Thanh Hóa", "en")
    alone.peers()
    alone.trends()
    text = "\n".join(repr(item) for item in shown)
    assert "No metric is stated by at least 3 provinces" in text and "1 of 1" not in text
    assert "Over time" not in text  # no trend section at all, not an empty chart
    shown.clear()
    rows = [year(p, 2021, "docs_received", v) for p, v in (("Thanh Hóa", 100), ("Tuyên Quang", 90), ("Lạng Sơn", 80))]
    rows += [year("Thanh Hóa", 2022, "docs_received", 120)]
    page = profile.ProvincePage(_tables(panel(rows)), "Thanh Hóa", "en")
    page.peers()
    page.trends()
    text = "\n".join(repr(item) for item in shown)
    assert "Thanh Hóa: 1 of 3 provinces." in text and "Over time" in text
    assert sum(type(item).__name__ == "Figure" for item in shown) == 2


# --- the one-way flow --------------------------------------------------------------------------------------
def test_publishing_never_reaches_back_into_extraction():
    extraction = {"extract", "reading", "sentences", "numbers", "dates", "figures", "patterns", "panel", "evaluate"}
    for path in (ROOT / "src" / "helpers" / "publish").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                parts = set(node.module.split(".")) | {alias.name for alias in node.names if node.module == ""}
                assert not parts & extraction, f"{path.name} imports {node.module}"


# --- the cache key ------------------------------------------------------------------------------------------
def test_the_key_changes_with_notebook_code_parameters_and_data(tmp_path):
    notebook = tmp_path / "page.ipynb"
    notebook.write_bytes(PROFILE_NOTEBOOK.read_bytes())
    helpers = tmp_path / "helpers"
    shutil.copytree(ROOT / "src" / "helpers", helpers, ignore=shutil.ignore_patterns("__pycache__"))
    reference = ROOT / "data" / "reference"
    code = cache.code_fingerprint(helpers, reference)
    parameters = {"province": "Thanh Hóa", "lang": "vi", "processed_dir": "/a"}
    key = cache.page_key(notebook, parameters, "rows", code)
    assert cache.page_key(notebook, dict(parameters, processed_dir="/b"), "rows", code) == key  # where, not what
    assert cache.page_key(notebook, dict(parameters, lang="en"), "rows", code) != key
    assert cache.page_key(notebook, parameters, "other rows", code) != key
    (helpers / "publish" / "i18n.py").write_text((helpers / "publish" / "i18n.py").read_text() + "\n# changed\n")
    assert cache.page_key(notebook, parameters, "rows", cache.code_fingerprint(helpers, reference)) != key
    notebook.write_bytes(notebook.read_bytes().replace(b"page.summary()", b"page.summary()\\n"))
    assert cache.page_key(notebook, parameters, "rows", code) != key


def test_a_province_slice_holds_its_rows_and_its_peers_only():
    rows = panel([year("Thanh Hóa", 2021, "docs_received", 100), year("Tuyên Quang", 2021, "docs_received", 90),
                  year("Lạng Sơn", 2019, "docs_received", 80), year("Tuyên Quang", 2021, "docs_issued", 7)])
    tables = _tables(rows)
    before = cache.province_slice(tables, "Thanh Hóa")
    elsewhere = rows.copy()
    elsewhere.loc[2, "value"] = 81  # another year, another province: not on Thanh Hóa's page
    elsewhere.loc[3, "value"] = 8  # another metric
    assert cache.province_slice(_tables(elsewhere), "Thanh Hóa") == before
    peer = rows.copy()
    peer.loc[1, "value"] = 91  # a peer on Thanh Hóa's chart
    assert cache.province_slice(_tables(peer), "Thanh Hóa") != before


# --- the re-run ---------------------------------------------------------------------------------------------
def _batch(processed, out, *extra):
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "helpers", "batch", "--processed", str(processed), "--out", str(out),
                             "--jobs", "2", "--quiet", *extra], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result.stdout, time.perf_counter() - started


def test_a_rerun_renders_only_what_changed(tmp_path):
    processed, out = tmp_path / "processed", tmp_path / "reports"
    run_extraction(SEEDS, processed)
    first, first_seconds = _batch(processed, out)
    assert "(6 rendered, 0 unchanged)" in first
    stamps = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.iterdir()}
    again, again_seconds = _batch(processed, out)
    assert "(0 rendered, 6 unchanged)" in again
    assert {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.iterdir()} == stamps  # nothing touched
    assert again_seconds < first_seconds / 2
    # One report of Thanh Hóa changes: its page and the two pages that summarise all, nothing else.
    panel_csv = processed / "panel.csv"
    panel_csv.write_text(panel_csv.read_text(encoding="utf-8").replace(",73716,", ",73717,"), encoding="utf-8")
    changed, _ = _batch(processed, out)
    assert "(3 rendered, 3 unchanged)" in changed
    moved = sorted(name for name, (stamp, _) in stamps.items() if (out / name).stat().st_mtime_ns != stamp)
    assert moved == ["cleaning.html", "cleaning.ipynb", "compare.html", "compare.ipynb", "site-manifest.json",
                     "thanh-hoa.html", "thanh-hoa.ipynb"]
    assert "73.717" in (out / "thanh-hoa.html").read_text(encoding="utf-8")
    # A page edited by hand is made again; another language is another page.
    (out / "lang-son.html").write_text("edited", encoding="utf-8")
    assert "(1 rendered, 5 unchanged)" in _batch(processed, out)[0]
    assert "(6 rendered, 0 unchanged)" in _batch(processed, out, "--lang", "en")[0]


def test_evidence_names_the_leader_who_decided_the_province():
    from helpers.publish.i18n import evidence_label

    assert evidence_label("official:Nguyễn Văn A", "vi") == "lãnh đạo được nêu tên: Nguyễn Văn A"
    assert evidence_label("official:Nguyễn Văn A", "en") == "a named official: Nguyễn Văn A"
    assert evidence_label("text", "en") == "the article's text"
    assert evidence_label("", "vi") == "chưa xác định"


def test_a_page_does_not_depend_on_papermills_random_cell_ids():
    import nbformat

    from helpers.publish.render import notebook_to_html

    def executed(cell_id):
        notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("x")])
        notebook.cells[0].id, notebook.cells[0].metadata["tags"] = cell_id, ["injected-parameters"]
        notebook.cells[1].outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "1"}, execution_count=1)]
        return notebook

    first, second = executed("ca3e4616"), executed("91280d37")
    assert notebook_to_html(first, "T", "en") == notebook_to_html(second, "T", "en")
    assert first.cells[0].id == "ca3e4616"  # the executed notebook itself is left as it was
