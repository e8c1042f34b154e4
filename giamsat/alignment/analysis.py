"""Reads plans from the database and hands plain levels to the engines in `compare` and `matching`.

Which plan implements which: a plan's `Document.parents` when they are in the system; otherwise
a commune's or department's plan implements the plans of its province (the province today and
the provinces merged into it in 2025). Every province plan implements the national targets.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from giamsat.alignment.compare import Finding, Level, Verdict, compare_targets, worst
from giamsat.alignment.matching import looks_like_rank, suggest_task_links, unit_kind
from giamsat.alignment.models import NationalTarget
from giamsat.org.models import OrgUnit, UnitKind
from giamsat.plans.models import Document, Milestone, StandardIndicator, Target, Task

NATION = "Quốc gia"
LEVEL_LABELS = {"province": "Cấp tỉnh", "commune": "Cấp xã", "department": "Sở, ngành", "other": "Khác"}


def province_of(unit: OrgUnit | None) -> OrgUnit | None:
    """The province a unit belongs to today (after following merger successors)."""
    if unit is None:
        return None
    current = unit.current()
    if current.kind == UnitKind.PROVINCE:
        return current
    return next((u for u in reversed(current.ancestors()) if u.kind == UnitKind.PROVINCE), None)


def plan_level(document: Document) -> str:
    owner = document.owner
    if owner is None:
        return "other"
    if owner.kind == UnitKind.PROVINCE:
        return "province"
    if owner.kind == UnitKind.COMMUNE or any(u.kind == UnitKind.COMMUNE for u in owner.ancestors()):
        return "commune"
    if owner.kind in (UnitKind.DEPARTMENT, UnitKind.PEOPLES_COMMITTEE, UnitKind.PARTY_COMMITTEE):
        return "department"
    return "other"


def describe(document: Document) -> str:
    owner = document.owner
    if owner is None:
        return str(document)
    where = owner.name
    if owner.successor_id and owner.current() != owner:
        where += f" (nay thuộc {owner.current().name})"
    return f"{document} — {where}"


def levels_of(target: Target) -> list[Level]:
    """The target's milestones; a rank the reader missed ("thuộc nhóm 05 tỉnh dẫn đầu" read as "= 5") is a rank."""
    rank = looks_like_rank(target.name) and unit_kind(target.unit_of_measure) in ("", "thứ hạng")
    out = []
    for m in target.milestones.all():
        if rank and m.comparator in ("=", ">=", "<="):
            out.append(Level(m.year, "rank_top", m.value, m.value_high, "thứ hạng"))
        else:
            out.append(Level(m.year, m.comparator, m.value, m.value_high, target.unit_of_measure))
    return out


def national_levels(targets: Iterable[NationalTarget]) -> list[Level]:
    return [Level(t.year, t.comparator, t.value, t.value_high, t.unit) for t in targets]


def _targets(qs: QuerySet[Target]) -> QuerySet[Target]:
    return qs.select_related("document__owner", "indicator").prefetch_related(
        Prefetch("milestones", queryset=Milestone.objects.order_by("year")))


def reference_documents(document: Document, documents: QuerySet[Document]) -> list[Document]:
    """The plans this plan implements, among `documents`."""
    parents = [p for p in document.parents.all() if p.pk != document.pk]
    if parents:
        return parents
    if plan_level(document) not in ("commune", "department"):
        return []
    province = province_of(document.owner)
    if province is None:
        return []
    return [d for d in documents.filter(owner__kind=UnitKind.PROVINCE).exclude(pk=document.pk).select_related("owner")
            if province_of(d.owner) == province]


def child_documents(document: Document, documents: QuerySet[Document]) -> list[Document]:
    """The plans that implement this one: linked children, or the commune and department plans of its province."""
    children = {d.pk: d for d in document.children.all()}
    if plan_level(document) == "province":
        province = province_of(document.owner)
        for d in documents.exclude(pk=document.pk).exclude(owner__kind=UnitKind.PROVINCE).select_related("owner"):
            if plan_level(d) in ("commune", "department") and province_of(d.owner) == province:
                children.setdefault(d.pk, d)
    return sorted(children.values(), key=lambda d: d.pk)


@dataclass
class Comparison:
    against: str
    findings: list[Finding]

    @property
    def verdict(self) -> Verdict | None:
        return worst(self.findings)


@dataclass
class PlanRow:
    document: Document
    target: Target
    level: str
    levels: list[Level]
    comparisons: list[Comparison] = field(default_factory=list)

    @property
    def label(self) -> str:
        return describe(self.document)

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS.get(self.level, self.level)

    @property
    def by_year(self) -> dict[int | None, Level]:
        return {lv.year: lv for lv in self.levels}

    @property
    def verdict(self) -> Verdict | None:
        return worst([f for c in self.comparisons for f in c.findings])


