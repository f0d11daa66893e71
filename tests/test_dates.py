"""Datelines, reviewed periods and a figure's own period."""
from __future__ import annotations

from datetime import date

import pytest

from helpers.dates import clause_period, find_period, find_published


@pytest.mark.parametrize("head, expected", [
    ("Tiêu đề\n10/02/2024 08:48:00 Xem cỡ chữ: A+ A-\nNội dung", date(2024, 2, 10)),
    ("Tiêu đề\n\nĐăng ngày 08 - 01 - 2022\n100%", date(2022, 1, 8)),
    ("Tiêu đề\n29/12/2017, 9:12 (GMT+7)\n", date(2017, 12, 29)),
    ("Tiêu đề\nNgày đăng: 05/07/2021\n", date(2021, 7, 5)),
    ("Tiêu đề\nThứ Hai, 15/01/2024 10:30\n", date(2024, 1, 15)),
    ("Tiêu đề\nCập nhật: 3-4-2020 14:00\n", date(2020, 4, 3)),
    # An event date at the start of a sentence is not a dateline.
    ("Ngày 27/5/2019, đồng chí Nguyễn Văn A đã có buổi làm việc với Văn phòng.", None),
    ("Sáng 20-1, Văn phòng tổ chức hội nghị.", None),
    ("Tiêu đề\n31/02/2024\n", None),
    ("Tiêu đề\nCập nhật: 10:30 15/01/2024\n", date(2024, 1, 15)),
    ("Tiêu đề\nĐăng lúc: 10:30 - 15/01/2024\n", date(2024, 1, 15)),
    ("Tiêu đề\nThứ hai, 15/1/2024, 10:30 (GMT+7)\n", date(2024, 1, 15)),
    ("Tiêu đề\nNgày 15 tháng 01 năm 2024\n", date(2024, 1, 15)),
    # The portal's clock in the header loses to the labelled dateline of the article.
    ("Thứ 3, 16/07/2024\nKết quả giải quyết kiến nghị\nNgày đăng: 08/07/2024 11:38\n", date(2024, 7, 8)),
    # Labels, brackets and time zones as portals print them.
    ("Tiêu đề\n( Cập nhật lúc: 05/10/2022 )\nNội dung", date(2022, 10, 5)),
    ("Tiêu đề\n(Cập nhật: 5-10-2022)\n", date(2022, 10, 5)),
    ("Tiêu đề\nCập nhật lúc 14:05 ngày 21/03/2021\n", date(2021, 3, 21)),
    ("Tiêu đề\nPublish date: 21/03/2021\n", date(2021, 3, 21)),
    ("Tiêu đề\nPublished: 2021-03-21 09:00\n", date(2021, 3, 21)),
    ("Tiêu đề\n16:40, 02/11/2022 [GMT+7]\n", date(2022, 11, 2)),
    ("Tiêu đề\nThứ tư, 02/11/2022 - 16:40\n", date(2022, 11, 2)),
    ("Tiêu đề\nNgày đăng 02/11/2022 | 16:40 | Lượt xem: 1204\n", date(2022, 11, 2)),
    # A dateline may stand under a long menu.
    ("\n".join(["Trang chủ", "Giới thiệu", "Tin tức", "Văn bản", "Hỏi đáp", "Liên hệ", "Chuyên mục",
                "Tiêu đề", "09:05, 14/06/2021"]), date(2021, 6, 14)),
    # The site's clock in the top bar, printed above an older article, is not its date.
    ("Thứ năm, 20/04/2023 | Đăng nhập | RSS\nTiêu đề\n08:30, 11/04/2023\n", date(2023, 4, 11)),
    ("Chủ nhật, 23/04/2023\nTiêu đề\n11/04/2023 08:30\n", date(2023, 4, 11)),
    ("Thứ hai, 24/04/2023\nTiêu đề\nNội dung không có ngày đăng.\n", date(2023, 4, 24)),
    # A range of dates or a sentence is the body, not a dateline.
    ("Tiêu đề\nTrong thời gian từ ngày 1/3/2021 đến 28/2/2022, Ban đã tiếp 400 lượt công dân.\n", None),
    ("Tiêu đề\nTừ ngày 1/3/2021 đến 28/2/2022\n", None),
    ("Tiêu đề\n01/03/2021 - 28/02/2022\n", None),
    ("Tiêu đề\nNgày 12/5/2022, Văn phòng tổ chức hội nghị sơ kết công tác quý I.\n", None),
    ("Tiêu đề\nTin khác\n- Hội nghị tổng kết (15/01/2024)\n", None),
    ("Tiêu đề\nNội dung không có ngày.\n", None),
])
def test_published(head, expected):
    assert find_published(head) == expected


