"""Processed tables → the views the notebooks show: coverage, rankings with bounds, changes over
time (with values derived from ``tăng … so với năm …`` facts), on-time rates with confidence intervals,
and one province's profile.

Everything here takes and returns pandas DataFrames; nothing reads raw reports or writes files.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .catalog import load_catalog
from .panel import interval
from .places import closest_provinces, province_by_name
from .tables import COLUMNS

GROUPINGS = ("province", "province_2025")
# Fewer provinces than this stating a metric for a period are not ranked or charted side by side: a
# "position 1 of 2" says more about who publishes than about how an office works.
MIN_PEERS = 3
# Rates whose counts the catalog also has: (rate metric, successes metric, trials metric).
RATE_COUNTS = (
    ("docs_on_time_rate", "docs_on_time", "docs_issued"),
    ("dossiers_on_time_rate", "dossiers_on_time", "dossiers_received"),
)


class ParameterError(ValueError):
    """A notebook or batch parameter that cannot be used; the message says what would work."""


@dataclass
class Tables:
    reports: pd.DataFrame
    facts: pd.DataFrame
    panel: pd.DataFrame
    rejected: pd.DataFrame
    warnings: pd.DataFrame


def load_tables(processed_dir: str | Path) -> Tables:
    """Read the four CSVs of ``processed_dir`` with the contract's columns and types."""
    folder = Path(processed_dir)
    missing = [name for name in COLUMNS if not (folder / f"{name}.csv").is_file()]
    if missing:
        raise ParameterError(f"{folder} has no {', '.join(m + '.csv' for m in missing)}: run the extraction first "
                             "(`make run` or notebook 01).")
    frames = {}
    for name in COLUMNS:
        frame = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
        for column in ("value", "denominator", "n_facts", "n_sources", "start", "end"):
            if column in frame:
                frame[column] = pd.to_numeric(frame[column].replace("", None), errors="coerce")
        if "conflict" in frame:
            frame["conflict"] = frame["conflict"] == "True"
        frames[name] = frame
    return Tables(**frames)


def period_label(start: str, end: str) -> str:
    """``2023`` for a calendar year, ``2019 (Jan–May)`` for a partial one, else ``start..end``."""
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    if s.year == e.year and (s.month, s.day) == (1, 1) and (e.month, e.day) == (12, 31):
        return str(s.year)
    if s.year == e.year and s.day == 1 and e.is_month_end:
        return f"{s.year} ({s:%b}–{e:%b})" if s.month != e.month else f"{s.year} ({s:%b})"
    if s.year == e.year:
        return f"{s.year} ({s.day} {s:%b}–{e.day} {e:%b})"
    return f"{start}..{end}"


def with_period(frame: pd.DataFrame) -> pd.DataFrame:
    """Add ``year``, ``full_year`` and ``period`` (label) columns from period_start/period_end.

    Rows without a period (a report whose period could not be decided) are left out: they cannot be placed
    in time; ``warnings.csv`` and the cleaning notebook list them.
    """
    out = frame[frame["period_start"].fillna("").astype(str) != ""].copy()
    out["year"] = out["period_start"].str[:4].astype(int)
    out["full_year"] = out["period_start"].str[5:] == "01-01"
    out["full_year"] &= out["period_end"].str[5:] == "12-31"
    out["full_year"] &= out["period_start"].str[:4] == out["period_end"].str[:4]
    out["period"] = [period_label(s, e) for s, e in zip(out["period_start"], out["period_end"])]
    return out


def check_grouping(group_by: str) -> str:
    if group_by not in GROUPINGS:
        raise ParameterError(f"group_by must be one of {', '.join(GROUPINGS)}, not {group_by!r}.")
    return group_by


def check_metrics(metrics) -> list[str]:
    """``None``/``"all"`` → every catalog metric; otherwise the given ids, each checked."""
    catalog = load_catalog()
    if metrics in (None, "all", []):
        return list(catalog)
    if isinstance(metrics, str):
        metrics = [m.strip() for m in metrics.split(",") if m.strip()]
    unknown = [m for m in metrics if m not in catalog]
    if unknown:
        raise ParameterError(f"unknown metric(s) {', '.join(unknown)}; the catalog has {', '.join(catalog)}.")
    return list(metrics)


