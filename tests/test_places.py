"""Gazetteer, 2025 successors, officials and province resolution."""
from __future__ import annotations

import csv
from datetime import date

import pytest

from conftest import ROOT
from helpers.places import closest_provinces, load_provinces, province_by_name, resolve_province


def test_gazetteer_has_63_units_and_34_successors():
    provinces = load_provinces()
    assert len(provinces) == 63
    assert len({p.code for p in provinces}) == 63
    assert len({p.province_2025 for p in provinces}) == 34
    names = {p.name for p in provinces}
    assert {p.province_2025 for p in provinces} - names == {"Huế"}  # Thừa Thiên Huế became the city of Huế


@pytest.mark.parametrize("name, code, successor", [
    ("Thanh Hoá", "38", "Thanh Hóa"), ("TP. Hồ Chí Minh", "79", "TP. Hồ Chí Minh"), ("TP.HCM", "79", "TP. Hồ Chí Minh"),
    ("Bà Rịa - Vũng Tàu", "77", "TP. Hồ Chí Minh"), ("Đắk Lắk", "66", "Đắk Lắk"), ("Hà Giang", "02", "Tuyên Quang"),
    ("thua thien hue", "46", "Huế"), ("8", "08", "Tuyên Quang"), ("Hậu Giang", "93", "Cần Thơ"),
])
def test_lookup(name, code, successor):
    province = province_by_name(name)
    assert (province.code, province.province_2025) == (code, successor)


def test_closest_matches_for_a_typo():
    assert closest_provinces("Thanh Hoa")[0] == "Thanh Hóa"
    assert "Tuyên Quang" in closest_provinces("Tuyen Quag")


def test_office_name_in_title_decides():
    title = "Văn phòng UBND tỉnh Nghệ An tổng kết công tác năm 2022"
    match = resolve_province(title + "\nĐoàn công tác tỉnh Hà Tĩnh dự hội nghị.", title, None)
    assert (match.province, match.evidence) == ("Nghệ An", "text")


def test_highway_ends_and_person_names_do_not_win():
    text = ("Khánh thành cao tốc Tuyên Quang - Phú Thọ. Phó Thủ tướng Nguyễn Hòa Bình dự. "
            "Học tập tư tưởng Hồ Chí Minh. Kinh tế tỉnh Tuyên Quang tăng trưởng.")
    assert resolve_province(text, "", None).province == "Tuyên Quang"


def test_nothing_decides_means_empty():
    text = "Văn phòng UBND tỉnh tổng kết công tác năm 2022. Học tập tư tưởng Hồ Chí Minh. Cao tốc Hà Nội - Hải Phòng."
    assert resolve_province(text, text, date(2022, 12, 30)).province == ""


def test_two_provinces_equally_named_is_no_decision():
    text = "Tỉnh Bắc Giang và tỉnh Bắc Ninh ký kết hợp tác."
    assert resolve_province(text, "", None).province == ""


def test_url_decides_when_text_does_not():
    match = resolve_province("Văn phòng UBND tỉnh tổng kết.", "", None, "https://thanhhoa.gov.vn/portal/a.html")
    assert (match.province, match.evidence) == ("Thanh Hóa", "url")


def test_official_at_the_report_date():
    text = "Đồng chí Nguyễn Long Hải, Phó Chủ tịch UBND tỉnh làm việc với Văn phòng."
    assert resolve_province(text, "", date(2019, 5, 27)) .province == "Lạng Sơn"
    assert resolve_province(text, "", date(2010, 1, 1)).province == ""  # before he held the post
    # The name without the post proves nothing.
    assert resolve_province("Ông Nguyễn Long Hải dự hội nghị.", "", date(2019, 5, 27)).province == ""


def test_manifest_wins():
    match = resolve_province("Văn phòng UBND tỉnh Nghệ An.", "Văn phòng UBND tỉnh Nghệ An.", None,
                             manifest_province="Hà Tĩnh")
    assert (match.province, match.evidence) == ("Hà Tĩnh", "manifest")


def test_officials_table_is_sourced():
    with open(ROOT / "data" / "reference" / "officials.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    for row in rows:
        assert row["source_url"].startswith("http"), row
        assert province_by_name(row["province"]) is not None, row
        for key in ("from", "to"):
            if row[key]:
                date.fromisoformat(row[key])


@pytest.mark.parametrize("title, province", [
    ("Văn phòng UBND TP Hồ Chí Minh sơ kết 6 tháng", "TP. Hồ Chí Minh"),
    ("Văn phòng Ủy ban nhân dân Thành phố Hồ Chí Minh tổng kết năm 2022", "TP. Hồ Chí Minh"),
    ("Văn phòng UBND thành phố Hà Nội tổng kết công tác", "Hà Nội"),
    ("Văn phòng UBND tỉnh Bà Rịa – Vũng Tàu triển khai nhiệm vụ", "Bà Rịa - Vũng Tàu"),
])
def test_city_offices(title, province):
    assert resolve_province(title, title, None).province == province


def test_a_provincial_newspaper_names_its_province():
    text = "Văn phòng UBND tỉnh tổng kết công tác năm 2022, tiếp nhận 10.000 văn bản đến.\nNguồn: Báo Lạng Sơn"
    assert resolve_province(text, text, None).province == "Lạng Sơn"


def test_the_portal_footer_names_its_owner():
    article = "Văn phòng UBND tỉnh tổng kết công tác năm 2022, tiếp nhận 10.000 văn bản đến."
    footer = "Tin khác\nĐoàn công tác tỉnh Hà Tĩnh thăm và làm việc\nCơ quan chủ quản: UBND tỉnh Quảng Bình"
    assert resolve_province(article, article, None, furniture=footer).province == "Quảng Bình"
    # A news list that names other provinces is not an owner.
    assert resolve_province(article, article, None, furniture="Tin khác\nĐoàn công tác tỉnh Hà Tĩnh thăm").province == ""
