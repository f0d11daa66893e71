"""The views behind the notebooks, on small hand-made tables."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from conftest import panel_frame
from helpers.compare import (ParameterError, aggregate_2025, changes_over_time, check_grouping, check_metrics,
                             coverage, period_label, ranking, rate_intervals, resolve_province_parameter,
                             split_by_coverage)

panel = panel_frame  # the contract's panel columns (conftest)


PANEL = panel([
    ("Thanh Hóa", "38", "Thanh Hóa", "2021-01-01", "2021-12-31", "docs_received", 73716, "exact", None, "count", 1, "a", False),
    ("Tuyên Quang", "08", "Tuyên Quang", "2023-01-01", "2023-12-31", "docs_received", 52000, "over", None, "count", 1, "b", False),
    ("Hà Giang", "02", "Tuyên Quang", "2023-01-01", "2023-12-31", "docs_received", 30000, "exact", None, "count", 1, "c", False),
    ("Lạng Sơn", "20", "Lạng Sơn", "2019-01-01", "2019-05-31", "docs_received", 15000, "nearly", None, "count", 1, "d", False),
    ("Thanh Hóa", "38", "Thanh Hóa", "2021-01-01", "2021-12-31", "docs_on_time", 32152, "exact", None, "count", 1, "a", False),
    ("Thanh Hóa", "38", "Thanh Hóa", "2021-01-01", "2021-12-31", "docs_issued", 32157, "exact", None, "count", 1, "a", False),
    ("Thanh Hóa", "38", "Thanh Hóa", "2021-01-01", "2021-12-31", "docs_on_time_rate", 99.98, "exact", None, "percent", 1, "a", False),
    ("Lạng Sơn", "20", "Lạng Sơn", "2019-01-01", "2019-05-31", "dossiers_on_time_rate", 99.12, "exact", None, "percent", 1, "d", False),
])


def test_period_labels():
    assert period_label("2023-01-01", "2023-12-31") == "2023"
    assert period_label("2019-01-01", "2019-05-31") == "2019 (Jan–May)"
    assert period_label("2019-01-01", "2019-05-17") == "2019 (1 Jan–17 May)"


def test_ranking_keeps_partial_periods_apart_and_bounds_hedges():
    full = ranking(PANEL, "docs_received")
    assert list(full["province"]) == ["Thanh Hóa", "Tuyên Quang", "Hà Giang"]
    over = full[full["province"] == "Tuyên Quang"].iloc[0]
    assert over["low"] == 52000 and math.isnan(over["high"])  # "trên" is a lower bound only
    partial = ranking(PANEL, "docs_received", full_years=False)
    assert list(partial["province"]) == ["Lạng Sơn"] and math.isnan(partial.iloc[0]["low"])  # "gần": upper only


def test_2025_units_sum_their_members():
    [row] = aggregate_2025(PANEL[(PANEL["metric"] == "docs_received") & (PANEL["period_start"] == "2023-01-01")]) \
        .to_dict("records")
    assert (row["province_2025"], row["value"], row["qualifier"], row["members"]) == (
        "Tuyên Quang", 82000, "over", "Hà Giang, Tuyên Quang")


def test_coverage_and_single_group_metrics():
    table = coverage(PANEL)
    assert table.loc["Thanh Hóa", "2021"] == 4 and table.loc["Lạng Sơn", "2019 (Jan–May)"] == 2
    comparable, notes = split_by_coverage(PANEL, ["docs_received", "docs_issued", "petitions_handled"])
    assert comparable == ["docs_received"]
    assert dict(zip(notes["metric"], notes["note"])) == {
        "docs_issued": "only one province: too few to compare",
        "petitions_handled": "not reported for a full year"}


def test_changes_derive_earlier_levels():
    facts = pd.DataFrame([{"report_id": "a", "metric": "docs_received", "kind": "change", "value": 19000.0,
                           "qualifier": "exact", "reference": "2020", "period_start": "2021-01-01"}])
    reports = pd.DataFrame([{"report_id": "a", "province": "Thanh Hóa"}])
    frame = changes_over_time(PANEL, facts, reports, "docs_received")
    derived = frame[frame["derived"]].iloc[0]
    assert (derived["province"], derived["year"], derived["value"], derived["qualifier"]) == (
        "Thanh Hóa", 2020, 73716 - 19000, "exact")


def test_rate_intervals_where_counts_are_known():
    rates = rate_intervals(PANEL).set_index("province")
    thanh_hoa = rates.loc["Thanh Hóa"]
    assert thanh_hoa["successes"] == 32152 and thanh_hoa["trials"] == 32157
    assert thanh_hoa["ci_low"] < 99.98 < thanh_hoa["ci_high"] <= 100
    assert math.isnan(rates.loc["Lạng Sơn"]["ci_low"]) and "no interval" in rates.loc["Lạng Sơn"]["note"]


def test_parameters_are_checked():
    assert resolve_province_parameter("thanh hoa") == "Thanh Hóa"
    with pytest.raises(ParameterError, match="Did you mean: Thanh Hóa"):
        resolve_province_parameter("Thanh Hao")
    with pytest.raises(ParameterError, match="group_by"):
        check_grouping("region")
    with pytest.raises(ParameterError, match="unknown metric"):
        check_metrics(["docs_received", "nope"])
    assert check_metrics("all")[0] == "docs_received"
