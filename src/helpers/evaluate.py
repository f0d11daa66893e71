"""Processed tables + hand-labelled truth → recall, precision and report-field accuracy.

``evaluate(processed_dir, truth_dir)`` reads ``reports.csv`` and ``facts.csv`` from ``processed_dir``
and one JSON per labelled report from ``truth_dir`` (the format is in the README, section
"Check the extractor against your own labels"), and returns an :class:`Evaluation`.

Matching follows the labelling rules: an extracted row finds a labelled fact when metric, kind, value
(to 1e-6 relative), qualifier and denominator agree; each labelled fact is found at most once. A row that
matches neither a fact nor an ``acceptable`` entry is wrong. Report fields are the province, the 2025 unit,
the period (``period_start``/``period_end`` or one pair of ``period_alt``) and the publication date (or one of
``published_alt``; empty when the truth is ``null``). Only labelled reports are scored: a labelled report
that is missing from ``reports.csv`` (rejected) misses all its facts and fields.
"""
from __future__ import annotations

import csv
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from .reading import normalize_text

FIELDS = ("province", "province_2025", "period", "published")
_FACT_KEYS = ("metric", "kind", "value", "qualifier", "denominator")
_NAME_PREFIX = re.compile(r"^(?:tp\.?|thành phố|tỉnh)\s+", re.IGNORECASE)


class EvaluationError(Exception):
    """The processed folder or the truth folder cannot be used; the message says why."""


@dataclass(frozen=True)
class Fact:
    """One figure, extracted or labelled, in the terms the matching compares."""

    metric: str
    kind: str
    value: float
    qualifier: str
    denominator: float | None
    text: str = ""  # the sentence (extracted) or the cue (labelled), for the reader of the report

    def matches(self, other: "Fact") -> bool:
        return (self.metric == other.metric and self.kind == other.kind and self.qualifier == other.qualifier
                and _same_number(self.value, other.value) and _same_number(self.denominator, other.denominator))

    def describe(self) -> str:
        den = "" if self.denominator is None else f"/{_plain(self.denominator)}"
        hedge = "" if self.qualifier == "exact" else f" ({self.qualifier})"
        return f"{self.metric} {self.kind} {_plain(self.value)}{den}{hedge}"


@dataclass
class ReportScore:
    """What one labelled report got right and wrong."""

    report_id: str
    accepted: bool
    found: list[Fact] = field(default_factory=list)
    missed: list[Fact] = field(default_factory=list)
    acceptable: list[Fact] = field(default_factory=list)
    wrong: list[Fact] = field(default_factory=list)
    # field name → (expected, got); only the fields that are wrong
    field_errors: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass
class Evaluation:
    reports: list[ReportScore]

    @property
    def n_truth(self) -> int:
        return sum(len(r.found) + len(r.missed) for r in self.reports)

    @property
    def n_extracted(self) -> int:
        return sum(len(r.found) + len(r.acceptable) + len(r.wrong) for r in self.reports)

    @property
    def recall(self) -> float:
        return _ratio(sum(len(r.found) for r in self.reports), self.n_truth)

    @property
    def precision(self) -> float:
        return _ratio(sum(len(r.found) + len(r.acceptable) for r in self.reports), self.n_extracted)

    @property
    def n_fields(self) -> int:
        return len(FIELDS) * len(self.reports)

    @property
    def field_accuracy(self) -> float:
        return _ratio(self.n_fields - sum(len(r.field_errors) for r in self.reports), self.n_fields)

    def field_accuracy_of(self, name: str) -> float:
        return _ratio(sum(name not in r.field_errors for r in self.reports), len(self.reports))

    def summary(self) -> str:
        """One line: the three headline figures with their counts."""
        found = sum(len(r.found) for r in self.reports)
        right = sum(len(r.found) + len(r.acceptable) for r in self.reports)
        right_fields = self.n_fields - sum(len(r.field_errors) for r in self.reports)
        return (f"recall {self.recall:.3f} ({found}/{self.n_truth}), precision {self.precision:.3f} "
                f"({right}/{self.n_extracted}), report fields {self.field_accuracy:.3f} "
                f"({right_fields}/{self.n_fields}) over {len(self.reports)} labelled reports")


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def _same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def _number(cell, where: str) -> float | None:
    if cell is None or cell == "":
        return None
    try:
        return float(cell)
    except (TypeError, ValueError):
        raise EvaluationError(f"{where}: {cell!r} is not a number.") from None


def canonical_name(name: str | None) -> str:
    """A province name as compared: one tone placement, no ``TP.``/``Tỉnh`` prefix, case folded."""
    if not name:
        return ""
    return _NAME_PREFIX.sub("", normalize_text(name).strip()).casefold()


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise EvaluationError(f"{path} does not exist: run `python -m helpers extract RAW_DIR {path.parent}` first.")
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise EvaluationError(f"{path} cannot be read: {error}.") from None


