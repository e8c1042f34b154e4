"""Targets (chỉ tiêu) from objective prose, year-column tables and annex indicator tables."""

from __future__ import annotations

import dataclasses
import html
import re
from dataclasses import dataclass, replace
from itertools import pairwise

from rapidfuzz import fuzz

from .agencies import Agency, AgencyMatcher, CellMention
from .fold import fold, loose, squash
from .model import SourceSpan, Target, Task
from .rows import ROW_NO
from .structure import Item, Outline, Table

_NUM = r"(\d+(?:[.,]\d+)?)"
_GE = (r"(?:dat\s*va\s*vuot(?:\s*muc)?|t[a-z0-9]{1,2}i\s*thi[a-z]{1,2}u|it\s*nh[a-z]{1,2}t|kh[o6]ng\s*(?:thap|it|nho)\s*hon|kh[o6]ng\s*duoi|(?:tu|tir)(?!\s*dat\b)|"    # "điện tử đạt 60%", "đầu tư đạt": not "từ"
       r"o\s*muc\s*t[a-z]{1,2}i\s*thi[a-z]{1,2}u|o\s*muc\s*tu)")
_GT = r"(?:tr[e]n|hon|vuot|>|tren\s*m[a-z]{1,3}c|o\s*muc\s*tren)"
_LE = r"(?:t[o6]i\s*da|kh[o6]ng\s*qua|kh[o6]ng\s*vuot\s*qua|kh[o6]ng\s*(?:cao|lon|nhieu)\s*hon|<=|≤)"     # "kh6ng": OCR's glyph for ô
_LT = r"(?:duoi|<)"
_TRO_LEN = r"(?:\s*tr[a-z]{1,2}\s*[l1i][a-z]n)"
_FIGURE = re.compile(
    r"(?P<cmp>(?:" + _GE + "|" + _GT + "|" + _LE + "|" + _LT + r"|&gt;=|&ge;|&gt;|&lt;=|&le;|&lt;|>=|≥|>|<|dat|la|chiem|o\s*muc)(?:\s*dat)?\s*)?"
    r"(?P<a>" + _NUM + r")\s*(?P<pct>%)?\s*(?:(?P<rng>-|–|den)\s*(?P<b>" + _NUM + r")\s*%?)?"
    r"(?P<trolen>" + _TRO_LEN + r")?"
)
_RANK = re.compile(r"(?:thuoc|(?:nam|dung|xep)\s*trong|trong|vao)?\s*(?:nh[a-z0-9&]m|top)\s*(\d{1,3})\s*(?=[a-z]{2})(?!nam\b|lan\b|thang\b)"     # "nhóm 10 tỉnh", "top 50 trường đại học"
                   r"[^.;]{0,60}?(?:dan\s*dau|dung\s*dau|hang\s*dau|cao\s*nhat)")
# a multiple in words ("tăng gấp đôi", "gấp ba lần", "gấp rưỡi"; folded, OCR's "d6i" too): its value
_WORD_MULTIPLE = re.compile(r"(?P<ge>(?:it\s*nh[a-z]{1,2}t|t[a-z0-9]{1,2}i\s*thi[a-z]{1,2}u)\s*)?\b(?P<g>gap)\s*(?P<w>d[o06]i|hai|ba|b[o06]n|ru[o06]i)\b(?:\s*lan\b)?"
                            r"(?P<trolen>" + _TRO_LEN + r")?")
_MULTIPLE_WORDS = {"doi": "2", "hai": "2", "ba": "3", "bon": "4", "ruoi": "1,5"}
# what may stand before a rank that names no indicator: a lead-in and the plan's own place ("Phấn đấu đưa tỉnh")
_RANK_SUBJECT = re.compile(r"[\s,;:(\-–]*(?:(?:den|toi|trong)\s*(?:(?:het|cuoi)\s*)?nam\s*20\d\d\s*,?\s*)?(?:phan\s*dau\s*)?(?:(?:dua|de)\s*)?"
                           r"(?P<own>(?:tinh|thanh\s*pho|xa|phuong|huyen|quan|thi\s*xa|dac\s*khu|dia\s*phuong|don\s*vi|nganh)\s*(?:ta|nha)?\s*)?")
_GLYPHS = str.maketrans({"€": "e", "¢": "e", "&": "o", "§": "o"})    # OCR'd vowels, one character each
# the words qualifying a counted noun ("doanh nghiệp khoa học công nghệ"), up to the next figure's "và" or "trở lên"
_NOUN_TAIL = r"(?:\s(?!va\b|dang\b|se\b|tro\b|tr[a-z]\s*l[a-z]n\b|tren\b|tai\b|trong\b|co\b|duoc\b|dat\b)[a-z]{1,12}\b){0,4}"
# the counted nouns of _UNIT_AFTER: a unit after a count, the subject after a percentage
_COUNTED_NOUNS = r"(?:doanh nghiep|to chuc|du an|do thi|san pham|bai\s*bao|sang\s*che)\b"
_UNIT_AFTER = re.compile(r"^\s*(grdp|gdp|tong chi ngan sach(?:(?!\s*(?:tr[a-z]{1,2}\s*[l1i][a-z]n|vao|den|toi|trong|nam|hang|moi)\b)[a-z ]){0,40}|/nam|ngu[a-z]{0,2}i\s*/\s*van\s*dan|ngu[a-z]{0,2}i tren mot van dan"
                         r"|doanh nghiep" + _NOUN_TAIL + r"|to chuc" + _NOUN_TAIL + r"|du an|do thi|san pham"
                         r"|bai\s*bao|sang\s*che"
                         r"|(?P<measure>ha\b|[kmgt]bps|[kmgt]b\s*/\s*s|[kmg]wh?\b|km\b|(?:ty|trieu)\s*(?:dong|usd)\b|usd\b"
                         r"|(?:ngay|gio)\s*lam\s*viec\b|ngay\b|gio\b|phut\b|bac\b(?!\s*si\b)|lan\b(?=\s*(?:so\s*voi\b|[.;,)]|$|(?:cua\s*)?nam\s*20\d\d\b|tr[a-z]{1,2}\s*[l1i][a-z]n\b))))")   # "tăng 1,5 lần so với …", "gấp 2 lần năm 2025": a multiple
# a short item that still states a counted target ("Phấn đấu có ít nhất 05 doanh nghiệp công nghệ số")
_COUNTED = re.compile(r"(?:it\s*nh[a-z]{1,2}t|t[a-z0-9]{1,2}i\s*thi[a-z]{1,2}u|tren|dat|co|duoi|qua|t[o6]i\s*da|con)\s*(?:tu\s*)?(?:\d{1,3}(?:\.\d{3})+|\d{1,4})\s+[a-z]")
_YEAR_CTX = re.compile(r"(?:nam\s*hoc\s*20\d\d\s*[-–/]\s*|(?:den|toi|nam|giai doan|tam nhin)[^0-9]{0,20})((?:20)\d\d)")   # a school year ends in its second year
_VERB_TAIL = re.compile(r"(\s*(phan\s*dau|(?:dat|chiem)\s*(?:t[yi]\s*le|muc)|dat|duy tri|chiem|o\s*muc|la|(?:vao\s*)?khoang|bao\s*dam|dam\s*bao|giam\s*(?:xuong\s*con|xuong|con)|xuong(?:\s*con)?|len|tang|gap|dong gop|:|,|-|–"
                        r"|t[a-z0-9]{1,2}i\s*thi[a-z]{1,2}u|it\s*nh[a-z]{1,2}t|tren|co))+\s*$")
_DATE_LIKE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{4}|nam\s*\d{4}|\d{4}\s*-\s*\d{4}")
# a Vietnamese thousands separator: a dot before groups of exactly three digits ("150.000", "1.250.000");
# "2.5" or "0.75" stay decimals
_THOUSANDS = re.compile(r"(?<![\d.,])([1-9]\d{0,2}(?:\.\d{3})+)(?![\d]|[.,]\d)")
# a year phrase opening a bullet before its indicator ("Đến hết năm 2026, 100% …", "Trong năm 2027, …")
_YEAR_LEAD = re.compile(r"(?:(?:de\s*)?phan\s*dau\s*)?(?:(?:den|toi|trong|vao|tu)\s*(?:(?:het|cuoi)\s*)?(?:nam\s*)?20\d\d|nam\s*20\d\d"
                        r"|giai\s*doan\s*20\d\d\s*[-–]\s*20\d\d"
                        # "Để phấn đấu đến ngày 31/12/2026 có 100% xã, phường …": a day is a time too
                        r"|(?:den|toi|truoc|vao)\s*(?:het\s*)?ngay\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*20\d\d)\s*(?:[,:]\s*|$)")
# ... or closing the name ("… không dùng tiền mặt vào năm 2027", "Tỷ lệ …: năm 2026 đạt 60%")
_YEAR_TAIL = re.compile(r"\s+(?:vao|den|toi|trong|tu|truoc)\s+(?:(?:het|cuoi)\s+)?(?:nam\s+)?20\d\d\s*$|\s*[:,]\s*nam\s+20\d\d\s*$|(?<!so voi)\s+nam\s+20\d\d\s*$"
                        r"|(?<!so voi)(?<!binh quan)(?<!cua)\s*,?\s*\(?\s*(?:(?:trong|ca)\s+)?giai\s+doan\s+(?:tu\s+)?(?:nam\s+)?20\d\d\s*(?:[-–]|den)\s*(?:nam\s+)?20\d\d\s*\)?\s*$")
_YEAR_BEFORE = re.compile(r"(?:^|[\s:,])(?:(?:den|toi|trong|vao)\s*(?:(?:het|cuoi)\s*)?)?nam\s*(?P<fy>20\d\d)\s*[:,]?\s*(?:dat|la|:)?\s*$")


def plain_number(text: str) -> str:
    """Thousands dots dropped: '150.000' -> '150000'."""
    return _THOUSANDS.sub(lambda m: m.group(1).replace(".", ""), text)


@dataclass
class _Ctx:
    year: int | None


# the header of an indicator table read as text: "TT Chỉ tiêu ĐVT …", "STT | Tên chỉ tiêu | Đơn vị tính | …" (loose)
OCR_TABLE_HEAD = re.compile(r"^\s*\|?\s*s?tt\s*\|?\s*(?:ten\s*)?chi\s*tieu\s*\|?\s*(?:dvt|don\s*vi(?:\s*tinh)?)\b")


# a figure written in words ("ít nhất ba trung tâm", "không dưới chín mươi phần trăm", "mười lăm sáng chế"), read on
# the marked words (folded "tram" is "trăm" and "trạm" alike): digits, "mười", tens "mươi" with "mốt", "tư", "lăm" after them
_DIGIT_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
_AFTER_TENS = {"mốt": 1, "tư": 4, "lăm": 5, **{k: v for k, v in _DIGIT_WORDS.items() if k not in ("một", "năm")}}
_WORDS_NUMBER = re.compile(r"(?<!\w)(?:(?:" + "|".join(_DIGIT_WORDS) + r")\s+trăm(?:\s+(?:linh|lẻ)\s+(?:" + "|".join(_DIGIT_WORDS) + r"))?"
                           r"(?:\s+(?:" + "|".join(_DIGIT_WORDS) + r")\s+mươi(?:\s+(?:" + "|".join(_AFTER_TENS) + r"))?|\s+mười(?:\s+(?:" + "|".join(_AFTER_TENS) + r"))?)?"
                           r"|(?:" + "|".join(_DIGIT_WORDS) + r")\s+mươi(?:\s+(?:" + "|".join(_AFTER_TENS) + r"))?"
                           r"|mười(?:\s+(?:" + "|".join(_AFTER_TENS) + r"))?"
                           r"|" + "|".join(_DIGIT_WORDS) + r")(?!\w)")
_WORDS_BOUND = re.compile(r"(?:ít\s+nhất|tối\s+thiểu|không\s+dưới|không\s+ít\s+hơn|đạt|có|trên)\s+$")


def _words_value(words: str) -> int:
    total, pending = 0, 0
    for w in words.split():
        if w == "trăm":
            total, pending = total + (pending or 1) * 100, 0
        elif w in ("mươi", "mười"):
            total, pending = total + (pending or 1) * 10, 0
        elif w in ("linh", "lẻ"):
            continue
        else:
            pending = _DIGIT_WORDS.get(w, _AFTER_TENS.get(w, 0))
    return total + pending


def _figures_in_words(item: Item) -> Item:
    """The item with each figure written in words set in digits, as long as the words (so every offset holds): a
    share ("chín mươi phần trăm" → "90%") or a count after a bound ("ít nhất ba trung tâm" → "3 trung tâm"); a
    lone "năm" counts only after "ít nhất"/"tối thiểu"/"không dưới" (a year), a lone "một" never ("một số", "có ít
    nhất một thành viên": a condition), nor a count after a share in its clause (it qualifies the share's subject)."""
    text = item.text
    low = text.lower()
    out = list(text)
    changed = False
    for m in _WORDS_NUMBER.finditer(low):
        words = m.group(0)
        value = _words_value(words)
        pct = re.match(r"\s+phần\s+trăm(?!\w)", low[m.end():])
        if pct:
            new, end = f"{value}%", m.end() + pct.end()
        else:
            bound = _WORDS_BOUND.search(low[max(0, m.start() - 20):m.start()])
            if bound is None or not re.match(r"\s*" + _COUNTABLE if not _AT_LEAST_COUNT.match(fold(bound.group(0)))
                                             else _NOUN_NEXT.pattern, fold(low[m.end():m.end() + 40])):
                continue
            if words == "một" or (words == "năm" and not _AT_LEAST_COUNT.match(fold(bound.group(0)))) or \
                    re.search(r"\d\s*%[^;.]*$", low[:m.start()]):
                continue        # "có ít nhất một thành viên", "90% hộ gia đình có ít nhất hai …": the share's subject
            new, end = str(value), m.end()
        if value <= 0 or len(new) > end - m.start():
            continue
        out[m.start():end] = list(new.ljust(end - m.start()))
        changed = True
    if not changed:
        return item
    return replace(item, text="".join(out))


def prose_targets(outline: Outline, matcher: AgencyMatcher) -> list[Target]:
    out: list[Target] = []
    for section in outline.section("objectives"):
        head = _YEAR_CTX.search(fold(section.title[:120]))       # "II. MỤC TIÊU ĐẾN NĂM 2030"
        year: int | None = int(head.group(1)) if head else None
        items = section.items
        specific = next((k for k, it in enumerate(items) if it.kind in ("num", "num2", "letter", "caps")
                         and re.search(r"muc\s*ti[a-z]{1,2}u\s*cu\s*th", loose(it.text[:60]))), None)
        if specific is not None:
            items = items[specific:]
        for item in items:
            if item.kind == "table" or OCR_TABLE_HEAD.match(loose(item.text[:80])):
                continue        # a table, also one OCR left as lines ("TT Chỉ tiêu ĐVT …"): the table readers' own
            item = _figures_in_words(item)
            f = item.folded
            if re.search(r":\s*$", f) and (lead_in := _YEAR_CTX.search(f[:40])) is not None:
                year = int(lead_in.group(1))    # "Đến năm 2028, Tổng công ty …, cụ thể:": the year of the items below
            if item.kind in ("num", "num2", "letter", "roman", "caps") or len(f) < 60:
                m = _YEAR_CTX.search(f[:80])
                if m and (item.kind != "dash" and len(f) < 120):
                    year = int(m.group(1))
                if len(f) < 120 and not re.search(r"\d+\s*%", f) and not _COUNTED.search(f) and not _RANK.search(f) and not _WORD_MULTIPLE.search(f) and \
                        not _COUNT_OF.search(f.translate(_GLYPHS)):
                    continue
            out.extend(_item_targets(outline, item, year))
    return out + task_indicators(outline, matcher)


# a duty's indicator on a line of its own under the duty's heading: "- Chỉ tiêu: …", "- Chỉ tiêu phấn đấu: …"
INDICATOR_LABEL = re.compile(r"^\W*(?:chi\s*tieu|muc\s*tieu)(?:\s*(?:phan\s*dau|cu\s*the|can\s*dat|dat\s*duoc))?\s*:")
# the duty's own fields after it, joined to it by the outline with "; " ("- Đơn vị chủ trì: …", "- Thời gian: …")
DUTY_FIELD = re.compile(r"[;.]\s*(?:(?:don\s*vi|co\s*quan|bo\s*phan)\s+)?(?:chu\s*tri|thuc\s*hien|phu\s*trach|phoi\s*hop"
                         r"|thoi\s*(?:gian|han))[^;:]{0,20}:")
_DUTY_LEAD = re.compile(r"(?:(?:don\s*vi|co\s*quan|bo\s*phan)\s+)?(?:chu\s*tri|thuc\s*hien|phu\s*trach)\s*:\s*([^;.]{3,80})")


def task_indicators(outline: Outline, matcher: AgencyMatcher) -> list[Target]:
    """The indicators duties carry in the task sections ('1. Phát triển thanh toán …' / '- Chỉ tiêu: … đạt không dưới
    60%.' / '- Đơn vị chủ trì: Phòng Kinh tế' / '- Thời gian hoàn thành: …'): targets read from the indicator's text
    alone, led by the unit in charge of the duty."""
    out: list[Target] = []
    for section in outline.section("tasks"):
        for item in section.items:
            f = loose(item.text)        # OCR's glyphs too ("Chi ti¢u:"); same length
            if item.kind not in ("dash", "plus") or (label := INDICATOR_LABEL.match(f)) is None or \
                    (field := DUTY_FIELD.search(f, label.end())) is None:
                continue
            end = field.start()
            part = dataclasses.replace(item, text=item.text[:end], rmap=item.rmap[:end + 1] if item.rmap else item.rmap,
                                       offsets=[o for o in item.offsets if o <= end])
            found = _item_targets(outline, part, None)
            lead = _DUTY_LEAD.search(f, end)
            hit = matcher.match(outline.out(item, lead.start(1), lead.end(1))) if lead else None
            for t in found:
                if (named := INDICATOR_LABEL.match(loose(t.name))) is not None:
                    t.name = t.name[named.end():].strip()      # "Chỉ tiêu: …": the label is no part of the name
                if hit is not None and hit.agency is not None:
                    t.lead, t.lead_code = hit.text, hit.agency.code
            out.extend(found)
    return out


def prose_only(prose: list[Target], table: list[Target]) -> list[Target]:
    """Prose targets that the indicator table does not already hold: the same indicator is
    recognised by its folded name (rapidfuzz, also against the garbled OCR'd table names) in the
    same year; a matching value makes a weaker name match enough."""
    keep: list[Target] = []
    names = [(_name_key(t.name), t) for t in table]
    rows = [(t.source.start_line, t.source.end_line) for t in table if t.source]
    for p in prose:
        pn = _name_key(p.name)
        if len(pn.split()) < 2:
            continue
        if p.source and any(a <= p.source.start_line <= b for a, b in rows):
            continue            # the "prose" is a table row OCR left as a line: the row is read already
        if p.source and any(t.source and t.source.start_line <= p.source.end_line and p.source.start_line <= t.source.end_line
                            and _same_number(p.value, t.value) for t in table):
            continue            # ... or as a paragraph from the table's header on, holding a row's figure
        dup = False
        for tn, t in names:
            if p.year and t.year and p.year != t.year:
                continue
            sim = fuzz.token_set_ratio(pn, tn)
            if p.value is not None and _same_number(p.value, t.value):
                dup = sim >= 65 or fuzz.partial_ratio(pn, tn) >= 70
            elif p.value is not None and t.value is not None and re.match(r"[\d.,\-]+$", t.value):
                # Another figure: the same indicator only when the names agree closely
                # ("tỷ lệ hồ sơ … trực tuyến" is not "tỷ lệ thanh toán trực tuyến …").
                dup = sim >= 85 and fuzz.token_sort_ratio(pn, tn) >= 90
            else:
                dup = sim >= 75
            if dup:
                break
        if not dup:
            keep.append(p)
    return keep


def _name_key(name: str) -> str:
    """Letters only, OCR confusions folded ("Ty 1€ sir dung" ~ "Tỷ lệ sử dụng")."""
    words = re.sub(r"[^a-z ]", " ", loose(name)).split()
    return " ".join(w for w in words if w not in _STOP)


