"""An inspection plan's table names the units inspected before the unit that inspects them ("STT | Nội dung | Đơn vị
được kiểm tra | Cơ quan chủ trì kiểm tra | Thời gian"), read by OCR as plain text: on a row's lines the inspected
units come first, so the lead is the unit right of them, not the first one after the task's words (made-up plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

TEXT = "\n".join([
    "ỦY BAN NHÂN DÂN", "TỈNH BẮC LĨNH", "", "Số: 52/KH-UBND", "", "KẾ HOẠCH",
    "Kiểm tra công tác chuyển đổi số năm 2026", "",
    "I. NHIỆM VỤ KIỂM TRA", "",
    "STT | Nội dung Đơn vị được kiểm | Cơ quan chủ | Thời gian", "tra trì kiểm tra",
    "1 Kiểm tra việc cấp Sở Xây dựng | Sở Nội vụ | Tháng 4/2026",
    "phép xây dựng trực",
    "tuyến",
    "2 Kiểm tra việc thu Sở Y tế Sở Tài chính | Tháng 6/2026",
    "viện phí không dùng",
    "tiền mặt",
    "3 Kiểm tra an toàn Sở Tư pháp Công an tỉnh | Quý III/2026",
    "thông tin các hệ",
    "thống dùng chung", "",
    "II. TỔ CHỨC THỰC HIỆN", "",
    "Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch.", "",
])


def test_the_lead_is_the_unit_right_of_the_inspected_ones() -> None:
    tasks = parse_text(TEXT).tasks
    assert [t.no for t in tasks] == ["1", "2", "3"]
    assert [t.lead_code for t in tasks] == ["SNV", "STC", "CAT"]
