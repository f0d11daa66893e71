"""The five seed reports, read by a person: every catalog figure they state, and nothing else.

The expectations below were written from the reports' sentences (quoted in the comments), not copied
from the extractor's output.
"""
from __future__ import annotations

from collections import Counter

import pytest

TQ_2023 = "000_0835b43f0e71c7cd"
TH_2021 = "001_82b75d6fe802a88a"
LS_2019 = "002_373382b608f98698"
HG_2017 = "003_5101806975eafe1c"
TQ_2023_PRESS = "004_c242ab82ec14bd84"

# (metric, kind, value, qualifier, denominator, reference)
EXPECTED = {
    TQ_2023: [
        ("docs_received", "level", 52200, "exact", None, ""),        # tiếp nhận 52.200 văn bản đến
        ("docs_issued", "level", 13000, "over", None, ""),           # ban hành trên 13.000 văn bản
        ("targets_met", "level", 18, "exact", 20, ""),               # có 18/20 chỉ tiêu … đạt và vượt
        ("grdp_growth", "level", 7.46, "exact", None, ""),           # tốc độ tăng tổng sản phẩm … đạt 7,46%
        ("grdp_growth_rank", "level", 2, "exact", 14, "14 tỉnh vùng trung du và miền núi Bắc Bộ"),
        ("grdp_growth_rank", "level", 1, "exact", 11, "11 tỉnh miền núi phía Bắc"),
        ("grdp_growth_rank", "level", 18, "exact", 63, "63 tỉnh, thành phố trong cả nước"),
        ("tasks_completed", "level", 172, "exact", 172, ""),         # hoàn thành 172/172 nhiệm vụ
        ("meetings_regular", "level", 12, "exact", None, ""),        # họp thường kỳ hằng tháng 12 cuộc
        ("meetings_thematic", "level", 325, "exact", None, ""),      # 325 cuộc họp chuyên đề
        ("citizen_sessions", "level", 11, "exact", None, ""),        # tiếp công dân thường xuyên với 11 kỳ
        ("citizens_received", "level", 26, "exact", None, ""),       # (26 lượt công dân)
        ("citizen_sessions", "level", 1, "exact", None, ""),         # 01 kỳ đột xuất
        ("citizens_received", "level", 1, "exact", None, ""),        # (01 lượt công dân)
        ("citizen_sessions", "level", 11, "exact", None, ""),        # Chủ tịch … tiếp công dân 11 kỳ
        ("citizens_received", "level", 25, "exact", None, ""),       # (25 lượt công dân)
        ("procedures_simplified", "level", 419, "exact", None, ""),  # đơn giản hóa 419 TTHC
        ("procedures_simplified_rate", "level", 22, "exact", None, ""),  # đạt 22% (vượt 0,2% is no figure)
        ("procedures_simplified_rate", "level", 65, "exact", None, ""),  # tỷ lệ đơn giản hóa đạt 65%
    ],
    TH_2021: [
        ("tasks_assigned", "level", 19710, "exact", None, ""),       # theo dõi, đôn đốc … 19.710 nhiệm vụ
        ("tasks_assigned", "change", 7127, "exact", None, "2020"),   # tăng 7.127 nhiệm vụ so với năm 2020
        ("news_published", "level", 500, "over", None, ""),          # hơn 500 tin, bài
        ("photos_published", "level", 1300, "over", None, ""),       # trên 1.300 ảnh
        ("procedure_decisions", "level", 64, "exact", None, ""),     # 64 quyết định công bố
        ("procedures_announced", "level", 621, "exact", None, ""),   # công bố 621 thủ tục hành chính
        ("procedures_abolished", "level", 178, "exact", None, ""),   # công bố bãi bỏ 178 thủ tục
        ("online_services", "level", 739, "exact", None, ""),        # 739 dịch vụ công mức độ 3, 4
        ("docs_received", "level", 73716, "exact", None, ""),        # Tiếp nhận 73.716 văn bản
        ("docs_received", "change", 19000, "over", None, "2020"),    # tăng hơn 19.000 … so với năm 2020
        ("docs_received", "change", 25000, "over", None, "2019"),    # hơn 25.000 … so với năm 2019
        ("docs_received", "change", 31000, "over", None, "2018"),    # hơn 31.000 … so với năm 2018
        ("docs_issued", "level", 32157, "exact", None, ""),          # giải quyết, ban hành 32.157 văn bản
        ("docs_on_time", "level", 32152, "exact", None, ""),         # xử lý đúng hạn 32.152 hồ sơ, văn bản
        ("docs_on_time_rate", "level", 99.98, "exact", None, ""),    # đạt 99,98%
        ("dossiers_received", "level", 111333, "exact", None, ""),   # Trung tâm … tiếp nhận 111.333 hồ sơ
        ("dossiers_received", "change", 28223, "exact", None, "2020"),  # tăng 28.223 hồ sơ so với năm 2020
        ("dossiers_on_time_rate", "level", 99.99, "exact", None, ""),   # đúng và trước hạn đạt tỷ lệ 99,99%
        ("dossiers_online", "level", 50000, "nearly", None, ""),     # gần 50.000 hồ sơ trực tuyến
        ("dossiers_postal", "level", 18000, "nearly", None, ""),     # bưu chính công ích gần 18.000 hồ sơ
        ("results_delivered_home", "level", 20000, "nearly", None, ""),  # trả kết quả tận nhà gần 20.000
    ],
    LS_2019: [
        ("docs_issued", "level", 5500, "over", None, ""),            # ban hành trên 5.500 văn bản đi
        ("meetings_served", "level", 132, "exact", None, ""),        # phục vụ 132 cuộc họp
        ("citizens_received", "level", 65, "exact", None, ""),       # tiếp định kỳ 65 lượt công dân
        ("petitions_handled", "level", 251, "exact", None, ""),      # xử lý 251 lượt đơn thư
        ("docs_received", "level", 15000, "over", None, ""),         # tiếp nhận trên 15.000 văn bản đến
        ("dossiers_received", "level", 5200, "over", None, ""),      # … tiếp nhận trên 5.200 hồ sơ
        ("dossiers_on_time", "level", 4700, "over", None, ""),       # giải quyết đúng hạn trên 4.700 hồ sơ
        ("dossiers_on_time_rate", "level", 99.12, "exact", None, ""),  # (đạt 99,12%)
        ("portal_rank", "level", 35, "exact", 61, "61 tỉnh, thành phố"),  # năm 2018 Cổng xếp hạng thứ 35/61
    ],
    HG_2017: [
        ("targets_met", "level", 19, "exact", None, ""),             # đạt và vượt 19 chỉ tiêu
    ],
    TQ_2023_PRESS: [
        ("docs_received", "level", 52000, "over", None, ""),         # tiếp nhận hơn 52.000 văn bản đến
        ("docs_issued", "level", 13000, "over", None, ""),
        ("targets_met", "level", 18, "exact", 20, ""),
        ("grdp_growth", "level", 7.46, "exact", None, ""),
        ("grdp_growth_rank", "level", 2, "exact", 14, "14 tỉnh trung du và miền núi Bắc bộ"),
        ("grdp_growth_rank", "level", 1, "exact", 11, "11 tỉnh miền núi phía Bắc"),
        ("grdp_growth_rank", "level", 18, "exact", 63, "63 tỉnh, thành phố trong cả nước"),  # xếp 18/63
        ("tasks_completed", "level", 172, "exact", 172, ""),
    ],
}

