"""State changes of the alignment: load the catalogue, suggest mappings, confirm them, link tasks.

Each is atomic and audited. Suggestions never confirm anything: only `confirm_mapping`
(a person's decision) sets `Target.indicator_confirmed`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction

from giamsat.alignment import catalogue
from giamsat.alignment.matching import IndicatorEntry, suggest
from giamsat.alignment.models import MappingSuggestion, NationalTarget
from giamsat.audit.actions import record, snapshot
from giamsat.plans.models import Document, StandardIndicator, Target, Task


class AlignmentError(ValueError):
    """The change cannot be made; the message says why, in Vietnamese."""


def _decimal(text: str | None) -> Decimal | None:
    return Decimal(text) if text not in (None, "") else None


@transaction.atomic
def load_indicators(actor: Any = "system") -> dict[str, int]:
    """Create or update the catalogue and the national targets from `catalogue`. Running it twice changes nothing."""
    counts = {"indicators_created": 0, "indicators_updated": 0, "targets_created": 0, "targets_updated": 0}
    for spec in catalogue.INDICATORS:
        fields = {"national_code": spec.national_code, "name": spec.name, "unit": spec.unit, "direction": spec.direction,
                  "definition": spec.definition, "synonyms": list(spec.synonyms), "theme": spec.theme}
        indicator, created = StandardIndicator.objects.get_or_create(code=spec.code, defaults=fields)
        if created:
            counts["indicators_created"] += 1
        elif any(getattr(indicator, k) != v for k, v in fields.items()):
            StandardIndicator.objects.filter(pk=indicator.pk).update(**fields)
            counts["indicators_updated"] += 1
    indicators = {i.code: i for i in StandardIndicator.objects.filter(code__in=[s.code for s in catalogue.INDICATORS])}
    for t in catalogue.NATIONAL_TARGETS:
        fields = {"comparator": t.comparator, "value": _decimal(t.value), "value_high": _decimal(t.value_high),
                  "unit": t.unit, "source_section": t.section, "source_text": t.text}
        row, created = NationalTarget.objects.get_or_create(
            indicator=indicators[t.indicator], year=t.year, source_document=t.document, defaults=fields)
        if created:
            counts["targets_created"] += 1
        elif any(getattr(row, k) != v for k, v in fields.items()):
            NationalTarget.objects.filter(pk=row.pk).update(**fields)
            counts["targets_updated"] += 1
    if any(counts.values()):
        record(actor, "alignment.catalogue_loaded", object_type="plans.StandardIndicator", after=counts)
    return counts


def indicator_entries() -> list[IndicatorEntry]:
    return [IndicatorEntry(str(i.pk), (i.name, *[str(s) for s in i.synonyms or []]), i.unit)
            for i in StandardIndicator.objects.all()]


@transaction.atomic
def suggest_mappings(actor: Any, document: Document) -> int:
    """Store the matcher's suggestions for every target of a plan; unconfirmed targets take the best one.

    Confirmed mappings are left as they are. Returns the number of targets with a suggestion.
    """
    entries = indicator_entries()
    targets = list(document.targets.all())
    MappingSuggestion.objects.filter(target__in=targets).delete()
    suggested = 0
    for target in targets:
        found = suggest(target.name, target.unit_of_measure, entries)
        MappingSuggestion.objects.bulk_create([
            MappingSuggestion(target=target, indicator_id=int(s.key), score=s.score, rank=rank)
            for rank, s in enumerate(found, start=1)
        ])
        suggested += bool(found)
        if not target.indicator_confirmed:
            best_id = int(found[0].key) if found else None
            if target.indicator_id != best_id:
                Target.objects.filter(pk=target.pk).update(indicator_id=best_id)
    record(actor, "alignment.mappings_suggested", document, unit_id=document.owner_id,
           after={"targets": len(targets), "suggested": suggested})
    return suggested


@transaction.atomic
def confirm_mapping(actor: Any, target: Target, indicator: StandardIndicator | None, *, reason: str = "") -> Target:
    """A person's decision: this target measures that indicator (or, with None, none in the catalogue)."""
    target = Target.objects.select_for_update().get(pk=target.pk)
    before = snapshot(target, ["indicator", "indicator_confirmed"])
    target.indicator = indicator
    target.indicator_confirmed = True
    target.save(update_fields=["indicator", "indicator_confirmed"])
    record(actor, "alignment.mapping_confirmed", target, unit_id=target.document.owner_id, before=before,
           after=snapshot(target, ["indicator", "indicator_confirmed"]), reason=reason)
    return target


@transaction.atomic
def reopen_mapping(actor: Any, target: Target, *, reason: str = "") -> Target:
    """Undo a confirmation: the target goes back to the matcher's suggestion."""
    target = Target.objects.select_for_update().get(pk=target.pk)
    if not target.indicator_confirmed:
        raise AlignmentError("Ánh xạ của chỉ tiêu này chưa được xác nhận.")
    before = snapshot(target, ["indicator", "indicator_confirmed"])
    best = target.indicator_suggestions.order_by("rank").first()
    target.indicator_id = best.indicator_id if best else None
    target.indicator_confirmed = False
    target.save(update_fields=["indicator", "indicator_confirmed"])
    record(actor, "alignment.mapping_reopened", target, unit_id=target.document.owner_id, before=before,
           after=snapshot(target, ["indicator", "indicator_confirmed"]), reason=reason)
    return target


@transaction.atomic
def link_task_to_target(actor: Any, task: Task, target: Target) -> Task:
    """A person's decision that a task serves a target (the suggestion becomes a link)."""
    if task.serves_targets.filter(pk=target.pk).exists():
        raise AlignmentError("Nhiệm vụ đã được gắn với chỉ tiêu này.")
    task.serves_targets.add(target)
    record(actor, "alignment.task_linked", task, unit_id=task.document.owner_id, after={"target": target.pk})
    return task


@transaction.atomic
def link_target_to_parent(actor: Any, target: Target, parent: Target | None, *, reason: str = "") -> Target:
    """A person's decision that a child plan's target carries a parent plan's target (`Target.serves`)."""
    if parent is not None and parent.document_id == target.document_id:
        raise AlignmentError("Chỉ tiêu cấp trên phải thuộc một kế hoạch khác.")
    target = Target.objects.select_for_update().get(pk=target.pk)
    before = snapshot(target, ["serves"])
    target.serves = parent
    target.save(update_fields=["serves"])
    record(actor, "alignment.target_linked", target, unit_id=target.document.owner_id, before=before,
           after=snapshot(target, ["serves"]), reason=reason)
    return target
