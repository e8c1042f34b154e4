"""Entry points: bytes or a path → ParsedPlan (read → clean → restore → outline → extract)."""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import re
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from . import restore as restore_mod
from .agencies import Agency, AgencyMatcher
from .clean import clean_lines
from .deadlines import PERIOD_COLUMNS, parse_deadline, with_year
from .errors import IngestError
from .fold import fold, squash
from .metadata import find_symbols, parse_metadata
from .model import ParsedPlan, SourceSpan, Target, Task
from .organization import assignments, reporting
from .readers import Extracted, read_bytes
from .structure import Outline, Table
from .targets import prose_only, prose_targets, table_targets, task_table_indicators
from .tasks import item_tasks, ocr_annex_tasks, table_tasks

Progress = Callable[[int, int], None]


def parse_path(path: str | Path, registry: list[Agency] | None = None, progress: Progress | None = None) -> ParsedPlan:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise IngestError(f"Không đọc được tệp “{p.name}”.", "io") from exc
    return parse_bytes(data, p.name, registry=registry, progress=progress)


def parse_bytes(data: bytes, filename: str | None = None, registry: list[Agency] | None = None,
                progress: Progress | None = None) -> ParsedPlan:
    t0 = time.perf_counter()
    extracted = read_bytes(data, progress)
    t1 = time.perf_counter()
    plan = parse_extracted(extracted, registry)
    plan.timings["read"] = t1 - t0
    return plan


def parse_text(text: str, registry: list[Agency] | None = None) -> ParsedPlan:
    return parse_extracted(Extracted(text.split("\n"), "text"), registry)


def parse_extracted(extracted: Extracted, registry: list[Agency] | None = None) -> ParsedPlan:
    t0 = time.perf_counter()
    matcher = AgencyMatcher(registry)
    cleaned = clean_lines(extracted.lines)
    t1 = time.perf_counter()
    restored = _restore(cleaned.lines)
    matcher.learn(restored)  # short names the document defines for its units ("Ghi chú: VP - Văn phòng …")
    t2 = time.perf_counter()
    plan = ParsedPlan(input_kind=extracted.kind, raw_text="\n".join(extracted.lines),
                      clean_text="\n".join(cleaned.lines), restored_text="\n".join(restored))
    plan.warnings.extend(extracted.warnings)
    spent = [0.0]

    def timed_restore(text: str) -> str:
        s0 = time.perf_counter()
        try:
            return restore_mod.restore_text(text)
        finally:
            spent[0] += time.perf_counter() - s0

    outline = Outline(cleaned.lines, restored, timed_restore)
    plan.document = parse_metadata(cleaned.lines, restored, timed_restore)
    _noted_parents(plan, cleaned.lines, cleaned.notes + extracted.notes)
    _extract(plan, outline, matcher)
    _title_year(plan, outline)
    _to_raw_lines(plan, cleaned.raw_index)
    _check(plan, outline)
    t3 = time.perf_counter()
    plan.timings.update({"clean": t1 - t0, "restore": t2 - t1 + spent[0],
                         "parse": (t3 - t2 - spent[0]) + (t1 - t0)})
    return plan


_SUPERSCRIPT = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_NOTE_OPENS = re.compile(r"^\s*([¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\d{1,2}\)|\d{1,2}(?=\s+[A-ZĐ]))")


def _noted_parents(plan: ParsedPlan, lines: list[str], notes: list[str]) -> None:
    """'KẾ HOẠCH' / '… thực hiện Nghị quyết số 57-NQ/TW¹' / 'Thực hiện … kế hoạch đầu tư công trung hạn đã được Hội đồng
    nhân dân tỉnh thông qua³, …' with the page's footnotes '³ Nghị quyết số 05/2025/NQ-HĐND ngày …': a document the
    head (the title and the grounds, before the first heading) cites by a footnote's mark is a parent, named by the
    note's first symbol. The marks are no part of the title."""
    doc = plan.document
    if doc.title:
        doc.title = re.sub(f"[{_SUPERSCRIPT}]+", "", doc.title).rstrip()
    if not notes:
        return
    head: list[str] = []
    for line in lines[:80]:
        if head and re.match(r"\s*(?:#+\s*|\*\*)?(?:[IVX]{1,4}|1)\s*[.\-]\s+\S|\s*(?:dieu|điều)\s+1\b", line, re.I):
            break
        head.append(line)
    text = " ".join(head)
    for note in notes:
        m = _NOTE_OPENS.match(note)
        if m is None:
            continue
        mark = m.group(1)
        if mark[0] in _SUPERSCRIPT:
            cited = re.search(rf"\S{re.escape(mark)}(?![\d{_SUPERSCRIPT}])", text)
        elif mark[0] == "(":
            cited = re.search(rf"\S\s?{re.escape(mark)}", text)
        else:       # OCR read the superscript as a figure glued to the word it marks ("… thông qua3,", "NQ/TW1")
            cited = re.search(rf"(?<![\d.,/-])[^\W\d_]{{2}}{mark}(?![\d/.-]\d)(?=[\s,.;:)]|$)", text)
        symbols = find_symbols(note[m.end():])
        if not cited or not symbols:
            continue
        symbol = symbols[0][1]
        if symbol != doc.number and symbol not in doc.parents:
            doc.parents.append(symbol)


def _to_raw_lines(plan: ParsedPlan, raw_index: list[int]) -> None:
    """Item spans point at cleaned lines while parsing; hand them out as raw (input) lines."""
    def conv(span: SourceSpan | None) -> SourceSpan | None:
        if span is None or span.basis != "clean" or not raw_index:
            return span
        a = raw_index[min(max(span.start_line - 1, 0), len(raw_index) - 1)]
        b = raw_index[min(max(span.end_line - 1, 0), len(raw_index) - 1)]
        return SourceSpan(a + 1, b + 1, "raw")

    for target in plan.targets:
        target.source = conv(target.source)
    for task in plan.tasks:
        task.source = conv(task.source)
    for assignment in plan.assignments:
        assignment.source = conv(assignment.source)
    plan.reporting.source = conv(plan.reporting.source)


