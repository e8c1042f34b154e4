"""Import an exchange file (the level above receives a unit's plans and reports).

Staged like every import: JSON → the typed intermediate of `exchange.format` → checks against the
database (units, plans, task and target positions) → one transaction that upserts by natural keys.
Importing the same file twice changes nothing. A plan or a report that fails a check is rejected
whole, with the reason; the rest goes in. An unexpected error rolls everything back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from pydantic import ValidationError

from giamsat.audit.actions import record
from giamsat.domain.deadline import DeadlineSpec
from giamsat.exchange.format import Envelope, PlanData, PlanKey, ReportData, TargetData, TaskData
from giamsat.org.models import OrgUnit
from giamsat.plans.models import (
    Document,
    Milestone,
    StandardIndicator,
    Target,
    Task,
    TaskGroup,
)
from giamsat.reporting.models import IndicatorValue, ReportingPeriod, Submission, TaskReport


class ExchangeError(ValueError):
    """The file cannot be read at all (not JSON, wrong format or version); nothing was imported."""


@dataclass
class ImportResult:
    unit: str = ""
    accepted: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def as_dict(self) -> dict[str, Any]:
        return {"unit": self.unit, "accepted": self.accepted, "rejected": self.rejected, "created": self.created,
                "updated": self.updated, "unchanged": self.unchanged, "dry_run": self.dry_run}

    def summary(self) -> str:
        return (f"Nhận {len(self.accepted)} mục, từ chối {len(self.rejected)} mục; "
                f"{self.created} bản ghi mới, {self.updated} cập nhật, {self.unchanged} không đổi.")


class Rejected(Exception):
    pass


def _errors(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:5])


def read_envelope(raw: bytes | str | dict[str, Any]) -> Envelope:
    """Parse and check the file's head. Raises ExchangeError with a Vietnamese message."""
    if isinstance(raw, dict):
        data = raw
    else:
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ExchangeError(f"Tệp không phải JSON hợp lệ: {exc}") from exc
    if not isinstance(data, dict):
        raise ExchangeError("Tệp trao đổi phải là một đối tượng JSON.")
    if data.get("format") != "giamsat-exchange":
        raise ExchangeError("Tệp không đúng định dạng trao đổi của giamsat (format phải là \"giamsat-exchange\").")
    if data.get("version") != 1:
        raise ExchangeError(f"Phiên bản định dạng {data.get('version')!r} không được hỗ trợ (chỉ hỗ trợ phiên bản 1).")
    try:
        return Envelope.model_validate(data)
    except ValidationError as exc:
        raise ExchangeError(f"Phần đầu tệp không hợp lệ: {_errors(exc)}") from exc


