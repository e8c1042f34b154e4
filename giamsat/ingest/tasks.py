"""Tasks from annex task tables (pipe rows), from OCR'd annex rows, or from numbered "Nhiệm vụ" items."""

from __future__ import annotations

import copy
import dataclasses
import itertools
import re
import weakref
from collections.abc import Callable, Iterator

from rapidfuzz import fuzz

from giamsat.domain.deadline import DeadlineKind, DeadlineSpec

from . import ocr_names
from .agencies import Agency, AgencyMatch, AgencyMatcher, CellMention
from .deadlines import DEADLINE_PHRASE, PERIOD_COLUMNS, Period, parse_deadline, period_head, schedule_deadline
from .fold import fold, loose, squash
from .model import SourceSpan, Task
from .rows import MIDLINE_NO, blocks, sub_row_anchors
from .rows import row_anchors as find_rows
from .structure import REQUEST, Item, Outline, Section, Table
from .targets import DUTY_FIELD, INDICATOR_LABEL

_ROMAN_NO = re.compile(r"^\**\s*([ivxl]+|[a-z])\s*\.?\s*\**$")


# a column whose title names units and nothing else: "Cơ quan, đơn vị", "Đơn vị", "Tên cơ quan/đơn vị", "Địa phương"
_UNIT_COLUMN = re.compile(r"(?:ten\s*)?(?:co\s*quan|don\s*v\S{0,2}|dia\s*phuong)(?:\s*[,/;-]?\s*(?:va\s*)?"
                          r"(?:co\s*quan|don\s*v\S{0,2}|dia\s*phuong))*")


# a catalogue's code column ("Mã nhiệm vụ", "Mã số", "Mã"): the code keys the row, it is not the task's name
_CODE_COL = re.compile(r"^\W*ma(?:so|hieu|chitieu|chiso|nhiemvu|nv|ct)?\W*$")   # on the title without spaces


# a column saying how far the work went: "Mức độ hoàn thành", "Tỷ lệ hoàn thành", "Kết quả đạt được", "Đánh giá kết
# quả", "Tình hình thực hiện" — the table reports work done (a plan's own "Kết quả, sản phẩm" is what a task will give)
_DONE_COLUMN = re.compile(r"(?:muc\s*do|ty\s*le)\s*hoan\s*thanh|ket\s*qua\s*(?:da\s*)?dat\s*duoc|danh\s*gia\s*(?:ket\s*qua|muc\s*do)"
                          r"|tinh\s*hinh\s*thuc\s*hien")


def _columns(row: list[str]) -> dict[str, int]:
    cols: dict[str, int] = {}
    for c, cell in enumerate(row):
        f = fold(cell)
        j = f.replace(" ", "")         # OCR may lose the spaces of a header cell ("Nộidungcông việc")
        if re.fullmatch(r"\s*\**s?tt\**\s*|\s*so tt\s*", f) or re.fullmatch(r"s?tt", j) or _CODE_COL.match(f.replace(" ", "")):
            cols.setdefault("no", c)    # a PDF's narrow "T T"; a catalogue's code ("Mã nhiệm vụ": NV-01) keys the row
        elif re.search(r"chutri\W{0,3}(?:va|,|/)?\W{0,3}phoihop", j):
            # "Chủ trì/Phối hợp", "Đơn vị chủ trì, phối hợp": one column for both ("Chủ trì: VP; phối hợp: KT")
            if "joint" in cols and cols["joint"] == c - 1 and "coord" not in cols:
                cols["lead"], cols["coord"] = cols.pop("joint"), c     # the title merged over two columns
            elif "lead" not in cols:
                cols.setdefault("joint", c)
        elif "phoihop" in j:
            cols.setdefault("coord", c)
        elif "chutri" in j or "chudautu" in j or \
                re.search(r"(donvi|coquan|bophan|khoa|phong|nguoi|canhan)(thuchien|chiutrachnhiem|phutrach|thammuu)", j) \
                or _UNIT_COLUMN.fullmatch(f.strip(" *.:")):
            # "Đơn vị thực hiện", and a hospital's or school's "Khoa/Phòng thực hiện", "Bộ phận thực hiện", "Người thực hiện";
            # a column of units alone ("Cơ quan, đơn vị", "Đơn vị"): the rows are the units, each given its duties;
            # a project table's "Chủ đầu tư": the investor carries its project out; "Cơ quan tham mưu" beside a
            # "Thành viên phụ trách" naming a person by position: the unit that advises does the work
            cols.setdefault("lead", c)
        elif "batdau" in j and not re.search(r"hoanthanh|ketthuc", j):
            cols.setdefault("start", c)     # "Bắt đầu" (under "Thời gian thực hiện"): when the work starts
        elif "thoigian" in j or "thoihan" in j or "tiendo" in j:
            # a plan moving another's deadlines: "Thời hạn đã giao | Thời hạn điều chỉnh" — the new one wins;
            # "Thời gian thực hiện" over "Bắt đầu | Hoàn thành": the end wins
            if re.search(r"dieuchinh|\bmoi\b|giahan", j + " " + f) or re.search(r"(?:hoanthanh|ketthuc)\**$", j):
                cols["deadline"] = c
            else:
                cols.setdefault("deadline", c)
        elif "ketqua" in j or "sanpham" in j:
            cols.setdefault("output", c)
        elif re.fullmatch(r"(?:ngay|thoidiem|nam|thang|quy)?(?:hoanthanh|ketthuc)", re.sub(r"^[\W_]+|[\W_]+$", "", j)):
            # "Bắt đầu | Hoàn thành": the end is the deadline (also "- Kết thúc": a speck in the empty cell above);
            # "Năm hoàn thành", "Tháng hoàn thành": the period the work is done in
            cols["deadline"] = c
        elif "nhiemvu" in j or "noidung" in j or "ten" in f.split():
            cols.setdefault("name", c)
    if "joint" in cols and "lead" in cols:
        del cols["joint"]
    return cols


def table_tasks(outline: Outline, table: Table, matcher: AgencyMatcher, warnings: list[str]) -> list[Task]:
    hdr, cols = -1, {}
    for k, row in enumerate(table.rows[:4]):
        merged = row
        if k + 1 < len(table.rows) and not re.match(r"\s*\d", table.rows[k + 1][0] if table.rows[k + 1] else ""):
            below = table.rows[k + 1]
            merged = [f"{a} {below[c] if c < len(below) else ''}".strip() for c, a in enumerate(row)]
        single, double = _columns(row), _columns(merged)
        c, at = (double, k + 1) if len(double) > len(single) else (single, k)
        periods, below_at = _schedule(table.rows, k)
        if "name" in c and ("lead" in c or "joint" in c or "deadline" in c or periods):
            hdr, cols = max(at, below_at), c
            break
    if hdr < 0:
        return []
    if "deadline" not in cols and not periods and any(_DONE_COLUMN.search(fold(c)) for r in table.rows[k:hdr + 1] for c in r):
        return []           # last year's results ("Kết quả | Mức độ hoàn thành", no time to do it by): a report, no tasks

    def norm(x: str) -> str:
        return re.sub(r"[^a-z]", "", fold(x))

    # the header's row that titles the name column (a PDF may put a merged title's text below the sub-titles' row:
    # "| | | Chủ trì | Phối hợp | …" / "| TT | Nội dung nhiệm vụ | Đơn vị thực hiện | …"), which each page's copy repeats
    top = next((table.rows[r] for r in range(min(hdr, k), hdr + 1)
                if cols["name"] < len(table.rows[r]) and norm(table.rows[r][cols["name"]])), table.rows[min(hdr, k)])

    def header_copy(r: list[str]) -> bool:
        # the header repeated on each page a table runs over ("| TT | Nội dung | Khoa/Phòng thực hiện | …")
        c = cols["name"]
        return c < len(r) and c < len(top) and bool(norm(top[c])) and norm(r[c]) == norm(top[c])

    copies = [r for r in range(hdr + 1, len(table.rows)) if header_copy(table.rows[r])]
    if periods:
        # a scan's copies of the header: each column's period as any copy read it
        for r in copies:
            below = table.rows[r + 1] if r + 1 < len(table.rows) else []
            read = {**_period_row(table.rows, r, r),
                    **(_period_row(table.rows, r + 1, r) if below and not re.match(r"\s*\d", below[0]) else {})}
            for col, p in read.items():
                if col not in periods and p.kind == next(iter(periods.values())).kind:
                    periods[col] = p
        heads = [table.rows[r] for r in [k, *copies]]
        periods = _fill_periods(periods, heads, set(cols.values()))
        if len(periods) < (2 if next(iter(periods.values())).kind == "year" else 3):
            periods = {}
    if periods and cols.get("deadline") in periods:
        del cols["deadline"]            # "Thời gian thực hiện" over the month columns: the marks say when
    periods = _dated(periods, _schedule_year(outline, table, hdr)) if periods else periods
    out: list[Task] = []
    group: str | None = None
    first_lead = cols.get("lead", 99) < cols["name"]
    carried = ""
    carried_deadline = ""
    carried_level = 0
    group_unit = ""         # a group row naming the unit whose tasks follow, in a table with no lead column
    roles = {} if "lead" in cols or "joint" in cols else _role_columns(table, hdr, cols)
    if "lead" not in cols and "joint" not in cols and not roles:
        group_unit = _heading_unit(outline, table, matcher)     # "2. Công an tỉnh chủ trì:" over the table
    # a table cut by a page break that the reader read as two: the rest of the last row, under the header's copy,
    # goes on this table's last row; the next table skips it
    at = next((n for n, t in enumerate(outline.tables) if t is table), -1)
    ahead = _run_over(outline.tables[at], outline.tables[at + 1]) if 0 <= at < len(outline.tables) - 1 else None
    behind = _run_over(outline.tables[at - 1], table) if at > 0 else None
    for k in range(hdr + 1, len(table.rows)):
        row, rrow = table.rows[k], table.rrows[k]

        def get(key: str, r: list[str] = rrow) -> str:
            return r[cols[key]].strip() if key in cols and cols[key] < len(r) else ""

        if behind is not None and k == hdr + 1:
            continue
        no = get("no", row)
        name = get("name")
        if ahead is not None and k == len(table.rows) - 1:
            name = f"{name} {ahead}".strip()
        others = [get(key) for key in ("lead", "coord", "output", "deadline")]
        if not name or k in copies:
            continue
        if k - 1 in copies and out and not no and not any(others) and not any(
                _MARK.fullmatch(squash(row[c])) for c in periods if c < len(row)):
            out[-1].name = f"{out[-1].name} {name}"     # a name run over the page break, under the header's copy
            continue
        if k - 1 in copies and out and not no and name[:1].islower() and out[-1].source is not None and \
                out[-1].source.start_line == table.row_lines[k - 2] + 1:
            # a whole row run over the page break: under the header's copy, each cell's rest ("| | năng số cho …
            # | chức - Hành chính | Công ty | |"); the name goes on, and a lead the first page cut is read whole
            before = out[-1]
            before.name = f"{before.name} {name}"
            prev = table.rrows[k - 2]
            if get("lead") and "lead" in cols and cols["lead"] < len(prev):
                coord = " ".join(x for x in (prev[cols["coord"]] if "coord" in cols and cols["coord"] < len(prev) else "",
                                             get("coord")) if x.strip())
                before.coordinators = []
                _assign(before, f"{prev[cols['lead']].strip()} {get('lead')}", coord, matcher, warnings)
            continue
        # a group row carries no lead and deadline: a row that has both is a task whose number OCR misread ("I" for 2.1)
        if (no and _ROMAN_NO.match(fold(no)) and not (get("lead") and get("deadline"))) or (not any(others) and (
                not re.match(r"\d", no) or _heads_sub_rows(table.rows, k, cols, no))):
            group, carried, carried_deadline = name, "", ""
            group_unit = _group_unit(name, matcher) if "lead" not in cols and "joint" not in cols else ""
            continue
        task = Task(name=name, group=group, no=no.strip(". ") or None, output=get("output") or None,
                    source=SourceSpan(table.row_lines[k] + 1, table.row_lines[k] + 1), confidence=0.9)
        lead, coord = get("lead"), get("coord")
        if roles:
            lead, coord = _role_marks(row, roles)
        if "joint" in cols:
            lead, coord = _joint(get("joint"), matcher)
        elif split := _marked_lead(lead, matcher):
            lead, coord = split[0], "; ".join(c for c in (split[1], coord) if c)
        deadline = get("deadline")
        level = no.strip(". ").count(".")       # a merged cell spans rows of one numbering ("2.1" / "3": two)
        if lead:
            carried, carried_level = lead, level
        elif carried and "lead" in cols and level == carried_level:
            # the unit's cell merged down its rows ("| 1 | Phòng A | Nhiệm vụ … |" / "| 2 | | Nhiệm vụ … |", also a
            # lead column after the task's): written on the first of the unit's rows only, empty below it; a row
            # whose deadline cell is empty too shares that cell with the row above as well
            lead = carried
            if not first_lead:
                deadline = deadline or (carried_deadline if "deadline" in cols else "")
                task.confidence = 0.8
        elif group_unit:
            lead = group_unit       # "| A | ĐẢNG ỦY SỞ TÀI CHÍNH | |" heading its rows: the unit leads them
        _assign(task, lead, coord, matcher, warnings)
        _deadline(task, deadline)
        carried_deadline = deadline
        if periods and task.deadline is None:
            marked = [p for c, p in periods.items() if c < len(row) and _MARK.fullmatch(squash(row[c]))]
            if marked:
                task.deadline = schedule_deadline(marked)
                task.deadline_text = task.deadline.raw
        if "deadline" in cols or periods:
            out.append(task)
            continue
        # no column says when: each duty of the cell ("- Tham mưu …, hoàn thành trong tháng 7/2026; - Chủ trì …, thực
        # hiện thường xuyên.") is a task of its own, due by the time clause that closes it
        for duty in _duties(name):
            one = dataclasses.replace(task, name=duty, coordinators=list(task.coordinators))
            one.name, one.deadline_text = _clause_deadline(duty)
            one.deadline = parse_deadline(one.deadline_text) if one.deadline_text else None
            out.append(one)
    return out


# a role matrix's cell: "CT" (chủ trì), "PH" (phối hợp), written out, or empty; from a scan also as OCR misreads the
# two letters ("cr", "Gt", "ĐT" for CT; "Pn" for PH)
_ROLE_CELL = re.compile(r"(?:(ct|[cgdeo][tr]|chu\s*tri)|(p[hn]|phoi\s*hop))?")


def _role_columns(table: Table, hdr: int, cols: dict[str, int]) -> dict[int, str]:
    """A task table written as a role matrix ('| Nhiệm vụ | Sở Y tế | Sở GD&ĐT | … | Thời gian |', each row's cells
    'CT', 'PH' or empty): the columns, two at least, titled by a unit and holding nothing but role marks, where
    some row is marked 'CT'; {column: the unit's name as its title gives it}. Empty when the table is no matrix."""
    head = table.rrows[hdr]
    body = table.rows[hdr + 1:]
    out: dict[int, str] = {}
    lead = False
    for c, title in enumerate(head):
        if c in cols.values() or not re.search(r"[^\W\d_]", title):
            continue
        marks = [_ROLE_CELL.fullmatch(fold(r[c]).strip(" .*")) if c < len(r) else None for r in body]
        if all(marks) and any(m.group(0) for m in marks if m):
            out[c] = squash(title).strip(" *")
            lead = lead or any(m.group(1) for m in marks if m)
    return out if len(out) > 1 and lead else {}


def _role_marks(row: list[str], roles: dict[int, str]) -> tuple[str, str]:
    """The units a role matrix's row marks 'CT' (the lead) and 'PH' (coordinators), each list joined by '; '."""
    marked = {c: _ROLE_CELL.fullmatch(fold(row[c]).strip(" .*")) for c in roles if c < len(row)}
    lead = [roles[c] for c, m in marked.items() if m and m.group(1)]
    coord = [roles[c] for c, m in marked.items() if m and m.group(2)]
    return "; ".join(lead), "; ".join(coord)


# a party body's name ("Đảng ủy Sở …", "Chi bộ Văn phòng …", "Ban cán sự đảng …"), also in capitals
_PARTY_BODY = re.compile(r"^(?:dang uy|chi bo|chi uy|ban can su dang|dang doan|ban thuong vu)\b")


def _group_unit(title: str, matcher: AgencyMatcher) -> str:
    """The unit a task table's group row names as a whole ("A | ĐẢNG ỦY SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Đ | CHI BỘ VĂN
    PHÒNG …"): the registry's name for it, or a party body's title as written; "" for a group of themes."""
    text = squash(title).strip(" .:")
    if not 3 <= len(text) <= 80 or re.search(r"[.;:]", text):
        return ""
    hit = matcher.match(text)
    if hit.agency is not None and hit.score >= 90:
        return hit.agency.name
    return text if _PARTY_BODY.match(fold(text)) else ""


# the line over a task table with no lead column that names the unit leading all its rows: "2. Công an tỉnh chủ trì:",
# "a) Giao Sở Tư pháp chủ trì thực hiện các nhiệm vụ sau:", "3. Nhiệm vụ của Sở Nội vụ:", "b) Sở Y tế:"
_HEADING_UNIT = re.compile(r"^\W*(?:(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ]|[ivxl]{1,4})\s*[.)]\s*)?(?:giao\s+|nhiem\s*vu\s*(?:cua|giao)\s+)?"
                           r"(.{3,80}?)(?:\s+chu\s*tri\b[^.;:]{0,60})?\s*:\s*$")


def _heading_unit(outline: Outline, table: Table, matcher: AgencyMatcher) -> str:
    """The unit the heading right over a table with no lead column puts in charge of its rows (a plan giving each
    unit a table of its own: '1. Sở Tài chính chủ trì:' / '| TT | Nhiệm vụ | Sản phẩm | Thời hạn |'): the
    registry's name for it; "" when the line over the table names no unit."""
    above = next((outline.lines[i] for i in range(table.start - 1, max(-1, table.start - 4), -1)
                  if outline.lines[i].strip()), "")
    m = _HEADING_UNIT.match(fold(above))
    if m is None:
        return ""
    hit = matcher.match(squash(above[m.start(1):m.end(1)]))
    return hit.agency.name if hit.agency is not None and hit.score >= 90 else ""


def _run_over(table: Table, nxt: Table) -> str | None:
    """The name cell of the row that opens the table after this one when it goes on this table's last row: the
    next table starts a few lines below (a page's foot between), under a header like this one's, with a row that
    has no number and whose name opens in lower case ("|  |  | người dân tại các xã, …; - Hướng dẫn …")."""
    if nxt.start - table.end > 6 or len(nxt.rows) < 2 or not table.rows:
        return None
    head, top = _columns(nxt.rows[0]), _columns(table.rows[0])
    if "name" not in head or "name" not in top or "no" not in head:
        return None
    first, rfirst = nxt.rows[1], nxt.rrows[1]
    if first[head["no"]].strip(" -–—") or head["name"] >= len(rfirst):
        return None
    cell = rfirst[head["name"]].strip()
    return cell if cell[:1].islower() else None


_DUTY_MARK = re.compile(r"(?:^|(?<=[;.:]))\s*(?:[-–—•+]\s*)+(?=\S)")
_CLAUSE_VERB = re.compile(r"(?:hoan\s*thanh|thuc\s*hien|trien\s*khai|bao\s*cao|ket\s*thuc|xong)\b[^,;.]{0,40}$")
_CLAUSE_PREP = re.compile(r"(?:(?<![a-z])(?:trong|truoc|den\s*het|den|vao|tu|cham\s*nhat|(?:tai\s*ky\s*hop\s*(?:thuong\s*le\s*)?)?cuoi)\s*(?:ngay|thang)?\s*(?:nam\s*)?)$")


def _duties(cell: str) -> list[str]:
    """The duties of a cell, each opened by a dash and closed by ';' or '.' ("- Tham mưu …; - Chủ trì …."); a cell
    that opens with no dash is one duty."""
    text = cell.strip()
    if not _DUTY_MARK.match(text) or not re.match(r"[-–—•+]", text):
        return [text.rstrip(" ;")] if text else []
    parts = [p.strip(" ;") for p in _DUTY_MARK.split(text)]
    return [p for p in parts if len(p) >= 10]


_SPECK = re.compile(r"(?<=\s)[^\w\s.,;:()/%&\"'“”+\-–—]{1,2}(?=\s)")


def _clause_deadline(text: str) -> tuple[str, str | None]:
    """A duty's name without the time clause that closes it, and that clause's period: the LAST time phrase
    counts ("Tham mưu bố trí kinh phí … trong dự toán năm 2027, hoàn thành trong Quý IV/2026" is due in Quý
    IV/2026); a year or a figure counts only after a word that makes it a time ("trong năm 2026", "giai đoạn
    2026 - 2027", not "kế hoạch năm 2026 của …"). The clause is cut from its comma when a verb opens it (", hoàn
    thành trước ngày 30/9/2026", ", thực hiện hằng năm"), else from its preposition ("… phê duyệt trong Quý III/2026").
    OCR's specks between words ("trong tháng ‹ 6/2026") are dropped."""
    text = squash(_SPECK.sub("", text))
    f = fold(text)
    last: re.Match[str] | None = None
    for m in DEADLINE_PHRASE.finditer(f):
        before = re.search(r"(trong|truoc|hoan thanh|den het|giai doan|thoi gian(?:\s*(?:thuc hien|hoan thanh))?|thoi han"
                           r"|tien do|(?<![a-z])cuoi|(?<![a-z])tu|cham\s*nhat)\s*(ngay\s*)?:?\s*(nam\s*)?$",
                           f[max(0, m.start() - 30):m.start()])
        if re.match(r"(nam|\d)", f[m.start():m.end()]) and not before:
            continue
        last = m
    if last is None:
        return text.rstrip(" .;"), None
    start, cut = last.start(), last.start()
    sep = max(f.rfind(",", 0, start), f.rfind(";", 0, start))
    if sep >= 0 and _CLAUSE_VERB.match(f[sep + 1:start].strip()):
        cut = sep
    elif prep := _CLAUSE_PREP.search(f[:start]):
        cut = prep.start()
    name = text[:cut].rstrip(" ,;.")
    return (name if len(name) >= 10 else text.rstrip(" .;")), text[start:last.end()].strip(" .;")


# --- schedule tables: "TT | Nội dung | Khoa/Phòng thực hiện | T3 | T4 | … | T12", an "x" in the months a task runs

_MARK = re.compile(r"[^\s|]{1,3}")     # "x", "X", "✓", "•", "xx": any short mark (OCR: "×", "%", "k")


def _period_row(rows: list[list[str]], r: int, top: int) -> dict[int, Period]:
    """The periods row `r`'s cells name, a cell of the row above (from `top` on) as a bare number's title."""
    found: dict[int, Period] = {}
    above = rows[r - 1] if r > top else []
    for c, cell in enumerate(rows[r]):
        parent = next((above[j] for j in range(min(c, len(above) - 1), -1, -1) if above[j].strip()), "")
        if p := period_head(cell, parent):
            found[c] = p
    return found


def _schedule(rows: list[list[str]], k: int) -> tuple[dict[int, Period], int]:
    """The period columns of a task table's header row `k` or the row below it (two-row headers:
    'Thời gian thực hiện (tháng)' over '1 | 2 | … | 12', 'Tiến độ' over 'Quý I | … | Quý IV'), with the
    row they stand on; at least two, of one kind."""
    best: tuple[dict[int, Period], int] = ({}, k)
    for r in (k, k + 1):
        if r >= len(rows) or (r > k and re.match(r"\s*\d", rows[r][0] if rows[r] else "")):
            break
        found = _later_years(rows[r], _period_row(rows, r, k))
        if len(found) >= 2 and len({p.kind for p in found.values()} - {"year"} or {"year"}) == 1 and \
                len(found) > len(best[0]):
            best = (found, r)
    return best


_YEAR_COLUMN = re.compile(r"nam\s*((?:19|20)\d\d)")


def _later_years(row: list[str], found: dict[int, Period]) -> dict[int, Period]:
    """A schedule of quarters (months, halves) that goes on with a later year as a whole ('Quý I/2026 | … | Quý IV/2026
    | Năm 2027'): the year's column, titled 'Năm YYYY' right of the others, is one of its periods."""
    kinds = {p.kind for p in found.values()}
    if len(found) < 2 or len(kinds) != 1 or kinds == {"year"}:
        return found
    out = dict(found)
    for c in range(max(found) + 1, len(row)):
        if (m := _YEAR_COLUMN.fullmatch(fold(squash(row[c])).strip(" .:*"))) is not None:
            out[c] = Period("year", int(m.group(1)), int(m.group(1)), squash(row[c]).strip(" *"))
    return out


_HEAD_WORD = re.compile(r"[a-z]{4,}|ghi chu")      # "Tổng", "Ghi chú", "Sản phẩm": a column of its own


def _fill_periods(periods: dict[int, Period], heads: list[list[str]], taken: set[int]) -> dict[int, Period]:
    """A scan's column titles, small, are partly misread ('T3 | T4 | TỔ | by | (li Hi'): the periods read
    give the others by their place when they step by one along the columns (months 1-12, quarters 1-4);
    a column is filled between them, and past them while its title has no word of its own ('Ghi chú',
    'Tổng') and the count allows."""
    if len(periods) < 2 or len({p.kind for p in periods.values()}) != 1:
        return periods
    kind = next(iter(periods.values())).kind
    if kind == "year":
        return periods
    size = {"month": 12, "quarter": 4, "half": 2}[kind]
    votes: dict[int, int] = {}
    for c, p in periods.items():
        votes[(p.n - c) % size] = votes.get((p.n - c) % size, 0) + 1
    shift, count = max(votes.items(), key=lambda kv: kv[1])
    if count < 2 or count * 2 <= len(periods):
        return periods
    keep = {c: p for c, p in periods.items() if (p.n - c) % size == shift}
    width = max((len(h) for h in heads), default=0)

    def blank(c: int) -> bool:
        return c not in taken and all(not _HEAD_WORD.search(fold(h[c]) if c < len(h) else "") for h in heads)

    def at(c: int) -> Period:
        n = (c + shift - 1) % size + 1
        return Period(kind, n, None, ("T" if kind == "month" else "Quý " if kind == "quarter" else "6 tháng ")
                      + (str(n) if kind != "quarter" else ["I", "II", "III", "IV"][n - 1]))

    lo, hi = min(keep), max(keep)
    out = dict(keep)
    for c in range(lo + 1, hi):
        if c not in out and blank(c):
            out[c] = at(c)
    wraps = any(keep[c].n < keep[d].n for c in keep for d in keep if c > d)
    c = hi + 1
    while c < width and len(out) < size and blank(c) and (wraps or at(c).n > at(c - 1).n):
        out[c] = at(c)
        c += 1
    c = lo - 1
    while c >= 0 and len(out) < size and blank(c) and (wraps or at(c).n < at(c + 1).n):
        out[c] = at(c)
        c -= 1
    return out


