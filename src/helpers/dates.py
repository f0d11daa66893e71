"""Datelines and periods → published date, reviewed period, and a figure's own period.

* ``find_published(text)``: the publication date from the datelines real portals print near the top
  (``10/02/2024 08:48:00``, ``Đăng ngày 08 - 01 - 2022``, ``29/12/2017, 9:12 (GMT+7)``,
  ``Ngày đăng: …``, ``Cập nhật: …``). A date inside a sentence (``Ngày 27/5/2019, đồng chí …``) is
  the date of an event, not of publication, and is not taken.
* ``find_period(text, published)``: the period the report reviews, telling it from the plan year
  (``tổng kết năm 2017, phương hướng năm 2018`` reviews 2017).
* ``clause_period(text, start, report_period)``: the period of one figure when its own clause names
  another year (``năm 2018 Cổng xếp hạng thứ 35/61`` in a 2019 report) or a cut-off
  (``tính đến ngày 17/5/2019``).
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


def _dateline(line: str) -> tuple[date, bool, bool] | None:
    """(date, labelled, looks like a site's clock) when ``line`` is a dateline, else None."""
    stripped = line.strip()
    for regex in _DATELINE_RES:
        m = regex.match(stripped)
        if m:
            break
    else:
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
    site_clock = not labelled and (bool(_SITE_BAR.search(rest)) or
                                   (bool(_WEEKDAY.search(before)) and not _HAS_TIME.search(stripped)))
    return day, labelled, site_clock


def find_published(text: str, head_lines: int = 12) -> date | None:
    """The publication date from a dateline among the first ``head_lines`` non-empty lines, else None.

    A dateline labelled as such (``Ngày đăng:``, ``Đăng ngày``, ``Cập nhật lúc``) wins over a bare date.
    A site's clock (a weekday and a date without a time, or a date in the top bar next to ``Đăng nhập``,
    ``RSS``) only counts when no other dateline follows it: it prints today, not the article's date.
    Among equals the first line wins. A date in a sentence or a range is never a dateline.
    """
    lines = [line for line in text.split("\n", 200)[:200] if line.strip()][:head_lines]
    found: list[tuple[bool, bool, int, date]] = []
    for index, line in enumerate(lines):
        if len(line) > 300:
            continue  # a paragraph of prose
        dateline = _dateline(line)
        if dateline:
            day, labelled, site_clock = dateline
            found.append((site_clock, not labelled, index, day))
    return min(found)[3] if found else None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PARTIAL_RE = Guarded(
    r"(?P<label>(?P<n>\d{1,2}|sáu|chín)\s+tháng\s+(?P<part>đầu năm|cuối năm|năm)?\s*(?:" + _YEAR + r")?)")
_QUARTER_RE = Guarded(r"(?P<label>quý\s+(?P<q>IV|III|II|I|[1-4])(?:\s*(?:năm|/)\s*" + _YEAR + r")?)")
_YEAR_RE = Guarded(r"(?P<label>năm\s+" + _YEAR + r")(?!\s*[-–]\s*(?:19|20)\d\d)")

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
_CLAUSE_BREAK = re.compile(r"[.,;]")
_SENTENCE_BREAK = re.compile(r"[.;]")
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
    return Period(date(year, 3 * q - 2, 1), _month_end(year, 3 * q), m.group("label").strip(), m.start())


def _candidates(text: str, default_year: int | None) -> list[tuple[int, Period]]:
    """Every period phrase in ``text`` with a score: 2 when cued as reviewed, 1 plain; plans dropped."""
    found: list[tuple[int, Period]] = []
    folded = fold(text)
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


def find_period(text: str, published: date | None = None) -> Period | None:
    """The period the report reviews, or None when the text names none.

    Phrases are scored (a review cue such as ``tổng kết``, ``kết quả``, ``trong`` or a paragraph that
    opens with the year scores higher; plan cues such as ``phương hướng``, ``triển khai``, ``so với``
    drop the phrase). Among the best-scored phrases a partial period (``5 tháng đầu năm 2019``) wins
    over a full year of the same year, and the earliest year wins over later ones, because a report
    reviews the past and plans the future. Years after the publication year are never the reviewed one.
    """
    default_year = published.year if published else None
    # The period is named in the title or lead: look there first (a cued phrase is enough), then in the
    # opening paragraphs (any phrase), and read the whole text only if neither names one.
    lines = text.split("\n", 6)
    lead = "\n".join(lines[:6])[:700]
    for part, needs_cue in ((lead, True), (text[:1500], False), (text, False)):
        candidates = _candidates(part, default_year)
        if published:
            candidates = [(s, p) for s, p in candidates if p.start <= published]
        if candidates and (not needs_cue or max(s for s, _ in candidates) >= 2) or len(part) == len(text):
            break
    if not candidates:
        return None
    best = max(score for score, _ in candidates)
    top = [p for score, p in candidates if score == best]
    earliest_year = min(p.start.year for p in top)
    same_year = [p for p in top if p.start.year == earliest_year]
    partial = [p for p in same_year if not p.is_full_year]
    chosen = partial or same_year
    return min(chosen, key=lambda p: p.position)


_CUTOFF_RE = Guarded(
    r"(?:tính đến|tính tới|lũy kế đến|đến hết)\s+(?:ngày\s+)?(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})"
    r"(?:\s*/\s*(?P<y>(?:19|20)\d\d))?")
_CLAUSE_YEAR_RE = Guarded(r"(?:^|[\s,(])(?:trong\s+|cả\s+)?năm\s+(?P<year>(?:19|20)\d\d)\b")
_OPENING_YEAR_RE = re.compile(r"\s*(?:trong\s+)?(?:cả\s+)?năm\s+(?P<year>(?:19|20)\d\d)\s*,", re.IGNORECASE)


def clause_period(text: str, start: int, sentence_start: int, report: Period | None) -> Period | None:
    """The period of a figure at ``start`` when its clause names another one, else ``report``.

    The clause runs back from the figure to the previous comma, semicolon or sentence start for a year
    (``năm 2018 Cổng xếp hạng …``); a sentence that opens with a year (``Năm 2024, Văn phòng …``) sets
    it for the whole sentence; a cut-off date (``tính đến ngày 17/5/2019 …``) reaches back to the
    previous semicolon.
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
    cutoffs = list(_CUTOFF_RE.finditer_in(segment, folded, 0))
    if cutoffs:
        m = cutoffs[-1]
        year = int(m.group("y")) if m.group("y") else report.end.year
        end = _safe_date(year, int(m.group("m")), int(m.group("d")))
        if end and report.start <= end <= report.end and end != report.end:
            return Period(report.start, end, m.group(0), segment_start + m.start())
    return report
