"""The leader dashboard (steering committee, standing agency) and saved dashboards."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from giamsat.ops.prepared import PreparedValues
from giamsat.org.access import visible_units_q
from giamsat.org.models import OrgUnit
from giamsat.portal import caching, figures
from giamsat.portal.forms import SavedDashboardForm
from giamsat.portal.models import Chart, SavedDashboard
from giamsat.portal.profile import profile_for
from giamsat.portal.scope import tracked_documents
from giamsat.portal.status import json_for_script
from giamsat.reporting.access import recommendations_for_user
from giamsat.reporting.models import ReportingPeriod


def _require_oversight(request: HttpRequest) -> None:
    if not profile_for(request.user).is_oversight:
        raise Http404("Không tìm thấy trang.")


def parse_filters(request: HttpRequest, documents: Any) -> figures.Filters:
    plan, unit, period = (request.GET.get(k, "") for k in ("plan", "unit", "period"))
    doc = int(plan) if plan.isdigit() and documents.filter(pk=int(plan)).exists() else None
    return figures.Filters(doc, int(unit) if unit.isdigit() else None, request.GET.get("theme", "")[:60],
                           int(period) if period.isdigit() else None)


def _choices(user: Any, documents: Any) -> dict[str, Any]:
    from giamsat.plans.models import Target

    return {
        "plan_choices": list(documents.only("pk", "number", "kind", "title")),
        "unit_choices": list(OrgUnit.objects.filter(visible_units_q(user)).filter(
            led_tasks__document__in=documents).distinct().only("pk", "name").order_by("name")),
        "theme_choices": sorted({t for t in Target.objects.filter(document__in=documents).values_list("theme", flat=True) if t}),
        "period_choices": list(ReportingPeriod.objects.filter(document__in=documents, due_date__lte=timezone.localdate())
                               .order_by("-end").only("pk", "label")[:12]),
    }


def chart_specs(board: figures.Dashboard) -> dict[str, Any]:
    """Chart.js configurations; each bar or slice links to the items behind it."""
    specs: dict[str, Any] = {}
    if board.task_slices:
        specs["chart-tasks"] = {"type": "doughnut", "data": {"labels": [s.label for s in board.task_slices], "datasets": [
            {"data": [s.count for s in board.task_slices], "backgroundColor": [s.colour for s in board.task_slices]}]},
            "options": {"plugins": {"legend": {"position": "right"}}}, "links": [s.url for s in board.task_slices]}
    if board.target_slices:
        specs["chart-targets"] = {"type": "bar", "data": {"labels": [s.label for s in board.target_slices], "datasets": [
            {"label": "Số chỉ tiêu", "data": [s.count for s in board.target_slices], "maxBarThickness": 56,
             "backgroundColor": [s.colour for s in board.target_slices]}]},
            "options": {"plugins": {"legend": {"display": False}}, "scales": {"y": {"beginAtZero": True, "ticks": {"precision": 0}}}},
            "links": [s.url for s in board.target_slices]}
    if board.by_unit:
        rows = board.by_unit[:10]
        specs["chart-units"] = {"type": "bar", "data": {"labels": [r.name for r in rows], "datasets": [
            {"label": "Quá hạn", "data": [r.overdue for r in rows], "backgroundColor": "#b3261e", "maxBarThickness": 26},
            {"label": "Có nguy cơ chậm", "data": [r.at_risk for r in rows], "backgroundColor": "#d08c00", "maxBarThickness": 26}]},
            "options": {"indexAxis": "y", "scales": {"x": {"stacked": True, "beginAtZero": True, "ticks": {"precision": 0}},
                                                      "y": {"stacked": True}}},
            "links": [r.url for r in rows]}
    return specs


def trend_specs(trends: dict[str, list[tuple[str, float]]]) -> dict[str, Any]:
    """Sparklines for the KPI cards (canvas ids trend-<key>)."""
    return {f"trend-{key}": {"type": "line", "data": {"labels": [d for d, _ in points], "datasets": [
        {"data": [v for _, v in points], "borderColor": "#0b5cad", "borderWidth": 2, "pointRadius": 0, "tension": .3}]},
        "options": {"plugins": {"legend": {"display": False}},
                    "scales": {"x": {"display": False}, "y": {"display": False}}}}
        for key, points in trends.items() if len(points) > 1}


@login_required
def dashboard_trends(request: HttpRequest) -> HttpResponse:
    """The KPI trend lines, fetched by htmx once the dashboard is on screen (they need earlier evaluations)."""
    _require_oversight(request)

    def build() -> tuple[str, str]:
        filters = parse_filters(request, tracked_documents(request.user))
        trends = figures.kpi_trends(request.user, filters, timezone.localdate())
        return "", render_to_string("portal/_trends.html", {"charts": json_for_script(trend_specs(trends))}, request)

    args = caching.query_args(request)
    made = caching.fragment("dashboard-trends", args, caching.viewer_scope(request.user), build)
    return HttpResponse("".join(made.parts))


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The leader dashboard. Its figures come from the fragment cache (keyed by the viewer's scope and the
    filters); the viewer's saved dashboards and recommendations are added around them on every request."""
    _require_oversight(request)
    if request.GET.get("saved", "").isdigit():
        return _saved_dashboard(request)
    personal = {"saved_list": SAVED_LIST.rows(request.user.pk), "recommendations_html": _recommendations(request)}
    args = caching.query_args(request)
    return caching.cached_page(request, "dashboard", args, "portal/dashboard.html",
                               lambda: _dashboard_context(request, None), shell="portal/dashboard_page.html",
                               extra=personal, content="portal/_dashboard_content.html")


