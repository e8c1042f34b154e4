"""Deadline text as plans write it → DeadlineSpec."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from giamsat.domain.deadline import DeadlineKind, DeadlineSpec, Recurrence
from giamsat.ingest.deadlines import parse_deadline
from giamsat.ingest.pipeline import parse_text

D = dt.date


@pytest.mark.parametrize(("raw", "expected"), [
    ("15/6/2025", DeadlineSpec.on(D(2025, 6, 15))),
    ("Ngày 30 tháng 9 năm 2025", DeadlineSpec.on(D(2025, 9, 30))),
    ("9/2025", DeadlineSpec.in_month(2025, 9)),
    ("Tháng 10/2025", DeadlineSpec.in_month(2025, 10)),
    ("Quý I/2026", DeadlineSpec.in_quarter(2026, 1)),
    ("Quý 1/2026", DeadlineSpec.in_quarter(2026, 1)),
    ("Quy IV/2025", DeadlineSpec.in_quarter(2025, 4)),
    ("6 tháng đầu năm 2026", DeadlineSpec.in_half(2026, 1)),
    ("6 tháng cuối năm 2025", DeadlineSpec.in_half(2025, 2)),
    ("Năm 2025", DeadlineSpec.in_year(2025)),
    ("2025", DeadlineSpec.in_year(2025)),
    ("2025-2027", DeadlineSpec.between_years(2025, 2027)),
    ("2025 - 2026", DeadlineSpec.between_years(2025, 2026)),
    ("2025-2007", DeadlineSpec.between_years(2025, 2027)),        # OCR: one digit of the end year misread
    ("2025 - 2080", DeadlineSpec.between_years(2025, 2030)),
    ("Hằng tháng", DeadlineSpec.every(Recurrence.MONTHLY)),
    ("Hàng quý", DeadlineSpec.every(Recurrence.QUARTERLY)),
    ("Hằng năm", DeadlineSpec.every(Recurrence.ANNUAL)),
    ("Hang nam", DeadlineSpec.every(Recurrence.ANNUAL)),
    ("Thường xuyên", DeadlineSpec.continuous()),
    ("Nhiệm vụ thường xuyên", DeadlineSpec.continuous()),
])
def test_deadline_kinds_and_windows(raw: str, expected: DeadlineSpec) -> None:
    got = parse_deadline(raw)
    assert (got.kind, got.start, got.end, got.recurrence) == (expected.kind, expected.start, expected.end,
                                                             expected.recurrence)
    assert got.raw == raw


def test_ocr_damaged_theo_ke_hoach_is_still_conditional() -> None:
    assert parse_deadline("Theo kế họ?chữ của Bộ Quốc phòng").kind == DeadlineKind.CONDITIONAL


def test_conditional_keeps_the_condition() -> None:
    got = parse_deadline("Ngay khi Bộ Công an ban hành")
    assert got.kind is DeadlineKind.CONDITIONAL
    assert got.condition == "Ngay khi Bộ Công an ban hành"
    assert parse_deadline("Sau khi Đề án được Chính phủ ban hành").kind is DeadlineKind.CONDITIONAL


def test_next_years_is_continuous_from_the_first_year() -> None:
    got = parse_deadline("Năm 2025 và những năm tiếp theo")
    assert got.kind is DeadlineKind.CONTINUOUS and got.start == D(2025, 1, 1)


def test_quarter_every_year_is_annual_with_the_quarter() -> None:
    got = parse_deadline("Quý I hằng năm")
    assert got.recurrence is Recurrence.ANNUAL and got.extra == {"quarter": 1}


@pytest.mark.parametrize("raw", ["", "   ", "chưa xác định", "31/2/2025x"])
def test_unrecognised_text_is_unknown_not_none(raw: str) -> None:
    got = parse_deadline(raw)
    assert got.kind in (DeadlineKind.UNKNOWN, DeadlineKind.MONTH, DeadlineKind.YEAR)


@given(st.text(max_size=60))
def test_any_text_parses_and_round_trips(raw: str) -> None:
    spec = parse_deadline(raw)
    assert DeadlineSpec.from_dict(spec.to_dict()) == spec


@pytest.mark.parametrize(("raw", "start", "end"), [
    ("Quý I/2O26", dt.date(2026, 1, 1), dt.date(2026, 3, 31)),      # letter O for a zero
    ("Năm 20l5", dt.date(2015, 1, 1), dt.date(2015, 12, 31)),       # letter l for a one
    ("2O25-2O27", dt.date(2025, 1, 1), dt.date(2027, 12, 31)),
    ("Tháng 6/2O26", dt.date(2026, 6, 1), dt.date(2026, 6, 30)),
])
def test_a_year_whose_digits_ocr_read_as_letters_is_still_a_year(raw: str, start: dt.date, end: dt.date) -> None:
    spec = parse_deadline(raw)
    assert (spec.start, spec.end, spec.raw) == (start, end, raw)


@pytest.mark.parametrize("raw", ["Quý IV/3025", "4025", "lllo", "Hoàn thành lô đất"])
def test_letters_or_impossible_years_are_never_made_into_a_deadline(raw: str) -> None:
    assert parse_deadline(raw).kind == DeadlineKind.UNKNOWN


@pytest.mark.parametrize(("raw", "kind", "start", "end"), [
    ("Quý IV/2026 - Quý I/2027", DeadlineKind.QUARTER, D(2026, 10, 1), D(2027, 3, 31)),
    ("Từ tháng 3/2026 đến tháng 6/2026", DeadlineKind.MONTH, D(2026, 3, 1), D(2026, 6, 30)),
    ("01/3/2026 - 30/6/2026", DeadlineKind.DATE, D(2026, 3, 1), D(2026, 6, 30)),
    ("từ năm 2026 đến năm 2027", DeadlineKind.RANGE, D(2026, 1, 1), D(2027, 12, 31)),
])
def test_a_span_of_two_periods_is_due_at_the_end_of_the_second(raw: str, kind: DeadlineKind, start: dt.date,
                                                                end: dt.date) -> None:
    spec = parse_deadline(raw)
    assert (spec.kind, spec.start, spec.end) == (kind, start, end)


def test_a_span_whose_second_period_is_not_later_is_not_a_span() -> None:
    assert parse_deadline("Quý II/2027 - Quý I/2027").end == D(2027, 6, 30)


def test_prose_duties_carry_their_spans_and_conditions() -> None:
    """Deadlines written in a duty's sentence: a span of years, a condition after 'thực hiện', a half
    year after 'thời gian thực hiện:'."""
    text = "\n".join([
        "KẾ HOẠCH", "Chuyển đổi số năm 2026", "", "II. NHIỆM VỤ VÀ GIẢI PHÁP", "",
        "1. Phát triển kinh tế số",
        "a) Lắp đặt camera tại các tuyến đường trọng điểm. Giao Công an phường chủ trì; thực hiện khi thành phố "
        "bố trí kinh phí.",
        "b) Xây dựng mô hình tổ dân phố số thí điểm. Giao Phòng Kinh tế chủ trì; thực hiện từ năm 2026 đến năm 2027.",
        "c) Hướng dẫn hộ kinh doanh thanh toán không dùng tiền mặt. Giao Phòng Kinh tế chủ trì; thời gian thực hiện: "
        "6 tháng cuối năm 2026.",
    ])
    got = [(t.deadline.kind, t.deadline.end) for t in parse_text(text).tasks if t.deadline]
    assert got == [(DeadlineKind.CONDITIONAL, None), (DeadlineKind.RANGE, D(2027, 12, 31)),
                   (DeadlineKind.HALF, D(2026, 12, 31))]


@pytest.mark.parametrize("raw", ["Từ năm 2026", "Từ năm 2026 trở đi", "từ 2026"])
def test_from_a_year_on_is_continuous_from_that_year(raw: str) -> None:
    spec = parse_deadline(raw)
    assert (spec.kind, spec.start, spec.end) == (DeadlineKind.CONTINUOUS, D(2026, 1, 1), None)


@pytest.mark.parametrize(("raw", "quarter"), [
    ("Quý Il/2027", 2), ("Quý lI/2027", 2), ("Quý I1/2027", 2), ("Quý 11/2027", 2),
    ("Quý lII/2027", 3), ("Quý IIl/2027", 3), ("Quý 1Il/2027", 3), ("Quý 111/2027", 3),
    ("Quý lV/2027", 4), ("Quý 1V năm 2027", 4),
])
def test_a_quarters_numeral_whose_strokes_ocr_read_as_ones_or_ls_counts_its_strokes(raw: str, quarter: int) -> None:
    # no quarter is numbered past IV: "1" and "l" after "Quý" are the numeral's strokes misread
    assert parse_deadline(raw) == DeadlineSpec.in_quarter(2027, quarter, raw=raw)


def test_a_span_of_quarters_whose_numerals_ocr_misread_is_still_a_span() -> None:
    spec = parse_deadline("Quý Il - lV/2027")
    assert (spec.start, spec.end) == (D(2027, 4, 1), D(2027, 12, 31))
    assert parse_deadline("Quý lII hằng năm").extra == {"quarter": 3}