def _truth_fact(entry: dict, where: str) -> Fact:
    try:
        return Fact(metric=entry["metric"], kind=entry["kind"], value=float(entry["value"]),
                    qualifier=entry["qualifier"], denominator=_number(entry.get("denominator"), where),
                    text=entry.get("cue", ""))
    except (KeyError, TypeError, ValueError) as error:
        raise EvaluationError(f"{where}: a fact needs metric, kind, value and qualifier ({error}).") from None


def load_truth(truth_dir: Path) -> list[dict]:
    """Every ``*.json`` of ``truth_dir``, sorted by report_id, with its facts as :class:`Fact`."""
    if not truth_dir.is_dir():
        raise EvaluationError(f"{truth_dir} is not a folder of truth files.")
    labelled = []
    for path in sorted(truth_dir.glob("*.json")):
        try:
            truth = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise EvaluationError(f"{path} is not valid JSON: {error}.") from None
        if not isinstance(truth, dict) or "report_id" not in truth:
            raise EvaluationError(f"{path} has no report_id.")
        truth["facts"] = [_truth_fact(f, f"{path.name}: facts") for f in truth.get("facts", [])]
        truth["acceptable"] = [_truth_fact(f, f"{path.name}: acceptable") for f in truth.get("acceptable", [])]
        labelled.append(truth)
    if not labelled:
        raise EvaluationError(f"{truth_dir} holds no *.json truth file.")
    return labelled


def _field_errors(truth: dict, report: dict[str, str]) -> dict[str, tuple[str, str]]:
    errors = {}
    for name in ("province", "province_2025"):
        if canonical_name(truth.get(name)) != canonical_name(report.get(name)):
            errors[name] = (truth.get(name) or "", report.get(name) or "")
    periods = [(truth.get("period_start"), truth.get("period_end"))]
    periods += [tuple(pair) for pair in truth.get("period_alt") or []]
    got_period = (report.get("period_start") or None, report.get("period_end") or None)
    if got_period not in periods:
        errors["period"] = (f"{periods[0][0]}..{periods[0][1]}", f"{got_period[0] or ''}..{got_period[1] or ''}")
    published = truth.get("published")
    allowed = {published, *(truth.get("published_alt") or [])}  # alternatives are "not wrong to report"
    got = report.get("published") or None
    if got not in allowed:
        errors["published"] = (published or "", got or "")
    return errors


def score_report(truth: dict, report: dict[str, str] | None, rows: list[Fact]) -> ReportScore:
    """One labelled report against its extracted row (``None`` when not accepted) and fact rows."""
    score = ReportScore(report_id=truth["report_id"], accepted=report is not None)
    open_facts = list(truth["facts"])
    for row in rows:
        hit = next((f for f in open_facts if f.matches(row)), None)
        if hit is not None:
            open_facts.remove(hit)
            score.found.append(row)
        elif any(a.matches(row) for a in truth["acceptable"]):
            score.acceptable.append(row)
        else:
            score.wrong.append(row)
    score.missed = open_facts
    if report is None:
        score.field_errors = {name: ("(labelled)", "(report not accepted)") for name in FIELDS}
    else:
        score.field_errors = _field_errors(truth, report)
    return score


def evaluate(processed_dir: Path, truth_dir: Path) -> Evaluation:
    """Score the tables of ``processed_dir`` against every truth file of ``truth_dir``."""
    labelled = load_truth(truth_dir)
    reports = {r["report_id"]: r for r in _read_csv(processed_dir / "reports.csv")}
    facts: dict[str, list[Fact]] = {}
    for line, row in enumerate(_read_csv(processed_dir / "facts.csv"), start=2):
        where = f"facts.csv line {line}"
        facts.setdefault(row["report_id"], []).append(Fact(
            metric=row["metric"], kind=row["kind"], value=_number(row["value"], where),
            qualifier=row["qualifier"], denominator=_number(row["denominator"], where), text=row["sentence"]))
    return Evaluation([score_report(t, reports.get(t["report_id"]), facts.get(t["report_id"], []))
                       for t in labelled])


def render(evaluation: Evaluation) -> str:
    """The per-report detail (misses, wrong rows with their sentences, wrong fields), then the totals."""
    lines = []
    for score in evaluation.reports:
        if not (score.missed or score.wrong or score.field_errors):
            continue
        status = "" if score.accepted else " (not in reports.csv: rejected?)"
        lines.append(f"== {score.report_id}{status}")
        for name, (expected, got) in score.field_errors.items():
            lines.append(f"  field {name}: expected {expected or '(none)'}, got {got or '(none)'}")
        for fact in score.missed:
            lines.append(f"  missed {fact.describe()}  «{fact.text}»")
        for fact in score.wrong:
            lines.append(f"  wrong  {fact.describe()}  «{fact.text}»")
    lines.append("")
    lines.append("field accuracy: " + ", ".join(f"{name} {evaluation.field_accuracy_of(name):.3f}" for name in FIELDS))
    lines.append(evaluation.summary())
    return "\n".join(lines) + "\n"
