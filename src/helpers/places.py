"""Gazetteer, 2025 successors and officials → the province a report is about, with its evidence.

``resolve_province(text, head, when, source_url, manifest_province, furniture)`` returns a
:class:`ProvinceMatch`: the canonical pre-2025 name, its GSO code, its 2025 unit and how it was
decided (``manifest``, ``text``, ``url``, ``official:NAME``), or an empty match when nothing decides.
It never guesses: a neighbour named in passing, the far end of a highway (``cao tốc Tuyên Quang -
Phú Thọ``), a person's name (``Nguyễn Hòa Bình``) or a phrase that only contains a name
(``tư tưởng Hồ Chí Minh``) does not count, and ``UBND tỉnh`` with no name is no clue at all.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from .reading import normalize_text

REFERENCE_DIR = Path(__file__).resolve().parents[2] / "data" / "reference"

OFFICIAL_COLUMNS = ["name", "post", "province", "province_2025", "from", "to", "source_url", "note"]
CHAIR, VICE_CHAIR, OFFICE_CHIEF = "Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh", "Chánh Văn phòng UBND tỉnh"
POSTS = (CHAIR, VICE_CHAIR, OFFICE_CHIEF)
MERGER_DAY = date(2025, 7, 1)  # the 63 provinces became 34 units (NQ 202/2025/QH15)


class ReferenceDataError(ValueError):
    """A row of ``data/reference/officials.csv`` breaks its schema (the message names the line)."""


@dataclass(frozen=True)
class Province:
    code: str
    name: str
    province_2025: str
    names: tuple[str, ...]  # canonical name first, then aliases


@dataclass(frozen=True)
class ProvinceMatch:
    province: str = ""
    code: str = ""
    province_2025: str = ""
    evidence: str = ""
    doubt: str = ""  # why nothing was decided although clues were found (two leaders of two provinces)


@dataclass(frozen=True)
class Official:
    name: str
    post: str  # one of POSTS
    province: str  # a pre-2025 unit, for a post held before 1 July 2025; else ""
    start: date | None
    end: date | None
    source_url: str
    province_2025: str = ""  # a 2025 unit, for a post held in the units formed on 1 July 2025; else ""

    def holds_post_on(self, day: date) -> bool:
        """True when ``day`` is inside [start, end] (empty = open) and inside the era of the post's unit: a
        pre-2025 province's posts end with it on 30 June 2025, a 2025 unit's posts begin on 1 July 2025."""
        if (day >= MERGER_DAY) != bool(self.province_2025):
            return False
        return not (self.start and day < self.start or self.end and day > self.end)


def ascii_fold(text: str) -> str:
    """``Thanh Hóa`` → ``thanh hoa``: lower case, no diacritics, ``đ`` → ``d``."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _reference_rows(reference_dir: Path, name: str) -> list[dict[str, str]]:
    with open(reference_dir / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=4)
def load_provinces(reference_dir: Path = REFERENCE_DIR) -> tuple[Province, ...]:
    """The 63 pre-2025 units from ``provinces.csv``."""
    return tuple(
        Province(
            code=row["code"],
            name=row["name"],
            province_2025=row["province_2025"],
            names=tuple([row["name"]] + [a for a in row["aliases"].split("|") if a]),
        )
        for row in _reference_rows(reference_dir, "provinces.csv")
    )


def _unit_key(name: str) -> str:
    return re.sub(r"^(?:tp\.?|thanh pho|tinh)\s*", "", ascii_fold(name.strip()))


def unit_by_name(name: str) -> str | None:
    """The canonical name of a 2025 unit (``Thành phố Huế`` → ``Huế``), or None when it is not one of the 34."""
    key = _unit_key(name)
    return next((p.province_2025 for p in load_provinces() if _unit_key(p.province_2025) == key), None)


