"""Deadlines a school or a college writes by the school year (made-up cells): "Năm học 2025 - 2026", "Học kỳ II năm
học 2025-2026". A school year runs from September to May; its first term ends in January, its second in May."""

from __future__ import annotations

import datetime as dt

import pytest

from giamsat.domain.deadline import DeadlineKind
from giamsat.ingest.deadlines import parse_deadline
from giamsat.ingest.pipeline import parse_text

D = dt.date


@pytest.mark.parametrize(("raw", "start", "end"), [
    ("Năm học 2025 - 2026", D(2025, 9, 1), D(2026, 5, 31)),
    ("Học kỳ I năm học 2025-2026", D(2025, 9, 1), D(2026, 1, 31)),
    ("Học kỳ II năm học 2025 - 2026", D(2026, 2, 1), D(2026, 5, 31)),
    ("học kỳ 2 của năm học 2026–2027", D(2027, 2, 1), D(2027, 5, 31)),
    ("Hoc ky II nam hoc 2025 - 2026", D(2026, 2, 1), D(2026, 5, 31)),     # OCR text without marks
])
def test_a_school_year_or_term_is_due_at_its_end(raw: str, start: dt.date, end: dt.date) -> None:
    spec = parse_deadline(raw)
    assert (spec.kind, spec.start, spec.end) == (DeadlineKind.RANGE, start, end)
    assert spec.extra["school_year"] == f"{start.year if start.month >= 9 else start.year - 1}-{end.year}"


def test_two_calendar_years_are_still_a_range_of_years() -> None:
    spec = parse_deadline("2025 - 2026")
    assert (spec.start, spec.end) == (D(2025, 1, 1), D(2026, 12, 31))


def test_a_college_task_due_in_the_second_term() -> None:
    plan = parse_text("\n".join([
        "TRƯỜNG CAO ĐẲNG KỸ THUẬT TỈNH", "KẾ HOẠCH", "Chuyển đổi số trong nhà trường năm học 2025 - 2026", "",
        "II. NHIỆM VỤ", "",
        "| TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |",
        "| --- | --- | --- | --- | --- |",
        "| 1 | Số hóa học liệu các môn cơ sở | Phòng Đào tạo | Các khoa | Học kỳ II năm học 2025 - 2026 |",
    ]))
    [task] = plan.tasks
    assert task.deadline is not None
    assert (task.deadline.start, task.deadline.end) == (D(2026, 2, 1), D(2026, 5, 31))
