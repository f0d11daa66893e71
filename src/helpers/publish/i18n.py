"""Words and number formats of the published pages, in Vietnamese (``vi``) or English (``en``).

Everything a reader sees that is not data lives here, once: metric labels (from
``data/reference/metric_labels.csv``, falling back to the catalog's own labels, never to an id), the
phrases of the pages, and how numbers, hedges, periods and dates are written in each language:

=========  =================  ==================
           ``vi``             ``en``
=========  =================  ==================
count      ``52.200``         ``52,200``
share      ``99,98 %``        ``99.98 %``
over       ``> 13.000``       ``> 13,000``   (``trên``, ``hơn``: a lower bound)
nearly     ``< 50.000``       ``< 50,000``   (``gần``: just under, an upper bound)
about      ``≈ 1.200``        ``≈ 1,200``    (``khoảng``)
period     ``Năm 2023``       ``2023``
partial    ``5 tháng đầu năm 2019``  ``Jan–May 2019``
=========  =================  ==================

A hedge is a sign rather than a word so that it reads the same in both languages and stays short
in a table; every page that shows one explains the signs (``hedge_legend``).
"""
from __future__ import annotations

import csv
import math
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..catalog import load_catalog
from ..compare import ParameterError

LANGUAGES = ("vi", "en")
# The offices, their staff and most readers of these reports read Vietnamese; English is for outside readers.
DEFAULT_LANGUAGE = "vi"
LABELS_PATH = Path(__file__).resolve().parents[3] / "data" / "reference" / "metric_labels.csv"
NBSP = "\u00a0"  # keeps "> 500" and "99,98 %" on one line
HEDGE_SIGNS = {"exact": "", "over": ">", "nearly": "<", "about": "≈"}

