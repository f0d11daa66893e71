"""Broken and hostile input: every case ends in a documented outcome, nothing raises, nothing runs."""
from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys
import time
import unicodedata

import pytest
from hypothesis import given, settings, strategies as st

from conftest import ROOT, SEEDS, raw_folder
from helpers.extract import extract, text_name
from helpers.figures import extract_figures
from helpers.numbers import find_numbers
from helpers.reading import normalize_text, read_bytes
from helpers.publish.i18n import reason_label

GOOD = "Văn phòng UBND tỉnh Nghệ An tổng kết năm 2022.\nNăm 2022, Văn phòng tiếp nhận 12.345 văn bản đến.\n"


def _tables(raw):
    result = extract(raw)
    return result, {r["path"]: (r["reason"], r["detail"]) for r in result.rejected}


def test_a_messy_raw_folder(tmp_path):
    raw = tmp_path / "raw"
    (raw / "sub").mkdir(parents=True)
    outside = tmp_path / "outside.txt"
    outside.write_text(GOOD, encoding="utf-8")
    files = {
        "empty.txt": b"",
        "spaces.txt": b"  \n\t\n",
        "scan.txt": b"%PDF-1.5\n%binary",
        "archive.txt": b"PK\x03\x04rest",
        "utf16.txt": GOOD.replace("12.345", "23.456").encode("utf-16"),
        "tcvn3.txt": b"V\xa8n ph\xdfng UBND t\xbanh ti\xd5p nh\xc6n 12.345 v\xa8n b\xb6n \xae\xd5n",
        "nfd crlf.txt": unicodedata.normalize("NFD", GOOD.replace("12.345", "34.567")).replace("\n", "\r\n").encode(),
        "no figures.txt": "Văn phòng UBND tỉnh họp giao ban tuần.".encode(),
        "truncated.txt": GOOD.replace("12.345", "45.678").encode()[:-2] + "ế".encode()[:2],
        "Báo cáo Hà Tĩnh năm 2022.txt": GOOD.replace("Nghệ An", "Hà Tĩnh").replace("12.345", "56.789").encode(),
        "sub/nested.txt": GOOD.replace("Nghệ An", "Quảng Bình").replace("12.345", "67.890").encode(),
        "big.txt": b"a" * (31 * 1024 * 1024),
        "page.docx": b"PK\x03\x04",
    }
    for name, data in files.items():
        (raw / name).write_bytes(data)
    os.symlink(outside, raw / "link.txt")
    result, rejected = _tables(raw)
    reasons = {path: reason for path, (reason, _detail) in rejected.items()}
    assert reasons == {
        "empty.txt": "empty", "spaces.txt": "empty", "scan.txt": "not_text", "archive.txt": "not_text",
        "tcvn3.txt": "bad_encoding", "no figures.txt": "no_figures", "truncated.txt": "truncated",
        "big.txt": "too_large", "page.docx": "unsupported_type", "link.txt": "symlink",
    }
    assert all(detail.endswith(".") and len(detail) > 20 for _r, detail in rejected.values())
    # the pages name every reason in words, in both languages
    assert all(reason_label(r, lang) != r for r in reasons.values() for lang in ("vi", "en"))
    accepted = {r["report_id"]: r for r in result.reports}
    assert set(accepted) == {"utf16", "nfd crlf", "Báo cáo Hà Tĩnh năm 2022", "nested"}
    assert accepted["nested"]["province"] == "Quảng Bình"
    assert accepted["Báo cáo Hà Tĩnh năm 2022"]["province"] == "Hà Tĩnh"
    values = sorted(f["value"] for f in result.facts)
    assert values == [23456, 34567, 56789, 67890]  # the NFD/CRLF report reads like any other
    assert "Thanh Hoá" not in str(result.reports)


def test_html_page_with_furniture_full_of_numbers(tmp_path):
    raw = raw_folder(tmp_path, {"page.html": """<!doctype html><html><head><title>x</title>
      <script>var counter = "tiếp nhận 999.999 văn bản đến";</script><style>p{}</style></head><body>
      <header><ul class="menu"><li>Tiếp nhận 111 văn bản đến</li></ul></header>
      <nav>Trang chủ | 222 hồ sơ trực tuyến</nav>
      <div class="content"><h1>Văn phòng UBND tỉnh Nghệ An tổng kết năm 2022</h1>
      <p>Năm 2022, Văn phòng tiếp nhận 12.345 văn bản đến.</p></div>
      <div class="sidebar">Tin khác: tiếp nhận 333 văn bản đến</div>
      <footer>Số lượt truy cập: 55.920.967 · tiếp nhận 444 văn bản đến</footer></body></html>"""})
    result, _rejected = _tables(raw)
    assert [(f["metric"], f["value"]) for f in result.facts] == [("docs_received", 12345)]
    assert result.reports[0]["title"] == "Văn phòng UBND tỉnh Nghệ An tổng kết năm 2022"


