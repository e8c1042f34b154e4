"""Deadline phrases: two months joined, a year after "hàng năm" (made-up phrases)."""

from __future__ import annotations

import datetime as dt

from giamsat.domain.deadline import Recurrence
from giamsat.ingest.deadlines import parse_deadline
from giamsat.ingest.pipeline import parse_text
from giamsat.ingest.tests.test_parse_unit_heading_colon import _PLAN


def test_two_months_joined_are_due_by_the_later() -> None:
    # a duty done in each month named ("Tháng 11/2025 và tháng 4/2026": twice in a school year) is due by the last one
    spec = parse_deadline("Tháng 11/2025 và tháng 4/2026")
    assert (spec.kind.value, spec.start, spec.end) == ("month", dt.date(2025, 11, 1), dt.date(2026, 4, 30))
    spec = parse_deadline("Tháng 02/2026, tháng 8/2026")
    assert (spec.start, spec.end) == (dt.date(2026, 2, 1), dt.date(2026, 8, 31))


def test_hang_nam_followed_by_a_year_is_no_recurrence() -> None:
    # "đặt hàng năm 2028" (to order for the year 2028): "hàng năm" before a year is not "every year"; the duty's
    # deadline is the date it names
    plan = _PLAN.replace("- Cấp phiếu lý lịch tư pháp trực tuyến, hoàn thành trong Quý III/2026.",
                         "- Đề xuất danh mục nhiệm vụ đặt hàng năm 2028, hoàn thành trước ngày 30/6/2027.")
    task = parse_text(plan).tasks[1]
    assert task.deadline is not None and task.deadline.recurrence is None and task.deadline.end == dt.date(2027, 6, 30)
    assert parse_deadline("Báo cáo hàng năm").recurrence == Recurrence.ANNUAL
