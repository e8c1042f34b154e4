"""Tasks from annex task tables (pipe rows), from OCR'd annex rows, or from numbered "Nhiệm vụ" items."""

from __future__ import annotations

import re

from .agencies import AgencyMatcher
from .deadlines import DEADLINE_PHRASE, parse_deadline
from .fold import fold, squash
from .model import SourceSpan, Task
from .structure import Item, Outline, Table

_ROMAN_NO = re.compile(r"^\**\s*([ivxl]+|[a-z])\s*\.?\s*\**$")


def _columns(row: list[str]) -> dict[str, int]:
    cols: dict[str, int] = {}
    for c, cell in enumerate(row):
        f = fold(cell)
        if re.fullmatch(r"\s*\**s?tt\**\s*|\s*so tt\s*", f):
            cols.setdefault("no", c)
        elif "phoi hop" in f:
            cols.setdefault("coord", c)
        elif "chu tri" in f:
            cols.setdefault("lead", c)
        elif "thoi gian" in f or "thoi han" in f or "tien do" in f:
            cols.setdefault("deadline", c)
        elif "ket qua" in f or "san pham" in f:
            cols.setdefault("output", c)
        elif "nhiem vu" in f or "noi dung" in f or "ten" in f.split():
            cols.setdefault("name", c)
    return cols


def table_tasks(outline: Outline, table: Table, matcher: AgencyMatcher, warnings: list[str]) -> list[Task]:
    hdr, cols = -1, {}
    for k, row in enumerate(table.rows[:4]):
        c = _columns(row)
        if "name" in c and ("lead" in c or "deadline" in c):
            hdr, cols = k, c
            break
    if hdr < 0:
        return []
    out: list[Task] = []
    group: str | None = None
    for k in range(hdr + 1, len(table.rows)):
        row, rrow = table.rows[k], table.rrows[k]

        def get(key: str, r: list[str] = rrow) -> str:
            return r[cols[key]].strip() if key in cols and cols[key] < len(r) else ""

        no = get("no", row)
        name = get("name")
        others = [get(key) for key in ("lead", "coord", "output", "deadline")]
        if not name:
            continue
        if (no and _ROMAN_NO.match(fold(no))) or (not any(others) and not re.match(r"\d", no)):
            group = name
            continue
        task = Task(name=name, group=group, no=no.strip(". ") or None, output=get("output") or None,
                    source=SourceSpan(table.start + k + 1, table.start + k + 1), confidence=0.9)
        _assign(task, get("lead"), get("coord"), matcher, warnings)
        _deadline(task, get("deadline"))
        out.append(task)
    return out


def _assign(task: Task, lead: str, coord: str, matcher: AgencyMatcher, warnings: list[str]) -> None:
    if lead:
        task.lead = lead
        leads = matcher.match_many(lead)
        if leads and leads[0].agency is not None:
            task.lead_code = leads[0].agency.code
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

_LEAD_IN_TEXT = re.compile(r"\(?\s*(?:co quan\s*)?chu\s*tri\s*:?\s*([^;,.)]{4,80})")


def item_tasks(outline: Outline, matcher: AgencyMatcher) -> list[Task]:
    out: list[Task] = []
    for section in outline.section("tasks"):
        items = [it for it in section.items if it.kind != "table"]
        group: str | None = None
        group_level = 99
        child_level: int | None = None
        for n, item in enumerate(items):
            if item.kind in ("num", "caps", "roman") and item.level <= 2:
                group, group_level, child_level = outline.out(item), item.level, None
                continue
            if item.kind == "para" and group is None:
                continue
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
            nxt = items[n + 1] if n + 1 < len(items) else None
            if text.endswith(":") and nxt is not None and nxt.level > item.level:
                child_level = nxt.level
                continue
            out.append(_item_task(outline, item, text, group, matcher))
    return out


def _item_task(outline: Outline, item: Item, text: str, group: str | None, matcher: AgencyMatcher) -> Task:
    task = Task(name=text, group=group, no=item.marker.strip(". )") or None,
                source=SourceSpan(item.start + 1, item.end + 1), confidence=0.55)
    f = item.folded
    if m := _LEAD_IN_TEXT.search(f):
        lead = outline.out(item, m.start(1), m.end(1))
        hit = matcher.match(lead)
        if hit.agency is not None:
            task.lead, task.lead_code = hit.text, hit.agency.code
    for m in DEADLINE_PHRASE.finditer(f):
        phrase = f[m.start():m.end()]
        if re.match(r"(nam|\d)", phrase) and not re.search(r"(trong|truoc|hoan thanh|den het)\s*(nam\s*)?$",
                                                            f[max(0, m.start() - 20):m.start()]):
            continue
        task.deadline_text = outline.out(item, m.start(), m.end())
        task.deadline = parse_deadline(task.deadline_text)
        break
    return task


# --- OCR'd annex rows (no pipe table survived OCR) ---------------------------------------------

_ROW_NO = re.compile(r"^\s*(\d{1,3})\s*(?:[|.]\s*|\s+(?=\S)|$)")


