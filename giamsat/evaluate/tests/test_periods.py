from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from giamsat.domain.deadline import DeadlineSpec, Recurrence
from giamsat.domain.states import Frequency
from giamsat.evaluate.periods import (
    DECREE_09,
    ReportingRegime,
    generate_periods,
    make_period,
    occurrences,
    period_containing,
    period_from_key,
    periods_between,
    periods_for_years,
)

D = dt.date
CAL = ReportingRegime(cutoff_day=None)
M, Q, H, N, Y = (Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.SEMIANNUAL,
                 Frequency.NINE_MONTHS, Frequency.ANNUAL)


@pytest.mark.parametrize(
    ("freq", "year", "index", "label", "start", "end", "due"),
    [
        # Decree 09: monthly 15th of previous month .. 14th of the month; across the year boundary.
        (M, 2026, 1, "Tháng 1/2026", D(2025, 12, 15), D(2026, 1, 14), D(2026, 2, 15)),
        (M, 2026, 3, "Tháng 3/2026", D(2026, 2, 15), D(2026, 3, 14), D(2026, 4, 15)),
        (M, 2026, 12, "Tháng 12/2026", D(2026, 11, 15), D(2026, 12, 14), D(2027, 1, 15)),
        (Q, 2026, 1, "Quý I/2026", D(2025, 12, 15), D(2026, 3, 14), D(2026, 4, 15)),
        (Q, 2026, 4, "Quý IV/2026", D(2026, 9, 15), D(2026, 12, 14), D(2027, 1, 15)),
        (H, 2026, 1, "6 tháng đầu năm 2026", D(2025, 12, 15), D(2026, 6, 14), D(2026, 7, 15)),
        (H, 2026, 2, "6 tháng cuối năm 2026", D(2026, 6, 15), D(2026, 12, 14), D(2027, 1, 15)),
        (N, 2026, 1, "9 tháng năm 2026", D(2025, 12, 15), D(2026, 9, 14), D(2026, 10, 15)),
        (Y, 2026, 1, "Năm 2026", D(2025, 12, 15), D(2026, 12, 14), D(2027, 1, 15)),
    ],
)
def test_decree_09_windows(freq: Frequency, year: int, index: int, label: str,
                           start: dt.date, end: dt.date, due: dt.date) -> None:
    p = make_period(freq, year, index)
    assert (p.label, p.start, p.end, p.due_date) == (label, start, end, due)


@pytest.mark.parametrize(
    ("freq", "year", "index", "start", "end"),
    [
        (M, 2028, 2, D(2028, 2, 1), D(2028, 2, 29)),  # leap year
        (M, 2026, 2, D(2026, 2, 1), D(2026, 2, 28)),
        (Q, 2026, 2, D(2026, 4, 1), D(2026, 6, 30)),
        (H, 2026, 2, D(2026, 7, 1), D(2026, 12, 31)),
        (Y, 2026, 1, D(2026, 1, 1), D(2026, 12, 31)),
    ],
)
def test_calendar_windows(freq: Frequency, year: int, index: int, start: dt.date, end: dt.date) -> None:
    p = make_period(freq, year, index, CAL)
    assert (p.start, p.end) == (start, end)


def test_due_day_clamped_and_offsets() -> None:
    # due on the 31st of the following month: February clamps to 29 in a leap year
    r = ReportingRegime(cutoff_day=None, due_day=31)
    assert make_period(M, 2028, 1, r).due_date == D(2028, 2, 29)
    assert make_period(M, 2027, 1, r).due_date == D(2027, 2, 28)
    # due in the same month as the cut-off (e.g. "by the 20th of the last month")
    r2 = ReportingRegime(due_day=20, due_month_offset=0)
    assert make_period(Q, 2026, 1, r2).due_date == D(2026, 3, 20)
    # day offset from the window end
    r3 = ReportingRegime(due_offset_days=5)
    assert make_period(M, 2026, 12, r3).due_date == D(2026, 12, 19)