def _title_year(plan: ParsedPlan, outline: Outline) -> None:
    """'KẾ HOẠCH Ứng dụng công nghệ thông tin … năm 2026' / 'I. MỤC TIÊU' / '1. 100% cơ sở giáo dục …': a plan for one year
    (its title names that year and no other, not as a horizon: "đến năm 2030") sets its targets for that year when
    nothing else gives them one, and its deadlines that name no year ("Trước 30/6", "Quý III") fall in it. A document
    whose title names no year at all (a letter: "V/v báo cáo kết quả …") dates them by its own date: the first such
    day on or after it ("trước ngày 15/12" of a letter of 10/11/2026 is 15/12/2026); a plan for a school year, by the
    school year's months."""
    title = fold(plan.document.title or "")
    # "… đến năm 2030", "… tới năm 2030": a horizon, not the year of the plan
    years = set(re.findall(r"(?<!\bden )(?<!\btoi )(?<!\bhet )\bnam\s+((?:19|20)\d\d)\b", title))
    named = set(re.findall(r"\b(?:19|20)\d\d\b", title))
    if len(years) == 1 and len(named) == 1:
        year = int(years.pop())
        for target in plan.targets:
            if target.year is None and not target.milestones:
                target.year = year
        issued = dt.date.fromisoformat(plan.document.date) if plan.document.date else None
        _yearless_deadlines(plan, year, None, f"theo năm của kế hoạch ({year})", issued)
    elif (school := re.search(r"\bnam\s*hoc\s*((?:19|20)\d\d)\s*[-–—/]\s*((?:19|20)\d\d)\b", title)) and \
            int(school.group(2)) == int(school.group(1)) + 1 and len(named) == 2:
        # a plan for a school year ('… năm học 2025-2026') runs from August to July: 'Tháng 9' is in its first year,
        # 'Tháng 3' in its second
        first = int(school.group(1))
        _yearless_deadlines(plan, first, dt.date(first, 8, 1), f"theo năm học {first}-{first + 1} (tháng 8 đến tháng 7)")
    elif not named and plan.document.date:
        issued = dt.date.fromisoformat(plan.document.date)
        _yearless_deadlines(plan, issued.year, issued, f"là lần đến hạn đầu tiên kể từ ngày ban hành văn bản ({issued:%d/%m/%Y})")
    else:
        _heading_years(plan, outline)
        # a plan for several years ("giai đoạn 2026-2030") that writes "Quý III" or "Trước 30/6": no year can be
        # inferred, so the task has no deadline until the reviewer writes one — said, not left silent
        undated = [t for t in plan.tasks if t.deadline_text and (t.deadline is None or t.deadline.kind == "unknown")
                   and with_year(t.deadline_text, 2000) is not None]
        if undated:
            example = squash(undated[0].deadline_text or "")
            plan.warnings.append(f"{len(undated)} thời hạn không ghi năm (ví dụ “{example}”) mà văn "
                                 "bản không cho biết năm nào: chưa xác định được hạn, cần ghi rõ năm khi duyệt.")


# a heading naming the one year its duties are for ("1. Nhiệm vụ năm 2026", "Năm 2027:"), not a horizon ("đến năm 2030")
_HEADING_YEAR = re.compile(r"(?<!\bden )(?<!\btoi )(?<!\bhet )(?<!\btu )\bnam\s+((?:19|20)\d\d)\b(?!\s*(?:-|–|den\b|tro\b))")


def _heading_years(plan: ParsedPlan, outline: Outline) -> None:
    """A plan for several years that sets its duties out year by year, under headings naming one year each ("1. Nhiệm
    vụ năm 2026" / a table / "2. Nhiệm vụ năm 2027" / a table): a deadline naming no year ("Quý II", "Trước 30/6")
    falls in the year of the nearest heading above its task."""
    heads: list[tuple[int, int | None]] = []
    for it in outline.items:
        if it.kind in ("para", "table", "dash", "plus", "bullet"):
            continue
        # (its opening words only: OCR may have run the table's header line into the heading)
        opening = it.folded[:60]
        if len(years := _HEADING_YEAR.findall(opening)) == 1 and len(re.findall(r"(?:19|20)\d\d", opening)) == 1:
            heads.append((it.start, int(years[0])))
        elif len(it.text) <= 80:
            heads.append((it.start, None))
    dated = 0
    for task in plan.tasks:
        if not task.deadline_text or task.source is None or (task.deadline is not None and task.deadline.kind != "unknown"):
            continue
        above = [year for start, year in heads if start < task.source.start_line - 1]
        spec = with_year(task.deadline_text, above[-1]) if above and above[-1] else None
        if spec is not None:
            task.deadline = spec
            dated += 1
    if dated:
        plan.warnings.append(f"{dated} thời hạn không ghi năm được hiểu theo năm ghi ở tiêu đề mục chứa nhiệm vụ; "
                             "cần kiểm tra khi duyệt.")


def _yearless_deadlines(plan: ParsedPlan, year: int, not_before: dt.date | None, why: str,
                        issued: dt.date | None = None) -> None:
    """`with_year` for each task whose deadline names no year; a period ending before `not_before` falls in the next
    year. "Trước Tết Nguyên đán" in a plan for one year is the first Tết on or after the plan's date `issued` (a plan
    for 2026 signed in December 2025 means the Tết of February 2026; one signed in March, that of early 2027)."""
    dated = 0
    for task in plan.tasks:
        if not task.deadline_text or (task.deadline is not None and task.deadline.kind != "unknown"):
            continue
        spec = with_year(task.deadline_text, year)
        floor = not_before or (issued if re.search(r"\btet\b", fold(task.deadline_text)) else None)
        if spec is not None and floor is not None and spec.end is not None and spec.end < floor:
            spec = with_year(task.deadline_text, year + 1)
        if spec is not None:
            task.deadline = spec
            dated += 1
    if dated:
        plan.warnings.append(f"{dated} thời hạn không ghi năm được hiểu {why}; cần kiểm tra khi duyệt.")


