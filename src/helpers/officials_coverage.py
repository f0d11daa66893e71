"""``officials.csv`` → how much of each province's leadership it knows, term by term (a Markdown table).

``coverage_table()`` is what ``data/reference/README.md`` shows (a test keeps the two equal;
``python -m helpers officials`` prints it). A row counts for a term only on evidence: its ``from`` falls in
the term, or it started earlier and its ``to`` reaches into the term, or its note names the term ("2021-2026").
A row with an open end and no such evidence is not counted for a later term: the table must not claim more
than the sources show.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .places import REFERENCE_DIR, load_provinces

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


def coverage_rows(reference_dir: Path = REFERENCE_DIR) -> list[dict[str, object]]:
    """One dict per pre-2025 province: chairs and vice-chairs per term, office chiefs, in code order."""
    with open(reference_dir / "officials.csv", encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["province"]]
    table = []
    for province in load_provinces(reference_dir):
        own = [r for r in rows if r["province"] == province.name]
        entry: dict[str, object] = {"province": province.name}
        for term in TERMS:
            serving = [r for r in own if serves_in(r, term)]
            entry[f"chairs {term.label}"] = len({r["name"] for r in serving if r["post"] == CHAIR})
            entry[f"vice-chairs {term.label}"] = len({r["name"] for r in serving if r["post"] == VICE})
        entry["office chiefs"] = len({r["name"] for r in own if r["post"] == CHIEF})
        table.append(entry)
    return table


def complete(entry: dict[str, object]) -> bool:
    """A chair and at least two vice-chairs found for both terms."""
    return all(entry[f"chairs {t.label}"] >= 1 and entry[f"vice-chairs {t.label}"] >= 2 for t in TERMS)


def coverage_table(reference_dir: Path = REFERENCE_DIR) -> str:
    """The Markdown coverage table with a closing line that counts the complete provinces."""
    rows = coverage_rows(reference_dir)
    columns = list(rows[0])
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for entry in rows:
        cells = [str(entry[c]) for c in columns]
        lines.append("| " + " | ".join(cells) + " |" + ("" if complete(entry) else " ⚠"))
    with open(reference_dir / "officials.csv", encoding="utf-8", newline="") as handle:
        units_2025 = {r["province_2025"] for r in csv.DictReader(handle) if r["province_2025"]}
    lines.append("")
    lines.append(f"{sum(map(complete, rows))} of {len(rows)} provinces have a chair and at least two vice-chairs "
                 f"for both terms (⚠ marks the others); {len(units_2025)} of 34 units formed on 1 July 2025 have rows.")
    return "\n".join(lines) + "\n"
