"""Deadline cells as tables also write them: a day or a month with dots or dashes ("15.12.2026", "15-12-2026",
"Tháng 12.2026", "T12-2026"), a quarter as "Q.IV/2026", and several days named one by one (due by the last)."""

from __future__ import annotations

import datetime as dt

import pytest

from giamsat.ingest.deadlines import parse_deadline


@pytest.mark.parametrize(("raw", "kind", "start", "end"), [
    ("Trước 15.12.2026", "date", dt.date(2026, 12, 15), dt.date(2026, 12, 15)),
    ("15-12-2026", "date", dt.date(2026, 12, 15), dt.date(2026, 12, 15)),
    ("Tháng 12.2026", "month", dt.date(2026, 12, 1), dt.date(2026, 12, 31)),
    ("T12-2026", "month", dt.date(2026, 12, 1), dt.date(2026, 12, 31)),
    ("Q.IV/2026", "quarter", dt.date(2026, 10, 1), dt.date(2026, 12, 31)),
    ("31/12/2025; 31/12/2026", "date", dt.date(2025, 12, 31), dt.date(2026, 12, 31)),
    ("Ngày 30/6/2026 và ngày 31/12/2026", "date", dt.date(2026, 6, 30), dt.date(2026, 12, 31)),
    # a later date that is no deadline of the task leaves it as it was; ranges of years stay ranges
    ("30/6/2026 (theo Công văn ngày 10/3/2026)", "date", dt.date(2026, 6, 30), dt.date(2026, 6, 30)),
    ("2026-2030", "range", dt.date(2026, 1, 1), dt.date(2030, 12, 31)),
])
def test_dotted_days_and_lists_of_days(raw: str, kind: str, start: dt.date, end: dt.date) -> None:
    spec = parse_deadline(raw)
    assert (spec.kind, spec.start, spec.end) == (kind, start, end)
