"""OCR text without positions of a task table whose task's words end in a noun made with 'trình' ('Xây dựng chương
trình' / 'Ban hành quy trình') right before the lead's cell: that 'trình' is the task's noun, not the verb 'trình'
(submit to: 'trình UBND tỉnh' names no lead), so the unit after it is the lead, also when its name wraps down its cell
('Sở Công' / 'Thương'). Made-up plan, read as Tesseract would."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_OCR = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH BÌNH SƠN",
    "",
    "Số: 12/KH-UBND",
    "",
    "KẾ HOẠCH",
    "Phát triển kinh tế số năm 2026",
    "",
    "PHỤ LỤC",
    "DANH MỤC NHIỆM VỤ",
    "",
    "TT Nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời hạn",
    "1 Xây dựng chương trình Sở Công Sở Tài chính Quý II/2026",
    "hỗ trợ doanh nghiệp nhỏ | Thương",
    "và vừa chuyển đổi số",
    "2 Ban hành quy trình Sở Tư pháp Sở Nội vụ Quý III/2026",
    "kiểm tra văn bản điện tử",
    "",
    "Nơi nhận:",
]


def test_the_unit_after_a_programme_is_the_lead() -> None:
    plan = parse_text("\n".join(_OCR))
    assert [(t.no, t.lead_code) for t in plan.tasks] == [("1", "SCT"), ("2", "STP")]
