"""Build a `Dataset` from plain table rows (the shapes of `synth.COLUMNS`).

The Django side (or a DuckDB query) can select rows in those column orders
and hand them here instead of constructing the dataclasses itself. Dates may
be `datetime.date` or ISO strings; enums may be their values.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from giamsat.domain.deadline import DeadlineKind, DeadlineSpec, Recurrence
from giamsat.domain.states import Comparator, Direction, ReportedTaskState, SubmissionState
from giamsat.evaluate.model import (
    Dataset,
    EvalConfig,
    Milestone,
    RollupRule,
    SubmissionFacts,
    TargetFacts,
    TaskFacts,
    TaskReportFact,
    UnitRef,
)

Row = Sequence[Any]


def _d(v: Any) -> dt.date | None:
    if v is None or v == "":
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v)[:10])


def _f(v: Any) -> float | None:
    return None if v is None or v == "" else float(v)


def dataset_from_rows(tables: Mapping[str, Iterable[Row]], config: EvalConfig | None = None) -> Dataset:
    """Tables: units, tasks, task_targets, task_reports, targets, milestones, target_values, submissions."""
    date_cache: dict[Any, dt.date | None] = {}

    def d(v: Any) -> dt.date | None:
        try:
            return date_cache[v]
        except KeyError:
            out = date_cache[v] = _d(v)
            return out
        except TypeError:  # unhashable
            return _d(v)

    units = [UnitRef(str(r[0]), None if r[1] in (None, "") else str(r[1]), str(r[2]), str(r[3]))
             for r in tables.get("units", ())]
    served: dict[str, list[str]] = defaultdict(list)
    for task_id, target_id in tables.get("task_targets", ()):
        served[str(task_id)].append(str(target_id))
    reports: dict[str, list[TaskReportFact]] = defaultdict(list)
    states = {s.value: s for s in ReportedTaskState}
    for task_id, period_end, state, percent, reported_on, completed_on in tables.get("task_reports", ()):
        pe, ro = d(period_end), d(reported_on)
        assert pe is not None and ro is not None, "task reports need period_end and reported_on"
        reports[str(task_id)].append(TaskReportFact(pe, states[str(state)], _f(percent), ro, d(completed_on)))
    spec_cache: dict[tuple[Any, ...], DeadlineSpec] = {}
    tasks: list[TaskFacts] = []
    for (tid, unit_id, kind, raw, start, end, recurrence, condition, assigned_on, trigger_date,
         name) in tables.get("tasks", ()):
        key = (kind, raw, start, end, recurrence, condition)
        spec = spec_cache.get(key)
        if spec is None:
            spec = spec_cache[key] = DeadlineSpec(
                DeadlineKind(kind), raw or "", d(start), d(end), Recurrence(recurrence) if recurrence else None,
                condition or None)
        tid = str(tid)
        tasks.append(TaskFacts(tid, str(unit_id), spec, reports.pop(tid, []), d(assigned_on), d(trigger_date),
                               tuple(served.get(tid, ())), name or ""))
    milestones: dict[str, list[Milestone]] = defaultdict(list)
    for target_id, year, value, upper, text in tables.get("milestones", ()):
        milestones[str(target_id)].append(Milestone(int(year), float(value), _f(upper), text or ""))
    values: dict[str, list[tuple[dt.date, float]]] = defaultdict(list)
    for target_id, on, value in tables.get("target_values", ()):
        day = d(on)
        assert day is not None
        values[str(target_id)].append((day, float(value)))
    targets: list[TargetFacts] = []
    for (gid, unit_id, comparator, direction, baseline, baseline_date, monotone, is_percent, pmin, pmax,
         parent, rollup, denominator, name) in tables.get("targets", ()):
        gid = str(gid)
        targets.append(TargetFacts(
            gid, str(unit_id), Comparator(comparator), Direction(direction),
            tuple(sorted(milestones.get(gid, ()), key=lambda m: m.year)), _f(baseline), d(baseline_date),
            values.pop(gid, []), bool(monotone), bool(is_percent), _f(pmin), _f(pmax),
            None if parent in (None, "") else str(parent), RollupRule(rollup or "none"), _f(denominator),
            name or ""))
    subs = [SubmissionFacts(str(u), str(p), d(at), d(due) or dt.date.min, int(rc or 0),
                            SubmissionState(st or "submitted"))
            for u, p, at, due, rc, st in tables.get("submissions", ())]
    return Dataset(units, tasks, targets, subs, config or EvalConfig())