@dataclass
class IndicatorComparison:
    indicator: StandardIndicator
    national: list[NationalTarget]
    rows: list[PlanRow]

    @property
    def years(self) -> list[int]:
        years = {t.year for t in self.national if t.year} | {lv.year for r in self.rows for lv in r.levels if lv.year}
        return sorted(years)

    @property
    def national_by_year(self) -> dict[int | None, NationalTarget]:
        return {t.year: t for t in self.national}

    def weaker(self) -> list[PlanRow]:
        return [r for r in self.rows if r.verdict == Verdict.WEAKER]


def compare_indicator(indicator: StandardIndicator, documents: QuerySet[Document]) -> IndicatorComparison:
    """Every visible plan's target for one indicator, side by side, each checked against what it implements."""
    national = list(indicator.national_targets.all())
    nat_levels = national_levels(national)
    targets = list(_targets(Target.objects.filter(indicator=indicator, document__in=documents)).order_by("document__owner__path", "document_id", "order"))
    by_document: dict[int, list[Target]] = {}
    for t in targets:
        by_document.setdefault(t.document_id, []).append(t)
    rows: list[PlanRow] = []
    refs: dict[int, list[Document]] = {}
    for t in targets:
        row = PlanRow(t.document, t, plan_level(t.document), levels_of(t))
        if t.document_id not in refs:
            refs[t.document_id] = reference_documents(t.document, documents)
        for ref in refs[t.document_id]:
            ref_levels = [lv for rt in by_document.get(ref.pk, []) for lv in levels_of(rt)]
            if ref_levels:
                row.comparisons.append(Comparison(describe(ref), compare_targets(row.levels, ref_levels, indicator.direction)))
        if nat_levels:
            row.comparisons.append(Comparison(NATION, compare_targets(row.levels, nat_levels, indicator.direction)))
        rows.append(row)
    return IndicatorComparison(indicator, national, rows)


@dataclass
class TargetCoverage:
    target: Target
    carried_by: list[Target]
    tasks: list[Task]
    suggested_tasks: list[tuple[Task, float]]

    @property
    def is_gap(self) -> bool:
        return not self.carried_by and not self.tasks


@dataclass
class PlanCoverage:
    document: Document
    children: list[Document]
    targets: list[TargetCoverage]
    unlinked_tasks: list[Task]
    unresolved_parents: list[str]

    @property
    def gaps(self) -> list[TargetCoverage]:
        return [c for c in self.targets if c.is_gap]


def coverage(document: Document, documents: QuerySet[Document]) -> PlanCoverage:
    """For each target of a plan: which child plans carry it and which tasks serve it; gaps and loose tasks."""
    children = child_documents(document, documents)
    child_ids = [c.pk for c in children]
    targets = list(_targets(document.targets.all()).prefetch_related("tasks"))
    child_targets = list(Target.objects.filter(document_id__in=child_ids).select_related("document"))
    tasks = list(Task.objects.filter(document_id__in=[document.pk, *child_ids]).prefetch_related("serves_targets")
                 .select_related("document").order_by("document_id", "order"))
    task_by_id = {t.pk: t for t in tasks}
    suggestions = suggest_task_links([(t.pk, t.name) for t in tasks if not t.serves_targets.all()],
                                     [(t.pk, t.name) for t in targets])
    suggested: dict[int, list[tuple[Task, float]]] = {}
    for task_id, target_id, score in suggestions:
        suggested.setdefault(target_id, []).append((task_by_id[task_id], score))
    rows = []
    for t in targets:
        carried = [c for c in child_targets if c.serves_id == t.pk or (t.indicator_id and c.indicator_id == t.indicator_id)]
        rows.append(TargetCoverage(t, carried, list(t.tasks.all()), sorted(suggested.get(t.pk, []), key=lambda p: -p[1])))
    unlinked = [t for t in tasks if t.document_id in child_ids and not t.serves_targets.all()]
    known = {str(n).lower() for n in Document.objects.filter(pk__in=document.parents.all()).values_list("number", flat=True)}
    unresolved = [str(r) for r in document.parent_refs if str(r).lower() not in known]
    return PlanCoverage(document, children, rows, unlinked, unresolved)


def find_plan(number_or_id: str, documents: QuerySet[Document]) -> Document | None:
    text = number_or_id.strip()
    if text.isdigit():
        found = documents.filter(pk=int(text)).first()
        if found is not None:
            return found
    return documents.filter(number__iexact=text).first() or documents.filter(number__icontains=text).first()