def _restore(lines: list[str]) -> list[str]:
    restored = restore_mod.restore_text("\n".join(lines)).split("\n")
    return restored if len(restored) == len(lines) else list(lines)


def _extract(plan: ParsedPlan, outline: Outline, matcher: AgencyMatcher) -> None:
    indicators: list[Target] = []         # the task tables' own indicators (a "Mục tiêu/chỉ tiêu" column)
    for table in outline.tables:
        # a table whose header names a task and when it is due is read as a task table first: its "Nội dung nhiệm
        # vụ" and "Kết quả, sản phẩm" columns are no indicator's name and value
        tasks_first = _names_tasks(table)
        tasks = table_tasks(outline, table, matcher, plan.warnings) if tasks_first else []
        # (a table read from a page image: Tesseract has no glyph for "≥"/"≤", targets.table_targets)
        found = [] if tasks else table_targets(outline, table, matcher, plan.warnings,
                                               ocr=plan.input_kind in ("pdf_scan", "image"))
        plan.targets.extend(found)
        if not found and not tasks_first:
            tasks = table_tasks(outline, table, matcher, plan.warnings) or _labelled_cell_tasks(outline, table, matcher)
        tasks = _group_deadlines(tasks)
        plan.tasks.extend(tasks)
        indicators.extend(task_table_indicators(table, tasks))
    if not any(t.milestones or t.lead for t in plan.targets):
        plan.targets.extend(_ocr_targets(outline, matcher, plan))
    plan.targets.extend(indicators)
    annex_tasks = bool(plan.tasks)
    if not annex_tasks:
        for start, end in _ocr_task_annexes(outline):
            rows = ocr_annex_tasks(outline, start, end, matcher, plan.warnings, plan.document.issuer)
            if rows and _role_matrix_header(outline.lines, start):
                rows = _unmarked(rows, plan.warnings)
            plan.tasks.extend(rows)
    if not plan.tasks:
        plan.tasks.extend(_assigned_sections(item_tasks(outline, matcher), outline) or _cell_block_tasks(outline, matcher)
                          or _organizing_duties(outline, matcher))
    else:
        plan.tasks.extend(_labelled_items(plan.tasks, item_tasks(outline, matcher), outline))
    # a table's header line read as a row ("TT Nhiệm vụ Sản phẩm Thời hạn", repeated under each unit's heading and
    # after a page break): no task
    plan.tasks[:] = [t for t in plan.tasks if not _titles_only(t.name)]
    _group_leads(plan.tasks, matcher)
    # (a table OCR left as lines is not read again as prose: a sentence of its titles and figures, "… (%) (xã) 2026 85
    # 60 4 2027 88 TỌ 6", opening on a line a table reader read)
    read = [(t.source.start_line, t.source.end_line) for t in plan.targets if t.source]
    prose = [p for p in prose_targets(outline, matcher)
             if not (p.source and any(a <= p.source.start_line <= b for a, b in read))]
    if not any(t.lead for t in plan.targets) or not plan.targets:
        plan.targets.extend(prose)
    else:
        plan.targets.extend(prose_only(prose, plan.targets))
    plan.assignments.extend(assignments(outline, matcher))
    plan.reporting = reporting(outline)


# the unit a group heading puts in charge of all its duties: "1. Hoàn thiện thể chế (Sở Tư pháp chủ trì chung, …)",
# "(Chủ trì: Sở Y tế; …)", "Giao Sở Nội vụ chủ trì", "… – Sở Tài chính chủ trì chung"
_GROUP_LEAD = (re.compile(r"\(\s*(?:giao\s+)?([^()]{3,80}?)\s+chu\s*tri\b[^()]*\)"),
               re.compile(r"\(\s*(?:(?:co\s*quan|don\s*vi)\s+)?chu\s*tri\s*:\s*([^;()]{3,80}?)\s*[;,)]"),
               re.compile(r"\bgiao\s+([^,;()]{3,60}?)\s+chu\s*tri\b"),
               re.compile(r"(?:^|[:;,\-–]\s*)([^,;:()\-–]{3,60}?)\s+chu\s*tri\s+chung\b"))


def _group_leads(tasks: list[Task], matcher: AgencyMatcher) -> None:
    """'1. Hoàn thiện thể chế, chính sách (Sở Tư pháp chủ trì chung)' / '1.1. … Chủ trì: Sở Tư pháp; …' / '1.3. Ban
    hành … Phối hợp: …; Thời hạn: Quý III/2026.': a duty that names no lead of its own is led by the unit its group
    heading puts in charge of the whole group (a table's group row the same: '| I | HẠ TẦNG SỐ (Sở Khoa học và Công
    nghệ chủ trì) | | |'). A duty naming its own lead keeps it."""
    leads: dict[str, tuple[str, str] | None] = {}
    for task in tasks:
        if task.lead or task.lead_code or not task.group:
            continue
        if task.group not in leads:
            leads[task.group] = None
            folded = fold(task.group)
            for rx in _GROUP_LEAD:
                m = rx.search(folded)
                hit = matcher.match(task.group[m.start(1):m.end(1)]) if m else None
                if hit is not None and hit.agency is not None and hit.score >= 90:
                    leads[task.group] = (squash(task.group[m.start(1):m.end(1)]), hit.agency.code)  # type: ignore[union-attr]
                    break
        found = leads[task.group]
        if found is not None:
            task.lead, task.lead_code = found


# the words of a task table's column titles (folded; words of three letters or more)
_TITLE_WORDS = frozenset({"stt", "ten", "nhiem", "noi", "dung", "cong", "viec", "san", "pham", "thoi", "gian", "han",
                          "hoan", "thanh", "quan", "chu", "tri", "phoi", "hop", "don", "thuc", "hien", "ket", "qua",
                          "ghi", "tien"})


