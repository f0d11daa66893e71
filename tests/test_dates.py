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
