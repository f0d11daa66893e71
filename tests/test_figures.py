"""Figures in sentences phrased the many ways reports phrase them (none taken from the seeds).

Each case lists what a person reads in the sentence: (metric, kind, value, qualifier, denominator).
"""
from __future__ import annotations

import pytest

from helpers.figures import extract_figures
from helpers.reading import normalize_text

CASES = [
    ("Văn phòng đã tiếp nhận, xử lý 45.678 văn bản đến; phát hành 12.345 văn bản đi.",
     [("docs_received", "level", 45678, "exact", None), ("docs_issued", "level", 12345, "exact", None)]),
    ("Số văn bản đến: 60.125; văn bản đi: 18.004.",
     [("docs_received", "level", 60125, "exact", None), ("docs_issued", "level", 18004, "exact", None)]),
    ("Tham mưu UBND tỉnh ban hành khoảng 15.234 văn bản, trong đó có 1.234 quyết định và 567 chỉ thị.",
     [("docs_issued", "level", 15234, "about", None)]),
    ("Trung tâm Phục vụ hành chính công tiếp nhận 85.432 hồ sơ, đã giải quyết 84.000 hồ sơ, trong đó "
     "đúng hạn 83.900 hồ sơ, đạt 99,8%.",
     [("dossiers_received", "level", 85432, "exact", None), ("dossiers_on_time", "level", 83900, "exact", None),
      ("dossiers_on_time_rate", "level", 99.8, "exact", None)]),
    ("Tỷ lệ hồ sơ giải quyết đúng hạn và trước hạn đạt 98,5%.",
     [("dossiers_on_time_rate", "level", 98.5, "exact", None)]),
    ("Có 100% hồ sơ được giải quyết đúng hạn.",
     [("dossiers_on_time_rate", "level", 100, "exact", None)]),
    ("Tỷ lệ văn bản được xử lý đúng hạn đạt 97,3%.",
     [("docs_on_time_rate", "level", 97.3, "exact", None)]),
    ("Tổ chức 24 phiên họp, gồm 12 phiên thường kỳ và 12 phiên chuyên đề.",
     [("meetings_served", "level", 24, "exact", None), ("meetings_regular", "level", 12, "exact", None),
      ("meetings_thematic", "level", 12, "exact", None)]),
    ("Chủ tịch UBND tỉnh đã tiếp 320 lượt công dân; tổ chức 48 buổi tiếp công dân định kỳ.",
     [("citizens_received", "level", 320, "exact", None), ("citizen_sessions", "level", 48, "exact", None)]),
    # Received petitions stand for handled ones only when no handled count is given (labelling rules).
    ("Tiếp nhận 1.250 đơn thư khiếu nại, tố cáo; giải quyết 350/360 đơn thư thuộc thẩm quyền.",
     [("petitions_handled", "level", 350, "exact", 360)]),
    ("Trong năm, Ban Tiếp công dân tỉnh tiếp nhận 1.250 đơn thư khiếu nại, tố cáo, kiến nghị.",
     [("petitions_handled", "level", 1250, "exact", None)]),
    ("Ban hành 45 quyết định công bố danh mục 1.234 TTHC; bãi bỏ 96 TTHC; cắt giảm, đơn giản hóa 120 TTHC.",
     [("procedure_decisions", "level", 45, "exact", None), ("procedures_announced", "level", 1234, "exact", None),
      ("procedures_abolished", "level", 96, "exact", None), ("procedures_simplified", "level", 120, "exact", None)]),
    ("Công bố 1.500 thủ tục hành chính, trong đó 200 TTHC bị bãi bỏ.",
     [("procedures_announced", "level", 1500, "exact", None), ("procedures_abolished", "level", 200, "exact", None)]),
    ("GRDP ước tăng 8,5%, xếp thứ 5/63 tỉnh, thành phố.",
     [("grdp_growth", "level", 8.5, "about", None), ("grdp_growth_rank", "level", 5, "exact", 63)]),
    ("Tốc độ tăng trưởng kinh tế (GRDP) đạt 7,2%, cao hơn 1,5% so với bình quân cả nước.",
     [("grdp_growth", "level", 7.2, "exact", None)]),
    ("Cổng Thông tin điện tử tỉnh được xếp hạng 10/63 tỉnh, thành phố.",
     [("portal_rank", "level", 10, "exact", 63)]),
    ("Chỉ số PAR INDEX xếp thứ 20/63; chỉ số PCI xếp thứ 15/63.", []),
    ("Cổng TTĐT tỉnh đã biên tập, đăng tải hơn 2.000 tin, bài và gần 3.000 ảnh.",
     [("news_published", "level", 2000, "over", None), ("photos_published", "level", 3000, "nearly", None)]),
    ("Văn phòng theo dõi 1.500 nhiệm vụ được giao, đã hoàn thành 1.200 nhiệm vụ, đang thực hiện 300 nhiệm vụ.",
     [("tasks_assigned", "level", 1500, "exact", None), ("tasks_completed", "level", 1200, "exact", None)]),
    ("Có 15/18 chỉ tiêu đạt và vượt kế hoạch, 3 chỉ tiêu không đạt.",
     [("targets_met", "level", 15, "exact", 18)]),
    ("Đã tiếp nhận 40.000 hồ sơ trực tuyến, 2.500 hồ sơ qua dịch vụ bưu chính công ích.",
     [("dossiers_online", "level", 40000, "exact", None), ("dossiers_postal", "level", 2500, "exact", None)]),
    ("Số hồ sơ tiếp nhận là 125.000 hồ sơ, giảm 5.000 hồ sơ so với cùng kỳ năm 2022.",
     [("dossiers_received", "level", 125000, "exact", None), ("dossiers_received", "change", -5000, "exact", None)]),
    ("Hệ thống đã tiếp nhận 1,2 triệu văn bản đến.",
     [("docs_received", "level", 1200000, "exact", None)]),
    ("Tham mưu ban hành 28.125 văn bản (tăng 12% so với năm 2022), trong đó có 96 văn bản quy phạm pháp luật.",
     [("docs_issued", "level", 28125, "exact", None)]),
    ("Đã giải quyết 15.100 hồ sơ, trong đó trước hạn 10.000 hồ sơ, đúng hạn 5.050 hồ sơ, quá hạn 50 hồ sơ.",
     [("dossiers_on_time", "level", 10000, "exact", None), ("dossiers_on_time", "level", 5050, "exact", None)]),
    ("Đã công bố 1.845 TTHC thuộc thẩm quyền của tỉnh, trong đó 1.200 TTHC cấp tỉnh.",
     [("procedures_announced", "level", 1845, "exact", None)]),
    ("Tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,78%, tỷ lệ hồ sơ trực tuyến đạt 65%.",
     [("dossiers_on_time_rate", "level", 99.78, "exact", None)]),
    ("GRDP tăng 7,2%, trong đó khu vực nông nghiệp tăng 3,1%.",
     [("grdp_growth", "level", 7.2, "exact", None)]),
    ("Văn phòng đã xử lý trên 98% văn bản đúng hạn.",
     [("docs_on_time_rate", "level", 98, "over", None)]),
    ("UBND tỉnh đã tổ chức 11 phiên họp UBND tỉnh thường kỳ và 20 cuộc họp chuyên đề.",
     [("meetings_regular", "level", 11, "exact", None), ("meetings_thematic", "level", 20, "exact", None)]),
    ("Tốc độ tăng trưởng kinh tế đạt 6,8%, đứng thứ 4/6 tỉnh Bắc Trung Bộ.",
     [("grdp_growth", "level", 6.8, "exact", None), ("grdp_growth_rank", "level", 4, "exact", 6)]),
    ("Chủ tịch UBND tỉnh tiếp công dân định kỳ 12 buổi với 86 lượt công dân, 45 vụ việc.",
     [("citizen_sessions", "level", 12, "exact", None), ("citizens_received", "level", 86, "exact", None)]),
    ("Trình ký 12.345 văn bản; tổng số nhiệm vụ được giao: 1.234; số nhiệm vụ đã hoàn thành: 1.100.",
     [("docs_issued", "level", 12345, "exact", None), ("tasks_assigned", "level", 1234, "exact", None),
      ("tasks_completed", "level", 1100, "exact", None)]),
    ("UBND tỉnh tổ chức 12 phiên họp định kỳ; Chủ tịch UBND tỉnh tiếp công dân định kỳ 12 lần.",
     [("meetings_regular", "level", 12, "exact", None), ("citizen_sessions", "level", 12, "exact", None)]),
    ("Cung cấp 1.200 DVCTT toàn trình; tiếp nhận qua dịch vụ BCCI 3.400 hồ sơ.",
     [("online_services", "level", 1200, "exact", None), ("dossiers_postal", "level", 3400, "exact", None)]),
    ("Tổng sản phẩm trên địa bàn (GRDP) tăng 8,02% so với năm 2022, xếp thứ 9/63.",
     [("grdp_growth", "level", 8.02, "exact", None), ("grdp_growth_rank", "level", 9, "exact", 63)]),
    ("Năm tới, Văn phòng phấn đấu 100% hồ sơ được giải quyết đúng hạn, dự kiến ban hành 15.000 văn bản.", []),
    ("Trong năm, có 250.000 hồ sơ được tiếp nhận; 13.000 văn bản được ban hành; 300 đơn thư đã được xử lý.",
     [("dossiers_received", "level", 250000, "exact", None), ("docs_issued", "level", 13000, "exact", None),
      ("petitions_handled", "level", 300, "exact", None)]),
    ("Cổng TTĐT tỉnh đã đăng tải 2.345 tin, bài, trong đó có 1.234 tin, bài về hoạt động chỉ đạo, điều hành.",
     [("news_published", "level", 2345, "exact", None)]),
    ("Tăng trưởng kinh tế (GRDP) ước đạt 7,5%, cao hơn mức bình quân chung cả nước (5,05%).",
     [("grdp_growth", "level", 7.5, "about", None)]),
    ("Cổng TTĐT xếp thứ 10/63 tỉnh, thành phố, tăng 5 bậc so với năm 2022.",
     [("portal_rank", "level", 10, "exact", 63)]),
    # Never figures: dates, decrees, terms, slogans, levels, awards, counters.
    ("Ngày 15/01/2024, thực hiện Nghị định số 61/2018/NĐ-CP và Chỉ thị 05-CT/TW, nhiệm kỳ 2021 - 2026.", []),
    ("Đẩy mạnh phong trào “5 đúng, 4 rõ, 3 bảo đảm” và “3 không”.", []),
    ("Trao Bằng khen cho 2 tập thể và 15 cá nhân; Số lượt truy cập: 55920967.", []),
    ("Cung cấp 1.200 dịch vụ công trực tuyến toàn trình.",
     [("online_services", "level", 1200, "exact", None)]),
]