_YEAR_WORDS = re.compile(r"\bnam\s*(?:hoc\s*)?(20[2-5]\d)(?:\s*[-–]\s*(20[2-5]\d))?")
_DATE_LINE = re.compile(r"ngay\s*\d{1,2}\s*thang\s*\d{1,2}\s*nam|^\s*can\s*cu|\d{1,2}\s*/\s*\d{1,2}\s*/\s*20")


def _schedule_year(outline: Outline, table: Table, hdr: int) -> int | None:
    """The year a schedule's periods fall in when its columns do not say: a year in its header rows
    ('Tiến độ năm 2026'), else in the lines just above it ('II. TIẾN ĐỘ THỰC HIỆN NĂM 2026'), else the
    plan's title ('Kế hoạch … năm 2026'; a school year 'năm học 2025 - 2026' starts in 2025), else the
    year of its date."""
    def year_in(text: str) -> int | None:
        f = fold(text)
        if _DATE_LINE.search(f):
            return None
        m = _YEAR_WORDS.search(f) or re.search(r"(?<![\d/.-])(20[2-5]\d)(?![\d/.-])", f)
        if m is None or (m.lastindex == 2 and m.group(2) and not re.search(r"nam\s*hoc", f)):
            return None                 # "giai đoạn 2026 - 2030": no one year
        return int(m.group(1))

    for row in table.rows[:hdr + 1]:
        if y := year_in(" ".join(row)):
            return y
    lines = outline.lines
    for i in range(table.start - 1, max(-1, table.start - 4), -1):
        if y := year_in(lines[i]):
            return y
    first_item = next((it.start for it in outline.items if it.kind in ("roman", "num")), min(len(lines), 25))
    for line in lines[:min(first_item, 25)]:
        if (y := year_in(line)) and not re.search(r"so\s*:|\d+/\d{4}/", fold(line)):
            return y
    for line in lines[:12]:
        if m := re.search(r"ngay\s*\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*(20\d\d)", fold(line)):
            return int(m.group(1))
    return None


def _dated(periods: dict[int, Period], year: int | None) -> dict[int, Period]:
    """Schedule columns with their years: a column without its own takes `year`; when the numbers go back
    along the columns (a school year's 'T9 | … | T12 | T1 | … | T5') the ones after the turn fall in the
    year after."""
    out: dict[int, Period] = {}
    offset, prev = 0, 0
    for c in sorted(periods):
        p = periods[c]
        if p.n < prev:
            offset += 1
        prev = p.n
        out[c] = dataclasses.replace(p, year=p.year or (year + offset if year else None))
    return out


# "Chủ trì: VP", "CT: VP"; OCR may lose the colon where the label opens the cell ("Chủ trì VHXH; phối hợp ĐTN")
_JOINT_LEAD = re.compile(r"^\W*(?:chu\s*tri|ct(?![a-z]))\s*:?\s*|(?<![a-z])(?:chu\s*tri|ct)\s*:\s*")
# ("; PH: …" abbreviated, but "; Phòng Kinh tế …" is a unit)
_JOINT_COORD = re.compile(r"[;,.]\s*(?:phoi\s*hop|ph(?![a-z]))\s*:?\s*|\s*(?<![a-z])(?:phoi\s*hop|ph)\s*:\s*")
# the role written after the units it is of: "Phòng Kinh tế chủ trì; Đồn Biên phòng phối hợp"
_ROLE_AFTER = re.compile(r"\s+(chu\s*tri|phoi\s*hop)\s*(?=[;,.]|$)")


_MARK_LEAD = re.compile(r"\(\s*chu\s*tri\s*\)")
_MARK_COORD = re.compile(r"\s*\(\s*phoi\s*hop\s*\)")


def _marked_lead(cell: str, matcher: AgencyMatcher) -> tuple[str, str] | None:
    """One cell of units where the lead is the one marked '(chủ trì)', wherever it stands
    ('Trung tâm Dữ liệu, Chi cục Kiểm lâm (chủ trì)'): that unit leads, the others coordinate
    ('(phối hợp)' marks dropped). None when the cell marks no lead or the marked unit is not found."""
    f = fold(cell)
    mark = _MARK_LEAD.search(f)
    if not mark or len(_MARK_LEAD.findall(f)) > 1:
        return None
    # the marked unit opens after the last ';' before the mark, or after a ',' there: the shortest such
    # tail the registry knows ('Trung tâm Dữ liệu, Chi cục Kiểm lâm'), else the shortest that opens with a
    # capital ('UBND các xã, phường': not 'phường')
    seg = cell.rfind(";", 0, mark.start()) + 1
    starts = [seg] + [k + 1 for k in range(seg, mark.start()) if cell[k] == ","]
    known = [k for k in starts if matcher.match(cell[k:mark.start()].strip()).agency is not None]
    named = [k for k in starts if cell[k:mark.start()].strip()[:1].isupper()]
    start = (known or named or [seg])[-1]
    name = cell[start:mark.start()].strip(" ,")
    if not name:
        return None
    rest = cell[:start] + " " + cell[mark.end():]
    for m in reversed(list(_MARK_COORD.finditer(fold(rest)))):     # fold keeps the length
        rest = rest[:m.start()] + rest[m.end():]
    rest = re.sub(r"\s*([;,])(?:\s*[;,])+", r"\1", rest)
    return name, rest.strip(" ;,.")


def _joint(cell: str, matcher: AgencyMatcher) -> tuple[str, str]:
    """A 'Chủ trì/Phối hợp' cell: the units after 'Chủ trì:' lead, those after 'phối hợp:' coordinate
    ('Chủ trì: VP; phối hợp: VHXH, KT'); unlabelled, the first unit leads and the rest coordinate
    ('Sở Y tế; Sở Tài chính, UBND các xã')."""
    f = fold(cell)
    lm, cm = _JOINT_LEAD.search(f), _JOINT_COORD.search(f)
    roles = list(_ROLE_AFTER.finditer(f))
    if not lm and not cm and any(m.group(1).startswith("chu") for m in roles):
        # "X chủ trì; Y phối hợp", "X chủ trì": each role closes the units written before it (from the last
        # separator); units after the last role coordinate
        leads: list[str] = []
        coords: list[str] = []
        at = 0
        for m in roles:
            (leads if m.group(1).startswith("chu") else coords).append(cell[at:m.start()].strip(" ;,."))
            at = m.end()
        coords.append(cell[at:].strip(" ;,."))
        return "; ".join(x for x in leads if x), "; ".join(x for x in coords if x)
    if lm or cm:
        lead = cell[lm.end():cm.start() if cm and cm.start() > lm.end() else len(cell)] if lm else ""
        coord = cell[cm.end():lm.start() if lm and lm.start() > cm.end() else len(cell)] if cm else ""
        return lead.strip(" ;,."), coord.strip(" ;,.")
    if split := _marked_lead(cell, matcher):
        return split
    parts = [p for p in re.split(r"\s*[;/\n]\s*", cell) if p.strip()]
    if len(parts) > 1:
        return parts[0].strip(" ,."), "; ".join(parts[1:]).strip(" ,.")
    found = matcher.match_many(cell)
    if len(found) > 1:
        return found[0].text, ", ".join(m.text for m in found[1:])
    return cell.strip(), ""


def _heads_sub_rows(rows: list[list[str]], k: int, cols: dict[str, int], no: str) -> bool:
    """'1 | Hoàn thiện thể chế | | |' above '1.1 | …': in a table whose rows are numbered under others
    (1.1, 1.2, …), a whole-numbered row with nothing but its title heads them (OCR may have lost the
    dots of the rows right below it: '11', '13'); also above lettered rows that start over under each ('1 | Chuyển
    đổi số trong đào tạo | | |' above 'a) | Xây dựng kho học liệu … | Phòng Đào tạo | …')."""
    if "no" not in cols or not re.fullmatch(r"\d{1,2}", no.strip(". ")):
        return False
    c = cols["no"]
    if k + 1 < len(rows) and c < len(rows[k + 1]) and re.fullmatch(r"a\s*[).]?", fold(rows[k + 1][c]).strip()):
        return True
    return any(re.fullmatch(r"\d{1,2}\.\d{1,2}", r[c].strip(". ")) for r in rows[k + 1:] if c < len(r))


# a lead cell naming the body in charge and, in brackets, the unit that advises it and does the work: "UBND xã (Văn
# phòng HĐND và UBND xã tham mưu)"
_ADVISER = re.compile(r"\(\s*([^()]{3,80}?)\s+tham\s*muu\s*\)")


def _assign(task: Task, lead: str, coord: str, matcher: AgencyMatcher, warnings: list[str]) -> None:
    f = fold(lead)
    if lead and len(f) == len(lead) and (adv := _ADVISER.search(f)) is not None:
        hit = matcher.match(lead[adv.start(1):adv.end(1)])
        if hit.agency is not None and hit.score >= 90:
            lead = lead[adv.start(1):adv.end(1)]        # the unit that advises does the work: it leads
    if lead:
        task.lead = lead
        leads = matcher.match_many(lead)
        if leads and leads[0].agency is not None:
            task.lead_code = leads[0].agency.code
        elif found := matcher.scan(lead):        # names run together: "Bộ A Bộ B"
            task.lead_code = found[0][2].code
        else:
            for m in leads:
                if m.agency is None:
                    warnings.append(f"Không nhận ra cơ quan chủ trì “{m.text}” (nhiệm vụ {task.no or task.name[:40]}).")
    if coord:
        for m in matcher.match_many(coord):
            task.coordinators.append(m.agency.name if m.agency and m.score >= 100 and
                                     fold(m.text) == fold(m.agency.name) else m.text)
            if m.agency is None:
                warnings.append(f"Không nhận ra cơ quan phối hợp “{m.text}” (nhiệm vụ {task.no or task.name[:40]}).")


def _deadline(task: Task, text: str) -> None:
    if text:
        task.deadline_text = text
        task.deadline = parse_deadline(text)


# --- numbered items of "Nhiệm vụ và giải pháp" -------------------------------------------------

_LEAD_BEFORE = re.compile(r"\s+(?:chu\s*tri|thuc\s*hien|phu\s*trach)\b(?!\s*:)")
# between a unit's name and its verb: nothing, or the level it stands at ("Trung tâm … công xã chủ trì")
_LEAD_GAP = re.compile(r"[\s,]*(?:(?:cap\s*)?(?:xa|phuong|tinh|huyen|thi\s*xa|thanh\s*pho)\b)?[\s,]*")
# "(cơ quan chủ trì: X", "chủ trì: X", "Đơn vị thực hiện: X" (up to a bracket: "X (cơ quan thường trực)" is X in its role)
_LEAD_IN_TEXT = re.compile(r"\(?\s*(?:co quan\s*)?chu\s*tri\s*:?\s*([^;,.()]{4,80})"
                           r"|(?:don vi|co quan)\s*(?:thuc hien|phu trach)\s*:\s*([^;,.()]{4,80})"
                           # "… hằng năm - Giao: Sở Khoa học và Công nghệ.", "(Giao: Sở Tư pháp; …)"
                           r"|(?:^|[\s(;.,\-–])giao\s*:\s*([^;,.()]{4,80})")


# a unit's name as a label gives it: a capital, at most eight words, no figure
_NAME_ONLY = re.compile(r"[A-ZÀ-ỸĐ][^\d:;()]{2,60}")
# a bare year closing a bracket after who does the duty: "… (Sở Nội vụ chủ trì; 2026)."
_BRACKET_YEAR = re.compile(r"[(;]\s*((?:19|20)\d\d)\s*\)\s*[.;]?\s*$")


# a section of measures ("IV. GIẢI PHÁP THỰC HIỆN") beside one of duties ("III. NHIỆM VỤ CỤ THỂ")
_DUTY_TITLE = re.compile(r"nhi[a-z]?m\s*v[uy]|phan\s*cong")
_MEASURE_TITLE = re.compile(r"giai\s*phap")


def item_tasks(outline: Outline, matcher: AgencyMatcher) -> list[Task]:
    """Tasks from the numbered, lettered and bulleted items of the task sections. A section of measures
    alone ("IV. GIẢI PHÁP THỰC HIỆN", general means with no one in charge) gives none when a section of
    duties ("III. NHIỆM VỤ CỤ THỂ") gave tasks."""
    found = [(section, _section_tasks(outline, section, matcher)) for section in outline.section("tasks")]
    duties = any(tasks and _DUTY_TITLE.search(fold(section.title)) for section, tasks in found)
    out = [t for section, tasks in found
           if not (duties and _MEASURE_TITLE.search(fold(section.title)) and not _DUTY_TITLE.search(fold(section.title)))
           for t in tasks]
    return out or _given_duties(outline, matcher)


# "1. Giao Ủy ban nhân dân tỉnh:", "2. Giao Sở Tài chính chủ trì:": a heading that gives a unit the duties listed below
_GIVE = re.compile(r"giao\s+(.{4,120}?)(?:\s+(?:chu\s*tri|thuc\s*hien|co\s*trach\s*nhiem|chiu\s*trach\s*nhiem))?\s*:$")


def _given_duties(outline: Outline, matcher: AgencyMatcher) -> list[Task]:
    """A plan with no task of its own elsewhere (a council's resolution) gives its duties where it organizes the
    work: 'Điều 3. Tổ chức thực hiện' / '1. Giao Ủy ban nhân dân tỉnh:' / 'a) Ban hành Kế hoạch …; hoàn thành trong
    Quý III/2026.' — each item below the heading is a task led by the unit it names (a 'Giao …' sentence with no
    list below is an assignment, not a task), due by the time clause that closes it."""
    out: list[Task] = []
    for section in outline.section("organization"):
        items = [it for it in section.items if it.kind != "table"]
        for n, item in enumerate(items):
            m = _GIVE.match(squash(item.folded).strip())
            below = items[n + 1:]
            if m is None or not below or below[0].level <= item.level or below[0].kind == "para":
                continue
            head = squash(outline.out(item))
            unit = head[m.start(1):m.end(1)] if len(head) == len(squash(item.folded).strip()) else head
            hit = matcher.match(unit)
            if hit.agency is None or hit.score < 90:
                continue
            level = below[0].level
            for duty in below:
                if duty.level < level or (duty.level == level and duty.kind != below[0].kind):
                    break
                if duty.level > level:
                    continue
                text = outline.out(duty)
                name, when = _clause_deadline(text)
                task = Task(name=name, group=head.rstrip(" :"), no=duty.marker.strip(". )") or None,
                            lead=hit.text, lead_code=hit.agency.code,
                            source=SourceSpan(duty.start + 1, duty.end + 1), confidence=0.55)
                if when:
                    task.deadline_text, task.deadline = when, parse_deadline(when)
                out.append(task)
    return out


def _section_tasks(outline: Outline, section: Section, matcher: AgencyMatcher) -> list[Task]:
    out: list[Task] = []
    items = _letters_read_as_digits([it for it in section.items if it.kind != "table"])
    group: str | None = None
    child_level: int | None = None
    owner: tuple[str, str | None, int] | None = None      # a sub-heading naming the unit in charge
    past = -1           # the index of the last item an OCR'd table under a heading took
    row_unit: tuple[str, str | None] | None = None      # an OCR'd unit row: "1 Sở Nội vụ" / "- Tham mưu …; - Chủ trì …"
    raws: list[tuple[Task, str]] = []
    for n, item in enumerate(items):
        if n <= past:
            continue
        nxt_item = items[n + 1] if n + 1 < len(items) else None
        if item.kind == "para" and (urow := _unit_row(outline, item, nxt_item, matcher)) is not None:
            row_unit, past = (urow[0], urow[1]), n + urow[2]
            continue
        if row_unit is not None and item.kind in ("dash", "para"):
            row_unit = _row_duties(outline, item, row_unit, group, raws, matcher)
            out.extend(t for t, _ in raws if t not in out)
            continue
        row_unit = None
        if item.kind == "para" and group is not None and (top := _header_para(outline.lines, item)) is not None:
            # a task table under a numbered heading that OCR left as loose lines ("1. Điều chỉnh thời hạn …:" /
            # "STT Nhiệm vụ | Cơ quan chủ trì | Thời hạn …" / "1 Nhiệm vụ số 5: … Sở A Quý IV/2025 Quý II/2026"):
            # its rows, down to the next item that is not a paragraph
            past = next((k - 1 for k in range(n + 1, len(items)) if items[k].kind != "para"), len(items) - 1)
            end = items[past].end
            for task in ocr_annex_tasks(outline, top, end, matcher, []):
                task.group = group
                out.append(task)
            continue
        # a heading's tail a blank line broke off ("… thông qua phong trào \"Bình dân học vụ" / "" / "số\"")
        tail = nxt_item if nxt_item is not None and nxt_item.kind == "para" and len(nxt_item.text.strip()) < 15 else None
        k = n + 2 if tail is not None else n + 1
        if (fields := _indicator_fields(item, items[k] if k < len(items) else None,
                                        items[k + 1] if k + 1 < len(items) else None)) is not None:
            # "1. Phát triển thanh toán không dùng tiền mặt" / "- Chỉ tiêu: …" / "- Đơn vị chủ trì: …" / "- Thời gian
            # hoàn thành: …" (the field lines are one item with the indicator's): the heading names the task, the
            # fields give its lead and deadline; the indicator is a target (targets.task_indicators)
            task = _item_task(outline, fields, outline.out(fields), group, matcher)
            task.name = " ".join(outline.out(x) for x in (item, tail) if x is not None).strip(" .:")
            task.no, task.source = item.marker.strip(". )") or None, SourceSpan(item.start + 1, fields.end + 1)
            if owner is not None and task.lead is None:
                task.lead, task.lead_code = owner[0], owner[1]
            out.append(task)
            past = k
            continue
        asked = owner is not None and owner[2] < 0 and item.kind == "num" and (
            nxt_item is None or nxt_item.kind == "para" or nxt_item.level <= item.level)
        if item.kind in ("num", "caps", "roman") and item.level <= 2 and \
                not _leaf_duty(item, nxt_item, matcher) and not asked:
            group, child_level, owner = outline.out(item), None, None
            # "1. Sở Tư pháp" heading its duties ("a) Rà soát …"): the unit is their lead
            if (unit := _unit_heading(item, nxt_item, matcher)) is not None:
                owner = (group, unit or None, item.level)
            continue
        if item.kind == "num" and item.level <= 2 and child_level is not None and item.level < child_level and not asked:
            # "1. Hoàn thiện thể chế" / "a) …" / "2. Sở Giáo dục và Đào tạo triển khai học bạ số …." / "3. Phát triển …":
            # a duty of its own among the groups, at their level (not one of the group's items above it)
            group, child_level, owner = None, item.level, None
        if owner is not None and item.level <= owner[2]:
            owner = None
        if _is_owner_heading(item, items[n + 1] if n + 1 < len(items) else None, matcher):
            hit = matcher.match(outline.out(item).rstrip(" :"))
            owner = (outline.out(item).rstrip(" :"), hit.agency.code if hit.agency else None, item.level)
            child_level = None
            continue
        if item.kind == "para" and group is None:
            if (requester := _requested_unit(outline, item, nxt_item, matcher)) is not None:
                owner = (*requester, -1)     # the unit a letter asks for the numbered duties below
                continue
            if _given_paragraph(item, nxt_item, matcher):
                out.append(_item_task(outline, item, outline.out(item), group, matcher))
            continue
        if child_level is None and item.kind == "para" and len(outline.out(item)) < 15:
            continue        # a heading's tail a blank line broke off ("… Kế hoạch số 12/KH-" / "" / "UBND:")
        if child_level is None:
            child_level = item.level if item.kind != "para" else 99
        if item.level != child_level and item.kind != "para":
            if item.level > child_level and out and out[-1].name.endswith(":"):
                pass
            else:
                continue
        if item.kind == "para" and child_level != 99:
            continue
        text = outline.out(item)
        if len(text) < 15 or re.match(r"^\(.*\)\.?$", text):
            continue
        if item.kind == "para" and _cell_piece(text, matcher):
            continue
        nxt = items[n + 1] if n + 1 < len(items) else None
        if text.endswith(":") and nxt is not None and nxt.level > item.level:
            child_level = nxt.level
            continue
        task = _item_task(outline, item, text, group, matcher)
        if _preamble(items, n, task):
            continue
        if task.deadline is None and group and (period := _period_heading(group)) is not None:
            task.deadline_text, task.deadline = period.raw, period
        if owner is not None and task.lead is None:
            task.lead, task.lead_code = owner[0], owner[1]
        out.append(task)
    return out


# a sentence that gives a duty to a unit: "… . Giao Sở A chủ trì, …"
_GIVES = re.compile(r"(?:^|[.;]\s*)giao\s+(?!nhiem\s*vu\b|trach\s*nhiem\b)\S")


def _preamble(items: list[Item], n: int, task: Task) -> bool:
    """The paragraph opening a heading's duties written as paragraphs that a 'Giao …' sentence assigns one by one:
    it says why the heading matters, assigning nothing and setting no time — no duty."""
    item, nxt = items[n], items[n + 1] if n + 1 < len(items) else None
    return item.kind == "para" and n > 0 and items[n - 1].kind != "para" and task.lead is None and \
        task.deadline is None and nxt is not None and nxt.kind == "para" and bool(_GIVES.search(nxt.folded)) and \
        not _GIVES.search(item.folded)


def _indicator_fields(item: Item, nxt: Item | None, after: Item | None) -> Item | None:
    """The one item under a numbered duty heading ('1. Phát triển thanh toán …', no full stop) that opens with the duty's
    indicator and holds its fields ('- Chỉ tiêu: …' / '- Đơn vị chủ trì: …' / '- Thời gian hoàn thành: …'); None
    when the heading has other items below it or no such item."""
    if item.kind not in ("num", "num2", "letter") or nxt is None or nxt.kind not in ("dash", "plus") or \
            nxt.level <= item.level or item.folded.rstrip().endswith((".", ";", ":")) or len(item.folded) > 200:
        return None
    if after is not None and after.level == nxt.level and after.kind == nxt.kind:
        return None
    f = loose(nxt.text)     # OCR's glyphs too ("Chi ti¢u:")
    if not INDICATOR_LABEL.match(f) or not DUTY_FIELD.search(f):
        return None
    return nxt


# a labelled field of a duty's cell ("…; chủ trì: Sở X; thời gian: Quý II/2026")
_FIELD_LABEL = re.compile(r"\s*(?:chu\s*tri|phoi\s*hop|thoi\s*(?:gian|han))\s*:")


def _cell_piece(text: str, matcher: AgencyMatcher) -> bool:
    """A paragraph that is a piece of a table's cell, not a duty: OCR read a table of labelled cells column by column
    and broke its cells into paragraphs ("chủ trì: Sở Nông nghiệp và" / "Môi trường; thời gian:" / "năng sau hợp
    nhất sở"). A duty opens with a capital (its verb); a piece may open in lower case, or with a unit's name (the end
    of a 'chủ trì: …' field) followed by the next field's label."""
    if text[:1].islower():
        # (unless a row opens in it: "năm 2025 3 Nhiệm vụ số 12: Xây dựng …", the cell above run into the row's number)
        return re.search(r"(?<!\S)\d{1,2}\s+[A-ZÀ-ỸĐ]", text[:60]) is None
    head, sep, rest = text.partition(";")
    if not sep or not _FIELD_LABEL.match(fold(rest)):
        return False
    hit = matcher.match(head.strip())
    return hit is not None and hit.agency is not None and hit.score >= 90


_UNIT_ROW = re.compile(r"(?:s?tt\s+)?\d{1,2}\s*[|.]?\s+(?=[^\W\d_])")
_HANG_WORD = re.compile(r"\s(?:va|cua|cac|voi)$")


def _unit_row(outline: Outline, item: Item, nxt: Item | None, matcher: AgencyMatcher) -> tuple[str, str | None, int] | None:
    """A paragraph that is a row number and a unit's name, no more ('1 Sở Khoa học và Công nghệ', 'TT 1 Sở Nội vụ':
    OCR read a table whose rows are units column by column, the unit's cell apart from its duties). Its name may
    wrap onto a short paragraph of its own ('4 Sở Nông nghiệp và' / 'Môi trường'): then 1 (that paragraph is
    taken), else 0."""
    text = squash(outline.out(item))
    f = fold(text)
    m = _UNIT_ROW.match(f)
    if m is None or len(text) != len(f):
        return None
    rest = text[m.end():].strip(" |")
    if re.search(r"[.;:]", rest) or len(rest.split()) > 12:
        return None
    taken = 0
    if _HANG_WORD.search(fold(rest)) and nxt is not None and nxt.kind == "para":
        more = squash(outline.out(nxt))
        if len(more.split()) <= 4 and more[:1].isupper():
            rest, taken = f"{rest} {more}", 1
    hit = matcher.match(rest)
    if hit.agency is None or hit.score < 90 or fold(hit.text) != fold(rest):
        return None
    return rest, hit.agency.code, taken


_ROW_MARK = re.compile(r"(?:^|(?<=[;.]))\s*(?:[-–—]\s*)+(?=\S)")
_HEAD_COPY = frozenset({"duoc", "giao"})


def _row_duties(outline: Outline, item: Item, unit: tuple[str, str | None], group: str | None,
                raws: list[tuple[Task, str]], matcher: AgencyMatcher) -> tuple[str, str | None]:
    """The duties of an OCR'd unit row: a dash item is a duty ('- Tham mưu …, hoàn thành trong tháng 7/2026; -
    Chủ trì …' two), a paragraph or a dash item in lower case or opening with a figure goes on the last one ('2027,
    hoàn thành trong Quý IV/2026.'; past the header's copy a page repeats: 'TT Cơ quan, đơn vị Nhiệm vụ được giao
    người dân …'). Each duty is due by its closing time clause. The next row may open inside the paragraph, after
    a stop: its number (OCR may misread it), its unit, then its first duty ('… năm 2026. 7 Ủy ban nhân dân các |
    - Ban hành …'): the unit returned is the row's the text ends in."""
    text = squash(outline.out(item))
    words = text.split()
    if len(words) > 4 and len(re.sub(r"[^a-z]", "", fold(words[0]))) <= 3:
        # the header's copy at a page's top: its titles' words, then the row's text
        k = 1
        while k < len(words) and (re.sub(r"[^a-z]", "", fold(words[k])) in _HEADER_WORDS | _HEAD_COPY):
            k += 1
        if k >= 4:
            text = " ".join(words[k:])
    chunks: list[tuple[str, tuple[str, str | None], bool]] = []
    dash = item.kind == "dash"
    for m in _NEXT_ROW.finditer(text):
        hit = matcher.match(m.group(2))
        if hit.agency is not None and hit.score >= 90 and fold(hit.text) == fold(m.group(2)):
            chunks.append((text[:m.start() + 1], unit, dash))
            text, unit, dash = text[m.end():], (m.group(2), hit.agency.code), True
            break
    chunks.append((text, unit, dash))
    for text, owner, dash in chunks:
        text = re.sub(r"^(?:[\W_]+|\S{1,2}[-–—]\s+)+", "", text)
        parts = [p.strip(" ;") for p in _ROW_MARK.split(text)]
        if parts and raws and (parts[0][:1].islower() or (not dash and parts[0][:1].isdigit())):
            task, raw = raws[-1]
            raw = f"{raw} {parts[0]}"
            task.name, task.deadline_text = _clause_deadline(raw)
            task.deadline = parse_deadline(task.deadline_text) if task.deadline_text else None
            task.source = SourceSpan(task.source.start_line if task.source else item.start + 1, item.end + 1)
            raws[-1] = (task, raw)
            parts = parts[1:]
        elif not dash:
            continue
        for part in parts:
            part = re.sub(r"^[\W_]+", "", part)
            if len(part) < 10:
                continue
            name, when = _clause_deadline(part)
            task = Task(name=name, group=group, lead=owner[0], lead_code=owner[1],
                        source=SourceSpan(item.start + 1, item.end + 1), confidence=0.5)
            if when:
                task.deadline_text, task.deadline = when, parse_deadline(when)
            raws.append((task, part))
    return unit