@pytest.mark.parametrize(
    ("day", "freq", "key"),
    [
        (D(2025, 12, 14), M, "2025-M12"),
        (D(2025, 12, 15), M, "2026-M01"),  # after the cut-off: next year's January report
        (D(2025, 12, 31), Y, "2026-Y1"),
        (D(2026, 3, 14), Q, "2026-Q1"),
        (D(2026, 3, 15), Q, "2026-Q2"),
        (D(2028, 2, 29), M, "2028-M03"),  # 29/2 is after the 15th cut-off
        (D(2026, 6, 14), H, "2026-H1"),
        (D(2026, 6, 15), H, "2026-H2"),
        (D(2026, 9, 14), N, "2026-N1"),
        (D(2025, 12, 15), N, "2026-N1"),
    ],
)
def test_period_containing(day: dt.date, freq: Frequency, key: str) -> None:
    assert period_containing(day, freq).key == key


def test_period_containing_calendar_and_nine_month_gap() -> None:
    assert period_containing(D(2028, 2, 29), M, CAL).key == "2028-M02"
    assert period_containing(D(2026, 12, 31), Q, CAL).key == "2026-Q4"
    with pytest.raises(ValueError):
        period_containing(D(2026, 10, 1), N)


def test_keys_round_trip() -> None:
    for p in generate_periods(ReportingRegime(frequencies=tuple(Frequency)), 2025, 2026):
        assert period_from_key(p.key) == p
        assert period_from_key(p.key).label == p.label


def test_generate_periods_counts_and_order() -> None:
    ps = generate_periods(ReportingRegime(frequencies=(M, Q, Y)), 2026, 2026)
    assert len(ps) == 12 + 4 + 1
    assert [p.due_date for p in ps] == sorted(p.due_date for p in ps)


def test_periods_between_overlap() -> None:
    ps = periods_between(D(2026, 1, 1), D(2026, 3, 31), M)
    assert [p.key for p in ps] == ["2026-M01", "2026-M02", "2026-M03", "2026-M04"]
    assert periods_between(D(2026, 2, 1), D(2026, 1, 1), M) == []


def test_occurrences_recurring_and_continuous() -> None:
    quarterly = DeadlineSpec.every(Recurrence.QUARTERLY, start=D(2026, 1, 1), end=D(2026, 12, 31))
    keys = [p.key for p in occurrences(quarterly, D(2025, 1, 1), D(2027, 12, 31))]
    # 15/12–31/12/2026 overlaps Q1/2027's window, so the series touches 5 periods
    assert keys == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1"]
    keys_cal = [p.key for p in occurrences(quarterly, D(2025, 1, 1), D(2027, 12, 31), regime=CAL)]
    assert keys_cal == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    cont = DeadlineSpec.continuous()
    assert len(occurrences(cont, D(2026, 1, 1), D(2026, 6, 30), Q, CAL)) == 2
    assert occurrences(DeadlineSpec.in_year(2026), D(2026, 1, 1), D(2026, 12, 31)) == []
    assert occurrences(DeadlineSpec.when("Luật ban hành"), D(2026, 1, 1), D(2026, 12, 31)) == []


TILING = [M, Q, H, Y]


@given(
    freq=st.sampled_from(TILING),
    first=st.integers(1990, 2100),
    span=st.integers(0, 5),
    cutoff=st.one_of(st.none(), st.integers(2, 28)),
)
def test_periods_tile_time(freq: Frequency, first: int, span: int, cutoff: int | None) -> None:
    regime = ReportingRegime(cutoff_day=cutoff)
    ps = periods_for_years(freq, first, first + span, regime)
    for a, b in itertools.pairwise(ps):
        assert a.end + dt.timedelta(days=1) == b.start  # no gap, no overlap
        assert a.start <= a.end
    total = sum(p.days for p in ps)
    assert total == (ps[-1].end - ps[0].start).days + 1


@given(
    day=st.dates(D(1990, 1, 1), D(2100, 12, 31)),
    freq=st.sampled_from(TILING),
    cutoff=st.one_of(st.none(), st.integers(2, 28)),
)
def test_period_containing_contains(day: dt.date, freq: Frequency, cutoff: int | None) -> None:
    regime = ReportingRegime(cutoff_day=cutoff)
    p = period_containing(day, freq, regime)
    assert p.start <= day <= p.end
    assert p.due_date > p.end or regime.due_month_offset < 1


def test_default_regime_is_decree_09() -> None:
    assert DECREE_09.cutoff_day == 15
