"""An indicator table with two year columns and no other ('Chỉ tiêu | Năm 2026 | Năm 2027', the unit in brackets at the
end of each name, no number column), read by OCR as plain text: each row's first line its name's first words and its
two figures, the next line the rest of its name. Made-up plan, laid out as Tesseract reads it."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

PLAN = """KẾ HOẠCH
Chuyển đổi số Bệnh viện Đa khoa khu vực năm 2026 - 2027

I. CHỈ TIÊU

Chỉ tiêu Năm 2026 | Năm 2027
Tỷ lệ hồ sơ bệnh án được lưu trữ trên hệ thống 60 90

bệnh án điện tử (%)

Tỷ lệ người bệnh thanh toán viện phí không | 40 >70

dùng tiền mặt (%)

Thời gian chờ khám trung bình của người bệnh 45 30

trong 1 lượt khám (phút)

II. NHIỆM VỤ
1. Phòng Công nghệ thông tin triển khai bệnh án điện tử, hoàn thành trong Quý IV/2027.
"""


def test_each_row_is_a_target_with_both_years() -> None:
    got = [(t.name, t.value, t.unit, t.year, t.milestones) for t in parse_text(PLAN).targets]
    assert got == [   # was one target, the last row read as prose and valued 1 ("trong 1 lượt khám")
        ("Tỷ lệ hồ sơ bệnh án được lưu trữ trên hệ thống bệnh án điện tử", "60", "%", 2026, {"2026": "60", "2027": "90"}),
        ("Tỷ lệ người bệnh thanh toán viện phí không dùng tiền mặt", "40", "%", 2026, {"2026": "40", "2027": "≥70"}),
        ("Thời gian chờ khám trung bình của người bệnh trong 1 lượt khám", "45", "phút", 2026, {"2026": "45", "2027": "30"}),
    ]
