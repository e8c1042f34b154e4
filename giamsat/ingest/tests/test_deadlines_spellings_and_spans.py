"""Deadlines as plans also write them: the older spelling "Quí", "Q3/2026", "nửa đầu năm", the first nine months,
several quarters named one by one, and a span counted from an event ("Sau 03 tháng kể từ ngày ký")."""

from __future__ import annotations

import datetime as dt

import pytest

from giamsat.ingest.deadlines import parse_deadline
from giamsat.ingest.pipeline import parse_text


@pytest.mark.parametrize(("raw", "kind", "start", "end"), [
    ("Quí II/2026", "quarter", dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
    ("Quí 4/2027", "quarter", dt.date(2027, 10, 1), dt.date(2027, 12, 31)),
    ("Q3/2026", "quarter", dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
    ("Nửa đầu năm 2026", "half", dt.date(2026, 1, 1), dt.date(2026, 6, 30)),
    ("Nửa cuối năm 2027", "half", dt.date(2027, 7, 1), dt.date(2027, 12, 31)),
    ("9 tháng đầu năm 2026", "month", dt.date(2026, 1, 1), dt.date(2026, 9, 30)),
    ("Quý I/2026, Quý III/2026", "quarter", dt.date(2026, 1, 1), dt.date(2026, 9, 30)),
])
def test_periods(raw: str, kind: str, start: dt.date, end: dt.date) -> None:
    spec = parse_deadline(raw)
    assert (spec.kind, spec.start, spec.end) == (kind, start, end)


def test_a_span_counted_from_an_event_waits_for_it() -> None:
    spec = parse_deadline("Sau 03 tháng kể từ ngày ký")
    assert spec.kind == "conditional" and spec.condition == "Sau 03 tháng kể từ ngày ký"


def test_a_task_table_with_the_older_spelling() -> None:
    plan = parse_text("\n".join([
        "KẾ HOẠCH", "Chuyển đổi số năm 2026", "", "II. NHIỆM VỤ",
        "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |",
        "|---|---|---|---|",
        "| 1 | Xây dựng kho dữ liệu dùng chung của tỉnh | Sở Khoa học và Công nghệ | Quí III/2026 |",
        "| 2 | Số hóa hồ sơ lưu trữ lịch sử | Sở Nội vụ | Nửa cuối năm 2026 |"]))
    assert [(t.deadline.kind, t.deadline.end) for t in plan.tasks if t.deadline] == [
        ("quarter", dt.date(2026, 9, 30)), ("half", dt.date(2026, 12, 31))]