# Words every indicator shares ("tỷ lệ … của … được …"): they make unrelated names look alike.
_STOP = frozenset(["ty", "ti", "le", "cua", "va", "cac", "trong", "duoc", "tren", "dat", "muc", "co", "la", "cho", "voi", "tai", "nhung", "mot"])


def _same_number(a: str | None, b: str | None) -> bool:
    def num(v: str | None) -> str:
        s = (v or "").replace(",", ".").replace(" ", "")
        try:
            return "-".join(f"{float(x):g}" for x in s.split("-"))
        except ValueError:
            return fold(s)
    return bool(a and b) and num(a) == num(b)


_OPENS_SENTENCE = re.compile(r"[\s,]*(?:(?:phan\s*dau|muc\s*tieu)\s*)?")


def _item_targets(outline: Outline, item: Item, year: int | None) -> list[Target]:
    f = item.folded
    out: list[Target] = []
    opening: int | None = None       # the year a sentence opens with ("Đến năm 2027, 100% …; số bài báo …; …")
    for a, b in _clauses(f, frozenset(item.offsets)):
        clause = f[a:b]
        inline = re.search(r"(?:den|dat|toi|vao|trong|truoc)\s*(?:(?:het|cuoi)\s*)?(?:nam\s*)((?:20)\d\d)", clause) or \
            re.search(r"(?:den|toi|truoc|vao)\s*(?:het\s*)?ngay\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*(20\d\d)", clause) or \
            re.search(r"\btu\s*nam\s*((?:20)\d\d)\s*[.;]?\s*$", clause) or \
            re.match(r"[\s,]*nam\s*(20\d\d)\s*[:,]", clause) or \
            re.match(r"[\s,]*(?:(?:trong|ca)\s*)?giai\s*doan\s*(?:tu\s*(?:nam\s*)?)?20\d\d\s*(?:[-–]|den)\s*(?:nam\s*)?(20\d\d)\s*[:,]", clause)
        # "… không quá 03 ngày từ năm 2026.", "Năm 2026: 60% …"; "Giai đoạn 2026 - 2030, thu hút 10 dự án": what the
        # period is to achieve is due at its end
        cyear = int(inline.group(1)) if inline else opening or year
        if inline and re.match(r"\s*:", clause[inline.end():]):
            year = cyear        # "Phấn đấu trong năm 2026: 90% …; 70% …": the lead-in's year holds for the clauses after it
        if inline and _OPENS_SENTENCE.fullmatch(clause[:inline.start()]) and (clause[inline.end() - 1] in ",:" or re.match(r"\s*[,:]", clause[inline.end():])):
            opening = cyear     # … and so does a year opening the sentence, up to its full stop
        if f[b:b + 1] != ";":
            opening = None
        last = a
        prev: tuple[int, str] | None = None          # (end, comparator) of the clause's last figure
        covered = a                                  # a counted target's name runs to here ("01 khu … dành 30% …")
        since: int | None = None                     # where "từ 70% lên 85%" opens: the next target's name ends there
        named_after: int | None = None               # the end of the last target's name when it follows its figure
        for m in _RANK.finditer(clause):
            name = _name(outline, item, a, a + m.start(), a + m.end(), b)
            if (subject := _RANK_SUBJECT.fullmatch(clause[:m.start()])) is not None:
                # "Phấn đấu tỉnh thuộc nhóm 05 tỉnh dẫn đầu …", "Thuộc nhóm 10 …": only the plan's own place stands
                # before the rank, which is then the indicator with what it is about
                at = subject.start("own") if subject.group("own") else m.start() + len(m.group(0)) - len(m.group(0).lstrip())
                name = _no_year_tail(outline.out(item, a + at, b).strip(" ,;:(-."))
            out.append(_mk(outline, item, name, m.group(1), "rank_top", "thứ hạng", cyear, a + m.start(), b, 0.7))
            last = a + m.end()
        for m in _WORD_MULTIPLE.finditer(clause):
            if re.search(r"\d", _DATE_LIKE.sub("", clause[:m.start()])):
                break           # "… đạt 500 tỷ đồng, gấp đôi năm 2025": the figure before is the target
            s, e = a + m.start("g"), a + m.end()
            comparator = ">=" if m.group("ge") or m.group("trolen") else "="
            own = re.match(r"\s*(?:vao|den|toi|trong)\s*(?:(?:het|cuoi)\s*)?nam\s*(20\d\d)\b", f[e:b])   # not "gấp đôi năm 2025": its base
            value = _MULTIPLE_WORDS[m.group("w").translate(str.maketrans("06", "oo"))]
            if own and out and out[-1].unit == "lần" and out[-1].year and int(own.group(1)) > out[-1].year and \
                    re.fullmatch(r"\s*,?\s*(?:va|,)\s*(?:tang\s*)?", f[last:s]):
                # "tăng gấp đôi vào năm 2028 và gấp ba vào năm 2030": the next milestone of the same indicator
                out[-1].milestones = out[-1].milestones or {str(out[-1].year): out[-1].value or ""}
                out[-1].milestones[own.group(1)] = value
                last = e + own.end()
                continue
            base = re.search(r"\bso\s*voi\b", f[e:b])      # "… so với năm 2025": the base, no part of the name
            name = _name(outline, item, last, s, e, e + base.start() if base else b)
            if not name:
                continue
            out.append(_mk(outline, item, name, value, comparator, "lần", int(own.group(1)) if own else cyear, s, e, 0.6))
            last = e + (own.end() if own else 0)
            prev = (last, comparator)
        if (resp := _respectively(outline, item, a, b, cyear)) is not None:
            out.extend(resp[0])
            last = resp[1]
            prev = (last, out[-1].comparator or "=")
        for m in _FIGURE.finditer(clause):
            s, e = a + m.start("a"), a + m.end()
            if re.fullmatch(r"tu|tir", (m.group("cmp") or "").strip()) and not m.group("b") and not m.group("trolen") \
                    and s >= last and _FROM_TO.match(f, e, b):
                since = a + m.start()       # "từ 70% lên 85%": where the indicator stands, not its target
                continue
            if out and prev and s >= last and (later := _next_milestone(f, prev[0], a + m.start(), e, b, out[-1])) is not None:
                last = later        # "… đạt 70% vào năm 2026 và 100% vào năm 2030": one indicator, two milestones
                prev = (later, prev[1])
                continue
            frac = None if m.group("pct") or m.group("b") else re.match(r"/\s?(\d{1,4})(?=\s+[a-z])", f[e:b])
            if frac and int(m.group("a")) <= int(frac.group(1)) and _countable(f, e + frac.end()) and s >= last:
                e += frac.end()         # "đạt 12/12 thôn": a count out of all there are, named by the words before
            elif s < last or s < covered or _skip_figure(f, s, e, m):
                continue
            cmp_word = (m.group("cmp") or "").strip()
            comparator, value = _comparator(cmp_word, m)
            if comparator == "=" and re.search(r"\bgiam\b[^;:]*\b(?:xuong|con)\s*$", f[a:a + m.start()]):
                comparator = "<="    # "giảm tỷ lệ hộ nghèo xuống còn 1,5%": a ceiling
            if comparator == "=" and not cmp_word and prev and prev[1] != "=" and \
                    re.fullmatch(r"\s*(?:va|,)\s*", f[prev[0]:a + m.start()]):
                comparator = prev[1]         # "tối thiểu 15 doanh nghiệp … và 10 doanh nghiệp …": both at least
            unit = "%" if m.group("pct") or (m.group("b") and "%" in f[s:e + 1]) else None
            fig_end = e
            um = _UNIT_AFTER.match(f[e:e + 60].translate(_GLYPHS))
            if um and unit == "%" and re.match(_COUNTED_NOUNS, um.group(1)):
                um = None       # "70% doanh nghiệp nhỏ và vừa …": a share of the enterprises, not a unit
            if um and um.group(1) == "lan":
                unit = "lần"       # whatever the restorer made of unmarked "lan" ("lớn")
            elif um:
                unit = (unit or "") + (" " if unit and not um.group(1).startswith("/") else "") + \
                    outline.out(item, e + um.start(1), e + um.end(1)).strip()
                e += um.end()
                if (tl := re.match(_TRO_LEN + r"\b", f[e:e + 12])) is not None:     # "1,5% GRDP trở lên"
                    e += tl.end()
                    if comparator == "=":
                        comparator = ">="
            elif unit is None and (counts := _repeated_noun(f, item.text, last, s, e)):
                unit = outline.out(item, e + counts[0], e + counts[1]).strip()    # "Số hợp tác xã … đạt 120 hợp tác xã"
                e += counts[1]
            elif unit is None and (not (_countable(f, e) or ((_AT_LEAST_COUNT.fullmatch(cmp_word) or cmp_word == "dat") and _NOUN_NEXT.match(f, e)))
                                   or re.fullmatch(r"20[2-5]\d", m.group("a"))) and \
                    not (re.search(r"[.,]", m.group("a")) and cmp_word):
                continue        # … or a year before a word that could be counted ("… 2027 2028 tính trì": a header's)
            elif unit is None and not cmp_word and re.search(r"(?<![\d/.,])\d{1,3}\s*%?\s*\|?\s*$", f[max(0, a + m.start() - 8):a + m.start()]):
                continue        # "… 40 65 2 Học sinh …": an OCR'd table's next row number after the cells, no count
            # a measure ("trên 150 Mbps", "500 tỷ đồng") is named by the words before it, like a percentage
            counted = unit is None or (um is not None and not unit.startswith("%") and not um.group("measure"))
            noun = um is not None and counted and re.match(r"\s*(doanh|to|bai|sang|san\s*pham|du\s*an|do\s*thi)", f[fig_end:]) is not None
            if out and (later := _year_only_clause(f, last, a + m.start(), e, b, out[-1], value)):
                last = later        # "Năm 2026: 60% hộ gia đình có địa chỉ số; năm 2027: 100%": the last target's next year
                continue
            # a counted noun names the target itself ("15 doanh nghiệp khoa học công nghệ"); after a target named by
            # the words after its figure, a figure that follows it is named so too ("đạt 100% thôn có cáp quang,
            # 95% hộ gia đình có internet"), not by the last one's words
            first = named_after is not None and re.fullmatch(r"[\s,]*(?:va\s*)?", f[named_after:a + m.start()]) is not None
            name = _name(outline, item, a + m.start() if first else last,
                         since if since is not None and since >= last else a + m.start(),
                         fig_end if noun else e, b, whole=counted and not frac,
                         share=unit == "%")
            if not name:
                continue
            # the figure's own year: "đạt ít nhất 70% (năm 2026)", "đạt 60% năm 2026", "…: năm 2026 đạt 60%"
            own = _FOR_YEAR.match(f, e, b) or _PERIOD_AFTER.match(f, e, b) or _PERIOD_END.search(f, e, b) or _YEAR_BEFORE.search(f, last, a + m.start())
            if own and unit == "lần" and re.match(r"\s*(?:cua\s*)?nam\b", f[e:b]):
                own = None          # "gấp 2 lần năm 2025": the base of the multiple, not its year
            out.append(_mk(outline, item, name, value, comparator, unit, int(own.group("fy")) if own else cyear, a + m.start(), e, 0.6))
            named = fold(name)
            at = f.find(named, e, b) if len(named) >= 8 else -1
            named_after = at + len(named) if at >= 0 and not f[e:at].strip(" ,:") else None
            last = e
            prev = (e, comparator)
            if counted and unit is None:
                stop = _NAME_STOP.search(f, e, b)
                covered = stop.start() if stop else b
            elif noun:
                # "05 doanh nghiệp có doanh thu trên 100 tỷ đồng": a figure qualifying the counted noun is the
                # name's, up to the clause's next comma
                stop = re.compile(r"[,;.(]|\s(?:va|hoac)\s*\d|" + _TRO_LEN[3:-1]).search(f, e, b)
                covered = stop.start() if stop else b
    return out


_RESPECTIVELY = re.compile(r"\s*,?\s*lan\s*luot\s*(?:(?:la|dat|chiem|o\s*muc)\s*)?")
_NAMES_APART = re.compile(r"\s*,\s*(?:va\s+)?|\s+va\s+")


def _respectively(outline: Outline, item: Item, a: int, b: int, year: int | None) -> tuple[list[Target], int] | None:
    """Indicators named one after another and set 'respectively' ("Tỷ lệ A và tỷ lệ B lần lượt đạt 85% và 100%"):
    the n-th name takes the n-th figure. The names are parted where the words that open the first open again ("tỷ
    lệ … và tỷ lệ …"), or at every comma and "và" when that gives as many names as figures."""
    f = item.folded
    r = _RESPECTIVELY.search(f, a, b)
    if r is None or not r.group(0).strip(" ,").startswith("lan"):
        return None
    figs: list[re.Match[str]] = []
    at = r.end()
    while (m := _FIGURE.match(f, at, b)) is not None and m.group("a"):
        figs.append(m)
        sep = re.match(r"\s*(?:,|va)\s*(?:,\s*)?", f[m.end():b])
        if not sep or not re.match(r"\s*(?:" + _GE + "|" + _GT + "|" + _LE + "|" + _LT + r")?\s*\d", f[m.end() + sep.end():b]):
            break
        at = m.end() + sep.end()
    if len(figs) < 2:
        return None
    lo = a + len(f[a:r.start()]) - len(f[a:r.start()].lstrip(" ,;:-"))
    if (yl := _YEAR_LEAD.match(f, lo, r.start())) is not None:
        lo = yl.end()
    opening = " ".join(f[lo:r.start()].split()[:2])
    cuts = [m for m in _NAMES_APART.finditer(f, lo, r.start())]
    same = [m for m in cuts if opening and f.startswith(opening, m.end())]
    parts = same if len(same) == len(figs) - 1 else cuts if len(cuts) == len(figs) - 1 else None
    if parts is None:
        return None
    bounds = [lo] + [x for m in parts for x in (m.start(), m.end())] + [r.start()]
    out: list[Target] = []
    spans = [(bounds[2 * k], bounds[2 * k + 1]) for k in range(len(figs))]
    for (s, e), m in zip(spans, figs, strict=True):
        comparator, value = _comparator((m.group("cmp") or "").strip(), m)
        unit = "%" if m.group("pct") or (m.group("b") and "%" in m.group(0)) else None
        name = outline.out(item, s, s + len(_VERB_TAIL.sub("", f[s:e]))).strip(" ,;:(-")     # "… chiếm lần lượt …"
        if len(name) < 4:
            return None
        out.append(_mk(outline, item, name, value, comparator, unit, year, m.start(), m.end(), 0.6))
    return out, figs[-1].end()


# after a figure opened by "từ": its unit, its year, then "lên"/"xuống còn" and the target ("từ 70% lên 85%", "từ 03 ngày làm
# việc xuống còn không quá 01 ngày", "từ 60% năm 2025 lên 85% năm 2027"; folded)
_FROM_TO = re.compile(r"\s*%?(?:\s*(?<![a-z])(?!tr[a-z]{1,2}\s*[l1i][a-z]n\b|len\b|xuong\b|tang\b|giam\b|nam\b)[a-z]+){0,3}(?:\s*(?:vao\s*)?(?:nam\s*)?20\d\d)?\s*[,]?\s*"
                      r"(?:(?:tang|nang)\s*)?(?:len|(?:giam\s*)?xuong)\b")


# a year a figure is set for, right after it ("… 70% vào năm 2026", "… 120 hợp tác xã năm 2026")
# … or in brackets ("đạt từ 60% trở lên (năm 2026) và 85% (năm 2027)")
_FOR_YEAR = re.compile(r"\s*(?P<br>\(\s*)?(?:vao|den|toi|trong)?\s*(?:(?:het|cuoi)\s*)?(?(br)(?:nam\s*)?|nam\s*)(?P<fy>20\d\d)\b(?(br)\s*\))")


# "tăng bình quân 6,5%/năm giai đoạn 2026 - 2030", "(giai đoạn 2026-2030)": what a period is to achieve is due at its end
_PERIOD_AFTER = re.compile(r"\s*(?P<br>\(\s*)?(?:(?:trong|ca)\s*)?giai\s*doan\s*(?:tu\s*)?(?:nam\s*)?20\d\d\s*(?:[-–]|den)\s*(?:nam\s*)?(?P<fy>20\d\d)\b")
_PERIOD_END = re.compile(r"(?<!so voi )(?<!binh quan )(?<!cua )giai\s*doan\s*(?:tu\s*)?(?:nam\s*)?20\d\d\s*(?:[-–]|den)\s*(?:nam\s*)?(?P<fy>20\d\d)\s*\)?\s*[.;,]?\s*$")


def _next_milestone(f: str, gap: int, s: int, e: int, hi: int, target: Target) -> int | None:
    """A figure that is the last target's next milestone: the two joined by "và" or a comma, each followed by
    its own year ("đạt 70% vào năm 2026 và 100% vào năm 2030", "đạt 120 hợp tác xã năm 2026 và 250 hợp tác xã
    năm 2030"), the second with the first's unit or none, a later year. The target gets both milestones (its
    value and year the first's); the end of the second year phrase is returned, None when it is no such figure."""
    if target.value is None or target.comparator not in ("=", ">=", "<=", ">", "<"):
        return None
    if target.milestones and re.fullmatch(r"\s*,?\s*(?:va|,)\s*", f[gap:s]):
        year = max(target.milestones)           # "…, 80% vào năm 2027 và 100% vào năm 2030": a third one
    elif (first := re.fullmatch(r"(?:\s*" + re.escape(fold(target.unit or "")) + r")?" + _FOR_YEAR.pattern +
                                r"\s*,?\s*(?:va|,)\s*", f[gap:s])) is not None and not target.milestones:
        year = first.group("fy")
    else:
        return None
    unit = re.escape(fold(target.unit or "")) if target.unit and target.unit != "%" else ""
    m = re.match(r"(?:\s*%)?(?:\s*" + unit + r")?" + _FOR_YEAR.pattern, f[e:hi]) if unit or "%" not in f[s:e] else \
        re.match(_FOR_YEAR.pattern, f[e:hi])
    figure = re.search(r"\d+(?:[.,]\d+)?", f[s:e])      # after its own bound word ("…, không dưới 90% (năm 2028)")
    if m is None or figure is None or int(m.group("fy")) <= int(year):
        return None
    sign = {">=": "≥ ", "<=": "≤ ", ">": "> ", "<": "< "}.get(target.comparator, "")
    if not target.milestones:
        target.year = int(year)
        target.milestones = {year: sign + target.value}
    target.milestones[m.group("fy")] = _own_sign(f[s:e], figure.start(), sign) + plain_number(figure.group(0))
    return e + m.end()


def _own_sign(fig: str, at: int, sign: str) -> str:
    """The bound of a milestone written with its own word ("năm 2026 đạt 60%, …, đến năm 2030 đạt trên 95%",
    "70% vào năm 2026 và không dưới 90% vào năm 2030"): that word's, else the target's (`sign`)."""
    word = re.sub(r"\s+", " ", fig[:at]).strip()
    word = re.sub(r"(?:^|(?<=\S) )dat$", "", word).strip()
    if re.search(_TRO_LEN + r"\s*$", fig[at:]) or re.fullmatch(_GE, word) or word in (">=", "≥"):
        return "≥ "
    if re.fullmatch(_GT, word):
        return "> "
    if re.fullmatch(_LE, word):
        return "≤ "
    if re.fullmatch(_LT, word):
        return "< "
    return sign


def _year_only_clause(f: str, lo: int, s: int, e: int, b: int, target: Target, value: str) -> int | None:
    """A figure that only a year names ("…; năm 2027: 100%", "…; đến năm 2030, 100%.", "…, năm 2030 đạt 100%"),
    after a figure of the same kind set for an earlier year: a milestone of that target, added to it; the end of
    the figure, None when it is no such figure."""
    head = _VERB_TAIL.sub("", f[lo:s]).strip(" ,;")
    year = re.search(r"20\d\d", head) if _YEAR_LEAD.fullmatch(head) else None
    if year is None or not re.match(r"\s*(?:[,;.]|$)", f[e:b + 1]):
        return None
    if target.year is None or int(year.group(0)) <= target.year or target.value is None or \
            ("%" in f[s:e]) != (target.unit == "%") or target.comparator not in ("=", ">=", "<=", ">", "<"):
        return None
    sign = {">=": "≥ ", "<=": "≤ ", ">": "> ", "<": "< "}.get(target.comparator, "")
    target.milestones = target.milestones or {str(target.year): sign + target.value}
    digits = re.search(r"\d", f[s:e])
    target.milestones[year.group(0)] = _own_sign(f[s:e], digits.start() if digits else 0, sign) + plain_number(value)
    return e


