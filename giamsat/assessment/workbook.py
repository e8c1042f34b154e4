"""Criteria sets to and from XLSX; round results as XLSX and DOCX.

The criteria workbook has two sheets: "Bộ tiêu chí" (code, year, name, note as label/value rows)
and "Tiêu chí" (one row per criterion, parents before children). Reading is staged: workbook →
`ParsedSet` (plain data) → `actions.replace_criteria`, which validates everything before it
writes anything.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import docx
import openpyxl
from docx.shared import Pt
from openpyxl.styles import Font

from giamsat.assessment.actions import CriterionData
from giamsat.assessment.errors import InvalidInput
from giamsat.assessment.models import CriteriaSet, Method, Round
from giamsat.assessment.results import comparison, ranked, ranking

SET_SHEET, CRITERIA_SHEET = "Bộ tiêu chí", "Tiêu chí"
COLUMNS = ("Mã", "Mã cấp trên", "Tên tiêu chí", "Điểm tối đa", "Cách chấm", "Công thức", "Mã chỉ tiêu",
           "Giá trị đạt điểm tối đa", "Thang điểm", "Áp dụng cho", "Yêu cầu minh chứng", "Hướng dẫn chấm")
YES = "Có"


@dataclass
class ParsedSet:
    code: str = ""
    year: int | None = None
    name: str = ""
    note: str = ""
    rows: list[CriterionData] = field(default_factory=list)


def _num(text: str) -> str:
    return f"{Decimal(text).normalize():f}"


def export_criteria(criteria_set: CriteriaSet) -> bytes:
    wb = openpyxl.Workbook()
    head = wb.active
    head.title = SET_SHEET
    for label, value in (("Mã", criteria_set.code), ("Năm", criteria_set.year), ("Tên", criteria_set.name),
                         ("Ghi chú", criteria_set.note)):
        head.append([label, value])
    sheet = wb.create_sheet(CRITERIA_SHEET)
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    codes = {c.pk: c.code for c in criteria_set.criteria.all()}
    for c in criteria_set.criteria.all():
        sheet.append([
            c.code, codes.get(c.parent_id, "") if c.parent_id else "", c.title, float(c.max_points), c.method,
            c.formula, c.indicator_code, float(c.full_at) if c.full_at is not None else None,
            ";".join(_num(str(s)) for s in c.scale), ", ".join(c.applies_to), YES if c.evidence_required else "",
            c.guidance,
        ])
    sheet.column_dimensions["C"].width = 70
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _dec(value: Any, where: str, problems: list[str]) -> Decimal | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        return Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        problems.append(f"{where}: “{value}” không phải là số.")
        return None


def read_criteria(content: bytes) -> ParsedSet:
    """Parse the workbook; every problem is collected and raised together (nothing is written here)."""
    try:
        wb = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise InvalidInput("Tệp không phải là bảng tính XLSX đọc được.") from exc
    if CRITERIA_SHEET not in wb.sheetnames:
        raise InvalidInput(f"Bảng tính thiếu trang “{CRITERIA_SHEET}”.")
    parsed = ParsedSet()
    if SET_SHEET in wb.sheetnames:
        meta = {str(r[0]).strip(): r[1] for r in wb[SET_SHEET].iter_rows(values_only=True) if r and r[0]}
        parsed.code, parsed.name = str(meta.get("Mã") or ""), str(meta.get("Tên") or "")
        parsed.note = str(meta.get("Ghi chú") or "")
        parsed.year = int(meta["Năm"]) if str(meta.get("Năm") or "").isdigit() else None
    problems: list[str] = []
    rows = wb[CRITERIA_SHEET].iter_rows(values_only=True)
    header = [str(h or "").strip() for h in next(rows, ())]
    if tuple(header[: len(COLUMNS)]) != COLUMNS:
        raise InvalidInput("Dòng tiêu đề của trang “Tiêu chí” không đúng mẫu: " + ", ".join(COLUMNS) + ".")
    for number, raw in enumerate(rows, start=2):
        cells = [("" if v is None else v) for v in (list(raw) + [None] * len(COLUMNS))[: len(COLUMNS)]]
        if not any(str(v).strip() for v in cells):
            continue
        where = f"Dòng {number}"
        method = str(cells[4]).strip() or Method.MANUAL.value
        row = CriterionData(
            code=str(cells[0]).strip(), parent_code=str(cells[1]).strip(), title=str(cells[2]).strip(),
            max_points=_dec(cells[3], where, problems) or Decimal(0), method=method, formula=str(cells[5]).strip(),
            indicator_code=str(cells[6]).strip(), full_at=_dec(cells[7], where, problems),
            scale=[d for d in (_dec(s, where, problems) for s in str(cells[8]).split(";") if s.strip()) if d is not None],
            applies_to=[k.strip() for k in str(cells[9]).split(",") if k.strip()],
            evidence_required=str(cells[10]).strip().lower() in ("có", "x", "1", "true"), guidance=str(cells[11]).strip(),
        )
        parsed.rows.append(row)
    if problems:
        raise InvalidInput("Tệp tiêu chí có lỗi, chưa nạp:", problems)
    if not parsed.rows:
        raise InvalidInput("Trang “Tiêu chí” không có tiêu chí nào.")
    return parsed


# --- results ----------------------------------------------------------------------------------

RANK_HEADER = ("Hạng", "Đơn vị", "Điểm", "Điểm tối đa", "Tỷ lệ (%)", "Xếp loại", "So với năm trước (điểm %)",
               "Người đứng đầu", "Chức danh")


def _rank_rows(round_: Round) -> list[list[Any]]:
    out = []
    for r in ranking(round_):
        p = r.participant
        out.append([p.rank or "—", p.unit.name, float(p.total or 0), float(p.max_total),
                    round(p.percent, 2) if p.percent is not None else None, p.band,
                    r.change if r.change is not None else "—", p.head_name, p.head_title])
    return out


def results_xlsx(round_: Round) -> bytes:
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "Xếp hạng"
    sheet.append([round_.name])
    sheet.append(list(RANK_HEADER))
    for row in _rank_rows(round_):
        sheet.append(row)
    participants = ranked(round_)
    compare = wb.create_sheet("So sánh theo tiêu chí")
    compare.append(["Mã", "Tiêu chí", "Điểm tối đa", *[p.unit.name for p in participants]])
    for row in comparison(round_, participants):
        compare.append([row.criterion.code, row.criterion.title, float(row.criterion.max_points),
                        *[float(s) if s is not None else None for s in row.scores]])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def results_docx(round_: Round) -> bytes:
    document = docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(12)
    document.add_heading(f"KẾT QUẢ ĐÁNH GIÁ: {round_.name.upper()}", level=1)
    document.add_paragraph(f"Bộ tiêu chí: {round_.criteria_set.name}. Năm đánh giá: {round_.year}. "
                           f"Cơ quan tổ chức: {round_.organizer.name}. Trạng thái: {round_.get_state_display()}.")
    if round_.criteria_set.is_sample:
        document.add_paragraph(round_.criteria_set.note)
    document.add_heading("Bảng xếp hạng", level=2)
    rows = _rank_rows(round_)
    table = document.add_table(rows=1 + len(rows), cols=len(RANK_HEADER))
    table.style = "Table Grid"
    for i, label in enumerate(RANK_HEADER):
        table.rows[0].cells[i].text = label
    for r, row in enumerate(rows, start=1):
        for i, value in enumerate(row):
            table.rows[r].cells[i].text = _text(value)
    participants = ranked(round_)
    compare = comparison(round_, participants)
    document.add_heading("So sánh theo tiêu chí", level=2)
    grid = document.add_table(rows=1 + len(compare), cols=3 + len(participants))
    grid.style = "Table Grid"
    for i, label in enumerate(["Mã", "Tiêu chí", "Tối đa", *[p.unit.short_name or p.unit.name for p in participants]]):
        grid.rows[0].cells[i].text = label
    for r, crow in enumerate(compare, start=1):
        cells = grid.rows[r].cells
        cells[0].text, cells[1].text, cells[2].text = crow.criterion.code, crow.criterion.title, _text(crow.criterion.max_points)
        for i, score in enumerate(crow.scores):
            cells[3 + i].text = _text(score)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, (float, Decimal)):
        return f"{value:g}".replace(".", ",")
    return str(value)
