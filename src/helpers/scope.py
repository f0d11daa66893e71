"""Whose figure is it: the office's and the centre's totals, not another unit's and not a part of a total.

Reports about a People's Committee Office or a provincial service centre also give figures of other units
(``Văn phòng Đoàn ĐBQH và HĐND tỉnh đã tiếp nhận 1.985 văn bản``), of lower levels (``cấp huyện``,
``cấp xã``, ``các huyện``), of single departments (``Sở Công Thương 8 hồ sơ``), and splits of a total
(``6.482 hồ sơ, trong đó … 976 hồ sơ tiếp nhận trực tiếp``). A catalog metric is the unit's total, so such
figures are left out. :class:`SentenceScope` answers, for one sentence, whether a figure at a position is
another unit's or a part; it carries what the next sentence inherits (a sentence that opens without a
subject, ``Đã giải quyết …`` or ``Trong số này, …``, continues the one before).

Province-wide economic figures (growth, targets, ranks) are never another unit's: they are exempt.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .patterns import Guarded

# Another unit as the subject of a clause: a body of the Party or the People's Council, lower levels, the
# districts and communes, the departments one by one. ("Các cơ quan hành chính tỉnh" is the province's whole
# administration: not another unit.)
_OTHER_UNIT = Guarded(
    r"Đoàn (?:Đại biểu Quốc hội|ĐBQH)|\bHĐND\b|Hội đồng nhân dân|Tỉnh ủy|Ủy ban Kiểm tra|Ban Nội chính|"
    r"cấp huyện|cấp xã|các huyện|các xã|các địa phương|các sở|UBND các|"
    r"(?-i:Sở [A-ZĐ])|(?-i:Công an (?:tỉnh|thành phố))", re.IGNORECASE)
# The office, the centre or the province itself as the subject: a clause that names it is its own.
_OWN_UNIT = Guarded(r"Văn phòng(?! Đoàn| HĐND| Hội đồng| Tỉnh ủy)|Trung tâm|UBND tỉnh|Ủy ban nhân dân tỉnh|toàn tỉnh",
                    re.IGNORECASE)
# A sentence that opens without a subject of its own continues the sentence before.
_CONTINUATION_START = re.compile(r"\s*(?:Đã|Đang|Trong đó|Trong số|Gồm|Bao gồm|Còn|Cụ thể|Riêng)\b")
# "(KN 76, TC 143 và kiến nghị 3.448 đơn)" right after a total splits it too
_BREAKDOWN = Guarded(r"trong đó|trong số (?:này|đó)|bao gồm|\bgồm\b|cụ thể|\(", re.IGNORECASE)
# The chair's own citizen reception ("trong đó Chủ tịch UBND tỉnh tiếp công dân 11 kỳ") is reported as a figure of
# its own (the law sets the chair's reception days), not as a mere split of the total.
_CHAIR_SUBJECT = Guarded(r"(?<!Phó )Chủ tịch (?:UBND|Ủy ban nhân dân)", re.IGNORECASE)
_FAR_OR_NUMBERED = re.compile(r"\d|[^\d]{31}")
# A sentence that opens by singling out a part ("Riêng đoàn đông người có …") splits a total stated before it.
_BREAKDOWN_START = re.compile(r"\s*(?:Trong đó|Trong số (?:này|đó)|Cụ thể|Bao gồm|Gồm|Riêng)\b")
EXEMPT_GROUPS = {"economy"}


@dataclass
class SentenceScope:
    """Scope decisions inside the sentence ``text[start:end]`` (see the module doc).

    ``inherited_other``: the previous sentence ended in another unit's clause; ``previous_totals``: the
    metrics of the previous sentence's level figures (a sentence opening with ``Trong số này`` splits them).
    """

    text: str
    folded: str | None
    start: int
    end: int
    inherited_other: bool = False
    previous_totals: frozenset = frozenset()
    totals: dict = field(default_factory=dict)  # metric → end of its first level figure in this sentence
    _clauses: list = field(default_factory=list)  # (clause start, separator, is other) in text order

    def __post_init__(self) -> None:
        self.continues = _CONTINUATION_START.match(self.text, self.start) is not None
        self.opens_with_breakdown = _BREAKDOWN_START.match(self.text, self.start) is not None
        # Most sentences name no other unit and inherit none: then every answer is "no", found once here.
        self._never_other = not (self.inherited_other and self.continues) and not _OTHER_UNIT.may_match(
            self.folded, self.start, self.end)

    def _clause_start(self, position: int) -> tuple[int, str]:
        cut = max(self.text.rfind(";", self.start, position), self.text.rfind(":", self.start, position))
        return (cut + 1, self.text[cut]) if cut >= self.start else (self.start, "")

    def is_other_unit(self, position: int) -> bool:
        """True when the clause holding ``position`` is about another unit (its own words, or inherited).

        The unit named first in the clause is its subject ("Văn phòng … chỉ đạo các sở …" is the office's;
        "Văn phòng Đoàn ĐBQH và HĐND tỉnh đã tiếp nhận …" is not).
        """
        if self._never_other:
            return False
        clause_start, separator = self._clause_start(position)
        other = _OTHER_UNIT.search(self.text, self.folded, clause_start, position)
        own = _OWN_UNIT.search(self.text, self.folded, clause_start, position)
        if other is not None or own is not None:
            return own is None or (other is not None and other.start() < own.start())
        if separator == ";":  # a clause after ";" with no subject of its own continues the clause before
            return self.is_other_unit(clause_start - 1)
        if separator == ":":  # "… cho biết: …", "… gồm: …": a new statement
            return False
        return self.inherited_other and self.continues

    def is_part(self, metric: str, position: int) -> bool:
        """True when a level figure of ``metric`` at ``position`` splits a total of the same metric."""
        total_end = self.totals.get(metric)
        if total_end is not None:
            marker = _BREAKDOWN.search(self.text, self.folded, total_end, position)
            if marker is not None and marker.group(0) == "(" and (
                    ")" in self.text[marker.end():position] or _FAR_OR_NUMBERED.search(self.text, total_end, marker.start())):
                # Only a parenthesis that opens right after the total and is still open splits it
                # ("3.321 đơn (KN 76, TC 143 …)"), not a later one ("11 kỳ (26 lượt) và 01 kỳ đột xuất (01 lượt)").
                marker = None
            if marker is not None:
                return _CHAIR_SUBJECT.search(self.text, self.folded, total_end, position) is None
        return self.opens_with_breakdown and metric in self.previous_totals

    def excludes(self, metric: str, group: str, kind: str, position: int, end: int, can_be_total: bool = True) -> bool:
        """Whether the figure is left out; a kept level figure becomes a possible total for later parts
        (unless ``can_be_total`` is False: a stand-in such as petitions received for petitions handled)."""
        if group in EXEMPT_GROUPS:
            return False
        if self.is_other_unit(position):
            return True
        if self.is_part(metric, position):
            return True  # a part, or the change of a part
        if kind == "level":
            if can_be_total:
                self.totals.setdefault(metric, end)
        return False

    def ends_other(self) -> bool:
        """What the next sentence inherits: is the last clause of this one another unit's?"""
        return self.is_other_unit(self.end)
