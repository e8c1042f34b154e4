"""What the standing agency sees: per period, who reported, who is late, and the province-wide picture.

Functions return plain dicts and lists (no model instances), ready for a template, the JSON API
or an export.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.db.models import Q
from django.utils import timezone

from giamsat.domain.states import REPORTED_TASK_STATE_LABELS, SUBMISSION_STATE_LABELS, SubmissionState
from giamsat.org.access import scope_paths
from giamsat.org.models import OrgUnit
from giamsat.reporting import schedule
from giamsat.reporting.models import IndicatorValue, Recommendation, ReportingPeriod, Submission, TaskReport

IN_STATES = (SubmissionState.SUBMITTED.value, SubmissionState.APPROVED.value)


def _periods(period_or_filters: ReportingPeriod | dict[str, Any]) -> list[ReportingPeriod]:
    if isinstance(period_or_filters, ReportingPeriod):
        return [period_or_filters]
    return list(ReportingPeriod.objects.filter(**period_or_filters).select_related("document").order_by("due_date", "pk"))


def _in_scope(unit: OrgUnit, paths: list[str] | None) -> bool:
    return paths is None or any(unit.path.startswith(p) for p in paths)


def compliance(period_or_filters: ReportingPeriod | dict[str, Any], scope_unit: OrgUnit | None = None,
               today: dt.date | None = None) -> dict[str, Any]:
    """Who reported for a period (or periods matching ORM filters, e.g. {"year": 2026, "frequency": "quarterly"}).

    One row per obliged unit and period (within `scope_unit`'s subtree and its predecessors'):
    state, submission time, days late, missing. Totals count each row once.
    """
    today = today or timezone.localdate()
    paths = scope_paths(scope_unit) if scope_unit is not None else None
    periods = _periods(period_or_filters)
    subs = {(s.period_id, s.unit_id): s for s in Submission.objects.filter(period__in=periods).select_related("unit")}
    rows: list[dict[str, Any]] = []
    obliged_by_doc: dict[int, list[OrgUnit]] = {}
    for period in periods:
        units = obliged_by_doc.setdefault(period.document_id, schedule.obliged_units(period.document))
        extra = [s.unit for (pid, _), s in subs.items() if pid == period.pk and s.unit not in units]
        for unit in [*units, *extra]:
            if _in_scope(unit, paths):
                rows.append(_row(period, unit, subs.get((period.pk, unit.pk)), today))
    return {"periods": [_period_dict(p) for p in periods], "rows": rows, "totals": _totals(rows), "today": today.isoformat()}


def _period_dict(period: ReportingPeriod) -> dict[str, Any]:
    return {"id": period.pk, "key": period.key, "label": period.label, "document_id": period.document_id,
            "document": str(period.document), "start": period.start.isoformat(), "end": period.end.isoformat(),
            "due_date": period.due_date.isoformat()}


def _row(period: ReportingPeriod, unit: OrgUnit, sub: Submission | None, today: dt.date) -> dict[str, Any]:
    state = sub.state if sub is not None else None
    submitted = state in IN_STATES or (sub is not None and sub.submitted_at is not None)
    if sub is not None:
        sub.period = period
        days_late = sub.days_late(today)
    else:
        days_late = max(0, (today - period.due_date).days)
    return {
        "period_id": period.pk, "period": period.label, "document": str(period.document), "due_date": period.due_date.isoformat(),
        "unit_id": unit.pk, "unit_code": unit.code, "unit": unit.name,
        "submission_id": sub.pk if sub is not None else None,
        "state": state or "missing",
        "state_label": SUBMISSION_STATE_LABELS[SubmissionState(state)] if state else "Chưa lập báo cáo",
        "submitted_at": sub.submitted_at.isoformat() if sub is not None and sub.submitted_at else None,
        "days_late": days_late, "late": days_late > 0,
        "missing": not submitted and today > period.due_date,
    }


def _totals(rows: list[dict[str, Any]]) -> dict[str, Any]:
    states = Counter(r["state"] for r in rows)
    submitted = sum(1 for r in rows if r["submitted_at"])
    on_time = sum(1 for r in rows if r["submitted_at"] and not r["late"])
    expected = len(rows)
    return {
        "expected": expected, "submitted": submitted, "on_time": on_time,
        "late": sum(1 for r in rows if r["late"]), "missing": sum(1 for r in rows if r["missing"]),
        "approved": states["approved"], "returned": states["returned"], "awaiting_review": states["submitted"],
        "draft": states["draft"], "not_started": states["missing"],
        "on_time_rate": round(100 * on_time / expected, 1) if expected else None,
    }


def province_picture(scope_unit: OrgUnit | None = None, today: dt.date | None = None,
                     documents: list[int] | None = None) -> dict[str, Any]:
    """The province-wide picture from approved reports: the latest due period of each plan and its
    compliance, task states from the lead units' latest approved reports, the latest approved value
    of each indicator, and recommendations by state with the overdue ones."""
    today = today or timezone.localdate()
    paths = scope_paths(scope_unit) if scope_unit is not None else None
    unit_q = Q()
    if paths is not None:
        for p in paths:
            unit_q |= Q(submission__unit__path__startswith=p)
    periods = ReportingPeriod.objects.filter(due_date__lte=today)
    if documents is not None:
        periods = periods.filter(document_id__in=documents)
    latest: dict[int, ReportingPeriod] = {}
    for period in periods.select_related("document").order_by("due_date", "pk"):
        latest[period.document_id] = period
    plans = [{"period": _period_dict(p), "totals": compliance(p, scope_unit, today)["totals"]} for p in latest.values()]
    plans = [p for p in plans if p["totals"]["expected"]]  # plans with no unit in scope say nothing here
    approved = Q(submission__state=SubmissionState.APPROVED.value) & unit_q
    if documents is not None:
        approved &= Q(submission__period__document_id__in=documents)
    task_state: dict[int, str] = {}
    for row in (TaskReport.objects.filter(approved, is_lead=True)
                .order_by("submission__period__end", "pk").values("task_id", "state")):
        task_state[row["task_id"]] = row["state"]
    values: dict[int, dict[str, Any]] = {}
    for v in (IndicatorValue.objects.filter(approved, value__isnull=False).select_related("target", "submission__period")
              .order_by("submission__period__end", "pk")):
        values[v.target_id] = {"target_id": v.target_id, "target": v.target.name, "unit_of_measure": v.target.unit_of_measure,
                               "value": str(v.value), "measured_on": v.measured_on.isoformat() if v.measured_on else None,
                               "period": v.submission.period.label}
    return {
        "today": today.isoformat(), "plans": plans,
        "tasks": {REPORTED_TASK_STATE_LABELS[k]: n for k, n in Counter(task_state.values()).items()},  # type: ignore[index]
        "indicators": list(values.values()),
        "recommendations": recommendation_summary(scope_unit, today),
    }


def recommendation_summary(scope_unit: OrgUnit | None = None, today: dt.date | None = None) -> dict[str, Any]:
    today = today or timezone.localdate()
    recs = Recommendation.objects.select_related("routed_to")
    if scope_unit is not None:
        q = Q()
        for p in scope_paths(scope_unit):
            q |= Q(routed_to__path__startswith=p)
        recs = recs.filter(q)
    by_state = Counter(r.state for r in recs)
    overdue = [{"id": r.pk, "title": r.title, "routed_to": str(r.routed_to), "due_date": r.due_date.isoformat(),
                "days_overdue": -(r.days_left(today) or 0), "escalated": r.escalated_at is not None}
               for r in recs if r.is_overdue(today) and r.due_date]
    return {"by_state": {Recommendation.State(k).label: n for k, n in by_state.items()}, "overdue": overdue,
            "answered_late": sum(1 for r in recs if r.answered_late)}


def coordination_for(submission: Submission) -> list[dict[str, Any]]:
    """For a lead unit's submission: what the coordinating units reported on its tasks in the same period.

    The lead unit's report is the one that counts; the coordinators' parts are shown beside it.
    """
    lead_tasks = submission.task_reports.filter(is_lead=True).values("task_id")
    parts = (TaskReport.objects.filter(submission__period=submission.period, is_lead=False, task_id__in=lead_tasks)
             .select_related("submission__unit", "task").order_by("task__order", "submission__unit__name"))
    return [{"task_id": p.task_id, "task": p.task.name, "unit_code": p.submission.unit.code, "unit": p.submission.unit.name,
             "submission_state": p.submission.state, "state": p.state, "state_label": p.get_state_display(),
             "percent": p.percent, "progress": p.progress, "difficulties": p.difficulties} for p in parts]


def recommendation_status(rec: Recommendation, today: dt.date | None = None) -> dict[str, Any]:
    """Everything a page shows about a recommendation's handling: state, countdown, lateness, escalation."""
    today = today or timezone.localdate()
    left = rec.days_left(today)
    return {
        "id": rec.pk, "state": rec.state, "state_label": rec.get_state_display(),
        "routed_to": str(rec.routed_to) if rec.routed_to_id else None,
        "due_date": rec.due_date.isoformat() if rec.due_date else None,
        "days_left": left, "overdue": rec.is_overdue(today),
        "countdown": (None if left is None else ("Đến hạn hôm nay" if left == 0 else
                      (f"Còn {left} ngày" if left > 0 else f"Quá hạn {-left} ngày"))),
        "answered_at": rec.answered_at.isoformat() if rec.answered_at else None,
        "answered_late": rec.answered_late,
        "escalated_to": str(rec.escalated_to) if rec.escalated_to_id else None,
        "duplicate_of": rec.duplicate_of_id,
    }
