"""Indicators named one after another and set 'respectively' ('Tỷ lệ A và tỷ lệ B lần lượt đạt 70% và 90%'): the
n-th name takes the n-th figure. Made-up objectives."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text


def _found(*lines: str) -> list[tuple[str, str | None, str | None, int | None]]:
    return [(t.name, t.comparator, t.value, t.year) for t in parse_text("\n".join(lines)).targets]


def test_two_rates_set_respectively() -> None:
    assert _found("KẾ HOẠCH", "I. MỤC TIÊU", "2. Mục tiêu cụ thể",
                  "- Tỷ lệ trường học có phòng học thông minh và tỷ lệ giáo viên có chứng chỉ kỹ năng số lần lượt đạt"
                  " 40% và 75%.") == [
        ("Tỷ lệ trường học có phòng học thông minh", "=", "40", None),
        ("tỷ lệ giáo viên có chứng chỉ kỹ năng số", "=", "75", None)]


def test_three_shares_set_respectively_in_a_year() -> None:
    assert _found("KẾ HOẠCH", "I. MỤC TIÊU", "2. Mục tiêu cụ thể",
                  "- Đến năm 2028, kinh tế số, công nghiệp chế biến và du lịch chiếm lần lượt 20%, 35% và 8%.") == [
        ("kinh tế số", "=", "20", 2028), ("công nghiệp chế biến", "=", "35", 2028), ("du lịch", "=", "8", 2028)]
