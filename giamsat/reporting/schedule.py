"""Which periods a plan reports on and which units and rows each period's submission holds.

The arithmetic lives in the pure engine `giamsat.evaluate.periods`; this module only reads the
plan's `plans.ReportingRegime` row and turns it into the engine's regime:

- `cutoff_day` on the plan is the day data close ("chốt số liệu ngày 14"), so a window starts the
  next day (Decree 09/2019/NĐ-CP: the 15th of the previous month to the 14th). 0, or 28 and later,
  means calendar periods (1st to the last day of the month).
- `due_day` ("trước ngày 15 của tháng"): the report is due on that day of the window's last month
  when it falls after the cut-off, otherwise of the following month. Without a due day the report
  is due on the 20th of the window's last month (a few working days after the cut-off).
- A plan without a regime reports quarterly and yearly with Decree 09 cut-offs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from giamsat.domain.deadline import DeadlineKind, DeadlineSpec
from giamsat.domain.states import Frequency
from giamsat.evaluate import periods as engine
from giamsat.org.models import OrgUnit
from giamsat.plans.models import Document, Target, Task

DEFAULT_FREQUENCIES = (Frequency.QUARTERLY, Frequency.ANNUAL)
DEFAULT_DUE_DAY = 20


def regime_for(document: Document) -> engine.ReportingRegime:
    """The engine regime of a plan, from its stored reporting regime (or the default)."""
    stored = getattr(document, "reporting_regime", None)
    frequencies = tuple(Frequency(f) for f in (stored.frequencies if stored else []) if f in {x.value for x in Frequency})
    frequencies = frequencies or DEFAULT_FREQUENCIES
    cutoff = stored.cutoff_day if stored is not None else 14
    start_day = cutoff + 1 if cutoff and 1 <= cutoff <= 27 else None
    due_day = (stored.due_day if stored is not None else None) or DEFAULT_DUE_DAY
    due_day = max(1, min(31, due_day))
    close_day = (start_day - 1) if start_day else 31
    offset = 0 if due_day > close_day else 1
    return engine.ReportingRegime(frequencies=frequencies, cutoff_day=start_day, due_day=due_day, due_month_offset=offset)


def plan_periods(document: Document, today: dt.date) -> list[engine.Period]:
    """The periods a plan has reached by `today`: windows that started on or after the plan's start."""
    regime = regime_for(document)
    begin = document.issued_on or (document.published_at.date() if document.published_at else today)
    found = engine.generate_periods(regime, begin.year, today.year + 1)
    return [p for p in found if p.end >= begin and p.start <= today]


@dataclass(frozen=True)
class TaskRow:
    task: Task
    is_lead: bool
    occurrence: str


def task_rows(unit: OrgUnit, document: Document, window: engine.Period) -> list[TaskRow]:
    """The tasks the unit leads or coordinates that are due for reporting in the window.

    One-off tasks appear every period until the plan ends; a recurring task (hằng tháng, hằng năm)
    appears once per occurrence of its own recurrence, marked with the occurrence's key, so each
    occurrence is a separate obligation; a continuous duty appears every period.
    """
    tasks = Task.objects.filter(document=document).filter(Q(lead=unit) | Q(coordinators=unit)).distinct().order_by("order")
    regime = regime_for(document)
    rows: list[TaskRow] = []
    for task in tasks:
        occurrence = _occurrence(task.deadline_spec, window, regime)
        if occurrence is None:
            continue
        rows.append(TaskRow(task, task.lead_id == unit.pk, occurrence))
    return rows


def _occurrence(spec: DeadlineSpec | None, window: engine.Period, regime: engine.ReportingRegime) -> str | None:
    """'' for a one-off task, the occurrence key for a recurring one, None when not due in the window."""
    if spec is None or spec.kind not in (DeadlineKind.RECURRING, DeadlineKind.CONTINUOUS):
        return ""
    found = engine.occurrences(spec, window.start, window.end, window.frequency, regime)
    return found[-1].key if found else None


def target_rows(unit: OrgUnit, document: Document) -> list[Target]:
    return list(Target.objects.filter(document=document, responsible=unit).order_by("order"))


def obliged_units(document: Document) -> list[OrgUnit]:
    """Every unit that must report on the plan: leads, coordinators and units responsible for targets."""
    ids = set(Task.objects.filter(document=document, lead__isnull=False).values_list("lead_id", flat=True))
    ids |= set(Task.coordinators.through.objects.filter(task__document=document).values_list("orgunit_id", flat=True))
    ids |= set(Target.objects.filter(document=document, responsible__isnull=False).values_list("responsible_id", flat=True))
    return list(OrgUnit.objects.filter(pk__in=ids).order_by("path", "name"))
