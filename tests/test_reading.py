"""Decoding, HTML reduction and normalization at the door."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, strategies as st

from helpers.reading import normalize_text, read_bytes


@pytest.mark.parametrize("old, new", [
    ("Thanh Hoá", "Thanh Hóa"), ("Uỷ ban", "Ủy ban"), ("Khánh Hoà", "Khánh Hòa"), ("khoẻ", "khỏe"),
    ("THANH HOÁ", "THANH HÓA"), ("thuỷ", "thủy"),
    # unchanged: the tone is already right, or the pair is not open
    ("quý", "quý"), ("hoàn thành", "hoàn thành"), ("Hóa", "Hóa"), ("toàn", "toàn"), ("khuyến", "khuyến"),
])
def test_tone_placement(old, new):
    assert normalize_text(old) == new + "\n"


def test_nfd_crlf_and_spaces():
    raw = unicodedata.normalize("NFD", "Văn phòng\u00a0UBND\u200b tỉnh\r\nThanh Hoá\r\n")
    assert normalize_text(raw) == "Văn phòng UBND tỉnh\nThanh Hóa\n"


def test_utf8_bom_and_utf16():
    text = "Tiếp nhận 52.200 văn bản đến"
    for data in (b"\xef\xbb\xbf" + text.encode(), text.encode("utf-16"), text.encode("utf-16-le")):
        assert read_bytes(data, ".txt").text == text + "\n"


def _cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: base letters precomposed, the tone as a combining mark."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = bytearray()
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out += (base + "".join(c for c in parts if c in tones)).encode("cp1258")
    return bytes(out)


def test_windows_1258_is_decoded():
    text = "Văn phòng tiếp nhận 52.200 văn bản đến"
    result = read_bytes(_cp1258(text), ".txt")
    assert result.ok and result.text == text + "\n"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"), (b"   \n\t ", "empty"), (b"%PDF-1.7 binary", "not_text"), (b"PK\x03\x04zip", "not_text"),
    ("Văn phòng".encode() + b"\xe1\xbb", "truncated"),
    # TCVN3 bytes for "Văn bản" are not UTF-8 and read as nonsense in Windows-1258.
    (b"V\xa8n b\xb6n \xae\xb6ng k\xfd th\xf6 t\xf8c h\xe0nh ch\xddnh", "bad_encoding"),
    ("Văn bản".encode("utf-8").decode("latin-1").encode("utf-8"), "bad_encoding"),
])
def test_bad_input_is_rejected_with_a_reason(data, reason):
    result = read_bytes(data, ".txt")
    assert (result.ok, result.reason) == (False, reason)
    assert result.detail


@pytest.mark.parametrize("text", [
    "THỜI SỰ | CHÍNH TRỊ - XÃ HỘI | KINH TẾ\nVăn phòng tiếp nhận 52.200 văn bản đến.",  # capital Ã is a letter
    "ĐÃ TIẾP NHẬN 1.200 HỒ SƠ\nNăm 2023, Văn phòng đã tiếp nhận hồ sơ.",
])
def test_capital_a_tilde_is_not_mojibake(text):
    assert read_bytes(text.encode("utf-8"), ".txt").ok


@pytest.mark.parametrize("word", ["thành phố", "đúng hạn", "tiếp nhận trực tuyến", "XÃ HỘI thành phố"])
def test_double_encoded_words_are_still_rejected(word):
    data = (word + " văn bản đến").encode("utf-8").decode("cp1252", errors="ignore").encode("utf-8")
    assert read_bytes(data, ".txt").reason == "bad_encoding"


def test_html_keeps_the_article_and_drops_furniture():
    html = """<html><head><title>T</title><script>var x = "tiếp nhận 999 văn bản";</script>
    <style>.a{}</style></head><body><nav>Trang chủ 123 văn bản</nav>
    <article><h1>Văn phòng UBND tỉnh Thanh Hoá tổng kết</h1><p>Tiếp nhận 73.716 văn bản.</p>
    <div class="share">Chia sẻ 55 lượt</div></article><footer>Lượt truy cập: 1.234.567</footer></body></html>"""
    text = read_bytes(html.encode(), ".html").text
    assert text.splitlines()[0] == "Văn phòng UBND tỉnh Thanh Hóa tổng kết"
    assert "73.716" in text
    for furniture in ("999", "123", "55 lượt", "1.234.567", "var x"):
        assert furniture not in text


def _normalize_every_step(text: str) -> str:
    """The clean-up of ``normalize_text`` with every step always run (it skips the ones with nothing to do)."""
    import re

    from helpers.reading import _TONE_RE, _place_tone

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub("[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", text)
    text = unicodedata.normalize("NFC", text)
    text = _TONE_RE.sub(_place_tone, text)
    text = re.sub(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n" if text.strip() else ""


@given(st.lists(st.sampled_from(
    list("aoquyOQUYeđ \t\n\r\u00a0\u2003\u200b\u00ad\ufeff\u0301\u0300\u0323áỳýàÁ") + ["oá", "uỷ", "quý", "\n \n"]),
    max_size=30).map("".join))
def test_skipping_clean_up_steps_changes_nothing(text):
    assert normalize_text(text) == _normalize_every_step(text)
