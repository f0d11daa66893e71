"""matplotlib figures for the views of :mod:`helpers.compare`. Each function returns the Figure.

Hedged values are drawn as bounds, never as exact points: ``trên``/``hơn`` (over) as a hollow marker
with an arrow to the right, ``gần`` (nearly) as a hollow marker with an arrow to the left, ``khoảng``
(about) with a ±10 % bar; exact values are filled dots.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

plt.rcParams.update({"figure.dpi": 80, "savefig.dpi": 80, "font.size": 9, "svg.hashsalt": "vn-office-reports"})


def _rows_figure(n_rows: int):
    """A figure for a chart with one horizontal row per item (its height grows with the rows)."""
    return plt.subplots(figsize=(7, 0.8 + 0.45 * max(n_rows, 1)))


def _finish_rows(fig, ax, labels: list[str], xlabel: str, title: str):
    """Label the rows top to bottom, name the axis and the chart; the finished Figure."""
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    return fig


def coverage_heatmap(table: pd.DataFrame, title: str, colorbar_label: str = "metrics reported"):
    """Groups × periods, shaded by the number of metrics reported."""
    fig, ax = plt.subplots(figsize=(1.2 + 0.9 * max(len(table.columns), 1), 0.8 + 0.4 * max(len(table), 1)))
    image = ax.imshow(table.values, cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(range(len(table.columns)), table.columns, rotation=30, ha="right")
    ax.set_yticks(range(len(table.index)), table.index)
    for (i, j), value in pd.DataFrame(table.values).stack().items():
        ax.text(j, i, int(value), ha="center", va="center", color="black" if value < table.values.max() / 2 else "white")
    fig.colorbar(image, ax=ax, label=colorbar_label)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def ranking_chart(frame: pd.DataFrame, group_by: str, title: str, unit: str, labels: list[str] | None = None):
    """Horizontal dot chart of one metric, one row per group and period, bounds for hedged values.

    ``labels`` name the rows (default ``group · period``)."""
    labels = labels or [f"{g} · {p}" for g, p in zip(frame[group_by], frame["period"])]
    fig, ax = _rows_figure(len(frame))
    span = (frame["value"].max() - frame["value"].min()) or max(abs(frame["value"].max()), 1)
    for y, (_, row) in enumerate(frame.iterrows()):
        q = row["qualifier"]
        if q == "exact":
            ax.plot(row["value"], y, "o", color="tab:blue")
        elif q == "over":
            ax.plot(row["value"], y, "o", mfc="white", color="tab:orange")
            ax.annotate("", xy=(row["value"] + 0.08 * span, y), xytext=(row["value"], y),
                        arrowprops=dict(arrowstyle="->", color="tab:orange"))
        elif q == "nearly":
            ax.plot(row["value"], y, "o", mfc="white", color="tab:green")
            ax.annotate("", xy=(row["value"] - 0.08 * span, y), xytext=(row["value"], y),
                        arrowprops=dict(arrowstyle="->", color="tab:green"))
        else:
            ax.errorbar(row["value"], y, xerr=[[row["value"] - row["low"]], [row["high"] - row["value"]]],
                        fmt="o", mfc="white", color="tab:purple", capsize=3)
    return _finish_rows(fig, ax, labels, unit, title)


def changes_chart(frame: pd.DataFrame, group_by: str, title: str, xlabel: str = "year",
                  stated: str = "{group} (stated)", derived: str = "{group} (derived from a change)"):
    """One line per group over the years; derived values hollow and dashed to their stated neighbour.

    ``stated``/``derived`` are the legend's wording, with ``{group}``."""
    stated_label, derived_label = stated, derived
    fig, ax = plt.subplots(figsize=(7, 3.5))
    for group, rows in frame.groupby(group_by, sort=True):
        rows = rows.sort_values("year")
        line, = ax.plot(rows["year"], rows["value"], "-", alpha=0.4)
        stated = rows[~rows["derived"]]
        derived = rows[rows["derived"]]
        ax.plot(stated["year"], stated["value"], "o", color=line.get_color(), label=stated_label.format(group=group))
        if len(derived):
            ax.plot(derived["year"], derived["value"], "o", mfc="white", color=line.get_color(),
                    label=derived_label.format(group=group))
    ax.set_xlabel(xlabel)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title(title)
    ax.legend(fontsize=7)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def rate_chart(frame: pd.DataFrame, title: str, labels: list[str] | None = None, xlabel: str = "% handled on time"):
    """Stated on-time rates with their confidence intervals where counts are known."""
    fig, ax = _rows_figure(len(frame))
    labels = labels or [f"{p} · {q} · {m.replace('_on_time_rate', '')}" for p, q, m in
                        zip(frame["province"], frame["period"], frame["metric"])]
    for y, (_, row) in enumerate(frame.iterrows()):
        ax.plot(row["stated_rate"], y, "o", color="tab:blue")
        if pd.notna(row["ci_low"]):
            ax.plot([row["ci_low"], row["ci_high"]], [y, y], "-", color="tab:blue", alpha=0.6, lw=3)
    return _finish_rows(fig, ax, labels, xlabel, title)