def _repeated_noun(f: str, text: str, lo: int, s: int, e: int) -> tuple[int, int] | None:
    """The counted noun after a figure that the indicator's name counts ("Số hợp tác xã … đạt 120 hợp tác xã …"):
    the words after "Số" (or "Số lượng") that open the name (not "sở", which folds alike), up to four, repeated
    right after the figure; their span after the figure."""
    named = re.match(r"[\s,;:(\-–]*(?:[a-z]\)\s*)?(?:(?:den|trong)\s*(?:(?:het|cuoi)\s*)?nam\s*20\d\d\s*,\s*)?(so)\s+(?:luong\s+)?((?:[a-z]+\s*){1,4})",
                     f[lo:s])
    if named is None or text[lo + named.start(1):lo + named.end(1)].lower() in ("sở", "sổ", "sợ", "sớ"):
        return None             # "Số" also unmarked or mis-marked ("So", "Sô"), as OCR and the restorer leave it
    words = named.group(2).split()
    for k in range(len(words), 0, -1):
        if (m := re.match(r"\s*(" + r"\s+".join(words[:k]) + r")\b", f[e:e + 60])) is not None:
            return m.start(1), m.end(1)
    return None


# what a plan counts by number ("25 doanh nghiệp", "500 lượt cán bộ", "03 nhiệm vụ"; folded)
_COUNTABLE = (r"(?:doanh\s*ngh[a-z]{1,3}p|t[o6]\s*ch[a-z]{1,3}c|du\s*an|thanh pho|do thi|ngu[a-z]{0,2}i|san pham|trung tam|khu|co so"
              r"|chuong trinh|mo hinh|sang kien|cum|tinh|xa|phuong|lan|to\b|thon|tram|diem|tieu\s*chuan|quy\s*chuan"
              r"|luot|can\s*bo|cong\s*chuc|vien\s*chuc|giao\s*vien|hoc\s*sinh|sinh\s*vien|giang\s*vien|lao\s*dong|chuyen\s*gia"
              r"|nha\s*khoa\s*hoc|ho\s*(?:gia\s*dinh|kinh\s*doanh|dan)|nhiem\s*vu|de\s*tai|lop\b|nen\s*tang"
              r"|ung\s*dung|giai\s*phap|bai\s*bao|bai\s*giang|chuyen\s*de|tai\s*lieu|khoa\s*(?:dao\s*tao|tap\s*huan)|sang\s*che|hoi\s*thao|cuoc\s*thi"
              r"|(?:hoi|thanh|doan|dang|hoc)\s*vien\b|hop\s*tac\s*xa|tai\s*khoan|thiet\s*bi"
              r"|bo\s*du\s*lieu|he\s*thong|phan\s*mem|dich\s*vu"
              # people a plan trains or attracts by number ("2.000 kỹ sư", "50 bác sĩ", "30 tiến sĩ")
              r"|ky\s*su|ky\s*thuat\s*vien|bac\s*si|tien\s*si|thac\s*si|nghien\s*cuu\s*sinh|nhan\s*luc)")
# a short item counting something ("Đào tạo 200 người …", "Hỗ trợ 15 doanh nghiệp …"): a count, not a year or a date
_COUNT_OF = re.compile(r"(?<![\d.,/])(?!20\d\d\b)(?:\d{1,3}(?:\.\d{3})+|\d{1,3},\d{1,2}|\d{1,4})\s+" + _COUNTABLE)   # "tăng 1,5 lần"


# "ít nhất 95 di tích", "tối thiểu 12 thư viện", "không dưới 30 điểm": a floor set on a whole number of things is a
# count whatever the things are (folded; the noun a word of letters, a date's words left to _skip_figure)
_AT_LEAST_COUNT = re.compile(r"it\s*nh[a-z]{1,2}t|t[a-z0-9]{1,2}i\s*thi[a-z]{1,2}u|kh[o6]ng\s*(?:duoi|it\s*hon)")
_NOUN_NEXT = re.compile(r"\s*(?!(?:va|hoac|den|tro|nam|thang|ngay|so|voi|lan|%)\b)[a-z]{2,}\b")


def _countable(f: str, e: int) -> bool:
    return bool(re.match(r"\s*" + _COUNTABLE, f[e:e + 30].translate(_GLYPHS)))


def _skip_figure(f: str, s: int, e: int, m: re.Match[str]) -> bool:
    if s > 0 and f[s - 1].isalpha() and not m.group("pct"):
        return True             # a digit glued to a word is an OCR'd letter ("tổng s6 doanh nghiệp")
    if re.fullmatch(r"1\d?", m.group("a")) and not m.group("pct") and re.search(r"\bt[yi]\s*$", f[max(0, s - 6):s]):
        return True             # "Ty 1 doanh nghiệp", "Ti 16 doanh nghiệp": OCR of "Tỷ lệ"
    lo = max(0, s - 12)
    if not m.group("pct") and any(lo + d.start() < e and (lo + d.end() > s or not f[lo + d.end():s].strip(" |:"))
                                  for d in _DATE_LIKE.finditer(f[lo:e + 8])):
        return True             # a part of a date or right after one; not a count after a word ("đến năm 2030 có 50 …")
    if re.match(r"\s*(/|-[a-z]|\.\d)", f[e:e + 3]) and "%" not in m.group(0):     # "từ 20 - 25%/năm": a rate
        return True
    if re.search(r"(\bso|nghi dinh|quyet dinh|khoan|dieu|nh[a-z]m|top|5g|4g|6g)\s*$", f[max(0, s - 14):s]):
        return True
    if re.search(r"\bcua\s*$", f[max(0, s - 6):s]) and not m.group("pct"):
        return True             # "của 100% xã, phường": a share of the units the name counts
    if re.match(r"\s*(?:ngay|gio|phut)\b", f[e:e + 6]) and re.fullmatch(_LE + "|" + _LT, re.sub(r"\s+", " ", (m.group("cmp") or "").strip())):
        return False            # a bounded duration ("không quá 03 ngày làm việc"), not a date
    if m.group("pct") and re.match(r"\s*nam\s*20\d\d\b", f[e:e + 12]):
        return False            # "đạt 60% năm 2026": the figure's year, not a duration
    return bool(re.match(r"\s*(g\b|gb|ngay|thang|nam\b)", f[e:e + 6]))


def _comparator(word: str, m: re.Match[str]) -> tuple[str, str]:
    a = m.group("a")
    if m.group("b"):
        return "range", f"{a}-{m.group('b')}"
    w = re.sub(r"\s+", " ", word)
    w = re.sub(r"(?<=\S) dat$", "", w)          # "tối thiểu đạt 25%" is "tối thiểu 25%"
    w = {"&gt;=": ">=", "&ge;": ">=", "&gt;": ">", "&lt;=": "<=", "&le;": "<=", "&lt;": "<"}.get(w, w)
    if m.group("trolen") or re.fullmatch(_GE, w) or w in (">=", "≥"):
        return ">=", a
    if re.fullmatch(_GT, w):
        return ">", a
    if re.fullmatch(_LE, w):
        return "<=", a
    if re.fullmatch(_LT, w):
        return "<", a
    return "=", a


def _clauses(f: str, line_starts: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r";(?<!&[gl][te];)(?<!&amp;)|[.](?=\s+[a-z(]|\s*$)(?<!\d\.)|\s-\s(?=[a-z])", f):   # "…; 70% người dân …": a clause
        if m.group(0).strip() == "-" and m.end() in line_starts:
            continue        # a dash closing a line ("… Trung tâm giám -" / "sát, …"): OCR's speck or a hyphen, no clause
        if m.start() - start > 3:
            out.append((start, m.start()))
        start = m.end()
    if len(f) - start > 3:
        out.append((start, len(f)))
    return out


# where a target's name ends after its figure: the next figure, a sentence's end, "trở lên", or ", trong đó" opening
# the part of it that is a target of its own ("2.000 kỹ sư, trong đó có 300 kỹ sư an toàn thông tin")
_NAME_STOP = re.compile(r"\s(va|,)\s*\d|\s(?:va|,)\s+(?=(?:t[yi]\s*l[e]|t[yi]\s*trong)\s)|(?<=[^\W\d_]),\s*\d|[;.(]|\str[a-z]{1,2}\s*l[a-z]n\b|,\s*trong\s*d[o06]\b")
_PART_OF = re.compile(r",\s*trong\s*d[o06]\b\s*,?(?![^,;]*,\s*trong\s*d[o06]\b)")
_HEAD_NOUN = re.compile(r"\b(?:quy\s*mo|t[yi]\s*l[e]|t[yi]\s*trong|chi\s*so|so\s*luong|kinh\s*phi|nguon\s*nhan\s*luc)\b")


def _name(outline: Outline, item: Item, lo: int, fig_start: int, fig_end: int, hi: int, whole: bool = False,
          share: bool = False) -> str:
    f = item.folded
    before = f[lo:fig_start]
    k = len(before.rstrip())
    trimmed = _VERB_TAIL.sub("", before[:k])
    a = lo + (len(before) - len(before.lstrip()))
    b = lo + len(trimmed)
    opened = before.rfind("(")
    if opened >= 0 and ")" not in before[opened:]:
        # "(trong đó, ngoài ngân sách từ 60% trở lên)": a figure inside brackets is a sub-target
        # named by the bracket's own words, not by the main indicator.
        lo += opened + 1
        before = f[lo:fig_start]
        a = lo + (len(before) - len(before.lstrip()))
        b = lo + len(_VERB_TAIL.sub("", before[:len(before.rstrip())]))
    if (part := _PART_OF.search(before)) is not None:
        # "… 2.000 kỹ sư, trong đó có 300 kỹ sư an toàn thông tin": the part is named by its own words
        lo += part.end()
        before = f[lo:fig_start]
        a = lo + (len(before) - len(before.lstrip()))
        b = lo + len(_VERB_TAIL.sub("", before[:len(before.rstrip())]))
    # "Hằng năm, 100% nhiệm vụ …": how often is not the indicator's name, nor a plan amending its indicators: "Điều chỉnh chỉ tiêu tỷ lệ …", "Bổ sung chỉ tiêu: tỷ lệ …"
    lead_in = re.match(r"^[\s,;(.\-–]*(?:va\s+)?(?:trong\s*d[o06],?\s*)?(?:(?:hang|moi)\s*nam\b(?!\s*hoc\b)\s*,?\s*)?(?:phan\s*dau\s+(?:de\s+)?(?=\S+\s+\S))?"
                       r"(?:(?:dieu\s*chinh|bo\s*sung|sua\s*doi)\s*(?:cac\s*)?chi\s*tieu\s*:?\s*)?", before)
    a = max(a, lo + (len(lead_in.group(0)) if lead_in else 0))
    # an amended point quoted after its lead-in ('Sửa đổi điểm d khoản 2 như sau: "d) Đến năm 2028, số …')
    quoted = re.match(r"(?:[^\"“”]*?:\s*)?[\"“”']\s*(?:[a-z0-9]\)\s*)?(?:(?:den|toi|trong|vao)\s*(?:(?:het|cuoi)\s*)?nam\s*20\d\d\s*,\s*)?",
                      f[a:b])
    if quoted:
        a += quoted.end()
    if (yl := _YEAR_LEAD.match(f, a, b)) is not None:
        a = yl.end()            # "Đến hết năm 2026, 100% hóa đơn …": the year is not the indicator's name
    if len(f[a:b].split()) > 12:
        # A long run-in sentence: the indicator starts at its last head noun ("… phấn đấu có quy mô kinh tế số").
        heads = list(_HEAD_NOUN.finditer(f, a, b))
        if heads and b - heads[-1].start() >= 8:
            a = heads[-1].start()
    before_words = len(f[a:b].split())
    stop = _NAME_STOP.search(f, fig_end, hi)
    while stop and stop.group(0).lstrip().startswith("tr") and re.search(r"\btu\s*\d{1,3}\s*[a-z]{2,6}$", f[fig_end:stop.start()]):
        stop = _NAME_STOP.search(f, stop.end(), hi)        # "người dân từ 15 tuổi trở lên có …": the name's own phrase
    after_end = min(hi, stop.start() if stop else fig_end + 160, fig_end + 160)
    counted = re.match(r"\s*([a-z]+\s+[a-z]+)", f[fig_end:after_end])
    if whole and before_words >= 3 and counted and re.search(r"\bso\s+(?:luong\s+)?" + counted.group(1) + r"\b", f[a:b]):
        whole = False           # "số doanh nghiệp … đạt ít nhất 60 doanh nghiệp": the count the words before name
    if share and before_words >= 1 and (obj := _share_object(f, a, b, fig_end, after_end, trimmed != before[:k])):
        # "Phủ sóng 5G tại 100% khu dân cư", "Hoàn thành số hóa 100% hồ sơ hộ tịch": the share qualifies the
        # noun after it, and the indicator is the words before and after the figure
        return _no_year_tail(outline.out(item, a, b).strip(" ,;:(-") + " " + outline.out(item, *obj).strip(" ,;:(-"))
    if whole and after_end - fig_end >= 4:
        # "Thu hút 10 dự án đầu tư …", "Công bố ít nhất 150 bài báo …": a short verb phrase before the count, no
        # measure of its own ("số", "tổng", "tỷ lệ"), is what is done; the target is what it counts
        verb = (before_words <= 3 or _TWO_VERBS.fullmatch(f[a:b].strip()) is not None) and \
            not re.search(r"\b(?:so(?!\s*hoa\b)|tong)\b", f[a:b]) and not _HEAD_NOUN.search(f, a, b)
        counted_text = outline.out(item, fig_end, after_end).strip(" ,;:(-")
        if verb and before_words:
            return _done_to(_deed(outline.out(item, a, fig_start)), _no_year_tail(counted_text))
        return _no_year_tail(outline.out(item, a, after_end).strip(" ,;:(-") if before_words else counted_text)
    if before_words >= 3:
        return _no_year_tail(outline.out(item, a, b).strip(" ,;:(-"))
    if before_words >= 1 and after_end - fig_end >= 4:
        return _no_year_tail(outline.out(item, a, after_end).strip(" ,;:(-"))
    if b - a >= 6:
        return _no_year_tail(outline.out(item, a, b).strip(" ,;:(-"))
    return _no_year_tail(outline.out(item, fig_end, after_end).strip(" ,;:(-"))


# two verbs of one deed ("đào tạo, bồi dưỡng", "xây dựng và chuẩn hóa"; folded)
_TWO_VERBS = re.compile(r"[a-z]+\s[a-z]+\s*(?:,|va)\s*[a-z]+\s[a-z]+")
# verbs that only state the count ("Có 50 doanh nghiệp …")
_BARE_VERB = re.compile(r"(?:co|dat|phan\s*dau\s*(?:co|dat)?|thu\s*hut\s*duoc)")


def _deed(words: str) -> str:
    """The verb phrase before a count without the words that only state it ("đạt", "có", "khoảng"), read on the marked text:
    'lắp đặt' is a deed, its folded 'dat' alike to 'đạt'."""
    return re.sub(r"(?:\s+(?:đạt|có|là|trên|lên|(?:vào\s+)?khoảng))+\s*$", "", " " + words.strip(" ,;:(-"),
                  flags=re.IGNORECASE).strip()      # "đào tạo khoảng 2.000 người": an estimate, no deed


def _done_to(verb: str, counted: str) -> str:
    """The name of a count after what is done to it ("Thu hút 10 dự án đầu tư", "bồi dưỡng 500 lượt cán bộ về kỹ
    năng số"): what is counted, then that it is done ("dự án đầu tư được thu hút", "lượt cán bộ về kỹ năng số được
    bồi dưỡng"), as an indicator names it; a count merely stated ("Có 50 doanh nghiệp …") or with a deed of its
    own ("… dự án được ươm tạo"; not a state it is in: "di tích đã được xếp hạng") is named by what it counts alone."""
    if not verb or _BARE_VERB.fullmatch(fold(verb).strip()) or re.search(r"(?<!\bda )\bduoc\b", fold(counted)) or not counted:
        return counted
    if re.match(r"(?:moi|tat\s*ca|toan\s*bo)\s", fold(verb)):
        return f"{counted} ở {verb[:1].lower()}{verb[1:]}"    # "Mỗi xã có ít nhất 01 tổ …": each unit's count, no deed
    return f"{counted} được {verb[:1].lower()}{verb[1:]}"


# the words a percentage's object cannot open with: a year, a comparison, a frequency, a measure
_NOT_OBJECT = re.compile(r"\s*(?:tro\s*len|so\s*voi|vao|den|toi|trong|truoc|nam\b|tren\s*tong|tong|moi|hang|hon\b|/|\d)")
_PREPOSITION_END = re.compile(r"\b(?:tai|cua|cho|o|den|voi)\s*$")


def _share_object(f: str, a: int, b: int, fig_end: int, after_end: int, verb_cut: bool) -> tuple[int, int] | None:
    """The span of the noun phrase a percentage qualifies, when the words before the figure are not the
    indicator's whole name: they end with a preposition ("triển khai tại 100% khoa"), or are a verb phrase
    without a head noun ("Hoàn thành số hóa 100% hồ sơ"; not "Tỷ lệ … đạt 90% …", whose verb was cut)."""
    after = f[fig_end:after_end]
    if not re.match(r"[\s,]*[a-z]{2}", after) or _NOT_OBJECT.match(after):
        return None
    if not _PREPOSITION_END.search(f[a:b]) and (verb_cut or _HEAD_NOUN.search(f, a, b)):
        return None
    lead = len(after) - len(after.lstrip(" ,"))
    return fig_end + lead, after_end


def _no_year_tail(name: str) -> str:
    """A name without the year phrase that closes its sentence ("… không dùng tiền mặt vào năm 2027")."""
    m = _YEAR_TAIL.search(fold(name))
    return name[:m.start()].rstrip(" ,;:(-") if m and m.start() >= 8 else name


def _mk(outline: Outline, item: Item, name: str, value: str, comparator: str, unit: str | None,
        year: int | None, s: int, e: int, conf: float) -> Target:
    line_at = item.start
    return Target(name=squash(name)[:300], value=plain_number(value) if value else None, comparator=comparator,
                  unit=unit, year=year, source=SourceSpan(line_at + 1, item.end + 1), confidence=conf,
                  raw=outline.out(item, max(0, s - 40), min(len(item.text), e + 20)))


# --- tables ----------------------------------------------------------------------------

# "2030", "Năm 2030", "Mục tiêu 2030", "Kế hoạch năm 2026", "KH 2025", "Đến năm 2030" (not "Thực hiện 2025": a
# baseline); "Năm học 2025 - 2026": a school year, known by the year it ends
# "Đến hết năm 2026", "Lộ trình 2027", "Năm 2026 (kế hoạch)", "Giai đoạn 2026 - 2027" (known by its end) too
_YEAR_COL = re.compile(r"^\s*(?:(?:muc\s*tieu|chi\s*tieu|ke\s*hoach|kh|lo\s*trinh)\s*)?(?:(?:(?:den|toi)\s*(?:(?:het|cuoi)\s*)?)?nam\s*(?:hoc\s*20\d\d\s*[-–/]\s*)?"
                       r"|giai\s*doan\s*20\d\d\s*[-–]\s*)?((?:20)\d\d)\s*(?:\(\s*(?:ke\s*hoach|kh|du\s*kien|muc\s*tieu|chi\s*tieu)\s*\)\s*)?$")
# a unit in brackets ending an indicator's name where the table has no unit column ("… học bạ số (%)", "(trường)")
_BRACKET_UNIT = re.compile(r"\s*\((%|(?=[^\W\d_A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper()) + r"])[^\W\d_]+(?:\s[^\W\d_]+)?)\)\s*$")   # not an acronym ("(TFP)")


_YEAR_CELL = re.compile(r"(?:nam\s*)?(20[2-5]\d)")


_TURNED_TITLE = {"unit": "Đơn vị tính", "lead": "Cơ quan theo dõi"}