class _Importer:
    def __init__(self, actor: Any, envelope: Envelope, result: ImportResult) -> None:
        self.actor, self.envelope, self.result = actor, envelope, result
        self.units: dict[str, OrgUnit] = {}
        self.plans: dict[tuple[str, str | None], Document] = {}

    # counting -------------------------------------------------------------------------------
    def _upsert(self, model: Any, lookup: dict[str, Any], values: dict[str, Any]) -> Any:
        row = model.objects.filter(**lookup).first()
        if row is None:
            self.result.created += 1
            return model.objects.create(**lookup, **values)
        changed = [k for k, v in values.items() if getattr(row, k) != v]
        if changed:
            for key in changed:
                setattr(row, key, values[key])
            row.save(update_fields=changed)
            self.result.updated += 1
        else:
            self.result.unchanged += 1
        return row

    def unit(self, code: str | None, what: str) -> OrgUnit | None:
        if code is None:
            return None
        if code not in self.units:
            found = OrgUnit.objects.filter(code=code).first()
            if found is None:
                raise Rejected(f"{what}: không có đơn vị mã '{code}' trong danh mục.")
            self.units[code] = found
        return self.units[code]

    # plans ----------------------------------------------------------------------------------
    def plan(self, raw: dict[str, Any], position: int) -> None:
        label = f"Kế hoạch thứ {position}"
        try:
            data = PlanData.model_validate(raw)
            label = f"Kế hoạch {data.number or '(không số)'}"
            with transaction.atomic():
                self._plan(data, label)
        except ValidationError as exc:
            self.result.rejected.append(f"{label}: dữ liệu không hợp lệ — {_errors(exc)}")
        except Rejected as exc:
            self.result.rejected.append(str(exc))
        else:
            self.result.accepted.append(f"{label}: {len(data.targets)} chỉ tiêu, {len(data.tasks)} nhiệm vụ, "
                                        f"{len(data.periods)} kỳ báo cáo")

    def _plan(self, data: PlanData, label: str) -> None:
        issuer = self.unit(data.issuer, label)
        owner = self.unit(data.owner, label)
        for t in data.targets:
            self.unit(t.responsible, f"{label}, chỉ tiêu {t.order}")
        for k in data.tasks:
            self.unit(k.lead, f"{label}, nhiệm vụ {k.order}")
            for c in k.coordinators:
                self.unit(c, f"{label}, nhiệm vụ {k.order}")
        lookup = {"number": data.number, "issuer": issuer}
        if issuer is None:
            lookup["issuer_text"] = data.issuer_text
        document = self._upsert(Document, lookup, {
            "issuer_text": data.issuer_text, "owner": owner, "kind": data.kind, "title": data.title,
            "issued_on": data.issued_on, "status": data.status,
        })
        for t in data.targets:
            self._target(document, t)
        groups: dict[str, TaskGroup] = {}
        for k in data.tasks:
            self._task(document, k, groups)
        for p in data.periods:
            self._upsert(ReportingPeriod, {"document": document, "frequency": p.frequency, "year": p.year, "index": p.index},
                         {"label": p.label, "start": p.start, "end": p.end, "due_date": p.due_date})
        self.plans[(data.number, data.issuer)] = document

    def _target(self, document: Document, t: TargetData) -> None:
        indicator = None
        if t.indicator is not None:
            indicator = StandardIndicator.objects.filter(code=t.indicator.code).first()
            if indicator is None and t.indicator.national_code:
                indicator = StandardIndicator.objects.filter(national_code=t.indicator.national_code).first()
        target = self._upsert(Target, {"document": document, "order": t.order}, {
            "code": t.code, "name": t.name, "unit_of_measure": t.unit_of_measure, "direction": t.direction,
            "kind": t.kind, "measure": t.measure, "baseline_value": t.baseline_value, "baseline_year": t.baseline_year,
            "theme": t.theme, "responsible": self.units.get(t.responsible or ""), "responsible_text": t.responsible_text,
            "indicator": indicator,
        })
        for m in t.milestones:
            self._upsert(Milestone, {"target": target, "year": m.year}, {
                "comparator": m.comparator, "value": m.value, "value_high": m.value_high, "raw_text": m.raw_text,
            })

    def _task(self, document: Document, k: TaskData, groups: dict[str, TaskGroup]) -> None:
        group = None
        if k.group:
            group = groups.get(k.group) or TaskGroup.objects.filter(document=document, title=k.group).first()
            if group is None:
                group = TaskGroup.objects.create(document=document, title=k.group, order=len(groups))
                self.result.created += 1
            groups[k.group] = group
        spec = DeadlineSpec.from_dict(k.deadline) if k.deadline else None
        task = self._upsert(Task, {"document": document, "order": k.order}, {
            "code": k.code, "name": k.name, "group": group, "lead": self.units.get(k.lead or ""), "lead_text": k.lead_text,
            "output": k.output, "deadline_text": k.deadline_text, "deadline": spec.to_dict() if spec else None,
            "deadline_kind": spec.kind.value if spec else "", "due_date": spec.due_date if spec else None,
            "assigned_by": document,
        })
        wanted = {self.units[c].pk for c in k.coordinators}
        if set(task.coordinators.values_list("pk", flat=True)) != wanted:
            task.coordinators.set(wanted)

    # reports --------------------------------------------------------------------------------
    def report(self, raw: dict[str, Any], position: int) -> None:
        label = f"Báo cáo thứ {position}"
        try:
            data = ReportData.model_validate(raw)
            label = f"Báo cáo của {data.unit} ({data.period.frequency} {data.period.index}/{data.period.year})"
            with transaction.atomic():
                self._report(data, label)
        except ValidationError as exc:
            self.result.rejected.append(f"{label}: dữ liệu không hợp lệ — {_errors(exc)}")
        except Rejected as exc:
            self.result.rejected.append(str(exc))
        else:
            self.result.accepted.append(f"{label}: {len(data.tasks)} nhiệm vụ, {len(data.values)} số liệu")

    def _find_plan(self, key: PlanKey, label: str) -> Document:
        if (key.number, key.issuer) in self.plans:
            return self.plans[(key.number, key.issuer)]
        issuer = self.unit(key.issuer, label)
        document = Document.objects.filter(number=key.number, issuer=issuer).first()
        if document is None:
            raise Rejected(f"{label}: không tìm thấy kế hoạch số '{key.number}' của '{key.issuer}'.")
        return document

    def _report(self, data: ReportData, label: str) -> None:
        unit = self.unit(data.unit, label)
        scope = self.unit(self.envelope.unit.code, "Tệp")
        assert unit is not None and scope is not None
        if not unit.is_within(scope):
            raise Rejected(f"{label}: đơn vị '{data.unit}' không thuộc '{scope.code}', đơn vị gửi tệp.")
        document = self._find_plan(data.plan, label)
        period = ReportingPeriod.objects.filter(document=document, **data.period.model_dump()).first()
        if period is None:
            raise Rejected(f"{label}: kế hoạch '{data.plan.number}' không có kỳ báo cáo này.")
        tasks = {t.order: t for t in document.tasks.all()}
        targets = {t.order: t for t in document.targets.select_related("indicator")}
        for row in data.tasks:
            if row.task not in tasks or (row.task_code and tasks[row.task].code != row.task_code):
                raise Rejected(f"{label}: kế hoạch không có nhiệm vụ thứ tự {row.task} (mã '{row.task_code}').")
        for v in data.values:
            target = targets.get(v.target)
            if target is None or (v.target_code and target.code != v.target_code):
                raise Rejected(f"{label}: kế hoạch không có chỉ tiêu thứ tự {v.target} (mã '{v.target_code}').")
            if v.value is None and not v.text_value:
                raise Rejected(f"{label}: chỉ tiêu thứ tự {v.target} không có giá trị.")
        submission = self._upsert(Submission, {"period": period, "unit": unit}, {
            "state": data.state, "summary": data.summary, "difficulties": data.difficulties, "proposals": data.proposals,
            "submitted_at": data.submitted_at, "approved_at": data.approved_at,
        })
        for row in data.tasks:
            fields = row.model_dump(exclude={"task", "task_code"})
            self._upsert(TaskReport, {"submission": submission, "task": tasks[row.task]}, fields)
        for v in data.values:
            fields = v.model_dump(exclude={"target", "target_code", "national_code"})
            self._upsert(IndicatorValue, {"submission": submission, "target": targets[v.target]}, fields)


def import_exchange(actor: Any, raw: bytes | str | dict[str, Any], *, dry_run: bool = False) -> ImportResult:
    """Import a file; returns what was accepted and rejected. `dry_run` checks everything and writes nothing."""
    envelope = read_envelope(raw)
    result = ImportResult(unit=envelope.unit.code, dry_run=dry_run)
    with transaction.atomic():
        importer = _Importer(actor, envelope, result)
        try:
            importer.unit(envelope.unit.code, "Tệp")
        except Rejected as exc:
            raise ExchangeError(f"Đơn vị gửi tệp '{envelope.unit.code}' không có trong danh mục.") from exc
        for i, plan in enumerate(envelope.plans, start=1):
            importer.plan(plan, i)
        for i, report in enumerate(envelope.reports, start=1):
            importer.report(report, i)
        if result.changed and not dry_run:
            record(actor, "exchange.imported", object_type="exchange.File", object_id=envelope.unit.code,
                   unit_id=importer.units[envelope.unit.code].pk, after=result.as_dict())
        if dry_run:
            transaction.set_rollback(True)
    return result