def test_duplicates_exact_and_with_other_furniture(tmp_path):
    raw = raw_folder(tmp_path, {"a.txt": GOOD, "b.txt": GOOD, "c.txt": GOOD + "\nTin mới nhất\nSố lượt truy cập: 123\n"})
    result, rejected = _tables(raw)
    assert [r["report_id"] for r in result.reports] == ["a"]
    assert rejected["b.txt"][0] == "duplicate_of:a" and rejected["c.txt"][0] == "duplicate_of:a"


def test_contradicting_reports_are_both_kept_and_flagged(tmp_path):
    raw = raw_folder(tmp_path, {"portal.txt": GOOD,
                                "paper.txt": GOOD.replace("12.345", "20.000").replace("tổng kết", "nhìn lại")})
    result, _ = _tables(raw)
    [row] = result.panel
    assert row["conflict"] is True and row["n_sources"] == 2


def test_impossible_values_are_left_out_with_a_warning(tmp_path):
    raw = raw_folder(tmp_path, {"odd.txt": GOOD + "Hoàn thành 180/172 nhiệm vụ; tỷ lệ hồ sơ giải quyết đúng hạn đạt 120%.\n"})
    result, _ = _tables(raw)
    assert [f["metric"] for f in result.facts] == ["docs_received"]
    assert sorted(w["code"] for w in result.warnings) == ["implausible_value", "implausible_value"]
    assert all(w["sentence"] for w in result.warnings)


def test_figures_of_a_later_year_are_plans_not_results(tmp_path):
    raw = raw_folder(tmp_path, {"plan.txt": GOOD + "Năm 2023, Văn phòng tiếp tục tham mưu ban hành khoảng 10.000 văn bản.\n"})
    result, _ = _tables(raw)
    assert [(f["metric"], f["value"]) for f in result.facts] == [("docs_received", 12345)]


def test_manifest_problems(tmp_path):
    raw = raw_folder(tmp_path, {
        "r1.txt": GOOD.replace("Nghệ An", ""),
        "manifest.csv": "report_id,source_url,province,published,note\n"
                        "r1,,Hà Tĩnh,2023-01-05,analyst knows\n"
                        "ghost,,Nghệ An,,no such file\n"
                        "r2,only,three\n"
                        "r3,,Atlantis,,\n"
                        "r4,,,05/01/2023,\n"})
    result, rejected = _tables(raw)
    assert (result.reports[0]["province"], result.reports[0]["province_evidence"],
            result.reports[0]["published"]) == ("Hà Tĩnh", "manifest", "2023-01-05")
    assert {k: v[0] for k, v in rejected.items()} == {
        "manifest.csv:3": "manifest_unknown_report", "manifest.csv:4": "manifest_bad_row",
        "manifest.csv:5": "manifest_bad_row", "manifest.csv:6": "manifest_bad_row"}


def test_file_names_that_are_not_utf8_are_read_under_an_escaped_id(tmp_path):
    # As unpacking a ZIP made on Windows leaves them: names in a legacy code page, not UTF-8.
    raw = os.fsencode(raw_folder(tmp_path, {
        "manifest.csv": "report_id,source_url,province,published,note\n"
                        "B\\xe1o c\\xe1o Ngh\\xea An,https://vpubnd.nghean.gov.vn/a,,,known by its escaped id\n",
        "bad\\xff.txt": GOOD.replace("Nghệ An", "Hà Tĩnh").replace("12.345", "2.345"),  # a real backslash
    }))
    for name, text in {b"B\xe1o c\xe1o Ngh\xea An.txt": GOOD, b"bad\xff.txt": GOOD.replace("12.345", "3.456"),
                       b"s\xfcb/nested.txt": GOOD.replace("Nghệ An", "Quảng Bình").replace("12.345", "4.567"),
                       b"scan\xff.pdf": "%PDF-1.4"}.items():
        os.makedirs(os.path.dirname(raw + b"/" + name), exist_ok=True)
        with open(raw + b"/" + name, "wb") as handle:
            handle.write(text.encode())
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "helpers", "extract", os.fsdecode(raw), str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr

    def table(name):  # every table is valid UTF-8 and nothing staged is left behind
        with open(out / f"{name}.csv", encoding="utf-8", errors="strict", newline="") as handle:
            return list(csv.DictReader(handle))

    assert sorted(p.name for p in out.iterdir()) == [f"{n}.csv" for n in ("facts", "panel", "rejected", "reports",
                                                                          "warnings")]
    reports = {r["report_id"]: r for r in table("reports")}
    assert set(reports) == {"B\\xe1o c\\xe1o Ngh\\xea An", "bad\\xff", "nested"}
    assert reports["B\\xe1o c\\xe1o Ngh\\xea An"]["source_url"] == "https://vpubnd.nghean.gov.vn/a"  # the manifest row
    assert reports["nested"]["province"] == "Quảng Bình"
    # Two files, one named with the byte 0xff and one with the four characters \xff: one id, the second refused.
    rejected = {r["path"]: (r["reason"], r["detail"]) for r in table("rejected")}
    assert {path: reason for path, (reason, _detail) in rejected.items()} == {
        "bad\\xff.txt": "duplicate_id", "scan\\xff.pdf": "unsupported_type"}
    assert all("not UTF-8" in detail for _reason, detail in rejected.values())
    assert reports["bad\\xff"]["province"] == "Hà Tĩnh"  # the file whose name is UTF-8 came first
    assert sorted((w["report_id"], w["code"]) for w in table("warnings")) == [
        ("B\\xe1o c\\xe1o Ngh\\xea An", "file_name_not_utf8")]
    assert {f["report_id"] for f in table("facts")} == set(reports)


