"""A span of two dated periods whose "đến" lost its marks in OCR and came back from the diacritics restorer as
"dân" ("Từ tháng 3/2026 dân tháng 12/2026"): between two dates the word can only be "đến"."""

from __future__ import annotations

from giamsat.ingest.deadlines import parse_deadline


def test_a_span_joined_by_a_restored_dan_is_due_at_its_second_period() -> None:
    spec = parse_deadline("Từ tháng 4/2026 dân tháng 11/2026")
    assert (spec.kind.value, str(spec.start), str(spec.end)) == ("month", "2026-04-01", "2026-11-30")
    spec = parse_deadline("Quý II/2026 dân Quý I/2027")
    assert (spec.kind.value, str(spec.end)) == ("quarter", "2027-03-31")


def test_dan_after_a_single_date_is_no_span() -> None:
    # "dân" (people) after a date: no second period, the date alone
    spec = parse_deadline("Tháng 6/2026 dân cư")
    assert (spec.kind.value, str(spec.end)) == ("month", "2026-06-30")