# a row that opens inside a paragraph: a stop, the row's number (≤ 3 signs, OCR may misread it), the unit, its duty's dash
_NEXT_ROW = re.compile(r"[.;]\s+(\S{1,3})\s+([^|\-–—.;]{3,60}?)\s*\|?\s*[-–—]\s+(?=[A-ZÀ-ỸĐ])")


_PERIOD_HEAD = re.compile(r"(?:(?:trong\s*)?nam|giai\s*doan|(?:tu\s*)?nam|quy\s*[ivl1-4]{1,3}|(?:6|sau)\s*thang\s*(?:dau|cuoi)\s*nam)"
                          r"\s*(?:20\d\d)(?:\s*[-–/]\s*(?:20\d\d))?")


def _period_heading(heading: str) -> DeadlineSpec | None:
    """A heading that is a period and nothing else ('1. Năm 2026', '2. Giai đoạn 2027 - 2030', 'Quý II/2026'):
    the duties under it are due by its end when they name no deadline of their own."""
    text = re.sub(r"^\s*(?:[0-9]{1,2}|[IVXivx]{1,4}|[a-zđ])\s*[.)]\s*", "", heading).strip(" .:")
    if len(text) > 40 or not _PERIOD_HEAD.fullmatch(fold(text)):
        return None
    spec = parse_deadline(text)
    return spec if spec.end is not None else None


def _header_para(lines: list[str], item: Item) -> int | None:
    """The first line past a task table's header that opens a paragraph: the lines (three at most) before the
    first row's number name the task, lead and deadline columns, short, no sentence. None when the paragraph
    opens no such header."""
    top = next((k for k in range(item.start, min(item.end, item.start + 3) + 1) if ROW_START.match(lines[k])), None)
    if top is None or top == item.start:
        return None
    text = " ".join(fold(x) for x in lines[item.start:top])
    if len(text) < 160 and not re.search(r"[a-z]{2}[.;]", text) and re.search(r"nhi[a-z]?m\s*v[uy]|noi\s*dung", text) \
            and re.search(r"chu\s*tri|co\s*quan|don\s*vi", text) and re.search(r"thoi\s*(?:han|gian)|hoan\s*thanh", text):
        return top
    return None


def _letters_read_as_digits(items: list[Item]) -> list[Item]:
    """'k) …' then '1) …': OCR read the letter l (o) as the digit 1 (0); the item is the letter item after k (n)."""
    out: list[Item] = []
    last = ""
    for item in items:
        mark = item.marker.strip()
        if item.kind == "letter":
            last = fold(mark[:1])
        elif item.kind == "num" and (mark, last) in (("1)", "k"), ("0)", "n")):
            item = dataclasses.replace(item, kind="letter", level=4)
            last = "l" if mark == "1)" else "o"
        elif item.kind in ("num", "roman", "caps"):
            last = ""
        out.append(item)
    return out


_OWNER = re.compile(r"^(to dang|dang uy|dang doan|ban |uy ban|so |lanh dao|cac doan|cac dai bieu|van phong|cong an"
                    r"|thuong truc|ubnd|cac so|cac co quan|bo )")


# a duty's opening clause saying when or on what condition it is done, with no date ("Khi Bộ … ban hành hướng dẫn")
_WHEN_OPEN = re.compile(r"(?:khi|sau\s*khi|ngay\s*sau\s*khi|truoc\s*khi|hang\s*(?:ngay|tuan|thang|quy|nam)|dinh\s*ky"
                        r"|thuong\s*xuyen)(?![a-z])")


def _leaf_duty(item: Item, nxt: Item | None, matcher: AgencyMatcher | None = None) -> bool:
    """'1. Sở A chủ trì xây dựng …, hoàn thành trong Quý IV/2025.', '2. Sở B xây dựng …, hoàn thành trong tháng
    02/2026.' — a numbered item that is a duty itself (a full sentence with no sub-items), not the heading of a
    group."""
    if item.kind != "num" or (nxt is not None and nxt.level > item.level):
        return False
    f = item.folded.strip()
    if len(f) < 40 or not f.endswith((".", ";")):
        return False
    if re.search(r"\b(chu\s*tri|thuc\s*hien|phu\s*trach)\b|\bgiao\s*:", f):
        return True
    # "7. Các chi bộ trực thuộc quán triệt Nghị quyết, …, hoàn thành trong Quý I/2026.": a unit and its verb open the
    # sentence, a deadline closes it
    return matcher is not None and (_when_subject(item, matcher) is not None or
                                    (_subject_unit(item, matcher) is not None and _end_deadline(item.text) is not None))


def _when_subject(item: Item, matcher: AgencyMatcher) -> tuple[int, int, int, Agency] | None:
    """A duty whose sentence opens with when (or on what condition) it is done, then the unit that does it, with no
    'chủ trì' ("3. Từ tháng 3/2026, Công an tỉnh thường xuyên phối hợp …", "5. Hằng quý, Sở Nội vụ tổng hợp …",
    "8. Khi Bộ … ban hành hướng dẫn, Sở … tham mưu …"): (end of the clause, start and end of the unit's name in
    the item's folded text, the unit)."""
    f = item.folded
    clause = re.match(r"\s*([^,;.]{4,90}),\s+", f)
    if clause is None or not (DEADLINE_PHRASE.search(clause.group(1)) or _WHEN_OPEN.match(clause.group(1))):
        return None
    hit = next(((s, e, a) for s, e, a in matcher.scan(item.text[clause.end():]) if s == 0), None) \
        if len(item.text) == len(f) else None
    return None if hit is None else (clause.end(1), clause.end() + hit[0], clause.end() + hit[1], hit[2])


# what follows a unit opening a duty without making it the doer: another unit ("và", "cùng"), a duty handed on
# ("giao", "chỉ đạo", "đề nghị", "yêu cầu"), a part in another's duty ("phối hợp", "tham gia"), a copula or a
# preposition ("là cơ quan thường trực", "của", "tại")
_NOT_DOER = re.compile(r"(?:va|voi|cung|giao|chi\s*dao|de\s*nghi|yeu\s*cau|phoi\s*hop|tham\s*gia|la|cua|tai|thuoc"
                       r"|theo|tren|trong|co|duoc|se)(?![a-z])")
# a duty handed to the unit it opens with; past the unit, only a second unit or a preposition keeps
# it from being the lead: the verb may be its part with others ("phối hợp với các thôn duy trì …")
# ("Giao Sở X …"), also after the theme or the aim it serves ("Về tuyên truyền: giao Phòng Y …", "Để …, giao …")
# (a letter asks a unit for one more duty in a paragraph of its own: "Đồng thời, đề nghị Viễn thông tỉnh hỗ trợ …")
_GIVE_OPEN = re.compile(r"\s*(?:(?:ve|de)\s[^:;.]{3,120}?[:,]\s*|dong\s*thoi\s*,?\s*)?(?:giao|de\s*nghi)\s+(?=\S)")
_GIVEN_NOT_DOER = re.compile(r"(?:va|voi|cung|la|cua|tai|thuoc|theo|tren|trong)(?![a-z])")


def _subject_unit(item: Item, matcher: AgencyMatcher) -> tuple[int, int, Agency] | None:
    """A duty whose sentence opens with a unit's name and then its verb, with no 'chủ trì' ("đ) Văn phòng Ủy ban nhân
    dân tỉnh nâng cấp Hệ thống …", "Sở Tài chính bố trí kinh phí …"): the unit does it, it is the lead; (start and
    end of the name in the item's text, the unit). The name may close with a colon ("1. Phòng Nghiệp vụ Y: hướng dẫn
    …; hoàn thành trong Quý III/2027."): the duty the unit is given. A bullet may hand the duty to the unit first
    ("- Giao Văn phòng HĐND và UBND xã triển khai ký số …", "- Giao Đoàn Thanh niên xã phối hợp với các thôn duy trì
    …"): the unit it is given to leads it, whatever its verb, unless another unit shares it ("và", "cùng")."""
    if len(item.text) != len(item.folded):
        return None
    give = _GIVE_OPEN.match(item.folded)
    off = give.end() if give else 0
    hit = next(((s + off, e + off, a) for s, e, a in matcher.scan(item.text[off:off + 160]) if s == 0), None)
    if hit is None:
        return None
    end = hit[1]
    # the name's short form in brackets: "Viễn thông tỉnh (VNPT) hỗ trợ …" (the registry's name may hold its opening)
    opened = item.folded.count("(", hit[0], end) > item.folded.count(")", hit[0], end)
    if (short := re.match(r"[^()]{0,20}\)" if opened else r"\s*\([^()]{1,20}\)", item.folded[end:])) is not None:
        end += short.end()
    gap = _LEAD_GAP.match(item.folded, end)
    at = gap.end() if gap else end
    if (colon := re.match(r"\s*:\s*", item.folded[end:])) is not None:
        at = end + colon.end()
    if not item.text[at:at + 1].islower():
        return None
    if (_GIVEN_NOT_DOER if give else _NOT_DOER).match(item.folded, at):
        return None
    return hit


def _requested_unit(outline: Outline, item: Item, nxt: Item | None, matcher: AgencyMatcher) -> tuple[str, str] | None:
    """The unit a paragraph closed by a colon asks for the numbered duties below it ('… đề nghị Ủy ban nhân dân các
    xã, phường quan tâm chỉ đạo thực hiện một số nội dung sau:' / '1. …'): the name right after 'đề nghị' / 'yêu cầu',
    as written, and its code."""
    m = REQUEST.search(item.folded)
    if m is None or nxt is None or nxt.kind != "num" or len(item.text) != len(item.folded):
        return None
    hit = next(((s, e, a) for s, e, a in matcher.scan(item.text[m.start(1):]) if s == 0), None)
    if hit is None:
        return None
    return squash(outline.out(item, m.start(1) + hit[0], m.start(1) + hit[1])), hit[2].code


def _given_paragraph(item: Item, nxt: Item | None, matcher: AgencyMatcher) -> bool:
    """A paragraph of its own among a task section's bullets, before any heading, that hands one duty to a unit
    ("Về tuyên truyền, nâng cao nhận thức: giao Phòng Văn hóa - Xã hội chủ trì, …; thực hiện thường xuyên."): a task,
    not a lead-in. One that introduces a list ("… như sau:") or has items of its own below is not."""
    if item.folded.rstrip().endswith(":") or (nxt is not None and nxt.level > item.level):
        return False
    return _GIVE_OPEN.match(item.folded) is not None and _subject_unit(item, matcher) is not None


# how the name of a body opens when the registry does not hold it: a party body ("Ban cán sự đảng …", "Đảng đoàn
# …", "Đảng ủy Khối …"), or a unit's kind before its capitalised name ("Ban Dân tộc", "Trung tâm Y tế")
_BODY_HEAD = re.compile(r"^(?:ban can su dang|dang doan|dang uy|uy ban nhan dan|cong an|van phong)\b")
_UNIT_KIND = re.compile(r"^(?:ban|so|phong|trung tam|hoi|chi cuc|cuc|vien|doan|uy ban|bo|tong cong ty|cong ty)"
                        r" [A-ZÀ-ỸĐ]")


def _unit_heading(item: Item, nxt: Item | None, matcher: AgencyMatcher) -> str | None:
    """The code of the unit a numbered heading is the whole name of ("1. Phòng Đào tạo", with items
    below it): short, no stop, resolved by the registry as a whole; "" for a body's name the registry
    does not hold ("1. Ban cán sự đảng Sở Bắc Sơn": its duties' lead is the heading, with no code)."""
    text = squash(item.text).strip(" .:")
    if nxt is None or nxt.level <= item.level or not 3 <= len(text) <= 80 or re.search(r"[.;:]", text):
        return None
    hit = matcher.match(text)
    if hit.agency is not None and hit.score >= 90:
        return hit.agency.code
    kind = re.match(r"\S+(?: tam| cuc| cong ty)?", fold(text))
    head = fold(text[:kind.end()]) + text[kind.end():kind.end() + 2] if kind else ""
    return "" if _BODY_HEAD.match(fold(text)) or _UNIT_KIND.match(head) else None


def _is_owner_heading(item: Item, nxt: Item | None, matcher: AgencyMatcher) -> bool:
    """'a) Tổ đảng ở Thường trực Ủy ban Kinh tế' heading a list of duties."""
    f = item.folded.strip()
    if item.kind not in ("letter", "num2", "num3") or len(f) > 90 or f.endswith((".", ";")):
        return False
    if nxt is None or nxt.level <= item.level:
        return False
    if f.endswith(":"):
        # "a) Sở Khoa học và Công nghệ:" over its dashed duties (a Công văn's "giao nhiệm vụ"): a unit's whole name and
        # its colon, no lead-in sentence ("a) Xây dựng … như sau:")
        hit = matcher.match(squash(item.text).rstrip(" :"))
        return hit.agency is not None and hit.score >= 90 and fold(hit.text) == fold(squash(item.text).rstrip(" :"))
    return bool(_OWNER.match(f)) or matcher.match(item.text).agency is not None


# a duty's labelled fields after its sentence: "… Đơn vị chủ trì: X; đơn vị phối hợp: Y, Z; thời gian hoàn thành: …"
_FIELD = re.compile(r"[.;]\s*((?:don vi|co quan)\s*(?:chu\s*tri|thuc\s*hien|phu\s*trach|phoi\s*hop)"
                    r"|thoi\s*(?:gian|han)(?:\s*(?:hoan\s*thanh|thuc\s*hien))?|san\s*pham|ket\s*qua)\s*:")


_ASSIGNED_TAIL = re.compile(r"\s*\((?=[^()]*\b(?:chu\s*tri|giao|phoi\s*hop)\b)[^()]*\)\s*[.;]?\s*$"
                            r"|[.;]\s*giao\s+(?!nhiem\b)[^.]*(?:chu\s*tri|thuc\s*hien)\b[^.]*[.;]?\s*$"
                            r"|\s+[-–]\s*giao\s*:[^.]*[.;]?\s*$")
def _coordinators(value: str, matcher: AgencyMatcher) -> list[str]:
    """The units of a 'phối hợp với …' clause, as the registry names them when written whole; a unit whose name holds
    a comma ('Phòng Kinh tế, Hạ tầng và Đô thị') stays one."""
    hits: list[AgencyMatch] = []
    for h in matcher.match_many(value):
        if hits and h.agency is not None and hits[-1].agency == h.agency:
            hits[-1] = AgencyMatch(f"{hits[-1].text}, {h.text}", h.agency, hits[-1].score)
        else:
            hits.append(h)
    return [h.agency.name if h.agency and h.score >= 100 and fold(h.text) == fold(h.agency.name) else h.text
            for h in hits]


def _names_a_unit(outline: Outline, item: Item, tail: re.Match[str], matcher: AgencyMatcher) -> bool:
    """A tail that gives the duty to a unit: a registry unit right after its 'Giao' ('. Giao Sở A chủ trì …'; not
    '. Giao trách nhiệm cho các cơ quan …', a sentence of the duty), or a bracket naming one."""
    f = item.folded
    give = re.match(r"[.;]\s*giao\s+(?:cho\s+)?", f[tail.start():].lstrip())
    if give is None:
        return True
    at = tail.start() + (len(f[tail.start():]) - len(f[tail.start():].lstrip())) + give.end()
    return any(a <= 1 for a, _b, _agency in matcher.scan(outline.out(item, at, len(f))))


# the coordinators in such a tail: "phối hợp (với) Sở B, Sở C" up to the next clause
_WITH = re.compile(r"\bphoi\s*hop\s*:?\s*(?:voi\s*)?(?:cac\s*)?([^;.()]{4,120}?)\s*(?=[;.)]|,?\s*(?:hoan\s*thanh|thoi\s*gian|thuc\s*hien|trien\s*khai|trong|truoc)\b|$)")


def _labelled_fields(outline: Outline, item: Item, task: Task, matcher: AgencyMatcher) -> None:
    """The name without its labelled fields, the coordinators and the output they give (the lead and the
    deadline are read from the whole text)."""
    f = item.folded
    if (tail := _ASSIGNED_TAIL.search(f)) is not None and tail.start() >= 10 and _names_a_unit(outline, item, tail, matcher):
        # the duty's sentence, then who does it and when, in brackets or a sentence of their own: "… của tỉnh (Sở A
        # chủ trì, phối hợp Sở B; hoàn thành trong Quý III/2026).", "…. Giao Sở A chủ trì, …", "… - Giao: Sở A."
        task.name = outline.out(item, 0, tail.start()).strip(" .;:-–")
        if not task.coordinators and (co := _WITH.search(f, tail.start())) is not None:
            value = outline.out(item, co.start(1), co.end(1))
            task.coordinators = _coordinators(value, matcher)
    found = [m for m in _FIELD.finditer(f) if f[:m.start()].count("(") <= f[:m.start()].count(")")]
    if not found or not any(re.match(r"(don vi|co quan)\s*(chu|thuc|phu)", m.group(1)) for m in found):
        return
    name = outline.out(item, 0, found[0].start()).strip(" .;:")
    if len(name) < 10:
        return
    task.name = name
    for n, m in enumerate(found):
        end = found[n + 1].start() if n + 1 < len(found) else len(f)
        value = outline.out(item, m.end(), end).strip(" .;:")
        if not value:
            continue
        if "phoi" in m.group(1):
            task.coordinators = [h.agency.name if h.agency and h.score >= 100 and fold(h.text) == fold(h.agency.name)
                                 else h.text for h in matcher.match_many(value)]
        elif m.group(1).startswith(("san", "ket")):
            task.output = value


# a duty's labelled deadline: "thời gian: Quý III/2026", "thời hạn hoàn thành: trước ngày 30/9/2026" (up to the
# next field or the bracket's end)
_DEADLINE_FIELD = re.compile(r"(?:^|[(;.,]\s*)(?:thoi\s*(?:gian|han)|tien\s*do)(?:\s*(?:hoan\s*thanh|thuc\s*hien))?\s*:\s*"
                             r"([^;()]{2,80}?)\s*(?=[;)]|\.?\s*$)")


_BARE_FREQUENCY = re.compile(r"h[a-z]{1,2}ng\s")
_DONE_BY = re.compile(r"(?:hoan\s*thanh|thoi\s*(?:gian|han)(?:\s*hoan\s*thanh)?\s*:?)\s*(?:trong|truoc|vao|cham\s*nhat)?\s*(?:ngay\s*)?$")


def _done_by_later(f: str, after: int) -> bool:
    """A deadline phrase after `after` that a word of completion opens ("hoàn thành trong tháng 12/2026", "thời gian:
    Quý III/2026"): when the duty is done, whatever frequency its words held before."""
    return any(_DONE_BY.search(f[max(after, m.start() - 30):m.start()]) and not _BARE_FREQUENCY.match(m.group(0))
               for m in DEADLINE_PHRASE.finditer(f, after))


def _item_task(outline: Outline, item: Item, text: str, group: str | None, matcher: AgencyMatcher) -> Task:
    no = item.marker.strip(". )")
    task = Task(name=text, group=group, no=no if re.search(r"\w", no) else None,
                source=SourceSpan(item.start + 1, item.end + 1), confidence=0.55)
    f = item.folded
    if m := _LEAD_IN_TEXT.search(f):
        k = next(g for g in (1, 2, 3) if m.group(g) is not None)
        lead = outline.out(item, m.start(k), m.end(k))
        hit = matcher.match(lead)
        if hit.agency is not None:
            task.lead, task.lead_code = hit.text, hit.agency.code
        elif ":" in f[m.start():m.start(k)] and _NAME_ONLY.fullmatch(squash(lead).strip(" .;")):
            # a label says who leads ("Đơn vị thực hiện: Viettel An Giang"): a unit the registry does not know is the
            # lead all the same, kept as written (the plan's check warns of it), not dropped
            task.lead = squash(lead).strip(" .;")
            task.confidence = min(task.confidence, 0.45)
    for m in _LEAD_BEFORE.finditer(f):
        # "Sở Khoa học và Công nghệ chủ trì xây dựng …", "Công an xã thực hiện …": the agency is the subject.
        if task.lead is not None:
            break
        found = [x for x in matcher.scan(item.text[:m.start()]) if _LEAD_GAP.fullmatch(f[x[1]:m.start()])]
        if found:
            s, e, agency = found[-1]
            task.lead, task.lead_code = outline.out(item, s, e).strip(" ,"), agency.code
    when = _when_subject(item, matcher) if task.lead is None else None
    if when is not None:
        task.lead, task.lead_code = outline.out(item, when[1], when[2]).strip(" ,"), when[3].code
    if task.lead is None and (doer := _subject_unit(item, matcher)) is not None:
        task.lead, task.lead_code = outline.out(item, doer[0], doer[1]).strip(" ,"), doer[2].code
        task.confidence = min(task.confidence, 0.5)
    labelled = [(m.start(1), m.end(1)) for m in _DEADLINE_FIELD.finditer(f)
                if parse_deadline(f[m.start(1):m.end(1)]).kind is not DeadlineKind.UNKNOWN]
    for a, b in labelled[:1]:
        # "(Chủ trì: …; thời gian: trước ngày 30/9/2026)": the field's value, whatever the name holds
        task.deadline_text = outline.out(item, a, b).strip(" .,")
        task.deadline = parse_deadline(task.deadline_text)
    for m in DEADLINE_PHRASE.finditer(f) if not labelled else ():
        phrase = f[m.start():m.end()]
        before = re.search(r"(trong|truoc|hoan thanh|den het|giai doan|thoi gian(?:\s*(?:thuc hien|hoan thanh))?|thoi han"
                           r"|tien do|(?<![a-z])cuoi|(?<![a-z])tu|cham\s*nhat)\s*(ngay\s*)?:?\s*(nam\s*)?$",
                           f[max(0, m.start() - 30):m.start()])
        # a deadline alone in brackets at the duty's end: "… hộ kinh doanh (6 tháng đầu năm 2026)."
        # or the last clause of the closing bracket: "… (Sở A chủ trì; năm 2027)."
        alone = re.search(r"(?:\(|;(?=[^()]*$))\s*$", f[:m.start()]) and re.match(r"\s*\)\s*[.;]?\s*$", f[m.end():])
        if re.match(r"(nam|\d)", phrase) and not before and not alone:
            continue
        if before is not None and before.group(1) == "tu" and not re.match(r"nam|(?:19|20)\d\d", phrase) and \
                re.search(r"th[a-z]{1,4}n?g\s*xuy[a-z]{1,2}n", f[m.end():]):
            continue        # "Từ tháng 3/2026, … thường xuyên …": when the duty starts; it goes on, the deadline
        start = m.start()
        if before is not None and before.group(1) == "tu" and re.match(r"nam|(?:19|20)\d\d", phrase):
            start = max(0, m.start() - 30) + before.start(1)        # "từ năm 2026": ongoing from that year
        if before is None and _BARE_FREQUENCY.match(phrase) and _done_by_later(f, m.end()):
            continue        # "… trong dự toán ngân sách hằng năm. Giao …; hoàn thành trong tháng 12/2026": the budget's
        task.deadline_text = outline.out(item, start, m.end())
        task.deadline = parse_deadline(task.deadline_text)
        break
    if task.deadline is None and (y := _BRACKET_YEAR.search(f)) is not None:
        task.deadline_text = outline.out(item, y.start(1), y.end(1))
        task.deadline = parse_deadline(task.deadline_text)
    if task.deadline is None and when is not None and re.match(r"\s*(?:ngay\s*)?(?:sau\s*|truoc\s*)?khi\s", f):
        # "Khi Bộ … ban hành hướng dẫn, Sở … tham mưu …": done on that condition
        task.deadline_text = outline.out(item, 0, when[0]).strip(" ,")
        task.deadline = parse_deadline(task.deadline_text)
    _labelled_fields(outline, item, task, matcher)
    return task


# --- OCR'd annex rows (no pipe table survived OCR) ---------------------------------------------

_ROW_NO = re.compile(r"^\s*(\d{1,3})\s*(?:[|.]\s*|\s+(?=\S)|$)")


