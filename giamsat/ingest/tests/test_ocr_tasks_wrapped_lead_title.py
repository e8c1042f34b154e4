"""OCR text without positions of a task table whose lead column's title wraps in its cell ('Đơn vị thực' / 'hiện'):
Tesseract reads the header's first line with every title cut there and puts the title's last word on a line of its
own below, so the header names the column 'Đơn vị thực … hiện'. Made-up provincial plan, read as Tesseract would."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_OCR = [
    "ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN",
    "",
    "Số: 31/KH-UBND",
    "",
    "KẾ HOẠCH",
    "Chuyển đổi số trong lĩnh vực y tế năm 2026",
    "",
    "II. NHIỆM VỤ VÀ THỜI GIAN THỰC HIỆN",
    "",
    "TT | Nội dung công việc Đơn vị thực Thời gian Sản phẩm",
    "",
    "hiện",
    "",
    "1 | Triển khai bệnh án điện tử | Sở Y tế Tháng 6/2026 Bệnh án điện",
    "tại bệnh viện tuyến tỉnh tử được dùng",
    "",
    "2 Bố trí kinh phí mua sắm | Sở Tài chính Quý III/2026 Dự toán được",
    "thiết bị số cho trạm y tế giao",
    "",
    "3 Kết nối dữ liệu khám chữa | Sở Y tế | Tháng 11/2026 Dữ liệu được",
    "bệnh với cổng dịch vụ công kết nối",
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "Sở Y tế theo dõi, tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.",
]


def test_a_lead_title_wrapped_in_its_cell_heads_a_task_table() -> None:
    plan = parse_text("\n".join(_OCR))
    assert [(t.no, t.lead_code, t.deadline.end.isoformat() if t.deadline and t.deadline.end else None)
            for t in plan.tasks] == [("1", "SYT", "2026-06-30"), ("2", "STC", "2026-09-30"), ("3", "SYT", "2026-11-30")]
    assert plan.tasks[0].name.startswith("Triển khai bệnh án điện tử")
