"""Vietnamese numerals and hedges."""
from __future__ import annotations

import pytest
from hypothesis import example, given, strategies as st

from helpers.numbers import find_numbers, parse_vietnamese_number


@pytest.mark.parametrize("raw, value", [
    ("52.200", 52200), ("1.234.567", 1234567), ("99,98", 99.98), ("7,46", 7.46), ("01", 1), ("0", 0),
    ("7.46", 7.46), ("100", 100), ("1.000", 1000),
])
def test_parse(raw, value):
    assert parse_vietnamese_number(raw) == pytest.approx(value)


@pytest.mark.parametrize("raw", ["", "abc", "1,2,3", "1.2.3"])
def test_parse_rejects(raw):
    with pytest.raises(ValueError):
        parse_vietnamese_number(raw)


def _vi_format(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_dots_round_trip(n):
    assert parse_vietnamese_number(_vi_format(n)) == n


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=99))
def test_decimal_comma_round_trip(integer, hundredths):
    text = f"{_vi_format(integer)},{hundredths:02d}"
    assert parse_vietnamese_number(text) == pytest.approx(integer + hundredths / 100)


@given(st.sampled_from(["trên", "hơn", "gần", "khoảng", "xấp xỉ", "trên dưới", "ước"]),
       st.integers(min_value=1, max_value=10**9))
def test_hedges_become_qualifiers(hedge, n):
    numbers = find_numbers(f"đã tiếp nhận {hedge} {_vi_format(n)} văn bản")
    assert len(numbers) == 1
    expected = {"trên": "over", "hơn": "over", "gần": "nearly"}.get(hedge, "about")
    assert (numbers[0].value, numbers[0].qualifier, numbers[0].quantity) == (n, expected, True)


@pytest.mark.parametrize("text, value, scaled", [
    ("1,2 triệu lượt", 1_200_000, True), ("3 nghìn hồ sơ", 3000, True), ("5 ngàn", 5000, True),
    ("2 tỷ đồng", 2_000_000_000, True), ("18/20 chỉ tiêu", 18, False),
])
def test_scales_and_fractions(text, value, scaled):
    n = find_numbers(text)[0]
    assert (n.value, n.scaled) == (value, scaled)


def test_denominator_and_percent():
    n = find_numbers("xếp thứ 2/14 tỉnh, đạt 99,98%")
    assert (n[0].value, n[0].denominator) == (2, 14)
    assert (n[1].value, n[1].is_percent) == (99.98, True)


@pytest.mark.parametrize("text", [
    "ngày 10/02/2024", "8/1/2022", "Sáng 20-1,", "Nghị định số 61/2018/NĐ-CP", "Chỉ thị số 05-CT/TW",
    "thời kỳ 2021-2030", "nhiệm kỳ 2021 - 2026", "khóa 11", "tháng 7 năm 2022", "lúc 9:12", "Covid-19",
    "mức độ 3", "năm 2023", "lần thứ 5", "Quyết định 1234", "(01/08/2022 11:29 SA)",
])
def test_never_quantities(text):
    assert [n for n in find_numbers(text) if n.quantity] == []


def test_monthly_is_not_a_month():
    # "hằng tháng 12 cuộc" is twelve monthly meetings, not December.
    assert [n.value for n in find_numbers("họp thường kỳ hằng tháng 12 cuộc") if n.quantity] == [12]


@given(st.text(alphabet=st.sampled_from(list("0123456789.,/%- trênhơngầnkhoảng")), max_size=60))
def test_never_raises_and_spans_point_at_digits(text):
    for n in find_numbers(text):
        assert 0 <= n.start <= n.num_start < n.end <= len(text)
        assert text[n.num_start].isdigit()


@given(st.text(alphabet=st.sampled_from(list("0123456789.,/%-: trênhơngầnkhoảngnămthángsốCovid")), max_size=80))
def test_quantities_only_is_the_quantities_of_all(text):
    assert find_numbers(text, quantities_only=True) == [n for n in find_numbers(text) if n.quantity]


def _not_quantity_before_reference(before: str) -> bool:
    """The cue-word check written plainly (every word split off, every phrase size tried): the oracle for
    the fast path of ``numbers._not_quantity_before``."""
    from helpers.numbers import _NOT_QUANTITY_WORDS, _PERIODIC, _RANK_WORDS, _WORD_RE

    stripped = before.rstrip()
    if not stripped or not stripped[-1].isalpha():
        return False
    words = _WORD_RE.findall(stripped[-30:].lower())
    if not words:
        return False
    if words[-1] in ("thứ", "hạng") and any(w in _RANK_WORDS for w in words[-3:-1]):
        return False
    for size in (3, 2, 1):
        if len(words) >= size and " ".join(words[-size:]) in _NOT_QUANTITY_WORDS[size]:
            return not (size == 1 and words[-1] in ("ngày", "tháng", "năm", "quý", "tuần") and len(words) > 1
                        and words[-2] in _PERIODIC)
    return False


def _cue_pieces() -> list[str]:
    from helpers.numbers import _NOT_QUANTITY_WORDS

    cues = sorted(set().union(*_NOT_QUANTITY_WORDS.values()))
    return cues + [c.upper() for c in cues[::3]] + ["hằng", "xếp", "đứng", "vị", "tiếp nhận", "đạt", "(số", "1a", "²",
                                                    "_x", "1", " ", " ", " ", "  ", ",", ":", "\n", "-"]


@example("Covid1năm")
@example("a_thứ")
@example("xếp hạng thứ")
@given(st.lists(st.sampled_from(_cue_pieces()), max_size=10).map("".join))
def test_not_quantity_fast_path_agrees_with_the_plain_check(before):
    from helpers.numbers import _not_quantity_before

    assert _not_quantity_before(before) == _not_quantity_before_reference(before)
