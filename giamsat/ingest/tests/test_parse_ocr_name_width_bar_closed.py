"""Plain OCR text of a short task table with a narrow name column: the cells' short last lines ("GRDP của tỉnh", "bán
hàng") outnumber the full ones, so the name column's width read from line lengths alone came out too narrow and each
name lost its lines' last words ("Xây dựng phương thống kê, đo trọng kinh tế …"). The column is at least as wide as
what most name cells hold before the bar closing them on the number lines (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.agencies import AgencyMatcher
from giamsat.ingest.ocr_names import name_width

LINES = [
    "1 Xây dựng bộ tiêu chí | Sở Y tế Bảo hiểm xã hội Tháng 9/2026",
    "đánh giá, xếp hạng bệnh",
    "viện thông minh tỉnh",
    "năm 2026",
    "",
    "2 Xây dựng cơ sở dữ liệu | Sở Y tế | Thuế tỉnh Quý IV/2026",
    "nhà thuốc tư nhân trên",
    "địa bàn tỉnh",
    "",
    "cập nhật định kỳ",
    "",
    "3 Triển khai chương trình | Sở Y tế Sở Khoa học và | 2026 - 2028",
    "khám bệnh từ xa cho",
    "người cao tuổi",
    "vùng sâu",
    "",
    "4 Tổ chức Ngày hội y tế | Sở Y tế | Tỉnh đoàn Tháng 11/2026",
    "số của tỉnh",
    "",
    "5 Hỗ trợ trạm y tế xã | Sở Y tế | Ủy ban nhân dân | Thường xuyên",
    "kết nối khám bệnh",
    "từ xa",
    "tuyến tỉnh",
    "bán hàng",
]


def test_the_width_is_at_least_the_bar_closed_name_cells() -> None:
    anchors = [0, 5, 11, 16, 19]
    assert (name_width(LINES, anchors, 0, len(LINES) - 1, AgencyMatcher()) or 0) >= 21
