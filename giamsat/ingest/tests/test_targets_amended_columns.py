"""A plan amending its indicators in a table of old and new wording ("| STT | Chỉ tiêu | Nội dung cũ | Nội dung điều
chỉnh |"), each cell a sentence ("Đến năm 2028 đạt tối thiểu 75%"): the target is the new cell's figure, bound, unit and
year, never the old one's. Made-up plan."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

PLAN = """KẾ HOẠCH
Điều chỉnh một số chỉ tiêu chuyển đổi số của huyện Lâm Hà

I. ĐIỀU CHỈNH CHỈ TIÊU

| STT | Chỉ tiêu | Nội dung cũ | Nội dung điều chỉnh |
|---|---|---|---|
| 1 | Tỷ lệ hộ kinh doanh thanh toán không dùng tiền mặt | Đến năm 2027 đạt 60% | Đến năm 2028 đạt tối thiểu 75% |
| 2 | Số thôn có điểm truy cập Internet công cộng | Đến năm 2026 có 20 thôn | Đến năm 2026 có ít nhất 32 thôn |
| 3 | Thời gian xử lý hồ sơ đất đai | Năm 2026 không quá 15 ngày | Năm 2026 không quá 10 ngày |
"""


def test_the_new_wording_is_the_target() -> None:
    got = [(t.no, t.comparator, t.value, t.unit, t.year) for t in parse_text(PLAN).targets]
    assert got == [("1", ">=", "75", "%", 2028), ("2", ">=", "32", "thôn", 2026), ("3", "<=", "10", "ngày", 2026)]
