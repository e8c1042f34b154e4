"""OCR text without positions of a task table whose narrow deadline column wraps its cell at the row's line ends:
a span's second period opening the next line with its dash ("Quý IV/2026" / "… - Quý II/2027"), and "và các năm
tiếp theo" after a year ("Năm 2026 và" / "… các năm tiếp" / "… theo"), a period's count its word below ("Định kỳ 6" / "… tháng"). The span's end is the deadline; the year and
the years after it are an ongoing duty. Made-up plan of a university, as Tesseract reads it."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_OCR = [
    "TRƯỜNG ĐẠI HỌC NÔNG LÂM",
    "",
    "Số: 512/KH-ĐHNL",
    "",
    "KẾ HOẠCH",
    "Chuyển đổi số của Trường giai đoạn 2026 - 2027",
    "",
    "II. NHIỆM VỤ CỤ THỂ",
    "",
    "| TT | Nhiệm vụ Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn",
    "",
    "1 Xây dựng kho học liệu | Phòng Đào tạo | Trung tâm | Năm 2026 và",
    "số và bài giảng điện tử | Chuyển đổi số | các năm tiếp",
    "cho các học phần theo",
    "",
    "2 Nâng cấp hạ tầng mạng, | Phòng Quản trị | Trung tâm | Quý IV/2026",
    "phòng học thông minh thiết bị Chuyển đổi số - Quý II/2027",
    "",
    "3 Số hóa tài liệu, luận văn | Thư viện | Trung tâm | Quý III/2027",
    "và luận án Chuyển đổi số",
    "",
    "4 Kiểm tra an toàn thông tin | Trung tâm | Phòng Quản trị | Định kỳ 6",
    "các hệ thống của Trường Chuyển đổi số thiết bị tháng",
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "Các đơn vị báo cáo kết quả về Trung tâm Chuyển đổi số.",
]


def test_a_deadline_cell_wrapped_at_the_line_ends_is_read_whole() -> None:
    plan = parse_text("\n".join(_OCR))
    assert [(t.no, t.deadline.kind.value if t.deadline else None, t.deadline.end.isoformat() if t.deadline and
             t.deadline.end else None) for t in plan.tasks] == [
        ("1", "continuous", None), ("2", "quarter", "2027-06-30"), ("3", "quarter", "2027-09-30"),
        ("4", "recurring", None)]
    assert plan.tasks[3].deadline is not None and plan.tasks[3].deadline.recurrence is not None
    assert plan.tasks[3].deadline.recurrence.value == "semiannual"
