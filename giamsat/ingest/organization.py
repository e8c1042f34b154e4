"""'Tổ chức thực hiện': assignments (unit → duties) and the reporting regime."""

from __future__ import annotations

import re
from typing import Any

from .agencies import AgencyMatch, AgencyMatcher
from .fold import fold, loose, squash
from .model import Assignment, ReportingRegime, SourceSpan
from .structure import Item, Outline

# (not "các tổ chức chính trị - xã hội", a noun after "các")
_VERB = re.compile(r"(?<!cac)(?<!nhung)\s(chu\s*tri|giam\s*sat|van\s*dong|phoi\s*hop|co\s*trach\s*nhiem|chiu\s*trach|theo\s*doi|lanh\s*dao|chi\s*dao|xay\s*dung|"
                   r"to\s*chuc|tham\s*muu|thuc\s*hien|huong\s*dan|can\s*cu|rasoat|ra\s*soat|tap\s*trung|trien\s*khai|"
                   r"kiem\s*tra|tuyen\s*truyen|giup|la\s*(?:co\s*quan|dau\s*moi|don\s*vi|thuong\s*truc)|dua|bo\s*tri|cu\s*the\s*hoa|de\s*xuat|"
                   r"cap\s*nhat|bao\s*dam|dam\s*bao|quan\s*ly|ban\s*hanh|chu\s*dong)\b")
_ORG_WORD = re.compile(r"(^|\s)(ban|so|uy ban|ubnd|dang uy|van phong|phong|cong an|mat tran|cap uy|thuong truc|"
                       r"hoi dong|doan|cac co quan|cac so|giam doc|thu truong|chu tich|to chuc dang|bo|co quan|"
                       r"tinh uy|[a-z]{1,2}ang uy|cac don vi|don vi|trung tam|benh vien|truong|cac thon|thon|cac phong|"
                       r"chi cuc|hoi|chu dau tu)\b")  # "Các chủ đầu tư": the owners of a plan's projects
# a ministry's, an academy's or a corporation's unit, by the word its name opens with ("Cục Quản lý Khám, chữa bệnh",
# "Vụ Kế hoạch - Tài chính", "Viện …", "Khoa …", "Công ty …"); only there, as "vụ" ends "nhiệm vụ"
_CENTRAL_ORG = re.compile(r"(?:cac\s+)?(?:tong\s+cuc|cuc|vu|hoc\s+vien|vien|khoa|tong\s+cong\s+ty|cong\s+ty)\b")
# not a unit: what an item of the section may open with besides one; a period or a day ("Định kỳ cuối mỗi học kỳ (…),
# các đơn vị báo cáo …", "Hằng năm, …", "Trước ngày 15/12, …") opens the regime's sentence, whose units are named after it
_NOT_ORG = re.compile(r"^(co che|kinh phi|che do|nguon|thong tin|trong qua trinh|ke hoach nay|tren day"
                      r"|[dpb]inh ky|h[a-z]{1,2}ng (?:nam|quy|thang)|moi (?:nam|quy|thang)|truoc ngay|cham nhat)")


def assignments(outline: Outline, matcher: AgencyMatcher) -> list[Assignment]:
    out: list[Assignment] = []
    for section in outline.section("organization"):
        items = [it for it in section.items if it.kind not in ("table",)]
        top = min((it.level for it in items if it.kind != "para"), default=9)
        n = 0
        while n < len(items):
            item = items[n]
            children: list[Item] = []
            k = n + 1
            while k < len(items) and (items[k].level > item.level or items[k].kind == "para") \
                    and item.level == top:
                children.append(items[k])
                k += 1
            if item.level == top:
                out.extend(_from_item(outline, item, children, matcher))
                n = k
            else:
                n += 1
    return out


