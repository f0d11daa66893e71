"""One look and one navigation for every page of the site: the page shell, its style sheet and its menu.

A page is one self-contained file: the style is inline, figures are data URIs, nothing is loaded from
another host, and a Content-Security-Policy forbids every script (inline ones included). Nothing on a
page scrolls sideways: text wraps (long words and URLs break), and a table wider than the screen
scrolls inside its own box (``div.table-wrap``).
"""
from __future__ import annotations

import html

from .i18n import check_language, say

# The site's pages: menu key → (file, phrase key). Province pages sit beside them (``<slug>.html``).
NAVIGATION = (
    ("home", "index.html", "nav_home"),
    ("compare", "compare.html", "nav_compare"),
    ("cleaning", "cleaning.html", "nav_cleaning"),
    ("provinces", "index.html#provinces", "nav_provinces"),
)
RESERVED_NAMES = {"index", "compare", "cleaning", "site-manifest"}

CSS = """
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: #1f2328; background: #fff; line-height: 1.5; overflow-wrap: break-word;
       font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
.site-header { background: #0f3d66; color: #fff; }
.site-header .bar { max-width: 64rem; margin: 0 auto; padding: 0.6rem 1rem; display: flex; flex-wrap: wrap;
                    gap: 0.3rem 1.2rem; align-items: baseline; }
.site-name { font-weight: 700; color: #fff; text-decoration: none; margin-right: auto; }
.site-header nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; }
.site-header nav a { color: #dbe9f6; text-decoration: none; }
.site-header nav a:hover, .site-header nav a:focus { text-decoration: underline; color: #fff; }
.site-header nav a[aria-current="page"] { color: #fff; font-weight: 600; border-bottom: 2px solid #f2c14e; }
main { max-width: 64rem; margin: 0 auto; padding: 1rem 1rem 2rem; }
h1 { font-size: 1.7rem; line-height: 1.2; margin: 0.8rem 0 0.6rem; }
h2 { font-size: 1.3rem; line-height: 1.25; margin: 2.2rem 0 0.5rem; padding-top: 0.6rem; border-top: 1px solid #d8dee4; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 0.3rem; }
p.lead { font-size: 1.08rem; max-width: 46rem; }
p.legend, .note, footer { font-size: 0.85rem; color: #57606a; }
a { color: #0b5cad; }
ul { padding-left: 1.2rem; }
.table-wrap { overflow-x: auto; max-width: 100%; margin: 0.5rem 0 1rem; border: 1px solid #d8dee4; border-radius: 4px; }
table { border-collapse: collapse; font-size: 0.9rem; width: 100%; }
caption { text-align: left; padding: 0.4rem 0.6rem; font-weight: 600; }
th, td { padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; border-bottom: 1px solid #e6eaef; }
thead th { background: #f3f6f9; font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.wide { min-width: 16rem; }
tbody tr:nth-child(even) { background: #fafbfc; }
.sentence { display: block; }
.origin { display: block; font-size: 0.85rem; color: #57606a; margin-top: 0.2rem; }
.origin a { word-break: break-all; }
td .note { display: block; color: #9a6700; }
.error { color: #b42318; }
img { max-width: 100%; height: auto; display: block; margin: 0.4rem 0 0.8rem; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f8fa; padding: 0.5rem; font-size: 0.85rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0.8rem; padding: 0;
         list-style: none; }
.cards li { border: 1px solid #d8dee4; border-radius: 6px; padding: 0.7rem 0.9rem; }
.cards a { font-weight: 600; }
.cards .note { display: block; }
.coverage td.cell { text-align: center; min-width: 2.6rem; font-variant-numeric: tabular-nums; }
.shade-0 { background: #fff; color: #8c959f; } .shade-1 { background: #deebf7; } .shade-2 { background: #9ecae1; }
.shade-3 { background: #4292c6; color: #fff; } .shade-4 { background: #08519c; color: #fff; }
.coverage th:first-child, .coverage td:first-child { white-space: nowrap; }
.matrix td:first-child { white-space: normal; min-width: 12rem; }
.matrix th.vertical { vertical-align: bottom; padding: 0.4rem 0.2rem; }
.matrix th.vertical span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap;
                           font-weight: 500; font-size: 0.8rem; }
footer { max-width: 64rem; margin: 0 auto; padding: 1rem; border-top: 1px solid #d8dee4; }
/* nbconvert's wrappers: no prompts, no code, no boxes */
.jp-InputArea, .jp-InputPrompt, .jp-OutputPrompt, .input_area, .prompt { display: none; }
.jp-Cell, .jp-OutputArea, .jp-OutputArea-child, .jp-OutputArea-output { margin: 0; padding: 0; border: 0; }
@media (max-width: 40rem) {
  main { padding: 0.6rem 0.8rem 1.5rem; }
  h1 { font-size: 1.4rem; }
  h2 { font-size: 1.15rem; }
  table { font-size: 0.85rem; }
  td.wide { min-width: 13rem; }
  /* a table marked "stack": one card per row, each cell under its column's name */
  .stack { border: 0; overflow: visible; }
  .stack table, .stack tbody, .stack tr, .stack td { display: block; width: 100%; }
  .stack thead { display: none; }
  .stack tr { border: 1px solid #d8dee4; border-radius: 6px; margin: 0 0 0.7rem; padding: 0.3rem 0.6rem; }
  .stack td { border: 0; padding: 0.15rem 0; text-align: left; min-width: 0; white-space: normal; }
  .stack td[data-label]::before { content: attr(data-label); display: block; font-size: 0.75rem;
                                  color: #57606a; text-transform: uppercase; letter-spacing: 0.02em; }
  .stack td:first-child { font-weight: 600; }
  .stack td:empty { display: none; }  /* no label over nothing (a warning without a sentence) */
  .stack td:first-child::before { display: none; }
}
"""

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<header class="site-header"><div class="bar"><a class="site-name" href="index.html">{site}</a>
<nav aria-label="{nav_label}"><ul>{menu}</ul></nav></div></header>
<main>
{body}
</main>
<footer>{footer}</footer>
</body>
</html>
"""


def menu(lang: str, active: str) -> str:
    """The navigation list, the current page marked ``aria-current``."""
    items = []
    for key, href, phrase in NAVIGATION:
        current = ' aria-current="page"' if key == active else ""
        items.append(f'<li><a href="{href}"{current}>{html.escape(say(phrase, lang))}</a></li>')
    return "".join(items)


def page(title: str, body_html: str, lang: str, active: str = "") -> str:
    """Wrap ``body_html`` (already safe HTML) in the site's page: header, menu, main, footer."""
    lang = check_language(lang)
    return PAGE.format(lang=lang, title=html.escape(title), css=CSS, site=html.escape(say("site_title", lang)),
                       nav_label=html.escape(say("pages", lang)), menu=menu(lang, active), body=body_html,
                       footer=html.escape(say("footer", lang)))
