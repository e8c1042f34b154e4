"""Import and review: upload → background reading with progress → review beside the source → publish."""

from __future__ import annotations

import unicodedata
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from giamsat.org.access import can_review, is_admin, scope_paths
from giamsat.org.models import OrgUnit, Role
from giamsat.plans.access import get_document_for_review
from giamsat.plans.actions import PlanError, delete_item, publish_plan, update_item
from giamsat.plans.importing import create_run
from giamsat.plans.models import ImportRun, Target, Task
from giamsat.plans.tasks import read_document
from giamsat.portal.forms import AgencyMapForm, SplitForm, TargetEditForm, TaskEditForm, UploadForm
from giamsat.portal.profile import profile_for
from giamsat.portal.review_actions import map_agencies, merge_items, split_item, unmatched_agencies


def reviewable_units(user: Any) -> Any:
    """Units whose plans the user may import and review (subtrees of their standing-agency units)."""
    if is_admin(user):
        return OrgUnit.objects.all()
    from django.db.models import Q

    q = Q(pk__in=[])
    for unit in profile_for(user).units(Role.STANDING_AGENCY):
        for path in scope_paths(unit):
            q |= Q(path__startswith=path)
    return OrgUnit.objects.filter(q)


def _get_run(user: Any, pk: int) -> ImportRun:
    run = ImportRun.objects.select_related("unit", "document").filter(pk=pk).first()
    if run is None:
        raise Http404("Không tìm thấy lượt nhập.")
    allowed = is_admin(user) if run.unit is None else can_review(user, run.unit)
    if not allowed:
        raise Http404("Không tìm thấy lượt nhập.")
    return run


@login_required
def imports(request: HttpRequest) -> HttpResponse:
    units = reviewable_units(request.user)
    if not profile_for(request.user).is_reviewer:
        raise Http404("Không tìm thấy trang.")
    form = UploadForm(request.POST or None, request.FILES or None, units=units.order_by("path"))
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        run = create_run(request.user, upload.read(), upload.name, form.cleaned_data["unit"])
        read_document(run.pk, request.user.pk)
        messages.info(request, f"Đã nhận tệp “{run.filename}”. Hệ thống đang đọc văn bản.")
        return redirect("portal:import", pk=run.pk)
    runs = ImportRun.objects.filter(unit__in=units.values("pk")).select_related("unit", "document")[:30]
    return render(request, "portal/imports.html", {"form": form, "runs": runs})


@login_required
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = _get_run(request.user, pk)
    template = "portal/_import_progress.html" if request.headers.get("HX-Request") else "portal/import_detail.html"
    return render(request, template, {"run": run})


def _lines(text: str) -> list[str]:
    """Source lines as written, composed (NFC) so combining marks render on every font."""
    return unicodedata.normalize("NFC", text).splitlines()


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_document_for_review(request.user, pk)
    units = reviewable_units(request.user).order_by("path")
    tasks = list(plan.tasks.select_related("lead").order_by("order"))
    targets = list(plan.targets.select_related("responsible").order_by("order"))
    focus = request.GET.get("item", "")
    raw, restored = _lines(plan.source_text), _lines(plan.restored_text)
    highlight: set[int] = set()
    for item in [*tasks, *targets]:
        if f"{item._meta.model_name}-{item.pk}" == focus and item.source_start_line:
            highlight = set(range(item.source_start_line, (item.source_end_line or item.source_start_line) + 1))
    names = unmatched_agencies(plan)
    return render(request, "portal/review.html", {
        "plan": plan, "tasks": tasks, "targets": targets, "focus": focus, "highlight": highlight,
        "raw": raw, "restored": restored or raw, "has_restored": bool(restored),
        "agency_form": AgencyMapForm(names=names, units=units) if names else None,
        "task_forms": {t.pk: TaskEditForm(instance=t, units=units, prefix=f"task-{t.pk}") for t in tasks if f"task-{t.pk}" == focus},
        "target_forms": {t.pk: TargetEditForm(instance=t, units=units, prefix=f"target-{t.pk}") for t in targets if f"target-{t.pk}" == focus},
        "run": plan.import_runs.order_by("-created_at").first(),
    })