def _iso_or_none(value: str, line: int, column: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ReferenceDataError(f"officials.csv line {line}: {column} {value!r} is not an ISO date (YYYY-MM-DD).") from None


@lru_cache(maxsize=4)
def load_officials(reference_dir: Path = REFERENCE_DIR) -> tuple[Official, ...]:
    """The leaders of ``reference_dir/officials.csv`` (columns ``OFFICIAL_COLUMNS``) with posts and tenures.

    Raises ReferenceDataError with a one-line message (file line and problem) for a row that breaks the schema:
    a post outside ``POSTS``, not exactly one of ``province`` (pre-2025) / ``province_2025`` (2025 unit),
    an unknown province or unit, a date that is not ISO, ``from`` after ``to``, or no source URL.
    """
    rows = _reference_rows(reference_dir, "officials.csv")
    if rows and list(rows[0]) != OFFICIAL_COLUMNS:
        raise ReferenceDataError(f"officials.csv: the columns must be {','.join(OFFICIAL_COLUMNS)}; "
                         f"they are {','.join(rows[0])}.")
    officials = []
    for line, row in enumerate(rows, start=2):
        if row["post"] not in POSTS:
            raise ReferenceDataError(f"officials.csv line {line}: post {row['post']!r} is not one of {', '.join(POSTS)}.")
        if bool(row["province"]) == bool(row["province_2025"]):
            raise ReferenceDataError(f"officials.csv line {line}: give exactly one of province (a post before 1 July 2025) "
                             "and province_2025 (a post in a unit formed then).")
        province = province_by_name(row["province"]) if row["province"] else None
        if row["province"] and province is None:
            raise ReferenceDataError(f"officials.csv line {line}: {row['province']!r} is not a pre-2025 province.")
        unit = unit_by_name(row["province_2025"]) if row["province_2025"] else None
        if row["province_2025"] and unit is None:
            raise ReferenceDataError(f"officials.csv line {line}: {row['province_2025']!r} is not a 2025 unit.")
        start, end = _iso_or_none(row["from"], line, "from"), _iso_or_none(row["to"], line, "to")
        if start and end and start > end:
            raise ReferenceDataError(f"officials.csv line {line}: from {row['from']} is after to {row['to']}.")
        if not row["source_url"].startswith(("http://", "https://")):
            raise ReferenceDataError(f"officials.csv line {line}: every row needs the source_url that proves it.")
        officials.append(Official(
            name=normalize_text(row["name"]).strip(),
            post=row["post"],
            province=province.name if province else "",
            start=start,
            end=end,
            source_url=row["source_url"],
            province_2025=unit or "",
        ))
    return tuple(officials)


def province_by_name(name: str) -> Province | None:
    """Look a province up by canonical name, alias or GSO code (case- and accent-insensitive)."""
    key = ascii_fold(name.strip())
    for province in load_provinces():
        if key == province.code or key.lstrip("0") == province.code.lstrip("0"):
            return province
        if any(ascii_fold(n) == key for n in province.names):
            return province
    return None


def closest_provinces(name: str, n: int = 3) -> list[str]:
    """The ``n`` canonical names closest to ``name`` (for error messages)."""
    import difflib

    names = {ascii_fold(p.name): p.name for p in load_provinces()}
    return [names[k] for k in difflib.get_close_matches(ascii_fold(name), list(names), n=n, cutoff=0.4)]


def _match(province: Province, evidence: str) -> ProvinceMatch:
    return ProvinceMatch(province.name, province.code, province.province_2025, evidence)


# --- names in text --------------------------------------------------------------------------------
# A name right after one of these words is a person's name (surname or middle name), not a place.
_PERSON_WORDS = set(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh Trương "
    "Lâm Phùng Mai Tô Tạ Chu Lương Đinh Lưu Châu Quách Tăng Triệu Hứa Kiều Nông Lò Mạc Âu Văn Thị Hữu Đức "
    "Minh Quang Ngọc Xuân Công Đình Thế Mạnh Hồng Trọng Tiến Quốc Bá Duy Khắc Như ông bà anh chị".split()
)
# Words that make the name after them the province itself: its administration, or its own newspaper or
# broadcaster, which report on their own province ("Báo Lạng Sơn", "Đài PT-TH Tuyên Quang").
_ADMIN_BEFORE = re.compile(r"(?:tỉnh|thành phố|TP\.?|Tỉnh|Thành phố|Báo|báo|Đài PT-TH|Đài PTTH|"
                           r"Đài Phát thanh và Truyền hình|Đài Phát thanh - Truyền hình)\s*$")
_LETTER = "A-Za-zÀ-ỹĐđ"


@lru_cache(maxsize=1)
def _name_regex() -> tuple[re.Pattern, dict[str, Province]]:
    lookup: dict[str, Province] = {}
    for province in load_provinces():
        for name in province.names:
            lookup[name] = province
    alternatives = "|".join(re.escape(n) for n in sorted(lookup, key=len, reverse=True))
    return re.compile(rf"(?<![{_LETTER}])(?:{alternatives})(?![{_LETTER}])"), lookup


def name_mentions(text: str) -> list[tuple[Province, int, int, bool]]:
    """Every mention of a province in ``text``: (province, start, end, administrative).

    ``administrative`` is True when the name follows ``tỉnh``/``thành phố``/``TP.`` or is itself a city
    form (``TP. Hồ Chí Minh``). Person names and the two ends of a route (``A - B``) are left out.
    """
    regex, lookup = _name_regex()
    found = []
    matches = list(regex.finditer(text))
    for i, m in enumerate(matches):
        before = text[max(0, m.start() - 30):m.start()]
        words = before.split()
        if words and words[-1] in _PERSON_WORDS:
            continue
        # Route or pair "Tuyên Quang - Phú Thọ": the ends of a highway say nothing of the report's province.
        prev_m = matches[i - 1] if i else None
        next_m = matches[i + 1] if i + 1 < len(matches) else None
        if next_m and re.fullmatch(r"\s*[-–]\s*", text[m.end():next_m.start()]):
            continue
        if prev_m and re.fullmatch(r"\s*[-–]\s*", text[prev_m.end():m.start()]):
            continue
        name = m.group(0)
        administrative = bool(_ADMIN_BEFORE.search(before)) or name.startswith(("TP", "Thành phố", "Thủ đô"))
        found.append((lookup[name], m.start(), m.end(), administrative))
    return found


_OFFICE_RE = re.compile(  # the unit word may be part of the name itself: "UBND TP Hồ Chí Minh"
    r"(?:UBND|Ủy ban nhân dân|UB nhân dân|Văn phòng)(?:\s+(?:tỉnh|thành phố|TP\.?))?\s*$", re.IGNORECASE)


def _from_office_name(head: str) -> Province | None:
    """The province of ``Văn phòng UBND tỉnh X`` / ``UBND thành phố X`` in the title or lead."""
    candidates = {p.code: p for p, s, _e, _a in name_mentions(head) if _OFFICE_RE.search(head[max(0, s - 40):s])}
    if len(candidates) == 1:
        return next(iter(candidates.values()))
    return None


def _from_text(body: str) -> Province | None:
    """The province the text is about: administrative mentions count 3, bare ones 1.

    The winner needs a score of at least 3 and more than twice the runner-up's; otherwise None.
    """
    scores: dict[str, float] = {}
    provinces: dict[str, Province] = {}
    for province, _s, _e, administrative in name_mentions(body):
        scores[province.code] = scores.get(province.code, 0) + (3 if administrative else 1)
        provinces[province.code] = province
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    best_code, best = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if best >= 3 and best > 2 * runner_up:
        return provinces[best_code]
    return None


def _from_url(url: str) -> Province | None:
    """A province whose folded name (``tuyenquang``, ``thanh-hoa``) is in the URL's host."""
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0]
    if not host:
        return None
    hits = {}
    for province in load_provinces():
        for name in province.names:
            slug = ascii_fold(name)
            if len(slug) < 5:
                continue
            for variant in (re.sub(r"[^a-z]", "", slug), re.sub(r"[^a-z]+", "-", slug)):
                if variant and variant in host:
                    hits[province.code] = province
    return next(iter(hits.values())) if len(hits) == 1 else None