def _turned_row(cell: str) -> str:
    """What a transposed indicator table's row titled `cell` gives each indicator: "unit", "lead" or ""."""
    f = re.sub(r"\s+", " ", fold(cell)).strip(" *.:")
    if f in ("don vi tinh", "dvt"):
        return "unit"
    return "lead" if re.fullmatch(r"(?:co quan|don vi)\s*(?:chu tri|theo doi|phu trach|chiu trach nhiem|thuc hien)(?: theo doi)?", f) else ""


def _names_row(row: list[str]) -> bool:
    """A transposed table's last row whose title is not read and whose every other cell is a name, no figure ("| 6 |
    Sở Tài chính | Sở Công Thương |"): each column's body, not a year."""
    cells = row[1:]
    return len(cells) >= 2 and not _YEAR_CELL.fullmatch(fold(row[0]).strip(" *.")) and all(
        c.strip() and not re.search(r"\d|%", c) and len(c.split()) >= 2 and c.strip()[:1].isupper() for c in cells)


def _years_as_rows(table: Table) -> Table | None:
    """An indicator table laid out the other way round: one indicator per column, one year per row ("Năm | Tỷ lệ
    hồ sơ được số hóa (%) | Số doanh nghiệp … (doanh nghiệp)" / "2026 | 80 | 25" / "2030 | 100 | 50"), turned into
    the usual one ("Chỉ tiêu | Năm 2026 | Năm 2030" / "Tỷ lệ hồ sơ … (%) | 80 | 100"); each indicator's row is the
    header's line. None for any other table: the first column titled "Năm" alone, every row below a year (or the
    header's copy a page break repeats), two at least, and most cells figures."""
    rows, rrows = table.rows, table.rrows
    if len(rows) < 3 or len(rows[0]) < 2 or fold(rows[0][0]).strip(" *.:") != "nam":
        return None

    def norm(row: list[str]) -> list[str]:
        return [re.sub(r"[^a-z0-9]", "", fold(c)) for c in row]

    # the header a page break repeats inside the table is no row
    body = [k for k in range(1, len(rows)) if any(c.strip() for c in rows[k]) and norm(rows[k]) != norm(rows[0])]
    # a row under the years naming each indicator's unit or the body that follows it ("Đơn vị tính | % | doanh
    # nghiệp", "Cơ quan theo dõi | Sở Tài chính | Sở Công Thương"): a column of the usual table
    titled = {k: title for k in body if (title := _TURNED_TITLE.get(_turned_row(rows[k][0])))}
    if body and body[-1] not in titled and _names_row(rows[body[-1]]):
        titled[body[-1]] = _TURNED_TITLE["lead"]    # a scan misread its title ("6" for "Cơ quan theo dõi"): names
    body = [k for k in body if k not in titled]
    years = [m.group(1) if (m := _YEAR_CELL.fullmatch(fold(rows[k][0]).strip(" *."))) else None for k in body]
    if len(body) < 2 or None in years or len(set(years)) != len(years):
        return None
    cells = [rows[k][c] for k in body for c in range(1, len(rows[0])) if c < len(rows[k])]
    if sum(bool(re.search(r"\d", x)) for x in cells) < 0.75 * max(len(cells), 1):
        return None
    head = ["Chỉ tiêu", *(f"Năm {y}" for y in years), *titled.values()]

    def turned(src: list[list[str]]) -> list[list[str]]:
        return [head] + [[src[0][c], *(src[k][c] if c < len(src[k]) else "" for k in [*body, *titled])]
                         for c in range(1, len(src[0]))]

    line = table.row_lines[0] if table.row_lines else table.start
    return Table(table.start, table.end, turned(rows), turned(rrows), [line] * len(rows[0]))


# one step of a roadmap written in a cell: "Năm 2026: 70%", "năm 2027: 100 camera"
_ROADMAP_STEP = re.compile(r"(?:nam\s*)?((?:19|20)\d\d)\s*:\s*([^;]+?)\s*(?:;|$)")


def _roadmap_cells(table: Table) -> Table | None:
    """An indicator table whose whole roadmap stands in one cell ("TT | Chỉ tiêu | Lộ trình thực hiện | Bộ phận theo
    dõi" / "… | Năm 2026: 70%; năm 2027: 80%; năm 2028: 90% | …"): the cell opened into one column per year (a unit
    written after each figure, "60 camera", "70%", goes to a unit column). None for any other table: a column titled
    "Lộ trình …" whose cells (two rows at least) are all steps "year: value", two or more each."""
    rows = table.rows
    if len(rows) < 3:
        return None
    col = next((c for c, x in enumerate(rows[0]) if re.match(r"\s*lo\s*trinh\b", fold(x))), None)
    if col is None:
        return None
    body = [k for k in range(1, len(rows)) if col < len(rows[k]) and rows[k][col].strip()]
    steps = {k: _ROADMAP_STEP.findall(fold(rows[k][col])) for k in body}
    if len(body) < 2 or any(len(v) < 2 or len("".join(a + b for a, b in v)) < 0.6 * len(re.sub(r"\W", "", fold(rows[k][col])))
                            for k, v in steps.items()):
        return None
    years = sorted({y for v in steps.values() for y, _ in v})
    has_unit = any(re.search(r"don\s*vi\s*tinh|^dvt$", fold(x)) for x in rows[0])

    def opened(src: list[list[str]]) -> list[list[str]]:
        out = [[*src[0][:col], *(f"Năm {y}" for y in years), *src[0][col + 1:], *([] if has_unit else ["Đơn vị tính"])]]
        for k in range(1, len(src)):
            row = src[k]
            got: dict[str, str] = dict(steps.get(k, []))
            raw: dict[str, str] = dict(_ROADMAP_STEP.findall(row[col])) if col < len(row) else {}
            cells: list[str] = []
            units: set[str] = set()
            for y in years:
                v = (raw.get(y) or got.get(y) or "").strip()
                if m := re.fullmatch(r"([<>≥≤]?\s*\d+(?:[.,]\d+)?)\s*(%|(?<=\s)[^\W\d][^\d]{0,30})", v):
                    v = m.group(1)
                    units.add(m.group(2))
                cells.append(v)
            unit = [next(iter(units))] if len(units) == 1 and not has_unit else ([] if has_unit else [""])
            out.append([*row[:col], *cells, *row[col + 1:], *unit])
        return out

    return Table(table.start, table.end, opened(rows), opened(table.rrows), table.row_lines)


def _years_below(table: Table) -> Table | None:
    """An indicator table whose years stand in a second header row under a title merged over them ("TT | Chỉ tiêu |
    ĐVT | Lộ trình thực hiện | | | Đơn vị chủ trì" / "| | | | 2027 | 2028 | 2030 | |"): one header row, each
    cell the lower one where it has one ("2027"), else the upper ("Chỉ tiêu"). None for any other table."""
    rows = table.rows
    if len(rows) < 3 or not any("chi tieu" in fold(c) for c in rows[0]):
        return None
    below = rows[1]
    years = [c for c, x in enumerate(below) if _YEAR_CELL.fullmatch(fold(x).strip(" *."))]
    if len(years) < 2 or re.match(r"\s*\d", below[0]) or any(x.strip() for c, x in enumerate(below) if c not in years):
        return None

    def one(row: list[str], under: list[str]) -> list[str]:
        return [under[c] if c < len(under) and under[c].strip() else x for c, x in enumerate(row)]

    return Table(table.start, table.end, [one(rows[0], below), *rows[2:]], [one(table.rrows[0], table.rrows[1]),
                 *table.rrows[2:]], [table.row_lines[0], *table.row_lines[2:]] if table.row_lines else [])


def table_targets(outline: Outline, table: Table, matcher: AgencyMatcher, warnings: list[str],
                  ocr: bool = False) -> list[Target]:
    """The indicator table's rows as targets. `ocr`: the table was read from a page image (a scan), where
    Tesseract often prints ">"/"<" for "≥"/"≤": when no cell of the table shows "≥" or "≤", or another cell of the
    same row does, a ">"/"<" before a figure is read as a threshold to reach, with a warning."""
    if not table.rows:
        return []
    table = _years_as_rows(table) or _years_below(table) or _roadmap_cells(table) or table
    hdr_at, cols = _header(table)
    if cols is None:
        return []
    cols.update(_unread_year_cols(table.rows[hdr_at], cols, _intro(outline, table.start)))
    out: list[Target] = []
    guessed: list[str] = []
    glyphs = any("≥" in c or "≤" in c for r in table.rows for c in r)     # the scan shows them: ">" means ">"
    year: int | None = None
    # the header a page break repeats inside the table ("Chỉ tiêu | Hiện trạng 2025 | Mục tiêu 2026 | …"): no row
    head = [re.sub(r"\s+", "", fold(c)) for c in table.rows[hdr_at]]
    for k in range(hdr_at + 1, len(table.rows)):
        row, rrow = table.rows[k], table.rrows[k]
        if [re.sub(r"\s+", "", fold(c)) for c in row] == head:
            continue

        def cell(key: str, r: list[str] = row) -> str:
            return r[cols[key]] if key in cols and cols[key] < len(r) else ""

        def rcell(key: str, r: list[str] = rrow) -> str:
            return r[cols[key]] if key in cols and cols[key] < len(r) else ""

        name, no = rcell("name"), cell("no")
        if not name:
            continue
        values = [cell(key) for key in cols if key.startswith("y") or re.fullmatch(r"q\d+", key)]
        has_value = bool(cell("value")) or any(v.strip() for v in values)
        m = _YEAR_CTX.search(fold(name))
        # a group row numbered I, II …; not a row whose year cells hold figures: OCR read its "1.1" as "LI"
        roman = re.fullmatch(r"\**[ivxl]+\.?\**", fold(no).strip()) and sum(bool(re.search(r"\d", v)) for v in values) < 2
        if roman or (not has_value and m and len(name) < 40):
            year = int(m.group(1)) if m else year
            continue
        if not has_value:
            continue
        t = Target(name=name, no=no.strip(".") or None, source=SourceSpan(table.row_lines[k] + 1, table.row_lines[k] + 1),
                   confidence=0.85, raw=" | ".join(row), year=year)
        if "value" in cols:
            t.value, t.comparator = parse_value(rcell("value"))
            t.unit = rcell("unit") or None
            if t.comparator == "text" and (said := _sentence_value(rcell("value"))) is not None:
                # a cell that states the target in words ("Đến năm 2026 đạt tối thiểu 85%", "… có ít nhất 120 hợp tác xã")
                t.value, t.comparator, t.unit, t.year = said[0], said[1], t.unit or said[2], said[3] or t.year
            if when := re.findall(r"(?<!\d)20[2-5]\d(?!\d)", cell("when")):
                t.year = int(when[-1])      # "2026", "Năm 2027", "Quý IV/2026", "2026 - 2030": the last year
            if t.unit and t.value and t.comparator == "=" and "%" in rcell("value") and t.unit == "%":
                pass
        else:
            for key in sorted(k2 for k2 in cols if k2.startswith("y")):
                v = rrow[cols[key]] if cols[key] < len(rrow) else ""
                if v.strip():
                    t.milestones[key[1:]] = plain_number(v.strip())
            if t.milestones:
                first = min(t.milestones)
                t.year = int(first)
                t.value, t.comparator = parse_value(t.milestones[first])
                t.unit = rcell("unit") or ("%" if "%" in t.milestones[first] else None)
            elif quarter := _last_quarter(cols, rrow, _intro(outline, table.start)):
                t.value, t.comparator = parse_value(plain_number(quarter[0]))
                t.year = quarter[1] or t.year
                t.unit = rcell("unit") or ("%" if "%" in quarter[0] else None)
        if "unit" not in cols and (bu := _BRACKET_UNIT.search(name)) and \
                not re.match(r"(?:tru|khong|gom|bao gom|trong do|theo|tinh|ke ca)\b", fold(bu.group(1))):
            t.name, t.unit = name[:bu.start()], bu.group(1)
        # (a row that shows "≥" in another cell: OCR lost this cell's underline, "> 85 | ≥ 90 | ≥ 95"; an indicator's
        # milestones keep one kind of bound)
        if ocr and (not glyphs or any("≥" in c or "≤" in c for c in row)) and _threshold(t, rcell("value")):
            guessed.append(t.no or t.name[:40])
        lead = rcell("lead")
        if lead:
            matches = matcher.match_many(lead)
            t.lead = lead
            t.lead_code = matches[0].agency.code if matches and matches[0].agency else None
            for mm in matches:
                if mm.agency is None:
                    warnings.append(f"Không nhận ra cơ quan “{mm.text}” (chỉ tiêu {t.no or t.name[:40]}).")
        out.append(t)
    if guessed:
        warnings.append(_guessed_warning(guessed))
    return out


def _sentence_value(text: str) -> tuple[str, str, str | None, int | None] | None:
    """A value cell written as a sentence: its figure, the bound its words set, the unit after it ("%" or what it
    counts, up to four words) and the year it names ("Đến năm 2027 có ít nhất 120 hợp tác xã" → 120, ">=", "hợp tác
    xã", 2027); None without a figure."""
    f = fold(text)
    year = re.search(r"(?:(?:den|toi|trong|vao)\s*(?:(?:het|cuoi)\s*)?)?nam\s*(20[2-5]\d)\b", f)
    g = f[:year.start()] + " " * (year.end() - year.start()) + f[year.end():] if year else f     # same offsets
    for m in _FIGURE.finditer(g):
        if not m.group("a") or _DATE_LIKE.match(g, m.start("a")) or re.fullmatch(r"20[2-5]\d", m.group("a")) \
                or re.match(r"[^\W\d_]", g[m.end("a"):m.end("a") + 1]):
            continue        # (a digit glued to a word is a name: "mạng 5G", "chuẩn IPv6")
        comparator, value = _comparator((m.group("cmp") or "").strip(), m)
        unit: str | None = "%" if m.group("pct") else None
        if unit is None and (noun := re.match(r"\s*((?:[^\W\d_]+\s*){1,4})\s*[.;,]?\s*$", text[m.end():])) is not None:
            unit = noun.group(1).strip()
        if unit is None and comparator == "=" and not m.group("trolen"):
            return None     # a bare figure among words: no target stated
        return value, comparator, unit, int(year.group(1)) if year else None
    return None


# a task table's column for each task's own indicator: "Mục tiêu/chỉ tiêu", "Chỉ tiêu cần đạt", "Mục tiêu"
_TASK_INDICATOR_COL = re.compile(r"^\W*(?:muc\s*tieu|chi\s*tieu)(?:\s*[/,;-]?\s*(?:va\s*)?(?:muc\s*tieu|chi\s*tieu))?"
                                 r"(?:\s*(?:can\s*dat|phan\s*dau|dat\s*duoc|cu\s*the))?\W*$")


def task_table_indicators(table: Table, tasks: list[Task]) -> list[Target]:
    """A task table's column for each task's own indicator ('Nhiệm vụ | Mục tiêu/chỉ tiêu | Chủ trì | … | Thời gian'):
    a cell stating a figure to reach ('Phủ sóng 5G tại 100% khu công nghiệp', 'Số hóa tối thiểu 500.000 trang') is a
    target named by the cell, led by the row's lead unit, for the year its row is due (none for a recurring row: the
    plan's year); a cell naming an output ('Nghị quyết được ban hành') is none."""
    found = next(((r, c) for r, row in enumerate(table.rows[:4]) for c, cell in enumerate(row)
                  if _TASK_INDICATOR_COL.match(fold(cell))), None)
    if found is None:
        return []
    hdr, col = found
    by_line = {t.source.start_line: t for t in tasks if t.source}
    out: list[Target] = []
    for r in range(hdr + 1, len(table.rows)):
        task = by_line.get(table.row_lines[r] + 1)
        cell = squash(table.rrows[r][col]) if col < len(table.rrows[r]) else ""
        if task is None or not cell or (said := _sentence_value(cell)) is None:
            continue
        value, comparator, unit, year = said
        due = task.deadline.end.year if task.deadline is not None and task.deadline.end is not None else None
        out.append(Target(name=cell.rstrip(" ."), value=plain_number(value), comparator=comparator, unit=unit,
                          year=year or due, lead=task.lead, lead_code=task.lead_code, confidence=0.7,
                          source=SourceSpan(table.row_lines[r] + 1, table.row_lines[r] + 1), raw=" | ".join(table.rows[r])))
    return out


def _threshold(t: Target, value_cell: str) -> bool:
    """A scanned cell's ">"/"<" before a figure read as "≥"/"≤" (a plan's indicator is a threshold to reach,
    seldom a strict bound), in the value and in every milestone; True when one was."""
    strict = re.compile(r"^\s*([<>])\s*(?=\d)")
    milestones = {y: strict.sub(lambda m: "≥ " if m.group(1) == ">" else "≤ ", v) for y, v in t.milestones.items()}
    changed = milestones != t.milestones or (t.comparator in (">", "<") and strict.match(value_cell) is not None)
    if changed and t.comparator in (">", "<"):
        t.comparator += "="
    t.milestones = milestones
    if changed:
        t.confidence = min(t.confidence, 0.5)
    return changed


def _guessed_warning(guessed: list[str]) -> str:
    return ("Bảng chỉ tiêu đọc từ ảnh quét (OCR hay mất dấu “≥”, “≤”): dấu “>”, “<” ở cột kết quả được đọc là "
            f"“≥”, “≤” (chỉ tiêu {', '.join(guessed[:12])}{' …' if len(guessed) > 12 else ''}); cần đối chiếu bản gốc.")


# a catalogue's code column ("Mã chỉ tiêu", "Mã số", "Mã nhiệm vụ", "Mã"): the code keys the row, not its name
_CODE_COL = re.compile(r"^\W*ma(?:so|hieu|chitieu|chiso|nhiemvu|nv|ct)?\W*$")   # on the title without spaces


def _header(table: Table) -> tuple[int, dict[str, int] | None]:
    for k, row in enumerate(table.rows[:4]):
        cols: dict[str, int] = {}
        for c, cell in enumerate(row):
            f = fold(cell)
            g = re.sub(r"\s+", "", f)          # OCR loses the space inside a title's words ("Chỉtiêu", "Đơnvị")
            if m := _YEAR_COL.match(f):
                cols[f"y{m.group(1)}"] = c
            elif (q := _QUARTER_COL.match(f)) and re.sub(r"[l1|]", "i", q.group(1)) in ("i", "ii", "iii", "iv", "2", "3", "4"):
                cols[f"q{c}"] = c       # "Quý II", "Quý II/2026" (a scan's "QuýlV"): a quarter of one year, keyed by its place
                if q.group(2):
                    cols["qyear"] = int(q.group(2))
            elif re.fullmatch(r"(?:noidung|chitieu|muctieu|giatri)(?:cu|truoc(?:khi)?dieuchinh|hientai|dagiao)", g):
                continue        # an amending plan's old wording ("Nội dung cũ"): no longer the target
            elif re.fullmatch(r"(?:noidung|chitieu|muctieu|giatri)(?:sau(?:khi)?)?(?:dieuchinh|suadoi|moi)", g):
                cols.setdefault("value", c)     # … and the wording that replaces it ("Nội dung điều chỉnh")
            elif re.fullmatch(r"s?tt|sott|\*?\*?tt\*?\*?", g) or _CODE_COL.match(f.replace(" ", "")):
                cols.setdefault("no", c)        # "Mã chỉ tiêu", "Mã số": a catalogue's code is the row's number
            elif "chitieu" in g or "noidung" in g or "tenchi" in g or g in ("chiso", "cacchiso"):
                cols.setdefault("name", c)      # "Chỉ số": a KPI table's indicators
            elif re.search(r"chutri|theodoi|phutrach|chiutrachnhiem|(?:donvi|coquan)thuchien", g):
                cols.setdefault("lead", c)      # "Đơn vị chủ trì", "Đơn vị theo dõi", "Đơn vị chịu trách nhiệm"
            elif ("donvi" in g or g == "dvt") and "phoihop" not in g:     # "ĐVT": đơn vị tính
                cols.setdefault("unit", c)
            elif re.match(r"(?:giatri)?coso|hientrang|uocthuchien|thuchien(?:nam)?20\d\d", g):
                cols.setdefault("base", c)      # "Giá trị cơ sở 2024", "Thực hiện 2024": where it stands, no target
            elif "ketqua" in g or "giatri" in g or "muctieu" in g:
                cols.setdefault("value", c)
            elif re.fullmatch(r"(?:thoigian|thoidiem|thoihan|nam)(?:hoanthanh|thuchien|dat(?:duoc)?)?", g):
                cols.setdefault("when", c)      # "Thời gian hoàn thành", "Năm đạt": the year the value is for
        # quarter columns beside an indicator's name ("Chỉ tiêu", "Chỉ số"; a schedule's "Nội dung nhiệm vụ | … | Quý I
        # | … | Quý IV" marks when each task is done: no indicator)
        quarters = sum(bool(re.fullmatch(r"q\d+", key)) for key in cols) if "name" in cols and \
            re.search(r"chitieu|chiso", re.sub(r"\s+", "", fold(row[cols["name"]]))) else 0
        if "name" in cols and ("value" in cols or any(key.startswith("y") for key in cols) or quarters >= 2):
            return k, cols
    return 0, None


