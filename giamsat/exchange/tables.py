"""Spreadsheets for people: the report's tables, and an exchange file laid out as sheets.

Every sheet has a bold frozen header row, column widths that fit Vietnamese text, wrapped text,
and number formats on numeric columns (values stay numbers, so officials can sum them).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from giamsat.exchange.report import Report

THIN = Side(style="thin", color="999999")
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
DECIMAL_FORMAT = "#,##0.####"
PERCENT_FORMAT = "0"
DATE_FORMAT = "DD/MM/YYYY"


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    number_format: str | None = None


def _sheet(wb: Workbook, title: str, columns: list[Column], rows: list[list[Any]]) -> None:
    ws = wb.create_sheet(title=title[:31])
    ws.append([c.title for c in columns])
    for cell in ws[1]:
        cell.font = Font(name="Times New Roman", bold=True, size=12)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
    for row in rows:
        ws.append([float(v) if isinstance(v, Decimal) else v for v in row])
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = column.width
        for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
            cell.font = Font(name="Times New Roman", size=12)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            cell.border = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
            if column.number_format:
                cell.number_format = column.number_format
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions


def _bytes(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


TASK_COLUMNS = [
    Column("STT", 6, "0"), Column("Nhiệm vụ", 60), Column("Đơn vị báo cáo", 32), Column("Thời hạn", 16),
    Column("Tình trạng", 22), Column("Tiến độ (%)", 12, PERCENT_FORMAT), Column("Chậm tiến độ", 12),
    Column("Kết quả trong kỳ", 50), Column("Khó khăn, vướng mắc", 40),
]
TARGET_COLUMNS = [
    Column("STT", 6, "0"), Column("Chỉ tiêu", 60), Column("Đơn vị báo cáo", 32), Column("Đơn vị tính", 12),
    Column("Mốc cần đạt", 14), Column("Năm của mốc", 12, "0"), Column("Giá trị kỳ báo cáo", 16, DECIMAL_FORMAT),
    Column("Đánh giá", 22),
]
FIGURE_LABELS = {
    "reports": "Số báo cáo", "approved": "Báo cáo đã phê duyệt", "tasks": "Số nhiệm vụ theo dõi",
    "tasks_done": "Nhiệm vụ đã hoàn thành", "tasks_in_progress": "Nhiệm vụ đang thực hiện",
    "tasks_not_started": "Nhiệm vụ chưa triển khai", "tasks_overdue": "Nhiệm vụ chậm tiến độ",
    "targets": "Số chỉ tiêu", "targets_met": "Chỉ tiêu đạt mốc", "targets_without_data": "Chỉ tiêu chưa có số liệu",
}


def report_workbook(report: Report) -> bytes:
    """The report's figures and both tables, one sheet each."""
    wb = Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Tổng hợp", [Column("Nội dung", 40), Column("Số lượng", 14, "0")],
           [[FIGURE_LABELS[k], v] for k, v in report.figures.items()])
    _sheet(wb, "Nhiệm vụ", TASK_COLUMNS, [
        [i, t.name, t.unit, t.deadline, t.state_label, t.percent, "Có" if t.overdue else "", t.progress, t.difficulties]
        for i, t in enumerate(report.tasks, start=1)
    ])
    _sheet(wb, "Chỉ tiêu", TARGET_COLUMNS, [
        [i, t.name, t.unit, t.unit_of_measure, t.goal, t.goal_year, t.value if t.value is not None else t.value_text,
         t.status]
        for i, t in enumerate(report.targets, start=1)
    ])
    wb.properties.title = f"{report.kind_title} {report.period_label} — {report.issuer.name}"
    return _bytes(wb)


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _n(value: str | None) -> Decimal | None:
    return Decimal(value) if value is not None else None


