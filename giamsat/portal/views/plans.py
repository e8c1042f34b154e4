"""Plans: the list, one plan (objectives, targets, tasks, cascade), one target, and cross-plan task and target lists."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from giamsat.domain.states import TARGET_STATUS_LABELS, TASK_STATUS_LABELS, TaskStatus
from giamsat.org.models import OrgUnit
from giamsat.plans.access import get_document_for_user, visible_documents
from giamsat.plans.models import Milestone, Target, Task
from giamsat.portal import caching, figures
from giamsat.portal.scope import public_documents, tracked_documents, with_counts
from giamsat.portal.status import json_for_script
from giamsat.portal.views.dashboard import parse_filters
from giamsat.reporting.evaluation import plan_results
from giamsat.reporting.models import IndicatorValue

TASK_SORTS = {"deadline": ("due_date", "order"), "name": ("name",), "lead": ("lead__name", "order"), "order": ("order",)}
STATUS_GROUPS = {
    "overdue": {s.value for s in figures.OVERDUE},
    "done": {s.value for s in figures.DONE},
    "overdue_or_risk": {s.value for s in (*figures.OVERDUE, *figures.AT_RISK)},
    "at_risk_or_off": {s.value for s in figures.TARGETS_AT_RISK},
}
GROUP_LABELS = {"overdue": "Quá hạn", "done": "Đã hoàn thành", "overdue_or_risk": "Quá hạn hoặc có nguy cơ chậm",
                "at_risk_or_off": "Có nguy cơ hoặc chệch lộ trình"}


def _status_filter(value: str) -> set[str] | None:
    if not value:
        return None
    return STATUS_GROUPS.get(value, {value})


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = with_counts(visible_documents(request.user).select_related("owner"))
    status = request.GET.get("status", "")
    if status:
        plans = plans.filter(status=status)
    return render(request, "portal/plan_list.html", {"plans": plans, "status": status})


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One plan. A published plan's page is cached per viewer scope (it changes only with a new version);
    a draft under review changes with every edit, so it is always rendered afresh."""
    # A published, non-confidential plan is visible to everyone (plans.access); only others need the scope check.
    plan = public_documents().filter(pk=pk).first() or get_document_for_user(request.user, pk)
    if not plan.is_published:
        return render(request, "portal/plan_detail.html", {**_plan_context(request, plan), **_plan_body(request, plan)})
    args = [pk, *caching.query_args(request)]
    return caching.cached_page(request, "plan", args, "portal/plan_detail.html",
                               lambda: {**_plan_context(request, plan), "plan_body": _shared_body(request, plan, args)})


def _shared_body(request: HttpRequest, plan: Any, args: list[Any]) -> str:
    """A published plan's objectives, targets and tasks, rendered once for every viewer: they show the plan
    itself, never what the viewer may see elsewhere (only the linked plans above and below are per scope).
    Leaders of different scopes opening the same plan then share its one evaluation and render."""
    made = caching.fragment("plan-body", args, "published", lambda: (
        "", render_to_string("portal/_plan_body.html", {**_plan_body(request, plan), "cached_render": True}, request)),
        version=caching.request_version(request))
    return mark_safe("".join(made.parts))  # our own rendered HTML


def _plan_context(request: HttpRequest, plan: Any) -> dict[str, Any]:
    """What depends on the viewer: the linked plans they may see, whether they may review."""
    visible = visible_documents(request.user)
    children = list(plan.children.filter(pk__in=visible.values("pk")).select_related("owner"))
    parents = list(plan.parents.filter(pk__in=visible.values("pk")))
    return {"plan": plan, "children": children, "parents": parents, "can_review": _can_review(request.user, plan)}


def _plan_body(request: HttpRequest, plan: Any) -> dict[str, Any]:
    """The plan's objectives, targets and tasks with the engine's statuses (the same for every viewer)."""
    targets = list(plan.targets.select_related("responsible", "objective")
                   .prefetch_related(Prefetch("milestones", queryset=Milestone.objects.order_by("year")),
                                     Prefetch("served_by", queryset=Target.objects.select_related("document"))))
    evaluation = plan_results(plan.pk)  # this plan alone, once for its targets and its tasks (kept per plan)
    for t in targets:
        t.result = evaluation.targets.get(str(t.pk))
        t.status = str(t.result.status) if t.result else ""
        t.progress = _progress(t.result)
    tasks_qs = plan.tasks.select_related("lead", "group").prefetch_related("coordinators")
    q = request.GET.get("q", "").strip()
    if q:
        from giamsat.portal.search import matching

        tasks_qs = matching(tasks_qs, "name", q)
    lead = request.GET.get("lead", "")
    if lead.isdigit():
        tasks_qs = tasks_qs.filter(lead_id=int(lead))
    sort = request.GET.get("sort", "order")
    tasks_qs = tasks_qs.order_by(*TASK_SORTS.get(sort, TASK_SORTS["order"]))
    tasks = list(tasks_qs)
    wanted = _status_filter(request.GET.get("status", ""))
    for t in tasks:
        found = evaluation.tasks.get(str(t.pk))
        t.status = str(found.status) if found else ""
    if wanted is not None:
        tasks = [t for t in tasks if t.status in wanted]
    groups: dict[Any, list[Task]] = {}
    for t in tasks:
        groups.setdefault(t.group, []).append(t)
    leads = OrgUnit.objects.filter(led_tasks__document=plan).distinct().order_by("name")
    return {
        "plan": plan, "objectives": list(plan.objectives.all()), "targets": targets, "groups": groups,
        "task_count": len(tasks), "leads": leads, "sort": sort,
        "status_choices": [(s.value, TASK_STATUS_LABELS[s]) for s in TaskStatus], "evaluated": plan.is_published,
    }


