"""Safe HTML pieces for the pages: headings, paragraphs, lists, tables, links.

Every piece escapes the text it is given; only :class:`Markup` (HTML built here) passes through as is.
A :class:`Block` shows as HTML in a notebook (``_repr_html_``, which the rendered page keeps) and as
plain text elsewhere (``repr``), so a notebook's stored outputs can be read and compared as text.

Tables have no index column and no raw ``True``/``False``; a wide table scrolls inside its own box
(``div.table-wrap``), never the page.
"""
from __future__ import annotations

import html
import re
from urllib.parse import urlsplit


class Markup(str):
    """HTML that was built from escaped parts; passed through unescaped."""


def escape(value) -> str:
    """Text → HTML; :class:`Markup` as it is."""
    if isinstance(value, Markup):
        return value
    return html.escape("" if value is None else str(value))


def plain(value) -> str:
    """The text a reader sees in a piece of :class:`Markup` (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", "", str(value))) if isinstance(value, Markup) else str(value)


def safe_url(url: str) -> str | None:
    """``url`` if it is an absolute http(s) address (a report's source), else ``None``: no ``javascript:``."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc and not re.search(r"[\s\"'<>`]", url):
        return url
    return None


def link(url: str, text: str) -> Markup:
    """A link to an outside page (a report's source) when ``url`` is safe, else the text alone."""
    target = safe_url(url)
    if target is None:
        return Markup(escape(text))
    return Markup(f'<a href="{html.escape(target, quote=True)}" rel="noopener noreferrer">{escape(text)}</a>')


def link_inside(href: str, text: str) -> Markup:
    """A link to another page of the site (a relative file name made here, never from a report)."""
    return Markup(f'<a href="{html.escape(href, quote=True)}">{escape(text)}</a>')


class Block:
    """A piece of a page: ``html`` (safe) and ``text`` (what it says, for plain-text outputs)."""

    def __init__(self, html_text: str, text: str):
        self.html, self.text = html_text, text

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text

    def __add__(self, other: "Block") -> "Block":
        return Block(self.html + other.html, self.text + "\n" + other.text)


def heading(text: str, level: int = 2, anchor: str = "") -> Block:
    ident = f' id="{html.escape(anchor)}"' if anchor else ""
    return Block(f"<h{level}{ident}>{escape(text)}</h{level}>", plain(text))


def paragraph(text, css_class: str = "") -> Block:
    klass = f' class="{css_class}"' if css_class else ""
    return Block(f"<p{klass}>{escape(text)}</p>", plain(text))


def bullets(items) -> Block:
    items = list(items)
    return Block("<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>",
                 "\n".join(f"- {plain(item)}" for item in items))


def table(columns: list[str], rows: list[list], numeric: tuple[int, ...] = (), caption: str = "",
          wide: tuple[int, ...] = (), stack: bool = False) -> Block:
    """A table with a header row and no index; ``numeric`` columns align right, ``wide`` ones get room
    for sentences. Cells are text (escaped) or :class:`Markup`.

    ``stack``: on a narrow screen each row becomes a card, each cell on its own line after its column's
    name (CSS only); otherwise a table wider than the screen scrolls inside its own box."""
    def cell(tag: str, i: int, value) -> str:
        classes = " ".join(c for c, on in (("num", i in numeric), ("wide", i in wide)) if on)
        attribute = f' class="{classes}"' if classes else ""
        if stack and tag == "td" and columns[i]:
            attribute += f' data-label="{html.escape(plain(columns[i]), quote=True)}"'
        return f"<{tag}{attribute}>{escape(value)}</{tag}>"

    head = "".join(cell("th", i, c) for i, c in enumerate(columns))
    body = "".join("<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>" for row in rows)
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    klass = "table-wrap stack" if stack else "table-wrap"
    markup = (f'<div class="{klass}"><table>{cap}<thead><tr>{head}</tr></thead>'
              f"<tbody>{body}</tbody></table></div>")
    text_rows = [" | ".join(plain(c) for c in columns)] + [" | ".join(plain(v) for v in row) for row in rows]
    return Block(markup, "\n".join(([plain(caption)] if caption else []) + text_rows))


def section(*blocks: Block) -> Block:
    """Several blocks shown as one output."""
    out = blocks[0]
    for block in blocks[1:]:
        out = out + block
    return out


def shaded_table(corner: str, row_names: list, column_names: list[str], counts: dict, css_class: str = "coverage",
                 number=str, vertical_headers: bool = False) -> Block:
    """A table whose cells are counts shaded by size (5 steps, white for none): a picture made of HTML.

    ``row_names`` are text or :class:`Markup` (a link); ``counts`` maps ``(row index, column index)`` to
    a count; ``number`` writes a count (the language's digits)."""
    top = max([n for n in counts.values() if n] or [1])
    klass = "vertical" if vertical_headers else ""
    head = "".join(f'<th class="{klass}"><span>{escape(c)}</span></th>' if klass else f"<th>{escape(c)}</th>"
                   for c in column_names)
    rows, text_rows = [], [" | ".join([plain(corner)] + [plain(c) for c in column_names])]
    for i, name in enumerate(row_names):
        cells, texts = [], []
        for j in range(len(column_names)):
            n = int(counts.get((i, j), 0) or 0)
            shade = 0 if n == 0 else max(1, -(-4 * n // top))
            cells.append(f'<td class="cell shade-{shade}">{escape(number(n)) if n else ""}</td>')
            texts.append(str(n) if n else "")
        rows.append(f"<tr><td>{escape(name)}</td>{''.join(cells)}</tr>")
        text_rows.append(" | ".join([plain(name)] + texts))
    markup = (f'<div class="table-wrap {css_class}"><table><thead><tr><th>{escape(corner)}</th>{head}</tr></thead>'
              f"<tbody>{''.join(rows)}</tbody></table></div>")
    return Block(markup, "\n".join(text_rows))