def _titles_only(name: str) -> bool:
    """A name made of column titles only, two or more ("TT Nhiệm vụ Sản phẩm Thời hạn", "Sản phẩm Ỉ Thời hạn"; OCR's
    specks and short words aside): a header line, no task."""
    words = [w for w in re.findall(r"[a-z]+", fold(name)) if len(w) > 2]
    titles = re.findall(r"nhiem\s*v[uy]|noi\s*dung|cong\s*viec|san\s*pham|thoi\s*(?:gian|han)|hoan\s*thanh|"
                        r"(?:co\s*quan|don\s*vi)\s*(?:chu\s*tri|phoi\s*hop|thuc\s*hien)|ket\s*qua|ghi\s*chu|tien\s*do",
                        fold(name))
    return len(titles) >= 2 and all(w in _TITLE_WORDS for w in words)


def _header_cells(table: Table, rows: int = 2) -> list[str]:
    return [fold(c).strip(" *.:") for row in table.rows[:rows] for c in row]


def _names_tasks(table: Table) -> bool:
    """The table's header (its first two rows: a title merged over two sub-columns puts the rest below) names
    the task ("Nội dung nhiệm vụ", "Công việc", "Tên đề án, nhiệm vụ") and when it is due ("Thời gian thực hiện",
    "Thời hạn", "Kết thúc", "Hoàn thành"), and no indicator ("Chỉ tiêu")."""
    cells = _header_cells(table)
    return (any(re.search(r"\bnhiem vu\b|\bcong viec\b|\bde an\b", c) for c in cells)
            and any(re.search(r"^(?:thoi gian|thoi han|tien do|hoan thanh|ket thuc)\b", c) for c in cells)
            and not any("chi tieu" in c for c in cells))


# a group row saying when its rows are due: "NHIỆM VỤ HOÀN THÀNH TRONG QUÝ I/2026", "… THỰC HIỆN THƯỜNG XUYÊN"
_DUE_GROUP = re.compile(r"\b(?:hoan\s*thanh|thuc\s*hien|trien\s*khai|ket\s*thuc)\b")


def _group_deadlines(tasks: list[Task]) -> list[Task]:
    """'| A | NHIỆM VỤ HOÀN THÀNH TRONG QUÝ I/2026 | | |' / '| 1 | Ban hành … | Phòng … | … |': a task table with no time
    column (or a row whose time cell is empty) that groups its rows by when they are due; a row with no deadline of its
    own takes the one its group row states, when the group says its tasks are done by then (a theme with a year,
    'HẠ TẦNG SỐ NĂM 2026', gives none)."""
    for task in tasks:
        if task.deadline is not None or not task.group or not _DUE_GROUP.search(fold(task.group)):
            continue
        spec = parse_deadline(task.group)
        if spec.kind != "unknown" and (spec.end is not None or spec.kind in ("continuous", "recurring")):
            task.deadline_text, task.deadline = task.group, spec
    return tasks


# of two content columns, the one a plan sets now ("Nội dung điều chỉnh", "Nội dung sửa đổi, bổ sung") and the one it
# replaces ("Nội dung cũ", "Nội dung đã giao", "Nội dung tại Kế hoạch số …")
_NEW_CONTENT = re.compile(r"dieu\s*chinh|sua\s*doi|bo\s*sung|\bmoi\b|thay\s*the")
_CONTENT = re.compile(r"noi\s*dung|nhiem\s*vu|cong\s*viec")
_CELL_LEAD = re.compile(r"(?:^|[;.,(]\s*)(?:(?:co\s*quan|don\s*vi)\s*)?chu\s*tri\s*:")


def _labelled_cell_tasks(outline: Outline, table: Table, matcher: AgencyMatcher) -> list[Task]:
    """'| STT | Nội dung cũ | Nội dung điều chỉnh | Lý do điều chỉnh |' / '| 1 | … | Xây dựng Kho dữ liệu …; chủ trì: Sở
    Khoa học và Công nghệ; thời gian: Quý II/2026 | … |': a table whose task cell carries its lead and its time as
    labelled fields, with no column for either. Each numbered row's cell (two or more of them naming a lead by its
    label) is read as a numbered duty of a tasks part; of two content columns, the one the plan sets now."""
    if len(table.rows) < 3:
        return []
    head = _header_cells(table, 1)
    content = [c for c, h in enumerate(head) if _CONTENT.search(h)]
    new = [c for c in content if _NEW_CONTENT.search(head[c])]
    col = new[-1] if new else content[0] if len(content) == 1 else None
    if col is None:
        return []
    lines, rlines, rows = ["II. NHIỆM VỤ"], ["II. NHIỆM VỤ"], []
    for k, (row, rrow) in enumerate(zip(table.rows[1:], table.rrows[1:], strict=False), start=1):
        no = re.fullmatch(r"\s*(\d{1,2})\.?\s*", row[0]) if row else None
        if no is None or col >= len(row) or not _CELL_LEAD.search(fold(row[col])):
            continue
        cell, rcell = (x[col].rstrip(" ;") for x in (row, rrow))
        lines.append(f"{no.group(1)}. {cell}{'' if cell.endswith('.') else '.'}")
        rlines.append(f"{no.group(1)}. {rcell}{'' if rcell.endswith('.') else '.'}")
        rows.append(k)
    if len(rows) < 2:
        return []
    view = Outline(lines, rlines if len(rlines) == len(lines) else lines, outline.restore)
    out = item_tasks(view, matcher)
    for task in out:
        at = task.source.start_line - 2 if task.source else -1
        if 0 <= at < len(rows) and rows[at] < len(table.row_lines):
            line = table.row_lines[rows[at]] + 1
            task.source = SourceSpan(line, line)
    return out