def _from_item(outline: Outline, item: Item, children: list[Item], matcher: AgencyMatcher) -> list[Assignment]:
    f = item.folded
    # "Định kỳ, Thường trực Ủy ban … chủ trì …": the unit follows the period that opens the item
    p = lead.end() if (lead := _PERIOD_LEAD.match(f)) else 0
    found = matcher.scan(item.text[p:p + 160])
    lead_in = [p + e for s, e, _a in found if s <= 3]
    opener = next((a for s, _e, a in found if s <= 3), None)   # the unit that opens the item
    listed = False
    if lead_in and (end := _units_listed(item.text[p:p + 160], found, max(lead_in) - p)) > max(lead_in) - p:
        lead_in.append(p + end)
        listed = True
    org_end, duty_start = _split_org(f[p:], max(lead_in, default=p) - p, item.text[p:])
    if org_end is None:
        return []
    org_end, duty_start = org_end + p, duty_start + p
    org = outline.out(item, p, org_end).strip(" :.-")
    if p and _REPORTS.search(fold(org) + " " + f[duty_start:duty_start + 40]):
        return []       # "Định kỳ cuối mỗi học kỳ (…), các đơn vị báo cáo kết quả …": the regime, not a unit's duties
    if (ask := _ASKS.match(fold(org))) and len(org) > ask.end() + 3:
        org = org[ask.end() :]  # "Giao Ủy ban nhân dân tỉnh:", "Đề nghị Ủy ban MTTQ …": the unit, not the verb
    org_key = loose(item.text[:org_end])
    if _NOT_ORG.match(fold(org)) or not (_ORG_WORD.search(org_key) or _ORG_WORD.search(fold(org))
                                         or _CENTRAL_ORG.match(fold(org)) or matcher.match(org).agency):
        return []
    duties = outline.out(item, duty_start).strip(" :")
    if not duties and children and _ROLE.fullmatch(fold(org)) and not matcher.match(org).agency:
        # "5. Cơ quan Thường trực" / "Phòng Văn hóa - Xã hội là Cơ quan Thường trực có trách nhiệm: …": the unit
        # named in the paragraph below the role's heading holds the role
        first = children[0]
        if (m := _HOLDS_ROLE.search(first.folded[:160])) and matcher.match(unit := outline.out(first, 0, m.start())).agency:
            org = unit.strip(" ,")
    colon_children = [c for c in children if _colon_org(c.folded)]
    if not duties and colon_children and len(colon_children) >= len(children) / 2:
        return [a for c in colon_children for a in _from_item(outline, c, [], matcher)]
    if children:
        duties = " ".join([duties, *(outline.out(c) for c in children)]).strip()
    if not duties:
        return []
    hit = matcher.match(org)
    if hit.agency is None and listed and opener is not None:
        hit = AgencyMatch(org, opener, 90.0)  # a list of units no unit names whole: coded by its first, as before
    span = SourceSpan(item.start + 1, (children[-1].end if children else item.end) + 1)
    if len(units := _named_units(org, matcher)) >= 2:
        # "Sở Tài chính, Sở Nội vụ chủ trì …": one duty of two named units, each holds it
        return [Assignment(org=m.text, duties=duties, org_code=m.agency.code if m.agency else None, source=span,
                           confidence=0.7) for m in units]
    return [Assignment(org=org, duties=duties, org_code=hit.agency.code if hit.agency else None,
                       source=span, confidence=0.7 if hit.agency else 0.55)]


def _units_listed(text: str, found: list[tuple[int, int, Any]], end: int) -> int:
    """Where the list of units that opens an item ends: units the registry knows, one after another, parted by a
    comma or "và" ("Các sở, ban, ngành và Ủy ban nhân dân các xã, phường triển khai …": not "Các sở, ban, ngành"
    alone, whose duty would open with "và Ủy ban …")."""
    for s, e, _a in sorted(found):
        if s >= end and re.fullmatch(r"\s*(?:[,;]|[,;]?\s+và)\s+", text[end:s]):
            end = e
    return end


_COLLECTIVE_OPENS = re.compile(r"(?:cac|nhung|moi)\s")


def _named_units(org: str, matcher: AgencyMatcher) -> list[AgencyMatch]:
    """The units a list of names holds ("Sở Tài chính, Sở Nội vụ", "Phòng Kinh tế và Văn phòng HĐND và UBND xã") when
    every name opens with a capital and is a unit the registry knows exactly, each another, and none is a collective;
    else none ("Ủy ban MTTQ xã và các đoàn thể", "Thường trực HĐND tỉnh, các Ban của HĐND tỉnh", "Các sở, ban, ngành và
    Ủy ban nhân dân các địa phương" stay one assignment)."""
    hits: list[AgencyMatch] = []
    for hit in matcher.match_many(org):
        if hits and (joined := matcher.match(f"{hits[-1].text} và {hit.text}")).score >= 100 \
                and squash(joined.text) in squash(org):
            hits[-1] = joined  # "Văn phòng HĐND" + "UBND xã": one unit, "Văn phòng HĐND và UBND xã"
        else:
            hits.append(hit)
    codes = {h.agency.code for h in hits if h.agency is not None}
    if len(codes) == len(hits) and all(
        h.text[:1].isupper() and h.score >= 90 and not _COLLECTIVE_OPENS.match(fold(h.text)) for h in hits
    ):
        return hits
    return []