# Phrases of the pages: key → (Vietnamese, English). ``{name}`` fields are filled by ``say``.
PHRASES = {
    "site_title": ("Báo cáo Văn phòng UBND các tỉnh", "Provincial People's Committee Office reports"),
    "nav_home": ("Tổng quan", "Overview"),
    "nav_compare": ("So sánh các tỉnh", "Comparison"),
    "nav_cleaning": ("Nhật ký làm sạch dữ liệu", "Cleaning record"),
    "nav_provinces": ("Các tỉnh", "Provinces"),
    "footer": ("Tạo bởi vn-office-reports từ các bảng dữ liệu đã xử lý; mỗi số liệu kèm câu gốc của nó.",
               "Made by vn-office-reports from the processed tables; every figure comes with the sentence it was "
               "read from."),
    "profile_title": ("{province}: hồ sơ Văn phòng UBND tỉnh", "{province}: the People's Committee Office"),
    "compare_title": ("So sánh Văn phòng UBND các tỉnh", "Comparing provincial offices"),
    "cleaning_title": ("Nhật ký làm sạch dữ liệu", "Cleaning record"),
    "index_title": ("Báo cáo Văn phòng UBND các tỉnh", "Provincial People's Committee Office reports"),
    # province profile
    "intro_reports": ("Trang này dựa trên {reports} của Văn phòng UBND tỉnh {province}, về {periods}.",
                      "This page draws on {reports} from the {province} People's Committee Office, covering "
                      "{periods}."),
    "intro_figures": ("Các báo cáo nêu {figures} cho {metrics} (trong số {catalog} của danh mục): {groups}.",
                      "They state {figures} for {metrics} of the {catalog} in the catalogue: {groups}."),
    "intro_none": ("Chưa có báo cáo nào của tỉnh {province} được đưa vào dữ liệu.",
                   "No report of {province} is in the data yet."),
    "key_figures": ("Số liệu chính", "Key figures"),
    "key_figures_note": ("Mỗi dòng là một chỉ tiêu trong một kỳ, kèm câu trong báo cáo mà số liệu được đọc ra.",
                         "One row per metric and period, with the sentence of the report it was read from."),
    "col_metric": ("Chỉ tiêu", "Metric"),
    "col_value": ("Giá trị", "Value"),
    "col_period": ("Kỳ", "Period"),
    "col_source": ("Nguồn", "Source"),
    "col_province": ("Tỉnh", "Province"),
    "col_report": ("Báo cáo", "Report"),
    "col_published": ("Ngày đăng", "Published"),
    "col_figures": ("Số liệu", "Figures"),
    "col_reports": ("Số báo cáo", "Reports"),
    "col_decided_by": ("Xác định tỉnh qua", "Province decided by"),
    "col_reason": ("Lý do", "Reason"),
    "col_detail": ("Chi tiết", "Detail"),
    "col_file": ("Tệp", "File"),
    "col_sentence": ("Câu gốc", "Sentence"),
    "col_year": ("Năm", "Year"),
    "col_level": ("Mức", "Level"),
    "col_change": ("Thay đổi", "Change"),
    "col_how": ("Cách có số liệu", "How it is known"),
    "col_rate": ("Tỷ lệ đúng hạn", "On-time share"),
    "col_interval": ("Khoảng tin cậy 95 %", "95 % interval"),
    "col_unit_2025": ("Đơn vị từ 1/7/2025", "Unit from 1 July 2025"),
    "col_code": ("Mã", "Code"),
    "col_rank": ("Hạng", "Rank"),
    "col_group": ("Nhóm", "Group"),
    "link_source": ("bài gốc", "original article"),
    "no_source_url": ("(không có đường dẫn)", "(no link recorded)"),
    "stated_by": ("{n} báo cáo", "{n} reports"),
    "conflict": ("các báo cáo không khớp nhau", "the reports disagree"),
    "hedge_legend": ("Dấu trước số: > trên (trên, hơn); < gần, ít hơn một chút (gần); ≈ khoảng (khoảng).",
                     "Signs before a number: > over (trên, hơn); < nearly, just under (gần); ≈ about (khoảng)."),
    "peers": ("So với các tỉnh khác", "Among the provinces"),
    "peers_note": ("Chỉ so sánh khi ít nhất {min} tỉnh nêu cùng một chỉ tiêu cho cùng một năm; "
                   "{province} được tô đậm.",
                   "Compared only where at least {min} provinces state the same metric for the same year; "
                   "{province} is highlighted."),
    "peers_none": ("Chưa có chỉ tiêu nào được ít nhất {min} tỉnh nêu cho cùng một năm, nên chưa so sánh.",
                   "No metric is stated by at least {min} provinces for the same year yet, so nothing is compared."),
    "peer_position": ("{province}: thứ {position} trong {among} tỉnh.", "{province}: {position} of {among} provinces."),
    "peer_position_hedged": ("{province}: khoảng thứ {position} trong {among} tỉnh (số liệu ước).",
                             "{province}: about {position} of {among} provinces (a hedged figure)."),
    "trends": ("Diễn biến qua các kỳ", "Over time"),
    "trends_note": ("Các chỉ tiêu được nêu cho từ hai kỳ trở lên.", "Metrics stated for two periods or more."),
    "trend_chart_axis": ("kỳ đầu = 100", "first period = 100"),
    "missing": ("Chưa có số liệu", "Not reported"),
    "missing_note": ("Các chỉ tiêu trong danh mục mà chưa báo cáo nào của tỉnh nêu:",
                     "Catalogue metrics that no report of this province states:"),
    "missing_none": ("Các báo cáo nêu đủ mọi chỉ tiêu trong danh mục.", "The reports state every catalogue metric."),
    "reports_heading": ("Báo cáo nguồn", "Source reports"),
    # the index
    "index_intro": ("{reports} từ {provinces}, về {years}. Mỗi trang mở được khi không có mạng.",
                    "{reports} from {provinces}, covering {years}. Every page opens offline."),
    "coverage": ("Dữ liệu có gì", "What the data covers"),
    "coverage_note": ("Số chỉ tiêu mỗi tỉnh nêu cho mỗi năm (kỳ không trọn năm tính vào năm của nó). Ô trống: "
                      "không có số liệu.",
                      "Number of metrics each province states for each year (a part of a year counts in its year). "
                      "An empty cell: no figure."),
    "pages": ("Các trang", "Pages"),
    "compare_link_note": ("các chỉ tiêu được nhiều tỉnh nêu, xếp cạnh nhau.", "metrics stated by several provinces, "
                          "side by side."),
    "cleaning_link_note": ("mỗi báo cáo đã đọc, những gì bị loại và vì sao.", "every report read, and what was set "
                           "aside and why."),
    "province_failed": ("không tạo được trang: {error}", "the page could not be made: {error}"),
    "partial_notebook": ("sổ tay chạy dở", "partial notebook"),
    "batch_failed": ("{failed} trang không tạo được.", "{failed} pages could not be made."),
    # comparison
    "compare_intro": ("Mỗi phần trả lời một câu hỏi bằng một bảng và một biểu đồ. Số liệu ước được vẽ như một "
                      "giới hạn, không như một điểm chính xác. Số liệu chỉ cho một phần năm được để riêng.",
                      "Each section answers one question with a table and a chart. Hedged figures are drawn as "
                      "bounds, never as exact points. Figures for part of a year are kept apart."),
    "compare_coverage": ("Tỉnh nào nêu gì, khi nào", "Who reports what, when"),
    "compare_coverage_note": ("Số chỉ tiêu mỗi {group} nêu trong mỗi kỳ.", "Number of metrics each {group} states "
                              "for each period."),
    "rankings": ("Xếp theo chỉ tiêu", "Side by side, metric by metric"),
    "rankings_note": ("Các chỉ tiêu được ít nhất {min} {group} nêu cho cả năm; giá trị lớn nhất trước (hạng 1 "
                      "trước với chỉ tiêu xếp hạng).",
                      "Metrics that at least {min} {group} state for a full year; largest first (rank 1 first for "
                      "rankings)."),
    "rankings_none": ("Chưa có chỉ tiêu nào được ít nhất {min} {group} nêu cho cả năm.",
                      "No metric is stated by at least {min} {group} for a full year yet."),
    "not_compared": ("Chưa đủ để so sánh", "Not enough to compare"),
    "not_compared_note": ("Các chỉ tiêu được ít hơn {min} {group} nêu cho cả năm:",
                          "Metrics that fewer than {min} {group} state for a full year:"),
    "reported_by": ("{metric}: {who}", "{metric}: {who}"),
    "nobody": ("chưa ai nêu cho cả năm", "no full-year figure"),
    "partial": ("Số liệu một phần năm", "Figures for part of a year"),
    "partial_note": ("Không xếp cùng số liệu cả năm.", "Never ranked with full years."),
    "partial_none": ("Không có số liệu nào chỉ cho một phần năm.", "No figure covers only part of a year."),
    "changes": ("Thay đổi qua các năm", "Changes over the years"),
    "changes_note": ("Điểm rỗng là giá trị suy ra: một báo cáo nêu mức của năm mình và mức tăng so với một năm "
                     "trước, từ đó có mức của năm trước.",
                     "Hollow dots are derived: a report states its year's level and a change against an earlier "
                     "year, which gives that earlier year's level."),
    "changes_none": ("Chưa có chỉ tiêu nào có số liệu cho hai năm.", "No metric has figures for two years yet."),
    "stated": ("được nêu", "stated"),
    "derived": ("suy ra: {source}", "derived: {source}"),
    "derived_source": ("{level} năm {year} trừ mức tăng {change}", "{level} in {year} minus a change of {change}"),
    "rates": ("Tỷ lệ giải quyết đúng hạn", "Share handled on time"),
    "rates_note": ("Tỷ lệ được nêu, và khoảng tin cậy 95 % (Clopper–Pearson) khi báo cáo nêu chính xác cả số đúng "
                   "hạn lẫn tổng số.",
                   "The stated share, and a 95 % Clopper–Pearson interval where the report states both the on-time "
                   "count and the total exactly."),
    "rates_none": ("Chưa có tỷ lệ đúng hạn nào.", "No on-time share is stated yet."),
    "no_interval": ("không nêu đủ số đếm", "counts not stated exactly"),
    "units_2025": ("Các đơn vị sau sáp nhập 2025", "The units after the 2025 merger"),
    "units_2025_note": ("Mỗi tỉnh trong dữ liệu thuộc đơn vị nào từ ngày 1/7/2025.",
                        "Which unit each province in the data belongs to from 1 July 2025."),
    "axis_value": ("giá trị", "value"),
    "axis_year": ("năm", "year"),
    "axis_rate": ("% đúng hạn", "% on time"),
    "coverage_axis": ("số chỉ tiêu", "metrics stated"),
    "legend_stated": ("{group} (được nêu)", "{group} (stated)"),
    "legend_derived": ("{group} (suy ra)", "{group} (derived)"),
    # cleaning record
    "cleaning_intro": ("Mỗi tệp trong thư mục dữ liệu thô hoặc thành một báo cáo dưới đây, hoặc thành một dòng "
                       "trong danh sách bị loại, kèm lý do.",
                       "Every file in the raw folder is either a report below or a row in the list of inputs set "
                       "aside, with the reason."),
    "cleaning_reports": ("Các báo cáo đã nhận", "Reports accepted"),
    "cleaning_reports_note": ("Tỉnh, cách xác định tỉnh, kỳ báo cáo và số số liệu đọc được.",
                              "Province, how it was decided, period and number of figures read."),
    "cleaning_metrics": ("Số liệu theo chỉ tiêu", "Figures per metric"),
    "cleaning_metrics_note": ("Số mức (level) và số thay đổi (so với năm trước) đọc được cho mỗi chỉ tiêu.",
                              "Levels and changes (against an earlier year) read for each metric."),
    "cleaning_matrix": ("Báo cáo nào nêu chỉ tiêu nào", "Which report states which metric"),
    "cleaning_matrix_note": ("Ô trắng: báo cáo không nêu chỉ tiêu đó.", "A white cell: that report does not state "
                             "the metric."),
    "rejected": ("Đầu vào bị loại", "Inputs set aside"),
    "rejected_none": ("Không có đầu vào nào bị loại.", "No input was set aside."),
    "warnings": ("Cảnh báo", "Warnings"),
    "warnings_none": ("Không có cảnh báo.", "No warnings."),
    "extraction_ran": ("Đã chạy trích xuất: {counts}.", "The extraction ran: {counts}."),
    "evidence_manifest": ("bảng kê của người phân tích", "the analyst's manifest"),
    "evidence_text": ("nội dung bài", "the article's text"),
    "evidence_url": ("đường dẫn", "the URL"),
    "evidence_official": ("lãnh đạo được nêu tên", "a named official"),
    "evidence_official_named": ("lãnh đạo được nêu tên: {name}", "a named official: {name}"),
    "evidence_none": ("chưa xác định", "not decided"),
    "no_period": ("chưa xác định kỳ", "period not decided"),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
    "and": ("và", "and"),
}

