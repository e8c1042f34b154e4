"""Enter data once: a unit downloads its submission as an Excel sheet giamsat made for it, fills it
offline and uploads it back.

The workbook carries the submission's id and version in a hidden sheet; an upload made from an older
version is refused as a conflict (someone saved in between), so a spreadsheet never silently
overwrites newer data. Rows are validated like the web form; every bad cell is reported with its
sheet and row, and nothing is saved unless every row is right.
"""

from __future__ import annotations

import io
from typing import Any

from django.conf import settings
from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from giamsat.audit.actions import record
from giamsat.domain.states import REPORTED_TASK_STATE_LABELS
from giamsat.reporting.actions import save_draft
from giamsat.reporting.errors import ConflictError, ValidationError
from giamsat.reporting.models import Submission

TASK_SHEET = "Nhiệm vụ"
VALUE_SHEET = "Chỉ tiêu"
INFO_SHEET = "Thông tin chung"
META_SHEET = "_giamsat"
FIRST_ROW = 5

TASK_COLUMNS = [
    ("task_id", "Mã (không sửa)", 10), ("", "STT", 6), ("", "Nhiệm vụ", 50), ("", "Vai trò", 12),
    ("state", "Trạng thái", 22), ("percent", "Tiến độ (%)", 12), ("completed_on", "Ngày hoàn thành (dd/mm/yyyy)", 16),
    ("progress", "Kết quả thực hiện trong kỳ", 45), ("output", "Sản phẩm", 30),
    ("difficulties", "Khó khăn, vướng mắc", 30), ("recommendations", "Kiến nghị", 30),
    ("suspended_reason", "Lý do tạm dừng", 25),
]
VALUE_COLUMNS = [
    ("target_id", "Mã (không sửa)", 10), ("", "STT", 6), ("", "Chỉ tiêu", 50), ("", "Đơn vị tính", 14),
    ("value", "Giá trị (số)", 14), ("text_value", "Giá trị (mô tả)", 20),
    ("measured_on", "Ngày số liệu (dd/mm/yyyy)", 16), ("source", "Nguồn số liệu", 25), ("note", "Ghi chú", 30),
]
STATE_BY_LABEL = {label: state.value for state, label in REPORTED_TASK_STATE_LABELS.items()}
HEAD = Font(bold=True)
CARRIED = PatternFill("solid", fgColor="FFF2CC")


def build_submission_workbook(submission: Submission) -> bytes:
    """The unit's submission as an .xlsx: task rows, indicator rows, general texts and a hidden version stamp."""
    book = Workbook()
    tasks = book.active
    tasks.title = TASK_SHEET
    _header(tasks, submission, TASK_COLUMNS)
    for n, row in enumerate(submission.task_reports.select_related("task").order_by("task__order", "pk"), start=1):
        values = [row.task_id, n, row.task.name, "Chủ trì" if row.is_lead else "Phối hợp",
                  REPORTED_TASK_STATE_LABELS[row.state], row.percent,  # type: ignore[index]
                  row.completed_on.strftime("%d/%m/%Y") if row.completed_on else "", row.progress, row.output,
                  row.difficulties, row.recommendations, row.suspended_reason]
        _write_row(tasks, FIRST_ROW + n - 1, values, row.carried_forward)
    states = DataValidation(type="list", formula1='"' + ",".join(STATE_BY_LABEL) + '"', allow_blank=False)
    tasks.add_data_validation(states)
    states.add(f"E{FIRST_ROW}:E{FIRST_ROW + 500}")
    values_sheet = book.create_sheet(VALUE_SHEET)
    _header(values_sheet, submission, VALUE_COLUMNS)
    for n, value in enumerate(submission.values.select_related("target").order_by("target__order", "pk"), start=1):
        cells = [value.target_id, n, value.target.name, value.target.unit_of_measure,
                 float(value.value) if value.value is not None else None, value.text_value,
                 value.measured_on.strftime("%d/%m/%Y") if value.measured_on else "", value.source, value.note]
        _write_row(values_sheet, FIRST_ROW + n - 1, cells, value.carried_forward)
    info = book.create_sheet(INFO_SHEET)
    for r, (label, text) in enumerate([("Tóm tắt kết quả", submission.summary), ("Khó khăn, vướng mắc", submission.difficulties),
                                       ("Đề xuất, kiến nghị", submission.proposals)], start=1):
        info.cell(r, 1, label).font = HEAD
        info.cell(r, 2, text).alignment = Alignment(wrap_text=True, vertical="top")
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 22, 100
    meta = book.create_sheet(META_SHEET)
    for r, (key, val) in enumerate([("submission", submission.pk), ("version", submission.version),
                                    ("unit", submission.unit.code), ("period", submission.period.key)], start=1):
        meta.cell(r, 1, key)
        meta.cell(r, 2, val)
    meta.sheet_state = "hidden"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _header(sheet: Any, submission: Submission, columns: list[tuple[str, str, int]]) -> None:
    sheet.cell(1, 1, f"Báo cáo {submission.period.label} — {submission.unit.name}").font = Font(bold=True, size=13)
    sheet.cell(2, 1, str(submission.period.document))
    sheet.cell(3, 1, "Dòng tô vàng: số liệu chuyển từ kỳ trước, cần kiểm tra và xác nhận. Không sửa cột “Mã”.")
    for c, (_, title, width) in enumerate(columns, start=1):
        cell = sheet.cell(FIRST_ROW - 1, c, title)
        cell.font = HEAD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[cell.column_letter].width = width
    sheet.freeze_panes = sheet.cell(FIRST_ROW, 4)


