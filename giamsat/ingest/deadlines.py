"""Deadline text ("Quý I/2026", "9/2025", "Hằng tháng", "Ngay khi … ban hành") → DeadlineSpec."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from giamsat.domain.deadline import DeadlineKind, DeadlineSpec, Recurrence

from .fold import fold, squash

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# OCR reads each stroke of a quarter's Roman numeral as "1" or "l" ("Quý 11", "Quý Il", "Quý lII", "Quý 1V"):
# no quarter is numbered past 4, so the strokes are counted whatever glyph each was read as; two strokes may be read
# as one "H" ("Quý IH/2026" for Quý III)
_NUMERAL = r"([ivl1h]{1,3}(?![0-9])|[1-4])"


def _quarter_no(numeral: str) -> int | None:
    if numeral.isdigit() and len(numeral) == 1:
        return _ROMAN.get(numeral)
    strokes = numeral.replace("l", "i").replace("1", "i")
    # "H" is two strokes ("IH" for III) or, between two, one ("IHI" for III)
    return _ROMAN.get(strokes.replace("h", "ii")) or _ROMAN.get(strokes.replace("h", "i"))


_Y = r"((?:19|20)\d\d)"

_CONDITIONAL = re.compile(r"^(ngay khi|ngay sau khi|sau khi|khi |theo ke(?:\s*hoach|\b)|theo tien do|theo yeu cau"
                          r"|theo lo trinh|theo huong dan|tuy thuoc"
                          # "30 ngày kể từ ngày Kế hoạch được ban hành", "trong vòng 06 tháng sau khi …": counted from an event
                          r"|(?:trong\s*(?:vong\s*)?|sau\s*)?\d{1,3}\s*(?:ngay|thang)\s*(?:lam\s*viec\s*)?(?:ke\s*tu|sau\s*khi))")
_CONTINUOUS = re.compile(r"th[a-z]{1,4}n?g\s*xuy[a-z]{1,2}n|lien tuc|hang ngay|moi khi")
_HANG = r"(h[a-z]{1,2}ng|moi|dinh ky)\s*"
_RECURRING = [
    # ("ngân hàng thương mại": a bank, not a month)
    (re.compile(_HANG + r"th(?!uong)[a-z]{1,3}ng\b"), Recurrence.MONTHLY),
    (re.compile(_HANG + r"quy|(?<!\d)0?3 thang\s*(?:mot|/)\s*lan"), Recurrence.QUARTERLY),
    (re.compile(_HANG + r"(6|sau) thang|(?<!\d)0?6 thang\s*(?:mot|/)\s*lan"), Recurrence.SEMIANNUAL),
    # ("đặt hàng năm 2027": an order for the year 2027, a year named is no "every year")
    (re.compile(_HANG + r"n[a-z]{1,2}m\b(?!\s*(?:19|20)\d\d)"), Recurrence.ANNUAL),
]
# "Quý", its older spelling "Quí", and "Q" before a figure ("Q3/2026")
_QUY = r"(?<![a-z])(?:qu[yi]\s*|q\.?\s*(?=(?:[1-4]|iv|i{1,3})\s*[/-]))"
_QUARTER = re.compile(_QUY + _NUMERAL + r"\s*(?:/|nam|-)\s*" + _Y)
# a quarter's Roman numeral glued to its year, the slash lost ("Quý II2027"); not digits ("Quý 12027": "1" may be the slash)
_QUARTER_GLUED = re.compile(_QUY + r"([ivlh]{1,3})" + _Y + r"(?!\d)")
_QUARTERS = re.compile(_QUY + _NUMERAL + r"\s*(?:,|-|–|va|den)\s*(?:qu[yi]\s*)?" + _NUMERAL + r"\s*(?:/|nam)\s*" + _Y)
_HALF = re.compile(r"(?:(?:6|sau) thang|nua) (dau|cuoi)(?: cua)? nam\s*" + _Y)
# "9 tháng đầu năm 2026", "9 tháng năm 2026": the first nine months
_NINE_MONTHS = re.compile(r"(?<!\d)(?:9|chin) thang (?:dau )?(?:cua )?(?:nam\s*)?" + _Y)
_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*" + _Y)
# a day or a month written with dots or dashes ("15.12.2026", "15-12-2026", "Tháng 12.2026", "T12-2026")
_DATE_DOTS = re.compile(r"(?<![\d.\-/])(\d{1,2})([.\-])(\d{1,2})\2" + _Y + r"(?![\d/])")
_MONTH_DOTS = re.compile(r"(?<![a-z])t(?:hang)?\s*\.?\s*(\d{1,2})\s*[.\-]\s*" + _Y + r"(?![\d/])")
_DATE_WORDS = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*" + _Y)
_MONTH = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*" + _Y)
_MONTH_WORDS = re.compile(r"thang\s*(\d{1,2})\s*nam\s*" + _Y)
_MONTHS = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*" + _Y + r"\s*(?:,|va|;)\s*(?:thang\s*)?(\d{1,2})\s*/\s*" + _Y + r"(?![\d/])")
_RANGE = re.compile(_Y + r"\s*(?:-|–|—|den|đen)\s*(?:nam\s*)?" + _Y)
_YEAR = re.compile(r"(?<!\d)" + _Y + r"(?!\d)")
# A year whose digits OCR read as letters ("2O26", "20l5"): o → 0, i/l → 1 when the result is a year.
_OCR_YEAR = re.compile(r"(?<![a-z0-9])(?=[0-9oil]{4}(?![a-z0-9]))(?=[^ ]*\d)(?=[^ ]*[oil])([12oil][0-9oil]{3})")
_YEAR_DIGITS = str.maketrans({"o": "0", "i": "1", "l": "1"})
# OCR reads a slash as two glyphs ("Quý II/⁄2026", "9//2027") or as a fraction slash ("Quý I⁄2028"): one slash, padded
# to keep the folded text as long as the raw one
_SLASHES = re.compile(r"[/⁄∕]\s*[/⁄∕]|[⁄∕]")
# a month whose slash OCR lost ("Tháng 112026" for "Tháng 11/2026") or read as a digit ("Tháng 712027" for 7/2027)
_MONTH_GLUED = re.compile(r"thang\s*(\d{1,2})" + _Y + r"(?!\d)")


def _repair_years(f: str) -> str:
    def digits(m: re.Match[str]) -> str:
        year = m.group(1).translate(_YEAR_DIGITS)
        return year if 1900 <= int(year) <= 2099 else m.group(1)

    return _OCR_YEAR.sub(digits, f)


# "Từ năm 2026", "từ năm 2026 trở đi", "từ đầu năm 2027": ongoing from that year (a second year would have made a range)
_FROM_YEAR = re.compile(r"(?:^|\s)tu\s*(?:dau\s*)?(?:nam\s*)?(?:19|20)\d\d\b(?!\s*(?:-|–|den\b))")
# a part of a year named in words: "Đầu năm 2027" is its first quarter, "giữa năm 2026" its first half ("6 tháng đầu
# năm", "9 tháng đầu năm", "những tháng đầu năm" are periods of their own, read before or left to the year)
_PART_OF_YEAR = re.compile(r"(?<!thang )(?<!tu )\b(dau|giua)\s*nam\s*" + _Y)
# the lunar new year, "Trước Tết Nguyên đán 2027" (its first day; the day moves each year), and "Tết Dương lịch 2027"
_TET = re.compile(r"\btet\s*(duong\s*lich\s*)?(?:nguyen\s*dan\s*|am\s*lich\s*|co\s*truyen\s*)?(?:[a-z]+\s*){0,2}?(?:nam\s*)?" + _Y)
_NEXT_YEARS = re.compile(r"va\s*(cac|nh[a-z]{1,3}ng)\s*n[a-z]{1,2}m\s*ti[a-z]{1,2}p\s*theo")


def parse_deadline(raw: str) -> DeadlineSpec:
    """Parse one deadline cell or phrase; UNKNOWN (never None) when nothing is recognised."""
    text = squash(raw)
    f = _SLASHES.sub(lambda m: "/".ljust(len(m.group(0))), _repair_years(fold(text)))
    if not f:
        return DeadlineSpec.unknown(text)
    if _CONDITIONAL.search(f):
        return DeadlineSpec.when(text, raw=text)
    spec = _phased(f, text) or _moved(f, text) or _span(f, text) or _dated(f, text)
    if spec is not None:
        return spec
    for rx, rec in _RECURRING:
        if rx.search(f):
            return DeadlineSpec.every(rec, raw=text)
    if _CONTINUOUS.search(f):
        return DeadlineSpec.continuous(raw=text)
    return DeadlineSpec.unknown(text)


# what a deadline with no year ends with, and how its year is put back to read it: a day ("Trước 30/6"), a quarter
# ("Quý III"), a month ("Tháng 9", "trước ngày 15 tháng 10"), a part of the year ("6 tháng đầu năm", "Cuối năm")
_YEARLESS = [
    (re.compile(r"(?<![\d/])\d{1,2}\s*/\s*\d{1,2}$|qu[yi]\s*[ivl1-4]{1,3}$|(?<!ngay \d )(?<!ngay \d\d )thang\s*\d{1,2}$"), "/{}"),
    (re.compile(r"ngay\s*\d{1,2}\s*thang\s*\d{1,2}$"), " năm {}"),
    (re.compile(r"\bnam$"), " {}"),
    # "Trước Tết Nguyên đán": the first day of that year's Tết (which Tết, the caller decides: `_yearless_deadlines`)
    (re.compile(r"\btet\s*(?:nguyen\s*dan|am\s*lich|co\s*truyen)$"), " {}"),
]


def with_year(raw: str, year: int) -> DeadlineSpec | None:
    """A deadline that names no year ("Trước 30/6", "Quý III", "Tháng 9", "6 tháng đầu năm") read in the given year (a
    plan for one year writes its deadlines so); None when the text names a year or is no period that ends so."""
    text = squash(raw).rstrip(" .;,")
    f = fold(text)
    if _YEAR.search(f) or parse_deadline(text).kind != DeadlineKind.UNKNOWN:
        return None
    for rx, tail in _YEARLESS:
        if rx.search(f):
            spec = parse_deadline(text + tail.format(year))
            if spec.kind != DeadlineKind.UNKNOWN:
                return dataclasses.replace(spec, raw=squash(raw), extra={**spec.extra, "year_from_plan": year})
    return None


# a phase's label in a deadline cell: "Đợt 1: tháng 4/2026; đợt 2: tháng 9/2026", "Giai đoạn 2: năm 2027", "Lần 2 - …"
_PHASE = re.compile(r"(?:^|(?<=[;,.(])|(?<=\s))(?:dot|giai\s*doan|lan|buoc)\s*(?:\d{1,2}|[ivx]{1,3})\s*[:\-–]\s*")


def _phased(f: str, text: str) -> DeadlineSpec | None:
    """A cell that dates each phase of the work ('Đợt 1: tháng 4/2026; đợt 2: tháng 9/2026'): the work is done when
    its last phase is, so it is due as that phase is, from the first phase's start."""
    labels = list(_PHASE.finditer(f))
    if len(labels) < 2:
        return None
    first = _dated(f[labels[0].end():labels[1].start()], text[labels[0].end():labels[1].start()])
    last = _dated(f[labels[-1].end():], text[labels[-1].end():])
    if last is None:
        return None
    start = first.start if first is not None and first.start is not None else last.start
    return dataclasses.replace(last, raw=text, start=start)