def _progress(result: Any) -> int | None:
    """Share (0–100) of the way from baseline to the headline milestone, as the engine measured it."""
    if result is None:
        return None
    milestone = next((m for m in result.milestones if m.year == result.milestone_year), None)
    if milestone is None or milestone.progress is None:
        return None
    return max(0, min(100, round(100 * milestone.progress)))


def _can_review(user: Any, plan: Any) -> bool:
    from giamsat.org.access import can_review, is_admin

    return bool(is_admin(user) if plan.owner is None else can_review(user, plan.owner))


@login_required
def target_detail(request: HttpRequest, pk: int) -> HttpResponse:
    target = Target.objects.filter(pk=pk, document__in=visible_documents(request.user).values("pk")).select_related(
        "document", "responsible", "serves__document").first()
    if target is None:
        from django.http import Http404

        raise Http404("Không tìm thấy chỉ tiêu.")
    milestones = list(target.milestones.order_by("year"))
    values = list(IndicatorValue.objects.filter(target=target, value__isnull=False, submission__state="approved")
                  .select_related("submission__period", "submission__unit").order_by("submission__period__end"))
    result = figures.target_result(target)
    chart = _target_chart(values, milestones)
    return render(request, "portal/target_detail.html", {
        "target": target, "milestones": milestones, "values": values, "result": result,
        "served_by": list(target.served_by.filter(document__in=visible_documents(request.user).values("pk")).select_related("document")),
        "chart": json_for_script({"chart-target": chart}),
    })


def scoped(qs: Any, filters: figures.Filters, unit_field: str) -> Any:
    """The items behind a dashboard figure: same plan, unit subtree and theme filters as the dashboard."""
    if filters.document:
        qs = qs.filter(document_id=filters.document)
    if filters.unit:
        unit = OrgUnit.objects.filter(pk=filters.unit).only("path").first()
        qs = qs.filter(**{f"{unit_field}__path__startswith": unit.path}) if unit else qs.none()
    if filters.theme:
        field = "theme" if qs.model is Target else "serves_targets__theme"
        qs = qs.filter(**{field: filters.theme}).distinct()
    return qs


def _target_chart(values: list[Any], milestones: list[Any]) -> dict[str, Any]:
    """Approved values over time with the milestones (31/12 of their year), on one date axis."""
    points = {v.submission.period.end for v in values}
    goals = {m.year: m for m in milestones if m.value is not None}
    days = sorted(points | {dt.date(y, 12, 31) for y in goals})
    label = {d: d.strftime("%d/%m/%Y") for d in days}
    return {
        "type": "line",
        "data": {"labels": [label[d] for d in days], "datasets": [
            {"label": "Giá trị báo cáo (đã phê duyệt)", "borderColor": "#0b5cad", "backgroundColor": "#0b5cad",
             "data": [{"x": label[v.submission.period.end], "y": float(v.value)} for v in values]},
            {"label": "Mốc chỉ tiêu", "borderColor": "#a6192e", "backgroundColor": "#a6192e", "showLine": False,
             "pointStyle": "rectRot", "pointRadius": 7,
             "data": [{"x": label[dt.date(y, 12, 31)], "y": float(m.value)} for y, m in goals.items()]},
        ]},
    }


@login_required
def task_list(request: HttpRequest) -> HttpResponse:
    """Every task behind a dashboard figure: the same filters as the dashboard, plus a status."""
    args = caching.query_args(request)
    return caching.cached_page(request, "tasks", args, "portal/task_list.html", lambda: _task_list_context(request))


def _task_list_context(request: HttpRequest) -> dict[str, Any]:
    documents = tracked_documents(request.user)
    filters = parse_filters(request, documents)
    qs = scoped(Task.objects.filter(document__in=documents), filters, "lead").order_by("due_date", "document", "order")
    rows = list(qs.values_list("pk", flat=True))
    statuses = figures.task_statuses(documents.values_list("pk", flat=True), rows)
    status = request.GET.get("status", "")
    wanted = _status_filter(status)
    ids = [pk for pk in rows if wanted is None or statuses.get(pk) in wanted]
    page = Paginator(ids, 50).get_page(request.GET.get("page"))
    tasks = list(Task.objects.filter(pk__in=list(page.object_list)).select_related("document", "lead")
                 .order_by("due_date", "document", "order"))
    for t in tasks:
        t.status = statuses.get(t.pk, "")
    label = GROUP_LABELS.get(status) or dict((s.value, lbl) for s, lbl in TASK_STATUS_LABELS.items()).get(status, "")
    return {"tasks": tasks, "page": page, "count": len(ids), "status_label": label, "filters": filters}


@login_required
def target_list(request: HttpRequest) -> HttpResponse:
    args = caching.query_args(request)
    return caching.cached_page(request, "targets", args, "portal/target_list.html", lambda: _target_list_context(request))


def _target_list_context(request: HttpRequest) -> dict[str, Any]:
    documents = tracked_documents(request.user)
    filters = parse_filters(request, documents)
    targets = list(scoped(Target.objects.filter(document__in=documents), filters, "responsible")
                   .select_related("document", "responsible").prefetch_related("milestones").order_by("document", "order"))
    statuses = figures.target_statuses(documents.values_list("pk", flat=True), [t.pk for t in targets])
    status = request.GET.get("status", "")
    wanted = _status_filter(status)
    for t in targets:
        t.status = statuses.get(t.pk, "")
    targets = [t for t in targets if wanted is None or t.status in wanted]
    label = GROUP_LABELS.get(status) or dict((s.value, lbl) for s, lbl in TARGET_STATUS_LABELS.items()).get(status, "")
    return {"targets": targets, "status_label": label}