_PERIOD_LEAD = re.compile(r"(?:[dpb]inh\s*ky|h[a-z]{1,2}ng\s*(?:nam|quy|thang)|moi\s*(?:nam|quy|thang))"
                          r"[^,.;:()]{0,40}?(?:\([^()]{0,60}\))?\s*,\s*")
_REPORT_VERB = re.compile(r"(?<!cac)(?<!nhung)\s((?:gui\s*)?bao\s*cao)\b")
_REPORTS = re.compile(r"(?:^|\s)(?:gui\s*)?bao\s*cao\b")
_ASKS = re.compile(r"(?:giao|de\s*nghi|yeu\s*cau)\s+")
_ROLE = re.compile(r"(?:co\s*quan|don\s*vi)\s*(?:thuong\s*truc|chu\s*tri|dau\s*moi)(?:\s*(?:cua\s*)?ban\s*chi\s*dao)?"
                   r"|thuong\s*truc(?:\s*ban\s*chi\s*dao)?")
_HOLDS_ROLE = re.compile(r"\s(?:la|1a)\s+(?:co\s*quan|don\s*vi|dau\s*moi|thuong\s*truc)")


def _colon_org(f: str) -> bool:
    k = f.find(":")
    return 0 < k < 70 and bool(_ORG_WORD.search(f[:k]))


def _name_goes_on(gap: str) -> bool:
    """The words between a known unit's name and the verb go on with the name: "và" or a dash, then a part of the
    name opening with a capital that is no other unit, and maybe its level and place ("Phòng Văn hóa" + " và Thông
    tin huyện" + " chủ trì …"; not "Sở Nội vụ" + " và Sở Tài chính" + " hướng dẫn …")."""
    words = gap.split()
    if len(words) < 2 or fold(words[0]) not in ("va", "-", "–", "&") or len(words) > 7:
        return False
    rest = " ".join(words[1:])
    return (
        rest[:1].isupper()
        and not any(ch in rest for ch in ",;:.()")
        and not _ORG_WORD.match(" " + fold(rest))
        and not _CENTRAL_ORG.match(fold(rest))
    )


def _split_org(f: str, min_end: int = 0, text: str = "") -> tuple[int | None, int]:
    k = f.find(":")
    if 0 < k < 90:
        return k, k + 1
    # on the OCR-tolerant form: a verb OCR read with a glyph ("thuc hi¢n") is still the verb
    m = _VERB.search(loose(f[:140]), max(min_end - 1, 0))
    if m and m.start() <= 4 and min_end <= 3:
        # a verb right after the head noun is the name's ("Cục Quản lý Khám, chữa bệnh là đầu mối", "Ban Chỉ đạo …"):
        # the unit's verb comes after it
        m = _VERB.search(loose(f[:140]), m.end())
    if min_end > 3 and m is not None and m.start() > min_end + 12 and _name_goes_on(text[min_end : m.start()]):
        return m.start(), m.start()  # the unit's name is longer than the registry's ("Phòng Văn hóa và Thông tin")
    if min_end > 3 and (m is None or m.start() > min_end + 12):
        return min_end, min_end     # a known unit opens the item and a verb not listed follows ("Sở Nội vụ đưa …")
    # before any other verb: units whose duty is to report ("Các ban, công ty con báo cáo tiến độ hằng quý …", "Các
    # phòng gửi báo cáo kết quả thực hiện …"); after a known unit's name "báo cáo" may be a noun after a verb not listed
    # ("Sở Tài chính thẩm định báo cáo …"), which the branch above keeps
    r = _REPORT_VERB.search(loose(f[:140]))
    if r and r.start() > 3 and (m is None or r.start() < m.start()):
        return r.start(), r.start()
    if m and m.start() > 3:
        return m.start(), m.start()
    if len(f) < 110:
        return len(f), len(f)
    return None, 0