def _dated(f: str, text: str) -> DeadlineSpec | None:
    if (m := _QUARTERS.search(f)) and (q1 := _quarter_no(m.group(1))) and (q2 := _quarter_no(m.group(2))) and q1 < q2:
        # "Quý III - IV/2026", "Quý I, II/2026": due by the end of the last quarter named, from the first's start
        opening = DeadlineSpec.in_quarter(int(m.group(3)), q1)
        return dataclasses.replace(DeadlineSpec.in_quarter(int(m.group(3)), q2, raw=text), start=opening.start)
    if m := _QUARTER.search(f):
        q = _quarter_no(m.group(1))
        if q and _RECURRING[3][0].search(f) is None:
            spec = DeadlineSpec.in_quarter(int(m.group(2)), q, raw=text)
            named = [(int(n.group(2)), k) for n in _QUARTER.finditer(f) if (k := _quarter_no(n.group(1)))]
            if named[-1] > named[0]:
                # "Quý I/2026, Quý III/2026": done in each quarter named, due by the end of the last
                return dataclasses.replace(DeadlineSpec.in_quarter(*named[-1], raw=text), start=spec.start)
            return spec
    if (m := _QUARTER_GLUED.search(f)) and (q := _quarter_no(m.group(1))):
        return DeadlineSpec.in_quarter(int(m.group(2)), q, raw=text)     # "Quý II2027": OCR lost the slash
    if (m := re.search(r"quy\s*" + _NUMERAL + r"\s*(hang|moi) nam", f)) and (q := _quarter_no(m.group(1))):
        spec = DeadlineSpec.every(Recurrence.ANNUAL, raw=text)
        spec.extra["quarter"] = q
        return spec
    if m := _HALF.search(f):
        return DeadlineSpec.in_half(int(m.group(2)), 1 if m.group(1) == "dau" else 2, raw=text)
    if m := _NINE_MONTHS.search(f):
        return dataclasses.replace(DeadlineSpec.in_month(int(m.group(1)), 9, raw=text), start=dt.date(int(m.group(1)), 1, 1))
    for rx in (_DATE, _DATE_WORDS):
        if (m := rx.search(f)) and (day := _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))):
            days = [d for n in rx.finditer(f) if (d := _safe_date(int(n.group(3)), int(n.group(2)), int(n.group(1))))]
            if days[-1] > day:
                # "31/12/2025; 31/12/2026": done by each day named, due by the last, from the first
                return dataclasses.replace(DeadlineSpec.on(days[-1], raw=text), start=day)
            return DeadlineSpec.on(day, raw=text)
    if (m := _DATE_DOTS.search(f)) and (day := _safe_date(int(m.group(4)), int(m.group(3)), int(m.group(1)))):
        return DeadlineSpec.on(day, raw=text)
    if (m := _MONTH_DOTS.search(f)) and 1 <= int(m.group(1)) <= 12:
        return DeadlineSpec.in_month(int(m.group(2)), int(m.group(1)), raw=text)
    if (m := _SCHOOL_YEAR.search(f)) and int(m.group(3)) == int(m.group(2)) + 1:
        return _school_term(m, text)
    if m := _RANGE.search(f):
        first, last = int(m.group(1)), int(m.group(2))
        if last <= first or last - first > 25:
            last = _misread_end_year(first, last)
        if last > first:
            return DeadlineSpec.between_years(first, last, raw=text)
        return DeadlineSpec.in_year(first, raw=text)
    if (m := _MONTHS.search(f)) and all(1 <= int(m.group(k)) <= 12 for k in (1, 3)) and \
            (int(m.group(2)), int(m.group(1))) < (int(m.group(4)), int(m.group(3))):
        # "Tháng 12/2025 và tháng 3/2026": done in each month named, due by the end of the last, from the first's start
        opening = DeadlineSpec.in_month(int(m.group(2)), int(m.group(1)))
        return dataclasses.replace(DeadlineSpec.in_month(int(m.group(4)), int(m.group(3)), raw=text), start=opening.start)
    for rx in (_MONTH, _MONTH_WORDS):
        if (m := rx.search(f)) and 1 <= int(m.group(1)) <= 12:
            return DeadlineSpec.in_month(int(m.group(2)), int(m.group(1)), raw=text)
    if m := _MONTH_GLUED.search(f):
        digits = m.group(1)
        month = int(digits) if 1 <= int(digits) <= 12 else int(digits[0]) if digits[1:] in ("1", "7") else 0
        if 1 <= month <= 12:
            return DeadlineSpec.in_month(int(m.group(2)), month, raw=text)
    if m := _TET.search(f):
        return DeadlineSpec.on(_new_year(int(m.group(2)), lunar=not m.group(1)), raw=text)
    if m := _PART_OF_YEAR.search(f):
        year = int(m.group(2))
        return DeadlineSpec.in_quarter(year, 1, raw=text) if m.group(1) == "dau" else DeadlineSpec.in_half(year, 1, raw=text)
    if m := _YEAR.search(f):
        year = int(m.group(1))
        if _NEXT_YEARS.search(f) or _FROM_YEAR.search(f):
            return DeadlineSpec.continuous(raw=text, start=dt.date(year, 1, 1))
        return DeadlineSpec.in_year(year, raw=text)
    return None


