"""The evaluation of a unit as JSON: roll-up figures, scorecard, task and target judgements, warnings.

The figures come from `giamsat.reporting.evaluation` (the `evaluate` engine on approved data); this
module only shapes them, with Vietnamese labels next to the stable status values.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Schema

from giamsat.domain.states import TARGET_STATUS_LABELS, TASK_STATUS_LABELS
from giamsat.evaluate.model import Evaluation, UnitFigures
from giamsat.org.models import OrgUnit


class StatusCount(Schema):
    status: str
    label: str
    count: int


class FiguresOut(Schema):
    task_status: list[StatusCount]
    target_status: list[StatusCount]
    tasks_due: int
    tasks_on_time: int
    submissions_due: int
    submissions_on_time: int
    submissions_made: int
    targets: int
    warnings: int
    units: int


class ScoreItemOut(Schema):
    component: str
    label: str
    value: float | None
    weight: float


class ScorecardOut(Schema):
    score: float
    band: str
    rank: int | None
    peers: int | None
    items: list[ScoreItemOut]


class TaskJudgementOut(Schema):
    task: int
    unit: str
    status: str
    status_label: str
    overdue: bool
    due_date: dt.date | None
    percent: float | None
    reason: str


class TargetJudgementOut(Schema):
    target: int
    unit: str
    status: str
    status_label: str
    latest_value: float | None
    latest_date: dt.date | None
    milestone_year: int | None


class WarningOut(Schema):
    kind: str
    unit: str
    subject: str
    message: str


class EvaluationOut(Schema):
    unit: str
    as_of: dt.date
    figures: FiguresOut | None
    own: FiguresOut | None
    scorecard: ScorecardOut | None
    tasks: list[TaskJudgementOut]
    targets: list[TargetJudgementOut]
    warnings: list[WarningOut]


def _figures(f: UnitFigures | None) -> dict[str, Any] | None:
    if f is None:
        return None
    return {
        "task_status": [{"status": k.value, "label": TASK_STATUS_LABELS[k], "count": v} for k, v in sorted(f.task_status.items())],
        "target_status": [{"status": k.value, "label": TARGET_STATUS_LABELS[k], "count": v}
                          for k, v in sorted(f.target_status.items())],
        "tasks_due": f.tasks_due, "tasks_on_time": f.tasks_on_time, "submissions_due": f.submissions_due,
        "submissions_on_time": f.submissions_on_time, "submissions_made": f.submissions_made, "targets": f.targets,
        "warnings": f.warnings, "units": f.units,
    }


def _int(text: str) -> int | None:
    return int(text) if str(text).isdigit() else None


def evaluation_out(ev: Evaluation, unit: OrgUnit, as_of: dt.date) -> dict[str, Any]:
    card = ev.scorecards.get(unit.code)
    return {
        "unit": unit.code, "as_of": as_of,
        "figures": _figures(ev.rollups.get(unit.code)), "own": _figures(ev.own.get(unit.code)),
        "scorecard": None if card is None else {
            "score": card.score, "band": card.band, "rank": card.rank, "peers": card.peers,
            "items": [{"component": i.component, "label": i.label, "value": i.value, "weight": i.weight} for i in card.items],
        },
        "tasks": [
            {"task": _int(t.task_id), "unit": t.unit_id, "status": t.status.value, "status_label": TASK_STATUS_LABELS[t.status],
             "overdue": t.overdue, "due_date": t.due_date, "percent": t.percent, "reason": t.reason}
            for t in ev.tasks.values() if _int(t.task_id) is not None
        ],
        "targets": [
            {"target": _int(t.target_id), "unit": t.unit_id, "status": t.status.value,
             "status_label": TARGET_STATUS_LABELS[t.status], "latest_value": t.latest_value, "latest_date": t.latest_date,
             "milestone_year": t.milestone_year}
            for t in ev.targets.values() if _int(t.target_id) is not None
        ],
        "warnings": [{"kind": w.kind.value, "unit": w.unit_id, "subject": w.subject_id, "message": w.message}
                     for w in ev.warnings],
    }