# Kinds that real pages showed (issue #11), each in phrasings written for the test, with negative cases.
CASES += [
    # Scales with decimals and the HS / DVC abbreviations
    ("Trong quý, Trung tâm tiếp nhận 12,5 nghìn HS; giải quyết đúng hạn 12,3 ngàn HS.",
     [("dossiers_received", "level", 12500, "exact", None), ("dossiers_on_time", "level", 12300, "exact", None)]),
    ("Hiện tỉnh cung cấp 1.020 DVC trực tuyến toàn trình.", [("online_services", "level", 1020, "exact", None)]),
    ("Văn phòng tiếp nhận 9.870 công văn đến và phát hành 4.321 công văn đi.",
     [("docs_received", "level", 9870, "exact", None), ("docs_issued", "level", 4321, "exact", None)]),
    # x NOUN / y NOUN, and procedures offered online written as a share of procedures
    ("Qua rà soát, 58 TTHC/120 TTHC có phương án cắt giảm, đơn giản hóa.",
     [("procedures_simplified", "level", 58, "exact", 120)]),
    ("Đến nay 92% (1.104/1.200 TTHC) đã được cung cấp dịch vụ công trực tuyến.",
     [("online_services", "level", 1104, "exact", 1200)]),
    # Ranks in words, ranks that follow ranks, "cao thứ"
    ("Tốc độ tăng trưởng GRDP đạt 9,1%, cao nhất trong vùng Tây Nguyên.",
     [("grdp_growth", "level", 9.1, "exact", None), ("grdp_growth_rank", "level", 1, "exact", None)]),
    ("Tăng trưởng GRDP của tỉnh đứng đầu khu vực Đông Nam Bộ.", [("grdp_growth_rank", "level", 1, "exact", None)]),
    ("Tăng trưởng GRDP xếp thứ 7 cả nước và thứ 2 khu vực Đồng bằng sông Cửu Long.",
     [("grdp_growth_rank", "level", 7, "exact", None), ("grdp_growth_rank", "level", 2, "exact", None)]),
    ("GRDP tăng 7,2% (đứng 21/63 tỉnh, thành và 4/13 tỉnh vùng Đồng bằng sông Cửu Long).",
     [("grdp_growth", "level", 7.2, "exact", None), ("grdp_growth_rank", "level", 21, "exact", 63),
      ("grdp_growth_rank", "level", 4, "exact", 13)]),
    ("Mức tăng trưởng GRDP cao thứ 5 của cả nước.", [("grdp_growth_rank", "level", 5, "exact", None)]),
    ("Chất lượng tăng trưởng được nâng lên, đạt mức cao nhất từ trước đến nay.", []),  # no group: no rank
    # Growth stated after the money amount, after the rate, and per head (not GRDP growth)
    ("Tổng sản phẩm trên địa bàn ước đạt 45.210 tỷ đồng, tăng 6,9% so với cùng kỳ.",
     [("grdp_growth", "level", 6.9, "exact", None)]),
    ("Với mức tăng 10,2%, tăng trưởng kinh tế của tỉnh dẫn đầu vùng.",
     [("grdp_growth", "level", 10.2, "exact", None), ("grdp_growth_rank", "level", 1, "exact", None)]),
    ("GRDP bình quân đầu người đạt 80 triệu đồng, tăng 9% so với năm trước.", []),
    # Durations are not counts: the cue before "9 tháng" still reaches the rate
    ("Tốc độ tăng trưởng GRDP 9 tháng ước đạt 7,5%.", [("grdp_growth", "level", 7.5, "about", None)]),
    # Changes with the reference first, and "nhiều hơn năm trước là"
    ("So với tháng trước, số hồ sơ tiếp nhận giảm 312 hồ sơ.",
     [("dossiers_received", "change", -312, "exact", None)]),
    ("Nếu so với cùng kỳ năm 2022 thì số lượt tiếp công dân tăng 18 lượt.",
     [("citizens_received", "change", 18, "exact", None)]),
    ("Văn phòng tiếp nhận 20.100 văn bản đến, nhiều hơn năm trước là 1.250 văn bản.",
     [("docs_received", "level", 20100, "exact", None), ("docs_received", "change", 1250, "exact", None)]),
    # Parts are not wholes: splits after "trong đó", another unit, lower levels, late counts
    ("Trung tâm đã tiếp nhận 7.500 hồ sơ, trong đó 6.000 hồ sơ trực tuyến và 1.500 hồ sơ tiếp nhận trực tiếp.",
     [("dossiers_received", "level", 7500, "exact", None), ("dossiers_online", "level", 6000, "exact", None)]),
    ("Văn phòng Đoàn ĐBQH và HĐND tỉnh tiếp nhận 2.100 văn bản đến.", []),
    ("Ở cấp huyện, các bộ phận một cửa tiếp nhận 30.400 hồ sơ.", []),
    ("Trung tâm tiếp nhận 5.000 hồ sơ; các sở tiếp nhận trực tiếp 700 hồ sơ.",
     [("dossiers_received", "level", 5000, "exact", None)]),
    ("Có 4.950 hồ sơ giải quyết đúng hạn (đạt 99%), 50 hồ sơ trễ hạn (chiếm 1%).",
     [("dossiers_on_time", "level", 4950, "exact", None), ("dossiers_on_time_rate", "level", 99, "exact", None)]),
    ("Trung tâm tiếp nhận 3.400 hồ sơ, cộng với 210 hồ sơ kỳ trước chuyển sang.",
     [("dossiers_received", "level", 3400, "exact", None)]),
    ("Đã giải quyết 2.000 hồ sơ, trong đó 1.990 hồ sơ đúng và trước hạn, đạt tỷ lệ 99,5%.",
     [("dossiers_on_time", "level", 1990, "exact", None), ("dossiers_on_time_rate", "level", 99.5, "exact", None)]),
    ("Tỷ lệ giải quyết thủ tục hành chính đúng hạn đạt 98%.", [("dossiers_on_time_rate", "level", 98, "exact", None)]),
    # Citizens: guided is not received; delegations and their people are not visits; shares are not counts
    ("Ban tiếp công dân đã tiếp 120 lượt công dân; giải thích, hướng dẫn 15 lượt công dân đến cơ quan có thẩm quyền.",
     [("citizens_received", "level", 120, "exact", None)]),
    ("Đã tiếp 80 lượt công dân, giảm 4 lượt đoàn đông người với 30 lượt người so với cùng kỳ.",
     [("citizens_received", "level", 80, "exact", None)]),
    ("Nội dung chủ yếu thuộc lĩnh vực đất đai, với 5/6 lượt tiếp công dân.", []),
    # Petitions: handled beats received in one sentence; pending is not handled; a target is no figure
    ("Tiếp nhận 640 đơn; trong số đó đã xử lý 600 đơn, đang xử lý 40 đơn.",
     [("petitions_handled", "level", 600, "exact", None)]),
    ("Cắt giảm, đơn giản hóa ít nhất 20% thủ tục hành chính.", []),
    # Received written "nhận"; "lượt hồ sơ"; visits and persons are not a fraction
    ("Trung tâm đã nhận tổng cộng 9.431 hồ sơ; xác nhận 12 hồ sơ chưa hợp lệ.",
     [("dossiers_received", "level", 9431, "exact", None)]),
    ("Có hơn 800 lượt hồ sơ được chuyển trả kết quả tận nhà.",
     [("results_delivered_home", "level", 800, "over", None)]),
    ("Toàn tỉnh đã tiếp 410 lượt/455 lượt người.",
     [("citizens_received", "level", 410, "exact", None), ("citizens_received", "level", 455, "exact", None)]),
    # Two numbers of one change before its reference
    ("Đã tiếp 410 lượt công dân, giảm 52 lượt tiếp và 61 lượt người so với cùng kỳ năm trước.",
     [("citizens_received", "level", 410, "exact", None), ("citizens_received", "change", -52, "exact", None),
      ("citizens_received", "change", -61, "exact", None)]),
    # A part singled out in the next sentence, and its change, are not the total
    ("Toàn tỉnh đã tiếp 410 lượt công dân. Riêng đoàn đông người có 4 lượt đoàn với 60 lượt người, "
     "ít hơn năm trước 2 lượt đoàn và 15 lượt người.", [("citizens_received", "level", 410, "exact", None)]),
    # A threshold and the people of delegations are not counts of visits
    ("Đã tiếp 30 lượt đoàn (mỗi đoàn gồm từ 5 người trở lên); tại trụ sở tiếp 6 lượt đoàn (70 người).", []),
    # Items of the work programme completed, written x/y; a plain "nội dung" count is no task
    ("Văn phòng hoàn thành 96/101 nội dung trong chương trình công tác.",
     [("tasks_completed", "level", 96, "exact", 101)]),
    ("Văn phòng hoàn thành 96 nội dung tuyên truyền.", []),
    # A noun left out after a new verb counts what the figure before counted; a list of levels does not
    ("Văn phòng tiếp nhận 25.000 văn bản đến; tham mưu ban hành hơn 9.000, bảo đảm đúng quy định.",
     [("docs_received", "level", 25000, "exact", None), ("docs_issued", "level", 9000, "over", None)]),
    ("Cung cấp 640 dịch vụ công mức độ 3, 4.", [("online_services", "level", 640, "exact", None)]),
]


@pytest.mark.parametrize("sentence, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_phrasings(sentence, expected):
    text = normalize_text(sentence)
    found = [(f.metric, f.kind, f.value, f.qualifier, f.denominator) for f in extract_figures(text)]
    assert found == [(m, k, pytest.approx(v), q, d) for m, k, v, q, d in expected]


def test_change_reference_label():
    text = normalize_text("Tiếp nhận 9.000 văn bản đến, tăng 1.000 văn bản so với năm 2022.")
    change = [f for f in extract_figures(text) if f.kind == "change"]
    assert [(c.metric, c.value, c.reference) for c in change] == [("docs_received", 1000, "2022")]


def test_rank_reference_names_the_group():
    text = normalize_text("Tốc độ tăng GRDP đạt 9,1%, đứng thứ 3/14 tỉnh trung du và miền núi phía Bắc.")
    rank = [f for f in extract_figures(text) if f.unit == "rank"][0]
    assert rank.reference == "14 tỉnh trung du và miền núi phía Bắc"