# a quarter's column ("Quý I", "Quý IV/2026", "Quý 3 năm 2026"; a scan reads the numeral's I as "l", "1" or "|")
_QUARTER_COL = re.compile(r"^\s*quy\s*([ivl1|]{1,3}|[1-4])\s*(?:(?:/|nam)\s*(20[2-5]\d))?\s*$")


def _last_quarter(cols: dict[str, int], rrow: list[str], intro: str) -> tuple[str, int | None] | None:
    """A row of quarter columns: the last quarter's cell that holds a figure (the year's end: the figure the year
    is judged by) and the year the quarters belong to (named in their titles, else the one year the lines leading
    into the table name: "I. CHỈ TIÊU NĂM 2026"; None leaves it to the plan's year)."""
    cells = [rrow[c] for c in sorted(c for key, c in cols.items() if re.fullmatch(r"q\d+", key)) if c < len(rrow)]
    last = next((v.strip() for v in reversed(cells) if re.search(r"\d", v)), None)
    if last is None:
        return None
    years = set(re.findall(r"(?<!\d)(20[2-5]\d)(?!\d)", fold(intro)))
    return last, cols.get("qyear") or (int(years.pop()) if len(years) == 1 else None)


# a year column's title whose year OCR could not read ("Kế hoạch ÁN tác" for "Kế hoạch 2025")
_YEARLESS_COL = re.compile(r"^\s*(?:ke\s*hoach|muc\s*tieu)(?:\s*nam)?\b(?!.*\d)(?=.*[^\W\d_])")
# a year a header cell names: a year column, or a result already reached ("Thực hiện 2024")
_HEADER_YEAR = re.compile(r"^[^\d]{0,30}?(?<!\d)(20[2-5]\d)\s*$")


def _intro(outline: Outline, start: int) -> str:
    """The two lines (blank ones skipped) that lead into a table starting on line `start`."""
    above = [x for x in outline.lines[max(0, start - 6):start] if x.strip()]
    return " ".join(above[-2:])


def _unread_year_cols(header: list[str], cols: dict[str, int], intro: str) -> dict[str, int]:
    """Year columns whose year OCR misread into letters ("Thực hiện 2024 | Kế hoạch ÁN tác | Mục tiêu 2030"):
    the year is the one between its neighbours' years when they leave room for one only (2026 | ? | 2028),
    else the one the sentence leading into the table names ("… chỉ tiêu đến năm 2025, năm 2030 như sau:"),
    written alone (not in a span "2026 - 2030"), that no header cell names and that falls between the
    neighbours'; when it is not certain, the column is left unread (no milestone rather than a wrong year)."""
    years = {c: int(m.group(1)) for c, cell in enumerate(header) if (m := _HEADER_YEAR.match(fold(cell)))}
    unread = [c for c, cell in enumerate(header) if c not in years and c not in cols.values() and _YEARLESS_COL.match(fold(cell))]
    if not years or len(unread) != 1 or not any(key.startswith("y") for key in cols):
        return {}
    c = unread[0]
    lo = max((y for k, y in years.items() if k < c), default=None)
    hi = min((y for k, y in years.items() if k > c), default=None)
    if lo is None or hi is None or hi - lo < 2:
        return {}
    if hi - lo == 2:
        return {f"y{lo + 1}": c}
    spans = re.sub(r"20\d\d\s*[-–]\s*20\d\d", " ", fold(intro))
    named = {int(y) for y in re.findall(r"(?<!\d)(20[2-5]\d)(?!\d)", spans)} - set(years.values())
    fit = [y for y in named if lo < y < hi]
    return {f"y{fit[0]}": c} if len(fit) == 1 else {}


_FALL_TO = re.compile(r"(?:giam|ha)\s*(?:xuong|con)\s*(?:con\s*)?(?=(?:duoi|toi da|khong qua|<|≤)?\s*\d)")
_OVER_BASE = re.compile(r"\s*so\s*voi\b")


def parse_value(text: str) -> tuple[str | None, str]:
    """'≥ 30' → ('30', '>='); '16 - 18' → ('16-18', 'range'); 'Đạt mức …' → (text, 'text')."""
    t = squash(text)
    # HTML entities and two-character forms an export or OCR leaves ("&gt;= 30", "=> 5", "≧ 3")
    f = re.sub(r"^(?:=>|≧)", "≥", re.sub(r"^(?:=<|≦)", "≤", fold(html.unescape(t)).replace("&ge;", "≥").replace("&le;", "≤")))
    f = plain_number(f)             # "150.000": a thousands dot
    if not t or f in ("x", "-"):
        return (None, "text") if not t else (t, "text")
    if rank := re.match(r"^(?:top|nhom|thuoc nhom)\s*(\d{1,3})\b", f):
        return rank.group(1), "rank_top"
    # a growth ("Tăng 2 lần", "Gấp đôi", "Tăng bình quân 10%/năm"): the multiple or the rate
    grown = re.match(r"(?:tang\s*(?:binh\s*quan|trung\s*binh)?\s*(?:gap\s*)?|gap\s*)(?=(?:\S+\s*)?\d|(?:doi|hai|ba|bon|ruoi)\b)", f)
    f = f[grown.end():] if grown else f
    # a fall to a level ("Giảm còn dưới 5%", "Giảm xuống 3,8%"): the level and its bound
    f = f[fall.end():] if not grown and (fall := _FALL_TO.match(f)) else f
    if (word := re.fullmatch(r"(doi|hai|ba|bon|ruoi)(\s*lan)?", f)) and (grown or word.group(2)):
        return _MULTIPLE_WORDS[word.group(1)], "="
    m = re.match(r"^(≥|>=|≤|<=|>|<|~|=|tren|duoi|toi thieu|it nhat|toi da|khong duoi|khong qua|tu)?\s*(\d+(?:[.,]\d+)?)\s*%?"
                 r"(?:\s*(?:-|–|den)\s*(\d+(?:[.,]\d+)?)\s*%?)?(\s*tro len)?(?:\s*(?:lan|/\s*nam)\b)?", f)
    # a change over its base ("Tăng 15% so với năm 2025"): the rate; the base year is no milestone
    based = bool(grown and m and _OVER_BASE.match(f, m.end()))
    if not m or (m.end() < len(f.rstrip(" %&")) * 0.5 and not m.group(1) and not based):
        return t, "text"
    op = m.group(1) or ""
    if m.group(3):
        return f"{m.group(2)}-{m.group(3)}", "range"
    if m.group(4):                              # "từ 45% trở lên", "45% trở lên"
        return m.group(2), ">="
    if op == "tu":
        return t, "text"                        # "từ 45 đến …" without its end: not a bound
    cmp = {"≥": ">=", ">=": ">=", "toi thieu": ">=", "it nhat": ">=", "khong duoi": ">=", ">": ">", "tren": ">",
           "≤": "<=", "<=": "<=", "toi da": "<=", "khong qua": "<=", "<": "<", "duoi": "<"}.get(op, "=")
    return m.group(2), cmp


# --- indicator annexes that OCR flattened into loose lines ---------------------------------------

# capital letters, Vietnamese ones included (the Latin Extended Additional block alternates cases)
_UP = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isalpha() and c.isupper())
# a group row of the annex: "I Đến năm 2030", "II | Đến năm 2045", or the title alone ("Đến năm 2045")
_GROUP_ROW = re.compile(r"^\s*(?:[ivxl1|]{1,4}\s*[|.]?\s*)?(?:den\s*n[a-z]m|giai\s*doan|nam)\s*(20\d\d)(?:\s*-\s*20\d\d)?\s*[:.]?\s*$")
# an unnumbered row read across its cells: name words, then the unit/result cells, then the lead's capital
_ROW_SHAPE = re.compile(r"^\s*[" + _UP + r"](?:[^\d|]|(?<=[^\W\d_])\d|\d(?=[^\W\d_])){6,}?(?:\s\|\s*|\s)(?:[^\d|]{0,30}?\s)?[<>=≥≤~]?\s*\d{1,4}(?:[.,]\d{1,2})?\s*%?"
                        r"(?:\s*[-–]\s*\d{1,4}\s*%?)?\s+[" + _UP + "]")


# the unit and result cells then the lead, on the line below a number line broken before them (folded)
_SPLIT_CELLS = re.compile(r"(?:^|(?<=\s))\|?\s*(?:%\s*o?\s*g?r?dp|%\s*/\s*nam|%|thu\s*bac|to\s*chuc|doanh\s*nghiep)\s*\|?\s*"
                          r"[<>≥≤~=]?\s*\d{1,4}(?:[.,]\d{1,2})?\s*%?(?:\s*[-–]\s*\d{1,4}\s*%?)?\s+(?=\S)")
_SPLIT_VALUE = re.compile(r"^\s*\|?\s*[<>≥≤~=]?\s*\d{1,4}(?:[.,]\d{1,2})?\s*%?(?:\s*[-–]\s*\d{1,4}\s*%?)?\s+(?=\S)")
# a result cell inside the number line, after the name's words and before a capitalised lead's words
_MID_RESULT = re.compile(r"(?<=[^\W\d_]\s)((?:[<>≥≤]\s*)?\d{1,3}(?:[.,]\d{1,2})?\s*%?)\s+(?=[" + _UP + r"][^\W\d_])(?!.*\s\d)")


def ocr_annex_targets(outline: Outline, start: int, end: int, matcher: AgencyMatcher,
                      warnings: list[str]) -> list[Target]:
    """The rows of an indicator annex ("TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì") that OCR
    left as loose lines: rows by their running numbers (`annex_anchors`, numbers OCR lost recovered),
    unit, result and lead from the row's lines, the year from the group row above."""
    from .ocr_tables import _ROW, _UNIT, _unit_name, _value_elsewhere
    from .rows import row_anchors

    lines = outline.lines
    groups = _group_rows(lines, start, end)
    anchors = annex_anchors(lines, start, end, row_anchors(lines, start, end, allow_sub=True, resync=True, short_resync=True),
                            matcher, {g for g, _y in groups})
    glyphs = any("≥" in x or "≤" in x for x in lines)        # the text can show them: ">" means ">"
    guessed: list[str] = []
    out: list[Target] = []
    group_lines = {g for g, _y in groups}
    tops = [_row_top(lines, i, anchors[n - 1][0] if n else start, group_lines) for n, (i, _l) in enumerate(anchors)]
    width = _first_line_width(lines, anchors, matcher)
    band: dict[int, list[_BandRow]] = {}        # rows OCR read column by column, after the row n
    for n, ((a, la), (b, lb)) in enumerate(pairwise(anchors)):
        if (missing := _missing_labels(la, lb)) and (rows := band_rows(lines, a, b, missing, matcher, group_lines)):
            band[n] = rows
    for n, (i, label) in enumerate(anchors):
        hi = anchors[n + 1][0] - 1 if n + 1 < len(anchors) else end
        name_hi = tops[n + 1][1] - 1 if n + 1 < len(anchors) else end
        if n in band:
            hi = name_hi = min(k for r in band[n] for k in (r.name_lines[0], r.unit) if k is not None) - 1
        lo = tops[n][0]
        block = lines[lo:hi + 1]
        rm = _ROW.match(lines[i]) or _GLYPH_NO.match(lines[i]) or (_STRAY_NO.match(lines[i]) if i - 1 in group_lines or
                                                                     (i - 2 in group_lines and not lines[i - 1].strip()) else None)
        main = lines[i][rm.end():] if rm else lines[i]
        mentions = matcher.scan(main)
        cut = mentions[0][0] if mentions else len(main)
        head = main[:cut]
        fh = fold(head)
        # the unit: the first one past the name's start, or one a figure follows when an earlier match is the
        # name's own words ("… trung tâm phát triển một số Thứ bậc < 3 Đông Nam": "trung tâm" is no unit here)
        starts = sorted({m.start() for m in _UNIT.finditer(fh)} | {w.start() for w in re.finditer(r"(?<!\S)\S", fh)})
        units = [m for p in starts if p > len(fh) * 0.35 and (m := _UNIT.match(fh, p)) is not None]
        unit_m = next((m for m in units if re.match(r"\s*\|?\s*[<>≥≤~=]?\s*\d", fh[m.end():])), units[0] if units else None)
        value_txt = ""
        name_txt = head
        cell_unit: tuple[int, int] | None = None
        if unit_m is not None:
            name_txt = head[:unit_m.start()]
            value_txt = head[unit_m.end():].strip(" |")
            if (tail := re.search(r"[<>≥≤~=]?\s*\d+(?:[.,]\d+)?\s*%?(?:\s*[-–]\s*\d+(?:[.,]\d+)?\s*%?)?\s*$", value_txt)) \
                    and tail.start() and re.fullmatch(r"[,\s]*[^\d|<>]{1,25}\s*", value_txt[:tail.start()]):
                value_txt = value_txt[tail.start():]    # "Tổ chức, doanh >5": the unit's cell goes on before the value
        elif (vm := re.search(r"([<>≥≤]\s*)?\d+(?:[.,]\d+)?(?:\s*-\s*\d+)?\s*%?\s*$", head.strip())):
            name_txt, value_txt = head.strip()[:vm.start()], vm.group(0)
            name_txt, cell_unit = _unit_cell(name_txt)
        elif not mentions and (vm := _MID_RESULT.search(head)):
            # a lead the registry does not know from its words on this line ("… tỉnh 01 Công nghệ và các Sở,
            # ngành", its first words on the line above): the result is the last figure before a capital
            name_txt, value_txt = head[:vm.start()], vm.group(1)
            name_txt, cell_unit = _unit_cell(name_txt)
        pre = len(lines[i]) - len(main)
        line_mentions = [a for line in block for _s, _e, a in matcher.scan(line)]
        # "Văn phòng" / "Chính phủ": split over the cell's lines, a page's break and header between them
        cell_rows = sorted([i, *_name_lines(lines, lo, hi, i, group_lines)])
        cells = [] if line_mentions else matcher.scan_cells([lines[k] for k in cell_rows])
        lead_words, done = _lead_start(mentions, main, cut, cells, matcher, [lines[k] for k in cell_rows], cell_rows.index(i))
        split_k, split_part = None, ""
        if not mentions and not value_txt and len(cell_rows) > 1 and cell_rows[-1] > i:
            # the number line broken before its cells ("20 Số lượng" / "công bố %/năm 10 Bộ Khoa học" / …): the next
            # line holds the name's next words, then the unit, the result and the lead's first words (or, the unit
            # on the number line, the result and the lead: "20 Số lượng công bố %/năm" / "10 Bộ Khoa học")
            below = cell_rows[cell_rows.index(i) + 1]
            if (sm := (_SPLIT_CELLS if unit_m is None else _SPLIT_VALUE).search(fold(lines[below]))) is not None:
                after = lines[below][sm.end():]
                bm = matcher.scan(after)
                # the lead named on that line, or the row's lead its pieces give ("Văn phong" / "… Chinh phu")
                agency = bm[0][2] if bm and bm[0][0] <= 1 else line_mentions[0] if line_mentions else \
                    cells[0].agency if cells else None
                placed = _cell_prefix(fold(after).split(), fold(agency.name).split()) if agency else 0
                if agency is not None and placed:
                    split_k, split_part = below, outline.line_out(below, 0, sm.start())
                    lead_words, done = fold(agency.name).split(), placed
        parts_above: list[str] = []
        parts_below: list[str] = []
        last = ""       # the name's line above, below the number line (where that line's name part ends is known)
        # unit or result cells of several words between the name and the lead ("% tổng chi > 3% và tăng") go on
        # on the lines below, after the name's words: those lines hold no more of the name than its first line
        middle = head[len(name_txt):] if unit_m is not None or cell_unit else ""
        cap = len(squash(name_txt.replace("|", " ")))
        if len(re.findall(r"[^\W\d_]{2,}", middle)) < 2 or not width or cap < 0.8 * width:
            cap = 0         # no such cells, or the first line's end is in doubt (shorter than the name cell's lines)
        first_below: str | None = None
        lead_at = cut if mentions else _lead_on_line(main, unit_m.end() if unit_m is not None else len(main), lead_words)
        if lead_at is not None and not done:
            # the number line run into the next one ("… | % 90 Văn phòng công trực tuyến toàn Chính phủ"):
            # the name's words after the lead's first ones go on the name, the lead's next ones are placed
            # (the lead found on the line, or from the row's lines together when the run-in split it)
            after_lead = main[lead_at:].split()
            lead_first = fold(mentions[0][2].name).split() if mentions else lead_words
            n0 = 0
            while n0 < len(after_lead) and n0 < len(lead_first) and \
                    _same_word(fold(after_lead[n0]).strip(",.;:|"), lead_first[n0]):
                n0 += 1
            if n0 and n0 < len(after_lead) and after_lead[n0][:1].islower() and not done:
                at = pre + lead_at + list(re.finditer(r"\S+", main[lead_at:]))[n0].start()
                rest, placed = _strip_cell_tail(outline.line_out(i, at), lead_first, n0)
                if (placed > n0 or n0 == len(lead_first)) and rest.strip():
                    lead_words, done = lead_first, placed
                    if cap:
                        cap += 1 + len(rest.split()[0])
                        rest = _within(rest, cap)
                    parts_below.append(rest)
                    last = first_below = squash(rest)
        # the name cell: from its first line down to the next row's first line
        for k in _name_lines(lines, tops[n][1], name_hi, i, group_lines):
            if _only_agency(matcher, lines[k]):
                if k > i and not lead_words and line_mentions and \
                        (own := _cell_prefix(fold(lines[k].strip(" |")).split(), fold(line_mentions[0].name).split())):
                    # the row's own lead, its first words alone below the number line ("Bộ Tài" / "… chính"):
                    # its next words may run into the name's lines
                    lead_words, done = fold(line_mentions[0].name).split(), own
                continue            # another row's lead, its cell centred above that row's number
            text, placed = (split_part, done) if k == split_k else _strip_cell_tail(outline.line_out(k), lead_words, done)
            joined = False
            # the lead's next words run in between the name's ("… qua hệ thống Chính phủ hồ sơ tài chính,"):
            # placing more of the lead than the line's last word alone ("chính," the name's own) they are the lead's
            mid, mid_placed, run_in = (text, done, None) if k == split_k else \
                _strip_cell_middle(outline.line_out(k), lead_words, done, width)
            if run_in is not None and mid_placed > placed:
                text, placed, joined = mid, mid_placed, True
                text, placed = _strip_cell_tail(text, lead_words, placed)  # "… và Truyền các nước tiên tiến thông"
            done = placed
            part = _first_cell(text)
            if k > i and value_txt and (cmp := re.search(r"[<>≤≥]\s*\d", part)) and len(part[:cmp.start()].split()) <= 2:
                continue            # the result cell's next line ("<3 Đông Nam" / "Á; < 50 Thế giới"), not the name's
            if k > i:
                if _cell_ended(last, part, width):
                    break           # a line of another row OCR put here, or the next page's
                if cap and part.split() and not joined:
                    if not last:    # the first line's words and the next word did not fit on one line
                        cap += 1 + len(part.split()[0])
                    part = _within(part, cap)
                # (the broken number line ends at its cells; a line run into another ends where the other's words start)
                last = "" if k == split_k else squash(run_in) if joined and run_in is not None else squash(part)
                if first_below is None:
                    first_below = last
            (parts_above if k < i else parts_below).append(part)
        if unit_m is None and not value_txt and width and split_k is None and \
                (short := _text_result_cut(head)) is not None and len(first_below or "") <= 0.8 * width:
            # no unit, no figure: a one-line name, then a result written out whose short lines run on below
            # ("Hạ tầng số Tiên tiến, | Bộ Thông tin" / "hiện đại," / "dung lượng" …)
            name_txt, parts_below = short, []
        name = squash(" ".join([*parts_above, outline.line_out(i, pre, pre + len(name_txt)), *parts_below]))
        name = re.sub(r"\s*\|\s*", " ", name)
        t = Target(name=name.strip(" |"), no=row_label(label), source=SourceSpan(lo + 1, hi + 1), confidence=0.45,
                   raw=" / ".join(block))
        t.unit = squash(outline.line_out(i, pre + unit_m.start(), pre + unit_m.end())) if unit_m else None
        if t.unit is None and cell_unit:
            t.unit = squash(outline.line_out(i, pre + cell_unit[0], pre + cell_unit[1]))
        if t.unit and fold(t.unit) in ("/o", "%o"):
            t.unit = "%"
        elif t.unit and re.match(r"(%\s*o|/o)\s*grdp", fold(t.unit)):
            t.unit = "% GRDP"                   # "%o GRDP": OCR of "% GRDP"
        value_txt = html.unescape(value_txt).replace("=>", "≥").replace("=<", "≤")
        if not re.match(r"\s*(?:[<>≥≤~]=?|=)?\s*\d", value_txt):
            value_txt, unit_m, name_txt = _value_elsewhere(lines, lo, hi, i, value_txt, unit_m, name_txt, matcher)
            if t.unit is None and unit_m is not None:       # "% GRDP > 50" on a neighbouring line
                t.unit = _unit_name(fold(unit_m.group(0)))
        if _annex_value(t, value_txt, glyphs):
            guessed.append(label)
        block_mentions = line_mentions or [c.agency for c in cells]
        prior = matcher.scan(lines[i - 1]) if i > lo else []
        if mentions and prior and prior[-1][1] >= len(lines[i - 1].rstrip()) - 1 and \
                re.search(r"\d\s*%?\s*$", lines[i - 1][:prior[-1][0]]):
            # the line above reads across another row's cells, its lead last ("… Lượt > 5000 Sở Y tế"): this row's
            # lead is the one on its own line
            block_mentions = [a for _s, _e, a in mentions]
        if block_mentions:
            t.lead, t.lead_code = block_mentions[0].name, block_mentions[0].code
        for gline, year in groups:
            if gline <= i:
                t.year = year
        if t.value is None and not t.lead:
            continue
        out.append(t)
    for rows in band.values():
        for r in rows:
            first, final = r.name_lines[0], r.name_lines[-1]
            t = Target(name=squash(" ".join(outline.line_out(k) for k in r.name_lines)), no=r.label,
                       source=SourceSpan(first + 1, final + 1), confidence=0.35, raw=" / ".join(lines[first:final + 1]))
            if r.unit is not None:
                t.unit = squash(outline.line_out(r.unit))
            if _annex_value(t, r.value, glyphs):
                guessed.append(r.label)
            if r.lead:
                t.lead, t.lead_code = r.lead.name, r.lead.code
            t.year = next((year for gline, year in reversed(groups) if gline <= first), None)
            out.append(t)
    if guessed:
        warnings.append(_guessed_warning(guessed))
    return out