# --- reporting regime --------------------------------------------------------------------------

_FREQ = [
    ("monthly", re.compile(r"(?<!\d\s)(?<!\d)\b(hang|theo|moi)?\s*thang\b(?!\s*\d)")),
    ("quarterly", re.compile(r"\bquy\b(?!\s*[ivl1-4]\b)|\b(3|ba|03)\s*thang")),
    ("semiannual", re.compile(r"\b(6|sau|06)\s*thang")),
    ("nine_months", re.compile(r"\b(9|chin|09)\s*thang")),
    ("annual", re.compile(r"\b(h[a-z]{1,2}ng|moi|01|1|mot)\s*n[a-z]{1,2}m\b|(,|\bva)\s*(?:ca\s*)?n[a-z]{1,2}m\b(?!\s*\d)"
                          r"|\bn[a-z]{1,2}m\s*bao\s*cao")),
]


# a sentence cut before its day's number, which OCR set at the next line's start where it reads as an item's mark
# ("… hằng tháng (trước ngày" / "25) về Phó Hiệu trưởng …")
_CUT_BEFORE_DAY = re.compile(r"\bng[a-z]{1,2}y\s*$")
_DAY_AS_MARK = re.compile(r"(?:0?[1-9]|[12]\d|3[01])\s*[.)]")


def reporting(outline: Outline) -> ReportingRegime:
    regime = ReportingRegime()
    text_items = [it for it in outline.items if it.kind != "table"]
    found: list[str] = []
    first: Item | None = None
    for n, item in enumerate(text_items):
        g = re.sub(r"\s+", " ", item.folded)
        nxt = text_items[n + 1] if n + 1 < len(text_items) else None
        if nxt is not None and nxt.kind == "para" and item.level > 1 and not re.search(r"[.;:!?]\s*$", g):
            # a sentence that a page's or a paragraph's break cut ("… tổng hợp báo cáo" / "Giám đốc hằng tháng.")
            g += " " + re.sub(r"\s+", " ", nxt.folded)
        elif nxt is not None and _CUT_BEFORE_DAY.search(g) and _DAY_AS_MARK.fullmatch(nxt.marker):
            g += " " + nxt.marker + " " + re.sub(r"\s+", " ", nxt.folded)
        for m in _REPORT_ANCHOR.finditer(g):
            lo = max(0, m.start() - 110)
            window = g[lo:m.end() + 120]
            # the periods' own deadlines in brackets ("6 tháng (trước ngày 05/6) và năm (…)") stand between them
            bare = re.sub(r"\s*\([^()]{0,60}\)", "", window)
            if not re.search(r"\b[dpb]inh\s*ky\b|h[a-z]{1,2}ng\s*th[a-z]{1,3}ng|h[a-z]{1,2}ng\s*n[a-z]{1,2}m|theo\s*thang|hang\s*quy|" + _QUARTER_END
                             + r"|bao\s*c[a-z]o\b[^.;]{0,40}?\b(?:0?6|sau|0?9|chin)\s*th[a-z]{1,3}ng\s*(?:,|va)", bare):
                continue
            if not _REGIME_WORDS.search(window) and not _units_report(g, m.start()):
                continue
            seg = _freq_segment(window)
            for name, rx in _FREQ:
                if rx.search(seg) and name not in found:
                    found.append(name)
                    first = first or item
            if regime.due_day is None:
                regime.due_day = _due_day(g, lo, m.start(), m.end())
    order = ["monthly", "quarterly", "semiannual", "nine_months", "annual"]
    regime.frequencies = [x for x in order if x in found]
    if first is not None:
        regime.source = SourceSpan(first.start + 1, first.end + 1)
    return regime


# what a regime asks units to send: a report ("báo cáo"), or, where the plan is followed on a shared system, the plan's
# figures and progress themselves ("cập nhật số liệu, kết quả thực hiện các chỉ tiêu … trước ngày 25 hằng tháng",
# "cập nhật tiến độ thực hiện nhiệm vụ trên phần mềm"; not a duty's own data, "cập nhật dữ liệu tiêm chủng")
_REPORT_ANCHOR = re.compile(r"bao\s*c[a-z]o|cap\s*nhat\s*(?:[a-z]+\s*,?\s*){0,3}?(?:so\s*lieu|tien\s*do|ket\s*qua)"
                            r"(?=[^.;]{0,40}?(?:thuc\s*hien|chi\s*tieu|nhiem\s*vu|ke\s*hoach))")
