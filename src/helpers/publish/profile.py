"""The province page for readers: what one office reported, in the reader's language.

``ProvincePage.load(processed_dir, province, lang)`` reads the tables; each method gives one section of
the page (notebook 03 calls them in order):

- ``summary()``: the title and a few sentences: which reports, which periods, how many figures on what;
- ``key_figures()``: a table of label, value (hedge visible, numbers written the language's way),
  period, and the source sentence with a link to the report's URL when there is one;
- ``peers()``: for each metric and year stated by at least ``MIN_PEERS`` provinces, a chart of all of
  them with this province highlighted and its position (nothing is ranked among fewer);
- ``trends()``: only when a metric is stated for two full years or more;
- ``missing()``: the catalogue metrics no report of the province states, as a short list per group;
- ``sources()``: the reports, with their dates and links.

Sections that display a chart show it with IPython's ``display`` (so the notebook stores the image
and the rendered page embeds it) and return ``None``; the others return a :class:`~.blocks.Block`.
"""
from __future__ import annotations

from pathlib import Path

from .. import plots
from ..catalog import load_catalog
from ..compare import (MIN_PEERS, Tables, key_figures, load_tables, peer_comparisons, province_trends,
                       resolve_province_parameter)
from . import blocks
from .i18n import (check_language, count, evidence_label, format_date, format_value, group_name, in_sentence,
                   join_words, metric_label, period_label, say)


def show(*items) -> None:
    """Display blocks and matplotlib figures in order (figures are closed once shown)."""
    import matplotlib.pyplot as plt
    from IPython.display import display

    for item in items:
        display(item)
        if isinstance(item, plt.Figure):
            plt.close(item)