def _assigned_sections(tasks: list, outline: Outline) -> list:  # type: ignore[type-arg]
    """Items of a section that names no lead for any of them ("IV. GIẢI PHÁP THỰC HIỆN" / "- Ưu tiên
    bố trí vốn …") are general lines, not tasks, when another section's items carry their leads or deadlines
    ("III. NHIỆM VỤ CỤ THỂ" / "- Xây dựng … (Chủ trì: …; thời gian: …)"): that plan assigns the duties it means (a
    "hằng năm" in a general line is no assignment)."""
    spans = [(s.start, s.end) for s in outline.section("tasks")]

    def where(task: Task) -> int:
        line = task.source.start_line - 1 if task.source else -1
        return next((k for k, (a, b) in enumerate(spans) if a <= line <= b), -1)

    by_section: dict[int, list[Task]] = {}
    for task in tasks:
        by_section.setdefault(where(task), []).append(task)

    def led(task: Task) -> bool:
        return bool(task.lead or task.lead_code)

    if len(by_section) < 2 or not any(sum(map(led, ts)) >= max(2, len(ts) / 2) for ts in by_section.values()):
        return tasks
    keep = {k for k, ts in by_section.items() if any(map(led, ts))}
    return [t for t in tasks if where(t) in keep]


def _organizing_duties(outline: Outline, matcher: AgencyMatcher) -> list[Task]:
    """A text whose duties stand only where it organizes the work (a party committee's resolution: 'III. NHIỆM VỤ, GIẢI
    PHÁP CHỦ YẾU' general lines, then 'IV. TỔ CHỨC THỰC HIỆN' / '1. Ban Thường vụ Đảng ủy phường lãnh đạo …, hoàn
    thành trong Quý I/2026.' / '2. Ủy ban nhân dân phường xây dựng kế hoạch …, hoàn thành trong tháng 02/2026.'):
    its numbered items are its tasks when more than half of them (two or more) each name the unit that carries it out
    and when; a paragraph among them (the reporting regime) is none, nor does it make the item above it a heading."""
    organizing = outline.section("organization")
    numbered = [it for s in organizing for it in s.items if it.kind in ("num", "num2", "letter")]
    if not numbered:
        return []
    view = copy.copy(outline)
    view.sections = [replace(s, kind="tasks", items=[it for it in s.items if it.kind != "para"])
                     if s.kind == "organization" else replace(s, kind="other") if s.kind == "tasks" else s
                     for s in outline.sections]
    found = item_tasks(view, matcher)
    duties = [t for t in found if t.lead_code and t.deadline is not None]
    return found if len(duties) >= 2 and len(duties) * 2 > len(numbered) else []


# the column titles of a task table, one paragraph each when OCR read the table cell by cell
_CELL_HEAD = [("no", re.compile(r"^s?tt$")), ("name", re.compile(r"^(noi dung|nhiem vu|ten nhiem vu|cong viec)")),
              ("lead", re.compile(r"chu\s*tri|(?:don vi|co quan|bo phan)\s*thuc\s*hien")), ("coord", re.compile(r"phoi\s*hop")),
              ("deadline", re.compile(r"^(thoi gian|thoi han|tien do|hoan thanh)")),
              ("output", re.compile(r"^(san pham|ket qua)"))]


def _cell_head(f: str) -> str | None:
    f = f.strip(" .:|")
    return next((key for key, rx in _CELL_HEAD if rx.search(f)), None) if len(f) <= 40 else None


def _cell_block_tasks(outline: Outline, matcher: AgencyMatcher) -> list[Task]:
    """A task table that OCR read cell by cell, each cell a paragraph of its own and the row numbers lost:
    'Nội dung công việc' / 'Bộ phận chủ trì' / 'Bộ phận phối hợp' / 'Thời gian thực hiện' as paragraphs, then
    per row the task's words, its lead (a unit), coordinators, and its deadline, which closes the row; a paragraph
    in capitals is a group row, one in lower case after a closed row is the end of that row's name (its cell ran
    past the row's other cells)."""
    items = [it for it in outline.items if it.kind != "table"]
    out: list[Task] = []
    k = 0
    while k < len(items):
        run: list[str] = []
        j = k
        while j < len(items) and (key := _cell_head(items[j].folded)) is not None and key not in run:
            run.append(key)
            j += 1
        if not ({"name", "lead", "deadline"} <= set(run)):
            k = max(j, k + 1)
            continue
        out.extend(_cell_rows(outline, items, j, matcher))
        break
    return out


def _cell_rows(outline: Outline, items: list, start: int, matcher: AgencyMatcher) -> list[Task]:  # type: ignore[type-arg]
    rows: list[Task] = []
    cur: Task | None = None
    group: str | None = None
    for item in items[start:]:
        text = outline.out(item).strip(" |-—=_")
        f = fold(text)
        if item.kind in ("roman", "annex") or (item.kind == "caps" and cur is None and rows):
            break                       # the next section
        if len(re.sub(r"[^a-z]", "", f)) < 3 or _cell_head(f) is not None:
            continue                    # OCR's specks; the header repeated on a new page
        letters = [c for c in text if c.isalpha()]
        if sum(c.isupper() for c in letters) >= 0.8 * len(letters):
            group, cur = text.lstrip(": "), None
            continue
        spec = parse_deadline(text) if len(text) <= 60 else None
        if cur is not None and cur.lead and spec is not None and spec.kind != "unknown":
            cur.deadline_text, cur.deadline = text, spec
            cur.source = SourceSpan(cur.source.start_line if cur.source else item.start + 1, item.end + 1)
            cur = None
            continue
        hit = matcher.match(text) if len(text.split()) <= 12 else None
        if cur is not None and ((hit is not None and hit.agency is not None and hit.score >= 90) or cur.lead):
            if cur.lead is None:
                cur.lead, cur.lead_code = text, hit.agency.code if hit and hit.agency else None
            else:
                cur.coordinators.append(text)
            continue
        if cur is None and rows and text[:1].islower() and rows[-1].deadline is not None:
            rows[-1].name = f"{rows[-1].name} {text}"      # the rest of a name cell OCR read after its row
            continue
        if cur is not None and cur.lead is None:
            cur.name = f"{cur.name} {text}"
            continue
        cur = Task(name=text, group=group, source=SourceSpan(item.start + 1, item.end + 1), confidence=0.5)
        rows.append(cur)
    return [t for t in rows if t.lead and t.deadline is not None]


