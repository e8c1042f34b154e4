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


class UnitTree:
    """The unit registry in memory for one page or report: relations cost no further queries."""

    def __init__(self) -> None:
        self.units = {u.pk: u for u in OrgUnit.objects.all()}
        self._province_plans: dict[str, list[Document]] = {}

    def current(self, unit_id: int) -> OrgUnit:
        unit, seen = self.units[unit_id], set()
        while unit.successor_id and unit.pk not in seen and unit.successor_id in self.units:
            seen.add(unit.pk)
            unit = self.units[unit.successor_id]
        return unit

    def ancestors(self, unit: OrgUnit) -> list[OrgUnit]:
        ids = [int(p) for p in unit.path.strip("/").split("/") if p][:-1]
        return [self.units[i] for i in ids if i in self.units]

    def province_of(self, unit_id: int | None) -> OrgUnit | None:
        """The province a unit belongs to today (after following merger successors)."""
        if unit_id is None or unit_id not in self.units:
            return None
        current = self.current(unit_id)
        if current.kind == UnitKind.PROVINCE:
            return current
        return next((u for u in reversed(self.ancestors(current)) if u.kind == UnitKind.PROVINCE), None)

    def plan_level(self, document: Document) -> str:
        owner = self.units.get(document.owner_id) if document.owner_id else None
        if owner is None:
            return "other"
        if owner.kind == UnitKind.PROVINCE:
            return "province"
        if owner.kind == UnitKind.COMMUNE or any(u.kind == UnitKind.COMMUNE for u in self.ancestors(owner)):
            return "commune"
        if owner.kind in (UnitKind.DEPARTMENT, UnitKind.PEOPLES_COMMITTEE, UnitKind.PARTY_COMMITTEE):
            return "department"
        return "other"

    def describe(self, document: Document) -> str:
        owner = self.units.get(document.owner_id) if document.owner_id else None
        if owner is None:
            return str(document)
        now = self.current(owner.pk)
        where = owner.name + (f" (nay thuộc {now.name})" if now.pk != owner.pk else "")
        return f"{document} — {where}"

    def province_plans(self, documents: QuerySet[Document]) -> list[Document]:
        key = str(documents.query)
        if key not in self._province_plans:
            self._province_plans[key] = list(documents.filter(owner__kind=UnitKind.PROVINCE))
        return self._province_plans[key]


def province_of(unit: OrgUnit | None, tree: UnitTree | None = None) -> OrgUnit | None:
    return (tree or UnitTree()).province_of(unit.pk if unit else None)


def plan_level(document: Document, tree: UnitTree | None = None) -> str:
    return (tree or UnitTree()).plan_level(document)


def describe(document: Document, tree: UnitTree | None = None) -> str:
    return (tree or UnitTree()).describe(document)


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


def reference_documents(document: Document, documents: QuerySet[Document], tree: UnitTree | None = None) -> list[Document]:
    """The plans this plan implements, among `documents`."""
    tree = tree or UnitTree()
    parents = [p for p in document.parents.all() if p.pk != document.pk]
    if parents:
        return parents
    if tree.plan_level(document) not in ("commune", "department"):
        return []
    province = tree.province_of(document.owner_id)
    if province is None:
        return []
    return [d for d in tree.province_plans(documents) if d.pk != document.pk and tree.province_of(d.owner_id) == province]


def child_documents(document: Document, documents: QuerySet[Document], tree: UnitTree | None = None) -> list[Document]:
    """The plans that implement this one: linked children, or the commune and department plans of its province."""
    tree = tree or UnitTree()
    children = {d.pk: d for d in document.children.all()}
    if tree.plan_level(document) == "province":
        province = tree.province_of(document.owner_id)
        for d in documents.exclude(pk=document.pk).exclude(owner__kind=UnitKind.PROVINCE):
            if tree.plan_level(d) in ("commune", "department") and tree.province_of(d.owner_id) == province:
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
    label: str
    comparisons: list[Comparison] = field(default_factory=list)

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


def compare_indicators(indicators: list[StandardIndicator], documents: QuerySet[Document],
                       references: QuerySet[Document] | None = None, tree: UnitTree | None = None) -> list[IndicatorComparison]:
    """For each indicator, each plan's target (plans in `documents`) side by side, checked against what
    the plan implements (looked up in `references`, by default the same plans) and against the nation.
    A fixed number of queries, however many indicators and plans."""
    references = documents if references is None else references
    tree = tree or UnitTree()
    ids = [i.pk for i in indicators]
    national: dict[int, list[NationalTarget]] = {}
    for nt in NationalTarget.objects.filter(indicator_id__in=ids).order_by("year"):
        national.setdefault(nt.indicator_id, []).append(nt)
    targets = list(_targets(Target.objects.filter(indicator_id__in=ids, document__in=documents))
                   .prefetch_related("document__parents").order_by("document__owner__path", "document_id", "order"))
    by_document: dict[tuple[int, int], list[Target]] = {}
    for t in _targets(Target.objects.filter(indicator_id__in=ids, document__in=references)):
        by_document.setdefault((t.indicator_id, t.document_id), []).append(t)  # type: ignore[arg-type]
    refs: dict[int, list[Document]] = {}
    out = []
    for indicator in indicators:
        nat_levels = national_levels(national.get(indicator.pk, []))
        rows: list[PlanRow] = []
        for t in (t for t in targets if t.indicator_id == indicator.pk):
            row = PlanRow(t.document, t, tree.plan_level(t.document), levels_of(t), tree.describe(t.document))
            if t.document_id not in refs:
                refs[t.document_id] = reference_documents(t.document, references, tree)
            for ref in refs[t.document_id]:
                ref_levels = [lv for rt in by_document.get((indicator.pk, ref.pk), []) for lv in levels_of(rt)]
                if ref_levels:
                    row.comparisons.append(Comparison(tree.describe(ref), compare_targets(row.levels, ref_levels, indicator.direction)))
            if nat_levels:
                row.comparisons.append(Comparison(NATION, compare_targets(row.levels, nat_levels, indicator.direction)))
            rows.append(row)
        out.append(IndicatorComparison(indicator, national.get(indicator.pk, []), rows))
    return out


def compare_indicator(indicator: StandardIndicator, documents: QuerySet[Document],
                      references: QuerySet[Document] | None = None, tree: UnitTree | None = None) -> IndicatorComparison:
    return compare_indicators([indicator], documents, references, tree)[0]


def weaker_targets(documents: QuerySet[Document], references: QuerySet[Document] | None = None) -> list[PlanRow]:
    """Every target in `documents` set below the level it implements, across all indicators."""
    used = list(StandardIndicator.objects.filter(targets__document__in=documents).distinct().order_by("code"))
    return [row for c in compare_indicators(used, documents, references) for row in c.weaker()]


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
    children = child_documents(document, documents, UnitTree())
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