# --- the page's own identity: masthead, site owner, footer, the headline's subject -------------------
# Mastheads are often in capitals ("BÁO QUẢNG NAM") or without diacritics ("Bao dien tu Bac Ninh"), so
# these patterns ignore case and know every name also in its unaccented spelling.
_UNIT = r"(?:tỉnh ủy|tỉnh|thành ủy|thành phố|tp\.?|tinh uy|tinh|thanh uy|thanh pho)"
# Words that open the name of a site, newspaper or broadcaster.
_PUBLISHER = (r"(?:báo|bao)(?:\s+(?:điện tử|dien tu))?"
              r"|(?:cổng|cong)\s+(?:thông tin điện tử|thông tin|thong tin dien tu|thong tin|ttđt|ttdt|tt-đt|tt đt)"
              r"|(?:trang|trang tin|trang thông tin|trang thong tin)\s+(?:điện tử|dien tu)"
              r"|(?:đài|dai)\s+(?:pt-th|ptth|pt - th|pt&th|phát thanh(?:\s*(?:và|-|–)\s*|\s+)truyền hình"
              r"|phat thanh(?:\s*(?:va|-|–)\s*|\s+)truyen hinh|truyền hình|truyen hinh)")
# Words that open the name of a provincial body that is the whole line (a masthead or footer line:
# "Sở Thông tin và Truyền thông tỉnh X", "Văn phòng UBND tỉnh X - Địa chỉ: …"). The words in between may not
# be another unit or a relation ("Trung tâm … tiếp đoàn công tác tỉnh X" is a news item, not an owner).
_BODY = (r"(?:văn phòng|van phong)\s+(?:ubnd|ủy ban nhân dân|uy ban nhan dan)|ubnd|ủy ban nhân dân|uy ban nhan dan"
         r"|(?:trung tâm|trung tam|sở)\b(?:(?!\b(?:tỉnh|thành phố|với|tại|thăm|đón|của|cho|giữa|làm việc|phối hợp)\b)"
         r"[^\n|:•,.]){0,70}")