# days of the year named one by one, then "hằng năm": "trước ngày 15/6 và 15/12 hằng năm"
_DAYS_EVERY_YEAR = re.compile(r"((?:(?:ngay\s*)?\d{1,2}\s*/\s*\d{1,2}\s*(?:,|va|;)\s*)+(?:ngay\s*)?\d{1,2}\s*/\s*\d{1,2})(?!\s*/)"
                              r"\s*(?:cua\s*)?h[a-z]{1,2}ng\s*n[a-z]{1,2}m")
# "trước ngày 10 tháng cuối quý": the last month of each quarter, a quarterly report's; so is the first month of the
# next quarter ("báo cáo kết quả của quý trước … chậm nhất vào ngày 15 của tháng đầu quý sau")
_QUARTER_END = (r"th[a-z]{1,3}ng\s*(?:cuoi\s*(?:cua\s*|moi\s*)?quy"
                r"|dau\s*(?:cua\s*)?quy\s*(?:sau|tiep\s*theo|ke\s*tiep))")
# "định kỳ …", "chế độ báo cáo": the words of a reporting regime (OCR: "pinh ky", "binh ky", "chế d6 báo cdo")
_REGIME_WORDS = re.compile(r"\b[dpb]inh\s*ky\b|\bche\s*d[a-z0-9]{0,2}\s*b[a-z]{1,2}o\s*c[a-z]{1,2}o")
# what a regime's report is of: the plan's results ("báo cáo Hội đồng nhân dân tỉnh kết quả thực hiện Nghị quyết",
# "báo cáo tình hình triển khai thực hiện")
# (OCR may read the marked vowel of "hiện" as a glyph: "thuc hi¢n")
_OF_THE_PLAN = re.compile(r"bao\s*c[a-z]o\s*(?:\S+\s+){0,8}?(?:ket\s*qua|tinh\s*hinh)\s*(?:trien\s*khai\s*)?thuc\s*hi\S?n")
# a sentence that opens with its period ("Hằng năm, …") or with the units that report ("Các xã …", "Phòng Kinh tế là
# đầu mối, … tổng hợp báo cáo Giám đốc hằng tháng")
_OPENS_PERIOD = re.compile(r"h[a-z]{1,2}ng\s*(?:th[a-z]{1,3}ng|quy|n[a-z]{1,2}m)|moi\s*(?:thang|quy|nam)")
_OPENS_UNITS = re.compile(r"(?:(?:cac|nhung|moi)\s+)?(?:so|ban|uy\s*ban|ubnd|dang\s*uy|van\s*phong|phong|cong\s*an|mat\s*tran"
                          r"|cap\s*uy|thuong\s*truc|hoi\s*dong|doan|co\s*quan|don\s*vi|giam\s*doc|thu\s*truong|chu\s*tich"
                          r"|tinh\s*uy|trung\s*tam|benh\s*vien|truong|thon|chi\s*cuc|chi\s*bo|hoi|bo\s*phan|khoa|xa|phuong|to"
                          r"|dia\s*phuong|nganh|hai\s*ben|cac\s*ben|chu\s*dau\s*tu"
                          # a steering committee's members: "Các đồng chí thành viên Ban Chỉ đạo …; báo cáo … hằng tháng"
                          r"|dong\s*chi|thanh\s*vien)\b")


