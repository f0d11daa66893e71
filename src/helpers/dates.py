"""Datelines and periods → published date, reviewed period, and a figure's own period.

* ``find_published(text)``: the publication date from the datelines real portals print near the top
  (``10/02/2024 08:48:00``, ``Đăng ngày 08 - 01 - 2022``, ``29/12/2017, 9:12 (GMT+7)``,
  ``Ngày đăng: …``, ``( Cập nhật lúc: … )``). A date inside a sentence (``Ngày 27/5/2019, đồng chí …``)
  or a range (``từ ngày 1/8/2018 đến …``) is not a dateline; a site's clock above the headline loses to
  the article's own date line.
* ``find_period(text, published)``: the period the report reviews: an explicit range of dates first,
  else the best-cued label (``6 tháng đầu năm``, ``quý III``, ``tháng 10 vừa qua``, ``năm 2023``,
  ``giai đoạn 2015-2020``), telling it from the plan year (``tổng kết năm 2017, phương hướng năm 2018``
  reviews 2017).
* ``clause_period(text, start, sentence_start, report_period)``: the period of one figure when its own
  clause names another year (``năm 2018 Cổng xếp hạng thứ 35/61`` in a 2019 report), its sentence
  another range, or a cut-off (``tính đến ngày 17/5/2019``).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .patterns import Guarded, ends_with_phrase, fold, last_match

_SEP = r"\s*[/\-.]\s*"
_DMY = rf"(?P<d>\d{{1,2}}){_SEP}(?P<m>\d{{1,2}}){_SEP}(?P<y>(?:19|20)\d\d)(?!\d)"
_YMD = r"(?P<y>(?:19|20)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"
_TIME = r"\d{1,2}\s*[:h]\s*\d{2}(?:\s*:\s*\d{2})?\s*(?:SA|CH|AM|PM)?"
_DMY_WORDS = r"(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:,\s*|\s+)năm\s+(?P<y>(?:19|20)\d\d)"
# A dateline is a line that is (almost) only a date, optionally with a label, a weekday and a time
# before or after it: "10/02/2024 08:48:00", "Đăng ngày 08 - 01 - 2022", "Cập nhật: 10:30 15/01/2024",
# "Thứ Hai, 15/01/2024 - 10:30", "29/12/2017, 9:12 (GMT+7)", "( Cập nhật lúc: 18/09/2023 )",
# "Publish date: 2024-01-18". Free words before the date are allowed only ahead of a publishing label
# ("Tin đăng ngày"), never ahead of a bare "ngày" ("Trong thời gian từ ngày 1/8/2018 …" is prose).
_PUBLISHING_LABEL = (r"(?:đăng ngày|ngày đăng|ngày cập nhật|cập nhật lúc|cập nhật ngày|cập nhật|đăng lúc|đăng|"
                     r"xuất bản|thời gian đăng|publish(?:ed)?(?: date| on)?|posted(?: on)?|updated|date)")
_DATELINE_PREFIX = (rf"^[(\[]?\s*(?:(?:[^\n\d]{{0,40}}?{_PUBLISHING_LABEL}|ngày|thời gian)\s*:?\s*)?"
                    rf"(?:(?:lúc\s*)?{_TIME}\s*(?:ngày\s*)?[,|\-]?\s*)?(?:(?:thứ\s+\w+|chủ nhật)\s*,?\s*)?")
_DATELINE_SUFFIX = rf"(?:\s*[,|\-]?\s*(?:lúc\s*)?{_TIME})?(?:\s*[(\[]GMT\s*[+-]\s*\d+[)\]])?(?P<rest>[^\n]*)$"
_DATELINE_RES = [re.compile(_DATELINE_PREFIX + date_form + _DATELINE_SUFFIX, re.IGNORECASE)
                 for date_form in (_DMY, _DMY_WORDS, _YMD)]
_DATELINE_FORMS = list(zip(_DATELINE_RES, ("", "tháng", "-")))  # each form with a string it cannot lack
_DIGIT = re.compile(r"\d")
_HAS_TIME = re.compile(_TIME, re.IGNORECASE)
_WEEKDAY = re.compile(r"thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])\b|chủ nhật", re.IGNORECASE)
# A date in what follows the dateline's date makes the line a range or a sentence, not a dateline.
_ANY_DATE = re.compile(r"\d{1,2}\s*[/\-.]\s*\d{1,2}(?:\s*[/\-.]\s*\d{2,4})?")
# Words of a site's top bar printed on the same line as its clock ("Thứ ba, 29/12/2020 | Đăng nhập | RSS").
_SITE_BAR = re.compile(r"đăng nhập|đăng ký|rss|hotline|liên hệ|tìm kiếm|english|sitemap|trang chủ", re.IGNORECASE)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str
    position: int = -1  # where in the text the label stands

    @property
    def is_full_year(self) -> bool:
        return (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31) and \
            self.start.year == self.end.year


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


_PUBLISHED_LABEL = re.compile(r"đăng|cập nhật|xuất bản|publish|posted|updated|date", re.IGNORECASE)
_REST_LEAD = re.compile(r"^[\s,|\-–—)\]]*")
_RANGE_WORD = re.compile(r"^(?:đến|tới|-\s*\d)", re.IGNORECASE)


def _dateline(line: str) -> tuple[date, bool, bool, bool] | None:
    """(date, labelled, looks like a site's clock, names a weekday) when ``line`` is a dateline, else None."""
    stripped = line.strip()
    first_digit = _DIGIT.search(stripped)
    if first_digit is None or first_digit.start() > 70:
        return None  # the date of a dateline stands after at most a label, a weekday and a time
    m = None
    for regex, needs in _DATELINE_FORMS:
        if needs in stripped.lower():
            m = regex.match(stripped)
            if m:
                break
    if m is None:
        return None
    rest = _REST_LEAD.sub("", m.group("rest")).strip()
    # A dateline carries at most a little furniture after the date ("Xem cỡ chữ: A+ A-", "| Lượt xem: 519"),
    # never prose ("Ngày 27/5/2019, đồng chí … đã có buổi làm việc") nor the other end of a range.
    if _RANGE_WORD.match(rest) or _ANY_DATE.search(rest):
        return None
    if len(rest.split()) > 6 and "|" not in rest:
        return None
    day = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if day is None:
        return None
    before = stripped[:m.start("d") if m.start("d") < m.start("y") else m.start("y")]
    labelled = bool(_PUBLISHED_LABEL.search(before))
    weekday = bool(_WEEKDAY.search(before))
    site_clock = not labelled and (bool(_SITE_BAR.search(rest)) or (weekday and not _HAS_TIME.search(stripped)))
    return day, labelled, site_clock, weekday


def find_published(text: str, head_lines: int = 12) -> date | None:
    """The publication date from a dateline among the first ``head_lines`` non-empty lines, else None.

    A dateline labelled as such (``Ngày đăng:``, ``Đăng ngày``, ``Cập nhật lúc``) wins over a bare date.
    A site's clock (a weekday and a date without a time, or a date in the top bar next to ``Đăng nhập``,
    ``RSS``) only counts when no other dateline is found: it prints today, not the article's date; a
    weekday alone makes a line a little more likely the clock too. Among equals the first line wins.
    A date in a sentence or a range is never a dateline.
    """
    lines = [line for line in text.split("\n", 200)[:200] if line.strip()][:head_lines]
    found: list[tuple[bool, bool, bool, int, date]] = []
    for index, line in enumerate(lines):
        if len(line) > 300 or not _YEAR_TOKEN.search(line):
            continue  # a paragraph of prose, or no date with a year
        dateline = _dateline(line)
        if dateline:
            day, labelled, site_clock, weekday = dateline
            found.append((site_clock, not labelled, weekday, index, day))
            if labelled and not weekday:
                break  # nothing later can rank above it
    return min(found)[4] if found else None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PARTIAL_RE = Guarded(
    r"(?P<label>(?P<n>\d{1,2}|sáu|chín)\s+tháng\s+(?P<part>đầu năm|cuối năm|năm|qua|vừa qua)?\s*(?:" + _YEAR + r")?)")
_QUARTER_RE = Guarded(r"(?P<label>quý\s+(?P<q>IV|III|II|I|[1-4])(?:\s*(?:năm|/)\s*" + _YEAR + r")?)")
_YEAR_RE = Guarded(r"(?P<label>năm\s+" + _YEAR + r")(?!\s*[-–]\s*(?:19|20)\d\d)")
# A month: "tháng 10 vừa qua", "trong tháng 2/2020", "tháng 10-2020", "tháng 4 năm 2017". Not a date written
# in words ("ngày 15 tháng 4 năm 2017": checked on what stands before) nor a day-month ("tháng 10/5").
_MONTH_RE = Guarded(r"(?P<label>tháng\s+(?P<mo>\d{1,2})(?:\s*[/\-]\s*" + _YEAR +
                    r"|\s*,?\s*năm\s+(?P<year_words>(?:19|20)\d\d))?(?:\s+vừa qua|\s+qua|\s+vừa rồi)?)"
                    r"(?!\d|\s*[/\-.]\s*\d)")
# The first days of a month: "10 ngày đầu tháng 3", "15 ngày đầu tiên của tháng 9/2021".
_FIRST_DAYS_RE = Guarded(r"(?P<label>(?P<n>\d{1,2})\s+ngày\s+đầu(?:\s+tiên)?(?:\s+của)?\s+tháng\s+(?P<mo>\d{1,2})"
                         r"(?:\s*[/\-]\s*" + _YEAR + r"|\s*,?\s*năm\s+(?P<year_words>(?:19|20)\d\d))?)(?!\d|\s*[/\-.]\s*\d)")
# Several years: "giai đoạn 2015–2020", "từ năm 2015-2020", "nhiệm kỳ 2016-2021", "giai đoạn từ năm 2016 đến năm 2020".
_SPAN_RE = Guarded(r"(?P<label>(?:giai đoạn|nhiệm kỳ|thời kỳ|các năm|từ năm)\s+(?:từ\s+)?(?:năm\s+)?"
                   r"(?P<y1>(?:19|20)\d\d)\s*(?:[-–—]|đến|tới)\s*(?:năm\s+)?(?P<y2>(?:19|20)\d\d))(?!\d)")
_SPAN_NOT_REVIEWED = re.compile(r"quy hoạch|kế hoạch|tầm nhìn|chiến lược|đề án|chương trình|phấn đấu|mục tiêu|"
                                r"định hướng|đại hội|bầu cử|khóa|khoá|dự kiến", re.IGNORECASE)
# A quarter in the name of a periodic meeting ("họp báo định kỳ quý IV/2023", "họp báo … quý III năm 2024")
# names the event; such meetings report the year to date, so the quarter stands for 1 January to its end.
_EVENT_BEFORE = re.compile(r"họp báo|giao ban|hội nghị trực tuyến", re.IGNORECASE)
# Words after which a month is a bound, a reference or a plan, not the reviewed month ("tính đến hết tháng 9").
# A month singled out of a longer period ("Riêng trong tháng 12, …", "trong đó tháng 6") is a part of it.
_MONTH_NOT_REVIEWED_WORDS = {"hết", "đến hết", "cuối", "đầu", "giữa", "trung tuần", "hạ tuần", "thượng tuần",
                             "riêng", "riêng trong", "trong đó", "nhất là", "đặc biệt là"}

# Words that make the year right after them a reference, a plan or a span, not the reviewed period
# (``so với năm 2020``, ``phương hướng năm 2018``, ``giai đoạn 2021-2025``). Checked on the last words
# before the year, directly or before a ``của …`` phrase (``Chương trình công tác của UBND tỉnh năm 2024``).
_NOT_REVIEWED_WORDS = {
    "so với", "so cùng kỳ", "từ", "đến", "tới", "trước", "sau", "giai đoạn", "nhiệm kỳ", "thời kỳ", "tầm nhìn",
    "kế hoạch", "phương hướng", "triển khai", "chương trình công tác", "chương trình", "phấn đấu", "mục tiêu",
    "dự kiến", "định hướng", "nhiệm vụ trọng tâm", "đầu", "cuối", "giữa", "lịch làm việc",
}
_NOT_REVIEWED_MAX_WORDS = max(len(w.split()) for w in _NOT_REVIEWED_WORDS)
_MONTH_BEFORE = re.compile(r"tháng\s+\d{1,2}\s*$|tháng\s*$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[.,;\n]")
_SENTENCE_BREAK = re.compile(r"[.;\n]")
_PLAN_AFTER = re.compile(r"\s*(?:,\s*)?(?:Văn phòng[^.;]{0,40}?xác định|cần|phải|sẽ|tiếp tục|là năm)",
                         re.IGNORECASE)
_REVIEW_CUE = re.compile(r"tổng kết|sơ kết|kết quả|tình hình|đánh giá|trong|qua|thực hiện nhiệm vụ|báo cáo|công tác",
                         re.IGNORECASE)
_PLAN_CUE = re.compile(r"kế hoạch|phương hướng|nhiệm vụ|triển khai", re.IGNORECASE)


def _tail(before: str, breaks: re.Pattern) -> str:
    """The part of ``before`` after its last clause (or sentence) break."""
    last = last_match(breaks, before)
    return before[last.end():] if last else before


def _cue_within(regex: re.Pattern, tail: str, reach: int) -> bool:
    """True when ``regex`` matches in ``tail`` and its last match ends at most ``reach`` chars from the end."""
    last = last_match(regex, tail)
    return last is not None and len(tail) - last.end() <= reach


_STRONG_REVIEW_CUE = re.compile(r"tổng kết|sơ kết|kết quả|tình hình|đánh giá|báo cáo|nhìn lại", re.IGNORECASE)
_PLAN_WORD = re.compile(r"triển khai|phương hướng|kế hoạch|chương trình|phấn đấu|định hướng", re.IGNORECASE)


def _last_end(regex: re.Pattern, text: str) -> int:
    last = last_match(regex, text)
    return last.end() if last else -1


def _not_reviewed(before: str) -> bool:
    """The year after ``before`` is a reference, plan or span (see ``_NOT_REVIEWED_WORDS``).

    Also a plan when, in the same sentence, a plan word (``triển khai nhiệm vụ năm 2024``) stands after
    the last review word (``tổng kết công tác năm 2023 và triển khai nhiệm vụ năm 2024``), and the year of
    a meeting's name (``Hội nghị cán bộ … năm 2018``) unless a review word follows the meeting.
    """
    clause = _tail(before, _CLAUSE_BREAK)
    if ends_with_phrase(clause, _NOT_REVIEWED_WORDS, _NOT_REVIEWED_MAX_WORDS) or _MONTH_BEFORE.search(clause):
        return True
    lowered = clause.lower()
    of = lowered.rfind("của")
    if of != -1 and len(clause) - of <= 45 and ends_with_phrase(clause[:of], _NOT_REVIEWED_WORDS, _NOT_REVIEWED_MAX_WORDS):
        return True
    sentence = _tail(before, _SENTENCE_BREAK)
    if _last_end(_PLAN_WORD, sentence) > _last_end(_STRONG_REVIEW_CUE, sentence):
        return True
    meeting = lowered.rfind("hội nghị")
    return meeting != -1 and len(clause) - meeting <= 70 and _STRONG_REVIEW_CUE.search(clause, meeting) is None


def _reviewed(before: str, reach: int = 40) -> bool:
    """A review cue (``tổng kết``, ``kết quả``, ``trong`` …) stands shortly before, in the same sentence."""
    return _cue_within(_REVIEW_CUE, _tail(before, _SENTENCE_BREAK), reach)


def _partial_period(m: re.Match, default_year: int | None) -> Period | None:
    year = int(m.group("year")) if m.group("year") else default_year
    if year is None:
        return None
    n_text = m.group("n").lower()
    n = {"sáu": 6, "chín": 9}.get(n_text) or int(n_text)
    if not 1 <= n <= 12:
        return None
    part = (m.group("part") or "").lower()
    if part == "cuối năm":
        return Period(date(year, 13 - n, 1), date(year, 12, 31), m.group("label").strip(), m.start())
    if n == 12:
        return Period(date(year, 1, 1), date(year, 12, 31), m.group("label").strip(), m.start())
    return Period(date(year, 1, 1), _month_end(year, n), m.group("label").strip(), m.start())


def _quarter_period(m: re.Match, default_year: int | None) -> Period | None:
    year = int(m.group("year")) if m.group("year") else default_year
    if year is None:
        return None
    q = _ROMAN.get(m.group("q").upper()) or int(m.group("q"))
    before = _tail(m.string[max(0, m.start() - 100):m.start()], _SENTENCE_BREAK)
    label = m.group("label").strip()
    if _EVENT_BEFORE.search(before):
        return Period(date(year, 1, 1), _month_end(year, 3 * q), f"{label} (từ đầu năm)", m.start())
    return Period(date(year, 3 * q - 2, 1), _month_end(year, 3 * q), label, m.start())


def _month_period(m: re.Match, reference: date | None) -> Period | None:
    """A month; without a year written, the last such month up to ``reference`` (the publication date)."""
    month = int(m.group("mo"))
    if not 1 <= month <= 12:
        return None
    written = m.group("year") or m.group("year_words")
    if written:
        year = int(written)
    elif reference is None:
        return None
    else:
        year = reference.year if month <= reference.month else reference.year - 1
    return Period(date(year, month, 1), _month_end(year, month), m.group("label").strip(), m.start())


def _span_period(m: re.Match, published: date | None) -> Period | None:
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if not y1 < y2 <= y1 + 10 or (published and y2 > published.year):
        return None
    return Period(date(y1, 1, 1), date(y2, 12, 31), m.group("label").strip(), m.start())


def _opens(before: str) -> bool:
    """``before`` ends where a paragraph or a sentence starts."""
    stripped = before.rstrip(" ")
    return not stripped.strip() or stripped.endswith(("\n", ".", "(")) or stripped.endswith(":")


def _candidates(text: str, reference: date | None, published: date | None) -> list[tuple[int, Period]]:
    """Every period phrase in ``text`` with a score: 3 when cued as reviewed, 2 plain, 1 weak; plans dropped.

    ``reference`` (the publication date, else a date the text gives for itself) supplies a year that is
    not written. Spans of several years score one less than other phrases of the same standing.
    """
    found: list[tuple[int, Period]] = []
    folded = fold(text)
    default_year = reference.year if reference else None
    for guarded, build in ((_PARTIAL_RE, _partial_period), (_QUARTER_RE, _quarter_period)):
        for m in guarded.finditer_in(text, folded, 0):
            if guarded is _PARTIAL_RE and not (m.group("part") or m.group("year")):
                continue  # "3 tháng" alone is a duration, not a period
            period = build(m, default_year)
            if period is None:
                continue
            before = text[max(0, m.start() - 80):m.start()]
            if _cue_within(_PLAN_CUE, _tail(before, _CLAUSE_BREAK), 25) and not _reviewed(before[-30:]):
                continue
            found.append((3 if _reviewed(before) else 2, period))
    for m in _MONTH_RE.finditer_in(text, folded, 0):
        before = text[max(0, m.start() - 80):m.start()]
        if re.search(r"\d\s*$", before) or _not_reviewed(before) or ends_with_phrase(
                _tail(before, _CLAUSE_BREAK), _MONTH_NOT_REVIEWED_WORDS, 2):
            continue
        period = _month_period(m, reference)
        if period is not None:
            found.append((3 if _reviewed(before) else 2, period))
    for m in _FIRST_DAYS_RE.finditer_in(text, folded, 0):
        year = m.group("year") or m.group("year_words") or (reference.year if reference else None)
        month, days = int(m.group("mo")), int(m.group("n"))
        start = _safe_date(int(year), month, 1) if year and 1 <= month <= 12 else None
        end = _safe_date(int(year), month, days) if start else None
        if start and end and not _not_reviewed(text[max(0, m.start() - 80):m.start()]):
            found.append((3, Period(start, end, m.group("label"), m.start())))
    for m in _SPAN_RE.finditer_in(text, folded, 0):
        before = text[max(0, m.start() - 80):m.start()]
        if _SPAN_NOT_REVIEWED.search(_tail(before, _SENTENCE_BREAK)):
            continue
        period = _span_period(m, published)
        if period is not None:
            found.append((2 if _reviewed(before) or _opens(before) else 1, period))
    for m in _YEAR_RE.finditer_in(text, folded, 0):
        before = text[max(0, m.start() - 80):m.start()]
        if _not_reviewed(before) or _PLAN_AFTER.match(text, m.end(), m.end() + 60):
            continue
        if re.match(r"\s*[-–]\s*\d", text[m.end():m.end() + 8]):
            continue
        year = int(m.group("year"))
        opens_paragraph = not before.strip() or before.rstrip(" ").endswith("\n")
        score = 2 if _reviewed(before) or opens_paragraph else 1
        found.append((score, Period(date(year, 1, 1), date(year, 12, 31), m.group("label"), m.start())))
    return found


# An explicit range: "từ ngày 1/8/2018 đến 31/7/2019", "(từ 27.4 đến 3.5.2018)", "từ ngày 1-1 đến ngày 12-3-2018",
# "Từ ngày 11/10 đến hết ngày 10/11", "từ ngày 1/7 đến nay", "từ đầu năm đến ngày 15/9", and in words
# "từ ngày 01 tháng 01 năm 2024 đến ngày 30 tháng 6 năm 2024".
_ENDPOINT = (r"\d{1,2}(?:\s*[/.\-]\s*|\s+tháng\s+)\d{1,2}"
             r"(?:(?:\s*[/.\-]\s*|\s*,?\s*năm\s+)(?:19|20)\d\d)?(?!\d|\s*[/.\-]\s*\d)")
_RANGE_RE = Guarded(r"\btừ\s+(?:(?P<start_day>ngày|hôm)\s+)?(?P<start>" + _ENDPOINT + r"|đầu năm(?:\s+(?:19|20)\d\d)?)"
                    r"\s*(?:,\s*)?(?:đến|tới|\s[-–]\s)\s*(?:hết\s+)?(?:(?:ngày|hôm)\s+)?"
                    r"(?P<end>" + _ENDPOINT + r"|nay|hiện nay|thời điểm (?:này|hiện tại))")
# A range of months: "từ tháng 10/2023 đến tháng 3/2024", "từ tháng 1 đến hết tháng 6 năm 2024".
_MONTH_RANGE_RE = Guarded(r"\btừ\s+tháng\s+(?P<m1>\d{1,2})(?:\s*(?:[/\-]|,?\s*năm)\s*(?P<y1>(?:19|20)\d\d))?"
                          r"\s*(?:đến|tới)\s*(?:hết\s+)?tháng\s+(?P<m2>\d{1,2})"
                          r"(?:\s*(?:[/\-]|,?\s*năm)\s*(?P<y2>(?:19|20)\d\d))?(?!\d)")
_ENDPOINT_RE = re.compile(r"(?P<d>\d{1,2})(?P<sep>\s*[/.\-]\s*|\s+tháng\s+)(?P<m>\d{1,2})"
                          r"(?:(?:\s*[/.\-]\s*|\s*,?\s*năm\s+)(?P<y>(?:19|20)\d\d))?", re.IGNORECASE)
# Words that make a range a plan, a term of validity, an event or a comparison, not the period reviewed.
_RANGE_NOT_REVIEWED = re.compile(r"kế hoạch|phấn đấu|dự kiến|hiệu lực|áp dụng|thời hạn|hạn chót|gia hạn|diễn ra|"
                                 r"sẽ|so với|cùng kỳ|nghỉ|đăng ký|mở cửa|triển khai", re.IGNORECASE)
_YEAR_TOKEN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_MAX_RANGE_DAYS = 366 * 6


def _nearest_year(text: str, position: int) -> int | None:
    """The 4-digit year written nearest to ``position``."""
    best = None
    for m in _YEAR_TOKEN.finditer(text):
        distance = abs(m.start() - position)
        if best is None or distance < best[0]:
            best = (distance, int(m.group(0)))
    return best[1] if best else None


def _range_period(text: str, m: re.Match, published: date | None) -> Period | None:
    """The dates of a range match; a year not written comes from the other end, the publication date or the
    nearest year in the text; a start after the end is in the year before (``từ 15/12 đến 14/3/2023``)."""
    start_text, end_text = m.group("start"), m.group("end")
    s = _ENDPOINT_RE.match(start_text)
    e = _ENDPOINT_RE.match(end_text)
    if "." in (s.group("sep") if s else "") + (e.group("sep") if e else "") and not (
            (s and s.group("y")) or (e and e.group("y"))):
        return None  # "từ 8.30 đến 11.30" are times; a dotted range names its year
    if e is None:  # "đến nay"
        if published is None:
            return None
        end = published
    else:
        ed, em = int(e.group("d")), int(e.group("m"))
        if e.group("y"):
            end_year = int(e.group("y"))
        elif s and s.group("y"):
            sy = int(s.group("y"))
            end_year = sy if (em, ed) >= (int(s.group("m")), int(s.group("d"))) else sy + 1
        elif published is not None:
            end_year = published.year if (em, ed) <= (published.month, published.day) else published.year - 1
        else:
            end_year = _nearest_year(text, m.start())
            if end_year is None:
                return None
        end = _safe_date(end_year, em, ed)
    if end is None:
        return None
    if s is None:  # "từ đầu năm"
        start = date(end.year, 1, 1)
    else:
        sd, sm = int(s.group("d")), int(s.group("m"))
        sy = int(s.group("y")) if s.group("y") else (end.year if (sm, sd) <= (end.month, end.day) else end.year - 1)
        start = _safe_date(sy, sm, sd)
    if start is None or not start < end or (end - start).days > _MAX_RANGE_DAYS:
        return None
    if published and (start > published or end.year > published.year):
        return None
    return Period(start, end, " ".join(m.group(0).split()), m.start())


def _month_range_period(text: str, m: re.Match, published: date | None) -> Period | None:
    m1, m2 = int(m.group("m1")), int(m.group("m2"))
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    if m.group("y2"):
        y2 = int(m.group("y2"))
    elif m.group("y1"):
        y2 = int(m.group("y1")) + (m2 < m1)
    elif published is not None:
        y2 = published.year if m2 <= published.month else published.year - 1
    else:
        y2 = _nearest_year(text, m.start())
        if y2 is None:
            return None
    y1 = int(m.group("y1")) if m.group("y1") else y2 - (m1 > m2)
    start, end = date(y1, m1, 1), _month_end(y2, m2)
    if not start < end or (end - start).days > _MAX_RANGE_DAYS or (published and start > published):
        return None
    return Period(start, end, " ".join(m.group(0).split()), m.start())


def _ranges(text: str, published: date | None) -> list[Period]:
    """Every explicit range of dates or months in ``text`` that is not a plan, an event or a comparison,
    in text order."""
    found = []
    folded = fold(text)
    for guarded, build in ((_RANGE_RE, _range_period), (_MONTH_RANGE_RE, _month_range_period)):
        for m in guarded.finditer_in(text, folded, 0):
            if _RANGE_NOT_REVIEWED.search(_tail(text[max(0, m.start() - 80):m.start()], _CLAUSE_BREAK)):
                continue
            period = build(text, m, published)
            if period is not None:
                found.append(period)
    return sorted(found, key=lambda p: p.position)


_SENTENCE_END = re.compile(r"[.;:](?:\s|$)")
_NUMBER_TOKEN = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*%?")


def _headline_figure_position(text: str) -> int:
    """Where the body first repeats a number of the headline (``99,4%``, ``180``), else -1.

    The headline is taken as the short lines before the first paragraph (a long line, or one of sentences),
    leaving out menus (``|``) and datelines; years and numbers shorter than three characters (``6 nghìn``)
    are too common to trace.
    """
    head_end = 0
    tokens: list[str] = []
    for line in text.split("\n", 40)[:40]:
        if len(line) > 200 or (len(line) > 80 and _SENTENCE_END.search(line)):
            break  # the first paragraph
        head_end += len(line) + 1
        if "|" in line or _dateline(line):
            continue
        tokens += [t for t in _NUMBER_TOKEN.findall(line) if len(t) >= 3 and not _YEAR_TOKEN.fullmatch(t)]
    first = -1
    for token in sorted(set(tokens)):
        m = re.search(r"(?<![\d.,])" + re.escape(token) + r"(?![\d]|[.,]\d)", text[head_end:])
        if m and (first == -1 or head_end + m.start() < first):
            first = head_end + m.start()
    return first


def _headline_range(text: str, ranges: list[Period]) -> Period:
    """The range the headline's figures belong to: the last one before the body repeats a headline
    number (a weekly bulletin that also gives the running total since January); else the first."""
    if len(ranges) == 1:
        return ranges[0]
    figure_at = _headline_figure_position(text)
    before = [p for p in ranges if p.position < figure_at]
    return before[-1] if before else ranges[0]


_URL_DATE_RE = re.compile(r"https?://\S*?/(?P<y>20\d\d)[/\-]?(?P<m>0[1-9]|1[0-2])(?:[/\-]?(?P<d>[0-2]\d|3[01]))?/")
_REPORT_DATE_RE = Guarded(r"báo cáo\s+(?:số\s+)?\d+[\w/.\-]*\s+ngày\s+(?P<d>\d{1,2})\s*[/\-.]\s*(?P<m>\d{1,2})"
                          r"\s*[/\-.]\s*(?P<y>(?:19|20)\d\d)")
_YEAR_TO_DATE_RE = Guarded(r"từ đầu năm|lũy kế|luỹ kế")
_CUTOFF_DATE_RE = Guarded(r"(?:tính đến|tính tới|lũy kế đến|luỹ kế đến|đến hết|tính từ đầu năm đến)\s+(?:hết\s+)?"
                          r"(?:(?:ngày\s+)?(?P<d>\d{1,2})\s*[/\-.]\s*(?P<m>\d{1,2})\s*[/\-.]\s*(?P<y>(?:19|20)\d\d)"
                          r"|tháng\s+(?P<month>\d{1,2})\s*[/\-]\s*(?P<month_year>(?:19|20)\d\d))")
# Where a running total starts when it is not 1 January: "kể từ khi chính thức vận hành ngày 02/6/2017".
_SINCE_RE = Guarded(r"(?:kể từ|từ khi)[^.;\n\d]{0,60}?(?:ngày\s+)?(?P<d>\d{1,2})\s*[/\-.]\s*(?P<m>\d{1,2})"
                    r"\s*[/\-.]\s*(?P<y>(?:19|20)\d\d)")


def _url_date(text: str) -> date | None:
    """The month (or day) a news URL printed in the text was filed under (``…/chinh-tri/201507/…``)."""
    m = _URL_DATE_RE.search(text) if "http" in text else None
    if not m:
        return None
    y, mo = int(m.group("y")), int(m.group("m"))
    return _safe_date(y, mo, int(m.group("d"))) if m.group("d") else _month_end(y, mo)


def _year_to_date(text: str, published: date | None) -> Period | None:
    """When no period is named: a cut-off (``Tính đến ngày 30/6/2024``), a cited report's date (``Báo cáo
    số 219/BC-VP ngày 12/9/2023``) or, for a text about ``từ đầu năm``, the publication date ends a period
    that starts on 1 January of its year."""
    folded = fold(text)
    for m in (_CUTOFF_DATE_RE.search(text, folded, 0, len(text)), _REPORT_DATE_RE.search(text, folded, 0, len(text))):
        if not m:
            continue
        if m.groupdict().get("month"):  # "tính đến hết tháng 4/2018": the end of that month
            month = int(m.group("month"))
            end = _month_end(int(m.group("month_year")), month) if 1 <= month <= 12 else None
        else:
            end = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if end and end.timetuple().tm_yday > 1 and (published is None or end <= published):
            start = date(end.year, 1, 1)
            since = _SINCE_RE.search(text, folded, 0, m.start())
            since_day = since and _safe_date(int(since.group("y")), int(since.group("m")), int(since.group("d")))
            if since_day and since_day < end and (end - since_day).days <= 731:
                start = since_day  # a running total since the unit opened, not since 1 January
            return Period(start, end, " ".join(m.group(0).split()), m.start())
    m = _YEAR_TO_DATE_RE.search(text, folded, 0, len(text))
    if m and published:
        return Period(date(published.year, 1, 1), published, m.group(0), m.start())
    return None


def find_period(text: str, published: date | None = None) -> Period | None:
    """The period the report reviews, or None when the text names none.

    An explicit range of dates (``từ ngày 1/8/2018 đến 31/7/2019``) wins over any label; of several, the
    one the headline's figures belong to. Otherwise phrases are scored (a review cue such as
    ``tổng kết``, ``kết quả``, ``trong`` or a paragraph that opens with the year scores higher; plan cues
    such as ``phương hướng``, ``triển khai``, ``so với`` drop the phrase). Among the best-scored phrases
    a partial period (``5 tháng đầu năm 2019``, ``tháng 10``) wins over a full year of the same year, and
    the earliest year wins over later ones, because a report reviews the past and plans the future.
    Periods starting after the publication date are never the reviewed one. With no phrase at all, a
    cited report's date or ``từ đầu năm`` gives 1 January to that date.
    """
    ranges = _ranges(text, published)
    if ranges:
        return _headline_range(text, ranges)
    reference = published or _url_date(text)
    # The period is named in the title or lead: look there first (a cued phrase is enough), then in the
    # opening paragraphs (any phrase), and read the whole text only if neither names one.
    lines = text.split("\n", 6)
    lead = "\n".join(lines[:6])[:700]
    for part, needs_cue in ((lead, True), (text[:1500], False), (text, False)):
        candidates = _candidates(part, reference, published)
        if published:
            candidates = [(s, p) for s, p in candidates if p.start <= published]
        if candidates and (not needs_cue or max(s for s, _ in candidates) >= 2) or len(part) == len(text):
            break
    if not candidates:
        return _year_to_date(text, published)
    best = max(score for score, _ in candidates)
    top = [p for score, p in candidates if score == best]
    single = [p for p in top if p.start.year == p.end.year]
    top = single or top  # a span of years only when nothing as good names one year
    earliest_year = min(p.start.year for p in top)
    same_year = [p for p in top if p.start.year == earliest_year]
    partial = [p for p in same_year if not p.is_full_year]
    chosen = partial or same_year
    return min(chosen, key=lambda p: p.position)


_CUTOFF_RE = Guarded(
    r"(?:tính đến|tính tới|lũy kế đến|luỹ kế đến|đến hết)\s+(?:ngày\s+)?(?P<d>\d{1,2})\s*[/.]\s*(?P<m>\d{1,2})"
    r"(?:\s*[/.]\s*(?P<y>(?:19|20)\d\d))?(?!\d)")
_CLAUSE_YEAR_RE = Guarded(r"(?:^|[\s,(])(?:trong\s+|cả\s+)?năm\s+(?P<year>(?:19|20)\d\d)\b")
_OPENING_YEAR_RE = re.compile(r"\s*(?:trong\s+)?(?:cả\s+)?năm\s+(?P<year>(?:19|20)\d\d)\s*,", re.IGNORECASE)


def clause_period(text: str, start: int, sentence_start: int, report: Period | None) -> Period | None:
    """The period of a figure at ``start`` when its clause names another one, else ``report``.

    The clause runs back from the figure to the previous comma, semicolon or sentence start for a year
    (``năm 2018 Cổng xếp hạng …``); a sentence that opens with a year (``Năm 2024, Văn phòng …``) sets
    it for the whole sentence; so does an explicit range before the figure (``trong giai đoạn từ ngày
    2.1.2018 đến 17.5.2018, trung tâm tiếp nhận …`` in a weekly bulletin); a cut-off date (``tính đến
    ngày 17/5/2019 …``) reaches back to the previous semicolon.
    """
    if report is None:
        return None
    segment_start = max(text.rfind(";", sentence_start, start), sentence_start)
    segment = text[segment_start:start]
    clause_start = max(segment.rfind(","), segment.rfind(":"), 0)
    clause = segment[clause_start:]
    years = []
    folded = fold(segment)
    for m in _CLAUSE_YEAR_RE.finditer_in(clause, folded, clause_start):
        before = clause[:m.start() + 1]
        if not re.search(r"(?:so với|so|từ|đến|tới|trước|sau)\s*(?:cùng kỳ\s*)?$", before.rstrip(), re.I):
            years.append((int(m.group("year")), segment_start + clause_start))
    opening = _OPENING_YEAR_RE.match(text, sentence_start, start)
    if not years and opening:
        years.append((int(opening.group("year")), sentence_start))
    for year, position in years:
        if not report.start.year <= year <= report.end.year:
            return Period(date(year, 1, 1), date(year, 12, 31), f"năm {year}", position)
    sentence = text[sentence_start:start]
    ranges = _ranges(sentence, None) if ("đến" in sentence or "tới" in sentence) else []
    if ranges and (ranges[-1].start, ranges[-1].end) != (report.start, report.end):
        own = ranges[-1]
        return Period(own.start, own.end, own.label, sentence_start + own.position)
    cutoffs = list(_CUTOFF_RE.finditer_in(segment, folded, 0))
    if cutoffs:
        m = cutoffs[-1]
        year = int(m.group("y")) if m.group("y") else report.end.year
        end = _safe_date(year, int(m.group("m")), int(m.group("d")))
        if end and report.start <= end <= report.end and end != report.end:
            return Period(report.start, end, m.group(0), segment_start + m.start())
    return report
