"""Units keep annexes of tasks and targets as Excel workbooks. Each sheet's title rows are lines, the rest a table;
values read as shown (a percentage cell 0.6 formatted '0%' is 60%). A damaged workbook gets a clear error."""

from __future__ import annotations

import io

import openpyxl
import pytest

from giamsat.ingest.errors import IngestError
from giamsat.ingest.pipeline import parse_bytes


def _workbook() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục I"
    ws.append(["PHỤ LỤC I"])
    ws.append(["DANH MỤC NHIỆM VỤ THỰC HIỆN KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026"])
    ws.append([])
    ws.append(["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"])
    ws.append([1, "Số hóa hồ sơ hộ tịch còn lại", "Sở Tư pháp", "UBND các xã, phường", "Quý II/2026"])
    ws.append([2, "Triển khai học bạ số cho học sinh tiểu học", "Sở Giáo dục và Đào tạo", None, "Tháng 9/2026"])
    targets = wb.create_sheet("Phụ lục II")
    targets.append(["TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2026", "Năm 2030", "Cơ quan chủ trì"])
    targets.append([1, "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình", "%", 0.6, 0.8, "Sở Khoa học và Công nghệ"])
    targets["D2"].number_format = targets["E2"].number_format = "0%"
    targets.append([2, "Số doanh nghiệp công nghệ số", "doanh nghiệp", 120, 200, "Sở Khoa học và Công nghệ"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_an_excel_annex_gives_its_tasks_and_targets() -> None:
    plan = parse_bytes(_workbook())
    assert plan.input_kind == "xlsx"
    assert [(t.name, t.lead, t.coordinators, t.deadline.end.isoformat() if t.deadline and t.deadline.end else None)
            for t in plan.tasks] == [
        ("Số hóa hồ sơ hộ tịch còn lại", "Sở Tư pháp", ["UBND các xã, phường"], "2026-06-30"),
        ("Triển khai học bạ số cho học sinh tiểu học", "Sở Giáo dục và Đào tạo", [], "2026-09-30")]
    assert [(t.name, t.value, t.unit, t.milestones) for t in plan.targets] == [
        ("Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình", "60", "%", {"2026": "60%", "2030": "80%"}),
        ("Số doanh nghiệp công nghệ số", "120", "doanh nghiệp", {"2026": "120", "2030": "200"})]


def test_a_damaged_workbook_gets_a_clear_error() -> None:
    data = bytearray(_workbook())
    k = data.find(b"xl/workbook.xml")
    with pytest.raises(IngestError):
        parse_bytes(bytes(data[: k + 200]))          # cut: the zip's directory is gone
