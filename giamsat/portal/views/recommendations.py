"""The recommendations board: raise, route, answer, close — with state and lateness visible."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from giamsat.org.access import can_enter_report
from giamsat.org.models import OrgUnit
from giamsat.portal.profile import profile_for
from giamsat.reporting import access, actions
from giamsat.reporting.errors import ReportingError
from giamsat.reporting.models import Recommendation


@login_required
def board(request: HttpRequest) -> HttpResponse:
    visible = access.recommendations_for_user(request.user)
    qs = visible.select_related("task", "duplicate_of")
    state = request.GET.get("state", "")
    if state in Recommendation.State.values:
        qs = qs.filter(state=state)
    today = timezone.localdate()
    items: list[Any] = list(qs.order_by("-created_at")[:200])
    for r in items:
        open_ = r.state in ("new", "in_progress")
        r.late_days = (today - r.due_date).days if open_ and r.due_date and r.due_date < today else 0
    counts = {s: 0 for s in Recommendation.State.values}
    for s in visible.values_list("state", flat=True):
        counts[s] += 1
    units = [u for u in profile_for(request.user).units() if can_enter_report(request.user, u)]
    return render(request, "portal/recommendations.html", {
        "items": items, "state": state, "states": Recommendation.State.choices, "counts": counts,
        "raise_units": units, "categories": Recommendation.Category.choices,
    })


@login_required
@require_POST
def raise_(request: HttpRequest) -> HttpResponse:
    unit = OrgUnit.objects.filter(pk=request.POST.get("unit") or 0).first()
    try:
        actions.raise_recommendation(request.user, title=request.POST.get("title", ""), body=request.POST.get("body", ""),
                                     category=request.POST.get("category", "other"), unit=unit)
    except ReportingError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Đã gửi kiến nghị."))
    return redirect("portal:recommendations")


@login_required
@require_POST
def act(request: HttpRequest, pk: int) -> HttpResponse:
    rec = access.get_recommendation_for_user(request.user, pk)
    step = request.POST.get("step", "")
    try:
        if step == "handle":
            actions.start_handling(request.user, rec)
        elif step == "answer":
            actions.answer_recommendation(request.user, rec, request.POST.get("answer", ""))
        elif step == "close":
            actions.close_recommendation(request.user, rec, request.POST.get("answer", ""))
        else:
            messages.error(request, _("Thao tác không hợp lệ."))
            return redirect("portal:recommendations")
    except ReportingError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Đã cập nhật kiến nghị."))
    return redirect("portal:recommendations")
