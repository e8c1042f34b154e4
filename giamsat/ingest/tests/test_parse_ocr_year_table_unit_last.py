"""A year-column indicator table read by OCR as plain text whose unit column follows the years ("Chỉ tiêu | Năm
2026 | Năm 2027 | Năm 2028 | Đơn vị tính | Đơn vị chủ trì"), its first row's "1" lost and its header repeated after
a page break: the first row is the one line of words and a run of values between the header and row 2, the "%"
after the run is the unit, and a year in the header's second line counts nothing. Plan made up for these tests."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

PLAN = """KẾ HOẠCH
Chuyển đổi số năm 2026 - 2028
I. MỤC TIÊU
Nâng cao chất lượng dịch vụ số cho người dân.
II. CÁC CHỈ TIÊU
Chỉ tiêu Năm Năm Năm Đơn vị Đơn vị chủ
2026 2027 2028 tính trì
Tỷ lệ hộ dân dùng | 55 65 75 % Sở Tài
ví điện tử chính

TT | Chỉ tiêu Năm Năm Năm Đơn vị Đơn vị chủ
2026 2027 2028 tính trì
2 Tỷ lệ chợ có mã | 40 50 60 % Sở Công
QR thanh toán Thương
3 Tỷ lệ trường học | 70 80 90 % Sở Giáo dục
thu học phí không và Đào tạo
dùng tiền mặt
III. NHIỆM VỤ
1. Sở Tài chính hướng dẫn thanh toán số, hoàn thành trong Quý I/2026.
"""


def test_the_first_row_without_its_number_is_read() -> None:
    found = parse_text(PLAN).targets
    assert [(t.no, t.name, t.lead_code) for t in found] == [
        ("1", "Tỷ lệ hộ dân dùng ví điện tử", "STC"), ("2", "Tỷ lệ chợ có mã QR thanh toán", "SCT"),
        ("3", "Tỷ lệ trường học thu học phí không dùng tiền mặt", "SGDDT")]


def test_the_percent_after_the_run_is_the_unit_not_part_of_the_last_value() -> None:
    assert [(t.unit, t.milestones) for t in parse_text(PLAN).targets][1] == ("%", {"2026": "40", "2027": "50", "2028": "60"})


def test_a_header_year_before_tinh_is_no_count() -> None:
    assert not any("Chỉ tiêu" in t.name for t in parse_text(PLAN).targets)
