"""Gazetteer, 2025 successors, officials and province resolution."""
from __future__ import annotations

import csv
import re
from datetime import date

import pytest

from conftest import ROOT
from helpers.places import (
    OFFICIAL_COLUMNS, POSTS, closest_provinces, headline_and_lead, load_officials, load_provinces, province_by_name,
    resolve_province, unit_by_name,
)


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


def test_officials_table_follows_its_schema():
    with open(ROOT / "data" / "reference" / "officials.csv", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert reader.fieldnames == OFFICIAL_COLUMNS
    assert rows
    for row in rows:
        assert row["source_url"].startswith(("http://", "https://")), row
        assert row["post"] in POSTS, row
        # A pre-2025 post names a pre-2025 province; a post in a 2025 unit names only that unit.
        assert bool(row["province"]) != bool(row["province_2025"]), row
        if row["province"]:
            assert province_by_name(row["province"]) is not None, row
        else:
            assert unit_by_name(row["province_2025"]) is not None, row
        start, end = (date.fromisoformat(row[key]) if row[key] else None for key in ("from", "to"))
        assert not (start and end and start > end), row
        # a note stands on its own: no pointer into a working file ("south.csv:12") that the project does not hold
        assert not re.search(r"\b\w+\.csv:\d", row["note"]), row
    assert len({(r["name"], r["post"], r["province"], r["province_2025"], r["from"]) for r in rows}) == len(rows)
    assert len(load_officials()) == len(rows)  # the loader accepts every row


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


# --- the page's own identity ---------------------------------------------------------------------------
ARTICLE = ("Kết quả giải quyết hồ sơ thủ tục hành chính quý I\n\n"
           "Trong quý I, Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận 4.210 hồ sơ, giải quyết đúng hạn 99,1%.\n\n"
           "Văn phòng UBND tỉnh đề nghị các sở, ngành tiếp tục rút ngắn thời gian giải quyết.\n")
MENU = "Trang chủ | Thời sự | Kinh tế | Xã hội | Bạn đọc\n"


@pytest.mark.parametrize("masthead, province", [
    ("BÁO PHÚ THỌ ĐIỆN TỬ", "Phú Thọ"),
    ("BÁO HÀ TĨNH", "Hà Tĩnh"),
    ("Bao dien tu Hai Duong", "Hải Dương"),
    ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH SƠN LA", "Sơn La"),
    ("Cong thong tin dien tu tinh Yen Bai", "Yên Bái"),
    ("VĂN PHÒNG UBND TỈNH GIA LAI", "Gia Lai"),
    ("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH LONG AN", "Long An"),
    ("SỞ NỘI VỤ TỈNH ĐIỆN BIÊN", "Điện Biên"),
    ("Cổng TTĐT tỉnh Kon Tum", "Kon Tum"),
    ("Đài PT-TH Hưng Yên", "Hưng Yên"),
    ("baobinhdinh.vn", "Bình Định"),
    ("www.laichau.gov.vn", "Lai Châu"),
    ("QUẢNG NINH TV", "Quảng Ninh"),  # a broadcaster's brand: the name, then TV / Online
    ("Hà Giang Online", "Hà Giang"),
])
def test_the_masthead_names_the_province(masthead, province):
    text = f"{masthead}\n{MENU}Xã hội\n\n{ARTICLE}"
    match = resolve_province(text, "", None)
    assert (match.province, match.evidence) == (province, "text")


@pytest.mark.parametrize("owner_line, province", [
    ("© Báo Trà Vinh điện tử", "Trà Vinh"),
    ("Báo Sóc Trăng điện tử", "Sóc Trăng"),
    ("BÁO ĐỒNG THÁP ĐIỆN TỬ - Cơ quan của Đảng bộ Đảng Cộng sản Việt Nam tỉnh Đồng Tháp", "Đồng Tháp"),
    ("Nguồn: Báo Bạc Liêu", "Bạc Liêu"),
    ("Văn phòng UBND tỉnh Hậu Giang - Địa chỉ: số 1 đường Trần Hưng Đạo", "Hậu Giang"),
    ("Bản quyền thuộc Cổng thông tin điện tử tỉnh Bình Phước", "Bình Phước"),
])
def test_a_footer_or_credit_line_names_the_owner(owner_line, province):
    furniture = "Tin khác\n- Hội nghị tổng kết công tác thi đua\n" + owner_line
    assert resolve_province(ARTICLE, "", None, furniture=furniture).province == province


@pytest.mark.parametrize("furniture", [
    "Tin khác\nTrung tâm Phục vụ hành chính công tỉnh tiếp đoàn công tác tỉnh Hà Tĩnh",
    "Các tin khác\nBan hành quy chế phối hợp với tỉnh Lào Cai",
    "Tin liên quan\nSở Nội vụ làm việc với tỉnh Quảng Trị",
    "Tin liên quan\nTheo báo cáo của các sở, tình hình ổn định",
    "Liên kết\nthanhhoa.gov.vn\nnghean.gov.vn",  # a list of links below the article is not the owner
])
def test_news_items_and_links_in_the_furniture_are_not_the_owner(furniture):
    assert resolve_province(ARTICLE, "", None, furniture=furniture).province == ""


def test_two_mastheads_of_two_provinces_decide_nothing():
    text = f"BÁO NAM ĐỊNH\n{MENU}\n{ARTICLE}"
    assert resolve_province(text, "", None, furniture="© Báo Thái Bình điện tử").province == ""


@pytest.mark.parametrize("headline, province", [
    ("Cao Bằng: Văn phòng UBND tỉnh hoàn thành 100% nhiệm vụ được giao", "Cao Bằng"),
    ("TP.HCM: Gần 98% hồ sơ được giải quyết đúng hạn trong năm", "TP. Hồ Chí Minh"),
    ("Tỉnh Ninh Thuận: tiếp nhận hơn 20 nghìn hồ sơ trực tuyến", "Ninh Thuận"),
    ("BẮC GIANG: HƠN 50 NGHÌN HỒ SƠ ĐƯỢC GIẢI QUYẾT ĐÚNG HẠN", "Bắc Giang"),
])
def test_a_headline_that_opens_with_the_province(headline, province):
    text = f"{MENU}Xã hội\n\n{headline}\n\n{ARTICLE}"
    assert resolve_province(text, "", None).province == province


@pytest.mark.parametrize("headline", [
    "Hà Nội - Hải Phòng: cao tốc thông xe sau ba năm thi công",  # a route, not a subject
    "Nguyễn Thái Bình: người giữ lửa nghề gốm truyền thống",  # a person named like a province
])
def test_a_headline_opener_that_is_not_a_province(headline):
    text = f"{MENU}\n{headline}\n\n{ARTICLE}"
    assert resolve_province(text, "", None).province == ""


def test_a_province_named_in_passing_does_not_beat_the_masthead():
    text = (f"BÁO NINH BÌNH\n{MENU}\n{ARTICLE}Trước đó, đoàn công tác của tỉnh đã học tập mô hình một cửa "
            "của tỉnh Quảng Ninh và tỉnh Quảng Ninh đã chia sẻ kinh nghiệm.\n")
    assert resolve_province(text, "", None).province == "Ninh Bình"


def test_the_province_of_the_headline_beats_the_masthead():
    text = (f"BÁO NINH BÌNH\n{MENU}\nĐoàn công tác tỉnh Thanh Hóa học tập mô hình một cửa liên thông\n\n"
            "Ngày 3/4, đoàn công tác tỉnh Thanh Hóa đã làm việc tại Trung tâm; tỉnh Thanh Hóa tiếp nhận 3.000 hồ sơ.\n")
    assert resolve_province(text, "", None).province == "Thanh Hóa"


def test_a_ranking_page_is_about_the_province_of_its_headline():
    text = (f"{MENU}\nQuảng Ngãi vươn lên dẫn đầu khu vực về chỉ số cải cách hành chính\n\n"
            "Theo kết quả công bố, Quảng Ngãi đứng đầu, tiếp theo là Bình Định, Phú Yên và Khánh Hòa. "
            "Quảng Ngãi tăng 12 bậc so với năm trước.\n")
    assert resolve_province(text, "", None).province == "Quảng Ngãi"
    # Without a headline that names one, the same list decides nothing.
    assert resolve_province(text.replace("Quảng Ngãi vươn lên", "Một tỉnh vươn lên"), "", None).province == ""


def test_headline_and_lead_skip_the_page_furniture():
    text = (f"BÁO LONG AN\n{MENU}Chính trị - Xã hội\n12/03/2021 08:15\n"
            "Trung tâm Phục vụ hành chính công tiếp nhận hơn 5.000 hồ sơ\n"
            "[Ảnh] Người dân làm thủ tục tại Trung tâm\nTrong tháng 2, Trung tâm đã tiếp nhận 5.120 hồ sơ.\n")
    assert headline_and_lead(text) == ("Trung tâm Phục vụ hành chính công tiếp nhận hơn 5.000 hồ sơ",
                                       "Trong tháng 2, Trung tâm đã tiếp nhận 5.120 hồ sơ.")


# --- officials: name + post + date -----------------------------------------------------------------------
INVENTED_OFFICIALS = """name,post,province,province_2025,from,to,source_url,note
Lê Văn Khải,Phó Chủ tịch UBND tỉnh,Sóc Trăng,,2016-05-01,2020-06-30,https://example.vn/a,invented
Lê Văn Khải,Chủ tịch UBND tỉnh,Bạc Liêu,,2020-07-01,,https://example.vn/b,invented: moved provinces
Lê Văn Khải,Chủ tịch UBND tỉnh,,Cà Mau,2025-07-01,,https://example.vn/c,invented: the merged unit
Đinh Thị Hạnh,Phó Chủ tịch UBND tỉnh,Cao Bằng,,2019-01-01,2025-06-30,https://example.vn/d,invented
Đinh Thị Hạnh,Chánh Văn phòng UBND tỉnh,,Cao Bằng,2025-07-01,,https://example.vn/e,invented
Trần Quốc Hưng,Phó Chủ tịch UBND tỉnh,Lào Cai,,2021-01-01,,https://example.vn/f,invented
Trần Quốc Hưng,Phó Chủ tịch UBND tỉnh,Yên Bái,,2021-01-01,,https://example.vn/g,invented: a namesake
"""


@pytest.fixture
def officials(tmp_path):
    (tmp_path / "officials.csv").write_text(INVENTED_OFFICIALS, encoding="utf-8")
    return load_officials(tmp_path)


@pytest.mark.parametrize("text, when, province, province_2025", [
    ("Phó Chủ tịch UBND tỉnh Lê Văn Khải dự và chỉ đạo hội nghị.", date(2019, 3, 1), "Sóc Trăng", "Cần Thơ"),
    ("Đồng chí Lê Văn Khải, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh phát biểu chỉ đạo.", date(2022, 1, 5),
     "Bạc Liêu", "Cà Mau"),
    ("Dự hội nghị có ông Lê Văn Khải - Chủ tịch UBND tỉnh.", date(2024, 12, 30), "Bạc Liêu", "Cà Mau"),
    # After 1 July 2025 the post is in the merged unit, which succeeds two provinces: no pre-2025 province.
    ("Chủ tịch UBND tỉnh Lê Văn Khải chủ trì họp báo.", date(2025, 9, 2), "", "Cà Mau"),
    # A unit that succeeds exactly one province gives that province too.
    ("Bà Đinh Thị Hạnh, Chánh Văn phòng UBND tỉnh, báo cáo kết quả.", date(2025, 10, 1), "Cao Bằng", "Cao Bằng"),
    ("Phó Chủ tịch UBND tỉnh, bà Đinh Thị Hạnh kết luận buổi làm việc.", date(2020, 4, 1), "Cao Bằng", "Cao Bằng"),
])
def test_a_leader_resolves_by_name_post_and_date(officials, text, when, province, province_2025):
    match = resolve_province(text, "", when, officials=officials)
    assert (match.province, match.province_2025) == (province, province_2025)
    assert match.evidence == "official:" + ("Lê Văn Khải" if "Khải" in text else "Đinh Thị Hạnh")


@pytest.mark.parametrize("text, when", [
    # A vice-chair is not a chair: in 2022 Lê Văn Khải is the chair, no row makes him a vice-chair then.
    ("Phó Chủ tịch UBND tỉnh Lê Văn Khải dự hội nghị.", date(2022, 1, 5)),
    ("Ông Lê Văn Khải, Phó Bí thư Tỉnh ủy, Phó Chủ tịch UBND tỉnh dự hội nghị.", date(2022, 1, 5)),
    # In 2019 he is a vice-chair, not a chair.
    ("Chủ tịch UBND tỉnh Lê Văn Khải dự hội nghị.", date(2019, 3, 1)),
    # The post belongs to the other person of the list.
    ("Dự có ông Lê Văn Khải, Giám đốc Sở Nội vụ, và ông Phạm Văn Nam, Phó Chủ tịch UBND tỉnh.", date(2019, 3, 1)),
    # A former post is not the post.
    ("Ông Lê Văn Khải, nguyên Phó Chủ tịch UBND tỉnh, dự lễ.", date(2019, 3, 1)),
    # Named without a post, or with no date to look the post up.
    ("Ông Lê Văn Khải dự hội nghị.", date(2019, 3, 1)),
    ("Phó Chủ tịch UBND tỉnh Lê Văn Khải dự hội nghị.", None),
    # Before his first post.
    ("Phó Chủ tịch UBND tỉnh Lê Văn Khải dự hội nghị.", date(2015, 1, 1)),
])
def test_a_leader_who_does_not_fit_decides_nothing(officials, text, when):
    match = resolve_province(text, "", when, officials=officials)
    assert (match.province, match.province_2025, match.doubt) == ("", "", "")


def test_an_ambiguous_name_gives_no_province_and_says_why(officials):
    match = resolve_province("Phó Chủ tịch UBND tỉnh Trần Quốc Hưng làm việc với Văn phòng.", "", date(2022, 6, 1),
                             officials=officials)
    assert (match.province, match.province_2025) == ("", "")
    assert "Lào Cai" in match.doubt and "Yên Bái" in match.doubt


def test_two_leaders_of_two_provinces_give_no_province(officials):
    text = ("Chủ tịch UBND tỉnh Lê Văn Khải và Phó Chủ tịch UBND tỉnh Đinh Thị Hạnh ký kết biên bản hợp tác.")
    match = resolve_province(text, "", date(2022, 6, 1), officials=officials)
    assert match.province == "" and "Bạc Liêu" in match.doubt and "Cao Bằng" in match.doubt


def test_two_leaders_of_one_province_agree(officials, tmp_path):
    text = "Phó Chủ tịch UBND tỉnh Lê Văn Khải và Phó Chủ tịch UBND tỉnh Đinh Thị Hạnh dự hội nghị."
    # 2019: Sóc Trăng and Cao Bằng — two provinces.
    assert resolve_province(text, "", date(2019, 3, 1), officials=officials).province == ""
    (tmp_path / "officials.csv").write_text(INVENTED_OFFICIALS.replace(
        "Đinh Thị Hạnh,Phó Chủ tịch UBND tỉnh,Cao Bằng", "Đinh Thị Hạnh,Phó Chủ tịch UBND tỉnh,Sóc Trăng"),
        encoding="utf-8")
    load_officials.cache_clear()
    match = resolve_province(text, "", date(2019, 3, 1), officials=load_officials(tmp_path))
    assert (match.province, match.evidence) == ("Sóc Trăng", "official:Lê Văn Khải")


def test_text_clues_come_before_officials(officials):
    text = "Văn phòng UBND tỉnh Lâm Đồng tổng kết năm. Chủ tịch UBND tỉnh Lê Văn Khải dự."
    match = resolve_province(text, text, date(2022, 1, 5), officials=officials)
    assert (match.province, match.evidence) == ("Lâm Đồng", "text")


@pytest.mark.parametrize("bad_row, message", [
    ("Ông A,Phó Chủ tịch UBND tỉnh,Lạng Sơn,,2020-13-01,,https://example.vn/x,", "not an ISO date"),
    ("Ông A,Phó Chủ tịch UBND tỉnh,Lạng Sơn,,2021-01-01,2020-01-01,https://example.vn/x,", "is after"),
    ("Ông A,Phó Chủ tịch UBND tỉnh,Xứ Sở,,,,https://example.vn/x,", "not a pre-2025 province"),
    ("Ông A,Phó Chủ tịch UBND tỉnh,,Hà Giang,,,https://example.vn/x,", "not a 2025 unit"),
    ("Ông A,Phó Chủ tịch UBND tỉnh,Lạng Sơn,Lạng Sơn,,,https://example.vn/x,", "exactly one"),
    ("Ông A,Giám đốc Sở Nội vụ,Lạng Sơn,,,,https://example.vn/x,", "not one of"),
    ("Ông A,Phó Chủ tịch UBND tỉnh,Lạng Sơn,,,,,", "source_url"),
])
def test_a_bad_officials_row_is_a_one_line_error(tmp_path, bad_row, message):
    (tmp_path / "officials.csv").write_text(INVENTED_OFFICIALS + bad_row + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message) as error:
        load_officials(tmp_path)
    assert "line 9" in str(error.value) and "\n" not in str(error.value)


def test_an_html_masthead_names_the_site_when_the_article_names_no_province(tmp_path):
    """A saved page whose article says only "tỉnh": the logo in the page's header names the site."""
    from conftest import raw_folder
    from helpers.extract import extract

    page = ("<!DOCTYPE html><html><head><title>Trung tâm tiếp nhận hơn 9 nghìn hồ sơ</title></head><body>"
            "<header><div class='logo'>BÁO ĐIỆN TỬ QUẢNG TRỊ</div><nav>Trang chủ | Thời sự</nav></header>"
            "<article><h1>Trung tâm tiếp nhận hơn 9 nghìn hồ sơ</h1>"
            "<p>Trong tháng 5/2022, Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận 9.120 hồ sơ.</p></article>"
            "</body></html>")
    without_logo = page.replace("BÁO ĐIỆN TỬ QUẢNG TRỊ", "TIN TỨC").replace("9.120", "9.210")  # not a duplicate
    result = extract(raw_folder(tmp_path, {"a.html": page, "b.html": without_logo}))
    provinces = {r["report_id"]: r["province"] for r in result.reports}
    assert provinces == {"a": "Quảng Trị", "b": ""}


def test_the_title_is_the_headline_not_the_masthead_above_it(tmp_path):
    from conftest import raw_folder
    from helpers.extract import extract

    text = ("BÁO ĐIỆN TỬ TIN NHANH\nTrang chủ | Thời sự | Kinh tế\n"
            "Văn phòng UBND tỉnh Nghệ An tổng kết công tác năm 2022\n"
            "Năm 2022, Văn phòng tiếp nhận 12.345 văn bản đến.\n")
    (report,) = extract(raw_folder(tmp_path, {"r.txt": text})).reports
    assert report["title"] == "Văn phòng UBND tỉnh Nghệ An tổng kết công tác năm 2022"
