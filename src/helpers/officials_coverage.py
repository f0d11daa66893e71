"""``officials.csv`` → how much of each province's leadership it knows, term by term (a Markdown table).

``coverage_table()`` is what ``data/reference/README.md`` shows (a test keeps the two equal;
``python -m helpers officials`` prints it). A row counts for a term only on evidence: its ``from`` falls in
the term, or it started earlier and its ``to`` reaches into the term, or its note names the term ("2021-2026").
A row with an open end and no such evidence is not counted for a later term: the table must not claim more
than the sources show.

The 2021–2026 term ended on 30 June 2025 where the province was merged into a new unit. The 11 provinces that
became a unit on their own (Hà Nội, Sơn La, Hà Tĩnh, …) kept their councils and committees until the 2026–2031
councils were elected on 15 March 2026, so for them the term runs to that day and the rows filed under their
2025 unit (a vice-chair elected "for 2021-2026" in October 2025) count too.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from .places import REFERENCE_DIR, Province, load_provinces, sole_predecessor

CHAIR, VICE, CHIEF = "Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh", "Chánh Văn phòng UBND tỉnh"


@dataclass(frozen=True)
class Term:
    label: str
    start: date
    end: date
    names: tuple[str, ...]  # how notes write it


TERMS = (
    Term("2016–2021", date(2016, 4, 1), date(2021, 6, 30), ("2016-2021", "2016–2021", "2016 - 2021")),
    Term("2021–2026", date(2021, 7, 1), date(2025, 6, 30), ("2021-2026", "2021–2026", "2021 - 2026")),
)
# A term begins with the People's Council's first session; a leader whose tenure reaches a month into it held it.
_GRACE_DAYS = 30
# Election day of the 2026–2031 People's Councils (vietnamplus.vn, "Các mốc tiến hành bầu cử ĐBQH khóa XVI…"):
# where a province was not merged, its 2021–2026 committee served until then.
ELECTION_2026 = date(2026, 3, 15)


def terms_of(unmerged: bool) -> tuple[Term, ...]:
    """The two terms as they ran in a province: the second one is longer where the province was not merged."""
    if not unmerged:
        return TERMS
    first, second = TERMS
    return first, Term(second.label, second.start, ELECTION_2026 - timedelta(days=1), second.names)


def _day(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def serves_in(row: dict[str, str], term: Term) -> bool:
    """True when the row's sources show the person in the post during ``term`` (see the module doc)."""
    start, end = _day(row["from"]), _day(row["to"])
    if start and term.start <= start <= term.end:
        return True
    if end and (start is None or start <= term.end) and (end - term.start).days >= _GRACE_DAYS:
        return True
    note = re.sub(r"\s+", " ", row["note"])
    return any(name in note for name in term.names) and not (start and start > term.end)


def _official_rows(reference_dir: Path) -> list[dict[str, str]]:
    with open(reference_dir / "officials.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def inferred(row: dict[str, str]) -> bool:
    """True when the row's note says a year or date was inferred rather than read (see the README)."""
    return "infer" in row["note"].lower()


def _count(rows: list[dict[str, str]], provinces: tuple[Province, ...]) -> list[dict[str, object]]:
    """The coverage entries of ``provinces`` counted from officials.csv ``rows`` (see ``coverage_rows``)."""
    table = []
    for province in provinces:
        unmerged = sole_predecessor(province.province_2025, provinces) is not None
        # an unmerged province's 2021–2026 committee went on as its 2025 unit's: those rows are its own too
        own = [r for r in rows if r["province"] == province.name
               or unmerged and r["province_2025"] == province.province_2025]
        entry: dict[str, object] = {"province": province.name}
        for term in terms_of(unmerged):
            serving = [r for r in own if serves_in(r, term)]
            entry[f"chairs {term.label}"] = len({r["name"] for r in serving if r["post"] == CHAIR})
            entry[f"vice-chairs {term.label}"] = len({r["name"] for r in serving if r["post"] == VICE})
        entry["office chiefs"] = len({r["name"] for r in own if r["post"] == CHIEF})
        table.append(entry)
    return table


def coverage_rows(reference_dir: Path = REFERENCE_DIR) -> list[dict[str, object]]:
    """One dict per pre-2025 province: chairs and vice-chairs per term, office chiefs, in code order."""
    return _count(_official_rows(reference_dir), load_provinces(reference_dir))


def complete(entry: dict[str, object]) -> bool:
    """A chair and at least two vice-chairs found for both terms."""
    return all(entry[f"chairs {t.label}"] >= 1 and entry[f"vice-chairs {t.label}"] >= 2 for t in TERMS)


def coverage_table(reference_dir: Path = REFERENCE_DIR) -> str:
    """The Markdown coverage table with a closing line that counts the complete provinces."""
    every, provinces = _official_rows(reference_dir), load_provinces(reference_dir)
    rows = _count(every, provinces)
    columns = list(rows[0])
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for entry in rows:
        cells = [str(entry[c]) for c in columns]
        lines.append("| " + " | ".join(cells) + " |" + ("" if complete(entry) else " ⚠"))
    units_2025 = {r["province_2025"] for r in every if r["province_2025"]}
    lines.append("")
    strict = {e["province"]: complete(e) for e in _count([r for r in every if not inferred(r)], provinces)}
    leaning = [e["province"] for e in rows if complete(e) and not strict[e["province"]]]
    lines.append(f"{sum(map(complete, rows))} of {len(rows)} provinces have a chair and at least two vice-chairs "
                 f"for both terms (⚠ marks the others); {len(units_2025)} of 34 units formed on 1 July 2025 have rows.")
    if leaning:
        lines.append(f"Without the rows whose year was inferred, {sum(strict.values())} would be: "
                     f"{', '.join(leaning)} rest on such a row.")
    return "\n".join(lines) + "\n"