def ocr_annex_tasks(outline: Outline, start: int, end: int, matcher: AgencyMatcher,
                    warnings: list[str]) -> list[Task]:
    """Rows of an OCR'd task table: numbered rows in sequence; lead = first agency after the task text."""
    lines = outline.lines
    anchors: list[tuple[int, int]] = []
    expected = 1
    for i in range(start, end + 1):
        m = _ROW_NO.match(lines[i])
        if not m:
            continue
        v = int(m.group(1))
        if v == expected or (anchors and expected < v <= expected + 2 and i - anchors[-1][0] > 3):
            anchors.append((i, v))
            expected = v + 1
    out: list[Task] = []
    group: str | None = None
    groups = _roman_groups(outline, start, end)
    for n, (i, v) in enumerate(anchors):
        lo = anchors[n - 1][0] + 1 if n else start
        hi = anchors[n + 1][0] - 1 if n + 1 < len(anchors) else end
        lo = max(lo, _row_top(lines, i, lo))
        hi_row = _row_bottom(lines, i, hi, anchors[n + 1][0] if n + 1 < len(anchors) else end)
        for gline, gname in groups:
            if gline <= i:
                group = gname
        out.append(_ocr_row(outline, lo, hi_row, i, v, group, matcher, warnings))
    return out


def _roman_groups(outline: Outline, start: int, end: int) -> list[tuple[int, str]]:
    out = []
    for i in range(start, end + 1):
        m = re.match(r"^\s*([IVXl1]{1,4}|v|V)\s*[|.]?\s+(?=[A-ZĐ])(.{20,})", outline.lines[i])
        if m and not re.match(r"^\s*\d+\s", outline.lines[i]) and m.group(1) not in ("1",):
            out.append((i, squash(outline.restored[i][m.start(2):] if len(outline.restored[i]) ==
                                  len(outline.lines[i]) else outline.restore(m.group(2)))))
    return out


def _row_top(lines: list[str], i: int, lo: int) -> int:
    j = i
    while j - 1 >= lo and lines[j - 1].strip() and i - j < 6:
        j -= 1
    return j


def _row_bottom(lines: list[str], i: int, hi: int, next_anchor: int) -> int:
    j = i
    while j + 1 <= hi and lines[j + 1].strip():
        j += 1
    if next_anchor - j <= 1:
        return j
    return max(i, min(hi, j))


def _ocr_row(outline: Outline, lo: int, hi: int, anchor: int, no: int, group: str | None,
             matcher: AgencyMatcher, warnings: list[str]) -> Task:
    lines = outline.lines[lo:hi + 1]
    folded = [fold(x) for x in lines]
    task = Task(name="", group=group, no=str(no), source=SourceSpan(lo + 1, hi + 1), confidence=0.45)
    # Deadline: the rightmost phrase, nearest to the numbered line.
    best: tuple[int, int, str] | None = None
    for k, f in enumerate(folded):
        for m in DEADLINE_PHRASE.finditer(f):
            tail = len(f.rstrip()) - m.end()
            score = (tail <= 2) * 100 - abs(lo + k - anchor) * 3 + m.start() // 20
            if best is None or score > best[0]:
                best = (score, lo + k, f[m.start():m.end()])
    if best is not None:
        raw = best[2]
        nxt = best[1] + 1
        if raw.startswith(("ngay khi", "sau khi")) or raw.endswith("thuong"):
            raw = raw
        task.deadline_text = outline.restore(_orig(outline.lines[best[1]], raw))
        task.deadline = parse_deadline(task.deadline_text)
        _ = nxt
    # Agencies: mentions preceded by task text on the same line are leads; later ones coordinate.
    mentions: list[tuple[int, int, str, str]] = []
    for k, line in enumerate(lines):
        for s, e, agency in matcher.scan(line):
            mentions.append((k, s, agency.code, agency.name))
    lead = None
    for k, s, code, name in mentions:
        if s >= 20 or len(lines[k]) - s < 40:
            lead = (code, name)
            break
    if lead is None and mentions:
        lead = (mentions[0][2], mentions[0][3])
    if lead:
        task.lead_code, task.lead = lead
        for _k, _s, code, name in mentions:
            if code != lead[0] and name not in task.coordinators:
                task.coordinators.append(name)
    else:
        warnings.append(f"Dòng {no} của phụ lục nhiệm vụ: không nhận ra cơ quan chủ trì.")
    task.name = _ocr_name(outline, lo, hi, anchor)
    return task


def _orig(line: str, folded_phrase: str) -> str:
    k = fold(line).find(folded_phrase)
    return line[k:k + len(folded_phrase)] if k >= 0 else folded_phrase


def _ocr_name(outline: Outline, lo: int, hi: int, anchor: int) -> str:
    """The task column: the text left of the first agency mention or column break on each line."""
    parts: list[str] = []
    for i in range(lo, hi + 1):
        line = outline.lines[i]
        body = re.sub(r"^\s*\d{1,3}\s*[|]?\s*", "", line) if i == anchor else line
        cut = re.search(r"\s\|\s|\s(S[oơở&¢6]|Sé|Sở|Cac|Các|Céc|C4c|Cong an|Công an|Van phong|Văn phòng|Vin phong"
                        r"|UBND|Ban |Bo Chi|Bộ Chỉ|Dai hoc|Đại học)\b", body)
        seg = body[:cut.start()] if cut else body
        if len(seg.strip()) >= 3:
            parts.append(seg.strip())
    return squash(outline.restore(" ".join(parts)))[:400]