def resolve_province_parameter(value: str) -> str:
    """A province parameter (name in any spelling, or GSO code) → canonical name, or a clear error."""
    province = province_by_name(str(value))
    if province is None:
        suggestions = closest_provinces(str(value))
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        raise ParameterError(f"unknown province {value!r}.{hint}")
    return province.name


# --- views -------------------------------------------------------------------------------------------
def coverage(panel: pd.DataFrame, group_by: str = "province") -> pd.DataFrame:
    """Number of metrics reported, per group (rows) and period (columns); partial periods apart."""
    frame = with_period(panel)
    table = frame.pivot_table(index=check_grouping(group_by), columns="period", values="metric",
                              aggfunc="nunique", fill_value=0)
    return table.sort_index().reindex(sorted(table.columns), axis=1)


def bounded(frame: pd.DataFrame) -> pd.DataFrame:
    """Add ``low``/``high`` bounds of the true value (``trên`` is a lower bound, ``gần`` an upper one)."""
    out = frame.copy()
    bounds = [interval(v, q)[:2] for v, q in zip(out["value"], out["qualifier"])]
    out["low"] = [b[0] for b in bounds]
    out["high"] = [b[1] for b in bounds]
    out.loc[out["qualifier"] == "over", "high"] = float("nan")  # no upper bound is stated
    out.loc[out["qualifier"] == "nearly", "low"] = float("nan")  # no lower bound is stated
    return out


def aggregate_2025(panel: pd.DataFrame) -> pd.DataFrame:
    """Counts summed over the pre-2025 provinces of each 2025 unit (same period); rates and ranks left out.

    ``members`` lists which provinces reported; a sum over hedged values keeps the weakest qualifier.
    """
    catalog = load_catalog()
    counts = panel[[catalog[m].unit == "count" for m in panel["metric"]]]
    rows = []
    for key, group in counts.groupby(["province_2025", "period_start", "period_end", "metric"], sort=True):
        qualifiers = set(group["qualifier"])
        qualifier = "exact" if qualifiers == {"exact"} else (qualifiers - {"exact"}).pop() if len(
            qualifiers - {"exact"}) == 1 else "about"
        rows.append(dict(zip(["province_2025", "period_start", "period_end", "metric"], key),
                         value=group["value"].sum(), qualifier=qualifier, unit="count",
                         members=", ".join(sorted(group["province"])), conflict=bool(group["conflict"].any())))
    return pd.DataFrame(rows, columns=["province_2025", "period_start", "period_end", "metric", "value",
                                       "qualifier", "unit", "members", "conflict"])


def grouped_panel(panel: pd.DataFrame, group_by: str) -> pd.DataFrame:
    """The panel at the chosen level: as is for ``province``, aggregated for ``province_2025``."""
    if check_grouping(group_by) == "province":
        return panel
    return aggregate_2025(panel)


def ranking(panel: pd.DataFrame, metric: str, group_by: str = "province", years=None,
            full_years: bool = True) -> pd.DataFrame:
    """One metric across groups, one row per group and period, with bounds, best first.

    Full years and partial periods are never mixed: ``full_years=True`` (default) keeps calendar
    years only, ``False`` keeps the partial periods only (``5 tháng đầu năm``).
    """
    frame = with_period(grouped_panel(panel, group_by))
    frame = frame[(frame["metric"] == metric) & (frame["full_year"] == full_years)]
    if years:
        frame = frame[frame["year"].isin(list(years))]
    frame = bounded(frame)
    ascending = load_catalog()[metric].unit == "rank"  # rank 1 is best
    columns = [group_by, "period", "value", "qualifier", "low", "high"] + \
        (["denominator"] if "denominator" in frame else []) + ["conflict"]
    frame = frame.sort_values(["value", "period", group_by], ascending=[ascending, True, True])
    return frame[columns].reset_index(drop=True)


def split_by_coverage(panel: pd.DataFrame, metrics: list[str], group_by: str = "province",
                      years=None, min_groups: int = 2) -> tuple[list[str], pd.DataFrame]:
    """Metrics reported (in full years) by ``min_groups`` groups or more, and a note for each of the others."""
    comparable, notes = [], []
    for metric in metrics:
        groups = sorted(set(ranking(panel, metric, group_by, years)[group_by]))
        if len(groups) >= min_groups:
            comparable.append(metric)
        else:
            notes.append(dict(metric=metric, reported_by=", ".join(groups) or "nobody",
                              note=("only one" if len(groups) == 1 else f"only {len(groups)}") + " "
                              + group_by.replace("_", " ") + ("" if len(groups) == 1 else "s") + ": too few to compare"
                              if groups else "not reported for a full year"))
    return comparable, pd.DataFrame(notes, columns=["metric", "reported_by", "note"])


