"""A target cell worded as a change: "Tăng 15% so với năm 2025" is a rise of 15 % over its base year (the base is
no milestone), "Giảm còn dưới 5%" a fall to below 5 %, "Giảm xuống 3,8%" a fall to 3,8 %. Made-up cells and a
made-up indicator table of a tourism plan, also with their marks lost."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text
from giamsat.ingest.restore.syllable import strip_marks
from giamsat.ingest.targets import parse_value


def test_a_rise_over_a_base_year_is_its_rate() -> None:
    assert parse_value("Tăng 15% so với năm 2025") == ("15", "=")
    assert parse_value("Tăng 20% so với cùng kỳ") == ("20", "=")
    assert parse_value(strip_marks("Tăng 15% so với năm 2025")) == ("15", "=")


def test_a_fall_to_a_bound_is_that_bound() -> None:
    assert parse_value("Giảm còn dưới 5%") == ("5", "<")
    assert parse_value("Giảm xuống dưới 2%") == ("2", "<")
    assert parse_value("Giảm còn 3,8%") == ("3,8", "=")
    assert parse_value(strip_marks("Giảm còn dưới 5%")) == ("5", "<")


def test_words_that_state_no_figure_stay_text() -> None:
    assert parse_value("Đạt") == ("Đạt", "text")
    assert parse_value("Tăng so với năm 2025") == ("Tăng so với năm 2025", "text")


PLAN = """KẾ HOẠCH
Phát triển du lịch thông minh của tỉnh Lâm Viên giai đoạn 2026 - 2030

II. CHỈ TIÊU CHỦ YẾU

| TT | Chỉ tiêu | Hiện trạng năm 2024 | Mục tiêu năm 2026 | Mục tiêu năm 2030 | Đơn vị tính |
|---|---|---|---|---|---|
| 1 | Doanh thu du lịch qua các nền tảng trực tuyến | 900 | Tăng 15% so với năm 2025 | Tăng 50% so với năm 2025 | tỷ đồng |
| 2 | Tỷ lệ phản ánh của du khách xử lý quá hạn | 12 | Giảm còn dưới 5% | Giảm còn dưới 2% | % |
"""


def test_a_table_of_changes_gives_each_rate_and_bound() -> None:
    got = [(t.no, t.comparator, t.value, t.year) for t in parse_text(PLAN).targets]
    assert got == [("1", "=", "15", 2026), ("2", "<", "5", 2026)]