@given(st.binary(min_size=1, max_size=40))
def test_any_file_name_becomes_utf8_text_and_a_utf8_name_stays_as_it_is(name):
    shown = text_name(os.fsdecode(name))
    assert shown.encode("utf-8") and shown == text_name(os.fsdecode(name))
    try:
        assert shown == name.decode("utf-8")
    except UnicodeDecodeError:
        assert "\\x" in shown


def test_kill_9_leaves_the_previous_tables_whole(tmp_path):
    raw = raw_folder(tmp_path, {f"r{i:04d}.txt": GOOD.replace("12.345", f"{10000 + i:,}".replace(",", "."))
                                for i in range(400)})
    out = tmp_path / "out"
    command = [sys.executable, "-m", "helpers", "extract", str(raw), str(out)]
    assert subprocess.run(command, capture_output=True).returncode == 0
    before = {p.name: p.read_bytes() for p in out.glob("*.csv")}
    shutil.rmtree(raw)
    raw.mkdir()
    (raw / "one.txt").write_text(GOOD, encoding="utf-8")
    for delay in (0.05, 0.2, 0.4, 0.6):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        for path in out.glob("*.csv"):
            data = path.read_bytes()
            assert data == before[path.name] or data.endswith(b"\n") and data.startswith(before[path.name][:20])
        for path in out.glob("*.csv"):
            with open(path, encoding="utf-8", newline="") as handle:
                rows = list(csv.reader(handle))
            assert rows and all(len(row) == len(rows[0]) for row in rows)


@pytest.mark.parametrize("delay", [3.5, 5.5])
def test_interrupted_batch_leaves_no_half_written_report(tmp_path, delay):
    from helpers.extract import run_extraction

    processed = tmp_path / "processed"
    run_extraction(SEEDS, processed)
    out = tmp_path / "reports"
    process = subprocess.Popen([sys.executable, "-m", "helpers", "batch", "--processed", str(processed), "--out",
                                str(out), "--jobs", "2", "--quiet"], cwd=ROOT, start_new_session=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(delay)
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group, kernels included
    process.communicate(timeout=60)
    # 130: interrupted and cleaned up; 0: it had finished; -2: the interrupt came during interpreter exit.
    assert process.returncode in (0, 130, -signal.SIGINT)
    out.mkdir(exist_ok=True)  # an interrupt during start-up may come before the folder exists
    for page in out.glob("*.html"):
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert not [p for p in out.iterdir() if p.name.startswith(".")], "temporary files left behind"
    time.sleep(1)
    assert subprocess.run(["pgrep", "-f", str(processed)], capture_output=True).stdout == b"", "kernels left running"


HOSTILE = ("Năm 2022, Văn phòng UBND tỉnh Nghệ An tiếp nhận 12.345 văn bản đến "
           "<script>document.body.setAttribute('data-pwned','script')</script> "
           "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\"> "
           "<a href=\"javascript:document.body.setAttribute('data-pwned','link')\">xem</a>.\n")


def test_text_from_reports_is_never_markup(tmp_path):
    from helpers.publish.batch import run_batch
    from helpers.extract import run_extraction

    raw = raw_folder(tmp_path, {"hostile.txt": "Văn phòng UBND tỉnh Nghệ An tổng kết năm 2022\n" + HOSTILE})
    processed = tmp_path / "processed"
    run_extraction(raw, processed)
    out = tmp_path / "reports"
    outcomes = run_batch("all", processed, out, jobs=1, progress=False)
    assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    [outcome] = [o for o in outcomes if o.province]  # and the comparison and cleaning record, checked below
    page = (out / f"{outcome.slug}.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in page and "<script>document" not in page
    # As text (escaped) the markup may stay; as an element it never does.
    assert "<img src=x" not in page and '<a href="javascript:' not in page
    for summary in ("compare.html", "cleaning.html"):  # the report's sentences reach these pages too
        text = (out / summary).read_text(encoding="utf-8")
        assert "<script>document" not in text and "<img src=x" not in text and '<a href="javascript:' not in text
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("headless Chromium is not installed (.ci/run installs it)")
    dom = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                          "--disable-background-networking", "--disable-component-update", "--disable-sync",
                          f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=2000", "--dump-dom",
                          (out / f"{outcome.slug}.html").as_uri()], capture_output=True, text=True, timeout=120).stdout
    assert "12.345" in dom, dom[:500]  # the page shows the figure, in Vietnamese digits
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]


