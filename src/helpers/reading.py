"""Raw bytes → normalized text.

This is the door of the pipeline: every later step trusts that the text it gets is NFC, uses one
tone-mark placement (``Hóa``, ``Ủy``), has ``\\n`` line ends and plain spaces.

``read_report(path)`` returns a :class:`ReadResult` with the text or a rejection reason; it never raises
for bad input.
"""
from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser as HTMLParser

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MAX_BYTES = 5 * 1024 * 1024  # a news article is a few tens of KB; 5 MB is surely not one report

# ---------------------------------------------------------------------------------------------
# Tone-mark placement. Vietnamese writes the tone of the open syllables oa, oe, uy either on the
# first vowel ("hóa", the form the contract asks for) or on the second ("hoá"). We move it to the first
# vowel when the pair ends the syllable (``hoàn`` keeps its tone on ``a``) and ``u`` is not part of
# ``qu`` (``quý`` is right as it is). The table is built from unicodedata rather than typed by hand.
# ---------------------------------------------------------------------------------------------
_TONES = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]  # grave, acute, hook, tilde, dot below
_PAIRS = [("o", "a"), ("o", "e"), ("u", "y")]


def _build_tone_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for first, second in _PAIRS:
        for f_case in (first.lower(), first.upper()):
            for s_case in (second.lower(), second.upper()):
                for tone in _TONES:
                    old = f_case + unicodedata.normalize("NFC", s_case + tone)
                    new = unicodedata.normalize("NFC", f_case + tone) + s_case
                    table[old] = new
    return table


_TONE_TABLE = _build_tone_table()
_VI_LETTER = "A-Za-zÀ-ỹĐđ"
# A pattern that starts with a character class lets the regex engine skip ahead in C; the two checks
# it cannot express that way (the pair is one of the table's, "qu" keeps its tone) are made on the
# rare matches.
_TONE_RE = re.compile("[oOuU][" + "".join(sorted({key[1] for key in _TONE_TABLE})) + f"](?![{_VI_LETTER}])")


def _place_tone(match: re.Match) -> str:
    pair = match.group(0)
    start = match.start()
    if start and match.string[start - 1] in "qQ":
        return pair
    return _TONE_TABLE.get(pair, pair)


_ODD_SPACES = "\t\u00a0\u2000-\u200a\u202f\u205f\u3000"
# Runs of white space that are not already one plain space: two or more, or any other kind of space.
_SPACE_RE = re.compile(f"(?: [ {_ODD_SPACES}]+|[{_ODD_SPACES}][ {_ODD_SPACES}]*)")
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width characters and the soft hyphen
_ZERO_WIDTH_RE = re.compile(f"[{_ZERO_WIDTH}]")
_BLANK_LINES_RE = re.compile(r"\n{3,}")
# Anything the slower clean-up steps would change; most reports have none of it.
_NEEDS_CLEANING_RE = re.compile(f"[\r{_ZERO_WIDTH}{_ODD_SPACES}]|  ")


def normalize_text(text: str) -> str:
    """Return ``text`` in the project's one canonical form.

    NFC; one tone placement (``Hoá``→``Hóa``, ``Uỷ``→``Ủy``); CRLF/CR → LF; non-breaking and other
    wide spaces → one plain space; zero-width characters and soft hyphens removed; trailing spaces
    stripped; at most one blank line in a row.
    """
    needs_cleaning = _NEEDS_CLEANING_RE.search(text) is not None
    if needs_cleaning:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = _ZERO_WIDTH_RE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _TONE_RE.sub(_place_tone, text)
    if needs_cleaning:
        text = _SPACE_RE.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    if "\n\n\n" in text:  # also made by stripping lines that held only spaces
        text = _BLANK_LINES_RE.sub("\n\n", text)
    return text.strip() + "\n" if text.strip() else ""


