"""Guarded patterns give exactly what their regular expressions give, only faster."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from helpers import dates, figures
from helpers.patterns import Guarded, ends_with_phrase, fold, last_match, required_words


def _all_guarded() -> list[Guarded]:
    found = {id(g): g for module in (figures, dates) for g in vars(module).values() if isinstance(g, Guarded)}
    for rule_set in figures._RULES_FOR.values():
        for group in [rule_set.without_noun] + [group for _noun_group, group in rule_set.with_noun]:
            for compiled in group:
                found.update({id(g): g for g in compiled[2:] if g is not None})
    return list(found.values())


GUARDED = _all_guarded()


@pytest.mark.parametrize("pattern, words", [
    (r"tiếp nhận|nhận được|văn bản đến", ("nhận được", "tiếp nhận", "văn bản đến")),
    (r"(?:số |tổng số )?văn bản đến(?: là|:)?\s*$", ("văn bản đến",)),
    (r"\b(?:dự )?ước(?: tính)?\s*$", ("ước",)),
    (r"Cổng|GRDP", ("cổng", "grdp")),  # lower-cased: the check runs on the lower-cased text
    (r"(?:a|b)?c*", ()),  # nothing is required
    (r"tiếp|tiếp nhận", ("tiếp",)),  # a word that contains another adds nothing
])
def test_required_words(pattern, words):
    assert required_words(pattern) == words


def test_every_engine_pattern_has_a_guard():
    # Not a correctness condition, but a guard that stops existing would silently cost speed.
    unguarded = [g.regex.pattern for g in GUARDED if not g.words]
    assert unguarded == []
    assert len(GUARDED) > 40


def test_fold_refuses_characters_ignorecase_treats_differently():
    assert fold("Văn Bản") == "văn bản"
    for odd in ("\u0131", "\u017f", "\u0130"):  # dotless i, long s, dotted capital I
        assert fold(f"t{odd}ếp nhận") is None


_COMMON = list(" ,.;:%/()0123456789\n") + [
    "2023", "năm ", "hơn ", "so với năm 2022", "\u0131", "\u017f", "\u0130", "thứ 2/14", "đạt 99,98%", "TTHC",
    "văn bản", "hồ sơ", "không ", "chưa ", "a", "đ"]


def _pieces(guarded: Guarded) -> list[str]:
    words = list(guarded.words)
    return words + [w.upper() for w in words] + [w.title() for w in words] + _COMMON


@pytest.mark.parametrize("guarded", GUARDED, ids=[g.regex.pattern[:40] for g in GUARDED])
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_guards_never_change_a_result(guarded, data):
    # Pieces: the pattern's words and common text, and strings the pattern itself matches.
    matching = st.from_regex(guarded.regex, fullmatch=True).filter(lambda piece: len(piece) < 60)
    pieces = data.draw(st.lists(st.sampled_from(_pieces(guarded)) | matching, max_size=20))
    text = "".join(pieces)
    folded = fold(text)
    # Windows mostly start and end where pieces meet, as a number's window ends where the number starts.
    bounds = sorted({0, len(text)} | {len("".join(pieces[:i])) for i in range(len(pieces))})
    pos = data.draw(st.sampled_from(bounds) | st.integers(0, len(text)))
    endpos = data.draw(st.sampled_from([b for b in bounds if b >= pos]) | st.integers(pos, len(text)))
    plain = guarded.regex
    assert _span(guarded.search(text, folded, pos, endpos)) == _span(plain.search(text, pos, endpos))
    assert _span(guarded.match(text, folded, pos, endpos)) == _span(plain.match(text, pos, endpos))
    assert _span(guarded.last(text, folded, pos, endpos)) == _span(last_match(plain, text, pos, endpos))
    piece = text[pos:endpos]
    assert _span(guarded.search_in(piece, folded, pos)) == _span(plain.search(piece))
    assert [m.span() for m in guarded.finditer_in(piece, folded, pos)] == [m.span() for m in plain.finditer(piece)]


def _span(m: re.Match | None):
    return m.span() if m else None


@given(st.lists(st.sampled_from(["năm", "Giai", "đoạn", "giai đoạn", "Nhiệm kỳ", "x", " ", "  ", "\t", "\n", "(", "từ"]),
                max_size=10).map("".join), st.integers(1, 3))
def test_ends_with_phrase_is_the_plain_check(text, max_words):
    phrases = {"năm", "giai đoạn", "nhiệm kỳ", "từ năm", "x giai đoạn"}
    words = text.lower().split()
    plain = any(" ".join(words[-size:]) in phrases for size in range(1, min(max_words, len(words)) + 1))
    assert ends_with_phrase(text, phrases, max_words) == plain