# The viewer's saved dashboards above the dashboard (`_dashboard_saved.html`: id and name), in their order (by name).
SAVED_LIST = PreparedValues(SavedDashboard, lambda user: SavedDashboard.objects.filter(user_id=user).order_by(
    "name", "pk").values("pk", "name"))


def _recommendations(request: HttpRequest) -> str:
    """The viewer's latest recommendations (their own included, so cached per user)."""
    def build() -> tuple[str, str]:
        items = list(recommendations_for_user(request.user).order_by("-created_at")[:5])
        return "", render_to_string("portal/_dashboard_recommendations.html", {"recommendations": items}, request)

    return caching.fragment("dashboard-recommendations", [request.user.pk], caching.viewer_scope(request.user),
                            build, version=caching.request_version(request)).parts[0]


def _saved_dashboard(request: HttpRequest) -> HttpResponse:
    saved = get_object_or_404(SavedDashboard, pk=int(request.GET["saved"]), user=request.user)
    context = _dashboard_context(request, saved)
    context["saved_list"] = list(request.user.saved_dashboards.all())
    context["recommendations"] = context["board"].recommendations
    context["followed_targets"], context["followed_tasks"] = _followed(saved)
    return render(request, "portal/dashboard.html", context)


def _dashboard_context(request: HttpRequest, saved: SavedDashboard | None) -> dict[str, Any]:
    documents = tracked_documents(request.user)
    filters = parse_filters(request, documents)
    if saved is not None:
        saved_docs = list(saved.documents.values_list("pk", flat=True))
        saved_units = list(saved.units.values_list("pk", flat=True))
        filters = figures.Filters(filters.document or (saved_docs[0] if len(saved_docs) == 1 else None),
                                  filters.unit or (saved_units[0] if len(saved_units) == 1 else None),
                                  filters.theme or saved.theme, filters.period)
    board = figures.build_dashboard(request.user, filters, timezone.localdate())
    return {"board": board, "filters": filters, "charts": json_for_script(chart_specs(board)),
            "units_chart_height": 90 + 34 * min(len(board.by_unit), 10),
            "show": {chart: saved is None or saved.shows(chart) for chart in Chart.values},
            "saved": saved, **_choices(request.user, documents)}


def _followed(saved: SavedDashboard) -> tuple[list[Any], list[Any]]:
    """The targets and tasks a saved dashboard follows, with the engine's statuses."""
    targets = list(saved.targets.select_related("document"))
    tasks = list(saved.tasks.select_related("document", "lead"))
    docs = {t.document_id for t in targets} | {t.document_id for t in tasks}
    g_status = figures.target_statuses(docs, [t.pk for t in targets]) if targets else {}
    k_status = figures.task_statuses(docs, [t.pk for t in tasks]) if tasks else {}
    for t in targets:
        t.status = g_status.get(t.pk, "")
    for k in tasks:
        k.status = k_status.get(k.pk, "")
    return targets, tasks


@login_required
def saved_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    _require_oversight(request)
    instance = get_object_or_404(SavedDashboard, pk=pk, user=request.user) if pk else SavedDashboard(user=request.user)
    documents = tracked_documents(request.user)
    units = OrgUnit.objects.filter(visible_units_q(request.user))
    form = SavedDashboardForm(request.POST or None, instance=instance, documents=documents, units=units)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, f"Đã lưu bảng theo dõi “{saved.name}”.")
        return redirect(_dashboard_url(saved))
    return render(request, "portal/saved_form.html", {"form": form, "instance": instance})


def _dashboard_url(saved: SavedDashboard) -> str:
    from django.urls import reverse

    return reverse("portal:dashboard") + f"?saved={saved.pk}"


@login_required
def saved_delete(request: HttpRequest, pk: int) -> HttpResponse:
    saved = get_object_or_404(SavedDashboard, pk=pk, user=request.user)
    if request.method == "POST":
        saved.delete()
        messages.success(request, _("Đã xoá bảng theo dõi."))
    return redirect("portal:dashboard")