def ocr_annex_tasks(outline: Outline, start: int, end: int, matcher: AgencyMatcher,
                    warnings: list[str], issuer: str | None = None) -> list[Task]:
    """Rows of an OCR'd task table: numbered rows in sequence; each row is the block of lines around its number."""
    subs, heads = sub_row_anchors(outline.lines, start, end)
    labels: dict[int, str] = {}
    named: list[int] = []
    times: dict[int, str] = {}
    if subs:
        named = _labelled_lost_rows(outline, [i for i, _label in subs], end, matcher)
        subs = _with_lost_subs(subs, named)
        # rows numbered under group rows (1.1, 1.2 under 1): the sub-rows are the tasks, read as rows
        # numbered 1, 2, 3 … in turn; the group rows head them
        anchors = [(i, n) for n, (i, _label) in enumerate(subs, 1)]
        labels = {n: label for n, (_i, label) in enumerate(subs, 1)}
        outline = _mend_labels(outline, anchors)
    else:
        anchors = row_anchors(outline.lines, start, end)

        if not anchors:
            # a table keyed by a code column ("Mã nhiệm vụ" / "NV-01 …"): each row opens with its code
            outline, codes = _code_rows(outline, start, end)
            anchors = row_anchors(outline.lines, start, end) if codes else []
            labels = codes
        if not anchors:
            # a schedule with no number column, its time column first: each row opens with its time cell
            outline, times = _time_first_rows(outline, start, end)
            anchors = row_anchors(outline.lines, start, end) if times else []
        outline = _mend_numbers(outline, anchors)
    lines = outline.lines
    lost = [*_lost_rows(outline, anchors, end, matcher), *_tail_cells(outline, anchors, end, matcher)]
    anchors = sorted([*anchors, *lost])
    paragraph_rows = frozenset([*(i for i, _v in lost), *named])
    # (only where a row's cells start on its number line: in a table whose cells are centred, a row's
    # first lines stand above its number)
    unnumbered = [*_lost_lines(outline, anchors, matcher), *_tail_rows(outline, anchors, end, matcher)] if \
        ocr_names.top_aligned(lines, [i for i, _v in anchors], matcher) else []
    anchors = sorted([*anchors, *unnumbered])
    line_rows = frozenset(i for i, _v in unnumbered)
    marked = [(i, v) for i, v in unnumbered if _MISREAD_NO.match(outline.lines[i])]
    if marked:
        outline = _mend_numbers(outline, marked)
        lines = outline.lines
    spans = row_spans(lines, anchors, start, end, matcher, paragraph_rows)
    if times:
        # a row opens with its time cell: its lines run from there down to the next row's
        spans = [(i, max(i, max((k for k in range(i, nxt) if lines[k].strip()), default=i)))
                 for (i, _v), nxt in zip(anchors, [*(j for j, _w in anchors[1:]), end + 1], strict=True)]
    due = _due_groups(outline, start, end, frozenset(i for i, _v in anchors))
    # (a table with a coordinators' column and no lead's: its group rows name the unit leading their rows)
    titles = list(itertools.dropwhile(lambda f: not re.match(r"\W{0,2}s?tt\b", f),
                                      _header_folds(lines, start, anchors[0][0] if anchors else start)))
    units = _unit_groups(outline, start, end, frozenset(i for i, _v in anchors), matcher) if \
        any(re.search(r"phoi\s*hop", f) for f in titles) and not any(_LEAD_TITLE.search(f) for f in titles) else {}
    groups = sorted([*_roman_groups(outline, start, end), *due, *((i, cap, used) for i, (cap, _u, used) in units.items()),
                     *(_number_group(outline, i, min([end, *(j - 1 for j, _n in anchors if j > i)])) for i, _v in heads)])
    group_lines = frozenset(k for _g, _name, used in groups for k in used)
    if heads or due or units:
        spans = _clip_to_groups(spans, [i for i, _v in anchors], group_lines)
    due_when = {name: parse_deadline(name) for _i, name, _used in due}
    out: list[Task] = []
    hit = matcher.match(issuer) if issuer else None
    exclude = frozenset({hit.agency.code}) if hit and hit.agency else frozenset()
    outline, leads, coords = _joint_labels(outline, start, end, matcher)
    lines = outline.lines
    marks = [i for i, _v in anchors]
    header = [f for k in range(start, marks[0] if marks else start) if (f := fold(lines[k]).strip())]
    width = ocr_names.name_width(lines, marks, start, end, matcher)
    top = ocr_names.top_aligned(lines, marks, matcher)
    objects_first = _objects_first(lines, start, marks[0] if marks else start)
    if _directing_first(lines, start, marks[0] if marks else start):
        # the party bodies that direct ("Ban cán sự đảng UBND tỉnh", "Đảng đoàn HĐND tỉnh") stand in their own column
        # before the lead's: none of them leads a row
        exclude |= {a.code for a in matcher.registry if _DIRECTING_BODY.match(fold(a.name))}
    for n, ((i, v), (lo, hi)) in enumerate(zip(anchors, spans, strict=True)):
        group = None
        for gline, gname, _used in groups:
            if gline <= i:
                group = gname
        opens = top and (_NUMBER_TEXT.match(lines[i]) is not None or i in line_rows)
        if opens:
            lo = i          # the lines above the number belong to the row before
        nxt_row = anchors[n + 1][0] if n + 1 < len(anchors) else end + 1
        row_outline = outline
        if i not in paragraph_rows and (cut := _over_page_row(lines, header, i, hi, nxt_row)) is not None:
            # the row goes on past the header the next page repeats: its cells are read over both pages, the
            # next page's lines right under the row's own
            row_outline, hi = _joined_over_page(outline, cut), cut[3]
        task = _ocr_row(row_outline, lo, hi, i, v, group, matcher, warnings, exclude, group_lines,
                        frozenset(k for k, _v in anchors if k != i), objects_first)
        if (k := next((k for k in range(lo, hi + 1) if k in leads), None)) is not None:
            # a 'Chủ trì: VP; phối' / 'hợp: VHXH' cell read into the row's lines: its labels say who leads
            task.lead, task.lead_code = leads[k]
            task.coordinators = [c for x in range(k, hi + 1) if x in coords for c in coords[x]]
            task.confidence = 0.6
        elif found_coords := [c for x in range(lo, hi + 1) if x in coords for c in coords[x]]:
            # a 'phối hợp:' / 'PH:' label read (and blanked) on a row whose lead label wrapped past the line: its units
            task.coordinators = found_coords
        if i in paragraph_rows:
            task.name = _cell_text(outline, i, hi, matcher)
            # its cells come one paragraph each in column order, the end date's right-most: the last one
            # that ends with a deadline
            ends = [d for p in _paragraphs(lines, i, hi)
                    if (d := _end_deadline(squash(" ".join(outline.line_out(j) for j in p)))) is not None]
            if ends:
                task.deadline_text, task.deadline = ends[-1], parse_deadline(ends[-1])
        if group is not None and (when := due_when.get(group)) is not None and not _within(task.deadline, when):
            # rows grouped by when they are due ("A | NHIỆM VỤ HOÀN THÀNH TRONG QUÝ I/2026"): a row's own time counts
            # only inside its group's ("Tháng 02/2026" under Quý I); years in its name ("năm học 2025 - 2026") do not
            task.deadline_text, task.deadline = group, when
        if not v:
            task.no = None
        elif labels:
            task.no = labels.get(v)
        if opens:
            # cells aligned to the top of the row: the name runs from the number line to the next row
            nxt = anchors[n + 1][0] if n + 1 < len(anchors) else end + 1
            task.name = ocr_names.top_name(row_outline, i, nxt, matcher, width, group_lines) or task.name
        out.append(task)
        if n and lo > i and not opens:
            _run_on_name(outline, out[-2], anchors[n - 1][0], i, lo, matcher)
    found = [task for (i, _v), task in zip(anchors, out, strict=True) if i in named]
    for task in found:
        task.confidence = min(task.confidence, 0.45)
    if found:
        warnings.append(f"Dòng {', '.join(t.no or '?' for t in found)} của phụ lục nhiệm vụ: OCR mất số thứ tự, nhận ra "
                        "nhờ ô “Chủ trì: …” riêng của dòng; cần đối chiếu bản gốc.")
    _column_blocks(outline, anchors, out, matcher, end, exclude, warnings, (leads, coords))
    # (group rows naming the leading body: their rows' leads known before the cells above the numbers are read)
    _group_units_lead(out, {cap: unit for cap, unit, _used in units.values()}, matcher)
    _cells_above_number(outline, anchors, out, matcher, end, exclude, group_lines)
    _cells_below_name(outline, anchors, out, matcher, exclude, warnings)
    _roadmap_end(lines, start, end, anchors, out, warnings)
    for (i, _v), task in zip(anchors, out, strict=True):
        if i in times:          # the row's time cell, read before its number was written in
            task.deadline_text, task.deadline, task.no = times[i], parse_deadline(times[i]), None
    undated = [t.no or "?" for t in out if t.deadline is None]
    if undated and any(PERIOD_COLUMNS.search(fold(lines[k])) for k in range(start, anchors[0][0] if anchors else start)):
        # a schedule's "x" marks: plain text keeps no columns, so which month a mark stands in is lost
        warnings.append(f"Dòng {', '.join(undated)} của bảng tiến độ (đánh dấu theo tháng/quý): văn bản OCR không giữ vị "
                        "trí các dấu “x”, không xác định được thời hạn; cần đối chiếu bản gốc.")
    if not times and _time_column_first(lines, start, min(end, (anchors[0][0] if anchors else end))):
        # "STT | Thời gian | Nội dung | Cơ quan chủ trì | …": the time cell, merged down the rows it covers (the meetings
        # of one month), is read on its first row only; a row below it with no time of its own shares it
        for task in out:
            _time_word_off_name(task)
        for before, task in itertools.pairwise(out):
            if task.deadline is None and before.deadline is not None and task.group == before.group:
                task.deadline_text, task.deadline = before.deadline_text, before.deadline
                task.confidence = min(task.confidence, 0.5)
                warnings.append(f"Dòng {task.no or 'không số'} của phụ lục nhiệm vụ: ô thời gian trống, lấy theo dòng "
                                f"trên (ô gộp) “{before.deadline_text}”.")
    _group_units_lead(out, {cap: unit for cap, unit, _used in units.values()}, matcher)
    order = _lead_column(lines, start, min(end, (anchors[0][0] if anchors else end)))
    if order is not None:
        # "TT | Đơn vị chủ trì | Nhiệm vụ | …" and "TT | Nhiệm vụ | Cơ quan chủ trì | …" alike: the unit's cell, merged
        # down its rows (top-aligned, as Word sets cells), is read on its first row only; a row of the same group that
        # shows no unit at all shares it (its deadline too when that cell is empty as well, the table's task column
        # coming first: a merged row spans the cells right of the task)
        for before, task in itertools.pairwise(out):
            if task.lead is None and task.lead_code is None and before.lead_code is not None \
                    and (order or task.group == before.group):
                task.lead, task.lead_code = before.lead, before.lead_code
                if not order:
                    task.confidence = min(task.confidence, 0.5)
                    warnings.append(f"Dòng {task.no or 'không số'} của phụ lục nhiệm vụ: ô cơ quan chủ trì trống, "
                                    f"lấy theo dòng trên (ô gộp) “{before.lead}”.")
    return out


def _group_units_lead(tasks: list[Task], units: dict[str, str], matcher: AgencyMatcher) -> None:
    """'A | ĐẢNG ỦY SỞ KHOA HỌC VÀ CÔNG NGHỆ' over rows whose table has no lead column ('TT | Nhiệm vụ | Cơ quan phối
    hợp | Thời gian'): the group's unit leads each row; a unit the row names is one of its coordinators."""
    for task in tasks:
        if task.group not in units:
            continue
        unit = units[task.group]
        hit = matcher.match(unit)
        code = hit.agency.code if hit.agency is not None and hit.score >= 90 else None
        if task.lead and task.lead_code != code and not any(fold(task.lead) in fold(c) for c in task.coordinators):
            task.coordinators = [task.lead, *task.coordinators]
        task.lead, task.lead_code = unit, code


# a row's code opening its first line ("NV-01 Xây dựng …", "| KHCN-02 | Số đơn …", "CĐS-1.2 …"): capitals, a dash or dot,
# a number; text follows
_CODE_OPEN = re.compile(r"^\s*\|?\s*([A-ZĐ]{1,6}(?:-[A-ZĐ]{1,6})?[-.]\d{1,3}(?:\.\d{1,2})?)\s*\|?\s+(?=[^\W\d_])")
_CODE_TITLE = re.compile(r"(?<![a-z])ma(?:\s*(?:so|hieu|nhiem\s*vu|nv))?(?![a-z])")


def _code_rows(outline: Outline, start: int, end: int, head: int | None = None) -> tuple[Outline, dict[int, str]]:
    """A task table keyed by a code column instead of running numbers ('Mã nhiệm vụ | Tên nhiệm vụ | Cơ quan chủ trì
    | …' / 'NV-01 | …'; its header's first lines name the code column, "Mã"), read row by row: the rows are the lines
    that open with a code and go on with text, each code once (a code cited inside a name, wrapped to a line of its
    own, opens nothing). The outline is seen with each row's code written as its running number (padded to the
    code's length), so that its rows are read as a numbered table's; returned with each running number's code."""
    lines = outline.lines
    rows: dict[int, tuple[int, str]] = {}
    for k in range(start, end + 1):
        if (m := _CODE_OPEN.match(lines[k])) is not None and m.group(1) not in {c for _e, c in rows.values()}:
            rows[k] = (m.end(1), m.group(1))
    top = start if head is None else head           # (the header's first line, when it stands above `start`)
    if len(rows) < 2 or not any(_CODE_TITLE.search(fold(lines[k])) for k in range(top, min(rows)) if k <= top + 4):
        return outline, {}
    # (a border before the code: blanked)
    blank = {k: len(lines[k][:at]) - len(lines[k][:at].lstrip(" |")) for k, (at, _code) in rows.items()}
    view = _numbered_view(outline, {k: (blank[k], at) for k, (at, _code) in rows.items()})
    return view, {n: code for n, (_at, code) in enumerate(rows.values(), 1)}


def _numbered_view(outline: Outline, rows: dict[int, tuple[int, int]]) -> Outline:
    """The outline seen with each row's opening cell (line k, from `lead` to `at`) written as its running number
    (1, 2 … padded to the cell's length, `lead` spaces before it), so that the rows read as a numbered table's."""
    view = copy.copy(outline)
    view.lines = list(outline.lines)
    view._maps = dict(outline._maps)
    for n, (k, (lead, at)) in enumerate(rows.items(), 1):
        view._maps[k] = outline.line_map(k)      # the same length: the line's own alignment holds
        view.lines[k] = " " * lead + str(n).ljust(at - lead) + outline.lines[k][at:]
    return view


# the header of a schedule whose first column is the time ("Thời gian Nội dung công việc Bộ phận chủ trì …")
_TIME_FIRST_HEAD = re.compile(r"^\W*(?:thoi\s*gian|thoi\s*han|tien\s*do)\b.{0,40}(?:noi\s*dung|nhiem\s*v[uy]|cong\s*viec)")
# a row's time cell at the start of its line ("Tháng 4/2027", "Trước 20/11/2027 |", "Hằng quý"): a word that says by
# when may come before the period
_TIME_OPEN = re.compile(r"^\s*\|?\s*(?:(?:truoc|den|trong|cham\s*nhat)\s*(?:ngay\s*)?)?")


def _time_first_rows(outline: Outline, start: int, end: int) -> tuple[Outline, dict[int, str]]:
    """A task table with no number column whose first column is the time ('Thời gian | Nội dung công việc | Bộ phận
    chủ trì | …'), read row by row: the rows are the lines below its header that open with a time cell and go on
    with text. The outline is seen with each row's time cell written as its running number (1, 2 … padded to the
    cell's length), so that its rows are read as a numbered table's; returned with each row's time cell."""
    lines = outline.lines
    head = next((k for k in range(start, min(end, start + 3) + 1)
                 if _TIME_FIRST_HEAD.match(fold(lines[k]))), None)
    if head is None:
        return outline, {}
    rows: dict[int, tuple[int, str]] = {}
    for k in range(head + 1, end + 1):
        f = fold(lines[k])
        at = lead.end() if (lead := _TIME_OPEN.match(f)) is not None else 0
        if (m := DEADLINE_PHRASE.match(f, at)) is None:
            continue
        rest_at = m.end() + len(f[m.end():]) - len(f[m.end():].lstrip(" |.,:"))
        if rest_at == m.end() or not re.match(r"[^\W\d_]", f[rest_at:]):
            continue            # the period goes on ("Tháng 3/2026 - …") or nothing follows it
        begin = len(f) - len(f.lstrip(" |"))
        rows[k] = (rest_at, squash(outline.line_out(k, begin, m.end())))
    if len(rows) < 2:
        return outline, {}
    view = _numbered_view(outline, {k: (0, rest_at) for k, (rest_at, _text) in rows.items()})
    return view, {k: text for k, (_a, text) in rows.items()}


# a roadmap's year columns as OCR read their titles: years only, in a row ("| 2026_ |2027 |2028")
_ROADMAP_YEARS = re.compile(r"[\s|_]*(20[2-4]\d)(?:[\s|_.,]+20[2-4]\d){1,9}[\s|_.,]*")


def _roadmap_end(lines: list[str], start: int, end: int, anchors: list[tuple[int, int]], tasks: list[Task],
                 warnings: list[str]) -> None:
    """A task table whose deadline is a roadmap ('Lộ trình thực hiện' over '2026 | 2027 | 2028', 'x' in the years
    a task runs) read as plain text: the marks lose their columns, so which years a row marks cannot be told. What
    a reader still knows is that the task ends with the roadmap at the latest: a row left without a deadline takes
    the last year, with a warning to check it against the original."""
    first = anchors[0][0] if anchors else end
    found = None
    for i in range(max(0, start - 12), min(first, len(lines))):
        f = fold(lines[i])
        if _ROADMAP_YEARS.fullmatch(f) is not None:
            years = [int(y) for y in re.findall(r"20[2-4]\d", f)]
            head = " ".join(fold(x) for x in lines[max(0, i - 6):min(first, i + 8)])
            if years == list(range(years[0], years[0] + len(years))) and re.search(r"lo\s*trinh", head) and \
                    re.search(r"nhiem\s*vu", head) and not re.search(r"chi\s*tieu", head):
                found = years[-1]
    if found is None:
        return
    left = [t for t in tasks if t.deadline is None and not t.deadline_text]
    for task in left:
        task.deadline_text = f"Năm {found}"
        task.deadline = parse_deadline(task.deadline_text)
        task.confidence = min(task.confidence, 0.45)
    if left:
        warnings.append(f"Lộ trình thực hiện theo năm: OCR không giữ vị trí các ô đánh dấu của {len(left)} nhiệm vụ "
                        f"({', '.join(t.no or '?' for t in left)}); lấy năm cuối của lộ trình ({found}) làm hạn, "
                        "cần đối chiếu bản gốc.")


# a 'Chủ trì/Phối hợp' cell's labels as OCR read them into a row's lines: 'Chủ trì: VP; phối' … 'hợp: VHXH, KT'
# (also abbreviated as the plan's key defines them: "CT: Sở Tài chính; PH: Sở" / "Khoa học và Công nghệ")
_LEAD_LABEL = re.compile(r"(?<![a-z])(?:chu\s*tri\s*:?|ct\s*:)\s*([^;|:]{1,30}?)\s*"
                         r"(?:;\s*(?:phoi(?![a-z])|ph(?=\s*:))?|\s(?=phoi(?![a-z])|ph\s*:))")
_COORD_LABEL = re.compile(r"(?<![a-z])(?:(?:phoi\s*)?hop|ph)\s*:\s*([^|;:]{1,60})")


def _joint_labels(outline: Outline, start: int, end: int, matcher: AgencyMatcher
                  ) -> tuple[Outline, dict[int, tuple[str, str | None]], dict[int, list[str]]]:
    """The table's lines with the labels of a joint 'Chủ trì/Phối hợp' cell blanked out (the names read without
    them), the lead each label names by line ('Chủ trì: VP; phối', 'Chủ trì VHXH; phối |': a unit the registry or
    the document's short names resolve) and the coordinators after 'hợp:' ('hợp: HPN, ĐTN IV/2026': the units,
    not the deadline cell's words after them)."""
    leads: dict[int, tuple[str, str | None]] = {}
    coords: dict[int, list[str]] = {}
    lines = list(outline.lines)
    for k in range(start, min(end, len(lines) - 1) + 1):
        f = fold(lines[k])
        for m in _LEAD_LABEL.finditer(f):
            if _header_words(m.group(1)) or re.search(r"(?:don\s*vi|co\s*quan|bo\s*phan)\s*$", f[:m.start()]):
                continue        # the header's titles ("Cơ quan chủ trì Cơ quan phối hợp"); a duty's field ("Đơn vị chủ trì: …")
            hit = matcher.match(lines[k][m.start(1):m.end(1)])
            if hit.agency is None or hit.score < 90:
                continue
            leads.setdefault(k, (hit.agency.name, hit.agency.code))
            lines[k] = lines[k][:m.start()] + " " * (m.end() - m.start()) + lines[k][m.end():]
        if not leads or k < min(leads):
            continue
        f = fold(lines[k])
        for m in _COORD_LABEL.finditer(f):
            cut = re.search(r"\s(?=(?:[ivx]+|\d{1,2})\s*/\s*\d|(?:quy|thang|nam|truoc|hang|thuong)\b)", m.group(1))
            value = lines[k][m.start(1):m.start(1) + cut.start() if cut else m.end(1)]     # not the deadline cell's words
            found = [x for x in matcher.match_many(value) if x.agency is not None]
            # short names the document may not define (not a quarter's numeral: "hợp: HPN, ĐTN IV/2026")
            codes = re.match(r"(?:\s*(?![IVX]+\b)[A-ZĐ]{2,}\b,?)+", value)
            if not found and codes is None:
                continue
            coords.setdefault(k, []).extend(x.agency.name for x in found if x.agency is not None)
            stop = max([m.start(1) + f[m.start(1):m.end(1)].find(fold(x.text)) + len(x.text) for x in found]
                       + [m.start(1) + (codes.end() if codes else 0)])
            lines[k] = lines[k][:m.start()] + " " * (stop - m.start()) + lines[k][stop:]
    if not leads:
        return outline, leads, coords
    view = copy.copy(outline)
    view.lines = lines
    view._maps = {}
    return view, leads, coords


_LEAD_TITLE = re.compile(r"(?:don\s*vi|co\s*quan|bo\s*phan)\s*(?:chu|thuc)|chu\s*tri")
_TASK_TITLE = re.compile(r"nhi[a-z]?m\s*v[uy]|noi\s*dung")


def _header_folds(lines: list[str], start: int, first_row: int) -> Iterator[str]:
    """The folded lines that may hold a table's header: from a little above its start down to its first row."""
    for k in range(max(0, start - 3), min(first_row, start + 30, len(lines))):
        yield fold(lines[k])


def _lead_column(lines: list[str], start: int, first_row: int) -> bool | None:
    """Whether the table's header (above its first row) names the lead's column before the task's (True) or
    after it (False); None when no header line names both."""
    # (the header may stand some lines below the annex's title and lead-in, above the first row)
    for f in _header_folds(lines, start, first_row):
        if (a := _LEAD_TITLE.search(f)) and (b := _TASK_TITLE.search(f)):
            return a.start() < b.start()
    return None


# the column of the units a row is done to: "Đơn vị được kiểm tra", "Cơ quan được giám sát", "Đối tượng kiểm tra"
_OBJECT_TITLE = re.compile(r"(?:(?:don\s*vi|co\s*quan|dia\s*phuong)\s*duoc|doi\s*tuong)\s*(?:kiem|giam|khao|thanh)")


def _objects_first(lines: list[str], start: int, first_row: int) -> bool:
    """Whether the table's header names the units its rows are done to before the lead's column ('STT | Nội dung |
    Đơn vị được kiểm tra | Cơ quan chủ trì kiểm tra | Thời gian'): on a row's lines the lead is then the unit right of
    them."""
    for f in _header_folds(lines, start, first_row):
        if (a := _OBJECT_TITLE.search(f)) and _LEAD_TITLE.search(f, a.end()):
            return True
    return False


_DIRECTING_BODY = re.compile(r"(?:ban\s*can\s*su\s*dang|dang\s*doan|ban\s*thuong\s*vu)\b")
# the column of the party body that directs a duty: "Cấp ủy, tổ chức đảng lãnh đạo, chỉ đạo", "Cơ quan lãnh đạo, chỉ đạo"
_DIRECTING_TITLE = re.compile(r"(?<![a-z])cap\s*uy\b|lanh\s*dao\s*,?\s*chi\s*dao")


def _directing_first(lines: list[str], start: int, first_row: int) -> bool:
    """Whether the table's header names the party body that directs each duty before the lead's column ('TT | Nội dung
    | Cấp ủy, tổ chức đảng lãnh đạo, chỉ đạo | Cơ quan chủ trì thực hiện | …'), its titles wrapped over the header's
    lines: on a row's lines the lead is then the unit right of the directing body, as right of inspected units."""
    folds = list(_header_folds(lines, start, first_row))
    for j, f in enumerate(folds):
        if (d := _DIRECTING_TITLE.search(f)) and _TASK_TITLE.search(f, 0, d.start()) and (
                _LEAD_TITLE.search(f, d.end()) or any(_LEAD_TITLE.search(g) for g in folds[j + 1:j + 3])):
            return True
    return False


_TIME_TITLE = re.compile(r"thoi\s*(?:gian|han)|tien\s*do")


def _time_column_first(lines: list[str], start: int, first_row: int) -> bool:
    """Whether the table's header (above its first row) names the time's column before the task's."""
    for f in _header_folds(lines, start, first_row):
        if (a := _TIME_TITLE.search(f)) and (b := _TASK_TITLE.search(f)):
            return a.start() < b.start()
    return False


_TIME_WORD = re.compile(r"(thang|quy|nam|thuong|truoc)\s+")


def _time_word_off_name(task: Task) -> None:
    """'Tháng Phiên họp quý I …' with deadline '4/2026': the first word of a time cell that wrapped in the first column
    ('3 Tháng Phiên họp …' / '4/2026 đánh giá …') stands before the task's words; it goes back to the deadline's text
    ('Thường' … 'xuyên' both)."""
    if task.deadline is None or not task.deadline_text or (m := _TIME_WORD.match(fold(task.name))) is None:
        return
    word, rest = task.name[:m.end(1)], task.name[m.end():]
    if m.group(1) == "thuong":
        if fold(task.deadline_text) != "thuong xuyen":
            return
        rest = re.sub(r"(?<!\S)xuy[eê]n\s+", "", rest, count=1)
    elif fold(task.deadline_text).startswith(m.group(1)):
        return
    else:
        task.deadline_text = f"{word} {task.deadline_text}"
    task.name = rest


def _mend_labels(outline: Outline, anchors: list[tuple[int, int]]) -> Outline:
    """The outline seen with each sub-row's number ('1.1', '11', '1⁄9') written as the row's running
    number (digits of the same width), so that the rows are read as those of a table numbered 1, 2, 3 …"""
    view = copy.copy(outline)
    view.lines = list(outline.lines)
    view._maps = {}
    for i, v in anchors:
        line = outline.lines[i]
        m = re.match(r"^(\s*)([^\s|]+)", line)
        if m is None or len(str(v)) > len(m.group(2)):
            continue
        view.lines[i] = m.group(1) + str(v).rjust(len(m.group(2))) + line[m.end():]
    return view


def _number_group(outline: Outline, i: int, end: int) -> tuple[int, str, list[int]]:
    """A group row numbered 1, 2 … above its sub-rows: its title, the paragraph from its number on
    (three lines at most, none past `end`: the line above its first sub-row)."""
    used = [k for k in _paragraph(outline.lines, i)[:3] if k <= end]
    text = squash(" ".join(outline.line_out(k) for k in used))
    return i, re.sub(r"^\s*\d{1,3}\s*[|.]?\s*", "", text), used


