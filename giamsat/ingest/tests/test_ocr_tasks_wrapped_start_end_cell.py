"""OCR text without positions of a task table whose one time column holds a start and an end ('Thời gian bắt đầu –
kết thúc'): a narrow cell wraps the range, 'Quý II/2026 - Quý' on the row's first line, 'IV/2027' at the end of the
next; the end is the deadline, not the start. Made-up plan, as Tesseract reads it."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_OCR = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH NAM HÀ",
    "",
    "Số: 81/KH-UBND",
    "",
    "KẾ HOẠCH",
    "Phát triển hạ tầng số năm 2026 - 2027",
    "",
    "II. NHIỆM VỤ",
    "",
    "STT Nhiệm vụ Chủ trì/Phối hợp Thời gian bắt đầu -",
    "kết thúc",
    "1 Phủ sóng 5G các khu công Chủ trì: Sở Công Thương; Quý II/2026 - Quý",
    "nghiệp và khu du lịch phối hợp: Viettel tỉnh IV/2027",
    "2 Cải tạo hệ thống cáp treo | Chủ trì: Sở Xây dựng; | 03/2026 -",
    "trên các tuyến phố chính | phối hợp: VNPT tỉnh 12/2026",
    "3 Diễn tập an toàn thông tin | Chủ trì: Công an tỉnh | 2026 - 2027",
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "Các cơ quan báo cáo kết quả về Sở Khoa học và Công nghệ.",
]


def test_the_end_of_a_wrapped_start_end_cell_is_the_deadline() -> None:
    plan = parse_text("\n".join(_OCR))
    assert [(t.no, t.deadline.kind.value if t.deadline else None, t.deadline.end.isoformat() if t.deadline and
             t.deadline.end else None) for t in plan.tasks] == [
        ("1", "quarter", "2027-12-31"), ("2", "month", "2026-12-31"), ("3", "range", "2027-12-31")]