# Why an input was set aside or a report warned (the ``reason``/``code`` of rejected.csv and warnings.csv):
# code → (Vietnamese label, English label, Vietnamese explanation). The tables keep the extractor's English
# detail; a Vietnamese page explains the code in Vietnamese and adds the detail only where it carries specifics.
REASONS = {
    "no_province": ("Chưa xác định được tỉnh", "No province",
                    "Không xác định được tỉnh (bảng kê, tên văn phòng, nội dung, đường dẫn, lãnh đạo): báo cáo "
                    "không vào bảng so sánh. Nếu biết tỉnh, hãy thêm một dòng vào bảng kê."),
    "no_period": ("Chưa xác định được kỳ", "No period",
                  "Không tìm thấy kỳ báo cáo: các số liệu không có kỳ và không được so sánh."),
    "ambiguous_province": ("Lãnh đạo của hai tỉnh", "Leaders of two provinces",
                           "Các lãnh đạo được nêu tên thuộc hai tỉnh khác nhau vào ngày của báo cáo, nên không "
                           "chọn tỉnh nào."),
    "implausible_value": ("Giá trị không hợp lý", "Implausible value",
                          "Một số liệu bị bỏ vì giá trị không thể đúng với chỉ tiêu đó."),
    "no_figures": ("Không có số liệu", "No figures", "Không tìm thấy số liệu nào thuộc danh mục chỉ tiêu."),
    "duplicate_id": ("Trùng mã báo cáo", "Same report id",
                     "Một tệp khác đã có cùng mã báo cáo (tên tệp); hãy đổi tên một trong hai."),
    "duplicate_of": ("Bản trùng", "Duplicate", "Cùng một bài với một báo cáo đã đọc trước đó."),
    "empty": ("Không có nội dung", "Empty", "Không còn chữ nào sau khi bỏ phần khung của trang."),
    "not_text": ("Không phải văn bản", "Not text", "Tệp không phải là văn bản (ví dụ tệp PDF hoặc ảnh)."),
    "bad_encoding": ("Lỗi mã hóa ký tự", "Bad encoding", "Không giải mã được tệp thành văn bản tiếng Việt."),
    "truncated": ("Tệp bị cắt", "Cut off", "Tệp dừng giữa một ký tự UTF-8: tệp đã bị cắt khi lưu hoặc tải về."),
    "unsupported_type": ("Loại tệp không đọc", "Unsupported type", "Chỉ đọc báo cáo dạng .txt và .html."),
    "legacy_encoding": ("Mã hóa cũ", "Legacy encoding",
                        "Tệp được giải mã theo Windows-1258; hãy kiểm tra dấu của tiêu đề và tên riêng."),
    "file_name_not_utf8": ("Tên tệp không phải UTF-8", "File name not UTF-8",
                           "Tên tệp không phải UTF-8 (như tệp ZIP tạo trên Windows): mỗi byte lạ được viết \\xNN "
                           "trong mã báo cáo. Hãy đổi tên tệp sang UTF-8 (ví dụ bằng convmv)."),
    "too_large": ("Tệp quá lớn", "Too large", "Tệp lớn hơn giới hạn cho một bài báo."),
    "unreadable": ("Không đọc được tệp", "Unreadable", "Không mở được tệp."),
    "symlink": ("Liên kết tượng trưng", "Symbolic link", "Liên kết tượng trưng không được đọc."),
    "manifest_unreadable": ("Bảng kê không đọc được", "Manifest unreadable", "Không đọc được bảng kê."),
    "manifest_bad_header": ("Tiêu đề bảng kê sai", "Manifest header", "Dòng tiêu đề của bảng kê không đúng."),
    "manifest_bad_row": ("Dòng bảng kê sai", "Manifest row", "Một dòng của bảng kê không hợp lệ."),
    "manifest_unknown_report": ("Bảng kê nêu báo cáo không có", "Manifest names no file",
                                "Bảng kê nêu một báo cáo mà không có tệp nào mang tên đó."),
}
# Codes whose detail says nothing the explanation does not: a Vietnamese page leaves the English out.
_REASONS_WITHOUT_SPECIFICS = {"no_province", "no_period", "no_figures", "empty", "symlink", "legacy_encoding",
                              "file_name_not_utf8"}


