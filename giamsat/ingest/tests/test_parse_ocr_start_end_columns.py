"""Plain OCR text of an annex with 'Thời gian thực hiện: Bắt đầu | Kết thúc': a row's two months stand side by side
on one line ("Tháng Tháng" over "02/2026 | 7/2026"); the deadline is the end, the right-most (made-up lines)."""

from __future__ import annotations

import datetime as dt

from giamsat.ingest.pipeline import parse_text

TEXT = "\n".join([
    "ỦY BAN NHÂN DÂN HUYỆN HÀ SƠN", "", "KẾ HOẠCH", "Chuyển đổi số năm 2026", "",
    "PHỤ LỤC", "DANH MỤC NHIỆM VỤ NĂM 2026", "",
    "| STT Nội dung Đơn vị Thời gian Kết quả,",
    "nhiệm vụ thực hiện thực hiện sản phẩm",
    "Chủ trì |Phối hợp |Bắt đầu | Kết thúc", "",
    "I |CHÍNH QUYỀN", "SỐ", "",
    "1 Nâng cấp cổng | Phòng Tháng Tháng Cổng",
    "thông tin điện tử | Văn hóa 02/2026 | 7/2026 được",
    "của huyện | và Thông tin nâng cấp", "",
    "2 Số hóa hồ sơ | Văn phòng Tháng Tháng Hồ sơ",
    "địa chính đất | HĐND và 3/2026 | 11/2026 được số hóa",
    "đai của huyện UBND", "",
])


def test_the_end_month_beside_the_start_month_is_the_deadline() -> None:
    tasks = parse_text(TEXT).tasks
    assert [t.no for t in tasks] == ["1", "2"]
    assert [t.deadline.end if t.deadline else None for t in tasks] == [dt.date(2026, 7, 31), dt.date(2026, 11, 30)]
