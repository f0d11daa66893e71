"""Normalized text → sentences with their offsets.

A sentence ends at a line break, or at ``.``, ``!``, ``?``, ``…`` followed by a space and a capital,
a quote or an opening bracket, unless the dot closes a common abbreviation (``TP.``, ``ThS.``).
"""
from __future__ import annotations

import re

_ABBREVIATIONS = ("TP", "Tp", "ThS", "TS", "PGS", "GS", "BS", "KS", "Th.S", "v.v", "Q", "P", "TT", "St")
_END_RE = re.compile(r"[.!?…]+[\"”’)]*\s+(?=[A-ZÀ-ỸĐ\"“(‘'0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-empty sentence of ``text``, in order; ``end`` is exclusive."""
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        cursor = line_start
        for m in _END_RE.finditer(text, line_start, line_end):
            head = text[cursor:m.start()]
            last_word = head.rsplit(None, 1)[-1] if head.split() else ""
            if last_word.rstrip(".") in _ABBREVIATIONS and text[m.start()] == ".":
                continue
            _append(spans, text, cursor, m.start() + len(m.group().rstrip()))
            cursor = m.end()
        _append(spans, text, cursor, line_end)
        line_start = line_end + 1
    return spans


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