def _write_row(sheet: Any, r: int, values: list[Any], carried: bool) -> None:
    for c, value in enumerate(values, start=1):
        cell = sheet.cell(r, c, value)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if carried:
            cell.fill = CARRIED


@transaction.atomic
def fill_from_workbook(actor: Any, submission: Submission, data: bytes) -> Submission:
    """Save a filled workbook into the draft: all rows or none, with every bad row named."""
    if len(data) > int(settings.GIAMSAT_MAX_UPLOAD_BYTES):
        raise ValidationError("Tệp Excel vượt quá dung lượng cho phép.")
    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise ValidationError("Tệp tải lên không phải tệp Excel (.xlsx) hợp lệ.") from exc
    missing = [name for name in (TASK_SHEET, VALUE_SHEET, META_SHEET) if name not in book.sheetnames]
    if missing:
        raise ValidationError("Tệp Excel không phải mẫu giamsat tạo cho báo cáo này (thiếu trang "
                              + ", ".join(f"“{m}”" for m in missing) + "). Hãy tải mẫu từ giamsat.")
    meta = {str(row[0]): row[1] for row in book[META_SHEET].iter_rows(values_only=True) if row and row[0]}
    if str(meta.get("submission")) != str(submission.pk):
        raise ValidationError(f"Tệp Excel là của báo cáo khác ({meta.get('unit')}, kỳ {meta.get('period')}), "
                              f"không phải báo cáo {submission.period.label} của {submission.unit}.")
    current = Submission.objects.get(pk=submission.pk).version
    if str(meta.get("version")) != str(current):
        raise ConflictError(f"Tệp Excel được tạo từ phiên bản {meta.get('version')} của báo cáo; báo cáo nay đã ở phiên bản "
                            f"{current} (có người lưu sau khi tải tệp). Hãy tải tệp mới và nhập lại.")
    errors: list[str] = []
    task_rows = _read_rows(book[TASK_SHEET], TASK_COLUMNS, "task_id", errors)
    for row in task_rows:
        label = row.get("state")
        if label in STATE_BY_LABEL:
            row["state"] = STATE_BY_LABEL[label]
        elif label in (None, ""):
            row.pop("state")
    value_rows = _read_rows(book[VALUE_SHEET], VALUE_COLUMNS, "target_id", errors)
    texts: dict[str, str] = {}
    if INFO_SHEET in book.sheetnames:
        info = book[INFO_SHEET]
        for r, key in enumerate(("summary", "difficulties", "proposals"), start=1):
            texts[key] = str(info.cell(r, 2).value or "")
    if errors:
        raise ValidationError("Tệp Excel có dòng không hợp lệ, chưa lưu gì:", errors)
    try:
        saved = save_draft(actor, submission, expected_version=current, task_reports=task_rows, values=value_rows, **texts)
    except ValidationError as exc:
        raise ValidationError("Tệp Excel có dòng không hợp lệ, chưa lưu gì:", exc.errors) from exc
    record(actor, "reporting.workbook_imported", saved, unit_id=saved.unit_id,
           after={"tasks": len(task_rows), "values": len(value_rows), "version": saved.version})
    return saved


def _read_rows(sheet: Any, columns: list[tuple[str, str, int]], id_key: str, errors: list[str]) -> list[dict[str, Any]]:
    rows = []
    for r, cells in enumerate(sheet.iter_rows(min_row=FIRST_ROW, values_only=True), start=FIRST_ROW):
        if not cells or all(c in (None, "") for c in cells):
            continue
        row: dict[str, Any] = {"_row": r}
        for (key, _, _), cell in zip(columns, cells, strict=False):
            if key:
                row[key] = _cell(cell)
        if row.get(id_key) in (None, ""):
            errors.append(f"Trang “{sheet.title}”, dòng {r}: thiếu mã ở cột đầu (đừng xoá hay sửa cột “Mã”).")
            continue
        rows.append(row)
    return rows


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    if value is None:
        return ""
    return value