@pytest.mark.parametrize("text, published, expected", [
    ("Văn phòng tổng kết công tác năm 2017, phương hướng nhiệm vụ năm 2018.", None, ("2017-01-01", "2017-12-31")),
    ("Hội nghị triển khai nhiệm vụ năm 2024.\nNăm 2023, Văn phòng đã tiếp nhận 100 văn bản.", None,
     ("2023-01-01", "2023-12-31")),
    ("Kết quả thực hiện nhiệm vụ 5 tháng đầu năm 2019.", None, ("2019-01-01", "2019-05-31")),
    ("Sơ kết công tác 6 tháng đầu năm 2022 và triển khai nhiệm vụ 6 tháng cuối năm.", None,
     ("2022-01-01", "2022-06-30")),
    ("Trong 9 tháng năm 2020, Văn phòng tiếp nhận 100 văn bản.", None, ("2020-01-01", "2020-09-30")),
    ("Kết quả công tác quý I năm 2021.", None, ("2021-01-01", "2021-03-31")),
    ("Kết quả 6 tháng đầu năm, Văn phòng đã tiếp nhận 100 văn bản.", date(2023, 7, 5), ("2023-01-01", "2023-06-30")),
    ("Tăng 100 văn bản so với năm 2020; quy hoạch thời kỳ 2021-2030.", None, None),
    ("Năm 2025 Văn phòng sẽ tiếp tục đổi mới.\nNăm 2024, Văn phòng tiếp nhận 5 văn bản.", date(2024, 12, 20),
     ("2024-01-01", "2024-12-31")),
    # The title names the plan year with a cue; the lead names both; the reviewed year wins.
    ("Văn phòng UBND tỉnh triển khai nhiệm vụ công tác năm 2024\n\nSáng 20-1, Văn phòng tổ chức Hội nghị tổng kết "
     "công tác năm 2023 và triển khai nhiệm vụ năm 2024.", None, ("2023-01-01", "2023-12-31")),
    # A meeting named by the new year reviews the old one.
    ("Tại Hội nghị cán bộ, công chức Văn phòng năm 2018.\nHội nghị đã nghe báo cáo tổng kết công tác năm 2017 và "
     "phương hướng, nhiệm vụ năm 2018.", None, ("2017-01-01", "2017-12-31")),
])
def test_period(text, published, expected):
    period = find_period(text, published)
    got = (period.start.isoformat(), period.end.isoformat()) if period else None
    assert got == expected


def test_clause_with_another_year_has_its_own_period():
    text = "Trong 5 tháng đầu năm 2019, tiếp nhận 100 hồ sơ, năm 2018 Cổng xếp hạng thứ 35/61 tỉnh."
    report = find_period(text)
    own = clause_period(text, text.index("35/61"), 0, report)
    assert (own.start, own.end) == (date(2018, 1, 1), date(2018, 12, 31))
    same = clause_period(text, text.index("100 hồ sơ"), 0, report)
    assert same == report


def test_cutoff_date_ends_the_figure_period():
    text = "Trong 5 tháng đầu năm 2019, tính đến ngày 17/5/2019 đã tiếp nhận 5.200 hồ sơ."
    report = find_period(text)
    own = clause_period(text, text.index("5.200"), 0, report)
    assert (own.start, own.end) == (date(2019, 1, 1), date(2019, 5, 17))


def test_comparison_year_is_not_a_period():
    text = "Năm 2021, tiếp nhận 9.000 văn bản, tăng 1.000 văn bản so với năm 2020."
    report = find_period(text)
    assert clause_period(text, text.index("1.000"), 0, report) == report


def _span(text, published=None):
    period = find_period(text, published)
    return (period.start.isoformat(), period.end.isoformat()) if period else None


