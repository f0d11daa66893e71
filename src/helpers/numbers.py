"""Vietnamese numerals and hedges → (value, qualifier, denominator, span).

Vietnamese writes ``52.200`` for fifty-two thousand two hundred and ``99,98`` for ninety-nine point
nine eight. A hedge before the number says how exact it is (``trên 13.000``, ``gần 50.000``).

``find_numbers(text)`` yields every :class:`Number` in a normalized text, with the spans of the number
itself and of its hedge, and marks the ones that are not quantities at all (dates, times, document
numbers, year ranges, term numbers, levels, numbers glued to words such as ``Covid-19``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Hedge words, longest first so that "trên dưới" wins over "trên".
HEDGES: dict[str, str] = {
    "trên dưới": "about",
    "xấp xỉ": "about",
    "khoảng": "about",
    "ước tính": "about",
    "ước đạt": "about",
    "ước": "about",
    "chừng": "about",
    "trên": "over",
    "hơn": "over",
    "gần": "nearly",
}
SCALES: dict[str, int] = {"nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000,
                          "tỉ": 1_000_000_000}

_HEDGE_RE = "|".join(sorted(HEDGES, key=len, reverse=True))
_SCALE_RE = "|".join(SCALES)
_DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
NUMBER_RE = re.compile(
    rf"(?:(?P<hedge>{_HEDGE_RE})\s+)?"
    rf"(?P<value>{_DIGITS})"
    rf"(?:\s*/\s*(?P<den>\d{{1,3}}(?:\.\d{{3}})+|\d+)(?![\d/]))?"
    rf"(?:\s+(?P<scale>{_SCALE_RE})(?![\w]))?"
    rf"(?P<pct>\s*%)?",
    re.IGNORECASE,
)

# Words that make the number after them an ordinal, a date part or an identifier, never a quantity.
_NOT_QUANTITY_BEFORE = re.compile(
    r"(?:(?<!hằng )(?<!hàng )(?<!mỗi )\b(?:ngày|tháng|năm|quý|tuần)|\b(?:khóa|khoá|nhiệm kỳ|giai đoạn|"
    r"thời kỳ|lần|lần thứ|mức độ|mức|cấp độ|điều|khoản|điểm|chương|phụ lục|phòng|tầng|tuyến|quốc lộ|QL|"
    r"tỉnh lộ|ĐT|km|hạng|loại|đợt|vòng|kỳ họp thứ|phiên thứ|thứ|"
    r"(?:nghị quyết|quyết định|chỉ thị|kết luận|thông tư|nghị định|công văn|kế hoạch|tờ trình|văn bản|"
    r"thông báo|báo cáo|luật)(?:\s+số)?|số hiệu|mã số))\s*$",
    re.IGNORECASE,
)
# "xếp thứ 2/14", "xếp hạng thứ 35/61": ranks are quantities even though "thứ" precedes them.
_RANK_BEFORE = re.compile(r"\b(?:xếp|đứng|vị)(?:\s+hạng)?(?:\s+thứ)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Number:
    """One number as written: value in real units, qualifier, optional denominator and spans."""

    value: float
    qualifier: str  # exact | over | nearly | about
    denominator: float | None
    is_percent: bool
    scaled: bool  # a scale word (nghìn, triệu, tỷ) multiplied the value
    raw: str  # the digits as written, without hedge, scale or percent
    start: int  # start of the whole match, hedge included
    num_start: int  # start of the digits
    end: int
    quantity: bool  # False for dates, times, identifiers, ordinals and other non-quantities
    hedge: str = ""


def parse_vietnamese_number(raw: str) -> float:
    """``52.200``→52200, ``1.234.567``→1234567, ``99,98``→99.98, ``7,46``→7.46, ``01``→1.

    A single dot followed by anything but three digits is read as a decimal point (``7.46``).
    Raises ValueError for text that is not a number.
    """
    raw = raw.strip()
    if not re.fullmatch(r"\d+(?:[.,]\d+)*", raw):
        raise ValueError(f"not a Vietnamese number: {raw!r}")
    if "," in raw:
        integer, _, fraction = raw.rpartition(",")
        if "," in integer:
            raise ValueError(f"two decimal commas: {raw!r}")
        return float(integer.replace(".", "") + "." + fraction)
    groups = raw.split(".")
    if len(groups) == 1:
        return float(raw)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
        return float("".join(groups))
    if len(groups) == 2:
        return float(raw)
    raise ValueError(f"ambiguous dots in {raw!r}")


def _looks_like_date_or_id(text: str, m: re.Match) -> bool:
    start, end = m.start("value"), m.end()
    before = text[max(0, start - 40):start]
    after = text[end:end + 12]
    # Glued to a word: Covid-19, A1, F0, 4.0 in "Công nghiệp 4.0"? (a letter right before)
    if before and (before[-1].isalpha() or before[-1] in "_"):
        return True
    if re.search(r"[A-Za-zÀ-ỹĐđ][-–]$", before):
        return True
    # Dates and document numbers: 8/1/2022, 61/2018/NĐ-CP, 05-CT/TW, 20-1, 10/02/2024
    if re.match(r"\s*[/\-–.]\s*\d", after) and m.group("den") is None and not m.group("pct"):
        if re.match(r"[-–]\s*\d", after.lstrip()) and re.fullmatch(r"(19|20)\d\d", m.group("value")):
            return True  # year range 2021-2030
        if re.match(r"[/\-]\d", after):
            return True
    if m.group("den") and re.match(r"\s*[/\-]", after):
        return True  # 8/1/2022 matched as 8/1 then /2022
    if re.match(r"[-–][A-ZĐ]", after) or re.match(r"/[A-ZĐ]", after):
        return True  # 05-CT/TW, 61/NQ-CP
    if re.search(r"\d\s*[/\-–]\s*$", before):
        return True  # the tail of a date or a range
    if re.match(r"\s*(?:giờ|h\d|:\d)", after) or re.search(r"\d:\s*$", before):
        return True  # times 9:12, 8 giờ
    if re.match(r"\s*(?:SA|CH|AM|PM)\b", after):
        return True
    value = m.group("value")
    if re.fullmatch(r"(19|20)\d\d", value) and not m.group("pct") and not m.group("den"):
        if re.search(r"(?:năm|từ|đến|giai đoạn|nhiệm kỳ|thời kỳ|khóa|khoá|\()\s*$", before, re.I):
            return True
        if re.match(r"\s*[-–]\s*(19|20)\d\d", after):
            return True
    if _NOT_QUANTITY_BEFORE.search(before) and not _RANK_BEFORE.search(before):
        return True
    return False


def find_numbers(text: str) -> list[Number]:
    """Every number in ``text``, in order, with its hedge, scale, denominator and percent sign."""
    numbers: list[Number] = []
    for m in NUMBER_RE.finditer(text):
        start = m.start()
        # The hedge must be a whole word ("hơn" not the end of "cao hơn" is still "hơn"; see figures).
        if m.group("hedge") and start > 0 and text[start - 1].isalpha():
            start = m.start("value")
        if m.start("value") > 0 and (text[m.start("value") - 1].isdigit()):
            continue
        try:
            value = parse_vietnamese_number(m.group("value"))
        except ValueError:
            continue
        scale = m.group("scale")
        if scale:
            value *= SCALES[scale.lower()]
        den = None
        if m.group("den"):
            try:
                den = parse_vietnamese_number(m.group("den"))
            except ValueError:
                den = None
        hedge = (m.group("hedge") or "").lower() if start == m.start() else ""
        numbers.append(
            Number(
                value=value,
                qualifier=HEDGES.get(hedge, "exact"),
                denominator=den,
                is_percent=bool(m.group("pct")),
                scaled=bool(scale),
                raw=m.group("value"),
                start=start,
                num_start=m.start("value"),
                end=m.end(),
                quantity=not _looks_like_date_or_id(text, m),
                hedge=hedge,
            )
        )
    return numbers