def reason_label(code: str, lang: str) -> str:
    """A reader's name for a rejection or warning code (``duplicate_of:d101`` → "Bản trùng: d101"); an unknown
    code is shown as it is."""
    base, _, other = code.partition(":")
    if base not in REASONS:
        return code
    label = _pick(REASONS[base][:2], lang)
    return f"{label}: {other}" if other else label


def reason_detail(code: str, detail: str, lang: str) -> str:
    """The detail of a rejection or warning for a page in ``lang``: English pages show the table's detail;
    Vietnamese pages explain the code, followed by the detail's specifics where it has any."""
    base = code.partition(":")[0]
    if check_language(lang) == "en" or base not in REASONS:
        return detail
    explanation = REASONS[base][2]
    if base in _REASONS_WITHOUT_SPECIFICS or not detail:
        return explanation
    return f"{explanation} Chi tiết (tiếng Anh): {detail}"


# Nouns counted on the pages: key → (Vietnamese, English singular, English plural).
NOUNS = {
    "report": ("báo cáo", "report", "reports"),
    "province": ("tỉnh", "province", "provinces"),
    "metric": ("chỉ tiêu", "metric", "metrics"),
    "figure": ("số liệu", "figure", "figures"),
    "period": ("kỳ", "period", "periods"),
}

