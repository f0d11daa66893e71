"""Small matching helpers on normalized text, shared by the steps that read numbers, dates and figures.

Most of the extractor's time goes into regular expressions tried on short windows of a sentence, and
most of those tries fail. :class:`Guarded` makes a failing try cheap without changing any result: it
knows words one of which every match must contain (read off the pattern itself), and looks for them
with ``str.find`` in the lower-cased text before running the pattern.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as sre  # the parsed form of a pattern; stable within one Python minor version
from re import _parser


def last_match(regex: re.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
    """The last non-overlapping match of ``regex`` in ``text[pos:endpos]``, or None."""
    last = None
    for last in regex.finditer(text, pos, len(text) if endpos is None else endpos):
        pass
    return last


def ends_with_phrase(text: str, phrases: set[str], max_words: int) -> bool:
    """True when the last 1..``max_words`` words of ``text`` (lower-cased) form one of ``phrases``."""
    # Only the last words are split off and lower-cased (lower-casing never makes or unmakes a space).
    words = text.rsplit(None, max_words)[-max_words:]
    return any(" ".join(words[-size:]).lower() in phrases for size in range(1, min(max_words, len(words)) + 1))


def required_words(pattern: str) -> tuple[str, ...]:
    """Lower-cased strings one of which every match of ``pattern`` contains; ``()`` when none can be told.

    Read off the parsed pattern: a run of literal characters is required; a group or a repeat of at
    least one is required when its content is; an alternation requires one of its branches' words.
    Of the requirements of a sequence, the one whose shortest word is longest is kept.
    """
    words = _required(_parser.parse(pattern)) or set()
    # A word that contains another of the set adds nothing: finding the shorter one is enough.
    return tuple(sorted(w for w in words if not any(other != w and other in w for other in words)))


def _required(items) -> set[str] | None:
    options: list[set[str]] = []
    run: list[str] = []

    def close_run():
        if run:
            options.append({"".join(run).lower()})
            run.clear()

    for op, arg in items:
        if op is sre.LITERAL:
            run.append(chr(arg))
            continue
        close_run()
        if op is sre.SUBPATTERN:
            found = _required(arg[-1])
        elif op is sre.BRANCH:
            branches = [_required(branch) for branch in arg[1]]
            found = set().union(*branches) if all(branches) else None
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and arg[0] >= 1:
            found = _required(arg[2])
        else:
            found = None  # a class, an anchor, a look-around or an optional part requires nothing
        if found:
            options.append(found)
    close_run()
    if not options:
        return None
    return max(options, key=lambda words: (min(map(len, words)), -len(words)))


# Characters that IGNORECASE matching equates with a letter although str.lower() maps them elsewhere
# (dotless i, long s, dotted capital I). A text holding one is searched without guards.
_FOLD_UNSAFE = re.compile("[\u0131\u017f\u0130]")


def fold(text: str) -> str | None:
    """``text`` lower-cased with the same offsets, for :meth:`Guarded.may_match`; None when unsafe."""
    folded = text.lower()
    if len(folded) != len(text) or _FOLD_UNSAFE.search(text):
        return None
    return folded


class Guarded:
    """A pattern (case-insensitive unless told) with the words its matches need (see :func:`required_words`).

    Every method gives exactly what the same method of the compiled pattern gives; ``folded`` is
    ``fold(text)``, computed once per text. The ``*_in`` methods run the pattern on a piece of the text
    that starts at ``pos`` (offsets into the piece, as the plain pattern on the piece would give them).
    """

    __slots__ = ("regex", "words")

    def __init__(self, pattern: str, flags: int = re.IGNORECASE):
        self.regex = re.compile(pattern, flags)
        self.words = required_words(pattern)

    def may_match(self, folded: str | None, pos: int, endpos: int) -> bool:
        """False only when no match can lie within ``[pos, endpos)``."""
        if folded is None or not self.words:
            return True
        for word in self.words:
            if folded.find(word, pos, endpos) >= 0:
                return True
        return False

    def search(self, text: str, folded: str | None, pos: int, endpos: int) -> re.Match | None:
        return self.regex.search(text, pos, endpos) if self.may_match(folded, pos, endpos) else None

    def match(self, text: str, folded: str | None, pos: int, endpos: int) -> re.Match | None:
        return self.regex.match(text, pos, endpos) if self.may_match(folded, pos, endpos) else None

    def last(self, text: str, folded: str | None, pos: int, endpos: int) -> re.Match | None:
        """The last non-overlapping match in ``text[pos:endpos]`` (see :func:`last_match`)."""
        return last_match(self.regex, text, pos, endpos) if self.may_match(folded, pos, endpos) else None

    def search_in(self, piece: str, folded: str | None, pos: int) -> re.Match | None:
        """``regex.search(piece)``, where ``piece`` is the text from ``pos`` on."""
        return self.regex.search(piece) if self.may_match(folded, pos, pos + len(piece)) else None

    def finditer_in(self, piece: str, folded: str | None, pos: int) -> Iterator[re.Match]:
        """``regex.finditer(piece)``, where ``piece`` is the text from ``pos`` on."""
        return self.regex.finditer(piece) if self.may_match(folded, pos, pos + len(piece)) else iter(())