@pytest.mark.parametrize("text, published, expected", [
    # The first days of a month.
    ("Chỉ trong 15 ngày đầu tháng 9, Trung tâm đã trả 700 hồ sơ tại nhà.", date(2021, 9, 20),
     ("2021-09-01", "2021-09-15")),
    # A running total since the unit opened, up to the end of a month.
    ("Kể từ khi đi vào hoạt động ngày 15/3/2019, Trung tâm là đầu mối tiếp nhận hồ sơ.\nTính đến hết tháng 2/2020, "
     "Trung tâm đã nhận 15.000 hồ sơ.", date(2020, 3, 5), ("2019-03-15", "2020-02-29")),
    ("Tính đến hết tháng 10/2021, Trung tâm đã nhận 15.000 hồ sơ.", date(2021, 11, 2), ("2021-01-01", "2021-10-31")),
    # An explicit range wins over the label, whatever its separators.
    ("Kết quả giải quyết hồ sơ năm 2021\nTrong thời gian từ ngày 15/01/2021 đến ngày 05/12/2021, Trung tâm "
     "tiếp nhận 12.000 hồ sơ.", date(2021, 12, 20), ("2021-01-15", "2021-12-05")),
    ("Tuần qua (từ 8.3 đến 12.3.2021), Trung tâm tiếp nhận 900 hồ sơ.", None, ("2021-03-08", "2021-03-12")),
    ("Từ ngày 4-1 đến ngày 26-2-2021, Trung tâm tiếp nhận 3.100 hồ sơ.", None, ("2021-01-04", "2021-02-26")),
    ("Từ ngày 01 tháng 01 năm 2022 đến ngày 30 tháng 9 năm 2022, Ban tiếp 120 lượt công dân.", None,
     ("2022-01-01", "2022-09-30")),
    # Across a year end, with the years written or only the last one.
    ("Kỳ báo cáo từ ngày 1/10/2020 đến 30/9/2021, toàn tỉnh tiếp 700 lượt công dân.", None,
     ("2020-10-01", "2021-09-30")),
    ("Kỳ báo cáo từ 16/12 đến 15/3/2022, tiếp nhận 80 đơn.", None, ("2021-12-16", "2022-03-15")),
    # No year at all: from the publication date, else the nearest year in the text.
    ("Từ ngày 16/12 đến hết ngày 15/3, tiếp nhận 80 đơn.", date(2022, 3, 20), ("2021-12-16", "2022-03-15")),
    ("Trong tháng 5 năm 2021, Trung tâm làm tốt nhiệm vụ.\nTừ ngày 6/5 đến hết ngày 5/6, Trung tâm tiếp nhận "
     "2.000 hồ sơ.", None, ("2021-05-06", "2021-06-05")),
    ("Từ ngày 1/7 đến nay, Văn phòng tiếp nhận 4.000 văn bản.", date(2022, 9, 9), ("2022-07-01", "2022-09-09")),
    ("Từ đầu năm đến ngày 15/8/2022, Trung tâm tiếp nhận 4.000 hồ sơ.", None, ("2022-01-01", "2022-08-15")),
    ("Từ tháng 7/2021 đến tháng 6/2022, Ban tiếp 300 lượt công dân.", None, ("2021-07-01", "2022-06-30")),
    # A range that is a plan, a term of validity or a comparison is not the period.
    ("Kế hoạch thực hiện từ ngày 1/6/2022 đến 31/12/2022.\nNăm 2021, Văn phòng tiếp nhận 100 văn bản.",
     date(2022, 1, 15), ("2021-01-01", "2021-12-31")),
    ("Quy định có hiệu lực từ ngày 1/7/2022 đến 30/6/2025. Năm 2022, Trung tâm tiếp nhận 100 hồ sơ.",
     date(2022, 12, 28), ("2022-01-01", "2022-12-31")),
    ("Trong 6 tháng đầu năm 2022, tăng 40 hồ sơ so với cùng kỳ (từ 1/1 đến 30/6/2021).", None,
     ("2022-01-01", "2022-06-30")),
    ("Buổi làm việc từ 8.30 đến 11.30. Năm 2022, Trung tâm tiếp nhận 100 hồ sơ.", date(2022, 12, 28),
     ("2022-01-01", "2022-12-31")),
    # Months.
    ("Trong tháng 3 vừa qua, Trung tâm tiếp nhận 1.500 hồ sơ.", date(2021, 4, 6), ("2021-03-01", "2021-03-31")),
    ("Trong tháng 12 vừa qua, Trung tâm tiếp nhận 1.500 hồ sơ.", date(2022, 1, 6), ("2021-12-01", "2021-12-31")),
    ("Kết quả tiếp công dân tháng 8/2021\nSo với tháng 7/2021, giảm 10 lượt.", None, ("2021-08-01", "2021-08-31")),
    ("Trong tháng 11-2022, Trung tâm tiếp nhận 900 hồ sơ.", None, ("2022-11-01", "2022-11-30")),
    ("Tình hình tiếp công dân tháng 6 năm 2020", None, ("2020-06-01", "2020-06-30")),
    ("Tháng 9 năm 2020, tiếp nhận 5 đơn. Phương hướng nhiệm vụ tháng 10 năm 2020.", None,
     ("2020-09-01", "2020-09-30")),
    ("Năm 2022, Văn phòng tiếp nhận 40.000 văn bản. Riêng trong tháng 12, tiếp nhận 4.000 văn bản.",
     date(2023, 1, 5), ("2022-01-01", "2022-12-31")),
    ("Ngày 15 tháng 4 năm 2020, Ban tiếp 7 lượt công dân.", None, None),
    # Spans of years; a plan or a congress term is not one.
    ("Giai đoạn 2016 - 2020, tỉnh đã công bố 6.000 thủ tục.", None, ("2016-01-01", "2020-12-31")),
    ("Trong giai đoạn từ năm 2016 đến năm 2020, tỉnh đã công bố 6.000 thủ tục.", None, ("2016-01-01", "2020-12-31")),
    ("Tổng kết nhiệm kỳ 2016–2021, Văn phòng đã tham mưu 3.000 văn bản.", date(2021, 6, 1),
     ("2016-01-01", "2021-12-31")),
    ("Kế hoạch phát triển giai đoạn 2021-2025 được thông qua.", None, None),
    ("Đại hội Đảng bộ tỉnh nhiệm kỳ 2020 - 2025 thành công. Trong năm 2020, tiếp nhận 9.000 văn bản.",
     date(2020, 12, 20), ("2020-01-01", "2020-12-31")),
    # A periodic press conference named by its quarter reports the year to date.
    ("Họp báo định kỳ quý IV/2022\nNăm 2022, GRDP tăng 7%.", date(2023, 1, 12), ("2022-01-01", "2022-12-31")),
    ("Họp báo về tình hình kinh tế - xã hội quý III năm 2022", None, ("2022-01-01", "2022-09-30")),
    ("Kết quả công tác quý III năm 2022: Trung tâm tiếp nhận 3.000 hồ sơ.", None, ("2022-07-01", "2022-09-30")),
    ("Trong 8 tháng qua, Trung tâm tiếp nhận 100 hồ sơ.", date(2021, 9, 3), ("2021-01-01", "2021-08-31")),
    # No year and no publication date: the month a news URL in the text is filed under gives it.
    ("Khối thi đua sơ kết 6 tháng đầu năm.\nĐịa chỉ bài viết: https://bao.example.vn/chinh-tri/202107/bai-viet-1",
     None, ("2021-01-01", "2021-06-30")),
    # Nothing named: a cut-off, a cited report's date, or "từ đầu năm" and the publication date.
    ("Tính đến ngày 30/6/2022, Trung tâm đã tiếp nhận 5.000 hồ sơ.", date(2022, 7, 2), ("2022-01-01", "2022-06-30")),
    ("Văn phòng ban hành Báo cáo số 101/BC-VP ngày 20/10/2022 về kết quả rà soát 500 thủ tục.", date(2022, 10, 25),
     ("2022-01-01", "2022-10-20")),
    ("Lũy kế từ đầu năm, Trung tâm đã tiếp nhận 5.000 hồ sơ.", date(2022, 8, 15), ("2022-01-01", "2022-08-15")),
    ("Trung tâm đã tiếp nhận 5.000 hồ sơ.", date(2022, 8, 15), None),
])
def test_period_kinds(text, published, expected):
    assert _span(text, published) == expected


