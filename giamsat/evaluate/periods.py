"""Reporting periods: which days a report covers and when it is due.

Default data cut-offs follow Decree 09/2019/NĐ-CP (Art. 12): a monthly report
covers the 15th of the previous month to the 14th of the reporting month; a
quarterly, 6-month, 9-month or yearly report covers the 15th of the month
before the period starts to the 14th of its last month. So "Tháng 1/2026"
starts on 15/12/2025 and "Năm 2026" runs 15/12/2025–14/12/2026. Set
``cutoff_day=None`` for calendar periods (1st of the first month to the last
day of the last month).

Every period of one frequency tiles time: consecutive windows touch without a
gap or overlap (9-month reports are the exception: one per year, by nature).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import cached_property, lru_cache

from giamsat.domain.deadline import DeadlineKind, DeadlineSpec
from giamsat.domain.states import Frequency

__all__ = [
    "DECREE_09",
    "Period",
    "ReportingRegime",
    "generate_periods",
    "make_period",
    "occurrences",
    "period_containing",
    "period_from_key",
    "periods_between",
    "periods_for_years",
]

ROMAN = ("I", "II", "III", "IV")

# (number of periods per year, months per period, first months of each period)
_SHAPE: dict[Frequency, tuple[tuple[int, ...], int]] = {
    Frequency.MONTHLY: (tuple(range(1, 13)), 1),
    Frequency.QUARTERLY: ((1, 4, 7, 10), 3),
    Frequency.SEMIANNUAL: ((1, 7), 6),
    Frequency.NINE_MONTHS: ((1,), 9),
    Frequency.ANNUAL: ((1,), 12),
}

_KEY_CODE: dict[Frequency, str] = {
    Frequency.MONTHLY: "M",
    Frequency.QUARTERLY: "Q",
    Frequency.SEMIANNUAL: "H",
    Frequency.NINE_MONTHS: "N",
    Frequency.ANNUAL: "Y",
}
_CODE_FREQ = {code: freq for freq, code in _KEY_CODE.items()}


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    """(year, month) shifted by k months."""
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def _day_in(year: int, month: int, day: int) -> dt.date:
    """`day` of the month, clamped to the month's length (31 → 30/29/28)."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class ReportingRegime:
    """How a reporting obligation is shaped.

    - ``frequencies``: which reports are required (used by `generate_periods`).
    - ``cutoff_day``: data windows start on this day of the month before the
      period and end the day before it in the period's last month (Decree 09:
      15). ``None`` means calendar periods.
    - ``due_day`` / ``due_month_offset``: the report is due on ``due_day`` of
      the month ``due_month_offset`` months after the period's last month
      (default: the 15th of the following month). Clamped to month length.
    - ``due_offset_days``: if set, overrides the above: due = window end + N days.
    """

    frequencies: tuple[Frequency, ...] = (Frequency.MONTHLY,)
    cutoff_day: int | None = 15
    due_day: int = 15
    due_month_offset: int = 1
    due_offset_days: int | None = None

    def __post_init__(self) -> None:
        if self.cutoff_day is not None and not 2 <= self.cutoff_day <= 28:
            raise ValueError("cutoff_day must be between 2 and 28 (or None for calendar periods)")
        if not 1 <= self.due_day <= 31:
            raise ValueError("due_day must be between 1 and 31")


DECREE_09 = ReportingRegime()


@dataclass(frozen=True)
class Period:
    """One reporting period. ``start``/``end`` bound the data window (inclusive)."""

    frequency: Frequency
    year: int
    index: int
    label: str
    start: dt.date
    end: dt.date
    due_date: dt.date

    @cached_property
    def key(self) -> str:
        """Stable identifier, e.g. ``2026-M03``, ``2026-Q1``, ``2026-H2``, ``2026-N1``, ``2026-Y1``."""
        width = 2 if self.frequency is Frequency.MONTHLY else 1
        return f"{self.year}-{_KEY_CODE[self.frequency]}{self.index:0{width}d}"

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _label(frequency: Frequency, year: int, index: int) -> str:
    if frequency is Frequency.MONTHLY:
        return f"Tháng {index}/{year}"
    if frequency is Frequency.QUARTERLY:
        return f"Quý {ROMAN[index - 1]}/{year}"
    if frequency is Frequency.SEMIANNUAL:
        return f"6 tháng đầu năm {year}" if index == 1 else f"6 tháng cuối năm {year}"
    if frequency is Frequency.NINE_MONTHS:
        return f"9 tháng năm {year}"
    return f"Năm {year}"


