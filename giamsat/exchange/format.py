"""The exchange format, version 1: a unit's plans and reports for a period, by natural keys only.

Documented in docs/exchange-format.md. The models here are the strict typed intermediate of an
import: the envelope is checked as a whole (wrong format or version: the file is refused), plans
and reports one by one (a bad one is rejected and named, the others go in).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

FORMAT = "giamsat-exchange"
VERSION = 1

Code = Annotated[str, Field(min_length=1, max_length=80, pattern=r"^[a-z0-9][a-z0-9.\-_]*$")]
Short = Annotated[str, Field(max_length=300)]
Text = Annotated[str, Field(max_length=50000)]
Order = Annotated[int, Field(ge=0, le=100000)]
Number = Annotated[Decimal, Field(max_digits=20, decimal_places=4, allow_inf_nan=False)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class UnitRef(Strict):
    code: Code
    name: Short = ""


class PeriodKey(Strict):
    frequency: Literal["monthly", "quarterly", "semiannual", "nine_months", "annual"]
    year: Annotated[int, Field(ge=2000, le=2100)]
    index: Annotated[int, Field(ge=1, le=12)]


class Period(PeriodKey):
    label: Short
    start: dt.date
    end: dt.date
    due_date: dt.date


class PlanKey(Strict):
    number: Annotated[str, Field(max_length=100)]
    issuer: Code | None


class IndicatorRef(Strict):
    code: Annotated[str, Field(max_length=60)]
    national_code: Annotated[str, Field(max_length=60)] = ""


class MilestoneData(Strict):
    year: Annotated[int, Field(ge=1900, le=2200)]
    comparator: Literal[">=", ">", "<=", "<", "=", "range", "rank_top", "text"]
    value: Number | None = None
    value_high: Number | None = None
    raw_text: Annotated[str, Field(max_length=500)] = ""


class TargetData(Strict):
    order: Order
    code: Annotated[str, Field(max_length=40)] = ""
    name: Annotated[str, Field(min_length=1, max_length=5000)]
    unit_of_measure: Annotated[str, Field(max_length=60)] = ""
    direction: Literal["higher", "lower"] = "higher"
    kind: Literal["strategic", "operational"] = "strategic"
    measure: Literal["stock", "flow"] = "stock"
    baseline_value: Number | None = None
    baseline_year: Annotated[int, Field(ge=1900, le=2200)] | None = None
    theme: Annotated[str, Field(max_length=60)] = ""
    responsible: Code | None = None
    responsible_text: Short = ""
    indicator: IndicatorRef | None = None
    milestones: list[MilestoneData] = []


class TaskData(Strict):
    order: Order
    code: Annotated[str, Field(max_length=40)] = ""
    name: Annotated[str, Field(min_length=1, max_length=5000)]
    group: Text = ""
    lead: Code | None = None
    lead_text: Short = ""
    coordinators: list[Code] = []
    output: Text = ""
    deadline_text: Short = ""
    deadline: dict[str, Any] | None = None

    @field_validator("deadline")
    @classmethod
    def _deadline_has_kind(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        if value is not None and not isinstance(value.get("kind"), str):
            raise ValueError("thời hạn phải có trường 'kind'")
        return value


class PlanData(Strict):
    number: Annotated[str, Field(max_length=100)]
    issuer: Code | None
    issuer_text: Short = ""
    owner: Code | None = None
    kind: Literal["resolution", "programme", "plan", "decision", "directive", "other"] = "plan"
    title: Text = ""
    issued_on: dt.date | None = None
    status: Literal["draft", "published", "archived"] = "published"
    targets: list[TargetData] = []
    tasks: list[TaskData] = []
    periods: list[Period] = []

    @property
    def key(self) -> PlanKey:
        return PlanKey(number=self.number, issuer=self.issuer)


class TaskReportData(Strict):
    task: Order = Field(description="thứ tự của nhiệm vụ trong kế hoạch")
    task_code: Annotated[str, Field(max_length=40)] = ""
    occurrence: Annotated[str, Field(max_length=12)] = ""
    is_lead: bool = True
    state: Literal["not_started", "in_progress", "completed", "completed_late", "suspended"]
    percent: Annotated[int, Field(ge=0, le=100)] = 0
    completed_on: dt.date | None = None
    progress: Text = ""
    output: Text = ""
    difficulties: Text = ""
    recommendations: Text = ""
    suspended_reason: Text = ""


class ValueData(Strict):
    target: Order = Field(description="thứ tự của chỉ tiêu trong kế hoạch")
    target_code: Annotated[str, Field(max_length=40)] = ""
    national_code: Annotated[str, Field(max_length=60)] = ""
    value: Number | None = None
    text_value: Short = ""
    measured_on: dt.date | None = None
    source: Short = ""
    note: Text = ""


class ReportData(Strict):
    unit: Code
    plan: PlanKey
    period: PeriodKey
    state: Literal["draft", "submitted", "returned", "approved"]
    summary: Text = ""
    difficulties: Text = ""
    proposals: Text = ""
    submitted_at: dt.datetime | None = None
    approved_at: dt.datetime | None = None
    tasks: list[TaskReportData] = []
    values: list[ValueData] = []


class Envelope(BaseModel):
    """The file's head; plans and reports are validated one by one after it."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["giamsat-exchange"]
    version: Literal[1]
    exported_at: dt.datetime | None = None
    exported_by: Short = ""
    unit: UnitRef
    period: PeriodKey | None = None
    plans: list[dict[str, Any]] = []
    reports: list[dict[str, Any]] = []


def json_schema() -> dict[str, Any]:
    """A JSON Schema of the whole file (the envelope with its plans and reports), for other systems."""

    class File(Envelope):
        plans: list[PlanData] = []  # type: ignore[assignment]
        reports: list[ReportData] = []  # type: ignore[assignment]

    schema = File.model_json_schema()
    schema["title"] = "giamsat-exchange v1"
    return schema
