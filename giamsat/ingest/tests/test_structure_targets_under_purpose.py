"""A plan's first part may hold its purpose and its targets together ("I. MỤC ĐÍCH, YÊU CẦU, CHỈ TIÊU"), the targets
under a numbered sub-heading of their own ("2. Chỉ tiêu năm 2027") as decimal-numbered lines ("2.1. 100% …", the
figure right after the number). Made-up plan of a provincial tax office."""

from __future__ import annotations

from giamsat.ingest.clean import clean_lines
from giamsat.ingest.pipeline import parse_bytes
from giamsat.ingest.structure import Outline, classify

PLAN = """KẾ HOẠCH
Ứng dụng hóa đơn điện tử năm 2027

I. MỤC ĐÍCH, YÊU CẦU VÀ CHỈ TIÊU

1. Mục đích, yêu cầu
Bảo đảm người nộp thuế được hỗ trợ kịp thời khi sử dụng hóa đơn điện tử.

2. Chỉ tiêu năm 2027
2.1. 100% hộ kinh doanh nộp thuế theo phương pháp kê khai sử dụng hóa đơn điện tử khởi tạo từ máy tính tiền.
2.2. Tỷ lệ hồ sơ hoàn thuế được giải quyết đúng hạn đạt tối thiểu 98%.

II. NHIỆM VỤ
1. Phòng Tuyên truyền hỗ trợ người nộp thuế tổ chức tập huấn cho hộ kinh doanh, hoàn thành trong Quý I/2027.
"""


def test_a_decimal_number_may_open_on_a_figure() -> None:
    assert classify("2.1. 100% hộ kinh doanh sử dụng hóa đơn điện tử.")[:2] == ("num2", 3)
    assert classify("2.1 100 hộ")[0] != "num2"         # no closing stop: a figure, not an item


def test_targets_under_a_purpose_part_are_an_objectives_part() -> None:
    lines = clean_lines(PLAN.split("\n")).lines
    sections = Outline(lines, lines, lambda s: s).sections
    assert [(s.kind, s.title[:22]) for s in sections] == [
        ("purpose", "MỤC ĐÍCH, YÊU CẦU VÀ C"), ("objectives", "Chỉ tiêu năm 2027"), ("tasks", "NHIỆM VỤ")]


def test_the_targets_take_the_year_of_their_sub_heading() -> None:
    j = parse_bytes(PLAN.encode()).to_json()
    assert sorted((t["value"], t["comparator"], t["year"]) for t in j["targets"]) == [
        ("100", "=", 2027), ("98", ">=", 2027)]
