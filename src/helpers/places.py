"""Gazetteer, 2025 successors and officials → the province a report is about, with its evidence.

``resolve_province(text, title, published, source_url, manifest_province)`` returns a
:class:`ProvinceMatch`: the canonical pre-2025 name, its GSO code, its 2025 unit and how it was
decided (``manifest``, ``text``, ``url``, ``official``), or an empty match when nothing decides.
It never guesses: a neighbour named in passing, the far end of a highway (``cao tốc Tuyên Quang -
Phú Thọ``), a person's name (``Nguyễn Hòa Bình``) or a phrase that only contains a name
(``tư tưởng Hồ Chí Minh``) does not count.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parents[2] / "data" / "reference"


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


@dataclass(frozen=True)
class Official:
    name: str
    post: str
    province: str
    start: date | None
    end: date | None
    source_url: str


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


@lru_cache(maxsize=4)
def load_officials(reference_dir: Path = REFERENCE_DIR) -> tuple[Official, ...]:
    """The leaders of ``officials.csv`` with their posts and dated tenures."""
    return tuple(
        Official(
            name=row["name"],
            post=row["post"],
            province=row["province"],
            start=date.fromisoformat(row["from"]) if row["from"] else None,
            end=date.fromisoformat(row["to"]) if row["to"] else None,
            source_url=row["source_url"],
        )
        for row in _reference_rows(reference_dir, "officials.csv")
    )


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


def _post_regex(post: str) -> re.Pattern:
    vice = post.lower().startswith("phó")
    lead = r"(?:Phó Chủ tịch|PCT)(?:\s+Thường trực)?" if vice else r"(?<!Phó )Chủ tịch"
    return re.compile(lead + r"\s+(?:UBND|Ủy ban nhân dân|UB nhân dân)\s+(?:tỉnh|thành phố|TP)", re.IGNORECASE)


def _from_officials(text: str, when: date | None) -> tuple[Province, Official] | None:
    """The province of the leaders the text names with their post, at the report's date."""
    if when is None:
        return None
    found: dict[str, tuple[Province, Official]] = {}
    for official in load_officials():
        if official.start and when < official.start or official.end and when > official.end:
            continue
        post = _post_regex(official.post)
        for m in re.finditer(re.escape(official.name), text):
            window = text[max(0, m.start() - 80):m.end() + 80]
            if post.search(window):
                province = province_by_name(official.province)
                if province:
                    found[province.code] = (province, official)
                break
    return next(iter(found.values())) if len(found) == 1 else None


_PUBLISHER_RE = re.compile(
    r"(?:cơ quan chủ quản|bản quyền|copyright|giấy phép|cổng (?:thông tin điện tử|TTĐT)|trang thông tin điện tử|"
    r"ban biên tập|địa chỉ)[^\n]{0,80}?$", re.IGNORECASE)


def _from_publisher(furniture: str) -> Province | None:
    """The province a portal's own footer names as its owner ("Cơ quan chủ quản: UBND tỉnh X",
    "Cổng Thông tin điện tử tỉnh X"): the office that publishes on its portal reports on its province."""
    found = {p.code: p for p, s, _e, administrative in name_mentions(furniture)
             if administrative and _PUBLISHER_RE.search(furniture[max(0, furniture.rfind("\n", 0, s) + 1):s])}
    return next(iter(found.values())) if len(found) == 1 else None


def resolve_province(
    text: str,
    head: str,
    when: date | None,
    source_url: str = "",
    manifest_province: str = "",
    furniture: str = "",
) -> ProvinceMatch:
    """Decide the report's province, in order: manifest, office name in ``head``, the article ``text``,
    the portal's footer (``furniture``: the page after the article), URL, official.

    ``head`` is the title and lead; ``when`` the date at which officials are looked up (publication
    date, else the end of the reviewed period).
    """
    if manifest_province:
        province = province_by_name(manifest_province)
        if province:
            return _match(province, "manifest")
    province = _from_office_name(head) or _from_text(text) or (_from_publisher(furniture) if furniture else None)
    if province:
        return _match(province, "text")
    if source_url:
        province = _from_url(source_url)
        if province:
            return _match(province, "url")
    hit = _from_officials(text, when)
    if hit:
        return _match(hit[0], "official")
    return ProvinceMatch()