def _group_rows(lines: list[str], start: int, end: int) -> list[tuple[int, int]]:
    """(line, year) of the annex's group rows ("I Đến năm 2030")."""
    return [(i, int(m.group(1))) for i in range(start, end + 1)
            if (len(lines[i]) < 60 and (m := _GROUP_ROW.match(fold(lines[i])))) or
            (re.match(r"^\s*[I1l]{1,3}\s*[|]", lines[i]) and (m := re.search(r"(20\d\d)", fold(lines[i]))))]


def row_label(label: str) -> str:
    """A row's number as the table means it: "01" is row 1, "02.1" row 2.1."""
    return ".".join(str(int(p)) if p.isdigit() else p for p in label.split("."))


def _annex_value(t: Target, value_txt: str, glyphs: bool) -> bool:
    """The result cell's figure as the target's value and comparator; True when a ">"/"<" was read as
    "≥"/"≤" (a guess the reviewer is warned of)."""
    # OCR's "2" for "≥" before a percentage ("280%" for "≥ 80%"); a count ("250 doanh nghiệp") stays whole
    v = value_txt.strip()
    if (t.unit and "%" in t.unit) or re.match(r"2\d{2}\s*%", v):
        v = re.sub(r"^2(?=\d{2}\b)", "≥", v)
    vm2 = re.match(r"((?:[<>≥≤~]=?|=)\s*)?\d+(?:[.,]\d+)?\s*%?(?:\s*-\s*\d+(?:[.,]\d+)?)?", v)
    if vm2:
        v = vm2.group(0)
    t.value, t.comparator = parse_value(v) if v else (None, "text")
    if t.comparator in (">", "<") and not glyphs and re.match(r"\s*[<>]\s*\d", v):  # not "> =", "&gt;="
        # Tesseract has no "≥"/"≤": it prints ">"/"<" for them, and a plan's indicator is a threshold
        # to reach ("≥ 80"), seldom a strict bound; the reviewer is told so in the warnings
        t.comparator += "="
        t.confidence = min(t.confidence, 0.4)
        return True
    return False


def _row_top(lines: list[str], i: int, floor: int, groups: set[int]) -> tuple[int, int]:
    """The first line of the row numbered on line i, and of its name cell. Cells centred on the number
    put the row's first words up to two lines above it (another cell's, e.g. the lead's, even when the
    name starts on the number line); the name cell starts on the number line when its words there
    start with a capital ("8 Tỉ lệ đóng góp của | % …": the lines above end the row before's name)."""
    lo = i
    while lo - 1 > floor and lines[lo - 1].strip() and len(lines[lo - 1]) < 200 \
            and not ROW_NO.match(lines[lo - 1]) and i - lo < 2 and not re.search(r"\d\s*$", lines[lo - 1]) \
            and lo - 1 not in groups:
        lo -= 1
    rm = ROW_NO.match(lines[i])
    body = (lines[i][rm.end():] if rm else lines[i]).lstrip(" |")
    return lo, i if body[:1].isupper() else lo


# words of an annex header's titles that wrap onto lines of their own ("Cơ quan chủ" / "trì theo dõi," / "đánh giá")
_HEADER_WORDS = frozenset(["tt", "stt", "chi", "tieu", "don", "vi", "tinh", "ket", "qua", "co", "quan", "chu", "tri",
                           "theo", "doi", "danh", "gia", "thuc", "hien", "phoi", "hop", "ghi", "du", "kien", "nam", "muc"])


def _name_lines(lines: list[str], lo: int, hi: int, i: int, groups: set[int]) -> list[int]:
    """The lines of a row's name cell besides its number line: the row's other lines, less blank
    ones, group rows and the table header a page break repeats ("TT Chỉ tiêu Đơn vị …" / "trì theo dõi,")."""
    out: list[int] = []
    header = False
    for k in range(lo, hi + 1):
        f = fold(lines[k]).translate(_GLYPHS).strip()
        if k == i or not f:
            continue
        words = re.findall(r"[a-z]+", f)
        if re.search(r"chi\s*tieu", f) and re.search(r"don\s*vi|ket\s*qua|co\s*quan", f):
            header = True
            continue
        if k in groups or (header and words and len(f) < 40 and set(words) <= _HEADER_WORDS):
            continue
        header = False
        out.append(k)
    return out[:12]