def _clip_to_groups(spans: list[tuple[int, int]], marks: list[int],
                    group_lines: frozenset[int]) -> list[tuple[int, int]]:
    """Rows' spans kept off the group rows' lines: a row ends above the next group row and starts below
    the group row above it."""
    out = []
    for (lo, hi), i in zip(spans, marks, strict=True):
        hi = min([hi, *(k - 1 for k in group_lines if i < k <= hi)])
        lo = max([lo, *(k + 1 for k in group_lines if lo <= k < i)])
        out.append((lo, max(hi, i)))
    return out


def _joined_over_page(outline: Outline, cut: tuple[int, int, int, int]) -> Outline:
    """The outline seen with a row's lines past the page's repeated header (`_over_page_row`) moved up under the
    row's own lines (the header's and the blank lines between below them, blank), so that a cell cut by the
    page reads as one ("Sở Nông" / "nghiệp và Môi" / "trường"; "2026 -" / "2027")."""
    own, _h, k, last = cut
    moved = list(range(k, last + 1))
    view = copy.copy(outline)
    view.lines, view.restored = list(outline.lines), list(outline.restored)
    view._maps = {j: m for j, m in outline._maps.items() if not own < j <= last}
    for j in range(own + 1, last + 1):
        src = moved[j - own - 1] if j - own - 1 < len(moved) else None
        view.lines[j] = outline.lines[src] if src is not None else ""
        view.restored[j] = outline.restored[src] if src is not None else ""
    return view


def _over_page_row(lines: list[str], header: list[str], i: int, hi: int, nxt: int
                   ) -> tuple[int, int, int, int] | None:
    """A row that a page break cut: between its number (line i, its cells on that line) and the next row's, below the
    row's lines, the page repeats the table's header (its lines again, `header`: the lines above the first row), and
    the lines past it open in lower case, the row's cells going on (a name's end, "nghiệp và Môi" of "Sở Nông",
    "2027" of "2026 -"). (the row's last line above the header, the header's first line, the first line past it, the
    row's last line)."""
    if not header or not re.sub(r"^\s*\d{1,3}\s*[|.]?", "", lines[i]).strip():
        return None
    def again(line: str) -> bool:
        return max(fuzz.ratio(fold(line).strip(), x) for x in header) >= 80

    def repeated(line: str) -> bool:
        return not line.strip() or _is_header(line) or _header_words(line) or again(line)

    # (the header's title line again, not a row's words that read like a title: "… hoàn thành")
    h = next((k for k in range(i + 1, nxt) if _is_header(lines[k]) and again(lines[k])), None)
    if h is None:
        return None
    k = h
    while k < nxt and repeated(lines[k]):
        k += 1
    if k >= nxt or not lines[k].strip()[:1].islower():
        return None
    last = nxt - 1
    while last > k and not lines[last].strip():
        last -= 1
    own = h - 1
    while own > i and repeated(lines[own]):
        own -= 1
    if own > _paragraph(lines, i)[-1]:
        return None         # other words between the row's lines and the page's end: not the row's cut
    return own, h, k, last


def _run_on_name(outline: Outline, before: Task, prev: int, i: int, lo: int, matcher: AgencyMatcher) -> None:
    """The end of the name of the row before a page break, which OCR put below the next row's lone number
    (line i; that row starts at line lo): when the page's repeated header stands between the two rows'
    numbers and that name has no full stop, the paragraphs between the number and line lo that are no
    unit's name nor a deadline go on with it."""
    lines = outline.lines
    if before.name.rstrip().endswith(".") or not before.name or \
            not any(_is_header(lines[k]) or _header_words(lines[k]) for k in range(prev + 1, i)):
        return
    more: list[str] = []
    k = i + 1
    while k < lo:
        if not lines[k].strip():
            k += 1
            continue
        para = _paragraph(lines, k)
        text = squash(" ".join(outline.line_out(j) for j in para if j < lo))
        if _units_only(text, matcher) or DEADLINE_PHRASE.fullmatch(fold(text).strip(" .")):
            break
        more.append(text)
        k = para[-1] + 1
    if more:
        before.name = squash(" ".join([before.name, *more]))[:800]


_NUMBER_TEXT = re.compile(r"^\s*\d{1,3}\s*[|.]?[\s|]*[A-ZÀ-ỸĐ]")


def _mend_numbers(outline: Outline, anchors: list[tuple[int, int]]) -> Outline:
    """The outline seen with each row number that OCR misread, and that its neighbours told
    (`rows.row_anchors`: "18;" for 13, "2Ÿ." for 27, ")" for 2), written as digits of the same length, so
    that the row's cells start past it; the restored text, which the items are read from, is unchanged."""
    mend: dict[int, str] = {}
    midline: set[int] = set()
    for i, v in anchors:
        line = outline.lines[i]
        if re.match(r"^\s*\d{1,3}\s*(?:[|.]|\s|$)", line):
            continue
        if (mid := MIDLINE_NO.search(line)) is not None and re.match(r"^\s*[^\W\d_]{2,}(?:\s|,)", line):
            # the number run into the line above's end: the row starts there (that end is lost to the row before)
            digits = str(v)[-len(mid.group(1)):].rjust(len(mid.group(1)))
            mend[i] = " " * mid.start() + digits + line[mid.end(1):]
            midline.add(i)
            continue
        m = re.match(r"^(\s*)(\S{1,3}?)[.;:,]?(?=\s|$)", line)
        if m is None:
            continue
        token = m.group(2)
        digits = str(v)[-len(token):].rjust(len(token))
        mend[i] = m.group(1) + digits + "." + line[m.end():] if m.end() > m.end(2) else \
            m.group(1) + digits + line[m.end():]
    if not mend:
        return outline
    view = copy.copy(outline)
    view.lines = list(outline.lines)
    view._maps = {k: m for k, m in outline._maps.items() if k not in mend}     # (unchanged lines' alignments hold)
    for i, line in mend.items():
        view.lines[i] = line
        if i in midline:
            view._maps[i] = outline.line_map(i)       # the same length: the line's own alignment holds
    return view


def _number_only(line: str) -> bool:
    return bool(re.match(r"^\s*\d{1,3}\s*[|.]?\s*$", line))


def _column_blocks(outline: Outline, anchors: list[tuple[int, int]], tasks: list[Task], matcher: AgencyMatcher,
                   end: int, exclude: frozenset[str], warnings: list[str],
                   labelled: tuple[dict[int, tuple[str, str | None]], dict[int, list[str]]] = ({}, {})) -> None:
    """Rows OCR read column by column: two or more row numbers alone on their lines with only blank lines
    between ("21." / "22."), then the band's cells as paragraphs, one column after the other (task texts,
    then lead cells, then coordinators' …). The k-th paragraph naming only units is the k-th row's lead,
    the k-th paragraph holding only a deadline its deadline; in a joint 'Cơ quan chủ trì, phối hợp' column, the
    k-th cell that writes the roles in ('Phòng Kinh tế chủ trì; Công an xã phối hợp') gives the k-th row both.
    The rows are told to be checked (warning, confidence 0.45): which cell is whose rests on their order alone."""
    lines = outline.lines
    n = 0
    while n < len(anchors):
        group = [n]
        while group[-1] + 1 < len(anchors) and _number_only(lines[anchors[group[-1]][0]]) and \
                _number_only(lines[anchors[group[-1] + 1][0]]) and \
                not any(x.strip() for x in lines[anchors[group[-1]][0] + 1:anchors[group[-1] + 1][0]]):
            group.append(group[-1] + 1)
        n = group[-1] + 1
        if len(group) < 2:
            continue
        top = anchors[group[-1]][0] + 1
        bottom = anchors[n][0] - 1 if n < len(anchors) else end
        spans = blocks(lines, top, bottom)
        paragraphs = [(first, squash(" ".join(outline.line_out(j) for j in range(first, last + 1))))
                      for first, last in spans]
        # joint cells whose labels `_joint_labels` read (and blanked): 'Chủ trì: Phòng Kinh tế; Phối' / 'hợp: …'
        joint_at: dict[int, tuple[str, str, str]] = {}
        for first, last in spans:
            # (a line that held nothing but the labels and the lead is blank now: the cell goes on below it)
            k = next((k for k in range(first - 1, last + 1) if k in labelled[0]), None)
            if k is not None and (code := labelled[0][k][1]) is not None:
                coords = [c for j in range(k, last + 1) for c in labelled[1].get(j, [])]
                joint_at[first] = (code, labelled[0][k][0], ", ".join(coords))
        leads: list[tuple[str, str]] = []
        deadlines: list[str] = []
        names = _band_names(outline, paragraphs, matcher, len(group), frozenset(joint_at))
        if names is not None:
            for g, name in zip(group, names, strict=True):
                tasks[g].name = name
        joints: list[tuple[str, str, str]] = []
        for first, text in paragraphs:
            f = fold(text)
            if DEADLINE_PHRASE.fullmatch(f.strip(" .")) or _BARE_YEAR.fullmatch(" " + f.strip(" .")):
                deadlines.append(text.strip(" ."))
                continue
            if (joint := joint_at.get(first) or _joint_cell(text, matcher)) is not None:
                joints.append(joint)
                continue
            hits = matcher.match_many(text)
            if hits and all(h.agency is not None and h.score >= 90 for h in hits) and len(text) <= 90:
                agency = next(h.agency for h in hits if h.agency is not None)
                if agency.code not in exclude:
                    leads.append((agency.code, agency.name))
        rows = [tasks[g] for g in group]
        if (len(joints) == len(rows) and not leads) or len(leads) >= len(rows):
            # the leads come from another paragraph than the row's own: any warning of a row left without one is
            # stale, and the whole band is told to be checked
            stale = {f"Dòng {t.no or 'không số'} của phụ lục nhiệm vụ: không nhận ra cơ quan chủ trì." for t in rows}
            warnings[:] = [w for w in warnings if w not in stale]
            warnings.append(f"Các dòng {rows[0].no}–{rows[-1].no} của phụ lục nhiệm vụ: OCR đọc bảng theo cột (số thứ "
                            "tự, rồi tên nhiệm vụ, rồi cơ quan chủ trì …); ghép lại theo thứ tự, cần đối chiếu bản gốc.")
            for task in rows:
                task.confidence = min(task.confidence, 0.45)
        if len(joints) == len(rows) and not leads:
            # a joint 'Cơ quan chủ trì, phối hợp' column: each cell names its lead and its coordinators
            for task, (code, name, coord) in zip(rows, joints, strict=True):
                task.lead_code, task.lead = code, name
                task.coordinators = [m.agency.name if m.agency is not None else m.text for m in matcher.match_many(coord)]
        elif len(leads) >= len(rows):
            for task, (code, name) in zip(rows, leads, strict=False):
                task.lead_code, task.lead = code, name
        if len(deadlines) >= len(rows):
            for task, text in zip(rows, deadlines, strict=False):
                task.deadline_text, task.deadline = text, parse_deadline(text)


def _cells_below_name(outline: Outline, anchors: list[tuple[int, int]], tasks: list[Task], matcher: AgencyMatcher,
                      exclude: frozenset[str], warnings: list[str] | None = None) -> None:
    """A row of a narrow table OCR read cell by cell: its number opens the name's paragraph, a few words a line
    ("10 Hỗ trợ" / "doanh" / "nghiệp nhỏ" …), and the paragraphs below it, down to the next row's number, are
    the row's other cells in column order (lead, coordinators, product, start, end). A row that read no lead
    takes the first of them that names only units; one that read no deadline, the last one that ends with a
    deadline (the end column is the right-most). Only where the next row's number follows (no row lost between,
    whose cells would stand there too); the last row is left alone (what follows it may be anything)."""
    lines = outline.lines
    for n, ((i, v), task) in enumerate(zip(anchors[:-1], tasks, strict=False)):
        nxt, w = anchors[n + 1]
        name = _paragraph(lines, i)
        if (task.lead_code is not None and task.deadline is not None) or _number_only(lines[i]) or w != v + 1 or \
                len(name) < 3 or name[-1] >= nxt - 1 or any(len(lines[k].strip()) > 30 for k in name):
            continue
        cells: list[tuple[int, int, str]] = []
        k = name[-1] + 1
        while k < nxt:
            if not lines[k].strip():
                k += 1
                continue
            para = [j for j in _paragraph(lines, k) if j < nxt]
            cells.append((para[0], para[-1], squash(" ".join(outline.line_out(j) for j in para))))
            k = para[-1] + 1
        used = name[-1]
        if task.lead_code is None:
            for _a, b, text in cells:
                hits = [h for h in matcher.match_many(text) if h.agency is not None]
                if _units_only(text, matcher) and hits[0].agency is not None and hits[0].agency.code not in exclude:
                    task.lead_code, task.lead = hits[0].agency.code, hits[0].agency.name
                    used = max(used, b)
                    if warnings is not None:      # the row's lead is found after all
                        stale = f"Dòng {task.no or 'không số'} của phụ lục nhiệm vụ: không nhận ra cơ quan chủ trì."
                        warnings[:] = [w for w in warnings if w != stale]
                    break
        if task.deadline is None:
            for _a, b, text in reversed(cells):
                if (found := _end_deadline(text)) is not None:
                    task.deadline_text, task.deadline = found, parse_deadline(found)
                    used = max(used, b)
                    break
        if task.source is not None and used + 1 > task.source.end_line:
            task.source = SourceSpan(task.source.start_line, used + 1, task.source.basis)


def _cells_block(outline: Outline, a: int, b: int, matcher: AgencyMatcher,
                 exclude: frozenset[str]) -> tuple[CellMention, list[str], str] | None:
    """Lines a..b as a block of a row's other cells read together (lead, coordinators, deadline: "Văn phòng Phòng
    VH-XH | Hằng năm" / "HĐND và" / "UBND"): short lines, a unit named from the block's first word, a deadline in
    it; the lead (the unit opening the block), the other units (coordinators) and the deadline (the last one)."""
    lines = outline.lines[a:b + 1]
    if not lines or any(len(x.strip()) > 40 for x in lines) or ROW_START.match(lines[0]) or _is_header(lines[0]):
        return None
    cells = [c for c in matcher.scan_cells(lines) if c.agency.code not in exclude]
    first = min(cells, key=lambda c: (c.line, c.col), default=None)
    if first is None or first.line or lines[0][:first.col].strip(" |"):
        return None
    text = squash(" ".join(outline.line_out(k) for k in range(a, b + 1)))
    found = list(DEADLINE_PHRASE.finditer(fold(text)))
    if not found:
        return None
    others = list(dict.fromkeys(c.agency.name for c in cells if c.agency.code != first.agency.code))
    return first, others, squash(text[found[-1].start():found[-1].end()])


def _cells_above_number(outline: Outline, anchors: list[tuple[int, int]], tasks: list[Task], matcher: AgencyMatcher,
                        end: int, exclude: frozenset[str], groups: frozenset[int] = frozenset()) -> None:
    """Rows of a narrow table OCR read in blocks whose cells stand ABOVE their number: the block of the row's other
    cells (lead, coordinators, deadline) comes first, then the number opening the name's paragraph ("Văn phòng Phòng
    VH-XH | Hằng năm" / "HĐND và" / "UBND" / "" / "10 Tập huấn kỹ năng số, an" / "toàn thông tin …"). Tesseract does
    so when the cells stand higher than the name (centred in a taller row, or under a header a page repeats). Told
    from the usual order (cells below the name, `_cells_below_name`) by both ends of a run of rows whose name
    paragraphs hold no unit and no deadline: a cells block above the first row, the row before it complete on its own
    lines, and nothing between the last row's name and the next row's number (or the table's end) — there each row's
    cells are the block above its number. A group row's lines (`groups`: 'Đ CHI BỘ VĂN PHÒNG …' between two rows) are
    no cells."""
    lines = [("" if k in groups else x) for k, x in enumerate(outline.lines)]

    def name_end(i: int) -> int:
        k = i
        while k + 1 < len(lines) and lines[k + 1].strip():
            k += 1
        return k

    def block_above(i: int) -> tuple[int, int] | None:
        k = i - 1
        while k >= 0 and lines[k].strip():          # lines run into the number line are the name's (or the row above's)
            k -= 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        if k < 0:
            return None
        b = k
        while k - 1 >= 0 and lines[k - 1].strip():
            k -= 1
        return k, b

    def bare(i: int) -> bool:
        """The row's number opens its name's paragraph, which names no unit and no deadline: the row's cells are
        read elsewhere."""
        para = lines[i:name_end(i) + 1]
        return _NUMBER_TEXT.match(lines[i]) is not None and not matcher.scan_cells(para) and not DEADLINE_PHRASE.search(fold(" ".join(para)))

    n = 0
    while n < len(anchors):
        i = anchors[n][0]
        blk = block_above(i)
        if not bare(i) or blk is None or (n and blk[0] <= anchors[n - 1][0]):
            n += 1
            continue
        run = [n]
        while run[-1] + 1 < len(anchors):
            j, w = anchors[run[-1] + 1]
            nb = block_above(j)
            if w != anchors[run[-1]][1] + 1 or not bare(j) or nb is None or nb[0] <= name_end(anchors[run[-1]][0]):
                break
            run.append(run[-1] + 1)
        last = anchors[run[-1]][0]
        stop = anchors[run[-1] + 1][0] if run[-1] + 1 < len(anchors) else end + 1
        before = tasks[n - 1] if n else None
        reads = [_cells_block(outline, *bl, matcher, exclude) for m in run if (bl := block_above(anchors[m][0]))]
        if (any(lines[k].strip() for k in range(name_end(last) + 1, min(stop, len(lines))))
                or (before is not None and (before.lead_code is None or before.deadline is None))
                or len(reads) != len(run) or any(r is None for r in reads)):
            n = run[-1] + 1
            continue
        for m, read in zip(run, reads, strict=True):
            assert read is not None
            cell, others, deadline = read
            task = tasks[m]
            task.lead_code, task.lead = cell.agency.code, cell.agency.name
            task.coordinators = others
            task.deadline_text, task.deadline = deadline, parse_deadline(deadline)
            task.confidence = min(task.confidence, 0.5)
        n = run[-1] + 1


def _joint_cell(text: str, matcher: AgencyMatcher) -> tuple[str, str, str] | None:
    """A 'Cơ quan chủ trì, phối hợp' cell read as a paragraph, its roles written in ('Phòng Kinh tế chủ trì; Công an
    xã phối hợp', 'Chủ trì: Phòng Kinh tế; Phối hợp: các thôn'): the lead, known to the registry, and the
    coordinators' text. (lead code, lead name, coordinators.) None for any other paragraph, a task's name that
    tells who leads it ('Phòng Kinh tế chủ trì tổ chức hội nghị') among them: its lead is no unit alone."""
    f = fold(text)
    if not (_JOINT_LEAD.search(f) or _ROLE_AFTER.search(f)):
        return None
    lead, coord = _joint(text, matcher)
    if not lead or not _units_only(lead, matcher):
        return None
    agency = matcher.match_many(lead)[0].agency
    return (agency.code, agency.name, coord) if agency is not None else None


def _end_deadline(cell: str) -> str | None:
    """The deadline a cell read as a paragraph ends with ("Tháng 4/2026", "Thường xuyên")."""
    f = fold(cell)
    m = next((m for m in DEADLINE_PHRASE.finditer(f) if len(f.rstrip(" .")) - m.end() <= 1), None)
    return squash(cell[m.start():m.end()]) if m is not None else None


def _band_names(outline: Outline, paragraphs: list[tuple[int, str]], matcher: AgencyMatcher,
                count: int, joint: frozenset[int] = frozenset()) -> list[str] | None:
    """The name cells of a band of rows read column by column: the paragraphs before the first one that
    names only units or holds only a deadline (the name column comes first), split into `count`."""
    column: list[list[str]] = []
    rest = len(paragraphs)
    for n, (first, text) in enumerate(paragraphs):
        f = fold(text)
        if DEADLINE_PHRASE.fullmatch(f.strip(" .")) or _BARE_YEAR.fullmatch(" " + f.strip(" .")) or \
                _units_only(text, matcher) or first in joint or _joint_cell(text, matcher) is not None:
            rest = n
            break
        cell = [outline.line_out(k).strip() for k in _paragraph(outline.lines, first)]
        if column and text[:1].islower():
            column[-1].extend(cell)         # OCR broke the cell with a blank line
        else:
            column.append(cell)
    if 0 < len(column) < count:
        # the band read row by row, each cell a paragraph (name, lead, coordinators, …): the other rows'
        # names are the later paragraphs that open with a capital, hold a sentence's length and open with
        # no unit's name (not a lead, a result or a deadline), down to the table header a page repeats
        more: list[list[str]] = []
        for first, text in paragraphs[rest:]:
            if _is_header(text):
                break
            cell = [outline.line_out(k).strip() for k in _paragraph(outline.lines, first)]
            if more and text[:1].islower():
                more[-1].extend(cell)
            elif text[:1].isupper() and len(text) >= 40 and not _units_only(text, matcher) and \
                    not _UNIT_HEAD.match(fold(text)) and not any(s0 == 0 for s0, _e, _a in matcher.scan(text[:40])) and \
                    not DEADLINE_PHRASE.search(fold(text[-12:])):
                more.append(cell)
            else:
                more.append([])
        found = [c for c in more if c]
        if len(column) + len(found) == count:
            column += found
    return ocr_names.split_names(column, count) if column else None


# how a unit's name opens ("Bộ Tư pháp tổng hợp, báo cáo …" is a lead's cell, even for a unit no registry holds)
_UNIT_HEAD = re.compile(r"(bo (?!chi so|tieu chi|du lieu|cong cu)|so |uy ban|ubnd|van phong|tong cuc|cuc |vien han lam"
                        r"|dai (truyen hinh|tieng noi)|thong tan xa|ngan hang|cac (bo|so|tinh|dia phuong|co quan)\b)")


def row_anchors(lines: list[str], start: int, end: int) -> list[tuple[int, int]]:
    return [(i, int(label)) for i, label in find_rows(lines, start, end, min_gap=3, resync=True, short_resync=True,
                                                             restart=True)]