# ---------------------------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------------------------
class Rejected(Exception):
    """Raised inside this module for an input that cannot be read; carries a reason code."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "a legacy Office document",
    b"\x1f\x8b": "a gzip archive",
}

# Letters a Vietnamese text may contain after NFC (plus the Latin letters of loan words).
_VI_ALPHABET = set(
    unicodedata.normalize("NFC", c)
    for c in (
        "abcdefghijklmnopqrstuvwxyz"
        "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    )
)


_LETTER_RE = re.compile(r"[^\W\d_]")
# UTF-8 Vietnamese decoded twice leaves these (à → "Ã ", đ → "Ä‘", ư → "Æ°", ạ → "áº¡"). "Ã" alone is no sign:
# it is a capital Vietnamese letter ("XÃ HỘI" in a menu); it is one inside a lower-case word or before a cp1252
# symbol. A text without any sign cannot be double-encoded, so the slower letter count only runs when one appears.
_MOJIBAKE_RE = re.compile("(?<=[" + "".join(sorted(_VI_ALPHABET)) + "])Ã|Ã[\u00a1-\u00bf\u2013-\u203a\u20ac\u2122]"
                           "|Ä‘|Æ°|á[º»¹]")
_FOREIGN_LETTER_RE = re.compile("[^\\W\\d_" + "".join(sorted(_VI_ALPHABET)) + "]")


def _looks_vietnamese(text: str) -> bool:
    """True when nearly every letter belongs to the Vietnamese alphabet (mojibake fails this)."""
    lowered = text.lower()
    letters = len(_LETTER_RE.findall(lowered))
    if not letters:
        return True
    foreign = len(_FOREIGN_LETTER_RE.findall(lowered))
    # Double-encoded UTF-8 ("Ã¡") and legacy encodings read as cp1258 leave many foreign letters.
    return foreign / letters < 0.01 and not _MOJIBAKE_RE.search(text)




def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode raw bytes; return (text, encoding name). Raises :class:`Rejected` when unreadable.

    Accepts UTF-8 (with or without BOM), UTF-16 (with BOM, or without when every other byte is NUL)
    and Windows-1258. Any other legacy encoding (TCVN3, VNI) is rejected rather than read as garbage.
    """
    if not data.strip():
        raise Rejected("empty", "The file is empty or holds only white space.")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise Rejected("not_text", f"The file is {what}, not a text or HTML report.")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    sample = data[:4000]
    if len(sample) >= 4 and sample.count(0) >= len(sample) // 3:
        even_nul = sample[0::2].count(0)
        odd_nul = sample[1::2].count(0)
        encoding = "utf-16-be" if even_nul > odd_nul else "utf-16-le"
        return _strict(data, encoding), encoding
    if b"\x00" in data:
        raise Rejected("not_text", "The file contains NUL bytes: it is binary, not text.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
            raise Rejected(
                "truncated",
                f"The file ends in the middle of a UTF-8 character (byte {error.start}): it was cut off.",
            ) from None
        return _legacy(data, error), "cp1258"
    if _MOJIBAKE_RE.search(text) and not _looks_vietnamese(text):
        raise Rejected("bad_encoding", "The text decodes as UTF-8 but reads as mojibake (double-encoded).")
    return text, "utf-8"


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise Rejected("bad_encoding", f"Not valid {encoding} at byte {error.start}.") from None
    if encoding.startswith("utf-8") and not _looks_vietnamese(text):
        raise Rejected("bad_encoding", "The text reads as mojibake (double-encoded).")
    return text


def _legacy(data: bytes, error: UnicodeDecodeError) -> str:
    text = data.decode("cp1258", errors="replace")
    if "\ufffd" in text or not _looks_vietnamese(unicodedata.normalize("NFC", text)):
        raise Rejected(
            "bad_encoding",
            f"Not UTF-8 (invalid byte at {error.start}) and not Windows-1258 either: probably a legacy "
            "Vietnamese encoding such as TCVN3 or VNI. Convert it to UTF-8 and run again.",
        )
    return text


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------
_DROP_TAGS = ["script", "style", "noscript", "template", "iframe", "svg", "nav", "footer", "header",
              "aside", "form", "button", "select", "menu", "head"]
_DROP_CLASS_RE = re.compile(
    r"(^|[-_\s])(nav|navbar|menu|footer|sidebar|breadcrumbs?|share|social|comments?|related|banner|ads?|"
    r"advert|widget|counter|copyright|tags?|pagination|login|search|other-news|tin-khac|lien-quan)([-_\s]|$)",
    re.IGNORECASE,
)
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
               "table", "ul", "ol", "blockquote", "figcaption", "td", "th", "dd", "dt"}