def _new_year(year: int, lunar: bool) -> dt.date:
    """The first day of Tết Nguyên đán in that calendar year, from the `holidays` package's Vietnamese lunisolar
    calendar (imported here, as few deadlines name it); 1 January for Tết Dương lịch."""
    if not lunar:
        return dt.date(year, 1, 1)
    import holidays

    days = holidays.country_holidays("VN", years=year, language="vi")
    return min((d for d, name in days.items() if fold(name) == "tet nguyen dan"), default=dt.date(year, 1, 1))


# a school year, or one of its two terms: "Năm học 2025 - 2026", "Học kỳ II năm học 2025-2026", "học kỳ 1 của năm học …"
_SCHOOL_YEAR = re.compile(r"(?:hoc\s*ky\s*(i{1,2}|[12]|mot|hai)\b[\s,]*(?:cua\s*)?)?nam\s*hoc\s*" + _Y + r"\s*[-–—/]\s*" + _Y)


def _school_term(m: re.Match[str], text: str) -> DeadlineSpec:
    """A school year runs from September to the end of May (the education ministry's yearly frame: the first term
    ends by mid-January, the year by 31 May); its first term from September to January, its second from February to
    May. Due by the end of the period named (was: the two calendar years, seven months too late)."""
    first = int(m.group(2))
    term = {"i": 1, "1": 1, "mot": 1, "ii": 2, "2": 2, "hai": 2}.get(m.group(1) or "")
    start = dt.date(first + 1, 2, 1) if term == 2 else dt.date(first, 9, 1)
    end = dt.date(first + 1, 1, 31) if term == 1 else dt.date(first + 1, 5, 31)
    extra: dict[str, Any] = {"school_year": f"{first}-{first + 1}"} | ({"term": term} if term else {})
    return DeadlineSpec(DeadlineKind.RANGE, text, start=start, end=end, extra=extra)


