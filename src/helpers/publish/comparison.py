"""The comparison page for readers (notebook 02): the provinces side by side, in the reader's language.

``Comparison.load(processed_dir, metrics, years, group_by, lang)``; each method is one section:
``summary``, ``coverage``, ``rankings`` (metrics stated by at least ``MIN_PEERS`` groups for a full
year, with a chart each; the others listed), ``partial_periods``, ``changes``, ``rates``, ``units_2025``.
Sections with charts display them (IPython) and return ``None``; the others return a Block.
"""
from __future__ import annotations

from pathlib import Path

from .. import plots
from ..catalog import load_catalog
from ..places import ascii_fold
from ..compare import (MIN_PEERS, Tables, changes_over_time, check_grouping, check_metrics, load_tables,
                       partial_periods, ranking, rate_intervals, split_by_coverage, successors, with_period)
from . import blocks
from .i18n import check_language, format_number, format_value, metric_label, period_label, say
from .profile import show

GROUP_WORDS = {"province": ("tỉnh", "province", "provinces"),
               "province_2025": ("đơn vị (2025)", "2025 unit", "2025 units")}


class Comparison:
    def __init__(self, tables: Tables, metrics="all", years=None, group_by: str = "province", lang: str = "vi"):
        self.lang = check_language(lang)
        self.tables, self.catalog = tables, load_catalog()
        self.metrics, self.group_by, self.years = check_metrics(metrics), check_grouping(group_by), years

    @classmethod
    def load(cls, processed_dir: str | Path, metrics="all", years=None, group_by: str = "province",
             lang: str = "vi") -> "Comparison":
        check_language(lang)
        return cls(load_tables(processed_dir), metrics, years, group_by, lang)

    def _groups(self, one: bool = False) -> str:
        vi, singular, plural = GROUP_WORDS[self.group_by]
        return vi if self.lang == "vi" else (singular if one else plural)

    def _unit(self, metric: str) -> str:
        return self.catalog[metric].unit if metric in self.catalog else "count"

    def summary(self) -> blocks.Block:
        return blocks.heading(say("compare_title", self.lang), level=1) + \
            blocks.paragraph(say("compare_intro", self.lang), css_class="lead")

    def coverage(self) -> blocks.Block:
        """Metrics stated per group and period, as a shaded table."""
        lang = self.lang
        panel = self.tables.panel[self.tables.panel["period_start"] != ""]  # undated rows have no column
        if self.group_by == "province_2025":
            panel = panel.assign(province=panel["province_2025"])
        periods = sorted(set(zip(panel["period_start"], panel["period_end"])))
        groups = sorted(set(panel["province"]), key=ascii_fold)
        counts = panel.groupby(["province", "period_start", "period_end"])["metric"].nunique()
        cells = {(i, j): int(counts.get((g, s, e), 0)) for i, g in enumerate(groups) for j, (s, e) in enumerate(periods)}
        return blocks.heading(say("compare_coverage", lang), anchor="coverage") + \
            blocks.paragraph(say("compare_coverage_note", lang, group=self._groups(one=True))) + \
            blocks.shaded_table(say("col_province", lang), groups, [period_label(s, e, lang) for s, e in periods],
                                cells, number=lambda n: format_number(n, lang))

    def rankings(self) -> None:
        """One chart and table per metric stated by enough groups for a full year; the rest listed."""
        lang = self.lang
        comparable, notes = split_by_coverage(self.tables.panel, self.metrics, self.group_by, self.years,
                                              min_groups=MIN_PEERS)
        items: list = [blocks.heading(say("rankings", lang), anchor="rankings")]
        if comparable:
            items.append(blocks.paragraph(say("rankings_note", lang, min=MIN_PEERS, group=self._groups())))
        else:
            items.append(blocks.paragraph(say("rankings_none", lang, min=MIN_PEERS, group=self._groups())))
        hedged = False
        for metric in comparable:
            frame = ranking(self.tables.panel, metric, self.group_by, self.years)  # full years: period is the year
            unit = self._unit(metric)
            periods = [period_label(f"{p}-01-01", f"{p}-12-31", lang) for p in frame["period"]]
            values = [format_value(r["value"], lang, r["qualifier"], unit, r.get("denominator")) for _, r in frame.iterrows()]
            hedged |= bool((frame["qualifier"] != "exact").any())
            label = metric_label(metric, lang)
            chart = plots.ranking_chart(frame, self.group_by, label, say("axis_value", lang),
                                        labels=[f"{g} · {p}" for g, p in zip(frame[self.group_by], periods)])
            rows = [[g, p, v, say("conflict", lang) if c else ""] for g, p, v, c in
                    zip(frame[self.group_by], periods, values, frame["conflict"])]
            columns = [say("col_province", lang), say("col_period", lang), say("col_value", lang), ""]
            if not frame["conflict"].any():
                rows, columns = [r[:3] for r in rows], columns[:3]
            items += [blocks.heading(label, level=3), chart, blocks.table(columns, rows, numeric=(2,))]
        if hedged:
            items.append(blocks.paragraph(say("hedge_legend", lang), css_class="legend"))
        if len(notes):
            lines = [f"{metric_label(m, lang)}: {who if who != 'nobody' else say('nobody', lang)}"
                     for m, who in zip(notes["metric"], notes["reported_by"])]
            items += [blocks.heading(say("not_compared", lang), level=3),
                      blocks.paragraph(say("not_compared_note", lang, min=MIN_PEERS, group=self._groups())),
                      blocks.bullets(lines)]
        show(*items)

    def partial_periods(self) -> blocks.Block:
        lang = self.lang
        frame = partial_periods(self.tables.panel, self.metrics, self.group_by)
        head = blocks.heading(say("partial", lang), anchor="partial")
        if frame.empty:
            return head + blocks.paragraph(say("partial_none", lang))
        panel = with_period(self.tables.panel)
        spans = dict(zip(panel["period"], zip(panel["period_start"], panel["period_end"])))
        rows = [[metric_label(m, lang), g, period_label(*spans[p], lang) if p in spans else p,
                 format_value(v, lang, q, self._unit(m))]
                for m, g, p, v, q in zip(frame["metric"], frame[self.group_by], frame["period"], frame["value"],
                                         frame["qualifier"])]
        columns = [say(k, lang) for k in ("col_metric", "col_province", "col_period", "col_value")]
        return head + blocks.paragraph(say("partial_note", lang)) + blocks.table(columns, rows, numeric=(3,))

    def changes(self) -> None:
        """Each metric's level per year where there are two years, or a derived earlier year."""
        lang = self.lang
        items: list = [blocks.heading(say("changes", lang), anchor="changes")]
        shown = 0
        for metric in self.metrics:
            frame = changes_over_time(self.tables.panel, self.tables.facts, self.tables.reports, metric, self.group_by)
            if not (frame["derived"].any() or frame.groupby(self.group_by)["year"].nunique().max() > 1):
                continue
            unit = self._unit(metric)
            rows = []
            for _, r in frame.iterrows():
                how = say("stated", lang) if not r["derived"] else say("derived", lang, source=say(
                    "derived_source", lang, level=format_value(r["base_value"], lang, unit=unit), year=int(r["base_year"]),
                    change=("+" if r["change"] >= 0 else "−") + format_number(abs(r["change"]), lang)))
                rows.append([r[self.group_by], str(int(r["year"])), format_value(r["value"], lang, r["qualifier"], unit),
                             how])
            label = metric_label(metric, lang)
            chart = plots.changes_chart(frame, self.group_by, label, xlabel=say("axis_year", lang),
                                        stated=say("legend_stated", lang, group="{group}"),
                                        derived=say("legend_derived", lang, group="{group}"))
            columns = [say(k, lang) for k in ("col_province", "col_year", "col_value", "col_how")]
            items += [blocks.heading(label, level=3), chart, blocks.table(columns, rows, numeric=(2,))]
            shown += 1
        if shown:
            items.insert(1, blocks.paragraph(say("changes_note", lang)))
        else:
            items.append(blocks.paragraph(say("changes_none", lang)))
        show(*items)

    def rates(self) -> None:
        """Stated on-time shares, with a 95 % interval where both counts are stated exactly."""
        lang = self.lang
        frame = rate_intervals(self.tables.panel)
        head = blocks.heading(say("rates", lang), anchor="rates")
        if frame.empty:
            show(head + blocks.paragraph(say("rates_none", lang)))
            return
        panel = with_period(self.tables.panel)
        spans = dict(zip(panel["period"], zip(panel["period_start"], panel["period_end"])))
        periods = [period_label(*spans[p], lang) if p in spans else p for p in frame["period"]]
        rows = []
        for (_, r), period in zip(frame.iterrows(), periods):
            interval = (f"{format_number(r['ci_low'], lang)}–{format_number(r['ci_high'], lang)} %"
                        if r["ci_low"] == r["ci_low"] else say("no_interval", lang))
            rows.append([r["province"], period, metric_label(r["metric"], lang),
                         format_value(r["stated_rate"], lang, unit="percent"), interval])
        labels = [f"{p} · {q} · {metric_label(m, lang)}" for p, q, m in zip(frame["province"], periods, frame["metric"])]
        chart = plots.rate_chart(frame, say("rates", lang), labels=labels, xlabel=say("axis_rate", lang))
        columns = [say(k, lang) for k in ("col_province", "col_period", "col_metric", "col_rate", "col_interval")]
        show(head + blocks.paragraph(say("rates_note", lang)), chart, blocks.table(columns, rows, numeric=(3, 4)))

    def units_2025(self) -> blocks.Block:
        lang = self.lang
        frame = successors(self.tables.reports)
        rows = [[p, c, u] for p, c, u in zip(frame["province"], frame["province_code"], frame["province_2025"])]
        columns = [say(k, lang) for k in ("col_province", "col_code", "col_unit_2025")]
        return blocks.heading(say("units_2025", lang), anchor="units-2025") + \
            blocks.paragraph(say("units_2025_note", lang)) + blocks.table(columns, rows)