GROUP_NAMES = {  # the catalog's metric groups
    "office": ("công tác văn phòng", "office work"),
    "citizens": ("tiếp công dân", "citizens"),
    "procedures": ("thủ tục hành chính", "administrative procedures"),
    "service_center": ("trung tâm phục vụ hành chính công", "the service centre"),
    "portal": ("cổng thông tin điện tử", "the web portal"),
    "economy": ("kinh tế - xã hội", "the economy"),
}

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def check_language(lang: str) -> str:
    """``vi`` or ``en``; anything else is a :class:`ParameterError` that lists both."""
    if lang not in LANGUAGES:
        raise ParameterError(f"lang must be one of {', '.join(LANGUAGES)}, not {lang!r}.")
    return lang


def _pick(pair, lang: str) -> str:
    return pair[LANGUAGES.index(check_language(lang))]


def say(key: str, lang: str, **fields) -> str:
    """The phrase ``key`` in ``lang`` with its ``{fields}`` filled."""
    return _pick(PHRASES[key], lang).format(**fields)


def count(n: int, noun: str, lang: str) -> str:
    """``3 báo cáo`` / ``3 reports``, ``1 report``."""
    vi, one, many = NOUNS[noun]
    word = vi if check_language(lang) == "vi" else (one if n == 1 else many)
    return f"{format_number(n, lang)} {word}"