_LINE_LEAD = r"^[ \t]*(?:(?:©|\(c\)|copyright|bản quyền(?:\s+thuộc)?|ban quyen(?:\s+thuoc)?|nguồn|nguon|theo)[ \t:]*)?"
_LOWER = "a-z" + "".join(chr(c) for c in range(0xC0, 0x1EFA) if chr(c).islower())
# A line in capitals (a masthead: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH X", "BÁO X ĐIỆN TỬ").
_CAPITALS_LINE_RE = re.compile(rf"^[^{_LOWER}\n]{{8,200}}$", re.MULTILINE)
_LOWER_LETTER_RE = re.compile(f"[{_LOWER}]")
# A line that is only a site's address ("baoquangnam.vn"), above the headline where the logo is.
_HOST_LINE_RE = re.compile(r"^[ \t]*(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+vn)/?[ \t]*$", re.IGNORECASE | re.MULTILINE)
# A line that gives the page's own address ("Địa chỉ bài viết: https://baokhanhhoa.vn/…").
_OWN_ADDRESS_RE = re.compile(r"^[ \t]*(?:địa chỉ bài viết|link bài viết|đường dẫn bài viết|url bài viết)\s*:\s*"
                             r"(?:https?://)?((?:[a-z0-9-]+\.)+vn)\b", re.IGNORECASE | re.MULTILINE)