_LABELLED_LEAD = re.compile(r"(?:don vi|co quan)\s*chu\s*tri\s*:")


def _labelled_items(found: list, items: list, outline: Outline) -> list:  # type: ignore[type-arg]
    """Numbered items outside the task tables that name their lead by label ("Đơn vị chủ trì: …") are tasks
    beside the tables' rows: a plan that amends another moves some deadlines in a table and adds tasks as
    lettered items with labelled fields."""
    seen = {fold(t.name)[:60] for t in found}
    out = []
    for task in items:
        if task.source is None or not task.lead or fold(task.name)[:60] in seen:
            continue
        text = " ".join(outline.lines[task.source.start_line - 1:task.source.end_line])
        if _LABELLED_LEAD.search(fold(text)):
            out.append(task)
    return out


def _ocr_task_annexes(outline: Outline) -> list[tuple[int, int]]:
    """Annex regions whose header mentions task-table columns but that OCR left as loose lines."""
    out: list[tuple[int, int]] = []
    for section in outline.section("tasks"):
        # a task table in the body: "II. NHIỆM VỤ" / "STT | Nhiệm vụ Cơ quan chủ Cơ quan phối Thời hạn hoàn" / "trì hợp thành"
        # (from the header's line: a numbered sentence above it, "1. Điều chỉnh thời hạn … như sau:", is no row); the
        # header may stand some lines down, below a lead-in sentence and the cells OCR read before it (a header read
        # cell by cell, a column-number row, the ends of cells of the table's first page)
        head = next((k for k in range(section.start + 1, min(section.end, section.start + 30) + 1)
                     if _task_header(outline.lines, k)), None)
        if head is not None:
            out.extend(_numbered_anew(outline.lines, head, _legend_before(outline.lines, head, section.end)))
    sections = outline.sections
    covered = -1
    for n, section in enumerate(sections):
        if section.kind != "annex" or section.start <= covered:
            continue
        # the annex's group rows OCR read as headings ("1. HOÀN" / "THIỆN" / "THỂ CHẾ" for "I. HOÀN THIỆN THỂ CHẾ"):
        # sections of no known kind after it are its rows
        end = section.end
        for after in sections[n + 1:]:
            if after.kind != "other":
                break
            end = after.end
        if not _task_window(outline.lines, section.start, end):
            continue
        for after in sections[n + 1:]:
            if after.end <= end:
                continue
            # so are group rows in capitals made annex headings of their own ("B NHIỆM VỤ HOÀN THÀNH TRONG 6 THÁNG ĐẦU
            # NĂM 2026"), whose rows show no task columns of their own (a new annex says "PHỤ LỤC"; a group whose rows
            # carry "Chủ trì: …" is read by itself, its numbers may start over)
            if after.kind != "other" and not (after.kind == "annex" and _annex_group(after.title)
                                              and not _task_window(outline.lines, after.start, after.end)):
                break
            end = after.end
        out.append((section.start, _legend_before(outline.lines, section.start, end)))
        covered = end
    # a task table under a heading of no known kind ("III. ĐƠN VỊ, THỜI GIAN VÀ CƠ QUAN CHỦ TRÌ KIỂM TRA" over "STT | Nội
    # dung | Đơn vị được kiểm tra | Cơ quan chủ trì kiểm tra | Thời gian"): its header row names the columns, from there on
    for section in sections:
        if section.kind != "other" or any(a <= section.start <= b for a, b in out):
            continue
        head = next((k for k in range(section.start + 1, min(section.end, section.start + 30) + 1)
                     if _task_header(outline.lines, k)), None)
        if head is not None:
            out.append((head, _legend_before(outline.lines, head, section.end)))
    return out


def _numbered_anew(lines: list[str], head: int, end: int) -> list[tuple[int, int]]:
    """The task tables from the header on line `head` to line `end`, one span each: a later header whose first row is
    numbered 1 starts a table of its own (two tables under numbered sub-headings, '1. Nhiệm vụ chuyển tiếp' / '2. Nhiệm
    vụ mới', each numbering its rows from 1; a header repeated over a page break, its numbers going on, starts
    none); the sub-heading above it closes the table before."""
    spans: list[tuple[int, int]] = []
    start = head
    k = head + 3
    while k <= end:
        first = next((x for x in lines[k + 1:k + 6] if re.match(r"\s*\W{0,2}\d{1,3}\b", x)), "")
        # (its first row opens with "1" and the task's words: not the column numbers' row "1 2 3 4 5" under a copy)
        if _task_header(lines, k) and re.match(r"\s*\W{0,2}0?1\b(?![.,/]\d)\s*[|.]?\s*[^\W\d_]{2}", first):
            cut = k - 1
            while cut > start and not lines[cut].strip():
                cut -= 1
            if _SUB_HEADING.match(lines[cut]) and cut > start:
                cut -= 1        # "2. Nhiệm vụ mới năm 2026": the next table's heading, no row of this one
            spans.append((start, cut))
            start = k
            k += 3
            continue
        k += 1
    return [*spans, (start, end)]


# a numbered sub-heading over a table ("2. Nhiệm vụ mới năm 2026"; not a row: its number has a dot and a capital)
_SUB_HEADING = re.compile(r"^\s*\d{1,2}\.\s+[A-ZÀ-ỸĐ][^|]{3,80}$")


