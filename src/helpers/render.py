"""Executed notebooks → self-contained HTML pages for people who never see the code.

A page is one file: no script and no style from any other host (many readers sit behind government
networks), figures embedded as data URIs, code cells hidden. Text that came from raw reports reaches
the page only through outputs that escape it (pandas tables, plain text); as a second guard every page
carries a Content-Security-Policy that forbids scripts of any origin, inline ones included.
(nbconvert's own HTML sanitizer is not used: it escapes the headings and table headers of the page.)
"""
from __future__ import annotations

import html

from nbconvert import HTMLExporter

CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; max-width: 1100px;
       margin: 2rem auto; padding: 0 1rem; color: #1f2328; line-height: 1.45; }
h1, h2, h3 { line-height: 1.2; } h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0 1rem; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
td:last-child { min-width: 16rem; }
thead th { background: #f6f8fa; }
pre { white-space: pre-wrap; background: #f6f8fa; padding: 0.5rem; font-size: 0.85rem; }
img { max-width: 100%; height: auto; }
.jp-InputArea, .jp-InputPrompt, .jp-OutputPrompt, .input_area, .prompt { display: none; }
.error { color: #b42318; }
footer { margin-top: 3rem; font-size: 0.8rem; color: #57606a; }
"""

PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
{body}
<footer>{footer}</footer>
</body>
</html>
"""


def page(title: str, body_html: str, footer: str = "") -> str:
    """Wrap ``body_html`` (already safe HTML) in the project's self-contained page."""
    return PAGE.format(title=html.escape(title), css=CSS, body=body_html, footer=html.escape(footer))


def notebook_to_html(notebook, title: str, footer: str = "") -> str:
    """An executed notebook as one self-contained page with the code hidden."""
    exporter = HTMLExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    body, _resources = exporter.from_notebook_node(notebook)
    return page(title, body, footer)
