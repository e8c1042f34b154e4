"""Permission-checked querysets for the API, built only from the access modules' helpers.

Each function starts from what the caller may see (`visible_units_q`, `visible_documents`,
the reporting access helpers) and then narrows by the filters of the request.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from giamsat.org.access import visible_units_q
from giamsat.org.models import OrgUnit
from giamsat.plans.access import get_document_for_user, visible_documents
from giamsat.plans.models import Document, Target, Task
from giamsat.reporting import access as reporting_access
from giamsat.reporting.models import IndicatorValue, Recommendation, ReportingPeriod, Submission


def units(user: Any, kind: str | None = None, parent: str | None = None, q: str | None = None) -> QuerySet[OrgUnit]:
    """Units the caller may see, plus the units that issue or own the plans the caller may see."""
    docs = visible_documents(user)
    qs = OrgUnit.objects.filter(
        visible_units_q(user) | Q(pk__in=docs.values("owner")) | Q(pk__in=docs.values("issuer"))
    ).select_related("parent", "successor")
    if kind:
        qs = qs.filter(kind=kind)
    if parent:
        qs = qs.filter(parent__code=parent)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(code__icontains=q) | Q(short_name__icontains=q))
    return qs.order_by("path", "code")


def unit(user: Any, code: str) -> OrgUnit:
    found = units(user).filter(code=code).first()
    if found is None:
        raise Http404("Không tìm thấy đơn vị.")
    return found


def _count(model: Any) -> Any:
    """A correlated count: grouping documents by every column (their full source text) is slow."""
    rows = model.objects.filter(document=OuterRef("pk")).order_by().values("document").annotate(n=Count("pk"))
    return Coalesce(Subquery(rows.values("n")), 0)


def plans(user: Any, unit: str | None = None, status: str | None = None, kind: str | None = None,
          year: int | None = None, q: str | None = None) -> QuerySet[Document]:
    qs = visible_documents(user).select_related("issuer", "owner").defer("source_text", "restored_text").annotate(
        n_targets=_count(Target), n_tasks=_count(Task)
    )
    if unit:
        qs = qs.filter(owner__code=unit)
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(kind=kind)
    if year:
        qs = qs.filter(issued_on__year=year)
    if q:
        qs = qs.filter(Q(number__icontains=q) | Q(title__icontains=q))
    return qs.order_by("-issued_on", "number", "pk")


def plan(user: Any, pk: int) -> Document:
    get_document_for_user(user, pk)
    return plans(user).get(pk=pk)


def _doc_ids(user: Any) -> QuerySet[Document]:
    return visible_documents(user).values("pk")


def targets(user: Any, plan: int | None = None, theme: str | None = None, responsible: str | None = None,
            national_code: str | None = None, has_national_code: bool | None = None) -> QuerySet[Target]:
    qs = Target.objects.filter(document__in=_doc_ids(user)).select_related("responsible", "indicator")
    qs = qs.prefetch_related("milestones")
    if plan:
        qs = qs.filter(document_id=plan)
    if theme:
        qs = qs.filter(theme=theme)
    if responsible:
        qs = qs.filter(responsible__code=responsible)
    if national_code:
        qs = qs.filter(indicator__national_code=national_code)
    if has_national_code is not None:
        with_code = Q(indicator__isnull=False) & ~Q(indicator__national_code="")
        qs = qs.filter(with_code) if has_national_code else qs.exclude(with_code)
    return qs.order_by("document_id", "order", "pk")


def tasks(user: Any, plan: int | None = None, lead: str | None = None, deadline_kind: str | None = None,
          due_before: str | None = None) -> QuerySet[Task]:
    qs = Task.objects.filter(document__in=_doc_ids(user)).select_related("lead", "group")
    qs = qs.prefetch_related("coordinators")
    if plan:
        qs = qs.filter(document_id=plan)
    if lead:
        qs = qs.filter(lead__code=lead)
    if deadline_kind:
        qs = qs.filter(deadline_kind=deadline_kind)
    if due_before:
        try:
            qs = qs.filter(due_date__lt=dt.date.fromisoformat(due_before))
        except ValueError:
            qs = qs.none()
    return qs.order_by("document_id", "order", "pk")


def periods(user: Any, plan: int | None = None, frequency: str | None = None,
            year: int | None = None) -> QuerySet[ReportingPeriod]:
    qs = ReportingPeriod.objects.filter(document__in=_doc_ids(user))
    if plan:
        qs = qs.filter(document_id=plan)
    if frequency:
        qs = qs.filter(frequency=frequency)
    if year:
        qs = qs.filter(year=year)
    return qs.order_by("document_id", "end", "frequency", "pk")


def submissions(user: Any, unit: str | None = None, period: int | None = None, plan: int | None = None,
                state: str | None = None) -> QuerySet[Submission]:
    qs = visible_submissions(user).select_related("unit", "period")
    if unit:
        qs = qs.filter(unit__code=unit)
    if period:
        qs = qs.filter(period_id=period)
    if plan:
        qs = qs.filter(period__document_id=plan)
    if state:
        qs = qs.filter(state=state)
    return qs.order_by("-period__end", "unit__code", "pk")


def submission(user: Any, pk: int) -> Submission:
    """A submission the caller may read, for the API's detail and actions (which show the plan's id only)."""
    return reporting_access.get_submission_for_user(user, pk, with_plan=False)


def values(user: Any, unit: str | None = None, period: int | None = None, target: int | None = None,
           national_code: str | None = None) -> QuerySet[IndicatorValue]:
    qs = IndicatorValue.objects.filter(submission__in=published_submissions(user).values("pk"))
    qs = qs.select_related("submission__unit", "target__indicator")
    if unit:
        qs = qs.filter(submission__unit__code=unit)
    if period:
        qs = qs.filter(submission__period_id=period)
    if target:
        qs = qs.filter(target_id=target)
    if national_code:
        qs = qs.filter(target__indicator__national_code=national_code)
    return qs.order_by("submission_id", "target__order", "pk")


def recommendations(user: Any, state: str | None = None, category: str | None = None,
                    unit: str | None = None) -> QuerySet[Recommendation]:
    qs = visible_recommendations(user).select_related("raised_by_unit", "routed_to")
    if state:
        qs = qs.filter(state=state)
    if category:
        qs = qs.filter(category=category)
    if unit:
        qs = qs.filter(Q(raised_by_unit__code=unit) | Q(routed_to__code=unit))
    return qs.order_by("-created_at", "pk")


# Reporting scope: the reporting access helpers decide --------------------------------------------


def visible_submissions(user: Any) -> QuerySet[Submission]:
    return reporting_access.submissions_for_user(user)


def published_submissions(user: Any) -> QuerySet[Submission]:
    """Submissions whose figures the caller may read: anonymous callers get approved reports on public plans."""
    if getattr(user, "is_authenticated", False):
        return visible_submissions(user)
    return Submission.objects.filter(state="approved", period__document__in=_doc_ids(user))


def visible_recommendations(user: Any) -> QuerySet[Recommendation]:
    if not getattr(user, "is_authenticated", False):
        return reporting_access.public_recommendations()
    return reporting_access.recommendations_for_user(user).order_by()