def _units_report(g: str, at: int) -> bool:
    """'báo cáo' with a period but no regime's words ('… hằng tháng') is the plan's regime when the report is of the
    plan's results, or its sentence opens with the period or with the units that report; not a task's own report
    of its product ('Cấp tài khoản định danh cho người dân, báo cáo kết quả hằng tháng')."""
    if _OF_THE_PLAN.match(g, at):
        return True
    start = max(g.rfind(".", 0, at), g.rfind(";", 0, at), g.rfind(":", 0, at)) + 1
    if not g[start:at].strip() and g[start - 1:start] == ";":
        # "Các cơ quan chủ trì triển khai …; báo cáo kết quả hằng quý …": a clause opening with its verb shares the
        # subject of the clause before it
        start = max(g.rfind(".", 0, start - 1), g.rfind(":", 0, start - 1)) + 1
    opening = re.sub(r"^[\s\-+*•]*(?:(?:\d{1,2}|[ivx]{1,4})\.|[a-z]\))?\s*", "", g[start:at])
    if (giao := _GIAO_MONITOR.match(opening)) and _MONITORS.search(opening):
        # "Giao Văn phòng … theo dõi, đôn đốc việc thực hiện Kế hoạch, tổng hợp báo cáo Chủ tịch … hằng tháng": a unit
        # assigned to follow the plan and compile its reports (a duty's own report, "Giao Công an xã cấp …, báo cáo
        # kết quả hằng tháng", neither follows nor compiles)
        opening = opening[giao.end():]
    return bool(_OPENS_PERIOD.match(opening) or _OPENS_UNITS.match(opening))


# a sentence that assigns a unit its duty ("Giao Văn phòng …"), and the words of following the plan and compiling its
# reports
_GIAO_MONITOR = re.compile(r"giao\s+(?:cho\s+)?")
_MONITORS = re.compile(r"\btheo\s*doi\b|\bdon\s*doc\b|\btong\s*hop\s*$")


# "trước ngày 15", and the other words for a last day: "chậm nhất (vào/là) ngày 18", "không muộn hơn ngày 20",
# "hạn cuối ngày 25"
_BY = r"(?:tr[a-z]{2,4}|cham\s*nhat(?:\s*(?:vao|la))?|khong\s*(?:muon|cham)\s*hon|han\s*(?:chot|cuoi)(?:\s*(?:vao|la))?)\s*"
_DUE = re.compile(_BY + r"ng[a-z]{1,2}y\s*(\d{1,2})")
_OPENS = re.compile(r"dinh\s*ky")
_DUE_EVERY = re.compile(_BY + r"ng[a-z]{1,2}y\s*(\d{1,2})(?=\s*(?:cua\s*)?(?:thang\s*cuoi|h[a-z]{1,2}ng\s*th[a-z]{1,3}ng)"
                        r"|\s*/\s*\d{1,2}(?!\s*/\s*\d))")


def _due_day(g: str, lo: int, start: int, end: int) -> int | None:
    """The day of 'trước ngày 15 …' after 'báo cáo', else between the 'định kỳ …' that opens the
    clause and 'báo cáo' ('định kỳ 6 tháng, trước ngày 10/6 và 10/12, tổng hợp … báo cáo …')."""
    if d := _DUE.search(g, start, end + 200):
        return int(d.group(1))
    opens = [k.start() for k in _OPENS.finditer(g, lo, start)]
    if opens and "." not in g[opens[-1]:start] and (d := _DUE.search(g, opens[-1], start)):
        return int(d.group(1))
    # "Trước ngày 25 của tháng cuối quý, các cơ quan gửi báo cáo …": a day of every period (not a one-off date)
    sentence = max(g.rfind(".", lo, start), g.rfind(";", lo, start), lo)
    if d := _DUE_EVERY.search(g, sentence, start):
        return int(d.group(1))
    # "báo cáo … định kỳ hằng tháng vào ngày 22", "vào ngày 20 hằng tháng": the day a period's report is sent on
    stop = min(k for k in (g.find(".", end), g.find(";", end), len(g)) if k >= 0)
    if d := _DUE_ON.search(g, sentence, stop):
        return int(d.group(1) or d.group(2))
    return None


_DUE_ON = re.compile(r"(?:th[a-z]{1,3}ng|quy|n[a-z]{1,2}m)\s*,?\s*vao\s*ng[a-z]{1,2}y\s*(\d{1,2})(?!\s*/\s*\d)"
                     r"|vao\s*ng[a-z]{1,2}y\s*(\d{1,2})\s*(?:cua\s*)?(?:h[a-z]{1,2}ng\s*th[a-z]{1,3}ng|th[a-z]{1,3}ng\s*cuoi)")