def partial_periods(panel: pd.DataFrame, metrics: list[str], group_by: str = "province") -> pd.DataFrame:
    """Values that cover part of a year (``5 tháng đầu năm 2019``): shown apart, never ranked with years."""
    frames = [ranking(panel, m, group_by, full_years=False).assign(metric=m) for m in metrics]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=["metric", group_by, "period", "value", "qualifier"])
    out = pd.concat(frames, ignore_index=True)
    return out[["metric", group_by, "period", "value", "qualifier"]].sort_values(["metric", group_by, "period"]) \
        .reset_index(drop=True)


def changes_over_time(panel: pd.DataFrame, facts: pd.DataFrame, reports: pd.DataFrame, metric: str,
                      group_by: str = "province") -> pd.DataFrame:
    """Levels of ``metric`` per group and year, plus values derived from ``change`` facts.

    A change of +c against year Y stated in a report whose level for its own year is v gives the
    derived level v − c for year Y (``derived`` True, ``source`` names the change, and ``base_value``,
    ``base_year``, ``change`` give its parts; NaN for stated rows). Only full-year
    periods are used; a derived value is exact only when both the level and the change are exact.
    """
    levels = with_period(panel[panel["metric"] == metric])
    levels = levels[levels["full_year"]]
    rows = [dict(group=g, year=int(y), value=v, qualifier=q, derived=False, source="stated")
            for g, y, v, q in zip(levels["province"], levels["year"], levels["value"], levels["qualifier"])]
    nan = float("nan")
    changes = facts[(facts["metric"] == metric) & (facts["kind"] == "change")]
    changes = changes.merge(reports[["report_id", "province"]], on="report_id")
    for _, change in changes.iterrows():
        if not str(change["reference"]).isdigit() or not change["province"]:
            continue
        own_year = int(change["period_start"][:4])
        base = levels[(levels["province"] == change["province"]) & (levels["year"] == own_year)]
        if base.empty:
            continue
        level = base.iloc[0]
        exact = level["qualifier"] == "exact" and change["qualifier"] == "exact"
        rows.append(dict(group=change["province"], year=int(change["reference"]), value=level["value"] - change["value"],
                         qualifier="exact" if exact else "about", derived=True,
                         source=f"{level['value']:g} in {own_year} minus a change of {change['value']:+g}",
                         base_value=level["value"], base_year=own_year, change=change["value"]))
    columns = ["group", "year", "value", "qualifier", "derived", "source", "base_value", "base_year", "change"]
    out = pd.DataFrame([{"base_value": nan, "base_year": nan, "change": nan, **row} for row in rows], columns=columns)
    if group_by == "province_2025" and not out.empty:
        successor = {p: province_by_name(p).province_2025 for p in out["group"].unique()}
        out["group"] = out["group"].map(successor)
    out = out.drop_duplicates(["group", "year", "derived"]).sort_values(["group", "year", "derived"])
    return out.rename(columns={"group": group_by}).reset_index(drop=True)


def rate_intervals(panel: pd.DataFrame, confidence: float = 0.95) -> pd.DataFrame:
    """On-time rates per province and period with a Clopper–Pearson interval where both counts are
    stated exactly (successes = on-time count, trials = the total handled); otherwise the stated rate
    alone, with the reason the interval is missing."""
    from scipy.stats import binomtest  # imported here: only this view needs scipy, and it is slow to import

    rows = []
    for rate_metric, hits_metric, total_metric in RATE_COUNTS:
        frame = with_period(panel[panel["metric"].isin([rate_metric, hits_metric, total_metric])])
        for (province, period), group in frame.groupby(["province", "period"], sort=True):
            values = {m: r for m, r in zip(group["metric"], group.to_dict("records"))}
            rate = values.get(rate_metric)
            hits, total = values.get(hits_metric), values.get(total_metric)
            row = dict(province=province, period=period, metric=rate_metric,
                       stated_rate=rate["value"] if rate else float("nan"), successes=float("nan"),
                       trials=float("nan"), ci_low=float("nan"), ci_high=float("nan"), note="")
            if hits and total and hits["qualifier"] == total["qualifier"] == "exact" and 0 < hits["value"] <= total["value"]:
                k, n = int(hits["value"]), int(total["value"])
                ci = binomtest(k, n).proportion_ci(confidence_level=confidence, method="exact")
                row.update(successes=k, trials=n, ci_low=100 * ci.low, ci_high=100 * ci.high,
                           note=f"{confidence:.0%} Clopper–Pearson interval from {k:,}/{n:,}")
            elif rate is None:
                continue
            else:
                row["note"] = "counts not stated exactly: no interval"
            rows.append(row)
    return pd.DataFrame(rows, columns=["province", "period", "metric", "stated_rate", "successes", "trials",
                                       "ci_low", "ci_high", "note"])


