"""Plain OCR text of an indicator table standing in the plan's own section ("II. CHỈ TIÊU NĂM 2026"), not in an annex:
"TT Chỉ tiêu ĐVT Chỉ tiêu năm 2026 Ghi chú" over numbered rows whose cells OCR interleaved, its header repeated after
a page break (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.model import SourceSpan, Target
from giamsat.ingest.pipeline import parse_text
from giamsat.ingest.targets import prose_only

LINES = [
    "ỦY BAN NHÂN DÂN XÃ AN BÌNH", "", "KẾ HOẠCH", "Chuyển đổi số xã An Bình năm 2026", "",
    "I. MỤC ĐÍCH, YÊU CẦU", "", "Bảo đảm các chỉ tiêu được giao hoàn thành đúng hạn.", "",
    "II. CHỈ TIÊU NĂM 2026", "",
    "TT Chỉ tiêu ĐVT Chỉ tiêu Ghi chú",
    "năm 2026",
    "1 Tỷ lệ hộ gia đình có địa chỉ số | % > 85 Theo danh sách",
    "được gắn trên bản đồ số hộ khẩu",
    "2 Tỷ lệ thủ tục hành chính được | % 100",
    "",
    "thanh toán phí, lệ phí trực tuyến",
    "3 Số điểm phát wifi miễn phí tại điểm 12 Nhà văn hóa thôn",
    "nhà văn hóa thôn",
    "",
    "TT Chỉ tiêu ĐVT Chỉ tiêu Ghi chú",
    "năm 2026",
    "4 Tỷ lệ trường học có sổ điểm điện tử | % > 90",
    "",
    "III. NHIỆM VỤ CỤ THỂ", "", "1. Công an xã hoàn thành gắn địa chỉ số trong Quý II/2026.",
]


def test_the_rows_of_an_indicator_table_in_the_plans_own_section_are_read() -> None:
    found = parse_text("\n".join(LINES)).targets
    rows = [(t.no, t.value, t.comparator, t.year) for t in found]         # no prose reading of the table's lines
    assert rows == [("1", "85", ">=", 2026), ("2", "100", "=", 2026), ("3", "12", "=", 2026), ("4", "90", ">=", 2026)]


def test_a_paragraph_holding_a_rows_figure_over_the_rows_lines_is_that_row() -> None:
    row = Target(name="Tỷ lệ hộ gia đình có địa chỉ số", value="85", comparator=">=", source=SourceSpan(14, 15))
    para = Target(name="TT Chỉ tiêu ĐVT Ghi chú năm 2026 | % > 85 Theo danh sách được gắn trên bản đồ số hộ khẩu", value="85",
                  comparator=">",
                  source=SourceSpan(12, 16))
    other = Target(name="Tỷ lệ hộ dùng ví điện tử", value="40", comparator="=", source=SourceSpan(12, 16))
    assert prose_only([para, other], [row]) == [other]
