"""Export a unit's plans and reports for a period in the exchange format (docs/exchange-format.md).

Only natural keys travel: unit codes, document number + issuer, target and task order (with their
codes), period frequency/year/index. Database ids never leave, so two databases can exchange.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils import timezone

from giamsat.exchange.format import FORMAT, VERSION, PeriodKey
from giamsat.org.models import OrgUnit
from giamsat.plans.models import Document, DocumentStatus, Target, Task
from giamsat.reporting.models import ReportingPeriod, Submission


def number(value: Decimal | None) -> str | None:
    """A decimal as plain text without trailing zeros ("64.25", "1250"); never exponent notation."""
    if value is None:
        return None
    text = format(value.normalize(), "f")
    return text


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _code(unit: OrgUnit | None) -> str | None:
    return unit.code if unit is not None else None


def period_key(period: ReportingPeriod) -> dict[str, Any]:
    return {"frequency": period.frequency, "year": period.year, "index": period.index}


def plan_key(document: Document) -> dict[str, Any]:
    return {"number": document.number, "issuer": _code(document.issuer)}


def export_target(target: Target) -> dict[str, Any]:
    indicator = target.indicator
    return {
        "order": target.order, "code": target.code, "name": target.name, "unit_of_measure": target.unit_of_measure,
        "direction": target.direction, "kind": target.kind, "measure": target.measure,
        "baseline_value": number(target.baseline_value), "baseline_year": target.baseline_year,
        "theme": target.theme, "responsible": _code(target.responsible), "responsible_text": target.responsible_text,
        "indicator": {"code": indicator.code, "national_code": indicator.national_code} if indicator else None,
        "milestones": [
            {"year": m.year, "comparator": m.comparator, "value": number(m.value), "value_high": number(m.value_high),
             "raw_text": m.raw_text}
            for m in target.milestones.all()
        ],
    }


def export_task(task: Task) -> dict[str, Any]:
    return {
        "order": task.order, "code": task.code, "name": task.name, "group": task.group.title if task.group else "",
        "lead": _code(task.lead), "lead_text": task.lead_text,
        "coordinators": sorted(u.code for u in task.coordinators.all()), "output": task.output,
        "deadline_text": task.deadline_text, "deadline": task.deadline,
    }


def export_plan(document: Document) -> dict[str, Any]:
    targets = document.targets.select_related("responsible", "indicator").prefetch_related("milestones")
    tasks = document.tasks.select_related("lead", "group").prefetch_related("coordinators")
    return {
        "number": document.number, "issuer": _code(document.issuer), "issuer_text": document.issuer_text,
        "owner": _code(document.owner), "kind": document.kind, "title": document.title,
        "issued_on": _date(document.issued_on), "status": document.status,
        "targets": [export_target(t) for t in targets.order_by("order", "pk")],
        "tasks": [export_task(t) for t in tasks.order_by("order", "pk")],
        "periods": [
            {**period_key(p), "label": p.label, "start": _date(p.start), "end": _date(p.end), "due_date": _date(p.due_date)}
            for p in document.periods.order_by("end", "frequency", "year", "index")
        ],
    }


def export_report(submission: Submission) -> dict[str, Any]:
    task_reports = submission.task_reports.select_related("task").order_by("task__order", "pk")
    values = submission.values.select_related("target__indicator").order_by("target__order", "pk")
    return {
        "unit": submission.unit.code, "plan": plan_key(submission.period.document), "period": period_key(submission.period),
        "state": submission.state, "summary": submission.summary, "difficulties": submission.difficulties,
        "proposals": submission.proposals,
        "submitted_at": submission.submitted_at.isoformat() if submission.submitted_at else None,
        "approved_at": submission.approved_at.isoformat() if submission.approved_at else None,
        "tasks": [
            {"task": r.task.order, "task_code": r.task.code, "occurrence": r.occurrence, "is_lead": r.is_lead, "state": r.state, "percent": r.percent,
             "completed_on": _date(r.completed_on), "progress": r.progress, "output": r.output,
             "difficulties": r.difficulties, "recommendations": r.recommendations, "suspended_reason": r.suspended_reason}
            for r in task_reports
        ],
        "values": [
            {"target": v.target.order, "target_code": v.target.code,
             "national_code": v.target.indicator.national_code if v.target.indicator else "",
             "value": number(v.value), "text_value": v.text_value, "measured_on": _date(v.measured_on),
             "source": v.source, "note": v.note}
            for v in values
        ],
    }


def reports_in_scope(unit: OrgUnit, key: PeriodKey | None) -> list[Submission]:
    """Submissions of the unit and the units below it, for the period key (all periods when None)."""
    qs = Submission.objects.filter(unit__path__startswith=unit.path).select_related("unit", "period__document__issuer")
    if key is not None:
        qs = qs.filter(period__frequency=key.frequency, period__year=key.year, period__index=key.index)
    return list(qs.order_by("period__document__number", "period__end", "unit__code", "pk"))


def plans_in_scope(unit: OrgUnit, reports: list[Submission]) -> list[Document]:
    """Plans the unit (or a unit below it) owns, and the plans its reports answer to. Drafts stay home."""
    ids = {s.period.document_id for s in reports}
    owned = Q(owner__path__startswith=unit.path, status=DocumentStatus.PUBLISHED, confidential=False)
    qs = Document.objects.filter(owned | Q(pk__in=ids)).exclude(confidential=True).select_related("issuer", "owner")
    return list(qs.order_by("issued_on", "number", "pk"))


def build_export(unit: OrgUnit, key: PeriodKey | None = None, *, exported_by: str = "",
                 exported_at: dt.datetime | None = None) -> dict[str, Any]:
    reports = reports_in_scope(unit, key)
    plans = plans_in_scope(unit, reports)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": (exported_at or timezone.now()).isoformat(),
        "exported_by": exported_by,
        "unit": {"code": unit.code, "name": unit.name},
        "period": key.model_dump() if key else None,
        "plans": [export_plan(d) for d in plans],
        "reports": [export_report(s) for s in reports],
    }


def dumps(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False).encode("utf-8")
