"""State changes for plans: import a parsed document as a draft, review, publish.

The importer takes the JSON contract of `giamsat parse` (giamsat.ingest), so the
CLI, the web upload and the background job all store plans the same way.
"""

from __future__ import annotations

import datetime as dt
import decimal
import re
from typing import Any

from django.db import transaction
from django.utils import timezone

from giamsat.audit.actions import record, snapshot
from giamsat.domain.deadline import DeadlineSpec
from giamsat.domain.states import Comparator
from giamsat.org.access import scope_paths
from giamsat.org.models import OrgUnit
from giamsat.plans.matching import Candidate, UnitMatcher
from giamsat.plans.models import (
    Assignment,
    Document,
    DocumentKind,
    DocumentStatus,
    Milestone,
    ReportingRegime,
    Target,
    Task,
    TaskGroup,
)


class PlanError(ValueError):
    """A plan cannot be stored or changed as asked; the message says why, in Vietnamese."""


_KIND_BY_TYPE = {
    "plan": DocumentKind.PLAN, "ke hoach": DocumentKind.PLAN, "kh": DocumentKind.PLAN,
    "programme": DocumentKind.PROGRAMME, "program": DocumentKind.PROGRAMME, "ctr": DocumentKind.PROGRAMME,
    "resolution": DocumentKind.RESOLUTION, "nq": DocumentKind.RESOLUTION,
    "decision": DocumentKind.DECISION, "qd": DocumentKind.DECISION, "directive": DocumentKind.DIRECTIVE,
}


class UnitResolver:
    """Resolves agency names within the scope of the owning unit (its subtree and predecessors')."""

    def __init__(self, owner: OrgUnit | None) -> None:
        units = OrgUnit.objects.all()
        if owner is not None:
            paths = scope_paths(owner.current())
            ancestors = [int(p) for p in owner.path.strip("/").split("/") if p]
            units = [u for u in units if any(u.path.startswith(p) for p in paths) or u.pk in ancestors]
        self.units = {u.pk: u for u in units}
        self.candidates = [Candidate(u.pk, (u.name, u.short_name, *u.aliases)) for u in self.units.values()]
        self.matcher = UnitMatcher(self.candidates)
        self.unmatched: list[str] = []

    def resolve(self, name: str | None) -> OrgUnit | None:
        if not name:
            return None
        match = self.matcher.match(name)
        if match.key is None:
            self.unmatched.append(name)
            return None
        return self.units[match.key]


def _decimal(value: Any) -> decimal.Decimal | None:
    if value is None or value == "":
        return None
    try:
        return decimal.Decimal(str(value).replace(",", "."))
    except decimal.InvalidOperation:
        return None


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _span(item: dict[str, Any]) -> dict[str, Any]:
    source = item.get("source") or {}
    return {
        "source_start_line": source.get("start_line"),
        "source_end_line": source.get("end_line"),
        "confidence": item.get("confidence"),
        "raw_text": str(item.get("raw") or "")[:5000],
    }


_MILESTONE_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)")


def _milestone_fields(raw: str, default_cmp: str) -> dict[str, Any]:
    found = _MILESTONE_NUMBER.search(raw or "")
    return {"comparator": default_cmp, "value": _decimal(found.group(1)) if found else None, "raw_text": (raw or "")[:500]}


def _validate(parsed: dict[str, Any]) -> None:
    if not isinstance(parsed, dict) or "document" not in parsed:
        raise PlanError("Kết quả đọc văn bản không đúng cấu trúc: thiếu phần 'document'.")
    for key in ("targets", "tasks", "assignments"):
        if not isinstance(parsed.get(key, []), list):
            raise PlanError(f"Kết quả đọc văn bản không đúng cấu trúc: '{key}' phải là danh sách.")
    for i, target in enumerate(parsed.get("targets", [])):
        if not str(target.get("name") or "").strip():
            raise PlanError(f"Chỉ tiêu thứ {i + 1} không có tên.")
        cmp = target.get("comparator")
        if cmp is not None and cmp not in {c.value for c in Comparator}:
            raise PlanError(f"Chỉ tiêu thứ {i + 1}: phép so sánh '{cmp}' không hợp lệ.")
    for i, task in enumerate(parsed.get("tasks", [])):
        if not str(task.get("name") or "").strip():
            raise PlanError(f"Nhiệm vụ thứ {i + 1} không có tên.")