def province_profile(tables: Tables, province: str) -> dict[str, pd.DataFrame]:
    """One province: headline figures with their sentence and report, each metric over time, its
    position among the provinces that report the same metric and period, and what is missing."""
    name = resolve_province_parameter(province)
    catalog = load_catalog()
    panel = with_period(tables.panel)
    own = panel[panel["province"] == name]
    headline_facts = tables.facts.merge(tables.reports[["report_id", "province", "title"]], on="report_id")
    headline_facts = headline_facts[(headline_facts["province"] == name) & (headline_facts["kind"] == "level")]
    first = headline_facts.sort_values(["report_id", "start"]).drop_duplicates(
        ["report_id", "metric", "period_start", "period_end", "denominator"])
    headline = own.merge(first[["metric", "period_start", "period_end", "value", "qualifier", "report_id", "sentence"]],
                         on=["metric", "period_start", "period_end", "value", "qualifier"], how="left")
    headline = headline.drop_duplicates(["metric", "period", "denominator"])
    headline["label"] = headline["metric"].map(lambda m: catalog[m].label_en)
    headline = headline[["period", "metric", "label", "value", "qualifier", "denominator", "n_sources", "conflict",
                         "report_id", "sentence"]].sort_values(["period", "metric"]).reset_index(drop=True)
    headline["denominator"] = headline["denominator"].map(lambda d: "" if pd.isna(d) else f"{d:g}")

    over_time = own.pivot_table(index="metric", columns="period", values="value", aggfunc="first")
    position_rows = []
    for _, row in own.iterrows():
        peers = panel[(panel["metric"] == row["metric"]) & (panel["period"] == row["period"])]
        if catalog[row["metric"]].unit == "rank":
            same_group = peers["denominator"] == row["denominator"]
            if pd.isna(row["denominator"]):  # a rank with no written group is compared with the like
                same_group = peers["denominator"].isna()
            peers = peers[same_group]
        ascending = catalog[row["metric"]].unit == "rank"
        order = peers.sort_values("value", ascending=ascending)["province"].tolist()
        position_rows.append(dict(period=row["period"], metric=row["metric"], value=row["value"],
                                  position=order.index(name) + 1, among=len(order)))
    position = pd.DataFrame(position_rows, columns=["period", "metric", "value", "position", "among"])
    position = position.sort_values(["period", "metric"]).reset_index(drop=True)
    missing = pd.DataFrame(
        [dict(metric=m, label=catalog[m].label_en, group=catalog[m].group)
         for m in catalog if m not in set(own["metric"])], columns=["metric", "label", "group"])
    reports = tables.reports[tables.reports["province"] == name][
        ["report_id", "title", "published", "period_start", "period_end", "province_evidence", "n_facts"]]
    return {"province": name, "headline": headline, "over_time": over_time, "position": position,
            "missing": missing, "reports": reports.reset_index(drop=True)}


