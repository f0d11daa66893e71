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


def coverage_heatmap(table: pd.DataFrame, title: str):
    """Groups × periods, shaded by the number of metrics reported."""
    fig, ax = plt.subplots(figsize=(1.2 + 0.9 * max(len(table.columns), 1), 0.8 + 0.4 * max(len(table), 1)))
    image = ax.imshow(table.values, cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(range(len(table.columns)), table.columns, rotation=30, ha="right")
    ax.set_yticks(range(len(table.index)), table.index)
    for (i, j), value in pd.DataFrame(table.values).stack().items():
        ax.text(j, i, int(value), ha="center", va="center", color="black" if value < table.values.max() / 2 else "white")
    fig.colorbar(image, ax=ax, label="metrics reported")
    ax.set_title(title)
    fig.tight_layout()
    return fig


def ranking_chart(frame: pd.DataFrame, group_by: str, title: str, unit: str):
    """Horizontal dot chart of one metric, one row per group and period, bounds for hedged values."""
    labels = [f"{g} · {p}" for g, p in zip(frame[group_by], frame["period"])]
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


def changes_chart(frame: pd.DataFrame, group_by: str, title: str):
    """One line per group over the years; derived values hollow and dashed to their stated neighbour."""
    fig, ax = plt.subplots(figsize=(7, 3.5))
    for group, rows in frame.groupby(group_by, sort=True):
        rows = rows.sort_values("year")
        line, = ax.plot(rows["year"], rows["value"], "-", alpha=0.4)
        stated = rows[~rows["derived"]]
        derived = rows[rows["derived"]]
        ax.plot(stated["year"], stated["value"], "o", color=line.get_color(), label=f"{group} (stated)")
        if len(derived):
            ax.plot(derived["year"], derived["value"], "o", mfc="white", color=line.get_color(),
                    label=f"{group} (derived from a change)")
    ax.set_xlabel("year")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title(title)
    ax.legend(fontsize=7)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def rate_chart(frame: pd.DataFrame, title: str):
    """Stated on-time rates with their confidence intervals where counts are known."""
    fig, ax = _rows_figure(len(frame))
    labels = [f"{p} · {q} · {m.replace('_on_time_rate', '')}" for p, q, m in
              zip(frame["province"], frame["period"], frame["metric"])]
    for y, (_, row) in enumerate(frame.iterrows()):
        ax.plot(row["stated_rate"], y, "o", color="tab:blue")
        if pd.notna(row["ci_low"]):
            ax.plot([row["ci_low"], row["ci_high"]], [y, y], "-", color="tab:blue", alpha=0.6, lw=3)
    return _finish_rows(fig, ax, labels, "% handled on time", title)


def profile_chart(over_time: pd.DataFrame, title: str):
    """Metrics stated for two periods or more, each scaled to its first value (= 100)."""
    fig, ax = plt.subplots(figsize=(7, 3.2))
    drawn = 0
    for metric, row in over_time.iterrows():
        series = row.dropna()
        if len(series) < 2 or series.iloc[0] == 0:
            continue
        ax.plot(range(len(series)), 100 * series / series.iloc[0], "o-", label=metric)
        ax.set_xticks(range(len(series)), series.index)
        drawn += 1
    if not drawn:
        ax.text(0.5, 0.5, "Every metric is stated for one period only: no trend to draw.", ha="center",
                va="center", transform=ax.transAxes)
        ax.set_axis_off()
    else:
        ax.set_ylabel("first period = 100")
        ax.legend(fontsize=7)
        ax.grid(alpha=0.3)
    ax.set_title(title)
    fig.tight_layout()
    return fig