# "Quý IV/2025 sang Quý II/2026", "từ tháng 9/2025 thành tháng 3/2026": a deadline moved (a plan amending
# another); the new one is due
_MOVED = re.compile(r"\s(?:sang|thanh|lui den|lui lai den)\s+(?=(?:quy|thang|nam|ngay|truoc|\d))")


def _moved(f: str, text: str) -> DeadlineSpec | None:
    for m in _MOVED.finditer(f):
        old, new = _dated(f[:m.start()], ""), _dated(f[m.end():], "")
        if old is not None and new is not None and old.end is not None and new.end is not None and new.end != old.end:
            return dataclasses.replace(new, raw=text)
    return None


# (OCR'd "đến" that lost its marks may come back from the restorer as "dân": between two dated periods it means "đến")
_SPAN = re.compile(r"^(?:tu\s*)?(.+?)\s*(?:-|–|—|\bden\b|\bđen\b|\bdan\b)\s*(.+)$")


def _span(f: str, text: str) -> DeadlineSpec | None:
    """'Quý IV/2026 - Quý I/2027', 'từ tháng 3/2026 đến tháng 6/2026', 'từ năm 2026 đến năm 2027': two
    dated periods, the second ending later. Due by the end of the second, from the start of the first;
    the kind is the second's."""
    m = _SPAN.match(f)
    if not m:
        return None
    first, last = _dated(m.group(1), ""), _dated(m.group(2), "")
    if first is None or last is None or first.end is None or last.end is None or last.end <= first.end:
        return None
    if DeadlineKind.YEAR in (first.kind, last.kind):
        return None             # years: `_RANGE`, which knows OCR's misread end years
    return dataclasses.replace(last, raw=text, start=first.start)