def make_period(frequency: Frequency, year: int, index: int, regime: ReportingRegime = DECREE_09) -> Period:
    firsts, length = _SHAPE[frequency]
    if not 1 <= index <= len(firsts):
        raise ValueError(f"{frequency.value} period index must be 1..{len(firsts)}, got {index}")
    first_month = firsts[index - 1]
    last_y, last_m = add_months(year, first_month, length - 1)
    if regime.cutoff_day is None:
        start = dt.date(year, first_month, 1)
        end = dt.date(last_y, last_m, calendar.monthrange(last_y, last_m)[1])
    else:
        py, pm = add_months(year, first_month, -1)
        start = dt.date(py, pm, regime.cutoff_day)
        end = dt.date(last_y, last_m, regime.cutoff_day - 1)
    if regime.due_offset_days is not None:
        due = end + dt.timedelta(days=regime.due_offset_days)
    else:
        dy, dm = add_months(last_y, last_m, regime.due_month_offset)
        due = _day_in(dy, dm, regime.due_day)
    return Period(frequency, year, index, _label(frequency, year, index), start, end, due)


def period_from_key(key: str, regime: ReportingRegime = DECREE_09) -> Period:
    """Inverse of `Period.key`."""
    year_s, rest = key.split("-", 1)
    return make_period(_CODE_FREQ[rest[0]], int(year_s), int(rest[1:]), regime)


def periods_for_years(frequency: Frequency, first_year: int, last_year: int,
                      regime: ReportingRegime = DECREE_09) -> list[Period]:
    """All periods of one frequency labelled with years first_year..last_year, in order."""
    out: list[Period] = []
    for y in range(first_year, last_year + 1):
        out.extend(_year_periods(frequency, y, regime))
    return out


@lru_cache(maxsize=4096)
def _year_periods(frequency: Frequency, year: int, regime: ReportingRegime) -> tuple[Period, ...]:
    """Cached: the engine asks for the same few years once per task."""
    count = len(_SHAPE[frequency][0])
    return tuple(make_period(frequency, year, i, regime) for i in range(1, count + 1))


def generate_periods(regime: ReportingRegime, first_year: int, last_year: int) -> list[Period]:
    """Every period the regime requires over the years, ordered by due date then window end."""
    out: list[Period] = []
    for freq in regime.frequencies:
        out.extend(periods_for_years(freq, first_year, last_year, regime))
    out.sort(key=lambda p: (p.due_date, p.end, p.start))
    return out


def period_containing(day: dt.date, frequency: Frequency, regime: ReportingRegime = DECREE_09) -> Period:
    """The period of `frequency` whose data window contains `day`.

    Raises ValueError for a 9-month report when `day` falls after its window
    (15/9–14/12 under Decree 09): no 9-month period covers those days.
    """
    y, m = day.year, day.month
    if regime.cutoff_day is not None and day.day >= regime.cutoff_day:
        y, m = add_months(y, m, 1)  # the data belong to the next month's report
    firsts, _ = _SHAPE[frequency]
    index = max(i for i, f in enumerate(firsts, start=1) if f <= m)
    p = _year_periods(frequency, y, regime)[index - 1]
    if not p.contains(day):
        raise ValueError(f"no {frequency.value} period contains {day.isoformat()}")
    return p


def periods_between(start: dt.date, end: dt.date, frequency: Frequency,
                    regime: ReportingRegime = DECREE_09) -> list[Period]:
    """Periods of `frequency` whose data window overlaps [start, end], in order."""
    if end < start:
        return []
    lo = start.year - 1
    hi = end.year + 1
    return [p for p in periods_for_years(frequency, lo, hi, regime) if p.start <= end and p.end >= start]


def occurrences(spec: DeadlineSpec, start: dt.date, end: dt.date,
                reporting_frequency: Frequency = Frequency.MONTHLY,
                regime: ReportingRegime = DECREE_09) -> list[Period]:
    """The periods in which a recurring or continuous task must show work, within [start, end].

    - recurring: one occurrence per period of the task's own recurrence;
    - continuous: one per period of the unit's reporting frequency (a
      continuous duty is judged on whether activity was reported each period).
    The spec's own ``start``/``end`` (if any) further bound the series; a
    period counts if its window overlaps the bounds. Other kinds have no
    occurrences (they are judged once, against their due date or trigger).
    """
    if spec.kind is DeadlineKind.RECURRING:
        if spec.recurrence is None:
            return []
        freq = Frequency(spec.recurrence.value)
    elif spec.kind is DeadlineKind.CONTINUOUS:
        freq = reporting_frequency
    else:
        return []
    lo = max(start, spec.start) if spec.start else start
    hi = min(end, spec.end) if spec.end else end
    return periods_between(lo, hi, freq, regime)