def _task_window(lines: list[str], start: int, end: int) -> bool:
    """Whether an annex's first lines (60 at most) name a task table's columns: who leads ("chủ trì", "Đơn vị thực
    hiện") and what or when ("Nhiệm vụ", "Thời gian", "hoàn thành"), and no indicator's."""
    window = " ".join(fold(x) for x in lines[start:min(end, start + 60) + 1])
    # the lead's title may wrap in its cell ("Cơ quan chủ" / "trì": OCR puts the rest of the header between them)
    return bool((re.search(r"chu\s*tri|don\s*vi\s*(?:thuc|phoi)\b|(?:co\s*quan|don\s*vi)\s*chu\b|chu\s*dau\s*tu", window)
                 or window.count("co quan") >= 2 or window.count("don vi") >= 2)
                and re.search(r"nhi\S?[a-z]*m\s*v|thoi\s*(?:gian|han)|hoan\s*thanh", window)
                and not re.search(r"chi\s*tieu\s+don\s*vi|danh muc cac chi tieu", window))


def _annex_group(title: str) -> bool:
    """A task table's group row that OCR made an annex's heading: capitals, no "PHỤ LỤC" ("B NHIỆM VỤ HOÀN THÀNH
    TRONG 6 THÁNG ĐẦU NĂM 2026"), also when the heading ran on into the first row's words ("NHIỆM VỤ HOÀN THÀNH TRƯỚC
    NGÀY 30/11/2026 Triển khai …"): its words in capitals up to the first that is not."""
    words = title.split()
    caps = " ".join(itertools.takewhile(lambda w: w == w.upper(), words))
    return sum(c.isalpha() for c in caps) >= 10 and not re.match(r"\W*ph[uy]\s*l[uy]c", fold(caps))


# a table's legend below its rows: "Ghi chú: VP - Văn phòng …", "Chữ viết tắt:", "* Ghi chú:", "Các từ viết tắt"
_LEGEND = re.compile(r"[*\s(]*(?:ghi\s*chu\s*[:.]|(?:cac\s*|danh\s*muc\s*(?:cac\s*)?)?(?:chu|tu)\s*viet\s*tat\b)")


def _legend_before(lines: list[str], start: int, end: int) -> int:
    """The last line of a table's rows: the line before a legend ('Ghi chú: VP - Văn phòng HĐND và UBND xã; …',
    'Chữ viết tắt:') that follows them (below a line opening with a row number), else `end`. A legend explains the
    rows' short names; its lines are no row ('Phòng Văn hóa - Xã hội; TTPVHCC - …' would read as a task led by the
    unit it names). A note above the table ('PHỤ LỤC' / 'Ghi chú: …' / the header) ends nothing."""
    row = False
    for k in range(start + 1, min(end, len(lines) - 1) + 1):
        if row and _LEGEND.match(_ocr_fold(lines[k])):
            return k - 1
        row = row or bool(re.match(r"\s*\W{0,2}\d{1,3}\b", lines[k]))
    return end


def _task_header(lines: list[str], k: int) -> bool:
    """Line k (with the next one, a header's titles often wrap) is a task table's header row: the task,
    lead, coordinator and deadline columns named, short, no sentence in it. A header whose cells stand at different
    heights OCR may read as two blocks apart ("TT Nhiệm vụ" / "" / "Cơ quan chủ trì, phối h Thời hạn": the taller
    cell wraps), so a blank line between its two lines does not part them (a line closing a sentence, "… các nhiệm vụ
    bên dưới):", is no header's first line)."""
    if _header_titles(" ".join(_ocr_fold(x) for x in lines[k:k + 2])) or _role_matrix_header(lines, k):
        return True
    # a header line OCR broke at a space, its wrapped titles below ("TT Nội" / "dung công việc Người/bộ phận Thời gian"
    # / "thực hiện"): three lines together, the first a short title's start
    if len(lines[k].strip()) <= 12 and all(x.strip() for x in lines[k:k + 3]) \
            and _header_titles(" ".join(_ocr_fold(x) for x in lines[k:k + 3])):
        return True
    # (a numbered sub-heading over the table, "1. Nhiệm vụ chuyển tiếp từ năm 2025", is no header's first line)
    return (k + 2 < len(lines) and bool(lines[k].strip()) and not lines[k].rstrip().endswith((":", "."))
            and not _SUB_HEADING.match(lines[k])
            and not lines[k + 1].strip() and _header_titles(_ocr_fold(lines[k]) + " " + _ocr_fold(lines[k + 2])))


# the key of a role matrix's marks: "Ký hiệu: CT - cơ quan chủ trì; PH - cơ quan phối hợp", "(CT: chủ trì, PH: phối hợp)"
_ROLE_KEY = re.compile(r"\bct\s*[-–:=(]\s*(?:(?:co\s*quan|don\s*vi)\s*)?chu\s*tri\b.{0,20}?\bph\s*[-–:=(]\s*"
                       r"(?:(?:co\s*quan|don\s*vi)\s*)?phoi\s*hop")


def _role_matrix_header(lines: list[str], k: int) -> bool:
    """Line k is the header of a role matrix read without positions ('TT | Nhiệm vụ Sở Công |SởTài | … | Thời hạn'): the
    task's and the deadline's titles, the units' titles between them, and the key of the marks ('CT - cơ quan chủ trì;
    PH - cơ quan phối hợp') in the few lines above (the units' columns hold only 'CT'/'PH', no lead column)."""
    text = " ".join(_ocr_fold(x) for x in lines[k:k + 2])
    if re.search(r"chu\s*tri|phoi\s*hop|thuc\s*hien|tham\s*muu|phu\s*trach", text):
        return False        # a column of the roles ("Chủ trì/Phối hợp": "CT: Sở A; PH: Sở B"), no matrix
    return len(text) < 200 and bool(re.match(r"\W*s?tt\b", text) and re.search(r"nhiem\s*v[uy]|noi\s*dung", text)
                                    and re.search(r"thoi\s*(?:han|gian)|hoan\s*thanh", text)
                                    and any(_ROLE_KEY.search(fold(x)) for x in lines[max(0, k - 4):k]))