def key_figures(tables: Tables, province: str) -> pd.DataFrame:
    """One row per metric and period of ``province`` in the panel (periods in order, metrics in catalog
    order; rows of a report whose period was not decided last, with empty periods): the reconciled value,
    qualifier, denominator, unit, ``n_sources``, ``conflict``, and the
    report and sentence of the first report that states it (``source_url`` and ``title`` of that report)."""
    name = resolve_province_parameter(province)
    order = {m: i for i, m in enumerate(load_catalog())}
    own = tables.panel[tables.panel["province"] == name]
    facts = tables.facts.merge(tables.reports[["report_id", "province", "title", "source_url"]], on="report_id")
    facts = facts[(facts["province"] == name) & (facts["kind"] == "level")]
    first = facts.sort_values(["report_id", "start"]).drop_duplicates(["metric", "period_start", "period_end", "value",
                                                                       "qualifier"])
    keys = ["metric", "period_start", "period_end", "value", "qualifier"]
    out = own.merge(first[keys + ["report_id", "sentence", "title", "source_url"]], on=keys, how="left")
    out = out.drop_duplicates(["metric", "period_start", "period_end", "denominator"])
    # Rows whose period was not decided come last (their period is empty).
    out = out.assign(_order=out["metric"].map(order), _undated=out["period_start"] == "")
    out = out.sort_values(["_undated", "period_start", "period_end", "_order"])
    columns = ["metric", "period_start", "period_end", "value", "qualifier", "denominator", "unit", "n_sources",
               "conflict", "report_id", "sentence", "title", "source_url"]
    return out[columns].fillna({"report_id": "", "sentence": "", "title": "", "source_url": ""}).reset_index(drop=True)


def peer_comparisons(panel: pd.DataFrame, province: str, min_peers: int = MIN_PEERS) -> pd.DataFrame:
    """Every full-year metric that ``province`` states and that at least ``min_peers`` provinces (it
    included) state for the same year: one row per province, with ``position`` (1 = largest value, or
    best rank) and ``among``; a rank counts only among ranks out of the same denominator.

    Columns: metric, period_start, period_end, province, value, qualifier, denominator, unit, position,
    among, highlight (the row of ``province``). Ordered by period, catalog order, then position.
    """
    name = resolve_province_parameter(province)
    catalog = load_catalog()
    order = {m: i for i, m in enumerate(catalog)}
    frame = with_period(panel)
    frame = frame[frame["full_year"] & frame["metric"].isin(catalog)]
    own = frame[frame["province"] == name]
    parts = []
    for _, row in own.sort_values(["period_start", "metric"]).iterrows():
        peers = frame[(frame["metric"] == row["metric"]) & (frame["period_start"] == row["period_start"])
                      & (frame["period_end"] == row["period_end"])]
        rank = catalog[row["metric"]].unit == "rank"
        if rank:  # a rank counts among ranks out of the same group; one with no written group with the like
            peers = peers[peers["denominator"].isna() if pd.isna(row["denominator"])
                          else peers["denominator"] == row["denominator"]]
        if peers["province"].nunique() < min_peers:
            continue
        peers = peers.sort_values(["value", "province"], ascending=[rank, True]).drop_duplicates("province")
        peers = peers.assign(position=range(1, len(peers) + 1), among=len(peers),
                             highlight=peers["province"] == name, _order=order[row["metric"]])
        parts.append(peers)
    columns = ["metric", "period_start", "period_end", "province", "value", "qualifier", "denominator", "unit",
               "position", "among", "highlight"]
    if not parts:
        return pd.DataFrame(columns=columns)
    out = pd.concat(parts).sort_values(["period_start", "_order", "position"], kind="stable")
    return out[columns].reset_index(drop=True)


def province_trends(panel: pd.DataFrame, province: str) -> pd.DataFrame:
    """The metrics ``province`` states for two full years or more: rows metrics (catalog order), columns
    years, values as stated (NaN where a year is missing). Empty when no metric has two years."""
    name = resolve_province_parameter(province)
    order = list(load_catalog())
    frame = with_period(panel[panel["province"] == name])
    frame = frame[frame["full_year"]]
    table = frame.pivot_table(index="metric", columns="year", values="value", aggfunc="first")
    table = table[table.notna().sum(axis=1) >= 2]
    table = table.reindex([m for m in order if m in table.index] + [m for m in table.index if m not in order])
    return table.dropna(axis=1, how="all")


def metric_report_matrix(facts: pd.DataFrame) -> pd.DataFrame:
    """Figures per metric (rows, catalog order) and report (columns)."""
    catalog = list(load_catalog())
    table = pd.crosstab(facts["metric"], facts["report_id"])
    return table.reindex([m for m in catalog if m in table.index])


def successors(reports: pd.DataFrame) -> pd.DataFrame:
    """Each province in the reports with its GSO code and its unit after the 1 July 2025 merger."""
    known = reports[reports["province"] != ""]
    return known[["province", "province_code", "province_2025"]].drop_duplicates().sort_values("province") \
        .reset_index(drop=True)