def _misread_end_year(first: int, last: int) -> int:
    """'2025-2007', '2025-2080': OCR misread one digit of an end year that is not after the start
    or implausibly far; the nearest later year differing in a single digit (2027, 2030), else `last`."""
    for year in range(first + 1, first + 26):
        if sum(a != b for a, b in zip(str(year), str(last), strict=True)) == 1:
            return year
    return last


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# A deadline phrase as it appears at the end of an OCR'd table row or in prose (a slash OCR read as two glyphs, or
# as a fraction slash, too; a month glued to its year).
_PERIOD = (r"(?:qu[yi]\s*[ivl1-4h]{1,3}\s*(?:/|nam)\s*(?:19|20)\d\d|(?:thang\s*)?\d{1,2}\s*/\s*(?:\d{1,2}\s*/\s*)?(?:19|20)\d\d"
           r"|n[a-z]{1,2}m\s*(?:19|20)\d\d)")
DEADLINE_PHRASE = re.compile((
    r"((?:tu\s*)?" + _PERIOD + r"\s*(?:-|–|den|sang|thanh)\s*" + _PERIOD + r"|(?<=thuc hien )khi\s[^.;|]{3,60}"
    r"|(?:(?:6|sau)\s*thang|nua)\s*(?:dau|cuoi)\s*nam\s*(?:19|20)\d\d"
    r"|(?<![a-z])tet\s*(?:duong\s*lich|nguyen\s*dan)\s*(?:[a-z]+\s*){0,2}?(?:nam\s*)?(?:19|20)\d\d|(?<![a-z])(?:dau|giua)\s*nam\s*(?:19|20)\d\d"
    r"|ngay khi [^|]{3,60}?ban\s*hanh|sau khi [^|]{3,60}?ban\s*hanh|theo ke hoach cua [^|]{3,30}"
    r"|qu[yi]\s*[ivl1-4]{1,3}\s*(?:,|-|–|va|den)\s*(?:qu[yi]\s*)?[ivl1-4]{1,3}\s*(?:/|nam)\s*(?:19|20)\d\d"
    r"|qu[yi]\s*[ivl1-4h]{1,3}\s*(?:/\s*\d{4}|hang nam|nam \d{4})|qu[yi]\s*[ivlh]{1,3}(?:19|20)\d\d(?!\d)"
    r"|(?:thang\s*)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d\d"
    r"|thang\s*\d{1,2}\s*[-–]\s*\d{1,2}\s*/\s*(?:19|20)\d\d"
    r"|(?:thang\s*)?\d{1,2}\s*/\s*(?:19|20)\d\d"
    r"|thang\s*\d{1,2}(?:19|20)\d\d(?!\d)"
    r"|(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d"
    # "năm 2026 - 2027": a span of years with "năm" before its first year only
    r"|n[a-z&]{1,3}m\s*(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d(?!\d)|\s*va\s*nh[a-z]{1,3}ng\s*n[a-z]{1,2}m\s*ti[a-z]{1,2}p\s*theo)?"
    r"|(?<![a-z])h[a-z]{1,2}ng\s*(?:th(?!uong)[a-z]{1,3}ng|quy|n[a-z]{1,2}m)\b(?!\s*(?:19|20)\d\d)|th[a-z]{1,4}n?g\s*xuy[a-z]{1,2}n|nhiem vu thuong\s*xuyen"
    # "định kỳ 6 tháng báo cáo kết quả": every half year
    r"|(?<![a-z])dinh\s*ky\s*(?:0?6|sau)\s*thang\b"
    # with no year, after "trước"/"trong" (a plan for one year, a letter: `with_year` dates them): "trước ngày 15/12",
    # "trong quý III", "trước tháng 9"
    r"|(?<=truoc )(?:ngay\s*)?\d{1,2}\s*/\s*\d{1,2}(?!\d)(?!\s*/)|(?<=trong )qu[yi]\s*(?:[ivl]{1,3}|[1-4])\b(?!\s*(?:/|-))"
    r"|(?<=truoc )thang\s*\d{1,2}\b(?!\s*(?:/|-))"
    r")"
).replace("/", "[/⁄∕]{1,2}"))