def _unmarked(tasks: list[Task], warnings: list[str]) -> list[Task]:
    """A role matrix's rows read without positions: which unit's column holds a row's 'CT' is lost with the empty cells,
    so no lead is guessed (a unit named in the task's own words is none), and the marks OCR ran into the name are
    dropped."""
    for task in tasks:
        task.name = re.sub(r"\s+", " ", re.sub(r"(?<!\S)(?:CT|PH)(?!\S)", " ", task.name)).strip()
        task.lead = task.lead_code = None
    warnings.append("Bảng phân công chủ trì/phối hợp (CT/PH) đọc từ văn bản không còn vị trí cột: "
                    "chưa xác định được cơ quan chủ trì của từng nhiệm vụ.")
    return tasks


def _schedule_titles(text: str) -> bool:
    """A schedule's header: the task's column (its title's words may wrap apart in a narrow cell: "Nội" / "dung"), the
    unit's ("Khoa/Phòng" / "thực hiện") and three or more period columns; no deadline or coordinator column."""
    return len(text) < 200 and not re.search(r"[a-z]{2}[.;]", text) and bool(
        ((re.search(r"\bnoi\b", text) and re.search(r"\bdung\b", text)) or re.search(r"nhiem\s*v[uy]|cong\s*viec", text))
        and re.search(r"chu\s*tri|thuc\s*hien|phu\s*trach", text) and PERIOD_COLUMNS.search(text))


def _header_titles(text: str) -> bool:
    if _schedule_titles(text) or _coordinators_only_titles(text):
        return True
    # the coordinators' column may be missing when the row opens with the number column's title ("TT Đơn vị chủ trì |
    # Nhiệm vụ Thời gian hoàn Ghi chú"); OCR may lose a title's last letter at the cell's edge ("TT Nội dun Đơn vị thực
    # hiện"); a school's or a hospital's lead column names the people in charge ("Người/bộ phận" / "thực hiện"); a
    # committee's, the unit that advises its member in charge ("Cơ quan tham" / "mưu": the title wraps in its cell; so
    # may the lead's, "Bộ phận thực" / "hiện", its last word read below the other titles)
    return len(text) < 160 and not re.search(r"[a-z]{2}[.;]", text) and bool(
        re.search(r"nhiem\s*v[uy]|noi\s*dung|noi\s*dun\b", text)
        and re.search(r"chu\s*tri|(?:co quan|don vi|bo phan|phong|khoa|ban)\s*(?:chu\b|thuc\s*(?:hien|\b(?=.*\bhien\b))|tham\b(?=.*\bmuu\b))"
                      r"|\bnguoi\s*/\s*bo\s*phan\b.{0,40}\bthuc\s*hien|\bnguoi\s*(?:thuc\s*hien|phu\s*trach)", text)
        # (the table's left border OCR may read before the number column's title: "[TT", "|STT")
        and (re.search(r"phoi\s*hop|(?:co quan|don vi|bo phan|phong|khoa|ban)\s*phoi\b", text) or re.match(r"\s*[\[|(]?\s*s?tt\b", text))
        and re.search(r"thoi\s*(?:han|gian)|hoan\s*thanh|lo\s*trinh", text))


def _coordinators_only_titles(text: str) -> bool:
    """'TT Nhiệm vụ Cơ quan phối hợp Thời gian hoàn' / 'thành': a task table with no lead column (its group rows name
    the unit leading the rows below them, `tasks.unit_groups`): the number's, the task's, the coordinators' and the
    time's titles, nothing else."""
    return len(text) < 120 and re.match(r"\s*[\[|(]?\s*s?tt\b", text) is not None and bool(
        re.search(r"nhiem\s*v[uy]|noi\s*dung", text) and re.search(r"(?:co\s*quan|don\s*vi)\s*phoi\s*hop", text)
        and re.search(r"thoi\s*(?:han|gian)|hoan\s*thanh", text)
        and not re.search(r"chu\s*tri|thuc\s*hien|tham\s*muu|phu\s*trach|[a-z]{2}[.;]", text))


# OCR's glyphs for marked letters inside a word ("N9i" for "Nội", "ph6i" for "phối", "h&p" for "hợp", "nhi¢m"
# for "nhiệm"; quality._CONFUSIONS), read back as the letter: for matching a header's titles only
_GLYPH = str.maketrans({"9": "o", "6": "o", "0": "o", "&": "o", "¢": "e", "€": "e", "§": "o"})


def _ocr_fold(line: str) -> str:
    """`fold`, with OCR's look-alike glyphs between letters, or closing a word after one ("B9 phận" for "Bộ phận",
    "C& quan" for "Cơ quan": '&' is no word character, so its end is no \\b), read as the letters they stand for (a
    number stays a number); same length as the input."""
    return re.sub(r"(?<=[a-z])[960&¢€§]+(?=[a-z])|(?<=[a-z])(?:[69]\b|[&¢€§](?!\w))|\b[6&](?=[a-z])",
                  lambda m: m.group(0).translate(_GLYPH), fold(line))


def _ocr_targets(outline: Outline, matcher: AgencyMatcher, plan: ParsedPlan) -> list:  # type: ignore[type-arg]
    from .ocr_tables import ocr_target_rows

    return ocr_target_rows(outline, matcher, plan.warnings)


def _check(plan: ParsedPlan, outline: Outline) -> None:
    leads = [(t.lead, t.lead_code) for t in plan.tasks] + [(t.lead, t.lead_code) for t in plan.targets]
    unknown = sorted({lead for lead, code in leads if lead and not code})
    for name in unknown:
        message = f"Không nhận ra cơ quan chủ trì “{name}” trong danh mục đơn vị."
        if not any(name in w for w in plan.warnings):
            plan.warnings.append(message)
    if not outline.sections and not plan.tasks and not plan.targets:
        plan.warnings.append("Không tìm thấy cấu trúc kế hoạch (mục tiêu, nhiệm vụ, tổ chức thực hiện) trong văn bản.")
    if plan.document.number is None:
        plan.warnings.append("Không tìm thấy số, ký hiệu văn bản.")
    if plan.document.date is None:
        plan.warnings.append("Không tìm thấy ngày ban hành.")