@transaction.atomic
def import_parsed_plan(
    actor: Any,
    parsed: dict[str, Any],
    *,
    owner: OrgUnit | None,
    source_text: str = "",
    restored_text: str = "",
    is_demo: bool = False,
) -> Document:
    """Store a parsed plan as a draft for review. All or nothing: any error leaves the database as it was."""
    _validate(parsed)
    meta = parsed["document"] or {}
    resolver = UnitResolver(owner)
    if meta.get("confidential"):
        raise PlanError("Văn bản được đánh dấu mật: giamsat không lưu giữ tài liệu mật.")
    document = Document.objects.create(
        number=str(meta.get("number") or "")[:100],
        # a kind the reader names that the app has no kind for (a guidance, a notice …) is "other"; none named, a plan
        kind=_KIND_BY_TYPE.get(doc_type := str(meta.get("doc_type") or "").lower(),
                               DocumentKind.OTHER if doc_type else DocumentKind.PLAN),
        issuer=owner,
        issuer_text=str(meta.get("issuer") or "")[:300],
        owner=owner,
        issued_on=_date(meta.get("date")),
        title=str(meta.get("title") or ""),
        parent_refs=list(meta.get("parents") or []),
        replaces_refs=list(meta.get("replaces") or []),
        source_text=source_text,
        restored_text=restored_text,
        status=DocumentStatus.DRAFT,
        is_demo=is_demo,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    _link_parents(document)
    for order, item in enumerate(parsed.get("targets") or []):
        _create_target(document, item, order, resolver)
    groups: dict[str, TaskGroup] = {}
    for order, item in enumerate(parsed.get("tasks") or []):
        _create_task(document, item, order, resolver, groups)
    for order, item in enumerate(parsed.get("assignments") or []):
        org = str(item.get("org") or "")
        Assignment.objects.create(
            document=document, unit=resolver.resolve(org), unit_text=org[:300],
            duties=str(item.get("duties") or ""), order=order, **_span(item),
        )
    reporting = parsed.get("reporting") or {}
    if reporting.get("frequencies") or reporting.get("due_day"):
        ReportingRegime.objects.create(
            document=document, frequencies=list(reporting.get("frequencies") or []),
            due_day=reporting.get("due_day"), raw_text=str(reporting.get("raw") or ""),
        )
    record(actor, "plans.imported", document, unit_id=owner.pk if owner else None,
           after={"targets": document.targets.count(), "tasks": document.tasks.count(),
                  "unmatched_agencies": sorted(set(resolver.unmatched))})
    document.unmatched_agencies = sorted(set(resolver.unmatched))  # type: ignore[attr-defined]
    return document


def _link_parents(document: Document) -> None:
    for ref in document.parent_refs:
        number = str(ref).strip()
        if number:
            parent = Document.objects.filter(number__iexact=number).exclude(pk=document.pk).first()
            if parent is not None:
                document.parents.add(parent)
    for ref in document.replaces_refs:
        old = Document.objects.filter(number__iexact=str(ref).strip()).exclude(pk=document.pk).first()
        if old is not None:
            document.replaces.add(old)


def _create_target(document: Document, item: dict[str, Any], order: int, resolver: UnitResolver) -> Target:
    lead = item.get("lead")
    comparator = item.get("comparator") or Comparator.GE.value
    target = Target.objects.create(
        document=document, name=str(item["name"]), unit_of_measure=str(item.get("unit") or "")[:60],
        direction=item.get("direction") or "higher", responsible=resolver.resolve(lead),
        responsible_text=str(lead or "")[:300], theme=str(item.get("theme") or "")[:60], order=order,
        baseline_value=_decimal(item.get("baseline")), baseline_year=item.get("baseline_year"),
        **_span(item),
    )
    milestones: dict[int, dict[str, Any]] = {}
    if item.get("year"):
        milestones[int(item["year"])] = {
            "comparator": comparator, "value": _decimal(item.get("value")),
            "value_high": _decimal(item.get("value_high")), "raw_text": str(item.get("raw") or "")[:500],
        }
    for year, raw in (item.get("milestones") or {}).items():
        if str(year).isdigit() and int(year) not in milestones:
            milestones[int(year)] = _milestone_fields(str(raw), comparator)
    for year, fields in milestones.items():
        Milestone.objects.create(target=target, year=year, **fields)
    return target


def _create_task(document: Document, item: dict[str, Any], order: int, resolver: UnitResolver,
                 groups: dict[str, TaskGroup]) -> Task:
    group_title = str(item.get("group") or "").strip()
    group = None
    if group_title:
        group = groups.get(group_title)
        if group is None:
            group = TaskGroup.objects.create(document=document, title=group_title, order=len(groups))
            groups[group_title] = group
    lead = item.get("lead")
    task = Task(
        document=document, group=group, name=str(item["name"]), lead=resolver.resolve(lead),
        lead_text=str(lead or "")[:300], output=str(item.get("output") or ""),
        deadline_text=str(item.get("deadline_text") or "")[:300], assigned_by=document, order=order,
        code=str(item.get("code") or "")[:40], **_span(item),
    )
    deadline = item.get("deadline")
    if isinstance(deadline, dict) and deadline.get("kind"):
        task.set_deadline(DeadlineSpec.from_dict(deadline))
    task.save()
    coordinators = [str(c) for c in item.get("coordinators") or []]
    task.coordinators_text = "; ".join(coordinators)
    resolved = [u for u in (resolver.resolve(c) for c in coordinators) if u is not None]
    if resolved:
        task.coordinators.set(resolved)
    task.save(update_fields=["coordinators_text"])
    return task


@transaction.atomic
def publish_plan(actor: Any, document: Document) -> Document:
    """Publish a reviewed draft: from now on it is tracked, reported on and public."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.status == DocumentStatus.PUBLISHED:
        raise PlanError("Kế hoạch đã được công bố.")
    if document.confidential:
        raise PlanError("Văn bản mật không được công bố.")
    if not document.targets.exists() and not document.tasks.exists():
        raise PlanError("Kế hoạch chưa có chỉ tiêu hoặc nhiệm vụ nào: hãy rà soát trước khi công bố.")
    before = snapshot(document, ["status", "published_at"])
    document.status = DocumentStatus.PUBLISHED
    document.published_at = timezone.now()
    document.save(update_fields=["status", "published_at"])
    for old in document.replaces.all():
        old.status = DocumentStatus.ARCHIVED
        old.save(update_fields=["status"])
    record(actor, "plans.published", document, unit_id=document.owner_id, before=before,
           after=snapshot(document, ["status", "published_at"]))
    return document


@transaction.atomic
def update_item(actor: Any, item: Task | Target, **changes: Any) -> Task | Target:
    """A reviewer's correction of an extracted item. Published plans change only through a new version."""
    if item.document.status != DocumentStatus.DRAFT:
        raise PlanError("Chỉ sửa được kế hoạch ở trạng thái bản nháp.")
    before = snapshot(item, list(changes))
    for key, value in changes.items():
        setattr(item, key, value)
    item.save()
    record(actor, "plans.item_updated", item, unit_id=item.document.owner_id, before=before,
           after=snapshot(item, list(changes)))
    return item


@transaction.atomic
def delete_item(actor: Any, item: Task | Target) -> None:
    if item.document.status != DocumentStatus.DRAFT:
        raise PlanError("Chỉ xoá được mục của kế hoạch ở trạng thái bản nháp.")
    before = snapshot(item)
    label, pk, unit_id = item._meta.label, item.pk, item.document.owner_id
    item.delete()
    record(actor, "plans.item_deleted", object_type=label, object_id=pk, unit_id=unit_id, before=before)
