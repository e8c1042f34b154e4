"""OCR text without positions of a task table where Tesseract read one row's number as letters ('ạị Lắp đặt …' for
'3 Lắp đặt …'): the rows around it are numbered 2 and 4, and the one paragraph between them that opens with a short
token no cell's wrapped line opens with, before a capitalised word, is row 3. Made-up ward plan."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_OCR = [
    "ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN",
    "",
    "Số: 44/KH-UBND",
    "",
    "KẾ HOẠCH",
    "Phát triển đô thị thông minh năm 2026",
    "",
    "PHỤ LỤC",
    "NHIỆM VỤ CỤ THỂ",
    "",
    "TT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian",
    "",
    "1 Xây dựng trung tâm giám | Sở Xây dựng | Sở Tài chính Quý II/2026",
    "sát đô thị thông minh",
    "",
    "2 Số hóa bản đồ quy hoạch | Sở Xây dựng | Sở Nội vụ Tháng 8/2026",
    "chung của tỉnh",
    "",
    "ạị Lắp đặt hệ thống | Công an tỉnh | Sở Tài chính Quý III/2026",
    "camera giao thông",
    "",
    "4 Kết nối dữ liệu giao thông | Sở Tài chính | Công an tỉnh Quý IV/2026",
    "với trung tâm giám sát",
]


def test_a_number_read_as_letters_between_two_rows_opens_the_row_lost() -> None:
    plan = parse_text("\n".join(_OCR))
    assert [(t.no, t.lead_code, t.deadline_text) for t in plan.tasks] == [
        ("1", "SXD", "Quý II/2026"), ("2", "SXD", "Tháng 8/2026"), ("3", "CAT", "Quý III/2026"),
        ("4", "STC", "Quý IV/2026")]
    assert plan.tasks[2].name.startswith("Lắp đặt hệ thống camera")