# Footer phrases that name the owner of the site ("Cơ quan chủ quản: UBND tỉnh X").
_OWNER_RE = re.compile(
    r"(?:cơ quan chủ quản|cơ quan của|cơ quan ngôn luận|bản quyền|copyright|©|giấy phép|cổng (?:thông tin điện tử|TTĐT)|"
    r"trang thông tin điện tử|ban biên tập|địa chỉ)[^\n]{0,80}?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _identity_regexes() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, dict[str, Province]]:
    """(publisher line, provincial body line, name in a capitals line, headline opener, lower-case name →
    province). Every name is known as written and without diacritics (``Bắc Ninh``, ``bac ninh``)."""
    lookup: dict[str, Province] = {}
    for province in load_provinces():
        for name in province.names:
            lookup[name.lower()] = province
            lookup[ascii_fold(name)] = province
    names = "|".join(re.escape(n) for n in sorted(lookup, key=len, reverse=True))
    name = rf"(?P<name>{names})(?![{_LETTER}])"
    flags = re.IGNORECASE | re.MULTILINE
    # "Báo X", "Cổng TTĐT tỉnh X", and a broadcaster or site named "X TV" / "X Online" on a line of its own
    publisher = re.compile(rf"{_LINE_LEAD}(?:(?:{_PUBLISHER})\s+(?:{_UNIT}\s+)?{name}"
                           rf"|{name.replace('P<name>', 'P<suffixed>')}\s+(?:tv|online|ptth|pt-th)[ \t]*$)", flags)
    body = re.compile(rf"{_LINE_LEAD}(?:{_BODY})\s*\b{_UNIT}\s+{name}[ \t]*(?:$|[-–|©•(]|điện tử|dien tu)", flags)
    capitals = re.compile(rf"(?<![{_LETTER}])(?:{_UNIT}|{_PUBLISHER})\s+{name}", flags)
    opener = re.compile(rf"^\s*(?:(?:tỉnh|thành phố)\s+)?{name}\s*:", re.IGNORECASE)
    return publisher, body, capitals, opener, lookup


def _owner_in_footer(furniture: str) -> set[str]:
    """The provinces a portal's own footer names as its owner ("Cơ quan chủ quản: UBND tỉnh X",
    "Cổng Thông tin điện tử tỉnh X"): the office that publishes on its portal reports on its province."""
    return {p.code for p, s, _e, administrative in name_mentions(furniture)
            if administrative and _OWNER_RE.search(furniture[max(0, furniture.rfind("\n", 0, s) + 1):s])}


def _from_identity(text: str, top: str, furniture: str) -> Province | None:
    """The province of the site the page belongs to, when its identity names exactly one.

    Clues: a line that opens with a newspaper, portal or broadcaster's name ("Báo X điện tử", "Bao dien tu
    X", "© Báo X", "Cổng TTĐT tỉnh X", "Đài PT-TH X", "Nguồn: Báo X"); a provincial body's name alone on
    its line ("Văn phòng UBND tỉnh X", "Sở … tỉnh X"); a masthead in capitals that names a province
    ("SỞ … TỈNH X", "BÁO X"); the site's address alone on a line above the headline (``top``) or given as
    the page's own address; an owner line in the ``furniture`` footer.
    """
    publisher, body, capitals, _opener, lookup = _identity_regexes()
    page = text + "\n" + furniture
    names = [m.group("name") or m.group("suffixed") for m in publisher.finditer(page)]
    names += [m.group("name") for m in body.finditer(page)]
    for line in _CAPITALS_LINE_RE.finditer(page):
        names += [m.group("name") for m in capitals.finditer(line.group(0))]
    found = {lookup[n.lower()].code: lookup[n.lower()] for n in names}
    hosts = [m.group(1) for m in _HOST_LINE_RE.finditer(top)] + [m.group(1) for m in _OWN_ADDRESS_RE.finditer(page)]
    for province in filter(None, map(_from_url, hosts)):
        found[province.code] = province
    owners = _owner_in_footer(furniture) if furniture else set()
    found.update((p.code, p) for p in load_provinces() if p.code in owners)
    return next(iter(found.values())) if len(found) == 1 else None


# Lines that are page furniture above the headline: menus and breadcrumbs, datelines, bylines, captions.
_NOT_HEADLINE_RE = re.compile(r"\||>|»|^\[|^\(|^\d|^(?:Thứ|Chủ nhật|Ngày đăng|Cập nhật)\b", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W\d_]+")


# Words of a site's name: a line in capitals holding one is a masthead even when it names no province.
_MASTHEAD_WORD_RE = re.compile(r"\b(?:BÁO|CỔNG|ĐÀI|TRANG THÔNG TIN|ĐIỆN TỬ|BỘ|SỞ|VĂN PHÒNG|ỦY BAN|UBND)\b")


def headline_and_lead(text: str) -> tuple[str, str]:
    """The article's headline and lead: the first two lines near the top written in words (five or more),
    skipping mastheads, menus, section names, datelines, bylines and captions."""
    publisher, _body, capitals, *_others = _identity_regexes()
    found: list[str] = []
    for line in text[:3000].split("\n")[:25]:
        line = line.strip()
        if line.count(" ") < 4 or len(_WORD_RE.findall(line)) < 5 or _NOT_HEADLINE_RE.search(line) or publisher.match(line):
            continue
        if not _LOWER_LETTER_RE.search(line) and (capitals.search(line) or _MASTHEAD_WORD_RE.search(line)):
            continue  # a masthead in capitals ("SỞ … TỈNH X", "BÁO … ĐIỆN TỬ"): the site's identity, not the headline
        found.append(line)
        if len(found) == 2:
            break
    return (found + ["", ""])[0], (found + ["", ""])[1]


def _from_headline_opener(headline: str) -> Province | None:
    """``Quảng Ninh: …``, ``TP.HCM: …``: a headline that opens with a province is about it."""
    *_others, opener, lookup = _identity_regexes()
    m = opener.match(headline)
    if not m:
        return None
    before = headline[:m.start("name")].split()
    if before and before[-1] in _PERSON_WORDS:
        return None
    return lookup[m.group("name").lower()]


# --- officials ---------------------------------------------------------------------------------------
_UBND = r"(?:UBND|Ủy ban nhân dân|UB nhân dân)"
# The post exactly: "Phó Chủ tịch" contains "Chủ tịch", so the chair needs no "Phó" before it.
_POST = (rf"(?:(?P<chief>Chánh Văn phòng|Chánh VP)|(?P<vice>Phó Chủ tịch|PCT)(?:\s+(?:Thường trực|TT))?"
         rf"|(?<!Phó )(?P<chair>Chủ tịch))\s+{_UBND}\s+(?:tỉnh|thành phố|TP\.?)")
# "NAME, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh", "NAME (Phó Chủ tịch UBND tỉnh)", "NAME - Chánh Văn phòng …";
# the titles in between are short and never another person ("…, và ông …").
_TITLE = r"(?:(?!\b(?:và|cùng|với|ông|bà|đồng chí)\b)[^,;.()\n]){1,60},\s*"
_POST_AFTER_RE = re.compile(rf"\s*(?:,|\(|-|–)\s*(?:{_TITLE}){{0,3}}{_POST}", re.IGNORECASE)
_POST_BY_GROUP = {"chair": CHAIR, "vice": VICE_CHAIR, "chief": OFFICE_CHIEF}


@lru_cache(maxsize=8)
def _official_name_regex(officials: tuple[Official, ...]) -> re.Pattern | None:
    names = sorted({o.name for o in officials}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(rf"(?<![{_LETTER}])(?:{'|'.join(re.escape(n) for n in names)})(?![{_LETTER}])")


@lru_cache(maxsize=1)
def _post_before_regex() -> re.Pattern:
    """``Phó Chủ tịch UBND tỉnh [X] NAME``, ``Chủ tịch UBND tỉnh, ông NAME``: the post ends right before the name."""
    names = "|".join(re.escape(n) for n in sorted(_name_regex()[1], key=len, reverse=True))
    return re.compile(rf"{_POST}(?:\s+(?:{names}))?\s*[,:]?\s*(?:(?:đồng chí|ông|bà)\s+)?$", re.IGNORECASE)


def _post_named_with(text: str, start: int, end: int) -> str:
    """The post written right before or after the name at ``text[start:end]``, or ``""``."""
    post = _post_before_regex().search(text, max(0, start - 120), start) or _POST_AFTER_RE.match(text, end, end + 200)
    if not post:
        return ""
    return next(_POST_BY_GROUP[group] for group in ("chief", "vice", "chair") if post.group(group))


def sole_predecessor(unit: str, provinces: tuple[Province, ...] | None = None) -> Province | None:
    """The pre-2025 province a 2025 ``unit`` continues unchanged (Sơn La → Sơn La, Huế → Thừa Thiên Huế), or
    None when the unit was formed by merging several (``provinces``: default provinces.csv)."""
    predecessors = [p for p in (provinces or load_provinces()) if p.province_2025 == unit]
    return predecessors[0] if len(predecessors) == 1 else None


def _official_place(official: Official) -> tuple[Province | None, str]:
    """(pre-2025 province or None, 2025 unit) of a post: a 2025 unit gives its province only when it
    succeeds exactly one pre-2025 province."""
    if official.province:
        province = province_by_name(official.province)
        return province, province.province_2025 if province else ""
    return sole_predecessor(official.province_2025), official.province_2025


def _from_officials(text: str, when: date | None, officials: tuple[Official, ...]) -> ProvinceMatch | None:
    """The province of the leaders the text names with their post, at the report's date.

    A leader counts when the text gives name and post together and officials.csv has that name with that
    post on ``when``. Leaders pointing to two provinces (or one name fitting two) decide nothing: the
    match is empty with a ``doubt``.
    """
    regex = _official_name_regex(officials) if when else None
    if regex is None:
        return None
    # (province code or "", unit) → the first leader named for it
    places: dict[tuple[str, str], tuple[Province | None, str, str]] = {}
    for m in regex.finditer(text):
        post = _post_named_with(text, m.start(), m.end())
        if not post:
            continue
        for official in officials:
            if official.name == m.group(0) and official.post == post and official.holds_post_on(when):
                province, unit = _official_place(official)
                places.setdefault((province.code if province else "", unit), (province, unit, official.name))
    if not places:
        return None
    units = {unit for _code, unit in places}
    codes = {code for code, _unit in places if code}
    if len(units) > 1 or len(codes) > 1:
        named = "; ".join(f"{name} → {province.name if province else unit}" for province, unit, name in places.values())
        return ProvinceMatch(doubt=f"The leaders named point to different provinces on {when.isoformat()} ({named}).")
    # One unit; the pre-2025 province when some leader's post gives it (it lies inside that unit).
    province, unit, name = next((v for (code, _u), v in places.items() if code), next(iter(places.values())))
    if province:
        return ProvinceMatch(province.name, province.code, province.province_2025, f"official:{name}")
    return ProvinceMatch("", "", unit, f"official:{name}")


def resolve_province(
    text: str,
    head: str,
    when: date | None,
    source_url: str = "",
    manifest_province: str = "",
    furniture: str = "",
    officials: tuple[Official, ...] | None = None,
    headline_lead: tuple[str, str] | None = None,
) -> ProvinceMatch:
    """Decide the report's province.

    In order: the manifest; the office named in the head (``Văn phòng UBND tỉnh X``) or a headline that
    opens with the province (``X: …``); the article ``text`` and the site's identity (masthead, owner,
    ``furniture`` footer) — when both decide and differ, the text wins only if the headline or lead names
    its province; the URL; a leader named with his post (``officials``, default officials.csv).

    ``headline_lead`` is ``headline_and_lead(text)`` when the caller has it already.
    ``head`` is the title and lead; ``when`` the date at which officials are looked up (publication
    date, else the end of the reviewed period). Evidence: ``manifest``, ``text``, ``url``,
    ``official:NAME``. An empty match may carry a ``doubt`` (leaders of two provinces).
    """
    if manifest_province:
        province = province_by_name(manifest_province)
        if province:
            return _match(province, "manifest")
    headline, lead = headline_lead or headline_and_lead(text)
    province = _from_office_name("\n".join((head, headline, lead))) or _from_headline_opener(headline)
    if province:
        return _match(province, "text")
    top = text[:text.find(headline)] if headline else text[:600]
    owner = _from_identity(text, top, furniture)
    named = _from_text(text)
    in_head = {p.code: p for p, _s, _e, _a in name_mentions(headline + "\n" + lead)} if headline else {}
    if named and owner and named.code != owner.code and named.code not in in_head:
        named = None  # a province the article names, but not in its headline or lead, is not the site's
    province = named or owner
    if province is None and len(in_head) == 1:
        # Several provinces named with none ahead (a ranking, a comparison): the one the headline names, when
        # the headline and lead name no other, is the one the page is about.
        only = next(iter(in_head.values()))
        province = only if any(p.code == only.code for p, *_rest in name_mentions(headline)) else None
    if province:
        return _match(province, "text")
    if source_url:
        province = _from_url(source_url)
        if province:
            return _match(province, "url")
    return _from_officials(text, when, load_officials() if officials is None else officials) or ProvinceMatch()