def row_spans(lines: list[str], anchors: list[tuple[int, int]], start: int, end: int,
              matcher: AgencyMatcher | None = None,
              paragraph_rows: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Split the annex between row numbers: an interleaved row ends with its task's full stop,
    a row whose number stands alone owns the lines down to the next row, and so does a row whose
    number was lost, from its name's paragraph on (`paragraph_rows`); a row ends above an item of the body
    numbered below it (`_body_item`: the table has ended)."""
    spans: list[tuple[int, int]] = []
    for n, (i, v) in enumerate(anchors):
        prev_hi = spans[-1][1] if spans else max(start - 1, i - 9)
        nxt = anchors[n + 1][0] if n + 1 < len(anchors) else end + 1
        lo = prev_hi + 1
        # (above the first row, the header's wrapped titles too: "Mã Tên nhiệm vụ Cơ quan chủ | …" / "nhiệm trì hợp" / "vụ")
        while lo < i and (not lines[lo].strip() or _is_header(lines[lo]) or (not spans and _header_words(lines[lo]))):
            lo += 1
        if i in paragraph_rows:
            lo, hi = i, nxt - 1
        elif not re.search(r"[^\W_]", re.sub(r"^\s*\d{1,3}\s*[|.]?", "", lines[i])):
            # a number alone on its line (or with a rule's dashes: "3 = ————") opens its row (its cells follow
            # it); the lines above it are the row before's, run on past a page break, and so is a paragraph
            # below it that opens in lower case when a name opens with a capital after it
            lo = _after_run_on(lines, i, nxt, matcher)
            hi = nxt - 1
            if n + 1 < len(anchors) and re.sub(r"^\s*\d{1,3}\s*[|.]?", "", lines[nxt]).strip():
                # (never above the row's own name, past a run-on paragraph: that is no top of the next row)
                hi = max(_before_next_top(lines, i, nxt), _paragraph(lines, lo)[-1] if lo > i else i)
        else:
            hi = i
            while hi < nxt - 1 and not _ends_name(lines[hi]) and hi - i < 10 and not _body_item(lines, hi + 1, v):
                hi += 1
            if nxt in paragraph_rows:
                hi = nxt - 1        # the row's cells read one paragraph each, down to the next row's name
            elif hi == nxt - 1 and not _ends_name(lines[hi]):
                hi = i + (nxt - i) // 2
        while hi > i and not lines[hi].strip():
            hi -= 1
        spans.append((lo, max(i, hi)))
    return spans


# a numbered item of the plan's body ("2. Bổ sung các nhiệm vụ sau …")
_BODY_ITEM = re.compile(r"^\s*(\d{1,2})\.\s+[A-ZÀ-ỸĐ][a-zà-ỹđ]")


def _body_item(lines: list[str], k: int, row: int) -> bool:
    """Line k opens, past a blank line, an item of the plan's body numbered below the row's own number: the
    table has ended above it (its rows only count up)."""
    m = _BODY_ITEM.match(lines[k]) if 0 < k < len(lines) and not lines[k - 1].strip() else None
    return m is not None and int(m.group(1)) < row


def _paragraph(lines: list[str], k: int) -> list[int]:
    """The lines of the paragraph (a run of non-blank lines) that starts on line k."""
    out = []
    while k < len(lines) and lines[k].strip():
        out.append(k)
        k += 1
    return out


def _cell_text(outline: Outline, k: int, hi: int, matcher: AgencyMatcher | None = None) -> str:
    """A cell read as a paragraph from line k, with the paragraphs up to `hi` that go on with it (open
    in lower case: OCR broke the cell with a blank line), and its end past a page break (`_over_page`)."""
    lines = outline.lines
    rows = _paragraph(lines, k)
    while True:
        j = rows[-1] + 1
        while j <= hi and not lines[j].strip():
            j += 1
        if j > hi or not lines[j].strip()[:1].islower():
            break
        rows.extend(_paragraph(lines, j))
    rows = [j for j in rows if j <= hi]
    if rows and not lines[rows[-1]].rstrip().endswith("."):
        return squash(" ".join([*(outline.line_out(j).strip() for j in rows),
                                *(outline.line_out(j, 0, e).strip(" |_") for j, e in _over_page(lines, rows[-1], hi, matcher))]))[:800]
    return squash(" ".join(outline.line_out(j).strip() for j in rows))[:800]


_HEADER_WORDS = frozenset({"tt", "stt", "ten", "nhiem", "vu", "co", "quan", "chu", "tri", "phoi", "hop", "ket", "qua",
                           "thoi", "gian", "han", "hoan", "thanh", "san", "pham", "noi", "dung", "don", "vi", "thuc",
                           "hien"})


def _header_words(line: str) -> bool:
    """'chủ trì hợp hoàn thành': the second line of a table header, titles' words only."""
    words = re.findall(r"[a-z]+", fold(line))
    return bool(words) and all(w in _HEADER_WORDS for w in words)


def _over_page(lines: list[str], last: int, hi: int,
               matcher: AgencyMatcher | None = None) -> list[tuple[int, int]]:
    """The end of a name cell that a page break cut, below line `last` (the cell's last line on its page):
    past the table header the next page repeats, the paragraph that opens that page in lower case, down to
    a blank line or a row's number; on a line where a bar or a unit's name (a capital, past the line's first
    words) opens another cell, the text before it. (line, end column)."""
    h = next((k for k in range(last + 1, hi + 1) if _is_header(lines[k])), None)
    if h is None:
        return []
    k = h
    while k <= hi and (not lines[k].strip() or _is_header(lines[k]) or _header_words(lines[k])):
        k += 1
    out: list[tuple[int, int]] = []
    while k <= hi and lines[k].strip() and (out or lines[k].strip()[:1].islower()) and \
            not ROW_START.match(lines[k]) and not _GROUP_LINE.match(lines[k].strip()):
        line = lines[k]
        cuts = [m.start() for m in re.finditer(r"\s[_|]*\|", line)]
        if matcher is not None:
            cuts += [s0 for s0, _e, _a in matcher.scan(line) if s0 >= 8 and line[s0:s0 + 1].isupper()]
        end = min(cuts, default=len(line))
        if not line[:end].strip(" |_"):
            break
        out.append((k, end))
        k += 1
    return out


def _units_only(text: str, matcher: AgencyMatcher) -> bool:
    hits = matcher.match_many(text) if len(text) <= 90 else []
    return bool(hits) and all(h.agency is not None and h.score >= 90 for h in hits)


def _lost_rows(outline: Outline, anchors: list[tuple[int, int]], end: int,
               matcher: AgencyMatcher) -> list[tuple[int, int]]:
    """Rows whose numbers OCR lost in a table it read cell by cell, each cell a paragraph (the name, the
    lead, the coordinators, …): between rows v and w > v + 1, the paragraphs that open with a capital,
    hold a few words (20 characters) and are followed (past paragraphs in lower case, the rest of the
    cell) by a paragraph naming only units are
    the names of rows v + 1 … w - 1 when there are exactly that many (row v's own name, the paragraph
    right under its lone number, aside). (line of the name, row number)."""
    lines = outline.lines
    out: list[tuple[int, int]] = []
    for n, (i, v) in enumerate(anchors[:-1]):
        nxt, w = anchors[n + 1]
        if w <= v + 1:
            continue
        paragraphs = _paragraphs(lines, i + 1, nxt - 1)
        lone = not re.sub(r"^\s*\d{1,3}\s*[|.]?", "", lines[i]).strip()
        # a row whose number line holds only its lead's cell ('4 Phòng Kế' / 'hoạch - Tài' / 'chính': a table whose
        # lead column comes first) has its name below that cell, as a lone number has
        lead_cell = not lone and _units_only(squash(" ".join(re.sub(r"^\s*\d{1,3}\s*[|.]?", "", lines[j])
                                                            for j in _paragraph(lines, i))), matcher)
        # a lone number's own name: the first paragraph below it that opens with a capital (those in
        # lower case above it are the row before's, run on past a page break)
        if lead_cell:
            paragraphs = [para for para in paragraphs if para[0] > _paragraph(lines, i)[-1]]
        own = next((m for m, para in enumerate(paragraphs) if not lines[para[0]].strip()[:1].islower()), -1) \
            if lone or lead_cell else -1
        names = _names_before_units(lines, paragraphs[own + 1:], matcher, lead_cell)
        if len(names) == w - v - 1:
            out.extend((line, v + 1 + k) for k, line in enumerate(names))
        elif 2 <= len(names) < w - v - 1:
            # fewer than the numbers lost (a row's name that does not fit the pattern, past a page break):
            # rows all the same, whose numbers cannot be told (0: no number)
            out.extend((line, 0) for line in names)
    return out


# a joint cell's lead label: "Chủ trì: Phòng Kinh tế; Phối hợp: …" (OCR may drop the colon's dot: "Chủ trì;")
_LEAD_MARK = re.compile(r"(?<![a-z])chu\s*tri\s*[:;]")


def _labelled_lost_rows(outline: Outline, marks: list[int], end: int, matcher: AgencyMatcher) -> list[int]:
    """Rows whose numbers OCR lost in a table whose 'Đơn vị thực hiện' cells label their roles ('Chủ trì: …;
    Phối hợp: …'), read cell by cell, each cell a paragraph: a row has one lead label, so each further one below a
    row's number, with a task's name in the paragraph right above its cell, is a row of its own, opening at that
    name (a name: a capital, a sentence's length, no unit's cell, no deadline, no label). The first lines of
    those names, when every further label has one."""
    lines = outline.lines
    out: list[int] = []
    for n, i in enumerate(marks):
        nxt = marks[n + 1] if n + 1 < len(marks) else None
        if nxt is None:
            continue
        paragraphs = _paragraphs(lines, i, nxt - 1)
        labelled = [m for m, para in enumerate(paragraphs)
                    if any(_LEAD_MARK.search(fold(lines[j])) for j in para)]
        found: list[int] = []
        for m in labelled[1:]:
            para = paragraphs[m - 1] if m and m - 1 not in labelled else None
            text = squash(" ".join(lines[j] for j in para)) if para else ""
            if para is None or not text[:1].isupper() or len(text) < 20 or _units_only(text, matcher) or \
                    DEADLINE_PHRASE.search(fold(text)) or _is_header(text) or ROW_START.match(text):
                break
            found.append(para[0])
        if labelled and len(found) == len(labelled) - 1:
            out.extend(found)
    return out


def _with_lost_subs(subs: list[tuple[int, str]], named: list[int]) -> list[tuple[int, str]]:
    """The sub-rows with those whose numbers OCR lost (`_labelled_lost_rows`) numbered on from the sub-row above
    them ('1.1', then '1.2', '1.3'), when the next sub-row numbered in the same group leaves room for them."""
    if not named:
        return subs
    out = list(subs)
    for line in sorted(named):
        k = max(n for n, (i, _label) in enumerate(out) if i < line)
        group, _dot, sub = out[k][1].partition(".")
        if not sub.isdigit():
            continue
        label = f"{group}.{int(sub) + 1}"
        after = out[k + 1][1] if k + 1 < len(out) else ""
        if after.partition(".")[0] == group and after.partition(".")[2].isdigit() and \
                int(after.partition(".")[2]) <= int(sub) + 1:
            continue
        out.insert(k + 1, (line, label))
    return out


def _paragraphs(lines: list[str], lo: int, hi: int) -> list[list[int]]:
    """The paragraphs (runs of non-blank lines) from line lo up to line hi, cut there."""
    out: list[list[int]] = []
    k = lo
    while k <= hi:
        if lines[k].strip():
            out.append([j for j in _paragraph(lines, k) if j <= hi])
            k = out[-1][-1] + 1
        else:
            k += 1
    return out


def _names_before_units(lines: list[str], paragraphs: list[list[int]], matcher: AgencyMatcher,
                        lead_first: bool = False) -> list[int]:
    """In cells OCR read one paragraph each, the first lines of the paragraphs that are task names: they open
    with a capital, hold a few words (20 characters) and are followed, past paragraphs in lower case (the rest
    of the cell), by a paragraph naming only units (the lead's cell). In a table whose lead column comes first
    (`lead_first`), the cell after a name is its deadline's: a row whose lead cell was merged with the row above's
    shows its name, then its deadline."""
    names = []
    for m, para in enumerate(paragraphs[:-1]):
        text = squash(" ".join(lines[j] for j in para))
        # (a name cut short by the page, "Xây dựng cơ chế,", may be shorter)
        if not text[:1].isupper() or len(text) < (12 if text.endswith(",") else 20) or \
                _is_header(text) or DEADLINE_PHRASE.fullmatch(fold(text).strip(" .")) or _units_only(text, matcher):
            continue
        # the next paragraph that opens with a capital (a lower-case one goes on with the same cell)
        after = next((squash(" ".join(lines[j] for j in p)) for p in paragraphs[m + 1:]
                      if not lines[p[0]].strip()[:1].islower()), "")
        if _units_only(after, matcher) or (lead_first and DEADLINE_PHRASE.fullmatch(fold(after).strip(" ."))):
            names.append(para[0])
    return names


def _tail_cells(outline: Outline, anchors: list[tuple[int, int]], end: int,
                matcher: AgencyMatcher) -> list[tuple[int, int]]:
    """Rows whose numbers OCR lost on the page after the last numbered row, in a table it read there column by
    column, each cell a paragraph: past the header the page repeats (its titles paragraphs too), the task names
    (`_names_before_units`: a name, then its lead's cell) are rows v + 1, v + 2 … (v the last number; up to
    eight, the rows a page holds). (line of the name, row number)."""
    if not anchors or not anchors[-1][1]:
        return []
    i, v = anchors[-1]
    lines = outline.lines
    last = min(end, len(lines) - 1)
    h = next((k for k in range(i + 1, last + 1) if _is_header(lines[k])), None)
    if h is None or any(ROW_START.match(lines[k]) for k in range(h + 1, last + 1)):
        return []
    paragraphs = [p for p in _paragraphs(lines, h, last)
                  if not _is_header(" ".join(lines[j] for j in p)) and not all(_header_words(lines[j]) for j in p)]
    names = _names_before_units(lines, paragraphs, matcher)
    return [(k, v + 1 + m) for m, k in enumerate(names)] if 0 < len(names) <= 8 else []


def _lost_lines(outline: Outline, anchors: list[tuple[int, int]], matcher: AgencyMatcher) -> list[tuple[int, int]]:
    """Rows whose numbers OCR lost in a table it read row by row (the cells of a row interleaved on its
    lines): between rows v and w > v + 1 whose number lines carry text, the lines that open with a capital
    and hold a further cell (a bar, a unit named past the name's first words opening with a capital, a
    deadline at the line's end) after two words or more of a name are the first lines of rows v + 1 …
    w - 1 when there are exactly that many. (line, row number)."""
    lines = outline.lines
    out: list[tuple[int, int]] = []
    for n, (i, v) in enumerate(anchors[:-1]):
        nxt, w = anchors[n + 1]
        if not v or not w or w <= v + 1 or not re.sub(r"^\s*\d{1,3}\s*[|.]?", "", lines[i]).strip():
            continue
        found = [k for k in range(i + 1, nxt)
                 if _opens_row(lines[k], matcher) or _opens_row(_MISREAD_NO.sub("", lines[k]), matcher)]
        if len(found) == w - v - 1:
            out.extend((k, v + 1 + m) for m, k in enumerate(found))
    return out


def _tail_rows(outline: Outline, anchors: list[tuple[int, int]], end: int,
               matcher: AgencyMatcher) -> list[tuple[int, int]]:
    """Rows whose numbers OCR lost on the page after the last numbered row, in a table read row by row: past
    the header the page repeats, the lines that open a row (`_opens_row`) are rows v + 1, v + 2 … (v the
    last number; up to four). (line, row number)."""
    if not anchors:
        return []
    i, v = anchors[-1]
    lines = outline.lines
    if not v or not re.sub(r"^\s*\d{1,3}\s*[|.]?", "", lines[i]).strip():
        return []
    h = next((k for k in range(i + 1, min(end, len(lines) - 1) + 1) if _is_header(lines[k])), None)
    if h is None:
        return []
    found = [k for k in range(h + 1, min(end, len(lines) - 1) + 1)
             if not _is_header(lines[k]) and not ROW_START.match(lines[k]) and _opens_row(lines[k], matcher)]
    return [(k, v + 1 + m) for m, k in enumerate(found)] if 0 < len(found) <= 4 else []


# a row number OCR misread as a mark or a lone capital before the name ("6_ | Tổ chức …", "T Đào tạo …" for 7)
_MISREAD_NO = re.compile(r"^\s*(?:\d{1,2}|[A-ZÀ-ỸĐ])[_.,;:]?\s*\|?\s+(?=[^\W\d_][a-zà-ỹđ])")


def _opens_row(line: str, matcher: AgencyMatcher) -> bool:
    text = line.strip()
    if len(text) < 25 or not re.match(r"[A-ZÀ-ỸĐ][a-zà-ỹđ]", text) or not text[0].isupper() or _GROUP_LINE.match(text) or _is_header(text):
        return False
    cuts = [m.start() for m in re.finditer(r"\s[_|]*\|", text)]
    cuts += [s for s, _e, _a in matcher.scan(text) if s >= 10 and text[s:s + 1].isupper()]
    cuts += [m.start() for m in DEADLINE_PHRASE.finditer(fold(text)) if m.start() >= 10 and m.end() >= len(text) - 1]
    if not cuts:
        return False
    head = text[:min(cuts)].strip(" |_")
    return len(head.split()) >= 2 and len(head) >= 8 and not _junk(head)


_GROUP_LINE = re.compile(r"^([IVX]{1,4}|[Il1]{2,3})\s*[|.]")


def _after_run_on(lines: list[str], i: int, nxt: int, matcher: AgencyMatcher | None) -> int:
    """The first line of the row whose number stands alone on line i: the number line, or, when the
    paragraph below it opens in lower case (the row before's cell run on past a page break) and the
    next paragraph that does not go on with it opens a name with a capital (not a unit's name), that
    paragraph."""
    k = i + 1
    while k < nxt and not lines[k].strip():
        k += 1
    if k >= nxt or not lines[k].strip()[:1].islower():
        return i
    # past the run-on paragraph and those that go on with it (opening in lower case or with a figure:
    # "1% - 3% doanh thu.")
    while k < nxt and (lines[k].strip()[:1].islower() or not lines[k].strip()[:1].isalpha()):
        while k < nxt and lines[k].strip():
            k += 1
        while k < nxt and not lines[k].strip():
            k += 1
    first = squash(" ".join(lines[j] for j in _paragraph(lines, k))) if k < nxt else ""
    if len(first) < 8 or not first[:1].isupper() or (matcher is not None and (
            matcher.scan(first[:20]) or _units_only(first, matcher))):
        return i
    return k


def _ends_name(line: str) -> bool:
    return bool(re.search(r"[a-zà-ỹ)”\"]\.(\s|$)", line))


def _before_next_top(lines: list[str], i: int, nxt: int) -> int:
    k = nxt - 1
    taken = 0
    while k > i and taken < 3:
        if not lines[k].strip():
            k -= 1
            continue
        if _ends_name(lines[k]) or len(lines[k].strip()) < 25:
            break
        k -= 1
        taken += 1
    return k


def _is_header(line: str) -> bool:
    f = fold(line)
    return bool(re.search(r"co quan|thoi gian|nhi[a-z]*m v[uy] .*chu tri|hoan thanh$|ten nhi[a-z]*m|ket qua hoan"
                          r"|chu tri\s+phoi hop", f)) and len(f) < 90


def _junk(text: str) -> bool:
    """OCR noise from a neighbouring column: mostly one-character tokens and symbols."""
    tokens = text.split()
    if not tokens:
        return True
    short = sum(1 for t in tokens if len(t) <= 1 or not any(c.isalpha() for c in t))
    return short > 0.4 * len(tokens)


# "của UBND tỉnh" in an output cell, "trình UBND tỉnh" (submitted to it); "chương trình, Sở …" is a new cell, and so is
# "chương trình Sở Công" (the noun's "trình": a programme, a procedure, a roadmap … ends the task's words)
_OUTPUT_CTX = re.compile(r"(cua|tich|(?<!chuong )(?<!quy )(?<!lo )(?<!cong )(?<!giao )(?<!tien )trinh)\s*$")


def _roman_groups(outline: Outline, start: int, end: int) -> list[tuple[int, str, list[int]]]:
    """Group rows ("I | Nâng cao nhận thức …"): the numeral sits mid-cell, so take the lines around it."""
    out = []
    lines = outline.lines
    expected = 1
    for i in range(start, end + 1):
        m = re.match(r"^\s*([IVX]{1,4}|[Il1]{2,3}|v(?=\s+[A-ZĐ]))\s*[|.]?\s+(?=\S)(.{20,})", lines[i])
        if not m or re.match(r"^\s*\d+\s", lines[i]) or _junk(m.group(2)):
            continue
        value = _roman(m.group(1))
        if m.group(1) != "v" and value not in (expected, expected + 1):
            continue            # not the next group: a footnote mark or a stray letter
        expected = (value if m.group(1) != "v" else expected) + 1
        parts = []
        used = [i]
        prev = i - 1
        while prev >= start and not lines[prev].strip():
            prev -= 1
        if prev >= start and not ROW_START.match(lines[prev]) and len(lines[prev]) > 40 and \
                not _ends_name(lines[prev]) and not _is_header(lines[prev]):
            parts.append(outline.line_out(prev))
            used.append(prev)
        parts.append(outline.line_out(i, m.start(2)))
        nxt = i + 1
        while nxt <= end and not lines[nxt].strip():
            nxt += 1
        if nxt <= end and len(lines[nxt].strip()) < 40 and not ROW_START.match(lines[nxt]) and \
                lines[nxt].strip()[:1].islower():
            parts.append(outline.line_out(nxt))
            used.append(nxt)
        out.append((i, squash(" ".join(parts)), used))
    return out


def _within(own: DeadlineSpec | None, group: DeadlineSpec) -> bool:
    """A row's own deadline that falls inside its group's period (any, for a group done continuously)."""
    if own is None or own.end is None:
        return own is not None and group.end is None
    if group.end is None:
        return True
    return own.end <= group.end and (group.start is None or own.start is None or own.start >= group.start)


_DUE_CAPTION = re.compile(r"nhi\S?[a-z]*m\s*v[uy]\W+(?:hoan\W*thanh|thuc\s*hien|trien\s*khai)")


def _capital_caption(outline: Outline, i: int, end: int, marks: frozenset[int], most: int,
                     blanks: bool) -> tuple[str, list[int]] | None:
    """A group row of an OCR'd task table starting on line `i`, in capitals, its letter kept or lost, wrapped in its
    cell over up to `most` lines (blank lines between them skipped when `blanks`): (caption without the letter, its
    lines), or None when line `i` opens no such row."""
    lines = outline.lines
    line = lines[i].strip()
    if i in marks or not line or line != line.upper() or sum(c.isalpha() for c in line) < 6:
        return None
    used = [i]
    k = i + 1
    while k <= end and len(used) < most:
        nxt = lines[k].strip()
        if not nxt and blanks:
            k += 1
            continue
        if not nxt or k in marks or nxt != nxt.upper() or len(nxt) > 40:
            break
        used.append(k)
        k += 1
    return re.sub(r"^[A-ZĐ]\s+(?=\S{2})", "", squash(" ".join(outline.line_out(x) for x in used))), used


def _due_groups(outline: Outline, start: int, end: int, marks: frozenset[int]) -> list[tuple[int, str, list[int]]]:
    """Group rows of a task table grouped by when its rows are due, in capitals, their letter kept or lost, wrapped
    in their cell over up to four lines ("A NHIỆM VỤ HOÀN -" / "THÀNH TRONG QUÝ" / "" / "1/2026", "NHIỆM VỤ THỰC HIỆN"
    / "THƯỜNG XUYÊN"): (line, caption, its lines), when the caption says a time (a quarter, a date, "thường xuyên")."""
    out: list[tuple[int, str, list[int]]] = []
    taken: set[int] = set()
    for i in range(start, end + 1):
        if i in taken or not (found := _capital_caption(outline, i, end, marks, 4, blanks=True)):
            continue
        caption, used = found
        if not _DUE_CAPTION.search(fold(caption)):
            continue
        spec = parse_deadline(caption)
        if spec.kind is DeadlineKind.UNKNOWN or (spec.end is None and spec.kind not in (DeadlineKind.CONTINUOUS,
                                                                                        DeadlineKind.RECURRING)):
            continue
        taken.update(used)
        out.append((i, caption, used))
    return out


def _unit_groups(outline: Outline, start: int, end: int, marks: frozenset[int],
                 matcher: AgencyMatcher) -> dict[int, tuple[str, str, list[int]]]:
    """Group rows of a task table with no lead column that name the unit leading the rows below them, in capitals, their
    letter kept or lost, wrapped in their cell ("A ĐẢNG ỦY SỞ KHOA HỌC VÀ" / "CÔNG NGHỆ", "ĐẢNG ỦY SỞ TÀI CHÍNH"): line →
    (caption, the unit's name, the caption's lines), when the caption is a registry unit or a party body whole."""
    out: dict[int, tuple[str, str, list[int]]] = {}
    taken: set[int] = set()
    for i in range(start, end + 1):
        if i in taken or not (found := _capital_caption(outline, i, end, marks, 3, blanks=False)):
            continue
        caption, used = found
        if (unit := _group_unit(caption, matcher)):
            taken.update(used)
            out[i] = (caption, unit, used)
    return out


def _roman(token: str) -> int:
    values = {"i": 1, "l": 1, "1": 1, "v": 5, "x": 10}
    nums = [values.get(c, 0) for c in token.lower()]
    return sum(-n if k + 1 < len(nums) and n < nums[k + 1] else n for k, n in enumerate(nums))


ROW_START = re.compile(r"^\s*\d{1,3}\s*[|.]?\s")


def _ocr_row(outline: Outline, lo: int, hi: int, anchor: int, no: int, group: str | None,
             matcher: AgencyMatcher, warnings: list[str], exclude: frozenset[str] = frozenset(),
             skip: frozenset[int] = frozenset(), rows: frozenset[int] = frozenset(), last: bool = False) -> Task:
    lines = outline.lines[lo:hi + 1]
    task = Task(name="", group=group, no=str(no), source=SourceSpan(lo + 1, hi + 1), confidence=0.45)
    _ocr_deadline(outline, task, lo, hi, anchor)
    # a group row ('V | Đẩy mạnh …') between the row's lines and its number ends the row there: the units
    # named past it are the next rows' (its lines are blanked for the lead, so lines keep their places)
    after = min((k for k in skip if anchor < k <= hi), default=hi + 1)
    before = max((k for k in skip if lo <= k < anchor), default=lo - 1)
    bodies = [("" if not before < lo + k < after else
               _unglue(re.sub(r"^\s*\d{1,3}\s*[.|]?\s*[|]?\s*", lambda m: " " * len(m.group(0)), line))
               if lo + k == anchor else _unglue(line)) for k, line in enumerate(lines)]
    below = [_unglue(x) for x in outline.lines[hi + 1:hi + 4]] if after > hi else []
    cells = [c for c in matcher.scan_cells(bodies)
             if not _OUTPUT_CTX.search(fold(bodies[c.line])[max(0, c.col - 25):c.col]) and not _co_so(bodies, c)]
    # the end of a split name may fall just below the row's lines (cells are taller than the task)
    for c in matcher.scan_tail_cells(bodies + below, heads=len(bodies)):
        if not any(m.line == c.line and abs(m.col - c.col) < 8 for m in cells):
            cells.append(c)
    center = anchor - lo
    split = [] if cells else [c for c in _split_heads([*bodies, *below[:2]], len(bodies), matcher, [])
                              if not _OUTPUT_CTX.search(fold(bodies[c.line])[max(0, c.col - 25):c.col])
                              and not _co_so(bodies, c)]
    if not cells and not split:
        # The lead cell may sit just outside the row's lines (cells are taller than the task text).
        # (not from another row's number line, nor from the line below that opens the next row's task text:
        # those lines' names are their rows' own)
        bodies = [outline.lines[k] for k in (*range(max(0, lo - 2) if before < lo else lo, lo),
                                             *range(hi + 1, min(hi + 2, len(outline.lines)) if after > hi else hi + 1))
                  if k not in rows and k not in skip and not (k > hi and _opens_row(outline.lines[k], matcher))]
        cells = matcher.scan_cells(bodies)
        center = -1000
    if center != -1000:
        more = [*bodies, *below[:2]]
        cells = [c if (x := _whole_name(c, more, matcher)) is None or x.agency.code in exclude else x for c in cells]
        cells += split or [c for c in _split_heads(more, len(bodies), matcher, cells)
                           if not _OUTPUT_CTX.search(fold(bodies[c.line])[max(0, c.col - 25):c.col])
                           and not _co_so(bodies, c)]
    cells = [c for c in cells if c.agency.code not in exclude] or cells
    cells = [c for c in cells if not _torn(c, bodies, matcher) and not _barred(c, bodies)]
    pick = _pick_lead(cells, bodies, center, matcher, last)
    if pick is not None and center != -1000 and ((short := _unknown_short_name(pick, bodies, matcher)) is not None or
                                                 (short := _unknown_kind_cell(pick, bodies, matcher)) is not None):
        # the lead's cell holds a short name the registry does not know: its neighbour is no lead
        task.lead = short
        task.coordinators = list(dict.fromkeys(c.agency.name for c in cells))
        warnings.append(f"Không nhận ra cơ quan chủ trì “{short}” (nhiệm vụ {no}).")
    elif pick is not None:
        task.lead_code, task.lead = pick.agency.code, pick.agency.name
        for c in cells:
            if c.agency.code != pick.agency.code and c.agency.name not in task.coordinators:
                task.coordinators.append(c.agency.name)
        task.confidence = 0.6
    elif (cut := _cut_unit(outline.lines[lo:hi + 1], matcher, exclude)) is not None:
        task.lead_code, task.lead = cut.code, cut.name
        task.confidence = 0.5
    else:
        warnings.append(f"Dòng {no or 'không số'} của phụ lục nhiệm vụ: không nhận ra cơ quan chủ trì.")
    if (task.lead is None or re.match(r"(?:uy ban nhan dan|ubnd)\b", fold(task.lead))) and \
            (adviser := _advising_unit(bodies, below, matcher)) is not None and adviser.code != task.lead_code:
        # "UBND xã (Phòng Kinh tế tham mưu)": the office that advises the committee does the work and leads (as
        # `_assign` reads it); only where the committee, or no unit, was read as the lead
        task.lead_code, task.lead = adviser.code, adviser.name
        task.coordinators = [c for c in task.coordinators if c != adviser.name]
        task.confidence = min(max(task.confidence, 0.5), 0.6)
    task.name = _ocr_name(outline, lo, hi, anchor, matcher, skip)
    return task


# an advising unit's bracket: "(" opening a name ... "tham mưu)" closing it, "tham" possibly ending a line (folded)
_ADVISE_OPEN = re.compile(r"\(\s*(?=[^\W\d_])")
_ADVISE_END = re.compile(r"(?<![a-z])tham(?![a-z])")


def _advising_unit(bodies: list[str], below: list[str], matcher: AgencyMatcher) -> Agency | None:
    """The unit a row's lead cell names in brackets as advising ("UBND xã (Phòng Kinh tế tham mưu)"), also when OCR
    read the narrow cell down the row's lines among the other columns' words ("xã (Phòng" / "Kinh tế tham" / "mưu)",
    "xã (Văn" / "phòng HĐND" / "và UBND" / "xã tham mưu)"): the name is made of the words after "(" on its line, a run
    of words on each line below (none, or any run that goes on with a name the registry holds) and those just before
    "tham"; the unit the registry holds whole under the name taking most words, when only one does. The bracket opens on the row's lines
    and may close on the few `below` them (a cell taller than the task's)."""
    n = len(bodies)
    bodies = [*bodies, *below]
    folded = [fold(x) for x in bodies]
    for first, f in enumerate(folded[:n]):
        for opener in _ADVISE_OPEN.finditer(f):
            close = next(((k, e.start()) for k in range(first, min(first + 8, len(bodies)))
                          if (e := _ADVISE_END.search(folded[k], opener.end() if k == first else 0)) is not None
                          and re.search(r"\bmuu\s*\)", " ".join(folded[k:k + 2]))), None)
            if close is None:
                continue
            last, stop = close
            head = bodies[first][opener.end():stop if last == first else len(bodies[first])].split("|")[0]
            names = [squash(head)]
            for k in range(first + 1, last + 1):
                words = bodies[k][:stop].split() if k == last else bodies[k].replace("|", " | ").split()
                runs: list[list[str]] = [[]] + [words[a:b] for a in range(len(words)) for b in range(a + 1, len(words) + 1)
                               if "|" not in words[a:b] and (k != last or b == len(words))]
                names = [n for n in dict.fromkeys(squash(f"{name} {' '.join(run)}") for name in names for run in runs)
                         if matcher.opens_name(n)][:200]
            whole = [(len(n.split()), hit.agency) for n in names
                     if (hit := matcher.match(n)).agency is not None and hit.score >= 100]
            # the name that takes the most of the cell's words ("Văn phòng HĐND và UBND xã", not "Văn phòng UBND xã")
            most = {a.code: a for w, a in whole if w == max(w for w, _a in whole)}
            if len(most) == 1:
                return next(iter(most.values()))
    return None


_WORD = re.compile(r"[a-z0-9]+")

# a unit's kind run into its name in a narrow cell ("SởNội" / "vụ", "BộTài chính"): a capital inside a word
# never opens a Vietnamese syllable, so after "Sở", "Bộ", "Ban", "Phòng", "Cục", "Viện" it starts the name
_GLUED_KIND = re.compile(r"(?<![^\W\d_])(S[ởo]|B[ộo]|Ban|Ph[òo]ng|C[ụu]c|Vi[ệe]n)(?=[A-ZÀ-ỸĐ][a-zà-ỹđ])")


def _unglue(line: str) -> str:
    return _GLUED_KIND.sub(r"\1 ", line)


def _whole_name(cell: CellMention, bodies: list[str], matcher: AgencyMatcher) -> CellMention | None:
    """A unit's name split down its cell and read as a shorter one, or as another the registry also holds:
    'Ủy ban' / 'nhân dân' / 'xã' and 'Ủy ban' / 'Kiểm tra' / 'Đảng ủy xã' read as the province's body of the
    same title, 'Sở Công' / 'Thương' as "Các sở", 'Văn phòng' / 'Ủy ban nhân dân tỉnh' as the UBND. The
    cell goes on below its last piece, or began above its head, with words that make a longer name the
    registry holds whole (one to three words in a row, from about the piece's column): that name, its
    pieces with the words taken."""
    def near(line: int, col: int) -> list[re.Match[str]]:
        return [m for m in _WORD.finditer(matcher.repaired_key(bodies[line])) if col - 12 <= m.start() <= col + 12]

    def runs(toks: list[re.Match[str]]) -> list[tuple[int, list[str]]]:
        return [(toks[a].start(), [t.group(0) for t in toks[a:n]])
                for a in range(len(toks)) for n in range(a + 1, min(a + 3, len(toks)) + 1)]

    def seen_of(words: list[str]) -> list[str]:
        """The words of one of the unit's names as they stand in the cell's pieces."""
        seen: list[str] = []
        for ln, col in cell.parts:
            # (the pieces' columns are those of the repaired key, near the line's only)
            toks = [m.group(0) for m in _WORD.finditer(matcher.repaired_key(bodies[ln])) if m.start() >= col - 4]
            k = next((k for k, t in enumerate(toks[:3]) if len(seen) < len(words) and t == words[len(seen)]),
                     len(toks))
            while k < len(toks) and len(seen) < len(words) and toks[k] == words[len(seen)]:
                seen.append(toks[k])
                k += 1
        return seen

    seen = max((seen_of(_WORD.findall(fold(n))) for n in (cell.agency.name, *cell.agency.aliases)), key=len)
    heads = [(cell.col, seen)] if len(seen) >= 2 else []
    if len(cell.parts) == 1:
        # the name read may not be the words that stand there (a repaired word): the head's words
        own = [m for m in _WORD.finditer(matcher.repaired_key(bodies[cell.line])) if m.start() >= cell.col]
        heads += [(own[a].start(), [t.group(0) for t in own[a:a + n]]) for a in range(len(own))
                 if own[a].start() <= cell.col + 4 for n in (2, 3) if a + n <= len(own)]
    last, col = cell.parts[-1]
    below = next((k for k in range(last + 1, min(last + 3, len(bodies))) if bodies[k].strip()), None)
    above = next((k for k in range(cell.line - 1, max(cell.line - 3, -1), -1) if bodies[k].strip()), None)

    def longer(text: list[str]) -> Agency | None:
        agency = matcher._lookup(" ".join(text))      # exact names only (no fuzzy match: it is slow)
        return agency if agency is not None and agency.code != cell.agency.code else None

    for start, head in heads:
        if below is not None:
            for at, more in runs(near(below, col)):
                if (agency := longer([*head, *more])) is not None:
                    return CellMention(cell.line, start, agency, ((cell.line, start), *cell.parts[1:], (below, at)))
        if above is not None and len(heads) == 1:
            for at, more in runs(near(above, cell.col)):
                if (agency := longer([*more, *head])) is not None:
                    return CellMention(above, at, agency, ((above, at), *cell.parts))
    return None


_PREFIXES: weakref.WeakKeyDictionary[AgencyMatcher, frozenset[str]] = weakref.WeakKeyDictionary()


def _prefixes(matcher: AgencyMatcher) -> frozenset[str]:
    """The keys of the registry's names cut after each of their words (the whole key too)."""
    got = _PREFIXES.get(matcher)
    if got is None:
        out: set[str] = set()
        for key in matcher._keys:
            words = key.split()
            out.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
        got = _PREFIXES[matcher] = frozenset(out)
    return got


# the words that open a unit's name by its kind, alone on a line a name split down a narrow cell
_KIND_WORDS = frozenset({"phong", "so", "ban", "cuc", "vien"})


def _split_heads(bodies: list[str], heads: int, matcher: AgencyMatcher, cells: list[CellMention]) -> list[CellMention]:
    """Units' names split down their cells from a head the cell scan does not know ("Liên minh" / "Hợp tác xã"
    / "tỉnh", "Hội Nông" / "dân tỉnh"): two words opening with a capital that begin a registry name and no
    more (and the words after them on their line that go on with the name), on one of the row's first `heads`
    lines, gone on with on the next lines (one to four words in a row,
    the lines' columns being near only) to a name the registry holds whole; or, in a narrow cell beside another
    unit's, from a kind's word alone ("Phòng Trung" / "Tư pháp tâm Phục": up to five lines)."""
    prefixes = _prefixes(matcher)
    taken = {(ln, col) for c in cells for ln, col in c.parts}
    out: list[CellMention] = []
    for k in range(heads):
        toks = list(_WORD.finditer(matcher.repaired_key(bodies[k])))
        for a in range(len(toks)):
            col = toks[a].start()
            words = [t.group(0) for t in toks[a:a + 2]]
            if len(words) < 2 or " ".join(words) not in prefixes:
                # a narrow lead cell beside another unit's ('Phòng Trung' / 'Quản lý tâm Công' / 'khoa học
                # nghệ'): its kind's word alone heads it, the next word on its line opening the next cell
                # (a capital or a bar: not "Ban hành", "Số hóa")
                # (the key's columns are the line's only approximately: the line's word nearest the head's)
                # (only for a kind's word: finding the line's word is the costly part, on every token of every row)
                after = "-"
                if words[0] in _KIND_WORDS:
                    raw = min(re.finditer(r"\S+", bodies[k]), key=lambda m: abs(m.start() - col), default=None)
                    after = bodies[k][raw.end():].lstrip() if raw is not None and abs(raw.start() - col) <= 2 else "-"
                words = words[:1] if words[0] in _KIND_WORDS and (not after or after[0] == "|" or after[0].isupper()) \
                    else []
            # the head goes on along its line while it is the start of a name ("Khoa Khoa học | Phòng …" / "… | cơ bản")
            e = a + len(words)
            while len(words) >= 2 and e < len(toks) and toks[e].start() - toks[e - 1].end() <= 2 and \
                    " ".join([*words, toks[e].group(0)]) in prefixes:
                words.append(toks[e].group(0))
                e += 1
            if not words or not bodies[k][col:col + 1].isupper() or " ".join(words) not in prefixes or \
                    matcher._lookup(" ".join(words)) is not None or any(ln == k and abs(c - col) <= 3 for ln, c in taken):
                continue
            parts = [(k, col)]
            line = k
            found = None
            while found is None and len(parts) <= (3 if len(words) >= 2 else 5):
                line = next((j for j in range(line + 1, min(line + 3, len(bodies))) if bodies[j].strip()), -1)
                if line < 0:
                    break
                near = [m for m in _WORD.finditer(matcher.repaired_key(bodies[line])) if col - 20 <= m.start() <= col + 12]
                # the words nearest the piece above's column: a whole name first, else a longer start of one
                whole, going = [], []
                for b in range(len(near)):
                    for n in range(b + 1, min(b + 4, len(near)) + 1):
                        text = " ".join([*words, *(m.group(0) for m in near[b:n])])
                        if text in matcher._keys:
                            whole.append((abs(near[b].start() - parts[-1][1]), b - n, b, n))
                        elif text in prefixes:
                            going.append((abs(near[b].start() - parts[-1][1]), b - n, b, n))
                if not whole and not going:
                    break
                _d, _len, b, n = min(whole or going)
                if whole:
                    found = matcher._keys[" ".join([*words, *(m.group(0) for m in near[b:n])])]
                parts.append((line, near[b].start()))
                words += [m.group(0) for m in near[b:n]]
            if found is not None:
                out.append(CellMention(k, col, found, tuple(parts)))
    return out


def _cut_unit(lines: list[str], matcher: AgencyMatcher, exclude: frozenset[str]) -> Agency | None:
    """A unit's name that a page break (or OCR) cut after its first words: a line of its own, opening with a
    capital, that is the start of one registry name only ("Bộ Khoa" / … next page: "học và Công nghệ")."""
    for line in lines:
        text = line.strip(" ,;|")
        words = fold(text).split()
        if not 2 <= len(words) <= 3 or not text[:1].isupper():
            continue
        owners = {a.code: a for a in matcher.registry if a.code not in exclude and not a.kind.endswith("_legacy")
                  and (name := fold(a.name).split())[:len(words)] == words and len(name) > len(words)}
        if len(owners) == 1:
            return next(iter(owners.values()))
    return None


def _barred(c: CellMention, bodies: list[str]) -> bool:
    """A name read across a cell's border: a bar stands right after its first word on its head's line ('… đặt |
    học và Hợp tác', read 'Đại học' with its word repaired): the words are two cells', no name (a name of one
    word, or one split down its cell onto the next line, is none such)."""
    if not 0 <= c.line < len(bodies) or all(len(fold(n).split()) < 2 for n in (c.agency.name, *c.agency.aliases)):
        return False
    # (the key's columns are the line's only approximately: the line's word nearest the head's)
    raw = min(re.finditer(r"\S+", bodies[c.line]), key=lambda m: abs(m.start() - c.col), default=None)
    return raw is not None and abs(raw.start() - c.col) <= 2 and len(c.parts) == 1 and \
        re.match(r"\s*\|", bodies[c.line][raw.end():]) is not None


def _co_so(bodies: list[str], c: CellMention) -> bool:
    """'… các cơ' / 'sở giáo dục đại học': a 'Sở' opening a line whose task text above ends with 'cơ' is
    the sentence's 'cơ sở' (an institution), not a department."""
    if c.col > 2 or not fold(bodies[c.line][c.col:]).lstrip().startswith(("so ", "s& ", "s0 ")):
        return False
    above = next((x for x in reversed(bodies[:c.line]) if x.strip()), "")
    return bool(re.search(r"(?<![a-z])co\s*$", fold(above.split("|")[0])))


# the end of a deadline cell read on the same line as the task's first words ("… | Hằng quý Sở Công")
_AFTER_DEADLINE = re.compile(r"(?:(?<!\d)20[2-4]\d|\bhang\s*(?:ngay|tuan|thang|quy|nam)|\bthuong\s*xuyen"
                             r"|\bdinh\s*ky)\s*[|,.;:-]?\s*$")

# a 'Cấp trình' cell (the level a draft goes to) read on the same line as the task's first words, no comma or
# word between it and the next name ("Đề án thu hút, Tỉnh ủy Sở Nội vụ | …")
_AFTER_LEVEL = re.compile(r"(?<![a-z])(?:tinh\s*uy|thanh\s*uy|huyen\s*uy|(?:chu\s*tich\s*)?(?:hdnd|ubnd)(?:\s*tinh)?"
                          r"|chinh\s*phu|quoc\s*hoi|bo\s*chinh\s*tri)\s*[|]?\s*$")


def _rest_words(c: CellMention, key: str) -> list[list[str]]:
    """The words of the unit's name, and of each alias, that its head piece, at the start of `key`, does not
    hold: what a cell split over lines goes on with ('Sở Khoa học' → 'và công nghệ'); also from the head's last
    word when OCR's noise stands before it (read as the name's next word: 'Sở Nông nghiệp , ) A' → 'và')."""
    toks = list(_WORD.finditer(key))
    out = []
    for name in (c.agency.name, *c.agency.aliases):
        words = _WORD.findall(fold(name))
        n = 0
        while n < len(words) and n < len(toks) and toks[n].group(0) == words[n]:
            n += 1
        if not n or n == len(words):
            continue
        if len(words) - n >= 2:
            out.append(words[n:])
        if n >= 2 and toks[n - 1].start() - toks[n - 2].end() > 1:
            out.append(words[n - 1:])
    return out


def _goes_on_before(a: CellMention, b: CellMention, bodies: list[str], matcher: AgencyMatcher,
                    in_cell: Callable[[int, int], bool]) -> bool:
    """The words that go on with a's name, split down its cell from a line above ('Sở Khoa học' / … /
    '| và Công Các sở, ngành,'), stand just before b on one of b's lines where a has no piece in a cell: a's
    cell is left of b's there. At least two words, the next ones of a's name in order (the last may be cut:
    'và Con')."""
    if not 0 <= a.line < len(bodies):
        return False
    rests = _rest_words(a, matcher.repaired_key(bodies[a.line])[a.col:])
    for ln, col in b.parts if rests else ():
        if ln <= a.line or ln >= len(bodies) or any(x == ln and in_cell(x, c) for x, c in a.parts):
            continue
        before = [m.group(0) for m in _WORD.finditer(matcher.repaired_key(bodies[ln])) if m.end() <= col]
        for rest in rests:
            for n in range(min(3, len(rest), len(before)), 1, -1):
                got = before[-n:]
                if got[:-1] == rest[:n - 1] and (got[-1] == rest[n - 1] or
                                                 (len(got[-1]) >= 3 and rest[n - 1].startswith(got[-1]))):
                    return True
    return False


# a cell of its own between bars holding a short name in capitals ("| TTDL |", "| TT CNTT&TT |")
_SHORT_CELL = re.compile(r"(?:^|\|)\s*([A-ZĐ][A-ZĐ0-9&.-]{1,11}(?:\s[A-ZĐ][A-ZĐ0-9&.-]{1,11})?)\s*\|\s*")


def _unknown_short_name(pick: CellMention, bodies: list[str], matcher: AgencyMatcher) -> str | None:
    """A short name in capitals that the registry does not know ('TTDL', 'BQLDA'), alone in its cell between
    bars just before the unit picked as lead on the pick's line: the lead is that unit, not the one after it."""
    line = bodies[pick.line] if 0 <= pick.line < len(bodies) else ""
    # (the pick's column is its repaired key's, near the line's only)
    m = next((m for m in _SHORT_CELL.finditer(line) if abs(m.end() - pick.col) <= 4), None)
    if m is None:
        return None
    short = m.group(1).strip(".-")
    if sum(ch.isupper() for ch in short) < 3 or re.fullmatch(r"[IVXL]+", short) or \
            matcher.match(short).score >= 100 or matcher.scan(short):
        return None
    return short


# a cell opening with the kind of a central body's unit and its capitalised name ("Cục Quản lý", "Vụ Kế hoạch")
_KIND_CELL = re.compile(r"(?:^|\|)\s*((?:T[ổo]ng\s+c[ụu]c|C[ụu]c|V[ụu])\s+[A-ZÀ-ỸĐ][^|]{1,40}?)\s*(?:\||$)")


def _unknown_kind_cell(pick: CellMention, bodies: list[str], matcher: AgencyMatcher) -> str | None:
    """A cell between bars just before the unit picked as lead on the pick's line that opens with a central body's
    unit kind and a capitalised name the registry does not know ('| Cục Quản lý | Sở Y tế các', the lead column
    before the coordinators'): the lead is that unit, named as read, not the known unit after it."""
    line = bodies[pick.line] if 0 <= pick.line < len(bodies) else ""
    # (the pick's column is its repaired key's, near the line's only)
    m = next((m for m in _KIND_CELL.finditer(line[:pick.col + 3]) if abs(m.end() - pick.col) <= 4), None)
    if m is None or matcher.scan(m.group(1)) or matcher.match(m.group(1)).score >= 90:
        return None
    return squash(m.group(1))


def _torn(c: CellMention, bodies: list[str], matcher: AgencyMatcher) -> bool:
    """One word of a name ('Sở', other words after it on its line: 'o Ban quản lý') made the name with the
    first words of a full line of the task's text below it ('Xây dựng kế hoạch …'): the task's words,
    not a cell."""
    if len(c.parts) < 2 or not 0 <= c.line < len(bodies):
        return False
    head = _WORD.findall(matcher.repaired_key(bodies[c.line])[c.col:])[:2]
    if len(head) < 2 or any(fold(n).split()[:2] == head for n in (c.agency.name, *c.agency.aliases)):
        return False
    return all(ln < len(bodies) and len(bodies[ln].rstrip()) >= 60 and col < 35 and not bodies[ln][:col].strip()
               for ln, col in c.parts[1:])


def _pick_lead(cells: list[CellMention], bodies: list[str], center: int,
               matcher: AgencyMatcher | None = None, last: bool = False) -> CellMention | None:
    """The lead is the left-most unit cell after the task text. Columns of OCR'd lines are comparable
    only on one line, so two names are ordered where pieces of both stand on the same line (also where the
    words that go on with a name split down its cell stand just before the other: `_goes_on_before`); cells
    are centred on the row's number line, so among unordered names the one nearest it wins. With `last` (the table
    names the units a row is done to before the one that does it: 'Đơn vị được kiểm tra | Cơ quan chủ trì kiểm tra'), the
    right-most unit cell wins."""
    if not cells:
        return None

    def prose(line: int, col: int, opening: bool = False) -> bool:
        """Inside the task's own sentence: early on a full line, after a word of prose (or, for a piece
        of a split name, opening the line: the task column is the first)."""
        text = bodies[line] if 0 <= line < len(bodies) else ""
        if len(text.rstrip()) < 60 or col >= 35 or text[:col].rstrip().endswith("|"):
            return False        # (a bar just before it: OCR saw a cell start there)
        if _AFTER_DEADLINE.search(fold(text[:col])):
            return False        # just after the deadline's cell ("Quý IV/2025 Sở Nông"): the next column
        if _AFTER_LEVEL.search(fold(text[:col])):
            return False        # just after the level a text goes to ("Tỉnh ủy Sở Nội vụ"): the next column
        return not text[:col].strip() if opening else re.search(r"[a-zà-ỹđ]{3,}", text[:col]) is not None

    def split_cell(c: CellMention) -> bool:
        """A name going on below at about its own column ("Bộ Thông" / "tin và"), not at the start of
        the next line as a sentence would: a cell, whatever the width of the task column."""
        return len(c.parts) >= 2 and all(col >= 8 and abs(col - c.col) <= 15 for _ln, col in c.parts[1:])

    def in_cell(line: int, col: int) -> bool:
        return not prose(line, col) and not prose(line, col, opening=True)

    def col_on(c: CellMention, line: int) -> int | None:
        # (a name split down its cell is a cell on each of its lines, early on a long one too)
        return next((col for ln, col in c.parts if ln == line and (in_cell(ln, col) or split_cell(c))), None)

    def left_of(a: CellMention, b: CellMention) -> bool:
        if matcher is not None:
            if _goes_on_before(a, b, bodies, matcher, in_cell):
                return True
            if _goes_on_before(b, a, bodies, matcher, in_cell):
                return False
        for ln, col in a.parts:
            other = col_on(b, ln)
            if other is not None and other != col and (in_cell(ln, col) or split_cell(a)):
                return col < other
        # no line in common: compare columns only between full lines (the task text stands before both)
        if all(x.line < len(bodies) and len(bodies[x.line].rstrip()) >= 60 and x.col >= 35 for x in (a, b)):
            return a.col + 6 <= b.col
        return False

    def lower(c: CellMention) -> bool:
        """Named from its first word in lower case ("… các trường đại học …"): the sentence's words, as a cell
        opens with a capital (the end of a split name, "và Công nghệ", is no such first word)."""
        text = bodies[c.line] if 0 <= c.line < len(bodies) else ""
        if not text[c.col:c.col + 1].islower():
            return False
        word = fold(text[c.col:].split(" ", 1)[0])
        return any(fold(n).split(" ", 1)[0] == word for n in (c.agency.name, *c.agency.aliases))

    def opens_line(c: CellMention) -> bool:
        """Named from the start of the lines below a number line that opens the task's text, with no blank line
        between ("11 | Xây dựng, trình" / "Hội đồng nhân …" / "dân tỉnh …"): the row's cells share its lines and
        the task's column is the first, so a name wrapped down the lines' starts is the task's words."""
        return 0 <= center < c.line < len(bodies) and bool(bodies[center].strip()) and \
            all(bodies[k].strip() for k in range(center, c.line)) and len(c.parts) >= 2 and \
            all(ln < len(bodies) for ln, _col in c.parts) and \
            all(not bodies[ln][:col].strip() for ln, col in c.parts) and \
            len(bodies[c.line].rstrip()) > c.col + 12 + len(c.agency.name) // 2

    def crosses(c: CellMention) -> bool:
        """Named from the start of a line below the number line, going on below after other words of that
        line ('Trung tâm | Quản lý' / 'Hỗ trợ khởi | công nghệ'): the line's start is the task's column and
        the words below another column's, not one cell split down its lines."""
        return 0 <= center < c.line and c.col <= 1 and len(c.parts) >= 2 and \
            all(ln < len(bodies) and bodies[ln][:col].strip() for ln, col in c.parts[1:])

    def rank(c: CellMention) -> tuple[bool, bool, bool, int, int, bool, int, int]:
        beaten = sum(1 for o in cells if o.agency.code != c.agency.code and (left_of(c, o) if last else left_of(o, c)))
        near = min((abs(ln - center) for ln, col in c.parts if in_cell(ln, col)),
                   default=abs(c.line - center))
        return (lower(c), opens_line(c) or crosses(c), prose(c.line, c.col) and not split_cell(c), beaten, max(near - 1, 0),
                c.agency.kind == "group", near, c.col)

    return min(cells, key=rank)


# "số" before a document's number ("Quyết định số 79/2021"); not "hồ sơ" or "cơ sở", which fold alike ("… lưu trữ hồ sơ
# 30/6/2027": the row's deadline after its name)
_DOC_NUMBER = re.compile(r"(?<![a-z])(?<!ho )(?<!co )so\s*$")
# "Quý IV năm" with no year after it: a quarter whose cell wrapped, its year on a line below
_QUARTER_CUT = re.compile(r"(?<![a-z])quy\s+(?:i{1,3}|iv|[1-4])\s+n[a-z]{1,2}m(?![a-z])(?!\s*\d)")
_YEAR_CELL = re.compile(r"(?:^|[|\s])(20[2-4]\d)(?=\s|\||$)")


# a quarter's cell cut before its numeral and year: "… Quý III - Quý" / "… IV/2026", "… phối Quý" / "… II/2026"
_QUARTER_OPEN = re.compile(r"(?<![a-z])quy(?:\s+(?:i{1,3}|iv|[1-4])\s*(?:-|–|den)\s*quy)?\s*$")
_QUARTER_CLOSE = re.compile(r"(?:^|\s)((?:i{1,3}|iv|[1-4])\s*/\s*20[2-4]\d)\s*$")


def _wrapped_quarter(outline: Outline, folded: list[str], lo: int) -> str | None:
    """A quarter's cell wrapped in an OCR'd row ("… | Quý IV năm Phòng …" / "… | 2026 lý …"): the quarter's
    words and the first year standing as a word of its own on one of the next two lines (none: no such year);
    or the cell cut before its numeral, which ends one of the next two lines ("Quý III - Quý" / "… IV/2026")."""
    for k, f in enumerate(folded):
        if (m := _QUARTER_OPEN.search(f)) is None:
            continue
        for j in range(k + 1, min(k + 3, len(folded))):
            if (cm := _QUARTER_CLOSE.search(folded[j])) is not None:
                return squash(outline.line_out(lo + k, m.start(), m.end()) + " " +
                              outline.line_out(lo + j, cm.start(1), cm.end(1)))
    for k, f in enumerate(folded):
        m = _QUARTER_CUT.search(f)
        if m is None:
            continue
        for j in range(k + 1, min(k + 3, len(folded))):
            ym = _YEAR_CELL.search(folded[j])
            if ym is not None:
                return squash(outline.line_out(lo + k, m.start(), m.end()) + " " +
                              outline.line_out(lo + j, ym.start(1), ym.end(1)))
        return None
    return None


_BARE_YEAR = re.compile(r"(?:^|[|\s])(20[2-4]\d)\s*$")
# a span's first year and its dash, the end year wrapped below: the line ends there, or a bar or the next cell's
# figure follows ("2026 - 420 Ngân sách", "2026- 185,5 Xã hội hóa,")
_SPAN_OPEN = re.compile(r"(?:^|[|\s])(20[2-4]\d)\s*[-–]\s*(?:$|\||(?!(?:19|20)\d\d)\d{1,4}(?:[,.]\d+)?(?:\s|$))")
# "Năm" opening a cell, its year wrapped below: the line ends there, or a bar or the next cell's figure follows
_YEAR_WORD_OPEN = re.compile(r"(?:^|[|\s])(N[aă]m|NĂM)\s*(?:$|\||(?!(?:19|20)\d\d)\d{1,4}(?:[,.]\d+)?(?:\s|$))")
_YEAR_AND = re.compile(r"(?:^|[|\s])(20[2-4]\d)\s+va\s*$")


_HALF_HEAD = re.compile(r"(?<![\d/])(?:6|sau)\s*thang\s*(?:dau|cuoi)(?!\s*n[a-z&]{1,3}m)")
_HALF_YEAR_END = re.compile(r"(?<![\d/])(?:6|sau)\s*thang\s*(?:dau|cuoi)\s*n[a-z&]{1,3}m\s*$")
_YEAR_PHRASE = re.compile(r"n[a-z&]{1,3}m\s*20\d\d")


_PERIOD_CELL = re.compile(r"(?<![\w/])(?:\d{1,2}|[ivxl1]{1,4})\s*/\s*20\d\d(?![\w/])")


def _period_titles(folded: str) -> bool:
    """'TT | Nhiệm vụ | Đơn vị Đơnvị | Quý Quý Quý Quý Năm' / 'chủ trì phối 1/2026 |1I1/2026 |III/2026 |IV/2026 | 2027':
    a schedule's header line (its period columns' titles), three periods or more and no word but a header's."""
    words = [w for w in re.findall(r"[a-z]+", folded) if not re.fullmatch(r"[ivxl]{1,4}", w)]
    return (len(_PERIOD_CELL.findall(folded)) >= 3 or PERIOD_COLUMNS.search(folded) is not None) and \
        all(w in _HEADER_WORDS or w in ("quy", "thang", "nam") for w in words)


# a month's or a quarter's time closing a line with the word joining it to a later one ("10/2025 đến", "Tháng 12/2025
# và"), or alone at the line's end; and the later one ending a line below, after its joining word when it stands there
# ("tháng 5/2026", "… và tháng 3/2026")
_JOIN_OPEN = re.compile(r"\s*(den|va)?\s*\|?\s*$")
_JOIN_CLOSE = re.compile(r"(?<![a-z])(den\s+|va\s+)?((?:thang|quy)\s*(?:[ivx]{1,4}|\d{1,2})\s*/\s*20\d\d)\s*\|?\s*$")


def _wrapped_later_time(outline: Outline, folded: list[str], lo: int, k: int, a: int, b: int) -> str | None:
    """The later of two times a cell names, wrapped in its column: the phrase found (a month or a quarter with its
    year) closes its line, with 'đến'/'và' after it or with the joining word opening the later one, which ends one of
    the next two lines ('Từ tháng' / '10/2025 đến' / 'tháng 5/2026'; 'Tháng 12/2025' / '… và tháng 3/2026'); None
    when no such later time follows or it is no later."""
    opening = _JOIN_OPEN.match(folded[k], b)
    if opening is None or not re.search(r"\d\s*/\s*20\d\d$", folded[k][a:b].strip()):
        return None
    first = parse_deadline(squash(outline.line_out(lo + k, a, b)))
    for j in range(k + 1, min(k + 3, len(folded))):
        if (end := _JOIN_CLOSE.search(folded[j])) is not None and (opening.group(1) or end.group(1)):
            text = squash(outline.line_out(lo + j, end.start(2), end.end(2)))
            text = text[:1].upper() + text[1:]
            spec = parse_deadline(text)
            if first.end is not None and spec.end is not None and spec.end > first.end:
                return text
            return None
    return None


# a year's phrase ("Năm 2026", "2026") and a dash closing its cell: the line ends, a bar or the next cell's first word
# follows ("Năm 2026 - Lồng ghép …", "|Năm 2026- |Phòng Tổ")
_YEAR_SPAN_OPEN = re.compile(r"\s*[-–]\s*(?:$|\||(?=[A-ZĐÀ-Ỹ]))")
_YEAR_PHRASE_ONLY = re.compile(r"(?:nam\s*)?20[2-4]\d")


def _wrapped_span_end(folded: list[str], line: str, k: int, a: int, b: int) -> tuple[int, re.Match[str]] | None:
    """The end of a span of years whose cell wrapped after its first year's dash ("Năm 2026 -" / "2027"): the first
    year standing as a word of its own further on or on the next two lines, after the first and within ten years, not in the
    task's words ("đến năm 2030"); None when the phrase is no year's or no dash follows it."""
    phrase = folded[k][a:b].strip()
    if not _YEAR_PHRASE_ONLY.fullmatch(phrase) or _YEAR_SPAN_OPEN.match(line, b) is None:
        return None
    first = int(phrase[-4:])
    for j in range(k, min(k + 3, len(folded))):
        # (also further on its own line: OCR may run the next line into it)
        for e in _YEAR_CELL.finditer(folded[j], b if j == k else 0):
            if first < int(e.group(1)) <= first + 10 and not re.search(r"(?:nam|den|doan|tu)\s*$", folded[j][:e.start(1)]):
                return j, e
    return None


_EVERY_OPEN = re.compile(r"(?<![a-z])dinh\s*ky\s*(0?6|0?3)\s*\|?\s*$")
# a span's second period opening the next line of its cell with the dash ("Quý IV/2026" / "… - Quý II/2027")
_SPAN_REST = re.compile(r"(?<![\w/])[-–]\s*((?:qu[yi]|thang)\s*(?:[ivxl1]{1,4}|\d{1,2})\s*/\s*20\d\d)\s*\|?\s*$")


def _cell_rest_below(outline: Outline, folded: list[str], lo: int, at: tuple[int, int, int]) -> str | None:
    """A deadline cell at its line's end that wrapped onto the next lines' ends: a span whose second period opens
    the next line with its dash ("Quý IV/2026" / "… - Quý II/2027"), or "và các năm tiếp theo" after a year ("Năm 2026
    và" / "… các năm tiếp" / "… theo"); the whole cell, None when nothing of it wrapped."""
    k, a, b = at
    after = folded[k][b:].rstrip(" |")
    if len(after) > 4 or k + 1 >= len(folded):
        return None
    here = squash(outline.line_out(lo + k, a, b))
    if not after and (m := _SPAN_REST.search(folded[k + 1])) is not None:
        return f"{here} - {squash(outline.line_out(lo + k + 1, m.start(1), m.end(1)))}"
    below = " ".join(folded[k + 1:k + 3])
    if re.fullmatch(r"\s*va", after) and re.search(r"cac\s*n[a-z]{1,2}m\s*ti[a-z]{1,2}p\b", below) and \
            re.match(r"n[a-z]{1,2}m\s*20\d\d$", folded[k][a:b].strip()):
        return f"{here} và các năm tiếp theo"
    return None


# a start–end cell's first line ending in its dash ("Quý II/2026 - Quý", "03/2026 -"), and the end on a line below
_RANGE_OPEN = re.compile(r"\s*[-–]\s*(quy|thang)?\s*\|?\s*$")
_RANGE_CLOSE = re.compile(r"(?<![\w/])((?:[ivx]{1,4}|\d{1,2})\s*/\s*20\d\d)\s*\|?\s*$")


# a deadline cell with no year (folded): "Tháng 3", "Quý II", "Trước 30/9", "Trước ngày 15/12"; not "Tháng 3/2026", "Quý
# II năm 2026" (DEADLINE_PHRASE reads those), nor a count of months ("6 tháng")
_YEARLESS_CELL = re.compile(r"(?<![a-z0-9/])(?:thang\s*(?:1[0-2]|0?[1-9])(?![\d/⁄]|\s*[/⁄-]|\s*nam)"
                            r"|qu[yi]\s*(?:iv|i{1,3}|[1-4])(?![a-z0-9])(?!\s*[/⁄-]|\s*nam)"
                            r"|truoc\s*(?:ngay\s*)?\d{1,2}\s*[/⁄]\s*\d{1,2}(?![\d/⁄]))")
# "Trước ngày" closing a cell's first line, its day below ("15/12", no year)
_DAY_OPEN = re.compile(r"(?<![a-z])truoc\s*ngay(?=\s*(?:\||$))")
_DAY_ALONE = re.compile(r"(?<![\w/⁄])(\d{1,2}\s*[/⁄]\s*\d{1,2})(?![\d/⁄])")


def _ocr_deadline(outline: Outline, task: Task, lo: int, hi: int, anchor: int) -> None:
    # (a schedule's header repeated on a new page inside the row's lines holds no deadline)
    folded = ["" if _period_titles(f) else f for f in (fold(x) for x in outline.lines[lo:hi + 1])]
    best: tuple[int, int, int, int] | None = None
    for k, f in enumerate(folded):
        for m in DEADLINE_PHRASE.finditer(f):
            if (_DOC_NUMBER.search(f[:m.start()]) and m.group(0)[:1].isdigit()) or (
                    (mm := re.match(r"(?:thang\s*)?(\d{1,2})\s*/\s*\d{4}$", m.group(0))) and not 1 <= int(mm.group(1)) <= 12):
                # "Nghị định số 79/2021": a document's number, not a month; but a name ending in "số" before
                # a month's or a quarter's word ("… học bạ số Tháng 12/2025") is a name before its deadline
                continue
            tail = len(f.rstrip()) - m.end()
            score = (tail <= 2) * 100 - abs(lo + k - anchor) * 3 + m.start() // 20
            # on one line, the right-most of two alike ("Tháng | Tháng" over "01/2026 | 6/2026": start, end)
            if best is None or score > best[0] or (score == best[0] and k == best[1]):
                best = (score, k, m.start(), m.end())
    if best is not None and (opening := _RANGE_OPEN.match(folded[best[1]], best[3])) is not None:
        # a start–end cell wrapped in its column: "Quý II/2026 - Quý" over "… IV/2027", "03/2026 -" over "… 12/2026":
        # the end, at the end of one of the next two lines, is the deadline
        for j in range(best[1] + 1, min(best[1] + 3, len(folded))):
            if (end := _RANGE_CLOSE.search(folded[j])) is not None and (opening.group(1) or end.group(1)[0].isdigit()):
                word = {"q": "Quý ", "t": "Tháng "}.get((opening.group(1) or " ")[0], "")
                task.deadline_text = word + outline.line_out(lo + j, end.start(1), end.end(1))
                task.deadline = parse_deadline(task.deadline_text)
                return
    if best is not None and (later := _wrapped_later_time(outline, folded, lo, best[1], best[2], best[3])) is not None:
        # "Từ tháng" / "10/2025 đến" / "tháng 5/2026", "Tháng 12/2025" / "… và tháng 3/2026": a cell naming two times
        # wrapped in its column, the later one at the end of a line below: the deadline is the later
        task.deadline_text, task.deadline = later, parse_deadline(later)
        return
    if best is not None and (rest := _cell_rest_below(outline, folded, lo, best[1:])) is not None:
        task.deadline_text = rest
        task.deadline = parse_deadline(task.deadline_text)
        return
    if best is not None and (span := _wrapped_span_end(folded, outline.lines[lo + best[1]], best[1], best[2], best[3])) is not None:
        # "Năm 2026 -" closing its cell, the next cell's words after it ("… | Năm 2026 - Lồng ghép chương" / "… 2027
        # trình đào tạo …"): the span's end year, wrapped below, is the deadline's end
        j, e = span
        task.deadline_text = f"{squash(outline.line_out(lo + best[1], best[2], best[3]))} - {folded[j][e.start(1):e.end(1)]}"
        task.deadline = parse_deadline(task.deadline_text)
        return
    if best is None or best[0] < 100:
        for k, f in enumerate(folded):
            # "Trước ngày" / "15/12": a day's cell wrapped, no year in it (a plan for one year: `with_year` dates it)
            if (op := _DAY_OPEN.search(f)) is not None and outline.lines[lo + k][op.start()].isupper() and \
                    (day := next((d for j in range(k + 1, min(k + 3, len(folded)))
                                  if (d := _DAY_ALONE.search(folded[j])) is not None), None)) is not None:
                task.deadline_text = f"{squash(outline.line_out(lo + k, op.start(), op.end()))} {day.group(1).replace(' ', '')}"
                task.deadline = parse_deadline(task.deadline_text)
                return
    cond = re.compile(r"(ngay khi|sau khi|theo ke\s*$|theo ke\s*ho|theo tien\s*do)")
    if any(cond.search(f) for f in folded) and (best is None or best[0] < 100):
        k = next((n for n, f in enumerate(folded) if cond.search(f)), 0)
        mc = re.search(r"(ngay khi|sau khi|theo ke|theo tien\s*do)[^|]*", folded[k])
        start_at = mc.start() if mc else 0
        if mc and mc.group(1).startswith("theo tien"):
            # "Theo tiến độ dự | án được phê duyệt": the cell's first line, up to the bar OCR saw after it
            task.deadline_text = squash(outline.line_out(lo + k, mc.start(), mc.end()))
            task.deadline = parse_deadline(task.deadline_text)
            return
        words = [outline.line_out(lo + k, start_at)]
        for j in range(k + 1, min(k + 5, len(folded))):
            tm = re.search(r"(\S+\s+)?\S+\s*$", outline.lines[lo + j])
            if tm:
                words.append(outline.line_out(lo + j, tm.start()))
            if "hanh" in folded[j] or "ban" in folded[j][-6:]:
                break
        task.deadline_text = squash(" ".join(words))
        task.deadline = parse_deadline(task.deadline_text)
        return
    ends = [f.rstrip().rsplit(" ", 1)[-1] for f in folded if f.strip()]
    # (or at the lines' starts, the time column first: "9 Thường Theo dõi, đôn đốc …" / "xuyên việc thực hiện …")
    starts = [re.sub(r"^[\s|]*(?:\d{1,3}\s*[.|]?\s*)?", "", f).split(" ", 1)[0] for f in folded if f.strip()]
    split_continuous = (any(re.fullmatch(r"th[a-z]{1,4}n?g", e) for e in ends)
                        and any(re.match(r"xuy[a-z]{1,2}n", e) for e in ends)) or any(
        re.fullmatch(r"th[a-z]{1,4}n?g", a) and re.fullmatch(r"xuy[a-z]{1,2}n", b) for a, b in itertools.pairwise(starts))
    if split_continuous and (best is None or best[0] < 100):
        task.deadline_text = "Thường xuyên"
        task.deadline = parse_deadline(task.deadline_text)
        return
    # "Định kỳ 6" / "tháng": a period's count closing one line, its word the next line's end
    every = next((ev for k, f in enumerate(folded[:-1]) if (ev := _EVERY_OPEN.search(f)) is not None
                  and re.search(r"(?<![a-z])thang\s*\|?\s*$", folded[k + 1])), None)
    if every is not None and best is None:
        task.deadline_text = f"Định kỳ {every.group(1)} tháng"
        task.deadline = parse_deadline(task.deadline_text)
        return
    if best is None and (wrapped := _wrapped_quarter(outline, folded, lo)) is not None:
        task.deadline_text = wrapped
        task.deadline = parse_deadline(task.deadline_text)
        return
    if best is None:
        # "2025 và" / "những năm" / "tiếp theo": a deadline cell wrapped over the ends of the row's lines
        for k, f in enumerate(folded):
            ym = _YEAR_AND.search(f)
            tails = " ".join(" ".join(x.split()[-3:]) for x in folded[k + 1:k + 4] if x.strip())
            if ym and re.search(r"nh[a-z]{1,3}ng\s+n[a-z]{1,3}m", tails) and re.search(r"ti[a-z]{1,2}p\s+theo", tails):
                task.deadline_text = outline.line_out(lo + k, ym.start(1), ym.end(1)) + " và những năm tiếp theo"
                task.deadline = parse_deadline(task.deadline_text)
                return
        # a span's cell wrapped: "2026 -" (then the next cell's figure, "420", or nothing) over "… | 2028 tỉnh": the
        # end year is the first year standing as a word of its own on the next two lines of the row
        for k, f in enumerate(folded):
            if (op := _SPAN_OPEN.search(f)) is None:
                continue
            first = int(op.group(1))
            wrapped_ends = [int(e.group(1)) for j in range(k + 1, min(k + 3, len(folded)))
                            for e in _YEAR_CELL.finditer(folded[j]) if first < int(e.group(1)) <= first + 30]
            if wrapped_ends:
                # ("Năm học 2026 -" / "2027": a school year's span keeps its words, it ends in May)
                school = re.search(r"(?<![a-z])nam\s*hoc\s*$", f[:op.start(1)])
                head = squash(outline.line_out(lo + k, school.start(), op.start(1))) + " " if school else ""
                task.deadline_text = f"{head}{first} - {wrapped_ends[0]}"
                task.deadline = parse_deadline(task.deadline_text)
                return
        # a year's cell wrapped: "Năm" (then the next cell's figure, a bar or nothing) over "… 2026 …": the year is the
        # first one standing as a word of its own on the next two lines of the row
        for k in range(len(folded)):
            if (op := _YEAR_WORD_OPEN.search(outline.lines[lo + k])) is None:
                continue
            wrapped_years = [e for j in range(k + 1, min(k + 3, len(folded))) for e in _YEAR_CELL.finditer(folded[j])]
            if wrapped_years:
                task.deadline_text = f"{outline.line_out(lo + k, op.start(1), op.end(1))} {wrapped_years[0].group(1)}"
                task.deadline = parse_deadline(task.deadline_text)
                return
        # a deadline cell holding a bare year ("… Quyết định | 2025"): the year ends a line of the row,
        # the row's number line first, and is not the end of a document number ("79/2021")
        years = [(abs(lo + k - anchor), k, y) for k, f in enumerate(folded)
                 if (y := _BARE_YEAR.search(f)) is not None]
        if years:
            _d, k, ym = min(years, key=lambda y: y[:2])
            task.deadline_text = outline.line_out(lo + k, ym.start(1), ym.end(1))
            # "6 tháng cuối năm" / "2026": a half-year's words wrapped in their cell, ending the line above
            if k > 0 and (half := _HALF_YEAR_END.search(folded[k - 1])) is not None:
                task.deadline_text = squash(outline.line_out(lo + k - 1, half.start(), half.end())) + " " + \
                    task.deadline_text
            task.deadline = parse_deadline(task.deadline_text)
            return
    if best is None:
        # a cell naming a month, a quarter or a day without its year ("Tháng 3", "Quý II", "Trước 30/9": a plan for
        # one year writes its deadlines so; `with_year` dates them): capitalised, as a cell opens, the one on the
        # row's number line first, the right-most
        cells = [(abs(lo + k - anchor), -m.start(), k, m) for k, f in enumerate(folded) for m in _YEARLESS_CELL.finditer(f)
                 if outline.lines[lo + k][m.start()].isupper()]
        if cells:
            _d, _s, k, m = min(cells, key=lambda c: c[:2])
            task.deadline_text = squash(outline.line_out(lo + k, m.start(), m.end()))
            task.deadline = parse_deadline(task.deadline_text)
        return
    _, k, a, b = best
    # a bare year standing as a paragraph of its own is a deadline cell read column by column ("2025"
    # between blank lines): it wins over a phrase inside a longer line, the task's text ("giai đoạn 2025-2030")
    own = [(abs(lo + j - anchor), j) for j, f in enumerate(folded) if re.fullmatch(r"\s*20[2-4]\d\s*", f) and
           (j == 0 or not folded[j - 1].strip()) and (j + 1 >= len(folded) or not folded[j + 1].strip())]
    if own and folded[k][:a].strip() + folded[k][b:].strip():
        j = min(own)[1]
        task.deadline_text = squash(outline.line_out(lo + j))
        task.deadline = parse_deadline(task.deadline_text)
        return
    line = outline.lines[lo + k]
    phrase = line[a:b]
    if fold(phrase).strip().startswith("hang") and b >= len(line.rstrip()) - 1 and fold(phrase).strip() == "hang":
        phrase += " nam"
    task.deadline_text = squash(outline.line_out(lo + k, a, b))
    # "6 tháng đầu" / "năm 2027": a half-year's words wrapped in their cell, the year on the next line
    half = _HALF_HEAD.search(folded[k - 1]) if k > 0 and _YEAR_PHRASE.fullmatch(fold(line[a:b]).strip()) else None
    if half is not None:
        task.deadline_text = squash(outline.line_out(lo + k - 1, half.start(), half.end())) + " " + task.deadline_text
    # (not a page's "(tiếp theo)", the table's continuation mark)
    tails = " ".join(" ".join(fold(x).split()[-3:]) for x in outline.lines[lo + k + 1:lo + k + 10]
                     if x.strip() and not _CONTINUED.fullmatch(fold(x).strip()))
    after = fold(line[b:])
    if re.match(r"n[a-z&]{1,3}m\s*\d{4}$", fold(phrase).strip()) and \
            re.search(r"nh[a-z]{1,3}ng|ti[a-z]{1,2}p\s*theo", tails + " " + after):
        task.deadline_text += " và những năm tiếp theo"
    elif re.match(r"(?:n[a-z&]{1,3}m\s*)?\d{4}$", fold(phrase).strip()) and re.match(r"\s*va\s", after) and \
            re.search(r"c[a-z]c\s+n[a-z&]{1,3}m\s+ti[a-z]{1,2}p", " ".join(folded[k + 1:k + 3])):
        # "Năm 2026 và" / "các năm tiếp" / "theo": the cell's words wrapped beside the next cells
        task.deadline_text += " và các năm tiếp theo"
    elif re.match(r"\s*(?:-|–|den)\s", after) and k + 1 < len(folded):
        # "Quý IV/2026 -" / "Quý I/2027": a span whose second period wrapped onto the next line
        nxt = next((j for j in range(k + 1, min(k + 3, len(folded))) if folded[j].strip()), None)
        m2 = next(DEADLINE_PHRASE.finditer(folded[nxt]), None) if nxt is not None else None
        if m2 is not None and nxt is not None:
            task.deadline_text += " - " + squash(outline.line_out(lo + nxt, m2.start(), m2.end()))
    task.deadline = parse_deadline(task.deadline_text)


# a table's continuation mark on the next page, a line of its own: "(tiếp theo)", "(Tiếp theo Phụ lục)"
_CONTINUED = re.compile(r"\(\s*ti[a-z]{1,2}p\s*theo[^()]{0,30}\)")


# how a task's name opens: a verb of action, capitalised ("Xây dựng …"); a group's title opens so too
_TASK_VERB = re.compile(r"(xay dung|trien khai|ban hanh|hoan thien|hoan thanh|nghien cuu|to chuc|sua doi|ra soat"
                        r"|thanh lap|day manh|thuc hien|lap|de xuat|trinh|ho tro|thuc day|tang cuong|nang cao)\s")


# a title the verb may open ("… Chương trình quốc gia" / "Hỗ trợ doanh nghiệp …" is one name)
_TITLE_NOUN = re.compile(r"\b(chuong trinh|de an|du an|ke hoach|chien luoc|quy hoach|nghi quyet|nghi dinh|quyet dinh"
                         r"|luat|mo hinh|phong trao)\b")


def _past_lost_title(lines: list[str]) -> int:
    """A group's title whose numeral OCR lost, run into the name below it in one paragraph ("Tăng cường hợp
    tác …" / "… chuyển đổi số" / "Xây dựng Đề án …"): the first line, two lines in or more, that opens with a
    capitalised verb of action after a line that ends in a word in lower case with no stop, when the lines
    above open so too, hold a title's length (40 characters) and no stop, and name no programme, scheme or
    document after their last comma (whose title the verb may open). The index of the name's first line (0 when
    there is no such title)."""
    for k in range(2, min(len(lines), 8)):
        above = " ".join(lines[:k])
        if lines[k][:1].isupper() and _TASK_VERB.match(fold(lines[k])) and \
                re.search(r"[a-zà-ỹđ]$", lines[k - 1]) and lines[0][:1].isupper() and \
                _TASK_VERB.match(fold(lines[0])) and len(above) >= 40 and not re.search(r"[.;:]", above) and \
                not _TITLE_NOUN.search(fold(above).rsplit(",", 1)[-1]):
            return k
    return 0


def _ocr_name(outline: Outline, lo: int, hi: int, anchor: int, matcher: AgencyMatcher,
              skip: frozenset[int] = frozenset()) -> str:
    """The task column: on each line, the text left of the first agency mention or cell break."""
    parts: list[str] = []
    rest = re.sub(r"^\s*\d{1,3}\s*[_|.]*\s*[|]?\s*", "", outline.lines[anchor]).strip()
    if ocr_names.band_opening(rest, outline.lines[anchor + 1] if anchor + 1 <= hi else ""):
        # the number and the name's first word, the name's other words a line each below (a narrow name column read
        # in a band of its own): the name is that paragraph
        parts.append(outline.line_out(anchor, len(outline.lines[anchor]) - len(outline.lines[anchor].lstrip())
                                      + len(outline.lines[anchor].strip()) - len(rest)).strip())
        i = anchor + 1
        while i <= hi and outline.lines[i].strip():
            parts.append(outline.line_out(i).strip())
            i += 1
        return squash(" ".join(parts))[:500]
    if not rest:
        # The number stands alone: the task is the first paragraph below it (below the row before's
        # run-on text when the row starts past it).
        i = max(anchor + 1, lo)
        while i <= hi and not outline.lines[i].strip():
            i += 1
        while i <= hi and outline.lines[i].strip():
            parts.append(outline.line_out(i).strip())
            i += 1
        parts = parts[_past_lost_title(parts):]
        if parts and not outline.lines[i - 1].rstrip().endswith("."):
            parts.extend(outline.line_out(k, 0, e).strip(" |_") for k, e in _over_page(outline.lines, i - 1, hi, matcher))
        return squash(" ".join(parts))[:500]
    for i in range(lo, hi + 1):
        line = outline.lines[i]
        start = len(m.group(0)) if i == anchor and (m := re.match(r"^\s*\d{1,3}\s*[.|]?\s*[|]?\s*", line)) else 0
        body = line[start:]
        cuts = [s for s, _e, _a in matcher.scan(body)]
        if (m2 := re.search(r"\s\|\s", body)) is not None:
            cuts.append(m2.start())
        for m3 in DEADLINE_PHRASE.finditer(fold(body)):
            cuts.append(m3.start())
        cut = min(cuts) if cuts else len(body)
        seg = body[:cut].strip(" |")
        if _is_header(line) or _junk(seg) or (i in skip):
            continue
        if len(seg) >= 12 or (parts and len(seg) >= 3 and seg[:1].islower()):
            parts.append(outline.line_out(i, start, start + cut).strip(" |"))
    return squash(" ".join(parts))[:500]
