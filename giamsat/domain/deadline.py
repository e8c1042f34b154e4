"""Deadlines as the plans write them, in a form the evaluator can judge.

A plan's "Thời gian hoàn thành" column holds exact dates ("15/6/2025"), months
("9/2025"), quarters ("Quý I/2026"), years, ranges ("2025-2027"), recurrences
("Hằng tháng"), continuous duties ("Thường xuyên") and conditions ("Ngay khi …
ban hành"). `DeadlineSpec` keeps the kind explicit so nothing is silently
treated as "no deadline", and round-trips through a plain dict for storage.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class DeadlineKind(StrEnum):
    DATE = "date"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    RANGE = "range"
    RECURRING = "recurring"
    CONTINUOUS = "continuous"
    CONDITIONAL = "conditional"
    UNKNOWN = "unknown"


class Recurrence(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"
    NINE_MONTHS = "nine_months"
    ANNUAL = "annual"


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class DeadlineSpec:
    """A parsed deadline. `start`/`end` bound the window in which the work is due.

    - date/month/quarter/half/year/range: `end` is the last day that counts as on time.
    - recurring: `recurrence` says how often; `start`/`end` optionally bound the series.
    - continuous: no single due date; judged per reporting period.
    - conditional: due when `condition` happens; judged only once it is recorded.
    """

    kind: DeadlineKind
    raw: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    recurrence: Recurrence | None = None
    condition: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, hash=False)

    @property
    def due_date(self) -> dt.date | None:
        """The date after which a one-off task is overdue; None when not a one-off."""
        if self.kind in (DeadlineKind.RECURRING, DeadlineKind.CONTINUOUS, DeadlineKind.CONDITIONAL,
                         DeadlineKind.UNKNOWN):
            return None
        return self.end

    @property
    def is_one_off(self) -> bool:
        return self.due_date is not None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind.value, "raw": self.raw}
        if self.start is not None:
            out["start"] = self.start.isoformat()
        if self.end is not None:
            out["end"] = self.end.isoformat()
        if self.recurrence is not None:
            out["recurrence"] = self.recurrence.value
        if self.condition is not None:
            out["condition"] = self.condition
        if self.extra:
            out["extra"] = dict(self.extra)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DeadlineSpec:
        def _date(key: str) -> dt.date | None:
            value = data.get(key)
            return dt.date.fromisoformat(value) if value else None

        rec = data.get("recurrence")
        return cls(
            kind=DeadlineKind(data.get("kind", "unknown")),
            raw=str(data.get("raw", "")),
            start=_date("start"),
            end=_date("end"),
            recurrence=Recurrence(rec) if rec else None,
            condition=data.get("condition"),
            extra=dict(data.get("extra") or {}),
        )

    # Constructors the parser and the tests use.
    @classmethod
    def on(cls, day: dt.date, raw: str = "") -> DeadlineSpec:
        return cls(DeadlineKind.DATE, raw, start=day, end=day)

    @classmethod
    def in_month(cls, year: int, month: int, raw: str = "") -> DeadlineSpec:
        return cls(DeadlineKind.MONTH, raw, start=dt.date(year, month, 1), end=month_end(year, month))

    @classmethod
    def in_quarter(cls, year: int, quarter: int, raw: str = "") -> DeadlineSpec:
        first = 3 * (quarter - 1) + 1
        return cls(DeadlineKind.QUARTER, raw, start=dt.date(year, first, 1),
                   end=month_end(year, first + 2), extra={"quarter": quarter})

    @classmethod
    def in_half(cls, year: int, half: int, raw: str = "") -> DeadlineSpec:
        first = 1 if half == 1 else 7
        return cls(DeadlineKind.HALF, raw, start=dt.date(year, first, 1),
                   end=month_end(year, first + 5), extra={"half": half})

    @classmethod
    def in_year(cls, year: int, raw: str = "") -> DeadlineSpec:
        return cls(DeadlineKind.YEAR, raw, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))

    @classmethod
    def between_years(cls, first: int, last: int, raw: str = "") -> DeadlineSpec:
        return cls(DeadlineKind.RANGE, raw, start=dt.date(first, 1, 1), end=dt.date(last, 12, 31))

    @classmethod
    def every(cls, recurrence: Recurrence, raw: str = "", start: dt.date | None = None,
              end: dt.date | None = None) -> DeadlineSpec:
        return cls(DeadlineKind.RECURRING, raw, start=start, end=end, recurrence=recurrence)

    @classmethod
    def continuous(cls, raw: str = "", start: dt.date | None = None, end: dt.date | None = None) -> DeadlineSpec:
        return cls(DeadlineKind.CONTINUOUS, raw, start=start, end=end)

    @classmethod
    def when(cls, condition: str, raw: str = "") -> DeadlineSpec:
        return cls(DeadlineKind.CONDITIONAL, raw, condition=condition)

    @classmethod
    def unknown(cls, raw: str = "") -> DeadlineSpec:
        return cls(DeadlineKind.UNKNOWN, raw)