def _item(plan: Any, kind: str, item_pk: int) -> Task | Target:
    model = {"task": Task, "target": Target}.get(kind)
    if model is None:
        raise Http404("Không tìm thấy mục.")
    return get_object_or_404(model.objects.select_related("document"), pk=item_pk, document=plan)


def _back(plan: Any, anchor: str = "") -> HttpResponse:
    from django.urls import reverse

    url = reverse("portal:review", args=[plan.pk])
    return redirect(f"{url}?item={anchor}#{anchor}" if anchor else url)


@login_required
@require_POST
def item_edit(request: HttpRequest, pk: int, kind: str, item_pk: int) -> HttpResponse:
    plan = get_document_for_review(request.user, pk)
    item = _item(plan, kind, item_pk)
    units = reviewable_units(request.user)
    form_class = TaskEditForm if kind == "task" else TargetEditForm
    form = form_class(request.POST, instance=_item(plan, kind, item_pk), units=units, prefix=f"{kind}-{item_pk}")
    if not form.is_valid():
        messages.error(request, "Chưa lưu được: " + "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items()))
        return _back(plan, f"{kind}-{item_pk}")
    changes = {name: form.cleaned_data[name] for name in form.changed_data}
    try:
        update_item(request.user, item, **changes)
    except PlanError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Đã lưu chỉnh sửa."))
    return _back(plan, f"{kind}-{item_pk}")


@login_required
@require_POST
def item_delete(request: HttpRequest, pk: int, kind: str, item_pk: int) -> HttpResponse:
    plan = get_document_for_review(request.user, pk)
    try:
        delete_item(request.user, _item(plan, kind, item_pk))
    except PlanError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Đã xoá mục."))
    return _back(plan)


@login_required
@require_POST
def item_merge(request: HttpRequest, pk: int, kind: str, item_pk: int) -> HttpResponse:
    """Merge the item with the next one of the same kind (the reader cut one item in two)."""
    plan = get_document_for_review(request.user, pk)
    item = _item(plan, kind, item_pk)
    following = type(item).objects.filter(document=plan, order__gt=item.order).order_by("order").first()
    if following is None:
        messages.error(request, _("Không có mục tiếp theo để gộp."))
        return _back(plan, f"{kind}-{item_pk}")
    try:
        merge_items(request.user, item, following)
    except PlanError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Đã gộp với mục tiếp theo."))
    return _back(plan, f"{kind}-{item_pk}")


@login_required
@require_POST
def item_split(request: HttpRequest, pk: int, kind: str, item_pk: int) -> HttpResponse:
    plan = get_document_for_review(request.user, pk)
    item = _item(plan, kind, item_pk)
    form = SplitForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy nhập nội dung cho cả hai phần."))
        return _back(plan, f"{kind}-{item_pk}")
    try:
        split_item(request.user, item, form.cleaned_data["first"], form.cleaned_data["second"])
    except PlanError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Đã tách thành hai mục."))
    return _back(plan, f"{kind}-{item_pk}")


@login_required
@require_POST
def agencies(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_document_for_review(request.user, pk)
    form = AgencyMapForm(request.POST, names=unmatched_agencies(plan), units=reviewable_units(request.user))
    if form.is_valid():
        try:
            changed = map_agencies(request.user, plan, form.mapping())
        except PlanError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Đã gán đơn vị cho {changed} mục.")
    return _back(plan)


@login_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_document_for_review(request.user, pk)
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Hãy xác nhận đã rà soát toàn bộ kế hoạch trước khi công bố."))
        return _back(plan)
    try:
        publish_plan(request.user, plan)
    except PlanError as exc:
        messages.error(request, str(exc))
        return _back(plan)
    messages.success(request, f"Đã công bố {plan}.")
    return redirect("portal:plan", pk=plan.pk)