# --- schedule tables: one column per month / quarter / half-year, the periods a task runs marked "x" ----------

# "T3", "Tháng 3", "T.3", "Tháng 03/2026"; "Quý I", "Q2", "Quý IV/2026"; "6 tháng đầu năm"
_MONTH_HEAD = re.compile(r"t(?:hang)?\s*\.?\s*(\d{1,2})(?:\s*/\s*" + _Y + r")?")
_QUARTER_HEAD = re.compile(r"q(?:uy)?\s*\.?\s*([ivl1]{1,3}|[1-4]|iv)(?:\s*/\s*" + _Y + r")?")
_HALF_HEAD = re.compile(r"(?:6|sau)\s*thang\s*(dau|cuoi)(?:\s*nam)?(?:\s*" + _Y + r")?")
_BARE_PERIOD = re.compile(r"(\d{1,2}|[ivx]{1,3})")
# "2027", "Năm 2027" under a title that says when ('Lộ trình thực hiện', 'Thời gian', 'Tiến độ'); without it a
# year column is an indicator's (a year table)
_YEAR_HEAD = re.compile(r"(?:nam\s*)?((?:19|20)\d\d)")
# a schedule's period columns side by side as OCR text shows them ("T3 | T4 | T5 | T6", "Q1 | Q2 | Q3", "Tháng 1 |
# Tháng 2 | Tháng 3"; folded): when the work is done is marked in them, in place of a deadline column
# (or three period words in a row, their numerals wrapped to the header's next line: "Quý Quý Quý Quý Năm" / "I/2026 …")
PERIOD_COLUMNS = re.compile(r"(?:(?<![a-z0-9])(?:t|thang|q|quy)\s*\.?\s*(?:\d{1,2}|[ivx]{1,3})(?![a-z0-9])[\s|]*){3,}"
                            r"|(?:(?<![a-z])(?:thang|quy)(?![a-z])[\s|]*){3,}")