def exchange_workbook(data: dict[str, Any]) -> bytes:
    """An exchange file for people to read: plans, targets, tasks, reports, values and task progress."""
    wb = Workbook()
    wb.remove(wb.active)
    period = data.get("period") or {}
    _sheet(wb, "Thông tin", [Column("Mục", 24), Column("Giá trị", 60)], [
        ["Định dạng", f"{data['format']} phiên bản {data['version']}"], ["Đơn vị", f"{data['unit']['name']} ({data['unit']['code']})"],
        ["Kỳ", f"{period.get('frequency', 'mọi kỳ')} {period.get('index', '')}/{period.get('year', '')}".strip()],
        ["Thời điểm xuất", data.get("exported_at") or ""],
    ])
    plans, targets, tasks = [], [], []
    for p in data["plans"]:
        plans.append([p["number"], p["issuer"], p["title"], _d(p["issued_on"]), p["status"], len(p["targets"]), len(p["tasks"])])
        for t in p["targets"]:
            indicator = t["indicator"] or {}
            targets.append([p["number"], t["order"], t["code"], t["name"], t["unit_of_measure"],
                            indicator.get("national_code", ""), t["responsible"] or t["responsible_text"]])
        for k in p["tasks"]:
            tasks.append([p["number"], k["order"], k["code"], k["name"], k["lead"] or k["lead_text"], k["deadline_text"]])
    _sheet(wb, "Kế hoạch", [Column("Số, ký hiệu", 18), Column("Cơ quan ban hành", 24), Column("Trích yếu", 60),
                            Column("Ngày ban hành", 14, DATE_FORMAT), Column("Trạng thái", 12),
                            Column("Số chỉ tiêu", 10, "0"), Column("Số nhiệm vụ", 10, "0")], plans)
    _sheet(wb, "Chỉ tiêu", [Column("Kế hoạch", 18), Column("Thứ tự", 8, "0"), Column("Mã", 10), Column("Chỉ tiêu", 60),
                            Column("Đơn vị tính", 12), Column("Mã quốc gia", 14), Column("Đơn vị chủ trì", 28)], targets)
    _sheet(wb, "Nhiệm vụ", [Column("Kế hoạch", 18), Column("Thứ tự", 8, "0"), Column("Mã", 10), Column("Nhiệm vụ", 60),
                            Column("Cơ quan chủ trì", 28), Column("Thời hạn", 18)], tasks)
    reports, values, progress = [], [], []
    for r in data["reports"]:
        reports.append([r["unit"], r["plan"]["number"], f"{r['period']['frequency']} {r['period']['index']}/{r['period']['year']}",
                        r["state"], r["summary"], r["difficulties"], r["proposals"]])
        for v in r["values"]:
            values.append([r["unit"], r["plan"]["number"], v["target"], v["national_code"], _n(v["value"]), v["text_value"],
                           _d(v["measured_on"]), v["source"]])
        for t in r["tasks"]:
            progress.append([r["unit"], r["plan"]["number"], t["task"], t["state"], t["percent"], _d(t["completed_on"]),
                             t["progress"]])
    _sheet(wb, "Báo cáo", [Column("Đơn vị", 28), Column("Kế hoạch", 18), Column("Kỳ", 16), Column("Trạng thái", 12),
                           Column("Tóm tắt", 50), Column("Khó khăn", 40), Column("Kiến nghị", 40)], reports)
    _sheet(wb, "Số liệu chỉ tiêu", [Column("Đơn vị", 28), Column("Kế hoạch", 18), Column("Chỉ tiêu (thứ tự)", 10, "0"),
                                    Column("Mã quốc gia", 14), Column("Giá trị", 16, DECIMAL_FORMAT), Column("Giá trị (chữ)", 20),
                                    Column("Ngày số liệu", 14, DATE_FORMAT), Column("Nguồn", 30)], values)
    _sheet(wb, "Tiến độ nhiệm vụ", [Column("Đơn vị", 28), Column("Kế hoạch", 18), Column("Nhiệm vụ (thứ tự)", 10, "0"),
                                    Column("Tình trạng", 16), Column("Tiến độ (%)", 10, PERCENT_FORMAT),
                                    Column("Ngày hoàn thành", 14, DATE_FORMAT), Column("Kết quả", 50)], progress)
    return _bytes(wb)
