"""OCR text without positions of a task table whose one roles column writes the roles abbreviated, as the plan's key
defines them ('CT: Sở Tài chính; PH: Sở' / 'Khoa học và Công nghệ'): the unit after 'CT:' leads, not the coordinator
whose name the next line completes. Made-up plan, as Tesseract reads it."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_OCR = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH NAM HÀ",
    "",
    "Số: 80/KH-UBND",
    "",
    "KẾ HOẠCH",
    "Phát triển hạ tầng số năm 2026",
    "",
    "II. NHIỆM VỤ",
    "",
    "Chi tiết tại bảng dưới đây (CT: chủ trì; PH: phối hợp):",
    "",
    "STT Nhiệm vụ Chủ trì/Phối hợp Thời gian",
    "1 Ban hành cơ chế hỗ trợ CT: Sở Tài chính; PH: Sở | Tháng 6/2026",
    "đầu tư trạm phát sóng 5G | Khoa học và Công nghệ",
    "2 Kết nối mạng chuyên dùng CT: Bưu điện tỉnh; PH: Quý IV/2026",
    "đến các xã, phường Sở Khoa học và Công",
    "nghệ",
    "3 Diễn tập an toàn thông CT: Công an tỉnh; PH: Sở | Tháng 10/2026",
    "tin mạng cấp tỉnh Nội vụ",
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "Các cơ quan báo cáo kết quả về Sở Khoa học và Công nghệ.",
]


def test_the_unit_after_ct_leads_in_ocr_rows() -> None:
    plan = parse_text("\n".join(_OCR))
    assert [(t.no, t.lead_code) for t in plan.tasks] == [("1", "STC"), ("2", "BUU_DIEN"), ("3", "CAT")]