def _first_line_width(lines: list[str], anchors: list[tuple[int, str]], matcher: AgencyMatcher) -> int | None:
    """About how many characters a line of the name cell holds: the median length of the name's part of
    the number lines whose unit cell ('| %', '% GDP') tells where that part ends, when the name goes on
    below (the line was full). None when fewer than five rows tell."""
    from .ocr_tables import _UNIT

    lens: list[int] = []
    for i, _label in anchors:
        rm = ROW_NO.match(lines[i])
        main = lines[i][rm.end():] if rm else lines[i]
        mentions = matcher.scan(main)
        head = fold(main[:mentions[0][0]] if mentions else main)
        m = next((m for m in _UNIT.finditer(head) if m.start() > len(head) * 0.35), None)
        below = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if m is not None and below[:1].islower():
            lens.append(len(squash(head[:m.start()].replace("|", " "))))
    if len(lens) < 5:
        return None
    return sorted(lens)[len(lens) // 2]


def _text_result_cut(head: str) -> str | None:
    """The name's words of a number line whose next cell is a result written out: up to a capitalised
    word after a lower-case one, at least three words in, with three words at most after it ("Hạ tầng
    số Tiên tiến,"); None if none."""
    words = list(re.finditer(r"[^\s|]+", head))
    for k in range(3, len(words)):
        if words[k].group(0)[:1].isupper() and words[k - 1].group(0)[:1].islower() and words[k].group(0)[1:2].islower():
            # the result column is narrow: its first line holds a few words only
            return head[:words[k].start()] if len(words) - k <= 3 else None
    return None


def _within(text: str, cap: int) -> str:
    """The words of a line that fit in `cap` characters (one word at least)."""
    words = text.split()
    k = 1
    while k < len(words) and len(" ".join(words[:k + 1])) <= cap:
        k += 1
    return " ".join(words[:k])


def _cell_ended(last: str, part: str, width: int | None) -> bool:
    """A cell's line breaks only where its next word does not fit: when the first word of the line
    below would have fitted well on a line of the name (`width` characters, less a margin for a
    proportional font), the name ended there ('… và doanh' / 'nghiệp' / 'giải quyết phi …')."""
    words = part.split()
    if not width or not last or not words:
        return False
    return len(last) + 1 + len(words[0]) <= 0.8 * width


def _unit_cell(text: str) -> tuple[str, tuple[int, int] | None]:
    """A unit cell no unit pattern knows, between the name's first words and the result: a capitalised
    word after a lower-case one and at most three lower-case words ("Số tuyến cáp quang Tuyến cáp
    quang | 09"). The name's words before it, and where the unit stands."""
    words = list(re.finditer(r"[^\s|]+", text))
    k = len(words) - 1
    while k >= 0 and len(words) - 1 - k < 3 and words[k].group(0)[:1].islower():
        k -= 1
    if k < 2 or not words[k].group(0)[:1].isupper() or not words[k - 1].group(0)[:1].islower():
        return text, None
    return text[:words[k].start()], (words[k].start(), words[-1].end())


def _first_cell(text: str) -> str:
    """A continuation line's first cell: its words before a bar OCR kept between cells."""
    head = text.split("|", 1)[0]
    return head if head.strip() else text.replace("|", " ")


def _lead_start(mentions: list[tuple[int, int, Agency]], main: str, cut: int, cells: list[CellMention],
                matcher: AgencyMatcher, block: list[str], at: int) -> tuple[list[str], int]:
    """The lead's name words (folded) and how many of them the row's number line ends with: a name found
    on that line, or one whose pieces only the row's lines together give ("Văn phòng" / "Chính phủ")."""
    if mentions:
        words = fold(mentions[0][2].name).split()
        return words, _cell_prefix(fold(main[cut:]).split(), words)
    first = next((c for c in cells if c.line == at), None)
    if first is None:
        return [], 0
    words = fold(first.agency.name).split()
    n = len(matcher.repaired_key(block[at])[first.col:].split())
    return words, _cell_prefix(fold(block[at]).split()[-n:] if n else [], words)


def _lead_on_line(main: str, frm: int, lead: list[str]) -> int | None:
    """Where a lead's first words (two at least, or all of a shorter name) stand on a number line past
    `frm` (the unit's end), capitalised as a name starts: "| % 85 Văn phòng cấp mã định danh Chính phủ"
    gives the offset of "Văn"; None if they do not."""
    if not lead:
        return None
    need = min(2, len(lead))
    words = list(re.finditer(r"\S+", main[frm:]))
    for j, w in enumerate(words):
        if not w.group(0)[:1].isupper():
            continue
        n = 0
        while j + n < len(words) and n < len(lead) and _same_word(fold(words[j + n].group(0)).strip(",.;:|"), lead[n]):
            n += 1
        if n >= need:
            return frm + w.start()
    return None


def _only_agency(matcher: AgencyMatcher, line: str) -> bool:
    text = line.strip(" |")
    return any(s <= 1 and e >= len(text) - 2 for s, e, _a in matcher.scan(text))


_VOWEL_GLYPHS = str.maketrans({"0": "o", "6": "o", "9": "o", "&": "o", "¢": "e"})   # "B9" for "Bộ", "c6ng" for "công"


def _same_word(a: str, b: str) -> bool:
    return a == b or a.translate(_VOWEL_GLYPHS) == b or (len(a) >= 4 and len(b) >= 4 and fuzz.ratio(a, b) >= 75)


def _cell_prefix(words: list[str], name: list[str]) -> int:
    """How many of a lead's name words (folded) the words on its first line give."""
    k = 0
    while k < len(words) and k < len(name) and _same_word(words[k], name[k]):
        k += 1
    return k if k == len(words) else 0


def _strip_cell_tail(text: str, name: list[str], done: int) -> tuple[str, int]:
    """A continuation line with the lead's next words at its end ("năng suất nhân tố và Đầu tư" after
    "Bộ Kế hoạch"): those words dropped, and how many of the lead's words are now placed. The lead is
    the right-most cell, its words come in order; a lone short word must end the name ("và" may be
    the name's own)."""
    if not done or done >= len(name):
        return text, done
    words = text.split()
    folded = [fold(w).strip(",.;:|") for w in words]
    for k in range(min(len(words), len(name) - done), 0, -1):
        if all(_same_word(a, b) for a, b in zip(folded[-k:], name[done:done + k], strict=True)) and \
                (k > 1 or len(folded[-1]) >= 4 or done + k == len(name)):
            return " ".join(words[:-k]), done + k
    return text, done


def _strip_cell_middle(text: str, name: list[str], done: int, width: int | None = None) -> tuple[str, int, str | None]:
    """Two lines of the row run into one ("công nghệ được xếp và Công nghệ hạng khu vực và thế"): the
    lead's next words (two or more) between the name's words are dropped; the text, how many of the
    lead's words are placed, and the words after them (the next line's, run in; None if no such run).
    The lead's last word alone counts too where it stands past most of a name line's `width` ("người dân
    và doanh thông nghiệp": "thông" ends "Bộ Thông tin và Truyền thông")."""
    if not done or done >= len(name):
        return text, done, None
    words = text.split()
    folded = [fold(w).strip(",.;:|") for w in words]
    least = 1 if width and done + 1 == len(name) and len(name[-1]) >= 4 else 2
    for k in range(min(len(words) - 3, len(name) - done), least - 1, -1):
        for at in range(2, len(words) - k):
            if all(_same_word(a, b) for a, b in zip(folded[at:at + k], name[done:done + k], strict=True)) and \
                    words[at + k][:1].islower() and (k > 1 or len(" ".join(words[:at])) >= 0.7 * (width or 0)):
                return " ".join(words[:at] + words[at + k:]), done + k, " ".join(words[at + k:])
    return text, done, None


def annex_anchors(lines: list[str], start: int, end: int, anchors: list[tuple[int, str]],
                  matcher: AgencyMatcher | None = None, groups: set[int] | None = None) -> list[tuple[int, str]]:
    """The row anchors of an indicator annex completed: sub-rows past a stretch of lost sub-numbers
    ("11.5" after "11.1"), a sub-number with its parent misread ("28.3" between 23.2 and 23.4), and
    rows whose numbers OCR lost altogether, when as many lines shaped like a row read across its cells
    ("Tỉ lệ cấp kết quả | % 100 Văn phòng") stand between two anchors as numbers are missing there;
    with a `matcher`, a row whose result is written out ("Lĩnh vực khoa học | Thứ bậc | Một số lĩnh vực |
    Bộ Khoa học") is shaped so too when no figure-shaped line fills the gap."""
    from .rows import ROW_NO

    anchors = sorted(anchors)
    taken = {i for i, _ in anchors}
    if matcher is not None and groups:
        # a group row's numeral read as the first row's number ("I Đến năm 2030" for row 1), the row itself on the
        # next line with its number misread into glyphs ("hÌ Tiềm lực … Thứ bậc … Bộ Khoa học"): the row is there
        for n, (i, label) in enumerate(anchors):
            nxt = next((k for k in range(i + 1, min(i + 3, end) + 1) if lines[k].strip()), None)
            if i in groups and nxt is not None and nxt not in taken and (g := _STRAY_NO.match(lines[nxt])) is not None \
                    and (_ROW_SHAPE.match(lines[nxt][g.end():]) or _lead_row_shape(lines[nxt][g.end():], matcher)):
                anchors[n] = (nxt, label)
                taken = {k for k, _ in anchors}
    # dotted labels the running sequence skipped
    for i in range(start, end + 1):
        m = ROW_NO.match(lines[i])
        if i in taken or not m or "." not in m.group(1):
            continue
        parent_s, k_s = m.group(1).split(".")
        k = int(k_s)
        before = [(j, lab) for j, lab in anchors if j < i]
        after = [(j, lab) for j, lab in anchors if j > i]
        plain = next((lab for _j, lab in reversed(before) if "." not in lab), None)
        if plain is None:
            continue
        next_plain = next((int(lab) for _j, lab in after if "." not in lab), None)
        if int(parent_s) == int(plain) + 1 and next_plain == int(plain) + 2:
            # the parent row's number was lost ("22", "23.1", …, "24"): its sub-rows are its own; the parent
            # is found among the lines above them as a lost row
            prev_k = max((int(lab.split(".")[1]) for _j, lab in before if lab.startswith(parent_s + ".")), default=0)
            if prev_k < k <= prev_k + 6 and \
                    not any(lab.startswith(parent_s + ".") and int(lab.split(".")[1]) >= k for _j, lab in after):
                anchors.append((i, f"{parent_s}.{k}"))
                anchors.sort()
                taken.add(i)
            continue
        if not _one_digit_off(parent_s, plain):
            continue
        prev_k = next((int(lab.split(".")[1]) for _j, lab in reversed(before) if lab.startswith(plain + ".")), 0)
        if before and "." not in before[-1][1] and before[-1][1] != plain:
            continue
        next_k = next((int(lab.split(".")[1]) for _j, lab in after if lab.startswith(plain + ".")), None)
        if not prev_k < k <= prev_k + 6 or (next_k is not None and k >= next_k):
            continue
        if next_plain is not None and next_plain != int(plain) + 1 and next_k is None:
            continue
        anchors.append((i, f"{plain}.{k}"))
        anchors.sort()
        taken.add(i)
    # rows whose numbers were lost, recognised by their shape
    found: list[tuple[int, str]] = []
    for (a, la), (b, lb) in pairwise(anchors):
        missing = _missing_labels(la, lb)
        if missing and len(missing) == 1 and "." in missing[0]:
            # "83" for "8.3": OCR lost the dot of the one sub-number missing here
            dotless = [k for k in range(a + 1, b) if (m := ROW_NO.match(lines[k])) and m.group(1) == missing[0].replace(".", "")]
            if len(dotless) == 1:
                found.append((dotless[0], missing[0]))
                continue
        # a row read across its cells: its number lost, or misread into one out of the sequence ("30" for "8.9")
        shaped = [k for k in range(a + 1, b) if _ROW_SHAPE.match(_misnumbered(lines[k]))]
        if missing == [] and "." in la and lb.isdigit() and int(lb) == int(la.partition(".")[0]) + 2:
            # "23.1" … "25": row 24 lost its number after sub-rows whose count is unknown; it is the last row read
            # across its cells above row 25 when no other row's title opens below it (the sub-rows stay unread)
            if shaped and not any(lines[k].strip()[:1].isupper() and len(lines[k].split()) >= 3 for k in range(shaped[-1] + 1, b)):
                found.append((shaped[-1], str(int(lb) - 1)))
            continue
        if missing and len(shaped) < len(missing):
            # a row's first line broken before its cells ("Tỉ lệ cấp kết" / "quả giải | % 100 Văn phòng"): the two
            # lines together read across the cells, the first without a figure
            broken = [k for k in range(a + 1, b - 1) if k not in shaped and k + 1 not in shaped and _broken_first(lines, k)]
            if len(shaped) + len(broken) == len(missing):
                shaped = sorted(shaped + broken)
        if matcher is not None and (missing or (missing is None and not shaped)) and len(shaped) != len(missing or [0]):
            wider = [k for k in range(a + 1, b) if k in shaped or
                     (not ROW_NO.match(lines[k]) and _lead_row_shape(lines[k], matcher))]
            if len(wider) == len(missing or [0]):
                shaped = wider
        if not shaped and matcher is not None and missing and missing == [lb.partition(".")[0]] and "." in lb:
            # the sub-rows' parent lost its number: its title ("Chỉ tiêu về thực hiện" / "thủ tục …") is the
            # gap's one paragraph opening in a capital, with no figure and no lead
            heads = [k for k in range(a + 1, b) if _title_opens(lines, k, matcher)]
            if len(heads) == 1:
                found.append((heads[0], missing[0]))
            continue
        if not shaped:
            continue
        if missing is None:          # after a sub-row, up to the parent's next row: more sub-rows
            if len(shaped) > 3:
                continue
            parent, k0 = la.split(".")
            missing = [f"{parent}.{int(k0) + n}" for n in range(1, len(shaped) + 1)]
        if len(shaped) == len(missing):
            found.extend(zip(shaped, missing, strict=True))
        elif matcher is not None and 0 < len(shaped) < len(missing):
            found.extend(_shaped_beside_band(lines, a, b, shaped, missing, matcher, groups or set()))
    last, label = max(anchors + found) if anchors else (end, "")
    if matcher is not None and label.isdigit():
        # the table's last row read across its cells without its number, close below the last numbered one
        tail = [k for k in range(last + 1, min(end, last + 15) + 1) if not ROW_NO.match(lines[k]) and _ROW_SHAPE.match(_misnumbered(lines[k]))]
        if len(tail) == 1 or (len(tail) <= 4 and all(_GLYPH_NO.match(lines[k]) for k in tail)):
            # (several, each opening with its number as OCR misread it: "ll …", "I2 …")
            found.extend((k, str(int(label) + n)) for n, k in enumerate(tail, 1))
    return sorted(anchors + found)


def _title_opens(lines: list[str], k: int, matcher: AgencyMatcher) -> bool:
    """Line k opens a paragraph with a title's words: a capital, three words or more, no figure, no lead."""
    text = lines[k].strip(" |")
    return k > 0 and not lines[k - 1].strip() and text[:1].isupper() and len(text.split()) >= 3 and \
        not re.search(r"\d", text) and not matcher.scan(text)


def _shaped_beside_band(lines: list[str], a: int, b: int, shaped: list[int], missing: list[str],
                        matcher: AgencyMatcher, groups: set[int]) -> list[tuple[int, str]]:
    """Rows read across their cells whose numbers were lost next to a band read column by column (the
    band's rows lost theirs too): the first or last of the missing numbers are theirs when the band
    between them and the other anchor gives exactly the rest."""
    n = len(shaped)
    if band_rows(lines, a, shaped[0], missing[:-n], matcher, groups):
        return list(zip(shaped, missing[-n:], strict=True))
    if band_rows(lines, shaped[-1], b, missing[n:], matcher, groups):
        return list(zip(shaped, missing[:n], strict=True))
    return []


_BAND_VALUE = re.compile(r"^\s*(?:[<>≥≤~=]=?\s*)?\d{1,4}(?:[.,]\d{1,2})?\s*%?(?:\s*[-–]\s*\d{1,4}(?:[.,]\d{1,2})?\s*%?)?\s*$")


@dataclass
class _BandRow:
    label: str
    name_lines: list[int]
    unit: int | None = None             # its line
    value: str = ""
    lead: Agency | None = None


def band_rows(lines: list[str], a: int, b: int, missing: list[str], matcher: AgencyMatcher,
              groups: set[int]) -> list[_BandRow] | None:
    """Rows whose numbers OCR lost because it read the table column by column between the rows on lines
    a and b: each cell a paragraph of its own, the name cells (capitalised, three words or more) first,
    then the units, results and leads in the rows' order ("Quy mô kinh tế số" / "Chỉ số đổi mới …" /
    "Thứ bậc" / ">50" / "Bộ Thông tin" / "và Truyền" / "thông"). Lower-case paragraphs before the first
    name go on the row on line a. The name cells must be as many as the lost numbers, and the leads or
    the results as well; a column whose cells are fewer (OCR lost one) is left out, not guessed."""
    paras = _band_paras(lines, a, b, groups, matcher)
    capitals: list[tuple[int, list[int]]] = []       # (order, paragraph): names, then results written out
    units: list[tuple[int, int]] = []                 # (order, line)
    figures: list[tuple[int, str]] = []               # result cells that open with a figure (">50", "≤ 3 Đông Nam Á")
    lead_lines: list[int] = []
    units_first = False
    for order, (para, kind, text) in enumerate(paras):
        if kind == "figure":
            figures.append((order, text.strip()))
        elif lead_lines or kind == "lead":
            lead_lines.extend(para)                     # the leads' column comes last
        elif kind == "unit":
            units.append((order, para[0]))
        elif kind == "name":
            if lead_lines:
                return _row_wise_band(lines, paras, missing, matcher)   # not one column after another
            units_first = units_first or bool(units and not capitals)
            capitals.append((order, para))
        elif capitals or units or figures:
            return _row_wise_band(lines, paras, missing, matcher)       # a lower-case paragraph among the columns
    count = len(missing)
    if len(capitals) < count or (units_first and len(units) != count):
        return _row_wise_band(lines, paras, missing, matcher)
    # the name cells come first; capitalised paragraphs past them, after a unit or a figure, are results
    # written out ("Tăng dần theo từng năm"), in the results' column with the figures
    last_name = capitals[count - 1][0]
    extra = capitals[count:]
    if extra and not any(last_name < o < extra[0][0] for o in [u for u, _k in units] + [o for o, _v in figures]):
        return None
    results = sorted([*figures, *((o, "") for o, _p in extra)])
    cells = matcher.scan_cells([lines[k] for k in lead_lines])
    leads = [c.agency for c in cells]
    if len(leads) != count and len(results) != count:
        return None
    rows = [_BandRow(label, para) for label, (_o, para) in zip(missing, capitals, strict=False)]
    for row, lead in zip(rows, leads if len(leads) == count else [], strict=False):
        row.lead = lead
    for row, (_o, value) in zip(rows, results if len(results) == count else [], strict=False):
        row.value = value
    for row, (_o, line) in zip(rows, units if len(units) == count else [], strict=False):
        row.unit = line
    return rows


def _band_paras(lines: list[str], a: int, b: int, groups: set[int],
                matcher: AgencyMatcher) -> list[tuple[list[int], str, str]]:
    """The paragraphs between lines a and b (a page's repeated header left out), each with its kind as a
    cell: "figure" (">50"), "lead" (opens with a lead's name), "unit" (a unit, or two words at most),
    "name" (capitalised, three words or more, no figure) or "other"; and its text."""
    from .ocr_tables import _UNIT

    paras: list[list[int]] = []
    for k in range(a + 1, b):
        if not lines[k].strip() or k in groups:
            if paras and paras[-1]:
                paras.append([])
            continue
        if not paras:
            paras.append([])
        paras[-1].append(k)
    out: list[tuple[list[int], str, str]] = []
    for para in (p for p in paras if p):
        text = squash(" ".join(lines[k] for k in para))
        f = fold(text).translate(_GLYPHS)
        words = re.findall(r"[a-z]+", f)
        if (words and set(words) <= _HEADER_WORDS) or re.search(r"chi\s*tieu|ket\s*qua", f):
            continue                                    # the table header a page break repeats
        if (_BAND_VALUE.match(text) and len(para) == 1) or re.match(r"\s*[<>≥≤~=]=?\s*\d", text):
            kind = "figure"
        elif (found := matcher.scan(text)) and found[0][0] <= 1:
            kind = "lead"
        elif _UNIT.fullmatch(f.strip()) or (len(text.split()) <= 2 and len(para) == 1):
            kind = "unit"
        elif text[:1].isupper() and len(text.split()) >= 3 and not re.search(r"\d{2}", text):
            kind = "name"
        else:
            kind = "other"
        out.append((para, kind, text))
    return out


def _row_wise_band(lines: list[str], paras: list[tuple[list[int], str, str]], missing: list[str],
                   matcher: AgencyMatcher) -> list[_BandRow] | None:
    """The lost rows' cells read row by row instead, each a paragraph ("Số doanh nghiệp …" / "Doanh
    nghiệp" / ">40" / "Bộ Khoa học" / "và Công nghệ" / "Chỉ số …" …): a name opens each row, a unit, a
    result and the lead's lines follow it. As many names as numbers lost, and each row's lead found (or
    each row's result), else None."""
    rows: list[_BandRow] = []
    lead_lines: list[list[int]] = []
    for para, kind, text in paras:
        if kind == "name":
            rows.append(_BandRow(missing[len(rows)] if len(rows) < len(missing) else "", list(para)))
            lead_lines.append([])
        elif not rows:
            if kind != "other" or text[:1].isupper():
                return None                 # before the first name: the row above's last lower-case lines only
        elif kind == "figure" and not rows[-1].value and not lead_lines[-1]:
            rows[-1].value = text.strip()
        elif kind == "unit" and rows[-1].unit is None and not rows[-1].value and not lead_lines[-1]:
            rows[-1].unit = para[0]
        elif kind == "other" and text[:1].islower() and rows[-1].unit is None and not rows[-1].value and not lead_lines[-1]:
            rows[-1].name_lines.extend(para)            # the name cell in two paragraphs
        elif kind in ("lead", "other"):
            lead_lines[-1].extend(para)
        else:
            return None
    if len(rows) != len(missing):
        return None
    for row, at in zip(rows, lead_lines, strict=True):
        cells = matcher.scan_cells([lines[k] for k in at])
        row.lead = cells[0].agency if len(cells) == 1 else None
    if not all(r.lead for r in rows) and not all(r.value for r in rows):
        return None
    return rows


def _broken_first(lines: list[str], k: int) -> bool:
    """Line k is a row's first line broken before its cells: capitalised words without a figure or a bar,
    and the next line opens in lower case and reads on to the unit, result and lead cells."""
    text, nxt = lines[k].strip(), lines[k + 1].strip()
    return bool(text[:1].isupper() and nxt[:1].islower() and not re.search(r"[\d|]", text) and len(text.split()) >= 2
                and _SPLIT_CELLS.search(fold(nxt)) and _ROW_SHAPE.match(text + " " + nxt))


def _misnumbered(line: str) -> str:
    """A line between two rows without its number, when it opens with one (not in the sequence there) or
    with a number OCR misread into glyphs ("1O", "b", "3)", "ll")."""
    m = ROW_NO.match(line) or _GLYPH_NO.match(line)
    return line[m.end():] if m else line


# a row number OCR read as look-alike glyphs before the name's capital: "1O" or "IO" for 10, "b" for 6, "S" for 5,
# "B." for 8, "ll" for 11, "3)" for 3, "18;" for 13 (never a word of a name: no other letter)
_GLYPH_NO = re.compile(r"^\s*(?=[^\s]{0,3}[\dlIOSBbZ])(?:[\dlIOoSBbZgq!?'\]]{1,3}\)?|\d{1,3}\))[.;:,]?\s*\|?\s+(?=[" + _UP + "])")


# a row number OCR misread into one or two glyphs that are no word ("hÌ" for 1), before the name's capital
_STRAY_NO = re.compile(r"^\s*(?![AEIOUYĐÀ-Ỹ][\s])[^\W\d_]{1,2}\s+(?=[" + _UP + "])")


def _lead_row_shape(line: str, matcher: AgencyMatcher) -> bool:
    """A row's first line read across its cells without a figure: a capitalised name's words, another
    cell (a unit the unit pattern knows, or a capitalised word after a lower-case one: a result written
    out), and a lead's name that ends the line ("Hạ tầng số Tiên tiến, Bộ Thông tin")."""
    from .ocr_tables import _UNIT

    text = line.strip(" |")
    mentions = matcher.scan(text)
    # the line may go on past the lead with the row's next line run into it, lower-case words of the name's
    # and the result's cells ("… > 3% và tăng | Bộ Tài chính năm cho phát triển NSNN dần theo yêu")
    if not text[:1].isupper() or not mentions:
        return False
    tail = text[mentions[-1][1]:].strip()
    if len(tail) > 1 and not (tail[:1].islower() and not re.search(r"[\d|]", tail)):
        return False
    head = text[:mentions[-1][0]]
    words = re.findall(r"[^\s|]+", head)
    if len(words) < 3 or mentions[-1][0] < 0.4 * len(text):
        return False
    folded = fold(head)
    second = any(m.start() > len(folded) * 0.35 for m in _UNIT.finditer(folded)) or \
        any(w[:1].isupper() and p[:1].islower() for p, w in pairwise(words[1:]))
    return second


def _one_digit_off(a: str, b: str) -> bool:
    """A parent number misread ("28" for 23) or read without its first digit ("9" for 19)."""
    return a == b or (len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1) or \
        (len(a) == len(b) - 1 and b.endswith(a))


def _missing_labels(la: str, lb: str) -> list[str] | None:
    """Labels between two row labels ("2", "6" → 3, 4, 5; "11.1", "11.5" → 11.2 … 11.4; "11", "11.3" →
    11.1, 11.2); None when a sub-row is followed by its parent's next row (the count is unknown)."""
    pa, _, ka = la.partition(".")
    pb, _, kb = lb.partition(".")
    if not ka and not kb:
        return [str(n) for n in range(int(pa) + 1, int(pb))]
    if pa == pb and ka and kb:
        return [f"{pa}.{n}" for n in range(int(ka) + 1, int(kb))]
    if pa == pb and not ka:
        return [f"{pa}.{n}" for n in range(1, int(kb))]
    if ka and not kb and int(pb) == int(pa) + 1:
        return None
    if kb and not ka and int(pb) == int(pa) + 1:
        return [pb]                 # "22", "23.1": row 23, the sub-rows' parent
    return []


# --- year-column tables with unit and lead columns, flattened by OCR ----------------------------

# a cell: a figure ("> 95", "0,75", "150.000" with its thousands dot), "X", "-", or a figure OCR garbled
# between digits ("2/5" for "2,5"; kept as read)
_CELL = r"\d/\d(?![\d/])|(?:[<>≥≤~=]\s*)?(?:\d{1,3}(?:\.\d{3})+(?![\d.,])|\d{1,4}(?:[.,]\d{1,2})?)\s*%?|X|x|-"


def ocr_year_unit_table(outline: Outline, header: int, years: list[int], matcher: AgencyMatcher,
                        end: int, baseline: int = 0, quarters: bool = False, units: bool = True) -> list[Target] | None:
    """A year-column table with unit and lead columns ("STT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2026 |
    Năm 2030 | Đơn vị chủ trì") that OCR read row by row: each row's first line holds its name's first
    words, the unit, one value per year in a run (bare figures, "> 95") and the lead's first words; the
    lines below carry on the name (left) and the lead (right). None when most rows show no such run
    (another layout: the caller reads it otherwise). The first `baseline` year columns are results already
    reached ("Thực hiện 2024"), read but not kept as milestones. `quarters`: the columns after the baseline are the
    quarters of one year (`years[-1]`, 0 when unknown): the value is the last quarter's, no milestones (as
    table_targets reads such a table). `units`: False for a table with no unit column ("Chỉ tiêu | Năm 2026 | Năm
    2027"): the words before a row's figures are all its name (a unit in brackets ending it, "(%)", is read off)."""
    from .rows import ROW_NO, row_anchors, sub_row_anchors

    lines = outline.lines
    k = len(years)
    # "_" after the run: a cell's border OCR read as a low line (">70_ | Công an"); "[" or "]" between cells: a
    # border read as a bracket ("15.000 [5.000 |12.000")
    run = re.compile(r"(?:^|(?<=[\s|\[\]]))((?:(?:" + _CELL + r")[\s|\[\]]+){" + str(k - 1) + r"}(?:" + _CELL + r"))(?=[\s|_\]]|$)")
    glyphs = any("≥" in x or "≤" in x for x in lines)
    # rows numbered under group rows ("1 | Nhóm chỉ tiêu về …", "1.1 | …", "12" for 1.2 …): the sub-rows, each
    # ending before the next group row
    subs, group_rows = sub_row_anchors(lines, header + 1, end)
    numbered = subs or row_anchors(lines, header + 1, end)
    # (a table with no number column: its rows are told by their runs of figures, and have no number)
    unnumbered = not numbered
    numbered = numbered or _run_rows(lines, header + 1, end, run)
    joined = [] if subs else _joined_numbers(lines, numbered, run, header + 1, end)
    anchors = [(i, label, 0) for i, label in _lost_numbers(lines, sorted(numbered + [(i, lab) for i, lab, _c in joined]), run, header + 1)
               if not any(i == j and label == lab for j, lab, _c in joined)]
    anchors = sorted(anchors + joined)
    if subs:
        # the next sub-row's number run into the end of a row's line ("3.1 | Tỷ trọng kinh tế 3.2")
        labels = {label for _i, label, _c in anchors}
        for i, label, _c in list(anchors):
            a, _dot, b = label.partition(".")
            want = f"{a}.{int(b) + 1}" if b.isdigit() else ""
            if want and want not in labels and (m := re.search(r"\s(" + re.escape(want) + r")\.?\s*$", lines[i])):
                anchors.append((i, want, m.start(1)))
        anchors.sort()
    # a group row whose number OCR lost: its title begins as the other group rows' do ("Nhóm chỉ tiêu về …")
    titles = {" ".join(fold(lines[g][gm.end():]).split()[:2]) for g, _v in group_rows
              if (gm := ROW_NO.match(lines[g]))} - {""}
    out: list[Target] = []
    heads = {squash(fold(x)) for x in lines[max(0, header - 3):header + 1]} - {""}
    moved = _cells_below(lines, anchors, run, group_rows, end, subs)
    band = {} if subs else _band_below(lines, anchors, k, baseline, end, moved)
    for n, (i, label, col) in enumerate(anchors):
        if n in band:
            if (t := _band_target(outline, anchors, n, band, years, baseline, glyphs)) is not None:
                out.append(t)
            continue
        # the row runs to the next one's start, which OCR may have run into a line of this row ("… chính 2 Hồ sơ …")
        nxt = anchors[n + 1] if n + 1 < len(anchors) else None
        hi = (nxt[0] - 1 if not nxt[2] or nxt[0] == i else nxt[0]) if nxt else min(end, i + 8)
        hi = min([hi, *(g - 1 for g, _v in group_rows if i < g <= hi)])
        stop = nxt[2] if nxt and nxt[2] and nxt[0] == i else len(lines[i])
        rm = ROW_NO.match(lines[i][col:]) or (re.match(r"\s*\d{1,2}[^\w\s.|]\s?\d{1,2}\.?\s*\|?\s+", lines[i][col:]) if subs else None)
        pre = col + (rm.end() if rm else 0)
        own = ""            # the number line's words when the row's cells stand on a line below it
        top = i
        if n in moved:
            own = outline.line_out(i, pre, stop)
            i, hi = moved[n]
            pre, stop = 0, len(lines[i])
        body = lines[i][pre:stop]
        cells = [m for m in run.finditer(body) if re.search(r"[^\W\d_]{2}" if n not in moved else r"[^\W\d_]{2}|%", body[:m.start()])]
        if not cells:
            continue
        if titles and subs and (nxt is None or nxt[1].split(".")[0] != label.split(".")[0]):
            hi = next((j - 1 for j in range(i + 1, hi + 1) if lines[j][:1].isupper() and
                       " ".join(fold(lines[j]).split()[:2]) in titles), hi)
        m = cells[0]
        before = body[:m.start()].rstrip(" |")
        tokens = [squash(x) for x in re.findall(_CELL, m.group(1))]
        if len(tokens) != k:
            continue
        unit_m = None if not units else \
            re.search(r"(?:\|\s*|\s)\[?(%|[A-ZĐ][^\s|,]{1,12}(?:\s*/\s*[^\s|]+)?|[^\W\d_]{1,8}\s*/\s*[^\s|]+)$", before) \
            or re.search(r"\|\s*([^|]{1,20})$", before) \
            or re.search(r"(?:\|\s*|\s)(" + _COUNT_UNIT + r")$", fold(before))     # "… được hồ sơ 12.000 …"
        unit = before[unit_m.start(1):unit_m.end(1)].strip() if unit_m else None      # (fold keeps offsets)
        if unit_m is None and n in moved and re.fullmatch(r"\s*\[?%", before):
            unit_m = re.match(r"\s*\[?(%)", before)           # the unit alone before the cells: "% 11 13 15 Sở Tài"
            unit = "%"
        name_first = before[:unit_m.start()] if unit_m else before
        name_parts = [x for x in (own, outline.line_out(i, pre, pre + len(name_first))) if x.strip(" |")]
        lead_lines = [body[m.end():]]
        conts: list[str] = []
        for j in range(i + 1, hi + 1):
            cut = nxt[2] if nxt and j == nxt[0] else len(lines[j])
            line = lines[j][:cut]
            if not line.strip() or len(_YEARS_IN.findall(line)) >= 2 or re.search(r"chi\s*ti[e]u|don\s*v", fold(line)) or \
                    squash(fold(line)) in heads:
                continue        # a blank line or the header repeated on the next page (also its wrapped titles' lines)
            conts.append(outline.line_out(j, 0, cut))
            name_left, _r = _split_left(outline.line_out(j, 0, cut))
            if name_left:
                name_parts.append(name_left)
            lead_lines.append(_split_left(line)[1])
        down = _lead_down_cell(body[m.end():], conts, matcher)
        if down is not None:
            name_parts = [name_parts[0], *down[1]]
        name = squash(" ".join(name_parts)).strip(" |_")
        if unit is None and (bu := _BRACKET_UNIT.search(name)) and \
                not re.match(r"(?:tru|khong|gom|bao gom|trong do|theo|tinh|ke ca)\b", fold(bu.group(1))):
            name, unit = name[:bu.start()], bu.group(1)     # no unit column: "… học bạ số (%)", "(trường)"
        if not name:
            continue
        t = Target(name=name, no=row_label(label), unit=unit, source=SourceSpan(top + 1, hi + 1), confidence=0.5,
                   raw=" / ".join(lines[top:hi + 1]))
        if any(re.fullmatch(r"\d+,\d+", x) for x in tokens):
            # "0,5 07 0,9": among decimals, a figure with a leading zero lost its comma
            tokens = [f"0,{x[1:]}" if re.fullmatch(r"0\d", x) else x for x in tokens]
        tokens = _slashed_decimals(tokens)
        if len(tokens) > 1 and tokens[-1].endswith("%") and not any("%" in x for x in tokens[:-1]):
            # the unit column after the years ("> 85 > 90 > 95 % Phòng Dịch"): its "%" is no part of the last value
            tokens[-1] = tokens[-1].rstrip(" %")
            t.unit = t.unit or "%"
        for year, tok in zip(years[baseline:], tokens[baseline:], strict=True):
            if tok in ("-", ""):
                continue
            if not glyphs and tok[:1] in "<>" and tok[1:2] != "=":
                tok = ("≥" if tok[0] == ">" else "≤") + tok[1:].strip()     # Tesseract has no "≥": see ocr_annex_targets
            # (quarters of one year: each quarter's cell in turn, the last one's kept)
            t.milestones[str(year)] = tok.upper() if tok in ("x", "X") else plain_number(tok)
        if not t.milestones:
            continue
        first = next((y for y in sorted(t.milestones) if t.milestones[y] != "X"), None)
        if first is None:
            t.comparator, t.value = "text", None
        else:
            t.year = int(first) or None
            t.value, t.comparator = parse_value(t.milestones[first])
        if quarters:
            t.milestones = {}
        # a space OCR lost between a lead's first words ("SởTài" / "chính")
        pieces = [_unglue(x.strip(" |")) for x in lead_lines if x.strip(" |")]
        mentions = matcher.scan_cells(pieces)
        whole = matcher.scan(" ".join(pieces[:5]))
        if down is not None:
            t.lead, t.lead_code = down[0].name, down[0].code
        elif whole and whole[0][0] == 0 and (not mentions or mentions[0].line == 0) and \
                (not mentions or len(whole[0][2].name) > len(mentions[0].agency.name)):
            # a name a word or two a line down its narrow cell ("Văn" / "phòng" / "UBND" / "tỉnh"): the lines
            # joined give it whole, where a piece alone gives a shorter one ("UBND tỉnh")
            t.lead, t.lead_code = whole[0][2].name, whole[0][2].code
        elif mentions:
            t.lead, t.lead_code = mentions[0].agency.name, mentions[0].agency.code
        elif pieces:
            # a name broken over three lines of its cell ("Trung tâm" / "Kiểm soát bệnh" / …): its pieces joined
            for text in (" ".join(pieces[:3]), " ".join(pieces[:2]), pieces[0]):
                found = matcher.match(text)
                if found.agency is not None:
                    t.lead, t.lead_code = found.agency.name, found.agency.code
                    break
        out.append(t)
    if unnumbered:
        for t in out:
            t.no = None
    return out if anchors and len(out) * 2 >= len(anchors) else None


def _cells_run(count: int) -> re.Pattern[str]:
    """A line opening with `count` value cells ("70 85 > 95", "<40 <35 <30 Tính từ …": a notes cell may follow)."""
    return re.compile(r"^\s*\|?\s*((?:(?:" + _CELL + r")[\s|]+){" + str(count - 1) + r"}(?:" + _CELL + r"))(?=[\s|_]|$)")


def _band_below(lines: list[str], anchors: list[tuple[int, str, int]], k: int, baseline: int, end: int,
                moved: dict[int, tuple[int, int]]) -> dict[int, int]:
    """Rows whose first line holds no values ("4 Tỷ lệ học sinh %"), their values read after the table's last row,
    a line each, in a band ("70 85 > 95" / "20 30 45 Ưu tiên trường" / …), all the year columns' cells or those
    after the baseline's (Tesseract drops a column it read apart): when the band holds one line per such row,
    {anchor's index: its band line}."""
    if not anchors:
        return {}
    full, short = _cells_run(k), (_cells_run(k - baseline) if baseline and k - baseline >= 2 else None)
    bare = [n for n, (i, _label, col) in enumerate(anchors) if n not in moved and not col and
            not any(re.search(r"[^\W\d_]{2}", lines[i][:m.start()]) for m in re.finditer(r"(?:" + _CELL + r")(?:[\s|]+(?:" + _CELL + r")){"
                                                                                  + str(max(1, k - baseline - 1)) + "}", lines[i]))]
    last = anchors[-1][0]
    found = [j for j in range(last + 1, end + 1)
             if (full.match(lines[j]) or (short and short.match(lines[j]))) and not _YEARS_IN.search(lines[j])]
    if len(bare) < 2 or len(found) != len(bare) or bare[-1] != len(anchors) - 1:
        return {}
    return dict(zip(bare, found, strict=True))


# the unit ending a row's first line when its cells stand elsewhere ("… | %", "… %", "… trường |12")
_UNIT_END = re.compile(r"(?:\s*\|\s*(?P<u>%|[^\W\d_]{1,8}(?:\s[^\W\d_]{1,6})?)|\s+(?P<p>%)|\s+(?P<w>[^\W\d_]{1,8})\s*\|\s*\d{1,4}(?:[.,]\d{1,2})?)\s*$")


def _band_target(outline: Outline, anchors: list[tuple[int, str, int]], n: int, band: dict[int, int], years: list[int],
                 baseline: int, glyphs: bool) -> Target | None:
    """The target of a row whose values stand in a band below the table (`_band_below`): its name from its lines,
    its unit from the end of its first, its milestones from its band line."""
    from .rows import ROW_NO

    lines = outline.lines
    i, label, _col = anchors[n]
    hi = anchors[n + 1][0] - 1 if n + 1 < len(anchors) else min(band.values()) - 1
    rm = ROW_NO.match(lines[i])
    pre = rm.end() if rm else 0
    first = lines[i][pre:]
    um = _UNIT_END.search(first)
    group = next((g for g in ("u", "p", "w") if um.group(g)), None) if um else None
    unit = outline.line_out(i, pre + um.start(group), pre + um.end(group)).strip() if um and group else None   # restored
    parts = [outline.line_out(i, pre, pre + (um.start() if um else len(first)))]
    for j in range(i + 1, hi + 1):
        if lines[j].strip() and not len(_YEARS_IN.findall(lines[j])) >= 2 and not re.search(r"chi\s*ti[e]u|don\s*v", fold(lines[j])):
            parts.append(outline.line_out(j, 0, len(lines[j])))
    name = squash(" ".join(parts)).strip(" |_")
    cells = re.match(r"^\s*\|?\s*((?:(?:" + _CELL + r")[\s|]*)+)", lines[band[n]])
    tokens = [squash(x) for x in re.findall(_CELL, cells.group(1))] if cells else []
    tokens = tokens[:len(years)] if len(tokens) >= len(years) else tokens[:len(years) - baseline]
    if not name or len(tokens) not in (len(years), len(years) - baseline):
        return None
    t = Target(name=name, no=row_label(label), unit=unit, source=SourceSpan(i + 1, hi + 1), confidence=0.4,
               raw=" / ".join([*lines[i:hi + 1], lines[band[n]]]))
    for year, tok in zip(years[len(years) - len(tokens):][baseline if len(tokens) == len(years) else 0:],
                         tokens[baseline if len(tokens) == len(years) else 0:], strict=True):
        if tok in ("-", ""):
            continue
        if not glyphs and tok[:1] in "<>" and tok[1:2] != "=":
            tok = ("≥" if tok[0] == ">" else "≤") + tok[1:].strip()     # Tesseract has no "≥": see ocr_annex_targets
        t.milestones[str(year)] = tok.upper() if tok in ("x", "X") else plain_number(tok)
    first_year = next((y for y in sorted(t.milestones) if t.milestones[y] != "X"), None)
    if first_year is None:
        return None
    t.year = int(first_year)
    t.value, t.comparator = parse_value(t.milestones[first_year])
    return t


def _slashed_decimals(tokens: list[str]) -> list[str]:
    """A decimal comma OCR read as a slash ("2 2/5 3" for 2 | 2,5 | 3): a cell "d/d" is a decimal when,
    so read, it falls strictly between the figures of the cells on either side of it (a run of milestones
    rises or falls); a ratio ("1/2") elsewhere stays as read."""
    def number(tok: str) -> float | None:
        m = re.fullmatch(r"[<>≥≤~=]?\s*(\d+(?:,\d+)?)\s*%?", tok)
        return float(m.group(1).replace(",", ".")) if m else None

    out = list(tokens)
    for n in range(1, len(tokens) - 1):
        if (m := re.fullmatch(r"(\d)/(\d)", tokens[n])) is None:
            continue
        a, b, x = number(tokens[n - 1]), number(tokens[n + 1]), float(f"{m.group(1)}.{m.group(2)}")
        if a is not None and b is not None and (a < x < b or a > x > b):
            out[n] = f"{m.group(1)},{m.group(2)}"
    return out


def _cells_below(lines: list[str], anchors: list[tuple[int, str, int]], run: re.Pattern[str],
                 group_rows: list[tuple[int, int]], end: int, subs: list[tuple[int, str]]) -> dict[int, tuple[int, int]]:
    """Rows whose number line holds no run of values, their cells on lines below it: OCR read a tall row's
    number and name's first words, or several rows' numbers one under the other ("3.1 | Tỷ trọng kinh tế" /
    "3.2" / "% 11 13 15 Sở Tài" / "số trong GRDP chính" / "Hộ gia đình có | % 88 92 >95 Sở Khoa" / …). A run of
    such rows gets the lines below them holding a run of values, one each in order, when their count is the
    rows': {anchor's index: (its cells' line, its last line)}."""
    def has_run(line: str, words: str) -> bool:
        return any(re.search(words, line[:m.start()]) for m in run.finditer(line))

    out: dict[int, tuple[int, int]] = {}
    n = 0
    while n < len(anchors):
        i, _label, col = anchors[n]
        rm = ROW_NO.match(lines[i][col:])
        if col or has_run(lines[i][col + (rm.end() if rm else 0):], r"[^\W\d_]{2}"):
            n += 1
            continue
        m = n
        while m + 1 < len(anchors) and (not anchors[m + 1][2] or anchors[m + 1][0] == anchors[m][0]) and \
                not any(lines[k].strip() for k in range(anchors[m][0] + 1, anchors[m + 1][0])) and \
                not has_run(lines[anchors[m + 1][0]][anchors[m + 1][2]:], r"[^\W\d_]{2}"):
            m += 1
        last = anchors[m][0]
        stop = anchors[m + 1][0] if m + 1 < len(anchors) else min(end, last + 8 * (m - n + 1)) + 1
        stop = min([stop, *(g for g, _v in group_rows if last < g < stop)])
        found = [k for k in range(last + 1, stop) if not _YEARS_IN.search(lines[k]) and has_run(lines[k], r"[^\W\d_]{2}|%")]
        if found and len(found) == m - n + 1 and (subs or m == n):
            for r, k in zip(range(n, m + 1), found, strict=True):
                nk = found[found.index(k) + 1] if k != found[-1] else stop
                out[r] = (k, nk - 1)
        n = m + 1
    return out


# units in lower case a year table's unit cell holds ("hồ sơ", "doanh nghiệp", "lượt", "tỷ đồng")
_COUNT_UNIT = r"ho\s*so|doanh\s*nghiep|nguoi|luot|ty\s*dong|trieu\s*dong|san\s*pham|cong\s*trinh|km"


def _lead_down_cell(first: str, conts: list[str], matcher: AgencyMatcher) -> tuple[Agency, list[str]] | None:
    """A lead whose narrow cell puts a word or two on each line of the row, lower-case words too ("Văn" /
    "… được phòng" / "… trực UBND" / "… trình tỉnh"): the registry's name that the number line's piece
    (`first`) begins and the continuation lines' last words complete, and those lines without its words.
    The longest name so placed whole; None if none."""
    # (a unit cell between the figures and the lead, "ngày làm | Phòng" / "khách Phòng": its lower-case words go first)
    tokens = first.split()
    while tokens and (tokens[0] == "|" or tokens[0][:1].islower()):
        tokens.pop(0)
    start = [fold(w).strip(",.;:|") for w in tokens]
    if not start or not conts or not tokens[0][:1].isupper():
        return None
    best: tuple[Agency, list[str]] | None = None
    for agency in matcher.registry:
        words = fold(agency.name).split()
        if len(words) <= len(start) or (best is not None and len(words) <= len(fold(best[0].name).split())) or \
                not all(_same_word(a, b) for a, b in zip(start, words, strict=False)):
            continue
        done, rest = len(start), []
        for text in conts:
            stripped, done = _strip_cell_tail(text, words, done)
            rest.append(stripped)
        if done == len(words):
            best = (agency, [x for x in rest if x.strip()])
    return best


def _unglue(text: str) -> str:
    """A space put back where a lower-case letter runs into a capital ("SởTài chính")."""
    return "".join(c + " " if c.islower() and n.isupper() else c for c, n in zip(text, text[1:] + " ", strict=True))


_YEARS_IN = re.compile(r"(?<!\d)20[2-5]\d(?!\d)")


def _run_rows(lines: list[str], start: int, end: int, run: re.Pattern[str]) -> list[tuple[int, str]]:
    """The rows of a year table with no number column ("Chỉ tiêu | Hiện trạng 2025 | Mục tiêu 2026 | … | Đơn vị chịu
    trách nhiệm") read row by row: each row's first line holds its name's first words, then its run of one figure per
    year, then the lead's first words or nothing ("Tỷ lệ hộ gia đình sử dụng 78 85 Sở Khoa học và"), labelled 1, 2 …
    in turn (the lines between them carry their names and leads on)."""
    out: list[tuple[int, str]] = []
    for k in range(start, end + 1):
        if _YEARS_IN.search(lines[k]):
            continue
        m = next((m for m in run.finditer(lines[k]) if re.search(r"[^\W\d_]{2}", lines[k][:m.start()])), None)
        if m is not None and lines[k][:1].isupper() and not re.search(r"\d", lines[k][m.end():]):
            out.append((k, str(len(out) + 1)))
    return out


def _lost_numbers(lines: list[str], anchors: list[tuple[int, str]], run: re.Pattern[str], start: int) -> list[tuple[int, str]]:
    """Rows of a year table whose number OCR lost ("ö Số doanh nghiệp | Doanh 350 420 500 700 Sở Khoa"
    between rows 2 and 4): a line below a row's first one holding a whole run of values after words is
    the first line of the row whose number is missing between its neighbours'."""
    out = list(anchors)
    if anchors and anchors[0][1] == "2":
        # the first row's "1" lost: the table's first line of words and a whole run before row 2 (the header
        # repeated after a page break may stand between them: no run, its years skipped)
        anchors = [(start - 1, "0"), *anchors]
    for n in range(len(anchors) - 1):
        (i, a), (j, b) = anchors[n], anchors[n + 1]
        if not (a.isdigit() and b.isdigit() and int(b) == int(a) + 2):
            continue
        found = [k for k in range(i + 1, j) if not _YEARS_IN.search(lines[k])
                 and any(re.search(r"[^\W\d_]{2}", lines[k][:m.start()]) for m in run.finditer(lines[k]))]
        if len(found) == 1:
            out.append((found[0], str(int(a) + 1)))
    for (i, a), (j, b) in pairwise(anchors):
        # rows whose cells OCR read apart from them (a band below the table): each row's first line is its name's
        # first words and its unit ("4 Tỷ lệ học sinh %", "Tỷ lệ giáo viên | %"); as many such lines without a
        # number as numbers are missing between two rows of that shape are those rows
        rm = ROW_NO.match(lines[j])
        if not (a.isdigit() and b.isdigit() and int(b) - int(a) >= 2) or rm is None or not _NAME_UNIT_LINE.match(lines[j][rm.end():]):
            continue
        found = [k for k in range(i + 1, j) if _NAME_UNIT_LINE.match(lines[k]) and not run.search(lines[k])]
        if len(found) == int(b) - int(a) - 1:
            out.extend((k, str(int(a) + 1 + n)) for n, k in enumerate(found))
    return sorted(set(out))


# a row's first line when its cells stand elsewhere: its name's first words and its unit, a baseline figure after it
# perhaps ("Tỷ lệ giáo viên | %", "Số trường có trường |12"; OCR's glyphs in its words: "Ty l¢")
_NAME_UNIT_LINE = re.compile(r"^\s*[" + _UP + r"][^\s|\d]*(?:\s+[^\s|\d]+){1,6}?(?:\s*\|\s*(?:%|[^\W\d_]{1,8}(?:\s[^\W\d_]{1,6})?)|\s+%"
                             r"|\s+[^\W\d_]{1,8}\s*\|\s*\d{1,4}(?:[.,]\d{1,2})?)\s*$")


def _joined_numbers(lines: list[str], anchors: list[tuple[int, str]], run: re.Pattern[str],
                    start: int, end: int) -> list[tuple[int, str, int]]:
    """Rows of a year table whose number OCR ran into the line above ("… chính 2 Hồ sơ trực tuyến | % 60 70
    90 Sở Tư"): the number missing between its neighbours' (or after the last) standing inside a line, a
    capitalised word after it and then, after words, a whole run of values. (line, label, column)."""
    out: list[tuple[int, str, int]] = []
    bounds = [(start - 1, "0"), *anchors, (min(end, (anchors[-1][0] if anchors else start) + 10) + 1, "")]
    for (i, a), (j, b) in pairwise(bounds):
        if not a.isdigit() or (b and (not b.isdigit() or int(b) != int(a) + 2)):
            continue
        want = str(int(a) + 1)
        hits = []
        for k in range(max(i, start), min(j, end + 1)):
            for m in re.finditer(r"(?:(?<=[^\W\d_])|(?<=[|,.;]))\s+(" + want + r")\.?\s+(?=[" + _UP + "])", lines[k]):
                rest = lines[k][m.end():]
                if any(re.search(r"[^\W\d_]{2}", rest[:c.start()]) for c in run.finditer(rest)):
                    hits.append((k, want, m.start(1)))
        if len(hits) == 1:
            out.append(hits[0])
    return out


def _split_left(line: str) -> tuple[str, str]:
    """A continuation line of a row read across its cells: the name cell's words (lowercase, on the
    left) and the rest, from the first capitalised word on (the lead's cell: "khỏe điện tử được Kiểm soát")."""
    text = line.strip(" |")
    if not text[:1].islower():
        return "", text
    cut = re.search(r"[\s|](?=[" + _UP + "])", text)
    return (text[:cut.start()].strip(" |"), text[cut.start():].strip(" |")) if cut else (text, "")
