"""OCR text without positions of a year table whose unit column stands after the years ('TT | Chỉ tiêu | Năm 2026 |
Năm 2027 | Năm 2028 | Đơn vị tính | Đơn vị chủ trì'), the lead's narrow cell wrapping a word or two a line: a row's
first line reads '… 500 800 1.200 hộ Sở Công', the unit's lower-case words between the figures and the lead's first
words. The lead is still the name those words begin and the lines below complete. Made-up provincial plan."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_OCR = [
    "ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN",
    "",
    "Số: 77/KH-UBND",
    "",
    "KẾ HOẠCH",
    "Phát triển thương mại điện tử giai đoạn 2026 - 2028",
    "",
    "I. CHỈ TIÊU",
    "",
    "TT | Chỉ tiêu Năm Năm Năm Đơn vị Đơn vị chủ",
    "2026 2027 2028 tính trì",
    "1 Số hộ kinh doanh | 500 800 1.200 hộ Sở Công",
    "sử dụng thanh toán Thương",
    "không dùng tiền mặt",
    "2 Thời gian cấp phép | 10 8 5 ngày làm | Sở Xây",
    "xây dựng trực tuyến việc dựng",
    "",
    "II. NHIỆM VỤ",
    "1. Sở Công Thương hướng dẫn hộ kinh doanh bán hàng trên sàn thương mại điện tử (Quý III/2026).",
]


def test_the_lead_after_a_unit_cell_is_read_down_its_narrow_cell() -> None:
    plan = parse_text("\n".join(_OCR))
    assert [(t.no, t.value, t.lead_code) for t in plan.targets] == [("1", "500", "SCT"), ("2", "10", "SXD")]
    assert plan.targets[0].name == "Số hộ kinh doanh sử dụng thanh toán không dùng tiền mặt"
