"""Reconciling reports of the same province and period."""
from __future__ import annotations

from helpers.panel import build_panel

REPORTS = {
    rid: {"report_id": rid, "province": "Tuyên Quang", "province_code": "08", "province_2025": "Tuyên Quang"}
    for rid in ("a", "b", "c")
}
REPORTS["x"] = {"report_id": "x", "province": "", "province_code": "", "province_2025": ""}


def fact(rid, value, qualifier="exact", metric="docs_received", start=0, kind="level", denominator=None,
         unit="count"):
    return {"report_id": rid, "metric": metric, "kind": kind, "value": value, "qualifier": qualifier,
            "denominator": denominator, "unit": unit, "period_start": "2023-01-01", "period_end": "2023-12-31",
            "start": start}


def test_exact_satisfies_hedge():
    [row] = build_panel([fact("a", 52000, "over"), fact("b", 52200)], REPORTS)
    assert (row["value"], row["qualifier"], row["n_sources"], row["conflict"]) == (52200, "exact", 2, False)
    assert row["report_ids"] == "a;b"


def test_contradiction_is_flagged():
    [row] = build_panel([fact("a", 52200), fact("b", 48000)], REPORTS)
    assert row["conflict"] is True and row["value"] == 52200 and row["n_sources"] == 2


def test_nearly_must_be_below():
    [row] = build_panel([fact("a", 50000, "nearly"), fact("b", 50100)], REPORTS)
    assert row["conflict"] is True


def test_first_statement_is_the_headline_and_changes_stay_out():
    rows = build_panel([fact("a", 11, metric="citizen_sessions", start=10),
                        fact("a", 1, metric="citizen_sessions", start=50),
                        fact("a", 7127, kind="change", metric="tasks_assigned", start=70)], REPORTS)
    assert [(r["metric"], r["value"]) for r in rows] == [("citizen_sessions", 11)]


def test_ranks_are_kept_per_group_size():
    rows = build_panel([fact("a", 2, metric="grdp_growth_rank", denominator=14, unit="rank"),
                        fact("a", 18, metric="grdp_growth_rank", denominator=63, unit="rank", start=5)], REPORTS)
    assert sorted((r["value"], r["denominator"]) for r in rows) == [(2, 14), (18, 63)]


def test_different_denominators_conflict():
    [row] = build_panel([fact("a", 18, denominator=20, metric="targets_met"),
                         fact("b", 18, denominator=21, metric="targets_met")], REPORTS)
    assert row["conflict"] is True


def test_reports_without_province_stay_out():
    assert build_panel([fact("x", 5)], REPORTS) == []
