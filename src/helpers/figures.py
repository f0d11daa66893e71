"""Catalog rules → facts with their sentence and offsets.

How a figure is recognised. Vietnamese reports state a figure as *verb + number + noun*
(``tiếp nhận 52.200 văn bản đến``), *noun + đạt + number* (``tỷ lệ đơn giản hóa đạt 65%``), as an
``x/y`` form (``18/20 chỉ tiêu … đạt và vượt``, ``xếp thứ 2/14 tỉnh``), as a rate after a count
(``xử lý đúng hạn 32.152 hồ sơ, văn bản, đạt 99,98%``), or as a change against an earlier period
(``tăng 7.127 nhiệm vụ so với năm 2020``).

Each :class:`Rule` names a metric and up to three tests on the text around one number:

* ``noun``: what must follow the number (the thing counted), matched at the number's end;
* ``before``: a cue that must stand before the number in the same clause (within ``near`` chars,
  not across ``;``); the *closest* cue wins when several metrics share a noun
  (``công bố bãi bỏ 178 TTHC`` is abolished, not announced);
* ``after``: a cue that may stand after the noun instead (``18/20 chỉ tiêu … đạt và vượt``).

A rule with a noun and no cue is specific by its noun alone (``lượt công dân``) and beats cue rules.
Numbers that are not quantities (dates, document numbers, ordinals; see :mod:`helpers.numbers`),
numbers inside quotation marks (slogans such as “5 đúng, 4 rõ, 3 bảo đảm”) and percentages that
measure an excess over a target (``vượt 0,2% chỉ tiêu``) never produce a fact.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress
from typing import NamedTuple

from .catalog import load_catalog
from .numbers import Number, find_numbers
from .patterns import Guarded, fold
from .scope import SentenceScope
from .sentences import split_sentences

I = re.IGNORECASE
TTHC = r"(?:thủ tục hành chính|TTHC|thủ tục)"
DOCS = r"(?:văn bản(?:,| và)? hồ sơ|hồ sơ(?:,| và)? (?:văn bản|công văn)|văn bản|công văn|hồ sơ công việc)"
# "đã nhận 28.817 hồ sơ": received, unlike xác nhận (confirm), chấp nhận (accept), thừa nhận, ghi nhận, nhận thức
RECEIVED = r"(?<!xác )(?<!chấp )(?<!thừa )(?<!ghi )(?<!tiếp )\bnhận(?: tổng cộng| tổng số| được)?\s*$"
# "HS" is how tables and headlines abbreviate hồ sơ (upper case only: "hs" is no abbreviation)
DOSSIER = r"(?:lượt )?(?:hồ sơ|(?-i:HS)\b)(?!(?:,| và)? (?:văn bản|công văn)| công việc)"
# "tiếp" that means receiving citizens, not "tiếp nhận" (receive), "tiếp tục" (continue) or "tiếp thu".
LATE = r"quá hạn|trễ hạn|chậm|trễ|tồn"  # late or pending: an on-time cue before these does not reach past them
RECEIVE_CITIZENS = r"tiếp (?:công )?dân|tiếp định kỳ|tiếp thường xuyên|tiếp đột xuất|\btiếp(?! nhận| tục| thu| theo| cận| xúc| đó)"


@dataclass(frozen=True)
class Rule:
    metric: str
    noun: str | None = None
    before: str | None = None
    after: str | None = None
    not_after: str | None = None
    near: int = 100
    percent: bool = False
    rank: bool = False
    blockers: str | None = None  # a cue does not count when this stands between it and the number
    spans_numbers: bool = False  # the cue may stand before an earlier number ("GRDP đạt 12.794 tỷ đồng, tăng 8,07%")
    fraction_only: bool = False  # only for x/y: the noun is too loose for a plain count
    whole_only: bool = False  # not for x/y: in "20.280/22.229 hồ sơ đã tiếp nhận" the cue describes the y
    not_before: str | None = None  # the rule does not apply when this stands in the clause before the number
    loose: bool = False  # a stand-in: dropped when the same sentence states the metric by a rule that is not loose


RULES: tuple[Rule, ...] = (
    # --- office: documents ------------------------------------------------------------------
    Rule("docs_received", noun=r"(?:văn bản|công văn) đến"),
    Rule("docs_received", before=r"(?:số |tổng số )?văn bản đến(?: là|:| đạt)?\s*$", near=30),
    Rule("docs_received", noun=DOCS, before=r"tiếp nhận|nhận được|văn bản đến|" + RECEIVED, whole_only=True,
         after=r"^[^.;,\d]{0,15}?(?:được |đã được )?tiếp nhận"),
    Rule("docs_issued", noun=r"(?:văn bản|công văn) đi"),
    Rule("docs_issued", before=r"(?:số |tổng số )?văn bản (?:đi|ban hành|phát hành)(?: là|:| đạt)?\s*$", near=30),
    Rule("docs_issued", noun=DOCS, before=r"ban hành|phát hành|văn bản đi|trình ký|dự thảo|soạn thảo",
         after=r"^[^.;,\d]{0,15}?(?:được |đã được )?(?:ban hành|phát hành)"),
    Rule("docs_on_time", noun=DOCS, before=r"đúng hạn|đúng thời hạn", near=40, blockers=LATE),
    Rule("docs_on_time_rate", percent=True, before=r"văn bản[^;%\d]{0,60}?(?:đúng hạn|đúng thời hạn)"
                                                   r"|(?:đúng hạn|đúng thời hạn)[^;%\d]{0,30}?văn bản",
         after=r"^\s*(?:hồ sơ,\s*)?văn bản[^.;\d]{0,30}?(?:đúng hạn|đúng thời hạn)"),
    # --- office: tasks and meetings ---------------------------------------------------------
    Rule("tasks_assigned", before=r"(?:số |tổng số )?nhiệm vụ (?:được )?giao(?: là|:)?\s*$", near=30),
    Rule("tasks_completed", before=r"(?:số )?nhiệm vụ (?:đã )?hoàn thành(?: là|:)?\s*$", near=30),
    Rule("tasks_assigned", noun=r"nhiệm vụ", before=r"theo dõi|đôn đốc|được giao|\bgiao\b", near=80,
         after=r"^[^.;\d]{0,50}?\b(?:được|do)\b[^.;\d]{0,50}?\bgiao\b"),
    # "hoàn thành 140/145 nội dung" of the work programme: completed items, when written x/y
    Rule("tasks_completed", noun=r"nội dung|công việc|đề án", before=r"hoàn thành", near=40, fraction_only=True),
    Rule("tasks_completed", noun=r"nhiệm vụ", before=r"hoàn thành", near=40,
         after=r"^\s*(?:đã |được )?hoàn thành"),
    Rule("meetings_regular", noun=r"(?:cuộc |phiên |kỳ )?họp(?: của)?(?: UBND| Ủy ban nhân dân)?(?: tỉnh| thành phố)? "
                                  r"(?:thường|định) kỳ|phiên họp thường lệ|(?:cuộc|phiên) thường kỳ"),
    Rule("meetings_regular", noun=r"(?:cuộc|phiên)(?! họp)", before=r"họp (?:thường|định) kỳ|phiên thường kỳ", near=40),
    Rule("meetings_thematic", noun=r"(?:cuộc |phiên )?họp(?: của)?(?: UBND| Ủy ban nhân dân)?(?: tỉnh| thành phố)? "
                                   r"chuyên đề|hội nghị chuyên đề|(?:cuộc|phiên) chuyên đề"),
    Rule("meetings_thematic", noun=r"(?:cuộc|phiên)(?! họp)", before=r"họp chuyên đề", near=40),
    Rule("meetings_served", noun=r"(?:cuộc|phiên) họp(?!(?: của)?(?: UBND| Ủy ban nhân dân)?(?: tỉnh| thành phố)? "
                                 r"(?:thường kỳ|định kỳ|chuyên đề))|(?:cuộc )?hội nghị(?! chuyên đề)|"
                                 r"(?:cuộc|buổi) làm việc|buổi họp",
         before=r"phục vụ|tổ chức|chuẩn bị|chủ trì", near=60),
    # --- citizens ----------------------------------------------------------------------------
    Rule("citizen_sessions", noun=r"(?:kỳ|buổi|phiên|đợt|cuộc) tiếp (?:công )?dân"),
    Rule("citizen_sessions", noun=r"(?:kỳ|buổi|phiên|lần|đợt)(?! họp)", before=RECEIVE_CITIZENS, near=120),
    # "giải thích, hướng dẫn 03 lượt công dân đến cơ quan có thẩm quyền": guided elsewhere, not received
    # Visits are counted whole: "3/3 lượt tiếp công dân" is a share of them by subject, not a count.
    Rule("citizens_received", noun=r"lượt (?:tiếp )?(?:công dân|người dân|người)|lượt tiếp(?! nhận| tục)",
         not_before=r"hướng dẫn|giải thích", whole_only=True),
    Rule("citizens_received", noun=r"lượt(?! đoàn)|công dân|người", before=RECEIVE_CITIZENS, near=60, whole_only=True,
         not_before=r"hướng dẫn|giải thích"),
    Rule("petitions_handled", noun=r"lượt đơn(?:,| và)? thư|lượt đơn"),
    # "đang xử lý 35 đơn": still pending, not handled
    Rule("petitions_handled", noun=r"đơn(?:,| và)? thư|đơn\b", before=r"xử lý|giải quyết|phân loại",
         near=60, after=r"^[^.;,\d]{0,25}?(?:được |đã được )?(?:xử lý|giải quyết)",
         not_before=r"\bđang (?:được )?(?:xử lý|giải quyết|xem xét)"),
    # Petitions received stand for those handled only when the sentence gives no handled count of its own
    # ("tiếp nhận 988 đơn …; trong số đó đã xử lý 953 đơn").
    Rule("petitions_handled", noun=r"đơn(?:,| và)? thư|đơn\b", before=r"tiếp nhận|nhận", near=60, loose=True,
         after=r"^[^.;,\d]{0,25}?(?:được |đã được )?tiếp nhận"),
    # "tiếp nhận đơn để xử lý với 04 trường hợp": the petitions counted as cases
    Rule("petitions_handled", noun=r"trường hợp|vụ việc", before=r"(?:xử lý|tiếp nhận|giải quyết|nhận) (?:\w+ ){0,2}?đơn",
         near=50),
    # --- administrative procedures -----------------------------------------------------------
    Rule("procedures_announced", noun=TTHC, before=r"công bố", near=60,
         not_after=r"^[^.;\d]{0,20}?(?:bị |được )?(?:bãi bỏ|mới ban hành|sửa đổi|bổ sung|thay thế)"),
    Rule("procedures_abolished", noun=TTHC, before=r"bãi bỏ", near=40,
         after=r"^[^.;\d]{0,20}?(?:bị |được )?bãi bỏ"),
    Rule("procedures_simplified", noun=TTHC, before=r"đơn giản hóa", near=60,
         after=r"^[^.;\d]{0,20}?(?:được )?đơn giản hóa"
               # "143 TTHC/306 TTHC (đạt 46,73%) có kiến nghị … cắt giảm, đơn giản hóa": proposed for simplification
               r"|^\s*(?:\([^()]{0,30}\))?[^.;\d]{0,20}?(?:có |được )?(?:kiến nghị|đề xuất|phương án)[^.;\d]{0,120}?"
               r"đơn giản hóa"),
    Rule("procedures_simplified_rate", percent=True, before=r"đơn giản hóa", near=60),
    Rule("procedure_decisions", noun=r"quyết định công bố"),
    Rule("procedure_decisions", noun=r"quyết định", after=r"^\s*(?:để |nhằm )?công bố"),
    Rule("online_services", noun=r"dịch vụ công(?: trực tuyến)?|DVCTT|(?-i:DVC)(?: trực tuyến)?"),
    # "(1.397/1.725 TTHC) đã được cung cấp dịch vụ công trực tuyến mức độ 3, 4": procedures offered online
    Rule("online_services", noun=TTHC, after=r"^\)?[^.;\d]{0,20}?(?:được )?cung cấp (?:dưới dạng )?(?:dịch vụ công|DVC)"),
    # --- public administration service centre -------------------------------------------------
    Rule("dossiers_received", before=r"(?:số |tổng số )?hồ sơ (?:tiếp nhận|đã tiếp nhận|nhận được)(?: là|:| đạt)?\s*$",
         near=30),
    # Dossiers carried over from an earlier period ("3.061 hồ sơ do kỳ trước chuyển sang") were not received in it.
    Rule("dossiers_received", noun=DOSSIER, before=r"tiếp nhận|nhận được|tiếp nhận và giải quyết|" + RECEIVED, near=80,
         whole_only=True, after=r"^[^.;,\d]{0,20}?(?:được |đã được )?tiếp nhận",
         not_after=r"^[^.;\d]{0,30}?(?:trực tuyến|chuyển sang|tồn)"),
    Rule("dossiers_on_time", noun=DOSSIER, blockers=LATE,
         before=r"(?:đúng|trước)(?: và (?:đúng|trước))? (?:thời )?hạn|đúng thời hạn", near=40,
         after=r"^[^.;,\d]{0,30}?(?:đúng|trước)(?: và (?:đúng|trước))? (?:thời )?hạn",
         not_after=r"^[^.;,\d]{0,30}?(?:quá hạn|trễ hạn|chậm|trễ)"),
    Rule("dossiers_on_time_rate", percent=True,
         before=r"hồ sơ[^;%\d]{0,60}?(?:đúng|trước)(?: và (?:đúng|trước))? (?:thời )?hạn"
                r"|(?:đúng|trước)(?: và (?:đúng|trước))? hạn[^;%\d]{0,40}?hồ sơ"
                # "tỷ lệ giải quyết thủ tục hành chính đúng hạn đạt 99%": the dossiers of the procedures
                r"|tỷ lệ (?:giải quyết|xử lý)(?! văn bản)[^;%\d]{0,50}?(?:đúng|trước)(?: và (?:đúng|trước))? (?:thời )?hạn",
         after=r"^\s*(?:số )?hồ sơ[^.;\d]{0,40}?(?:đúng|trước)(?: và (?:đúng|trước))? hạn"),
    Rule("dossiers_online", noun=r"hồ sơ[^.;,\d]{0,25}?trực tuyến|hồ sơ (?:nộp |tiếp nhận )?(?:qua|trên) "
                                 r"(?:Cổng )?dịch vụ công"),
    # "… được thực hiện trực tuyến, trên tổng số 166.200 hồ sơ": the total is not the online part
    Rule("dossiers_online", noun=DOSSIER, before=r"trực tuyến", near=40, blockers=r"tổng số"),
    Rule("dossiers_postal", noun=DOSSIER, before=r"bưu chính|BCCI", near=60,
         after=r"^[^.;,\d]{0,20}?qua (?:dịch vụ )?bưu chính"),
    Rule("results_delivered_home", noun=r"(?:lượt )?(?:hồ sơ|kết quả)", before=r"tận nhà|tại nhà|tận tay", near=40,
         after=r"^[^.;,\d]{0,30}?(?:tận nhà|tại nhà)"),
    # --- portal ------------------------------------------------------------------------------
    Rule("news_published", noun=r"(?:tin(?:,| và)? bài|tin bài|bài viết|tin tức|tin)(?![\w])",
         before=r"đăng|biên soạn|cập nhật|đưa|xuất bản|Cổng", near=80,
         after=r"^[^.;\d]{0,40}?(?:Cổng|đăng|trang thông tin)"),
    Rule("photos_published", noun=r"(?:bức |hình )?ảnh(?![\w])",
         before=r"đăng|biên soạn|cập nhật|tin(?:,| và)? bài|Cổng", near=80,
         after=r"^[^.;\d]{0,40}?(?:Cổng|đăng|trang thông tin)"),
    Rule("portal_rank", rank=True, before=r"Cổng", near=120,
         blockers=r"chỉ số|PCI|PAR|PAPI|SIPAS|DTI|GRDP|tăng trưởng"),
    # --- economy -----------------------------------------------------------------------------
    Rule("targets_met", noun=r"chỉ tiêu", before=r"đạt(?: và vượt)?|vượt|hoàn thành", near=25,
         after=r"^[^.;\d]{0,60}?(?<!không )(?<!chưa )(?:đạt|vượt|hoàn thành)",
         not_after=r"^[^.;\d]{0,30}?(?:không|chưa) (?:đạt|hoàn thành)"),
    # GRDP per head ("GRDP bình quân đầu người đạt 65,2 triệu đồng, tăng 13,4%") is not the growth of GRDP.
    Rule("grdp_growth", percent=True, blockers=r"đầu người",
         before=r"tăng trưởng(?: kinh tế| GRDP)?|tốc độ tăng|GRDP|tổng sản phẩm", near=80,
         after=r"^\s*,\s*(?:tốc độ tăng trưởng|tăng trưởng kinh tế|GRDP)"),  # "Với mức tăng 12,8%, tốc độ tăng trưởng …"
    Rule("grdp_growth", percent=True, spans_numbers=True, near=220, blockers=r"đầu người",
         before=r"(?:GRDP|tổng sản phẩm)(?:(?!đầu người)[^;]){0,200}?,\s*(?:ước\s+)?tăng\s*$"),
    Rule("grdp_growth_rank", rank=True, before=r"tăng trưởng|tốc độ tăng|GRDP|tổng sản phẩm", near=200,
         blockers=r"chỉ số|PCI|PAR|PAPI|SIPAS|DTI|Cổng"),
)
RATE_OF = {"docs_on_time": "docs_on_time_rate", "dossiers_on_time": "dossiers_on_time_rate",
           "procedures_simplified": "procedures_simplified_rate"}

def _compile_rule(order: int, rule: Rule) -> tuple:
    return (order, rule,
            Guarded(rule.before) if rule.before else None,
            Guarded(rule.after) if rule.after else None,
            Guarded(rule.not_after) if rule.not_after else None,
            Guarded(rule.blockers) if rule.blockers else None,
            Guarded(rule.not_before) if rule.not_before else None)


class _RuleSet:
    """The rules that can apply to one kind of number, grouped by the noun they count.

    ``nouns`` matches every group's noun at once at a number's end: each noun sits in an optional
    lookahead with a group of its own, so one call tells which nouns follow the number and where each
    ends (one regular-expression call instead of one per noun, for every number of every report).
    """

    def __init__(self, keep):
        groups: dict[str | None, list[tuple]] = {}
        for order, rule in enumerate(RULES):
            if keep(rule):
                groups.setdefault(rule.noun, []).append(_compile_rule(order, rule))
        nouns = [noun for noun in groups if noun is not None]
        self.nouns = re.compile("".join(rf"(?:(?=(\s*(?:{noun}))))?" for noun in nouns), I)
        self.without_noun = groups.get(None, [])
        # (group number in ``nouns``, the compiled rules of that noun), in group order: ``compress`` with the
        # match's groups keeps the nouns that follow the number (a noun's text is never empty).
        self.with_noun = [(number, groups[noun]) for number, noun in enumerate(nouns, start=1)]


_RANK_RULES = _RuleSet(lambda rule: rule.rank)
_RULES_FOR = {  # (is_rank, is_percent) → the rules that can apply to such a number
    (True, False): _RANK_RULES,
    (True, True): _RANK_RULES,  # after a rank cue, the same rules whether or not a percent sign follows
    (False, True): _RuleSet(lambda rule: not rule.rank and rule.percent),
    (False, False): _RuleSet(lambda rule: not rule.rank and not rule.percent),
}
_AFTER_REACH = 160
_PLAN_BEFORE = Guarded(r"\b(?:phấn đấu|dự kiến|sẽ|cần|phải|đề ra mục tiêu|mục tiêu (?:là|đến)|kế hoạch năm \d{4} "
                       r"(?:là|đặt ra)|ít nhất|tối thiểu)\b")
_BREAKDOWN = Guarded(r"trong đó|bao gồm|gồm có|cụ thể")  # no after-cue or exclusion looks further than this past the noun

_RANK_CUE = Guarded(r"(?:xếp|đứng|vị trí|vị)(?:\s+hạng)?(?:\s+thứ)?\s*$|\bthứ\s*$|\bhạng\s*$")
_EXCESS_BEFORE = Guarded(r"(?:vượt|cao|thấp|nhiều|ít)\s*(?:hơn\s*)?$")
_CHANGE_BEFORE = Guarded(r"(?P<verb>tăng|giảm|nhiều hơn|ít hơn)\s*(?:thêm\s*)?$")
# The period compared with: "cùng kỳ năm 2018", "năm 2020", "năm trước", "tháng 9-2020", "kỳ trước".
_REFERENCE = (r"(?P<ref>cùng kỳ(?:\s+năm\s+(?:19|20)\d\d|\s+năm trước)?|năm\s+(?:19|20)\d\d|năm trước|"
              r"(?:tháng|kỳ|quý) trước|tháng\s+\d{1,2}\s*[-/]\s*(?:19|20)\d\d|(?:19|20)\d\d)")
# ... so với REF, possibly after a second number of the same change ("giảm 146 lượt tiếp và 127 lượt người so với …")
_REFERENCE_AFTER = Guarded(r"[^.;\d%]{0,40}?(?:\b(?:và|,)\s*\d[\d.,]*[^.;\d%]{0,25}?)?so (?:với\s+)?" + _REFERENCE)
# "So với tháng 9-2020, lượng HS tiếp nhận giảm 142 HS": the reference first, in the same clause.
_REFERENCE_BEFORE = Guarded(r"\bso (?:với\s+)?" + _REFERENCE + r"(?![\d/-])")
# "nhiều hơn năm trước là 4.519 hồ sơ": the verb, the reference, then the number.
_CHANGE_REFERENCE_BEFORE = Guarded(r"(?P<verb>tăng|giảm|nhiều hơn|ít hơn)\s+(?:so (?:với\s+)?)?" + _REFERENCE
                                   + r"\s*(?:là|:)?\s*$")
# "… 03 lượt đoàn đông người với 55 lượt người", "3 lượt đoàn (37 người)": the people of a count that is no
# figure belong to it.
_WITH_BEFORE = re.compile(r"[^.;\d]{0,30}\bvới\s*$", I)  # used with .match(text, pos, endpos): no "^"
_PAREN_BEFORE = re.compile(r"[^.;\d]{0,30}\(\s*$")
_PEOPLE_AFTER = re.compile(r"\s*(?:lượt\s+)?người\b", I)
_NO_NOUN_AFTER = re.compile(r"\s*(?:[,;]|\.(?:\s|$)|$)")
_THRESHOLD = re.compile(r"\s*[^\W\d_]+(?:\s+[^\W\d_]+)?\s+trở (?:lên|xuống)\b")
_IDIOM_ENDINGS = ("là", ":", "trước", "kỳ")  # what the idiom can end with, besides a year
# A rank after a rank: "đứng 14/63 tỉnh thành cả nước và 3/14 tỉnh vùng …", "xếp thứ 16 cả nước và thứ 3 khu vực".
_NEXT_RANK = re.compile(r"[^.;\d]{0,80}?(?:,|\bvà)\s*(?:(?:xếp |đứng )?(?:thứ|hạng)\s*)?$", I)
_CONTINUATION_BEFORE = re.compile(r"(?:,|\bvà)\s*$", I)
# Verbs of a new action: a cue before them belongs to an earlier figure, not to the number after them.
_ACTION_RE = Guarded(
    r"tiếp nhận|giải quyết|xử lý|ban hành|phát hành|công bố|bãi bỏ|đơn giản hóa|trả kết quả|tổ chức|phục vụ|"
    r"tham mưu|theo dõi|đôn đốc|hoàn thành|thực hiện|cập nhật|đăng|rà soát|chuyển|thẩm định|cấp|"
    r"chủ trì|biên soạn|số hóa|lưu trữ|\btiếp\b")
_ESTIMATE_BEFORE = Guarded(r"\b(?:dự )?ước(?: tính| thực hiện)?(?:\s+(?:đạt|tăng|khoảng))?\s*$")
_QUOTE_RE = re.compile(r"“[^”\n]{0,200}”|\"[^\"\n]{0,200}\"|‘[^’\n]{0,200}’")
_RATE_LINK = re.compile(r"^[^.;\d%]{0,60}?(?:đạt|chiếm|bằng|tỷ lệ|\()[^.;\d%]{0,15}$", I)


class Figure(NamedTuple):
    """One fact: a catalog metric stated in the text (a NamedTuple: every figure of every report makes one)."""

    metric: str
    kind: str  # level | change
    value: float
    qualifier: str
    denominator: float | None
    unit: str
    reference: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    noun_end: int = -1  # end of the counted noun after the number (internal: later cues start after it)
    loose: bool = False  # found by a stand-in rule (internal: see Rule.loose)


def _rank_reference(text: str, number: Number, limit: int) -> str:
    """``14 tỉnh vùng trung du và miền núi Bắc Bộ`` from ``xếp thứ 2/14 tỉnh vùng … Bộ, xếp …``."""
    tail = text[number.end:limit]
    m = re.match(r"\s*(.*?)(?=[;(\n]|\.(?:\s|$)|…|, (?!thành phố|thị xã)|$)", tail)
    group = (m.group(1) if m else "").strip(" ,.…")
    group = re.split(r"\s+(?:và|trong đó)\s+(?=xếp|đứng|thứ|hạng|\d)", group)[0]
    if number.denominator is None:
        return group
    den_raw = re.search(r"/\s*([\d.]+)", text[number.num_start:number.end]).group(1)  # the group's size as written
    return f"{den_raw} {group}".strip() if group else den_raw


def _candidates(text: str, folded: str | None, n: Number, windows: tuple[int, int, int], limit: int,
                elided_from: int | None = None) -> list[tuple]:
    """Every rule that fits number ``n``, scored by the distance of its cue (lower is better).

    ``windows`` is (clause start, action start, previous number end): rank rules look back over the
    whole clause (the subject that is ranked comes first: ``GRDP đạt 7,46%, xếp thứ 2/14``); other
    rules stop at the last verb of a new action after the previous number. Scores: a noun-only rule -1;
    a cue after the previous number its distance; a cue after the noun 500 + distance; a cue inherited
    from before the previous number (``11 kỳ (26 lượt) và 01 kỳ``) 1000 + distance.
    """
    rank_from = max(0, n.start - 25)
    is_rank = n.raw[:1].isalpha() or _RANK_CUE.search_in(text[rank_from:n.start], folded, rank_from) is not None
    rule_set = _RULES_FOR[(is_rank, n.is_percent)]
    # With ``elided_from``, the noun is the one after an earlier number; after-cues still start at this one.
    nouns = rule_set.nouns.match(text, n.end if elided_from is None else elided_from, limit)
    out = []
    for compiled in rule_set.without_noun:
        _score_rule(text, folded, n, windows, limit, n.end, compiled, out)
    for noun_group, group in compress(rule_set.with_noun, nouns.groups()):
        noun_end = n.end if elided_from is not None else nouns.end(noun_group)
        for compiled in group:
            _score_rule(text, folded, n, windows, limit, noun_end, compiled, out)
    if elided_from is not None:
        out = [item for item in out if item[0] >= 0]  # a borrowed noun decides nothing alone: a verb must
    out.sort(key=lambda item: (item[0], item[1]))
    return out


def _score_rule(text, folded, n, windows, limit, noun_end, compiled, out):
    """Append (score, order, rule, noun_end) to ``out`` when the compiled rule fits (see :func:`_candidates`)."""
    order, rule, before, after, not_after, blockers, not_before = compiled
    if (rule.whole_only and n.denominator is not None) or (rule.fraction_only and n.denominator is None):
        return
    if not_before and not_before.search(text, folded, windows[1], n.start):
        return
    after_text = text[noun_end:min(limit, noun_end + _AFTER_REACH)] if (after or not_after) else ""
    if not_after and not_after.search_in(after_text, folded, noun_end):
        return
    if not before and not after:
        out.append((-1.0, order, rule, noun_end))
        return
    score = None
    if before:
        window_start = max(windows[0] if rule.rank or rule.spans_numbers else windows[1], n.start - rule.near)
        last = before.last(text, folded, window_start, n.start)
        if last is not None and not (blockers and blockers.search(text, folded, last.end(), n.start)):
            score = float(n.start - last.end())
            if not rule.rank and not rule.spans_numbers and last.start() < windows[2]:
                # A cue before the previous figure carries over a plain list ("11 kỳ (26 lượt) và 01 kỳ"),
                # not to a rate, and not into a breakdown ("…, trong đó 1.200 TTHC cấp tỉnh").
                if rule.percent or _BREAKDOWN.search(text, folded, last.end(), n.start):
                    score = None
                else:
                    score += 1000.0
    if after and (score is None or score >= 1000):
        m = after.search_in(after_text, folded, noun_end)
        if m:
            score = 500.0 + m.end()
    if score is not None:
        out.append((score, order, rule, noun_end))


def extract_figures(text: str, body_end: int | None = None) -> list[Figure]:
    """All catalog figures in ``text[:body_end]``, in text order."""
    catalog = load_catalog()
    folded = fold(text)
    body_end = len(text) if body_end is None else body_end
    figures: list[Figure] = []
    other_unit_before, totals_before = False, frozenset()
    for s_start, s_end in split_sentences(text[:body_end]):
        quoted = [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text, s_start, s_end)]
        scope = SentenceScope(text, folded, s_start, s_end, other_unit_before, totals_before)
        sentence_first = len(figures)
        last_level: Figure | None = None
        last_figure: Figure | None = None
        last_number_end = s_start
        previous_was_figure = True
        for n in find_numbers(text, s_start, s_end, quantities_only=True):
            if any(a <= n.num_start < b for a, b in quoted) or not previous_was_figure and (
                    _WITH_BEFORE.match(text, last_number_end, n.start)
                    or _PAREN_BEFORE.match(text, last_number_end, n.start) and _PEOPLE_AFTER.match(text, n.end)):
                last_number_end = n.end
                previous_was_figure = False
                continue
            clause_start = max(text.rfind(";", s_start, n.start) + 1, s_start)
            action_start = clause_start
            if last_number_end > clause_start and _ACTION_RE.search(text, folded, last_number_end, n.start):
                action_start = last_number_end
            windows = (clause_start, action_start, last_number_end)
            figure = _figure_for(text, folded, n, windows, s_start, s_end, last_level, last_figure, last_number_end,
                                 catalog)
            last_number_end = n.end if figure is None else figure.noun_end
            previous_was_figure = figure is not None
            if figure is None:
                continue
            last_figure = figure
            if figure.kind == "level":
                last_level = figure
            if scope.excludes(figure.metric, catalog[figure.metric].group, figure.kind, figure.start, figure.end,
                              can_be_total=not figure.loose):
                continue
            figures.append(figure)
        _drop_stand_ins(figures, sentence_first)
        other_unit_before = scope.ends_other()
        totals_before = totals_before | frozenset(scope.totals)  # a later "Trong đó …"/"Riêng …" splits any of them
    return figures


def _drop_stand_ins(figures: list[Figure], first: int) -> None:
    """Remove the loose figures of ``figures[first:]`` (one sentence's) whose metric it also states precisely."""
    precise = {f.metric for f in figures[first:] if not f.loose}
    figures[first:] = [f for f in figures[first:] if not (f.loose and f.metric in precise)]


_ENGLISH_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")


def _figure_for(text, folded, n: Number, windows, s_start, s_end, last_level, last_figure, last_number_end,
                catalog) -> Figure | None:
    """The figure number ``n`` states in the sentence ``text[s_start:s_end]``, or None (see module doc)."""
    before_start = max(s_start, n.start - 30)
    before = text[before_start:n.start]
    value = n.value
    # "52,200 văn bản" written with an English thousands comma: a count is never fractional.
    if not n.is_percent and not n.scaled and "," in n.raw and _ENGLISH_THOUSANDS.fullmatch(n.raw):
        value = float(n.raw.replace(",", ""))

    qualifier = n.qualifier
    if qualifier == "exact" and _ESTIMATE_BEFORE.search_in(before, folded, before_start):
        qualifier = "about"  # "GRDP ước tăng 8,5%": an estimate

    # 1. A change against an earlier period: "tăng 7.127 nhiệm vụ so với năm 2020", "so với cùng kỳ … giảm 61
    # lượt", "nhiều hơn năm trước là 4.519 hồ sơ".
    reference = _REFERENCE_AFTER.match(text, folded, n.end, s_end)
    change = _CHANGE_BEFORE.search_in(before, folded, before_start)
    reference_first = False
    if not reference and (change or (last_figure is not None and last_figure.kind == "change")):
        reference = _REFERENCE_BEFORE.last(text, folded, windows[0], n.start)
        reference_first = reference is not None
    tail = before.rstrip()
    if not change and (tail.endswith(_IDIOM_ENDINGS) or tail[-1:].isdigit()):
        idiom_start = max(s_start, n.start - 60)
        change = _CHANGE_REFERENCE_BEFORE.search_in(text[idiom_start:n.start], folded, idiom_start)
        reference = reference or change
    continues_change = (last_figure is not None and last_figure.kind == "change" and reference
                        and _CONTINUATION_BEFORE.search(text[last_number_end:n.start]))
    if reference and (change or continues_change):
        ref = reference.group("ref")
        ref = re.sub(r"^năm\s+", "", ref)
        if change:
            sign = -1 if change.group("verb").lower() in ("giảm", "ít hơn") else 1
        else:
            sign = 1 if last_figure.value >= 0 else -1
        # With the reference first ("so với cùng kỳ … giảm 03 lượt đoàn"), the number's own words say what changed.
        base = None if reference_first and change else (last_level if change else last_figure)
        if base is not None and base.unit != "rank" and n.is_percent == (base.unit == "percent"):
            return _make(catalog, n, base.metric, "change", sign * value, qualifier, s_start, s_end, ref)
        if not n.is_percent:
            # No figure before it to change: the number's own noun and cue say what changed.
            candidates = _candidates(text, folded, n, windows, s_end)
            if candidates and not candidates[0][2].rank:
                return _make(catalog, n, candidates[0][2].metric, "change", sign * value, qualifier, s_start, s_end,
                             ref, candidates[0][3])
            return None
        # "GRDP tăng 6,8% so với cùng kỳ": a growth rate is itself stated against the year before.
    if (change and not n.is_percent) or (n.is_percent and _EXCESS_BEFORE.search_in(before, folded, before_start)):
        return None  # a change with no period to compare with, or an excess over a target

    if _THRESHOLD.match(text, n.end, min(s_end, n.end + 30)) and before.rstrip().endswith("từ"):
        return None  # "mỗi lượt đoàn gồm từ 4 người trở lên": a threshold, not a count
    clause = max(text.rfind(",", windows[0], n.start), text.rfind(":", windows[0], n.start), windows[0])
    if _PLAN_BEFORE.search(text, folded, clause, n.start):
        return None  # a target or a plan in the same clause ("phấn đấu 100% hồ sơ …", "dự kiến ban hành 500 văn bản")

    limit = s_end
    # 2. A rate right after the count it measures: "… 32.152 hồ sơ, văn bản, đạt 99,98%".
    if n.is_percent and last_level is not None and last_level.metric in RATE_OF and last_level.noun_end == last_number_end:
        between = text[last_level.noun_end:n.start]
        if len(between) <= 80 and _RATE_LINK.match(between):
            return _make(catalog, n, RATE_OF[last_level.metric], "level", value, qualifier, s_start, s_end)

    # 3. A rank right after another of the same subject: the same metric, another group.
    if last_figure is not None and last_figure.unit == "rank" and last_figure.kind == "level" and not n.is_percent \
            and (n.denominator is not None or text[max(s_start, n.start - 6):n.start].rstrip().endswith(("thứ", "hạng"))) \
            and _NEXT_RANK.match(text, last_number_end, n.start):
        return _make(catalog, n, last_figure.metric, "level", value, qualifier, s_start, s_end,
                     _rank_reference(text, n, limit))

    # 4. The catalog rules; a number with no noun after it ("… tiếp nhận 30.000 văn bản; ban hành trên 11.000, …")
    # counts what the figure before it in the sentence counted.
    elided = None
    if last_level is not None and not n.is_percent and _NO_NOUN_AFTER.match(text, n.end) \
            and _ACTION_RE.search(text, folded, last_level.noun_end, n.start):  # a new action, not "mức độ 3, 4"
        elided = last_level.end
    candidates = _candidates(text, folded, n, windows, limit, elided)
    if not candidates:
        return None
    rule, noun_end = candidates[0][2], candidates[0][3]
    if rule.rank:
        return _make(catalog, n, rule.metric, "level", value, qualifier, s_start, s_end,
                     _rank_reference(text, n, limit), noun_end)
    return _make(catalog, n, rule.metric, "level", value, qualifier, s_start, s_end, noun_end=noun_end,
                 loose=rule.loose)


def _make(catalog, n: Number, metric: str, kind: str, value: float, qualifier: str, s_start: int, s_end: int,
          reference: str = "", noun_end: int = -1, loose: bool = False) -> Figure:
    return Figure(metric, kind, value, qualifier, n.denominator, catalog[metric].unit, reference,
                  n.start, n.end, s_start, s_end, max(noun_end, n.end), loose)


def implausible(figure: Figure) -> str:
    """Why a figure cannot be true as read (a share above 100 %, ``180/172`` done), or ``""``."""
    if figure.kind != "level":
        return ""
    if figure.unit == "percent" and not 0 <= figure.value <= 100:
        return f"a share of {figure.value:g}% is outside 0–100%"
    if figure.denominator is not None and figure.value > figure.denominator:
        return f"{figure.value:g}/{figure.denominator:g}: the part is larger than the whole"
    if figure.unit == "rank" and figure.value < 1:
        return f"rank {figure.value:g} is below 1"
    return ""