@pytest.mark.parametrize("text, expected", [
    # A weekly bulletin: the running total since January comes first, the headline figure follows the week.
    ("Tỷ lệ đúng hạn đạt 98,7%\n\nTừ ngày 3.1.2022 đến 20.5.2022, trung tâm tiếp nhận 30.000 hồ sơ. Riêng trong "
     "tuần từ ngày 14.5.2022 đến 20.5.2022, có 1.300 hồ sơ, đúng hạn 98,7%.", ("2022-05-14", "2022-05-20")),
    # The headline figure follows the first range.
    ("Mỗi ngày có 210 lượt giao dịch\n\nTrong một tuần (từ 6.5 đến 12.5.2022), bình quân 210 lượt giao dịch mỗi "
     "ngày. Từ ngày 3.1.2022 đến 12.5.2022, trung tâm tiếp nhận 30.000 hồ sơ.", ("2022-05-06", "2022-05-12")),
    # No headline figure in the body: the first range.
    ("Kết quả giải quyết hồ sơ\n\nTừ ngày 3.1.2022 đến 12.5.2022, trung tâm tiếp nhận 30.000 hồ sơ. Trong tuần từ "
     "6.5 đến 12.5.2022, tiếp nhận 1.000 hồ sơ.", ("2022-01-03", "2022-05-12")),
])
def test_of_two_ranges_the_headline_figures_choose(text, expected):
    assert _span(text) == expected


def test_figure_after_another_range_in_its_sentence_takes_it():
    text = ("Trong tuần từ ngày 14.5.2022 đến 20.5.2022, tiếp nhận 1.300 hồ sơ. Từ ngày 3.1.2022 đến 20.5.2022, "
            "trung tâm tiếp nhận 30.000 hồ sơ.")
    report = find_period(text)
    assert (report.start, report.end) == (date(2022, 5, 14), date(2022, 5, 20))
    second = text.index("Từ ngày 3.1")
    own = clause_period(text, text.index("30.000"), second, report)
    assert (own.start, own.end) == (date(2022, 1, 3), date(2022, 5, 20))
    assert clause_period(text, text.index("1.300"), 0, report) == report
