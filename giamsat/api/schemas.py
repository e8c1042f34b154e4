"""Shapes of the JSON API. Identifiers are English; labels (`*_label`) are the Vietnamese users see."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import partial
from types import SimpleNamespace
from typing import Annotated, Any

from django.urls import reverse
from ninja import Field, Schema

from giamsat.ops.prepared import PreparedValues
from giamsat.org.models import OrgUnit
from giamsat.plans.models import Document
from giamsat.reporting.models import IndicatorValue, TaskReport


def _code(obj: Any) -> str | None:
    return obj.code if obj is not None else None


class ErrorOut(Schema):
    detail: str


class UnitOut(Schema):
    id: int
    code: str
    name: str
    short_name: str
    kind: str
    kind_label: str
    parent: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    successor: str | None

    @staticmethod
    def resolve_kind_label(obj: Any) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_parent(obj: Any) -> str | None:
        return _code(obj.parent)

    @staticmethod
    def resolve_successor(obj: Any) -> str | None:
        return _code(obj.successor)


class PlanOut(Schema):
    id: int
    number: str
    kind: str
    kind_label: str
    title: str
    issued_on: dt.date | None
    issuer: str | None
    issuer_text: str
    owner: str | None
    status: str
    status_label: str
    published_at: dt.datetime | None
    targets: int
    tasks: int

    @staticmethod
    def resolve_kind_label(obj: Any) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_status_label(obj: Any) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_issuer(obj: Any) -> str | None:
        return _code(obj.issuer)

    @staticmethod
    def resolve_owner(obj: Any) -> str | None:
        return _code(obj.owner)

    @staticmethod
    def resolve_targets(obj: Any) -> int:
        n = getattr(obj, "n_targets", None)
        return int(n) if n is not None else obj.targets.count()

    @staticmethod
    def resolve_tasks(obj: Any) -> int:
        n = getattr(obj, "n_tasks", None)
        return int(n) if n is not None else obj.tasks.count()


def plan_rows(queryset: Any) -> list[Any]:
    """A page of `queries.plans` (up to 500 plans) as light rows for `PlanOut`, as `task_rows` does for tasks:
    plain values with the issuer and owner codes joined and the two labels looked up, instead of model instances
    (each with its issuer and owner units). The schema still validates them: the same JSON (test_detail)."""
    kinds, states = _labels(Document, "kind"), _labels(Document, "status")
    return [SimpleNamespace(
        **{k: r[k] for k in PLAN_FIELDS},
        issuer=SimpleNamespace(code=r["issuer__code"]) if r["issuer_id"] is not None else None,
        owner=SimpleNamespace(code=r["owner__code"]) if r["owner_id"] is not None else None,
        get_kind_display=partial(str, kinds.get(r["kind"], r["kind"])),
        get_status_display=partial(str, states.get(r["status"], r["status"])),
    ) for r in queryset.values(*PLAN_COLUMNS)]


PLAN_FIELDS = ("id", "number", "kind", "title", "issued_on", "issuer_text", "status", "published_at", "n_targets",
               "n_tasks")
PLAN_COLUMNS = (*PLAN_FIELDS, "issuer_id", "issuer__code", "owner_id", "owner__code")


class MilestoneOut(Schema):
    year: int
    comparator: str
    value: Decimal | None
    value_high: Decimal | None
    raw_text: str


class IndicatorRef(Schema):
    code: str
    national_code: str
    name: str
    unit: str


class TargetOut(Schema):
    id: int
    plan: int = Field(..., alias="document_id")
    order: int
    code: str
    name: str
    unit_of_measure: str
    direction: str
    kind: str
    measure: str
    baseline_value: Decimal | None
    baseline_year: int | None
    theme: str
    responsible: str | None
    responsible_text: str
    indicator: IndicatorRef | None
    milestones: list[MilestoneOut]

    @staticmethod
    def resolve_responsible(obj: Any) -> str | None:
        return _code(obj.responsible)

    @staticmethod
    def resolve_milestones(obj: Any) -> list[Any]:
        return list(obj.milestones.all())


class TaskOut(Schema):
    id: int
    plan: int = Field(..., alias="document_id")
    order: int
    code: str
    name: str
    group: str | None
    lead: str | None
    lead_text: str
    coordinators: list[str]
    coordinators_text: str
    output: str
    deadline_text: str
    deadline_kind: str
    due_date: dt.date | None

    @staticmethod
    def resolve_group(obj: Any) -> str | None:
        return obj.group.title if obj.group is not None else None

    @staticmethod
    def resolve_lead(obj: Any) -> str | None:
        return _code(obj.lead)

    @staticmethod
    def resolve_coordinators(obj: Any) -> list[str]:
        return [u.code for u in obj.coordinators.all()]


def task_rows(queryset: Any) -> list[Any]:
    """A page of `queries.tasks` as light rows for `TaskOut` (the list's 50-500 tasks): plain values, the group,
    lead and coordinators as the attributes the schema's resolvers read, instead of model instances with their
    related rows and the coordinators' prefetch. The schema still validates them, so the JSON is the same
    (`tests/test_detail.py` compares it with the instances' one)."""
    rows = list(queryset.prefetch_related(None).values(*TASK_COLUMNS))
    coordinators: dict[int, _Units] = {}
    if rows:
        # OrgUnit's own ordering (path, name), as the prefetch read them.
        for task_id, code in OrgUnit.objects.filter(coordinated_tasks__in=[r["id"] for r in rows]).values_list(
                "coordinated_tasks", "code"):
            coordinators.setdefault(task_id, _Units()).append(SimpleNamespace(code=code))
    return [SimpleNamespace(
        **{k: r[k] for k in TASK_FIELDS},
        group=SimpleNamespace(title=r["group__title"]) if r["group_id"] is not None else None,
        lead=SimpleNamespace(code=r["lead__code"]) if r["lead_id"] is not None else None,
        coordinators=coordinators.get(r["id"], _Units()),
    ) for r in rows]


class _Units(list[Any]):
    """The coordinators of a task row, read like a related manager (`.all()`)."""

    def all(self) -> list[Any]:
        return self


TASK_FIELDS = ("id", "document_id", "order", "code", "name", "lead_text", "coordinators_text", "output",
               "deadline_text", "deadline_kind", "due_date")
TASK_COLUMNS = (*TASK_FIELDS, "group_id", "group__title", "lead_id", "lead__code")


class PeriodOut(Schema):
    id: int
    plan: int = Field(..., alias="document_id")
    frequency: str
    year: int
    index: int
    label: str
    start: dt.date
    end: dt.date
    due_date: dt.date


class TaskReportOut(Schema):
    task: int = Field(..., alias="task_id")
    task_code: str
    task_name: str
    is_lead: bool
    state: str
    state_label: str
    percent: int
    completed_on: dt.date | None
    progress: str
    output: str
    difficulties: str
    recommendations: str
    suspended_reason: str
    carried_forward: bool

    @staticmethod
    def resolve_task_code(obj: Any) -> str:
        return str(obj.task.code)

    @staticmethod
    def resolve_task_name(obj: Any) -> str:
        return str(obj.task.name)

    @staticmethod
    def resolve_state_label(obj: Any) -> str:
        return str(obj.get_state_display())


class ValueOut(Schema):
    id: int
    submission: int = Field(..., alias="submission_id")
    unit: str
    period: int
    target: int = Field(..., alias="target_id")
    target_name: str
    national_code: str | None
    value: Decimal | None
    text_value: str
    measured_on: dt.date | None
    source: str
    note: str
    carried_forward: bool

    @staticmethod
    def resolve_unit(obj: Any) -> str:
        return str(obj.submission.unit.code)

    @staticmethod
    def resolve_period(obj: Any) -> int:
        return int(obj.submission.period_id)

    @staticmethod
    def resolve_target_name(obj: Any) -> str:
        return str(obj.target.name)

    @staticmethod
    def resolve_national_code(obj: Any) -> str | None:
        indicator = obj.target.indicator
        return (indicator.national_code or None) if indicator is not None else None


class SubmissionOut(Schema):
    id: int
    unit: str
    unit_name: str
    period: PeriodOut
    state: str
    state_label: str
    version: int
    summary: str
    difficulties: str
    proposals: str
    submitted_at: dt.datetime | None
    approved_at: dt.datetime | None
    return_count: int
    last_comment: str
    updated_at: dt.datetime

    @staticmethod
    def resolve_unit(obj: Any) -> str:
        return str(obj.unit.code)

    @staticmethod
    def resolve_unit_name(obj: Any) -> str:
        return str(obj.unit.name)

    @staticmethod
    def resolve_state_label(obj: Any) -> str:
        return str(obj.get_state_display())


class SubmissionDetailOut(SubmissionOut):
    task_reports: list[TaskReportOut]
    values: list[ValueOut]
    files: dict[str, str] = Field(..., description="Báo cáo theo thể thức (DOCX, PDF) và bảng số liệu (XLSX)")

    @staticmethod
    def resolve_files(obj: Any) -> dict[str, str]:
        return {fmt: reverse("exchange:submission-report", args=[obj.pk, fmt]) for fmt in ("docx", "pdf", "xlsx")}

    @staticmethod
    def resolve_task_reports(obj: Any) -> list[Any]:
        return list(obj.task_reports.select_related("task").all())

    @staticmethod
    def resolve_values(obj: Any) -> list[Any]:
        return list(obj.values.select_related("target__indicator", "submission__unit").all())


def submission_detail(obj: Any) -> dict[str, Any]:
    """`SubmissionDetailOut` of a submission read from our own database, built without pydantic's validation.

    The draft save and its read (GET, then PUT) are the reporters' most frequent requests; validating every
    task row and value through `SubmissionDetailOut` (each field through a resolver, from model instances) was
    most of their CPU. The rows come from the database, so their types are the schema's already: the rows are
    read as plain values, and this gives the same keys in the same order and the same values
    (`tests/test_detail.py` compares the JSON with the validated one byte for byte). `obj` is a submission as
    `reporting.access.get_submission_for_user` returns it (period and unit joined); its rows are read by
    `TASK_REPORT_ROWS` and `VALUE_ROWS`."""
    period = obj.period
    unit_code = str(obj.unit.code)
    task_states = _labels(TaskReport, "state")
    task_reports = [{
        "task": r["task_id"], "task_code": str(r["task__code"]), "task_name": str(r["task__name"]),
        "is_lead": r["is_lead"], "state": r["state"], "state_label": task_states.get(r["state"], r["state"]),
        "percent": r["percent"], "completed_on": r["completed_on"], "progress": r["progress"], "output": r["output"],
        "difficulties": r["difficulties"], "recommendations": r["recommendations"],
        "suspended_reason": r["suspended_reason"], "carried_forward": r["carried_forward"],
    } for r in TASK_REPORT_ROWS.rows(obj.pk)]
    values = [{
        "id": v["id"], "submission": v["submission_id"], "unit": unit_code, "period": int(obj.period_id),
        "target": v["target_id"], "target_name": str(v["target__name"]),
        "national_code": (v["target__indicator__national_code"] or None) if v["target__indicator_id"] is not None else None,
        "value": v["value"], "text_value": v["text_value"], "measured_on": v["measured_on"], "source": v["source"],
        "note": v["note"], "carried_forward": v["carried_forward"],
    } for v in VALUE_ROWS.rows(obj.pk)]
    return {
        "id": obj.id, "unit": unit_code, "unit_name": str(obj.unit.name),
        "period": {"id": period.id, "plan": period.document_id, "frequency": period.frequency, "year": period.year,
                   "index": period.index, "label": period.label, "start": period.start, "end": period.end,
                   "due_date": period.due_date},
        "state": obj.state, "state_label": str(obj.get_state_display()), "version": obj.version,
        "summary": obj.summary, "difficulties": obj.difficulties, "proposals": obj.proposals,
        "submitted_at": obj.submitted_at, "approved_at": obj.approved_at, "return_count": obj.return_count,
        "last_comment": obj.last_comment, "updated_at": obj.updated_at,
        "task_reports": task_reports, "values": values, "files": SubmissionDetailOut.resolve_files(obj),
    }


def _labels(model: Any, field: str) -> dict[Any, str]:
    """What `get_<field>_display()` shows for each value, in the active language."""
    return {value: str(label) for value, label in model._meta.get_field(field).flatchoices}


TASK_REPORT_COLUMNS = ("task_id", "task__code", "task__name", "is_lead", "state", "percent", "completed_on", "progress",
                       "output", "difficulties", "recommendations", "suspended_reason", "carried_forward")
VALUE_COLUMNS = ("id", "submission_id", "target_id", "target__name", "target__indicator_id",
                 "target__indicator__national_code", "value", "text_value", "measured_on", "source", "note",
                 "carried_forward")
# A submission's rows in the models' order (`Meta.ordering`: by submission, then task or target order), asked for
# directly: within one submission that is the task's or target's order (the models' order joined the submission,
# its period and unit to every row to sort by what the one submission shares). SQL built once per connection.
TASK_REPORT_ROWS = PreparedValues(TaskReport, lambda pk: TaskReport.objects.filter(submission_id=pk).order_by(
    "task__order", "pk").values(*TASK_REPORT_COLUMNS))
VALUE_ROWS = PreparedValues(IndicatorValue, lambda pk: IndicatorValue.objects.filter(submission_id=pk).order_by(
    "target__order", "pk").values(*VALUE_COLUMNS))


class RecommendationOut(Schema):
    id: int
    title: str
    body: str
    category: str
    category_label: str
    state: str
    state_label: str
    raised_by_unit: str | None
    routed_to: str | None
    submission: int | None = Field(None, alias="submission_id")
    task: int | None = Field(None, alias="task_id")
    due_date: dt.date | None
    answer: str
    answered_at: dt.datetime | None
    is_public: bool
    created_at: dt.datetime

    @staticmethod
    def resolve_category_label(obj: Any) -> str:
        return str(obj.get_category_display())

    @staticmethod
    def resolve_state_label(obj: Any) -> str:
        return str(obj.get_state_display())

    @staticmethod
    def resolve_raised_by_unit(obj: Any) -> str | None:
        return _code(obj.raised_by_unit)

    @staticmethod
    def resolve_routed_to(obj: Any) -> str | None:
        return _code(obj.routed_to)


# Writes ----------------------------------------------------------------------------------------

Text = Annotated[str, Field(max_length=20000)]


class DraftIn(Schema):
    unit: Annotated[str, Field(max_length=80)]
    period: Annotated[int, Field(ge=1, le=2**62)]


class TaskReportIn(Schema):
    task: Annotated[int, Field(ge=1, le=2**62)]
    state: Annotated[str, Field(max_length=20)] = "not_started"
    percent: Annotated[int, Field(ge=0, le=100)] = 0
    completed_on: dt.date | None = None
    progress: Text = ""
    output: Text = ""
    difficulties: Text = ""
    recommendations: Text = ""
    suspended_reason: Text = ""


class ValueIn(Schema):
    target: Annotated[int, Field(ge=1, le=2**62)]
    value: Annotated[Decimal, Field(max_digits=20, decimal_places=4)] | None = None
    text_value: Annotated[str, Field(max_length=300)] = ""
    measured_on: dt.date | None = None
    source: Annotated[str, Field(max_length=300)] = ""
    note: Text = ""


class SaveDraftIn(Schema):
    expected_version: Annotated[int, Field(ge=0, le=2**31)]
    summary: Text | None = None
    difficulties: Text | None = None
    proposals: Text | None = None
    task_reports: list[TaskReportIn] = []
    values: list[ValueIn] = []


class ReasonIn(Schema):
    reason: Annotated[str, Field(min_length=1, max_length=5000)]


class RecommendationIn(Schema):
    title: Annotated[str, Field(min_length=1, max_length=300)]
    body: Annotated[str, Field(min_length=1, max_length=20000)]
    category: Annotated[str, Field(max_length=30)] = "other"
    unit: Annotated[str, Field(max_length=80)]
    submission: Annotated[int, Field(ge=1, le=2**62)] | None = None
    task: Annotated[int, Field(ge=1, le=2**62)] | None = None


class AnswerIn(Schema):
    answer: Annotated[str, Field(min_length=1, max_length=20000)]
