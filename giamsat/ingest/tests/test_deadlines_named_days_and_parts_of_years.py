"""Deadlines named by a day of the calendar or a part of a year: "Trước Tết Nguyên đán 2027" (the lunar new year,
whose day moves each year), "Tết Dương lịch", "Đầu năm 2027" (its first quarter), "giữa năm 2026" (its first half),
and "từ đầu năm 2027" (ongoing from then)."""

from __future__ import annotations

import datetime as dt

import pytest

from giamsat.ingest.deadlines import parse_deadline
from giamsat.ingest.pipeline import parse_text


@pytest.mark.parametrize(("raw", "kind", "start", "end"), [
    ("Trước Tết Nguyên đán 2027", "date", dt.date(2027, 2, 6), dt.date(2027, 2, 6)),
    ("Hoàn thành trước Tết Nguyên đán năm 2026", "date", dt.date(2026, 2, 17), dt.date(2026, 2, 17)),
    ("Trước Tết Dương lịch 2027", "date", dt.date(2027, 1, 1), dt.date(2027, 1, 1)),
    ("Đầu năm 2027", "quarter", dt.date(2027, 1, 1), dt.date(2027, 3, 31)),
    ("Giữa năm 2026", "half", dt.date(2026, 1, 1), dt.date(2026, 6, 30)),
    ("Từ đầu năm 2027", "continuous", dt.date(2027, 1, 1), None),
    # periods of their own are not parts of a year
    ("6 tháng đầu năm 2027", "half", dt.date(2027, 1, 1), dt.date(2027, 6, 30)),
    ("9 tháng đầu năm 2026", "month", dt.date(2026, 1, 1), dt.date(2026, 9, 30)),
    ("Cuối năm 2026", "year", dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
    ("Quý I/2027 (trước Tết Nguyên đán)", "quarter", dt.date(2027, 1, 1), dt.date(2027, 3, 31)),
])
def test_named_days_and_parts_of_years(raw: str, kind: str, start: dt.date, end: dt.date | None) -> None:
    spec = parse_deadline(raw)
    assert (spec.kind, spec.start, spec.end) == (kind, start, end)


def test_tet_with_no_year_is_left_unknown() -> None:
    assert parse_deadline("Trước Tết Nguyên đán").kind == "unknown"


def test_a_task_table_due_before_tet() -> None:
    plan = parse_text("\n".join([
        "KẾ HOẠCH", "Chuyển đổi số năm 2026", "", "II. NHIỆM VỤ",
        "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |",
        "|---|---|---|---|",
        "| 1 | Hoàn thành cấp chữ ký số cho cán bộ, công chức cấp xã | Sở Khoa học và Công nghệ | Trước Tết Nguyên đán 2027 |",
        "| 2 | Rà soát, chuẩn hóa dữ liệu dân cư | Công an tỉnh | Đầu năm 2027 |"]))
    assert [(t.deadline.kind, t.deadline.end) for t in plan.tasks if t.deadline] == [
        ("date", dt.date(2027, 2, 6)), ("quarter", dt.date(2027, 3, 31))]


def test_a_duty_in_prose_due_before_tet() -> None:
    plan = parse_text("\n".join([
        "KẾ HOẠCH", "Chuyển đổi số năm 2026", "", "II. NHIỆM VỤ VÀ GIẢI PHÁP",
        "1. Sở Khoa học và Công nghệ chủ trì hoàn thành cấp chữ ký số cho cán bộ, công chức cấp xã trước Tết Nguyên đán 2027.",
        "2. Công an tỉnh chủ trì rà soát, chuẩn hóa dữ liệu dân cư, hoàn thành đầu năm 2027."]))
    assert [(t.deadline.kind, t.deadline.end) for t in plan.tasks if t.deadline] == [
        ("date", dt.date(2027, 2, 6)), ("quarter", dt.date(2027, 3, 31))]