_WHEN_TITLE = re.compile(r"lo\s*trinh|thoi\s*gian|tien\s*do")


@dataclasses.dataclass(frozen=True)
class Period:
    """One column of a schedule: month 1-12, quarter 1-4 or half 1-2, with the year its title gives, if any."""
    kind: str           # "month" | "quarter" | "half" | "year"
    n: int
    year: int | None
    label: str


def period_head(cell: str, parent: str = "") -> Period | None:
    """The period a schedule column's title names ('T3', 'Tháng 3', 'Quý II', '6 tháng đầu năm'); a bare
    '3', 'II' or '2027' is one when the title above it (`parent`: the header cell over it, merged cells included)
    says months or quarters ('Thời gian thực hiện (tháng)', 'Tiến độ theo quý')."""
    label = squash(cell).strip(" *")
    f = fold(label).strip(" .:")
    if not f:
        return None
    if (m := _MONTH_HEAD.fullmatch(f)) and 1 <= int(m.group(1)) <= 12:
        return Period("month", int(m.group(1)), int(m.group(2)) if m.group(2) else None, label)
    if (m := _QUARTER_HEAD.fullmatch(f)) and (q := _quarter_no(m.group(1))):
        return Period("quarter", q, int(m.group(2)) if m.group(2) else None, label)
    if m := _HALF_HEAD.fullmatch(f):
        return Period("half", 1 if m.group(1) == "dau" else 2, int(m.group(2)) if m.group(2) else None, label)
    p = fold(parent)
    if (m := _YEAR_HEAD.fullmatch(f)) and _WHEN_TITLE.search(p):
        return Period("year", int(m.group(1)), int(m.group(1)), label)
    if m := _BARE_PERIOD.fullmatch(f):
        if m.group(1).isdigit() and 1 <= int(m.group(1)) <= 12 and re.search(r"\bthang\b", p):
            return Period("month", int(m.group(1)), None, label)
        if (q := _ROMAN.get(m.group(1)) if not m.group(1).isdigit() else None) and re.search(r"\bquy\b", p):
            return Period("quarter", q, None, label)
    return None


def schedule_deadline(marked: list[Period]) -> DeadlineSpec:
    """A schedule row's deadline: the end of its last marked period, from the start of its first (the caller
    gives each period its year). The raw text is the marked columns' titles ('T3, T4, T5')."""
    raw = ", ".join(p.label for p in marked)

    def spec(p: Period) -> DeadlineSpec | None:
        if p.year is None:
            return None
        if p.kind == "month":
            return DeadlineSpec.in_month(p.year, p.n, raw=raw)
        if p.kind == "quarter":
            return DeadlineSpec.in_quarter(p.year, p.n, raw=raw)
        if p.kind == "year":
            return DeadlineSpec.in_year(p.year, raw=raw)
        return DeadlineSpec.in_half(p.year, p.n, raw=raw)

    first, last = (spec(marked[0]), spec(marked[-1])) if marked else (None, None)
    if first is None or last is None:
        return DeadlineSpec.unknown(raw)
    return dataclasses.replace(last, start=first.start) if len(marked) > 1 else last