# (province, code, province_2025, evidence, period_start, period_end, published)
EXPECTED_REPORTS = {
    TQ_2023: ("Tuyên Quang", "08", "Tuyên Quang", "text", "2023-01-01", "2023-12-31", "2024-02-10"),
    TH_2021: ("Thanh Hóa", "38", "Thanh Hóa", "text", "2021-01-01", "2021-12-31", "2022-01-08"),
    LS_2019: ("Lạng Sơn", "20", "Lạng Sơn", "official", "2019-01-01", "2019-05-31", ""),
    HG_2017: ("Hậu Giang", "93", "Cần Thơ", "official", "2017-01-01", "2017-12-31", "2017-12-29"),
    TQ_2023_PRESS: ("Tuyên Quang", "08", "Tuyên Quang", "text", "2023-01-01", "2023-12-31", ""),
}


def _key(fact: dict) -> tuple:
    return (fact["metric"], fact["kind"], round(fact["value"], 4), fact["qualifier"], fact["denominator"],
            fact["reference"])


@pytest.mark.parametrize("report_id", sorted(EXPECTED))
def test_every_figure_and_nothing_else(seed_extraction, report_id):
    found = Counter(_key(f) for f in seed_extraction.facts if f["report_id"] == report_id)
    expected = Counter((m, k, round(v, 4), q, d, r) for m, k, v, q, d, r in EXPECTED[report_id])
    assert found - expected == Counter(), "reported but not in the report"
    assert expected - found == Counter(), "in the report but not found"


@pytest.mark.parametrize("report_id", sorted(EXPECTED_REPORTS))
def test_province_period_and_date(seed_extraction, report_id):
    row = next(r for r in seed_extraction.reports if r["report_id"] == report_id)
    got = (row["province"], row["province_code"], row["province_2025"], row["province_evidence"],
           row["period_start"], row["period_end"], row["published"])
    assert got == EXPECTED_REPORTS[report_id]


def test_figure_with_its_own_year_gets_that_period(seed_extraction):
    rank = next(f for f in seed_extraction.facts if f["metric"] == "portal_rank")
    assert (rank["period_start"], rank["period_end"]) == ("2018-01-01", "2018-12-31")


def test_every_fact_points_at_its_text(seed_extraction):
    from helpers.reading import read_report
    from conftest import SEEDS

    texts = {p.stem: read_report(p).text for p in SEEDS.glob("*.txt")}
    for fact in seed_extraction.facts:
        text = texts[fact["report_id"]]
        assert fact["sentence"] in text
        snippet = text[fact["start"]:fact["end"]]
        assert any(ch.isdigit() for ch in snippet) and snippet in fact["sentence"]


def test_the_two_tuyen_quang_reports_merge_without_conflict(seed_extraction):
    rows = [r for r in seed_extraction.panel if r["province"] == "Tuyên Quang"]
    shared = {r["metric"]: r for r in rows if r["n_sources"] == 2}
    assert set(shared) >= {"docs_received", "docs_issued", "targets_met", "grdp_growth", "tasks_completed",
                           "grdp_growth_rank"}
    assert not any(r["conflict"] for r in rows)
    # 52.200 (exact) satisfies "hơn 52.000": the exact value wins.
    assert (shared["docs_received"]["value"], shared["docs_received"]["qualifier"]) == (52200, "exact")


def test_nothing_rejected_and_every_seed_accepted(seed_extraction):
    assert seed_extraction.rejected == []
    assert len(seed_extraction.reports) == 5