def join_words(items: list[str], lang: str) -> str:
    """``a, b and c`` / ``a, b và c``."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {say('and', lang)} " + items[-1]


def group_name(group: str, lang: str) -> str:
    return _pick(GROUP_NAMES[group], lang) if group in GROUP_NAMES else group.replace("_", " ")


@lru_cache(maxsize=2)
def _labels(path: Path = LABELS_PATH) -> dict[str, tuple[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["metric"]: (row["label_vi"], row["label_en"]) for row in csv.DictReader(handle)}


def metric_label(metric: str, lang: str) -> str:
    """The reader's name of ``metric``: the labels file, else the catalog's label, else the id itself."""
    if metric in _labels():
        return _pick(_labels()[metric], lang)
    catalog = load_catalog()
    if metric in catalog:
        return catalog[metric].label_vi if lang == "vi" else catalog[metric].label_en
    return metric


def format_number(value, lang: str, decimals: int = 2) -> str:
    """``52200`` → ``52.200`` (vi) / ``52,200`` (en); ``99.98`` → ``99,98`` / ``99.98``; NaN → ``""``.

    At most ``decimals`` decimals, trailing zeros dropped.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    value = float(value)
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{value:,.0f}"
    if text in ("-0", ""):
        text = "0"
    if check_language(lang) == "vi":
        text = text.translate(str.maketrans({",": ".", ".": ","}))
    return text


def format_value(value, lang: str, qualifier: str = "exact", unit: str = "count", denominator=None) -> str:
    """A figure as a reader reads it: the hedge sign, the number, ``/denominator``, `` %`` for a share.

    ``format_value(13000, "vi", "over")`` → ``> 13.000``; ``format_value(99.98, "en", unit="percent")`` →
    ``99.98 %``; ``format_value(35, "vi", unit="rank", denominator=61)`` → ``35/61``.
    """
    number = format_number(value, lang)
    if number == "":
        return ""
    if denominator is not None and not (isinstance(denominator, float) and math.isnan(denominator)) \
            and denominator != "":
        number += "/" + format_number(float(denominator), lang)
    if unit == "percent":
        number += NBSP + "%"
    sign = HEDGE_SIGNS.get(qualifier or "exact", "")
    return f"{sign}{NBSP}{number}" if sign else number


def period_label(start: str, end: str, lang: str) -> str:
    """A period for a reader: ``Năm 2023`` / ``2023``; ``5 tháng đầu năm 2019`` / ``Jan–May 2019``;
    "period not decided" when there is none."""
    if not start or not end or start != start or end != end:  # empty or NaN
        return say("no_period", lang)
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    vi = check_language(lang) == "vi"
    if s.year == e.year and (s.month, s.day) == (1, 1) and (e.month, e.day) == (12, 31):
        return f"Năm {s.year}" if vi else str(s.year)
    if s.year == e.year and s.day == 1 and e.is_month_end:
        if vi:
            if s.month == 1 and e.month == 6:
                return f"6 tháng đầu năm {s.year}"
            if s.month == 1:
                return f"{e.month} tháng đầu năm {s.year}"
            return f"Tháng {s.month}–{e.month}/{s.year}" if s.month != e.month else f"Tháng {s.month}/{s.year}"
        months = MONTHS_EN[s.month - 1] + ("" if s.month == e.month else "–" + MONTHS_EN[e.month - 1])
        return f"{months} {s.year}"
    return f"{format_date(start, lang)}–{format_date(end, lang)}"


def in_sentence(label: str, lang: str) -> str:
    """A period label inside a Vietnamese sentence starts in lower case (``về năm 2023``)."""
    return label[:1].lower() + label[1:] if check_language(lang) == "vi" else label


def format_date(iso: str, lang: str) -> str:
    """``2024-02-10`` → ``10/02/2024`` (vi) / ``10 Feb 2024`` (en); empty stays empty."""
    if not iso:
        return ""
    day = pd.Timestamp(iso)
    if check_language(lang) == "vi":
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def evidence_label(evidence: str, lang: str) -> str:
    """How a report's province was decided, in words (``official:NAME`` names the leader who decided it)."""
    kind, _, name = evidence.partition(":")
    if kind == "official" and name:
        return say("evidence_official_named", lang, name=name)
    key = f"evidence_{evidence}" if f"evidence_{evidence}" in PHRASES else "evidence_none"
    return say(key, lang)
