"""The site's front page, ``index.html``: what the data covers, a picture of that coverage, and links.

Written from the tables directly (no notebook): the number of reports, provinces and years; a
province × year table shaded by the number of metrics stated (a picture made of HTML, so it needs no
image and scrolls in its own box on a phone); the comparison and the cleaning record; one card per
province page, or what failed. The file is rewritten only when its bytes change.
"""
from __future__ import annotations

import html
from pathlib import Path

from ..compare import Tables
from . import blocks
from ..places import ascii_fold
from .i18n import count, format_number, say
from .layout import page


def province_summary(tables: Tables, province: str, lang: str) -> str:
    """``2 báo cáo · 12 chỉ tiêu · 2021–2023`` for a province's card."""
    panel = tables.panel[tables.panel["province"] == province]
    years = sorted(set(panel["period_start"].str[:4]) - {""})
    n_reports = int((tables.reports["province"] == province).sum())
    span = "–".join(dict.fromkeys([years[0], years[-1]])) if years else ""
    return " · ".join(part for part in (count(n_reports, "report", lang),
                                         count(panel["metric"].nunique(), "metric", lang), span) if part)


def coverage_picture(tables: Tables, links: dict[str, str], lang: str) -> blocks.Block:
    """Provinces (rows) × years (columns), each cell the number of metrics stated, shaded by it."""
    dated = tables.panel[tables.panel["period_start"] != ""]  # undated rows cannot be placed in a year
    panel = dated.assign(year=dated["period_start"].str[:4])
    counts = panel.groupby(["province", "year"])["metric"].nunique()
    provinces = sorted(set(panel["province"]), key=ascii_fold)
    years = sorted(set(panel["year"]))
    names = [blocks.link_inside(links[p], p) if p in links else p for p in provinces]
    cells = {(i, j): int(counts.get((p, y), 0)) for i, p in enumerate(provinces) for j, y in enumerate(years)}
    return blocks.heading(say("coverage", lang), anchor="coverage") + blocks.paragraph(say("coverage_note", lang)) \
        + blocks.shaded_table(say("col_province", lang), names, years, cells, number=lambda n: format_number(n, lang))


def index_html(outcomes, tables: Tables, lang: str) -> str:
    """The front page's HTML for this run's ``outcomes`` (see :mod:`helpers.publish.batch`)."""
    reports = tables.reports
    provinces = sorted(set(reports["province"]) - {""})
    years = sorted(set(tables.panel["period_start"].str[:4]) - {""})
    span = "–".join(dict.fromkeys([years[0], years[-1]])) if years else "—"
    if years and lang == "vi":
        span = "năm " + span
    intro = blocks.paragraph(say("index_intro", lang, reports=count(len(reports), "report", lang),
                                 provinces=count(len(provinces), "province", lang), years=span), css_class="lead")
    by_name = {o.slug: o for o in outcomes}
    links = {o.province: f"{o.slug}.html" for o in outcomes if o.province and o.ok}
    site_pages = []
    for name, phrase, note in (("compare", "nav_compare", "compare_link_note"),
                               ("cleaning", "nav_cleaning", "cleaning_link_note")):
        outcome = by_name.get(name)
        if outcome is None:
            continue
        if outcome.ok:
            title = f'<a href="{name}.html">{html.escape(say(phrase, lang))}</a>'
            detail = html.escape(say(note, lang))
        else:
            title = html.escape(say(phrase, lang))
            detail = f'<span class="error">{html.escape(say("province_failed", lang, error=outcome.error))}</span>'
        site_pages.append(f'<li>{title}<span class="note">{detail}</span></li>')
    cards = []
    for outcome in sorted((o for o in outcomes if o.province), key=lambda o: ascii_fold(o.province)):
        name = html.escape(outcome.province)
        if outcome.ok:
            cards.append(f'<li><a href="{html.escape(outcome.slug)}.html">{name}</a>'
                         f'<span class="note">{html.escape(outcome.summary)}</span></li>')
        else:
            cards.append(f'<li>{name} (<a href="{html.escape(outcome.slug)}.ipynb">'
                         f'{html.escape(say("partial_notebook", lang))}</a>)<span class="note error">'
                         f'{html.escape(say("province_failed", lang, error=outcome.error))}</span></li>')
    failed = sum(not o.ok for o in outcomes)
    body = [blocks.heading(say("index_title", lang), level=1).html, intro.html]
    if failed:
        body.append(f'<p class="error">{html.escape(say("batch_failed", lang, failed=failed))}</p>')
    body.append(f'<h2 id="pages">{html.escape(say("pages", lang))}</h2><ul class="cards">{"".join(site_pages)}</ul>')
    body.append(coverage_picture(tables, links, lang).html)
    body.append(f'<h2 id="provinces">{html.escape(say("nav_provinces", lang))}</h2>'
                f'<ul class="cards">{"".join(cards)}</ul>')
    return page(say("index_title", lang), "\n".join(body), lang, active="home")


def write_index(out_dir: Path, outcomes, tables: Tables, lang: str) -> Path:
    """Write ``index.html`` into ``out_dir`` unless it already holds exactly these bytes."""
    from .batch import write_if_changed

    path = Path(out_dir) / "index.html"
    write_if_changed(path, index_html(outcomes, tables, lang))
    return path

