"""Executed notebooks → self-contained HTML pages for people who never see the code.

Only the outputs reach the page: code cells and the notebook's own markdown (written for analysts, in
English) are left out, so every word a reader sees comes from the outputs, in the page's language.
Figures are embedded as data URIs. Text that came from raw reports reaches the page only through
outputs that escape it (:mod:`helpers.publish.blocks`, pandas tables, plain text); as a second guard
every page carries a Content-Security-Policy that forbids scripts of any origin, inline ones included
(:mod:`helpers.publish.layout`). nbconvert's own HTML sanitizer is not used: it escapes the headings
and table headers of the page.
"""
from __future__ import annotations

import re

from .layout import page

# nbconvert's stock alternative text says nothing; a chart's words are in the text around it.
_NO_DESCRIPTION = re.compile(r'alt="No description has been provided for this image"')


def notebook_to_html(notebook, title: str, lang: str, active: str = "") -> str:
    """An executed notebook as one page of the site: outputs only, in the site's shell.

    Cells are named by their position on the page: papermill gives its injected-parameters cell a new random
    id at every run, which would make the same notebook on the same data a different page.
    """
    import copy

    from nbconvert import HTMLExporter

    notebook = copy.deepcopy(notebook)
    for position, cell in enumerate(notebook.cells):
        cell.id = f"cell-{position}"

    exporter = HTMLExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True, exclude_markdown=True, exclude_raw=True)
    body, _resources = exporter.from_notebook_node(notebook)
    return page(title, _NO_DESCRIPTION.sub('alt=""', body), lang, active)
