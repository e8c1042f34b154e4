"""A table of duties by unit without ruling lines: a narrow number column, the unit, then one wide column holding
each unit's duties over several lines (the column runs to the right margin, so its lines are nearly as wide as the
page's prose). The next part's heading follows, centred on the page (over the wide column). Word positions made up
(as pdfplumber gives them for a text PDF)."""

from __future__ import annotations

from typing import Any

from giamsat.ingest.readers import borderless_lines

from .shared import pdf_words

PROSE = "Ủy ban nhân dân huyện giao nhiệm vụ cụ thể cho các cơ quan, đơn vị trực thuộc như sau để thực hiện"
ROWS = [("TT", ["Đơn vị"], ["Nhiệm vụ được giao"]),
        ("1", ["Phòng Văn hóa"], ["- Xây dựng trang thông tin điện tử của huyện theo mẫu thống nhất của",
                                  "tỉnh, hoàn thành trong Quý II/2027; - Cập nhật các tin bài hằng tuần lên",
                                  "trang thông tin điện tử của huyện."]),
        ("2", ["Phòng Nội vụ"], ["- Bố trí công chức phụ trách chuyển đổi số tại các xã, thị trấn của huyện,",
                                 "hoàn thành trong tháng 8/2027."]),
        ("3", ["Phòng Tài chính", "- Kế hoạch"], ["- Bảo đảm kinh phí thực hiện các nhiệm vụ trong dự toán năm 2027."])]


def _page() -> list[dict[str, Any]]:
    words = pdf_words(PROSE, 40, -40)                       # the body's prose, margin to margin (40 to ~480)
    top = 0.0
    for label, units, duties in ROWS:
        for n in range(max(len(units), len(duties))):
            cells = [(40.0, label if n == 0 else ""), (62.0, units[n] if n < len(units) else ""),
                     (170.0, duties[n] if n < len(duties) else "")]
            words.extend(w for x0, text in cells for w in pdf_words(text, x0, top))
            top += 14
        top += 4
    words.extend(pdf_words("III. KINH PHÍ THỰC HIỆN", 220, top + 16))
    words.extend(pdf_words("Kinh phí thực hiện Kế hoạch được bố trí từ ngân sách huyện theo phân cấp hiện hành.", 40,
                        top + 34))
    return words


def test_a_wide_columns_lines_are_its_cell_not_prose() -> None:
    """Was: the duties' second line, starting at the wide column's edge and as wide as prose, ended the table;
    the rows after it were lost."""
    lines = borderless_lines(_page())
    assert "| 1 | Phòng Văn hóa | - Xây dựng trang thông tin điện tử của huyện theo mẫu thống nhất của tỉnh, " \
           "hoàn thành trong Quý II/2027; - Cập nhật các tin bài hằng tuần lên trang thông tin điện tử của huyện. |" \
        in lines
    assert "| 2 | Phòng Nội vụ | - Bố trí công chức phụ trách chuyển đổi số tại các xã, thị trấn của huyện, hoàn " \
           "thành trong tháng 8/2027. |" in lines


def test_the_next_parts_heading_centred_over_the_wide_column_ends_the_table() -> None:
    lines = borderless_lines(_page())
    assert "| 3 | Phòng Tài chính - Kế hoạch | - Bảo đảm kinh phí thực hiện các nhiệm vụ trong dự toán năm 2027. |" \
        in lines
    assert "III. KINH PHÍ THỰC HIỆN" in lines
    assert lines[0] == PROSE
