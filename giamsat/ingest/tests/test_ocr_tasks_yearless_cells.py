"""OCR text without positions of a one-year plan's task table whose time cells name no year ('Tháng 4', 'Quý III',
'Trước ngày' / '20/11' wrapped in its cell): the cell is the row's deadline, dated in the plan's year as the plan
writes it. Made-up district hospital plan, read as Tesseract would."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_OCR = [
    "SỞ Y TẾ TỈNH BÌNH SƠN",
    "",
    "Số: 12/KH-SYT",
    "",
    "KẾ HOẠCH",
    "Ứng dụng công nghệ thông tin tại các cơ sở y tế năm 2026",
    "",
    "II. NHIỆM VỤ VÀ THỜI GIAN THỰC HIỆN",
    "",
    "TT | Nội dung công việc | Đơn vị chủ trì | Thời gian | Sản phẩm",
    "",
    "1 | Cài đặt phần mềm quản lý | Sở Y tế | Tháng 4 Phần mềm được",
    "khám chữa bệnh tại trạm y tế cài đặt",
    "",
    "2 Thanh toán viện phí không | Sở Tài chính Quý III Biên lai điện",
    "dùng tiền mặt tử",
    "",
    "3 Sơ kết việc ứng dụng công | Sở Y tế Trước ngày | Báo cáo sơ",
    "nghệ thông tin năm 2026 20/11 kết",
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "Sở Y tế theo dõi, tổng hợp kết quả thực hiện.",
]


def test_time_cells_without_a_year_are_the_rows_deadlines_in_the_plans_year() -> None:
    plan = parse_text("\n".join(_OCR))
    assert [(t.no, t.deadline_text, t.deadline.kind.value if t.deadline else None,
             t.deadline.end.isoformat() if t.deadline and t.deadline.end else None) for t in plan.tasks] == [
        ("1", "Tháng 4", "month", "2026-04-30"), ("2", "Quý III", "quarter", "2026-09-30"),
        ("3", "Trước ngày 20/11", "date", "2026-11-20")]