def _freq_segment(window: str) -> str:
    window = re.sub(r"\([^()]{0,60}\)", " ", window)      # "hằng quý (trước ngày 25 …) và hằng năm (…)"
    # schools report by term: "định kỳ cuối mỗi học kỳ", "hằng học kỳ" — twice a year
    window = re.sub(r"\b(?:(?:vao\s*)?cuoi\s*)?(?:moi|hang|tung|cac)\s*hoc\s*ky\b", "6 thang", window)
    m = re.search(r"(\b[dpb]inh\s*ky|theo|h[a-z]{1,2}ng)\s*((?:(?:h[a-z]{1,2}ng\s*)?(?:\d{1,2}\s*)?(?:th[a-z]{1,3}ng|quy|n[a-z]{1,2}m)"
                  r"\s*(?:,|va|hoac)?\s*(?:bao\s*c[a-z]o\s*(?=n[a-z]{1,2}m\b))?)+)", window)
    seg = re.sub(r"\bva\s*bao\s*c[a-z]o\s*", "va ", m.group(0)) if m else ""   # "hằng quý (…) và báo cáo năm (…)"
    # "báo cáo kết quả thực hiện 6 tháng và (cả) năm", "báo cáo sơ kết 6 tháng, tổng kết năm": the periods named
    # right after "báo cáo", without "định kỳ" (also beside a day "trước ngày 10/12 hằng năm" that names one)
    n = re.search(r"bao\s*c[a-z]o\b[^.;]{0,40}?\b((?:0?6|sau|0?9|chin)\s*th[a-z]{1,3}ng(?:\s*(?:,|va)\s*(?:(?:so|tong)\s*ket\s*)?"
                  r"(?:(?:\d{1,2}\s*)?th[a-z]{1,3}ng|(?:ca\s*)?n[a-z]{1,2}m\b(?!\s*\d)|quy\b(?!\s*[ivl1-4]\b)))+)", window)
    named = re.sub(r"\b(?:so|tong)\s*ket\s*", "", n.group(1)) if n else ""
    # a report named by its period: "báo cáo tháng …; báo cáo quý, 6 tháng, 9 tháng và năm …", "báo cáo năm trước ngày
    # 15/12", "sơ kết 6 tháng …, tổng kết năm …" (not "báo cáo năm 2026", "báo cáo tháng 6": a date)
    kinds = [k.group(1) for k in _REPORT_OF_PERIOD.finditer(window)]
    for k in _PERIODS_AFTER.finditer(window):
        kinds += [p.group(0) for p in re.finditer(_PERIOD_WORD, k.group(1))]
    # each as the words _FREQ knows ("năm" alone is the annual report: "hằng năm")
    kinds = [k if re.match(r"\d|sau|chin", k.strip()) else "hang " + k.strip() for k in kinds]
    if re.search(_QUARTER_END, window):
        kinds.append("hang quy")
    if (days := _DAYS_EVERY_YEAR.search(window)) is not None:
        # "trước ngày 15/6 và 15/12 hằng năm": two reports a year, half-yearly and yearly; four: quarterly and yearly
        count = len(re.findall(r"\d{1,2}\s*/\s*\d{1,2}", days.group(1)))
        kinds += [*{2: ["6 thang"], 4: ["hang quy"]}.get(count, []), "hang nam"]
    parts = [x for x in (seg, named, " ; ".join(kinds)) if x]
    return " ; ".join(parts)


_PERIOD_WORD = r"quy\b(?!\s*[ivl1-4]\b)|(?:0?6|sau|0?9|chin)\s*th[a-z]{1,3}ng\b|(?<![\d\s])\s*\bth[a-z]{1,3}ng\b(?!\s*\d)|n[a-z]{1,2}m\b(?!\s*(?:\d|hoc))"
_REPORT_OF_PERIOD = re.compile(r"(?:bao\s*c[a-z]o|so\s*ket|tong\s*ket)\s*(?:(?:so|tong)\s*ket\s*)?(" + _PERIOD_WORD.replace(
    r"(?<![\d\s])\s*", "") + ")")
# "báo cáo quý, 6 tháng, 9 tháng và năm": the periods listed after the first
_PERIODS_AFTER = re.compile(r"bao\s*c[a-z]o\s*((?:(?:" + _PERIOD_WORD.replace(r"(?<![\d\s])\s*", "") + r")\s*(?:,|va)\s*)+(?:"
                            + _PERIOD_WORD.replace(r"(?<![\d\s])\s*", "") + "))")