def profile_chart(over_time: pd.DataFrame, title: str, labels: dict | None = None,
                  ylabel: str = "first period = 100"):
    """Metrics stated for two periods or more, each scaled to its first value (= 100); ``labels`` maps
    a metric id to its legend entry. Periods share one axis, so a gap in a series stays a gap."""
    fig, ax = plt.subplots(figsize=(7, 3.2))
    drawn = 0
    positions = {period: i for i, period in enumerate(over_time.columns)}
    for metric, row in over_time.iterrows():
        series = row.dropna()
        if len(series) < 2 or series.iloc[0] == 0:
            continue
        ax.plot([positions[p] for p in series.index], 100 * series / series.iloc[0], "o-",
                label=(labels or {}).get(metric, metric))
        drawn += 1
    if drawn:
        ax.set_xticks(range(len(positions)), [str(p) for p in positions])
    if not drawn:
        ax.text(0.5, 0.5, "Every metric is stated for one period only: no trend to draw.", ha="center",
                va="center", transform=ax.transAxes)
        ax.set_axis_off()
    else:
        ax.set_ylabel(ylabel)
        ax.legend(fontsize=7)
        ax.grid(alpha=0.3)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def peer_chart(names: list[str], values: list[float], value_texts: list[str], highlight: list[bool], title: str,
               hedged: list[bool] | None = None):
    """One metric for one year across provinces: a horizontal bar each, in the given order (top first),
    the highlighted province dark and the others grey, each bar labelled with ``value_texts`` (the value
    as the reader's language writes it, hedge sign included). A hedged value's bar is hatched."""
    fig, ax = plt.subplots(figsize=(6.4, 0.7 + 0.32 * max(len(names), 1)))
    hedged = hedged or [False] * len(names)
    top = max([v for v in values if pd.notna(v)] or [1]) or 1
    for y, (value, text, strong, hedge) in enumerate(zip(values, value_texts, highlight, hedged)):
        ax.barh(y, value, color="#1f5f99" if strong else "#b8c4d0", hatch="///" if hedge else None,
                edgecolor="white" if hedge else None, height=0.7)
        ax.text(value + 0.01 * top, y, text, va="center", ha="left", fontsize=8,
                fontweight="bold" if strong else "normal")
    ax.set_yticks(range(len(names)), names)
    for tick, strong in zip(ax.get_yticklabels(), highlight):
        tick.set_fontweight("bold" if strong else "normal")
    ax.invert_yaxis()
    ax.set_xlim(0, top * 1.25)
    ax.xaxis.set_visible(False)
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_title(title, loc="left")
    fig.tight_layout()
    return fig