def split_html(html: str) -> tuple[str, str]:
    """Reduce an HTML page to (article text, footer text), from one parse.

    The article: title first, then the article's blocks, one per line. Scripts, styles, navigation,
    headers, footers and elements whose class or id names site furniture (menus, sidebars, share bars,
    related news) are removed; when the page has an ``<article>`` or a ``<main>``, only that is kept.

    The footer (owner, copyright, address) is kept apart: it never yields figures, but it names the
    portal's owner ("Cơ quan chủ quản: UBND tỉnh X"), a last textual clue to the province.
    """
    tree = HTMLParser(html)
    title_node = tree.css_first("h1") or tree.css_first("title")
    title = title_node.text(separator=" ", strip=True) if title_node else ""
    owner = "\n".join(node.text(separator="\n", strip=True) for node in
                      tree.css("footer, [class*=footer], [id*=footer], [class*=copyright], [id*=copyright]"))
    for node in tree.css(",".join(_DROP_TAGS)):
        node.decompose()
    for node in tree.css("[class], [id]"):
        names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if _DROP_CLASS_RE.search(names) and node.tag not in ("html", "body"):
            node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        return title, owner
    lines: list[str] = []
    _collect_lines(root, lines)
    body = "\n".join(line for line in (" ".join(l.split()) for l in lines) if line)
    if title and not body.startswith(title):
        body = title + "\n" + body
    return body, owner


def _collect_lines(node, lines: list[str]) -> None:
    """Walk the tree iteratively, starting a new line at every block element."""
    parts: list[str] = []
    stack = [(node, False)]
    while stack:
        item, closing = stack.pop()
        if closing:
            parts.append("\n")
            continue
        if item.tag == "-text":
            parts.append(item.text(deep=False) or "")
            continue
        is_block = item.tag in _BLOCK_TAGS
        if is_block:
            parts.append("\n")
            stack.append((item, True))
        children = []
        child = item.child
        while child is not None:
            children.append(child)
            child = child.next
        for child in reversed(children):
            stack.append((child, False))
    lines.extend("".join(parts).split("\n"))


# ---------------------------------------------------------------------------------------------
@dataclass
class ReadResult:
    """The outcome of reading one file: ``text`` when accepted, else ``reason`` and ``detail``."""

    path: Path
    text: str = ""
    encoding: str = ""
    reason: str = ""
    detail: str = ""
    furniture: str = ""  # page text outside the article (an HTML page's footer), normalized
    sha256: str = ""  # of the file's bytes, once they could be read (duplicate files are found by it)

    @property
    def ok(self) -> bool:
        return not self.reason


def read_bytes(data: bytes, suffix: str, path: Path | None = None) -> ReadResult:
    """Decode, reduce HTML and normalize ``data``; never raises for bad content."""
    result = ReadResult(path=path or Path("<bytes>"))
    if len(data) > MAX_BYTES:
        result.reason, result.detail = "too_large", _too_large(len(data))
        return result
    try:
        text, result.encoding = decode_bytes(data)
    except Rejected as rejected:
        result.reason, result.detail = rejected.reason, rejected.detail
        return result
    is_html = suffix.lower() in HTML_SUFFIXES or (
        suffix.lower() not in TEXT_SUFFIXES and re.match(r"\s*<(!doctype html|html)", text, re.I))
    if is_html:
        text, owner = split_html(text)
        result.furniture = normalize_text(owner)
    result.text = normalize_text(text)
    if not result.text:
        result.reason, result.detail = "empty", "No text is left once the page furniture is removed."
    return result


def _too_large(size: int) -> str:
    return f"{size:,} bytes is more than the {MAX_BYTES:,} a single report may have."


def read_report(path: Path) -> ReadResult:
    """Read one report file from disk (see :func:`read_bytes`), with the SHA-256 of its bytes.

    A file larger than ``MAX_BYTES`` is refused by its size, without being read.
    """
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return ReadResult(path=path, reason="too_large", detail=_too_large(size))
        data = path.read_bytes()
    except OSError as error:
        return ReadResult(path=path, reason="unreadable", detail=f"Cannot read the file: {error.strerror}.")
    result = read_bytes(data, path.suffix, path)
    result.sha256 = hashlib.sha256(data).hexdigest()
    return result
