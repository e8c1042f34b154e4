"""Reviewer actions on a draft plan beyond `plans.actions.update_item/delete_item`: merge, split, map agencies.

Each is atomic, refuses a published plan, and writes an audit event like the plans' own actions.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F

from giamsat.audit.actions import record, snapshot
from giamsat.org.models import OrgUnit
from giamsat.plans.actions import PlanError
from giamsat.plans.models import DocumentStatus, Target, Task


def _draft_only(item: Task | Target) -> None:
    if item.document.status != DocumentStatus.DRAFT:
        raise PlanError("Chỉ sửa được kế hoạch ở trạng thái bản nháp.")


def _span(a: int | None, b: int | None, pick: Any) -> int | None:
    values = [v for v in (a, b) if v is not None]
    return pick(values) if values else None


@transaction.atomic
def merge_items(actor: Any, first: Task | Target, second: Task | Target) -> Task | Target:
    """Join `second` into `first` (the reader split one item in two): names and source lines are joined."""
    if type(first) is not type(second) or first.document_id != second.document_id or first.pk == second.pk:
        raise PlanError("Chỉ gộp được hai mục cùng loại của cùng một kế hoạch.")
    _draft_only(first)
    before = {"first": snapshot(first), "second": snapshot(second)}
    first.name = f"{first.name.rstrip()} {second.name.strip()}".strip()
    first.source_start_line = _span(first.source_start_line, second.source_start_line, min)
    first.source_end_line = _span(first.source_end_line, second.source_end_line, max)
    first.raw_text = "\n".join(t for t in (first.raw_text, second.raw_text) if t)[:5000]
    if isinstance(first, Task) and isinstance(second, Task):
        first.output = "\n".join(t for t in (first.output, second.output) if t)
        first.lead = first.lead or second.lead
        first.save()
        first.coordinators.add(*second.coordinators.all())
        first.serves_targets.add(*second.serves_targets.all())
    else:
        first.save()
    second_pk = second.pk
    second.delete()
    record(actor, "plans.items_merged", first, unit_id=first.document.owner_id, before=before,
           after={**snapshot(first), "merged_from": second_pk})
    return first


@transaction.atomic
def split_item(actor: Any, item: Task | Target, first_text: str, second_text: str) -> tuple[Task | Target, Task | Target]:
    """Split an item the reader merged: the item keeps the first text, a copy takes the second."""
    _draft_only(item)
    if not first_text.strip() or not second_text.strip():
        raise PlanError("Mỗi phần sau khi tách phải có nội dung.")
    before = snapshot(item)
    model = type(item)
    model.objects.filter(document=item.document, order__gt=item.order).update(order=F("order") + 1)
    item.name = first_text.strip()
    item.save()
    copy = model.objects.get(pk=item.pk)
    copy.pk = None
    copy.id = None
    copy.name = second_text.strip()
    copy.order = item.order + 1
    copy.save()
    if isinstance(item, Task) and isinstance(copy, Task):
        copy.coordinators.set(item.coordinators.all())
        copy.serves_targets.set(item.serves_targets.all())
    record(actor, "plans.item_split", item, unit_id=item.document.owner_id, before=before,
           after={"first": snapshot(item), "second": snapshot(copy)})
    return item, copy


@transaction.atomic
def map_agencies(actor: Any, document: Any, mapping: dict[str, OrgUnit]) -> int:
    """Set the unit of every task lead, coordinator and target owner written as one of `mapping`'s names."""
    if document.status != DocumentStatus.DRAFT:
        raise PlanError("Chỉ sửa được kế hoạch ở trạng thái bản nháp.")
    changed = 0
    for name, unit in mapping.items():
        changed += document.tasks.filter(lead__isnull=True, lead_text=name).update(lead=unit)
        changed += document.targets.filter(responsible__isnull=True, responsible_text=name).update(responsible=unit)
        changed += document.assignments.filter(unit__isnull=True, unit_text=name).update(unit=unit)
        for task in document.tasks.filter(coordinators_text__contains=name):
            if name in [c.strip() for c in task.coordinators_text.split(";")]:
                task.coordinators.add(unit)
                changed += 1
    record(actor, "plans.agencies_mapped", document, unit_id=document.owner_id,
           after={name: unit.code for name, unit in mapping.items()})
    return changed


def unmatched_agencies(document: Any) -> list[str]:
    """Agency names in the draft that no unit was found for."""
    names: set[str] = set()
    names.update(t for t in document.tasks.filter(lead__isnull=True).exclude(lead_text="").values_list("lead_text", flat=True))
    names.update(t for t in document.targets.filter(responsible__isnull=True).exclude(responsible_text="")
                 .values_list("responsible_text", flat=True))
    names.update(t for t in document.assignments.filter(unit__isnull=True).exclude(unit_text="").values_list("unit_text", flat=True))
    return sorted(names)