PIECES = list("0123456789.,/%- \n;:()“”") + [
    "trên ", "hơn ", "gần ", "khoảng ", "tiếp nhận ", "văn bản ", "hồ sơ ", "đạt ", "xếp thứ ", "tăng ", "so với năm ",
    "chỉ tiêu ", "Cổng ", "năm 2023", "ngày ", "tỉnh Nghệ An ", "\u0301", "\u00a0", "\ufeff", "ế", "Ạ"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(PIECES), max_size=80).map("".join), st.text(max_size=200)))
def test_fuzz_nothing_raises_and_offsets_point_at_the_text(fragment):
    text = read_bytes(fragment.encode("utf-8", "surrogatepass"), ".txt").text or normalize_text(fragment)
    for n in find_numbers(text):
        assert text[n.num_start].isdigit()
    for figure in extract_figures(text):
        assert 0 <= figure.start < figure.end <= len(text)
        assert any(c.isdigit() for c in text[figure.start:figure.end])
        assert figure.sentence_start <= figure.start and figure.end <= figure.sentence_end


def test_a_saved_portal_page_reads_like_its_text(tmp_path):
    """The same article saved as a portal page (menus, share bar, related news, footer) gives the same figures."""
    import html as html_module

    source = SEEDS / "001_82b75d6fe802a88a.txt"
    lines = source.read_text(encoding="utf-8").split("\n")
    paragraphs = "".join(f"<p>{html_module.escape(line)}</p>" for line in lines[1:] if line.strip())
    page = (f"<!DOCTYPE html><html><head><title>{html_module.escape(lines[0])} - Cổng TTĐT</title>"
            "<script>window.stats = {views: 123456};</script></head><body>"
            "<header><ul class='menu'><li>Trang chủ</li><li>Tiếp nhận 999 văn bản đến</li></ul></header>"
            f"<div class='main-content'><h1>{html_module.escape(lines[0])}</h1>{paragraphs}"
            "<div class='social-share'>Chia sẻ: 45 lượt</div></div>"
            "<aside class='sidebar'><h3>Tin khác</h3><p>Tiếp nhận 777 hồ sơ trực tuyến</p></aside>"
            "<footer>Số lượt truy cập: 55.920.967 · Điện thoại 0237.3852.410</footer></body></html>")
    raw_html = raw_folder(tmp_path, {"report.html": page}, name="html")
    raw_txt = tmp_path / "txt"
    raw_txt.mkdir()
    (raw_txt / "report.txt").write_bytes(source.read_bytes())
    from_text, from_page = extract(raw_txt), extract(raw_html)

    def key(facts):
        return sorted((f["metric"], f["kind"], f["value"], f["qualifier"]) for f in facts)

    assert key(from_page.facts) == key(from_text.facts) and len(from_text.facts) == 21
    page_report, text_report = from_page.reports[0], from_text.reports[0]
    for column in ("title", "province", "period_start", "period_end", "published"):
        assert page_report[column] == text_report[column], column


def test_a_portal_page_whose_article_names_no_province_takes_its_owner_from_the_footer(tmp_path):
    raw = raw_folder(tmp_path, {"page.html":
        "<html><body><nav>Trang chủ</nav><article><h1>Văn phòng UBND tỉnh tổng kết công tác năm 2022</h1>"
        "<p>Năm 2022, Văn phòng tiếp nhận 12.345 văn bản đến.</p></article>"
        "<footer><p>Cơ quan chủ quản: UBND tỉnh Quảng Bình</p><p>Lượt truy cập: 1.234.567</p></footer>"
        "</body></html>"})
    result, _ = _tables(raw)
    assert (result.reports[0]["province"], result.reports[0]["province_evidence"]) == ("Quảng Bình", "text")
    assert [(f["metric"], f["value"]) for f in result.facts] == [("docs_received", 12345)]