class ProvincePage:
    def __init__(self, tables: Tables, province: str, lang: str):
        self.lang = check_language(lang)
        self.province = resolve_province_parameter(province)
        self.tables = tables
        self.catalog = load_catalog()
        self.reports = tables.reports[tables.reports["province"] == self.province]
        self.panel = tables.panel[tables.panel["province"] == self.province]

    @classmethod
    def load(cls, processed_dir: str | Path, province: str, lang: str) -> "ProvincePage":
        """The page of ``province`` (any spelling or GSO code) from the tables in ``processed_dir``."""
        check_language(lang)
        return cls(load_tables(processed_dir), province, lang)

    # --- helpers -------------------------------------------------------------------------------------
    def _period(self, start: str, end: str) -> str:
        return period_label(start, end, self.lang)

    def _value(self, row) -> str:
        return format_value(row["value"], self.lang, row["qualifier"], row["unit"], row["denominator"])

    def title(self) -> str:
        return say("profile_title", self.lang, province=self.province)

    # --- sections ------------------------------------------------------------------------------------
    def summary(self) -> blocks.Block:
        """The title and what the office reported, for which period."""
        lang = self.lang
        head = blocks.heading(self.title(), level=1)
        if self.reports.empty:
            return head + blocks.paragraph(say("intro_none", lang, province=self.province))
        periods = sorted(set(zip(self.reports["period_start"], self.reports["period_end"])))
        period_words = join_words([in_sentence(self._period(s, e), lang) for s, e in periods if s and e], lang)
        first = blocks.paragraph(say("intro_reports", lang, reports=count(len(self.reports), "report", lang),
                                     province=self.province, periods=period_words), css_class="lead")
        metrics = [m for m in self.catalog if m in set(self.panel["metric"])]
        groups = list(dict.fromkeys(self.catalog[m].group for m in metrics))
        n_figures = int(self.tables.facts["report_id"].isin(self.reports["report_id"]).sum())
        second = blocks.paragraph(say("intro_figures", lang, figures=count(n_figures, "figure", lang),
                                      metrics=count(len(metrics), "metric", lang),
                                      catalog=count(len(self.catalog), "metric", lang),
                                      groups=join_words([group_name(g, lang) for g in groups], lang)), css_class="lead")
        return head + first + second

    def key_figures(self) -> blocks.Block:
        """Label, value with its hedge, period, and the source sentence linked to its article."""
        lang = self.lang
        frame = key_figures(self.tables, self.province)
        rows = []
        for _, row in frame.iterrows():
            source = f"“{row['sentence']}”" if row["sentence"] else ""
            origin = blocks.link(row["source_url"], say("link_source", lang)) if blocks.safe_url(row["source_url"]) \
                else blocks.Markup(blocks.escape(row["title"]))
            notes = []
            if row["n_sources"] and row["n_sources"] > 1:
                notes.append(say("stated_by", lang, n=int(row["n_sources"])))
            if row["conflict"]:
                notes.append(say("conflict", lang))
            note = blocks.escape(" · ".join(notes))
            cell = blocks.Markup(f'<span class="sentence">{blocks.escape(source)}</span>'
                                 f'<span class="origin">— {origin}</span>'
                                 + (f'<span class="note">{note}</span>' if notes else ""))
            rows.append([metric_label(row["metric"], lang), self._value(row),
                         self._period(row["period_start"], row["period_end"]), cell])
        out = blocks.heading(say("key_figures", lang), anchor="key-figures") + \
            blocks.paragraph(say("key_figures_note", lang)) + \
            blocks.table([say(k, lang) for k in ("col_metric", "col_value", "col_period", "col_source")], rows,
                         numeric=(1,), wide=(3,), stack=True)
        if (frame["qualifier"] != "exact").any():
            out = out + blocks.paragraph(say("hedge_legend", lang), css_class="legend")
        return out

    def peers(self) -> None:
        """Charts of the metrics that enough provinces state for the same year, this province highlighted."""
        lang = self.lang
        frame = peer_comparisons(self.tables.panel, self.province, MIN_PEERS)
        items: list = [blocks.heading(say("peers", lang), anchor="peers")]
        if frame.empty:
            show(*items, blocks.paragraph(say("peers_none", lang, min=MIN_PEERS)))
            return
        items.append(blocks.paragraph(say("peers_note", lang, min=MIN_PEERS, province=self.province)))
        for (_, start, end), group in frame.groupby(["metric", "period_start", "period_end"], sort=False):
            metric = group["metric"].iloc[0]
            title = f"{metric_label(metric, lang)} · {self._period(start, end)}"
            own = group[group["highlight"]].iloc[0]
            key = "peer_position" if own["qualifier"] == "exact" else "peer_position_hedged"
            items.append(blocks.heading(title, level=3))
            items.append(plots.peer_chart(list(group["province"]), list(group["value"]),
                                          [self._value(r) for _, r in group.iterrows()], list(group["highlight"]),
                                          "", hedged=list(group["qualifier"] != "exact")))
            items.append(blocks.paragraph(say(key, lang, province=self.province, position=int(own["position"]),
                                              among=int(own["among"]))))
        if (frame["qualifier"] != "exact").any():
            items.append(blocks.paragraph(say("hedge_legend", lang), css_class="legend"))
        show(*items)

    def trends(self) -> None:
        """Metrics stated for two full years or more: a table and a chart; nothing at all otherwise."""
        lang = self.lang
        table = province_trends(self.tables.panel, self.province)
        if table.empty:
            return
        units = {m: self.catalog[m].unit if m in self.catalog else "count" for m in table.index}
        rows = [[metric_label(m, lang)] + [format_value(v, lang, unit=units[m]) for v in table.loc[m]]
                for m in table.index]
        years = [self._period(f"{y}-01-01", f"{y}-12-31") for y in table.columns]
        chart = plots.profile_chart(table, "", labels={m: metric_label(m, lang) for m in table.index},
                                    ylabel=say("trend_chart_axis", lang))
        show(blocks.heading(say("trends", lang), anchor="trends") + blocks.paragraph(say("trends_note", lang))
             + blocks.table([say("col_metric", lang)] + years, rows, numeric=tuple(range(1, len(years) + 1))),
             chart)

    def missing(self) -> blocks.Block:
        """The catalogue metrics no report of this province states, one line per group."""
        lang = self.lang
        stated = set(self.panel["metric"])
        by_group: dict[str, list[str]] = {}
        for metric, entry in self.catalog.items():
            if metric not in stated:
                by_group.setdefault(entry.group, []).append(metric_label(metric, lang))
        head = blocks.heading(say("missing", lang), anchor="missing")
        if not by_group:
            return head + blocks.paragraph(say("missing_none", lang))
        items = [blocks.Markup(f"<strong>{blocks.escape(group_name(g, lang).capitalize())}</strong>: "
                               f"{blocks.escape(', '.join(labels))}") for g, labels in by_group.items()]
        return head + blocks.paragraph(say("missing_note", lang)) + blocks.bullets(items)

    def sources(self) -> blocks.Block:
        """The reports this page is built from: title (linked), published date, period, figures."""
        lang = self.lang
        rows = []
        for _, row in self.reports.sort_values(["period_start", "published", "report_id"]).iterrows():
            rows.append([blocks.link(row["source_url"], row["title"] or row["report_id"]),
                         format_date(row["published"], lang),
                         self._period(row["period_start"], row["period_end"]) if row["period_start"] else "",
                         format_value(row["n_facts"], lang), evidence_label(row["province_evidence"], lang)])
        columns = [say(k, lang) for k in ("col_report", "col_published", "col_period", "col_figures", "col_decided_by")]
        return blocks.heading(say("reports_heading", lang), anchor="sources") + \
            blocks.table(columns, rows, numeric=(3,), wide=(0,), stack=True)

