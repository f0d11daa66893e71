"""Vietnamese numerals and hedges → (value, qualifier, denominator, span).

Vietnamese writes ``52.200`` for fifty-two thousand two hundred and ``99,98`` for ninety-nine point
nine eight. A hedge before the number says how exact it is (``trên 13.000``, ``gần 50.000``).

``find_numbers(text)`` yields every :class:`Number` in a normalized text, with the spans of the number
itself and of its hedge, and marks the ones that are not quantities at all (dates, times, document
numbers, year ranges, term numbers, levels, numbers glued to words such as ``Covid-19``).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .patterns import ends_with_phrase

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
_PLAIN_INTEGER = re.compile(r"\d+")
_VI_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# The number itself; the hedge is looked for in the few characters before it (scanning for digits
# first is several times faster than letting an optional hedge group try every position).
NUMBER_RE = re.compile(
    rf"(?<!\d)(?P<value>{_DIGITS})"
    rf"(?:\s*/\s*(?P<den>\d{{1,3}}(?:\.\d{{3}})+|\d+)(?![\d/])"
    # "143 TTHC/306 TTHC": x/y with the counted noun written on both sides
    # ("866 lượt/964 lượt người" is visits and persons: "lượt" is a counter, not a noun of a fraction)
    rf"|\s+(?P<per>(?!lượt\b)[^\W\d_]{{2,12}})\s*/\s*(?P<den_per>\d{{1,3}}(?:\.\d{{3}})+|\d+)(?=\s+(?P=per)\b))?"
    rf"(?:\s+(?P<scale>{_SCALE_RE})(?![\w]))?"
    rf"(?P<pct>\s*%)?",
    re.IGNORECASE,
)
_HEDGE_BEFORE = re.compile(rf"(?<![^\W\d_])(?P<hedge>{_HEDGE_RE})\s+$", re.IGNORECASE)

# Words that make the number after them an ordinal, a date part or an identifier, never a quantity.
# Matched on the last words before the number (a set lookup is much faster than a regex anchored at $).
_NOT_QUANTITY_WORDS = {
    1: {"ngày", "tháng", "năm", "quý", "tuần", "khóa", "khoá", "lần", "mức", "điều", "khoản", "điểm", "chương",
        "phòng", "tầng", "tuyến", "ql", "đt", "km", "hạng", "loại", "đợt", "vòng", "thứ", "luật",
        "nghị quyết", "quyết định", "chỉ thị", "kết luận", "thông tư", "nghị định", "công văn", "kế hoạch",
        "tờ trình", "văn bản", "thông báo", "báo cáo"},
    2: {"nhiệm kỳ", "giai đoạn", "thời kỳ", "lần thứ", "mức độ", "cấp độ", "phụ lục", "quốc lộ", "tỉnh lộ",
        "phiên thứ", "số hiệu", "mã số", "nghị quyết", "quyết định", "chỉ thị", "kết luận", "thông tư", "nghị định",
        "công văn", "kế hoạch", "tờ trình", "văn bản", "thông báo", "báo cáo", "luật số"},
    3: {"kỳ họp thứ", "nghị quyết số", "quyết định số", "chỉ thị số", "kết luận số", "thông tư số", "nghị định số",
        "công văn số", "kế hoạch số", "tờ trình số", "văn bản số", "thông báo số", "báo cáo số"},
}
_LAST_CUE_WORDS = {phrase.rsplit(None, 1)[-1] for phrases in _NOT_QUANTITY_WORDS.values() for phrase in phrases}
_PERIODIC = {"hằng", "hàng", "mỗi"}  # "hằng tháng 12 cuộc" is twelve monthly meetings, not December
_RANK_WORDS = {"xếp", "đứng", "vị", "cao", "thấp", "lớn", "nhanh"}  # "xếp thứ 2", "cao thứ 4"
# What follows a rank: the group ranked ("thứ 3 khu vực …", "thứ 16 cả nước", "thứ 2/14"). After "thứ" or "hạng"
# with no rank verb ("… cả nước và thứ 3 khu vực …"), such a group makes the number a rank, not an ordinal.
_RANKED_GROUP_AFTER = re.compile(r"\s*(?:/\s*\d|(?:của |trong |tại |so với |trên )?(?:cả nước|toàn quốc|khu vực|vùng|"
                                 r"các tỉnh|\d+ tỉnh|miền))", re.IGNORECASE)
# A rank written in words: "hạng nhất", "thứ nhất", "đứng đầu", "dẫn đầu", "cao nhất" — rank 1, when a group follows
# ("cao nhất trong khu vực …"); without one ("cao nhất từ trước đến nay") it is no rank.
_RANK_WORDS_RE = re.compile(r"(?<![^\W\d_])(?:(?:xếp |đứng )?(?:hạng|thứ) nhất|đứng đầu|dẫn đầu|cao nhất)(?![^\W\d_])"
                            r"(?=\s*(?:của |trong |tại |so với |trên )?(?:cả nước|toàn quốc|khu vực|vùng|các tỉnh|\d+ tỉnh|miền))",
                            re.IGNORECASE)
# A number followed by one of these counts time, not things: "9 tháng", "6 tháng đầu năm", "3 năm".
_DURATION_WORDS_AFTER = ("tháng", "năm", "ngày", "tuần", "quý")
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


def _not_quantity_before(before: str) -> bool:
    """True when the words right before a number make it an ordinal, date part or identifier."""
    stripped = before.rstrip()
    if not stripped or not stripped[-1].isalpha():
        return False  # punctuation or a digit right before the number: no cue word
    tail = stripped[-30:].lower()
    last_token = tail.rsplit(None, 1)[-1]
    if last_token.isalpha() and last_token not in _LAST_CUE_WORDS:
        return False  # the common case: the last word ends no cue (a letters-only token is one whole word)
    words = _WORD_RE.findall(tail)
    if not words:
        return False
    if words[-1] in ("thứ", "hạng") and any(w in _RANK_WORDS for w in words[-3:-1]):
        return False  # "xếp thứ 2/14", "xếp hạng thứ 35/61", "đứng thứ 3"
    for size in (3, 2, 1):
        if len(words) >= size and " ".join(words[-size:]) in _NOT_QUANTITY_WORDS[size]:
            if size == 1 and words[-1] in ("ngày", "tháng", "năm", "quý", "tuần") and len(words) > 1 \
                    and words[-2] in _PERIODIC:
                return False
            return True
    return False


class Number(NamedTuple):
    """One number as written: value in real units, qualifier, optional denominator and spans.

    A NamedTuple rather than a dataclass: every number of every report makes one, and tuples are cheap.
    """

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
    if _PLAIN_INTEGER.fullmatch(raw):
        return float(raw)
    if not _VI_NUMBER.fullmatch(raw):
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


_SEPARATOR_DIGIT = re.compile(r"\s*[/\-–.]\s*\d")
_DASH_DIGIT = re.compile(r"\s*[-–]\s*\d")
_SLASH_OR_DASH_DIGIT = re.compile(r"[/\-]\d")
_SLASH_OR_DASH = re.compile(r"\s*[/\-]")
_CODE_AFTER = re.compile(r"[-–/][A-ZĐ]")
_TIME_AFTER = re.compile(r"\s*(?:giờ|h\d|:\d|(?:SA|CH|AM|PM)\b)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_RANGE_AFTER = re.compile(r"\s*[-–]\s*(?:19|20)\d\d")
_YEAR_CUE_WORDS = {"năm", "từ", "đến", "giai đoạn", "nhiệm kỳ", "thời kỳ", "khóa", "khoá"}


_TIME_WORDS_AFTER = ("giờ", "SA", "CH", "AM", "PM")


def _looks_like_date_or_id(text: str, start: int, end: int, value: str, den, pct) -> bool:
    """True for a number that is a date, time, year, range, identifier or ordinal rather than a quantity.

    ``start``/``end`` span the digits (and any denominator, scale, percent). Checks run on the characters
    right around the number with string operations: regular expressions anchored at the end of a window
    are slow, and this runs for every number of every report.
    """
    previous = text[start - 1] if start else ""
    if previous.isalpha() or previous == "_" or (previous in "-–" and start > 1 and text[start - 2].isalpha()):
        return True  # glued to a word: Covid-19, A1
    after = text[end:end + 12]
    is_year = not pct and not den and len(value) == 4 and _YEAR.fullmatch(value) is not None
    if after:
        if after[0] == " " and after[1:2].isalpha():
            # The common case, a word after a space: only "8 giờ", "11:29 SA" can make it a time.
            if after.startswith(_TIME_WORDS_AFTER, 1) and _TIME_AFTER.match(after):
                return True
            if not pct and not den and after.startswith(_DURATION_WORDS_AFTER, 1):
                word = after[1:].split(None, 1)[0].rstrip(",.;:)")
                if word in _DURATION_WORDS_AFTER:
                    return True
        else:
            # Dates and document numbers: 8/1/2022, 61/2018/NĐ-CP, 05-CT/TW, 20-1, 10/02/2024
            if den is None and not pct and _SEPARATOR_DIGIT.match(after):
                if is_year and _DASH_DIGIT.match(after):
                    return True  # year range 2021-2030
                if _SLASH_OR_DASH_DIGIT.match(after):
                    return True
            if den and _SLASH_OR_DASH.match(after):
                return True  # 8/1/2022 read as 8/1 then /2022
            if _CODE_AFTER.match(after) or _TIME_AFTER.match(after):
                return True  # 05-CT/TW, 61/NQ-CP; 9:12, 8 giờ, 11:29 SA
    before = text[max(0, start - 40):start]
    stripped = before.rstrip()
    if stripped:
        last = stripped[-1]
        if last in "/-–:" and stripped[:-1].rstrip()[-1:].isdigit():
            return True  # the tail of a date (10/02/2024), a range (2021 - 2026) or a time (9:12)
        if is_year and (last == "(" or ends_with_phrase(stripped, _YEAR_CUE_WORDS, 2) or _YEAR_RANGE_AFTER.match(after)):
            return True
        if last.isalpha() and _not_quantity_before(stripped):
            # "… cả nước và thứ 3 khu vực …": an ordinal followed by a ranked group is a rank after all
            return not (stripped.lower().endswith(("thứ", "hạng")) and _RANKED_GROUP_AFTER.match(text, end))
        return False
    return is_year and _YEAR_RANGE_AFTER.match(after) is not None


_DIGIT_RUN = re.compile(r"\d+")


def find_numbers(text: str, start: int = 0, end: int | None = None, quantities_only: bool = False) -> list[Number]:
    """Every number in ``text[start:end]``, in order, with its hedge, scale, denominator and percent sign.

    Offsets are into ``text``; the context that decides whether a number is a quantity may lie outside
    the range (the word before a sentence's first number). With ``quantities_only``, the numbers that
    are not quantities are left out.
    """
    end = len(text) if end is None else end
    numbers: list[Number] = []
    resume = start
    # A number starts where a run of digits starts: finding the runs first lets the engine skip ahead
    # in C, and the full pattern (whose look-behind rejects a start inside a run) is only tried there.
    for run in _DIGIT_RUN.finditer(text, start, end):
        if run.start() < resume:
            continue
        m = NUMBER_RE.match(text, run.start(), end)
        if m is None:
            continue
        resume = m.end()
        raw, den_raw, scale, pct = m.group("value", "den", "scale", "pct")
        den_raw = den_raw or m.group("den_per")
        num_start, num_end = m.span()
        quantity = not _looks_like_date_or_id(text, num_start, num_end, raw, den_raw, pct)
        if quantities_only and not quantity:
            continue
        try:
            value = parse_vietnamese_number(raw)
        except ValueError:
            continue
        if scale:
            value *= SCALES[scale.lower()]
        den = None
        if den_raw:
            try:
                den = parse_vietnamese_number(den_raw)
            except ValueError:
                den = None
        hedge_match = _HEDGE_BEFORE.search(text, max(start, num_start - 14), num_start) \
            if num_start and text[num_start - 1] == " " else None
        hedge = hedge_match.group("hedge").lower() if hedge_match else ""
        numbers.append(Number(
            value, HEDGES.get(hedge, "exact"), den, bool(pct), bool(scale), raw,
            hedge_match.start() if hedge_match else num_start, num_start, num_end, quantity, hedge))
    if text.find("nhất", start, end) >= 0 or text.find("đầu", start, end) >= 0:
        numbers.extend(_rank_words(text, start, end))
        numbers.sort(key=lambda n: n.start)
    return numbers


def _rank_words(text: str, start: int, end: int) -> list[Number]:
    """Ranks written in words ("cao nhất trong khu vực …") as rank 1; ``raw`` is the words themselves."""
    return [Number(1.0, "exact", None, False, False, m.group(0), m.start(), m.start(), m.end(), True)
            for m in _RANK_WORDS_RE.finditer(text, start, end)]
