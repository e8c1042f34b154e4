"""An indicator table with one column per quarter, read by OCR as plain text row by row ("TT | Chỉ tiêu Đơn vị |
Thực Quý I | Quý II | …" / each row: its name's first words, the unit, the baseline and four quarters' figures, the
monitoring body's first words): each row a target valued at its last quarter for the quarters' year, as in a
table with positions. Plan made up for these tests."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

PLAN = """KẾ HOẠCH
Chuyển đổi số xã Tân Hưng năm 2026
I. CHỈ TIÊU NĂM 2026 THEO QUÝ
TT | Chỉ tiêu Đơn vị | Thực Quý I | QuýlI | Quý III | QuýlV | Đơn vị
tính hiện theo dõi
năm 2025
1 Tỷ lệ hồ sơ | % 30 35 40 45 50 Văn phòng
nộp trực tuyến HĐND và
UBND xã
2 Số hộ dùng | hộ 200 250 300 350 400 Phòng Kinh
ví điện tử tế
II. NHIỆM VỤ
1. Phòng Kinh tế hướng dẫn thanh toán số, hoàn thành trong Quý IV/2026.
"""


def test_each_row_is_valued_at_its_last_quarter() -> None:
    got = [(t.no, t.name, t.value, t.unit, t.year, t.lead_code, t.milestones) for t in parse_text(PLAN).targets]
    assert got == [   # was []: no year in the header's columns
        ("1", "Tỷ lệ hồ sơ nộp trực tuyến", "50", "%", 2026, "VP_HDND_UBND_XA", {}),
        ("2", "Số hộ dùng ví điện tử", "400", "hộ", 2026, "PHONG_KT", {}),
    ]


def test_a_cell_border_read_as_a_bracket_between_figures() -> None:
    plan = PLAN.replace("hộ 200 250 300 350 400", "hộ 200 [250 |300 |350 |400 |")
    assert [t.value for t in parse_text(plan).targets] == ["50", "400"]
