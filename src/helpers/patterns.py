"""Small matching helpers on normalized text, shared by the steps that read numbers, dates and figures."""
from __future__ import annotations

import re


def last_match(regex: re.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
    """The last non-overlapping match of ``regex`` in ``text[pos:endpos]``, or None."""
    last = None
    for last in regex.finditer(text, pos, len(text) if endpos is None else endpos):
        pass
    return last


def ends_with_phrase(text: str, phrases: set[str], max_words: int) -> bool:
    """True when the last 1..``max_words`` words of ``text`` (lower-cased) form one of ``phrases``."""
    words = text.lower().split()
    return any(" ".join(words[-size:]) in phrases for size in range(1, min(max_words, len(words)) + 1))
