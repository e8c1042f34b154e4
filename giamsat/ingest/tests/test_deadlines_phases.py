"""Deadline cells that date each phase of the work: due when the last phase is (made-up phrases)."""

from __future__ import annotations

import datetime as dt

import pytest

from giamsat.ingest.deadlines import parse_deadline


@pytest.mark.parametrize(("cell", "kind", "start", "end"), [
    ("Đợt 1: tháng 3/2026; đợt 2: tháng 10/2026", "month", dt.date(2026, 3, 1), dt.date(2026, 10, 31)),
    ("Đợt 1: Quý I/2026; Đợt 2: Quý III/2026", "quarter", dt.date(2026, 1, 1), dt.date(2026, 9, 30)),
    ("Giai đoạn 1: năm 2026; giai đoạn 2: năm 2028", "year", dt.date(2026, 1, 1), dt.date(2028, 12, 31)),
    ("Lần 1 - 31/5/2026, lần 2 - 20/11/2026", "date", dt.date(2026, 5, 31), dt.date(2026, 11, 20)),
])
def test_a_phased_cell_is_due_by_its_last_phase(cell: str, kind: str, start: dt.date, end: dt.date) -> None:
    spec = parse_deadline(cell)
    assert (spec.kind.value, spec.start, spec.end, spec.raw) == (kind, start, end, cell)


def test_one_phase_named_reads_as_before() -> None:
    spec = parse_deadline("Đợt 1: tháng 3/2026")
    assert (spec.kind.value, spec.end) == ("month", dt.date(2026, 3, 31))
