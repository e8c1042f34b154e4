"""Alignment pages: the catalogue, one indicator across plans, one plan's coverage; two POST actions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from giamsat.alignment import access, actions, analysis
from giamsat.alignment.forms import ConfirmMappingForm, LinkTaskForm
from giamsat.plans.models import StandardIndicator, Target


@login_required
def index(request: HttpRequest) -> HttpResponse:
    documents = access.alignment_documents(request.user)
    indicators = StandardIndicator.objects.annotate(
        mapped=Count("targets", filter=Q(targets__document__in=documents), distinct=True),
        confirmed=Count("targets", filter=Q(targets__document__in=documents, targets__indicator_confirmed=True), distinct=True),
    ).prefetch_related("national_targets")
    plans = documents.select_related("owner").annotate(n_targets=Count("targets", distinct=True)).order_by("owner__path", "number")
    weaker = analysis.weaker_targets(documents, access.comparison_documents(request.user))
    return render(request, "alignment/index.html", {"indicators": indicators, "plans": plans, "weaker": weaker})


@login_required
def indicator_detail(request: HttpRequest, code: str) -> HttpResponse:
    indicator = access.get_indicator(code)
    comparison = analysis.compare_indicator(indicator, access.alignment_documents(request.user),
                                            references=access.comparison_documents(request.user))
    return render(request, "alignment/indicator.html", {"c": comparison, "indicator": indicator})


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = access.get_plan_for_user(request.user, pk)
    cov = analysis.coverage(document, access.comparison_documents(request.user))
    targets = document.targets.select_related("indicator").prefetch_related("indicator_suggestions__indicator", "milestones")
    return render(request, "alignment/plan.html", {
        "document": document, "cov": cov, "targets": [(t, analysis.levels_of(t)) for t in targets],
        "can_confirm": access.can_confirm(request.user, document), "form": ConfirmMappingForm(),
    })


@login_required
@require_POST
def confirm_mapping(request: HttpRequest, pk: int) -> HttpResponse:
    target = access.get_target_for_mapping(request.user, pk)
    form = ConfirmMappingForm(request.POST)
    if form.is_valid():
        actions.confirm_mapping(request.user, target, form.cleaned_data["indicator"], reason=form.cleaned_data["reason"])
        messages.success(request, "Đã xác nhận ánh xạ chỉ tiêu.")
    else:
        messages.error(request, "Chỉ tiêu chuẩn đã chọn không hợp lệ.")
    return redirect("alignment:plan", pk=target.document_id)


@login_required
@require_POST
def link_task(request: HttpRequest, pk: int) -> HttpResponse:
    task = access.get_task_for_linking(request.user, pk)
    form = LinkTaskForm(request.POST, targets=Target.objects.filter(document__in=access.comparison_documents(request.user)))
    if not form.is_valid():
        messages.error(request, "Chỉ tiêu đã chọn không hợp lệ.")
        return redirect("alignment:index")
    target = form.cleaned_data["target"]
    try:
        actions.link_task_to_target(request.user, task, target)
        messages.success(request, "Đã gắn nhiệm vụ với chỉ tiêu.")
    except actions.AlignmentError as exc:
        messages.error(request, str(exc))
    return redirect("alignment:plan", pk=target.document_id)

