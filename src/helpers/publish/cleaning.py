"""The cleaning record for readers (notebook 01): what was read, what was set aside, and why.

``CleaningRecord.load(processed_dir, lang)`` reads the existing tables (running the extraction is the
notebook's business, and the site's batch never asks for it). Sections: ``summary``, ``reports``,
``figures_per_metric``, ``matrix`` (which report states which metric, as a shaded table),
``rejected``, ``warnings``. Each returns a :class:`~.blocks.Block`.
"""
from __future__ import annotations

from pathlib import Path

from ..catalog import load_catalog
from ..compare import Tables, load_tables, metric_report_matrix
from . import blocks
from .i18n import (check_language, count, evidence_label, format_date, format_number, metric_label, period_label,
                   reason_detail, reason_label, say)


class CleaningRecord:
    def __init__(self, tables: Tables, lang: str):
        self.lang = check_language(lang)
        self.tables, self.catalog = tables, load_catalog()

    @classmethod
    def load(cls, processed_dir: str | Path, lang: str) -> "CleaningRecord":
        check_language(lang)
        return cls(load_tables(processed_dir), lang)

    def _period(self, row) -> str:
        return period_label(row["period_start"], row["period_end"], self.lang) if row["period_start"] else ""

    def _report_name(self, report_id: str) -> str:
        """``Tuyên Quang · Năm 2023`` for a report; its id stands in for a province that was not decided."""
        row = self.tables.reports[self.tables.reports["report_id"] == report_id]
        if row.empty:
            return report_id
        row = row.iloc[0]
        parts = [row["province"] or report_id, self._period(row)]
        return " · ".join(p for p in parts if p)

    def summary(self, extraction_counts: dict | None = None) -> blocks.Block:
        lang = self.lang
        out = blocks.heading(say("cleaning_title", lang), level=1) + \
            blocks.paragraph(say("cleaning_intro", lang), css_class="lead")
        if extraction_counts:
            counts = ", ".join(f"{name}.csv {format_number(n, lang)}" for name, n in extraction_counts.items())
            out = out + blocks.paragraph(say("extraction_ran", lang, counts=counts))
        return out

    def reports(self) -> blocks.Block:
        lang = self.lang
        rows = []
        for _, row in self.tables.reports.iterrows():
            title = blocks.link(row["source_url"], row["title"] or row["report_id"])
            cell = blocks.Markup(f'{title}<span class="note">{blocks.escape(row["report_id"])}</span>')
            rows.append([cell, row["province"] or "—", evidence_label(row["province_evidence"], lang),
                         self._period(row) or "—", format_date(row["published"], lang),
                         format_number(row["n_facts"], lang)])
        columns = [say(k, lang) for k in ("col_report", "col_province", "col_decided_by", "col_period",
                                          "col_published", "col_figures")]
        return blocks.heading(say("cleaning_reports", lang), anchor="reports") + \
            blocks.paragraph(f"{count(len(rows), 'report', lang)}. {say('cleaning_reports_note', lang)}") + \
            blocks.table(columns, rows, numeric=(5,), wide=(0,), stack=True)

    def figures_per_metric(self) -> blocks.Block:
        lang = self.lang
        facts = self.tables.facts
        table = facts.groupby(["metric", "kind"]).size().unstack(fill_value=0)
        order = [m for m in self.catalog if m in table.index] + [m for m in table.index if m not in self.catalog]
        rows = [[metric_label(m, lang), format_number(table.loc[m].get("level", 0), lang),
                 format_number(table.loc[m].get("change", 0), lang)] for m in order]
        columns = [say(k, lang) for k in ("col_metric", "col_level", "col_change")]
        return blocks.heading(say("cleaning_metrics", lang), anchor="metrics") + \
            blocks.paragraph(say("cleaning_metrics_note", lang)) + blocks.table(columns, rows, numeric=(1, 2))

    def matrix(self) -> blocks.Block:
        """Metrics (rows) × reports (columns, named by province and period), figures per cell."""
        lang = self.lang
        table = metric_report_matrix(self.tables.facts)
        columns = [self._report_name(r) for r in table.columns]
        cells = {(i, j): int(v) for i, m in enumerate(table.index) for j, v in enumerate(table.loc[m])}
        return blocks.heading(say("cleaning_matrix", lang), anchor="matrix") + \
            blocks.paragraph(say("cleaning_matrix_note", lang)) + \
            blocks.shaded_table(say("col_metric", lang), [metric_label(m, lang) for m in table.index], columns, cells,
                                css_class="coverage matrix", number=lambda n: format_number(n, lang),
                                vertical_headers=True)

    def _listing(self, name: str, rows: list[list], column_keys: tuple[str, ...], wide: tuple[int, ...]) -> blocks.Block:
        """A section ``name`` (its phrase is the heading and the anchor): a table of ``rows``, or a line saying none."""
        head = blocks.heading(say(name, self.lang), anchor=name)
        if not rows:
            return head + blocks.paragraph(say(f"{name}_none", self.lang))
        columns = [say(k, self.lang) for k in column_keys]
        return head + blocks.table(columns, rows, wide=wide, stack=True)

    def rejected(self) -> blocks.Block:
        frame = self.tables.rejected
        rows = [[p, reason_label(r, self.lang), reason_detail(r, d, self.lang)]
                for p, r, d in zip(frame["path"], frame["reason"], frame["detail"])]
        return self._listing("rejected", rows, ("col_file", "col_reason", "col_detail"), wide=(2,))

    def warnings(self) -> blocks.Block:
        frame = self.tables.warnings
        rows = [[self._report_name(r), reason_label(c, self.lang), reason_detail(c, d, self.lang), s] for r, c, d, s in
                zip(frame["report_id"], frame["code"], frame["detail"], frame["sentence"])]
        if not any(row[3] for row in rows):  # no warning quotes a sentence: no empty column
            return self._listing("warnings", [row[:3] for row in rows], ("col_report", "col_reason", "col_detail"),
                                 wide=(2,))
        return self._listing("warnings", rows, ("col_report", "col_reason", "col_detail", "col_sentence"), wide=(3,))
