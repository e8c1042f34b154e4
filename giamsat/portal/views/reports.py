"""Periodic reports: the list and queue, entry of a unit's report (drafts with version), attachments,
submit, and the standing agency's approve / return-with-comment / reopen. Every change is a
`giamsat.reporting.actions` call; fetches go through `giamsat.reporting.access`."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from giamsat.domain.states import REPORTED_TASK_STATE_LABELS, SUBMISSION_STATE_LABELS
from giamsat.org.access import can_enter_report, can_review, can_submit_report, get_unit_for_user
from giamsat.plans.models import DocumentStatus
from giamsat.portal import caching
from giamsat.portal.profile import profile_for
from giamsat.reporting import access, actions
from giamsat.reporting.errors import ReportingError
from giamsat.reporting.models import ReportingPeriod


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    """The reports of the units the viewer may read (cached per scope: saving a draft changes nothing listed)."""
    return caching.cached_page(request, "reports", caching.query_args(request), "portal/report_list.html",
                               lambda: _report_list_context(request))


def _report_list_context(request: HttpRequest) -> dict[str, Any]:
    subs = access.submissions_for_user(request.user).order_by("-period__end", "unit__name")
    period = request.GET.get("period", "")
    if period:
        subs = subs.filter(period__key=period)
    state = request.GET.get("state", "")
    if state:
        subs = subs.filter(state=state)
    return {
        "submissions": list(subs[:200]), "queue": list(access.review_queue(request.user)[:50]),
        "openable": _openable(request.user), "period": period, "state": state,
        "states": [(s.value, label) for s, label in SUBMISSION_STATE_LABELS.items()],
    }


def _openable(user: Any) -> list[dict[str, Any]]:
    """Periods due for the user's own units (entry roles) that have no report yet."""
    out: list[dict[str, Any]] = []
    this_year = timezone.localdate().year
    for membership in profile_for(user).memberships:
        unit = membership.unit
        if not can_enter_report(user, unit):
            continue
        existing = set(access.submissions_for_user(user).filter(unit=unit).values_list("period_id", flat=True))
        for document in _documents_of(unit):
            for period in actions.open_periods(document):
                if period.pk not in existing and period.year >= this_year - 1:
                    out.append({"unit": unit, "period": period})
    return out


def _documents_of(unit: Any) -> list[Any]:
    """Published plans where `unit` leads or coordinates a task or answers for a target: three lookups by
    unit in their indexes (joining the plans to every task, coordinator and target read 24 million rows)."""
    from giamsat.plans.models import Document, Target, Task

    return list(Document.objects.filter(status=DocumentStatus.PUBLISHED).filter(
        Q(pk__in=Task.objects.filter(lead=unit).values("document_id"))
        | Q(pk__in=Task.coordinators.through.objects.filter(orgunit=unit).values("task__document_id"))
        | Q(pk__in=Target.objects.filter(responsible=unit).values("document_id"))).defer("source_text", "restored_text"))


@login_required
@require_POST
def report_open(request: HttpRequest) -> HttpResponse:
    unit = get_unit_for_user(request.user, request.POST.get("unit", ""))
    period = ReportingPeriod.objects.filter(pk=request.POST.get("period") or 0).first()
    if period is None:
        raise Http404("Không tìm thấy kỳ báo cáo.")
    try:
        submission = actions.get_or_create_draft(request.user, unit, period)
    except ReportingError as exc:
        messages.error(request, str(exc))
        return redirect("portal:reports")
    return redirect("portal:report", pk=submission.pk)


def _rows(submission: Any) -> tuple[list[Any], list[Any]]:
    tasks = list(submission.task_reports.select_related("task").order_by("task__order"))
    values = list(submission.values.select_related("target").order_by("target__order"))
    return tasks, values


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    submission = access.get_submission_for_user(request.user, pk)
    tasks, values = _rows(submission)
    user = request.user
    return render(request, "portal/report_detail.html", {
        "s": submission, "tasks": tasks, "values": values,
        "events": list(submission.events.select_related("actor")),
        "attachments": list(submission.attachments.all()),
        "task_states": [(s.value, label) for s, label in REPORTED_TASK_STATE_LABELS.items()],
        "can_edit": can_enter_report(user, submission.unit) and submission.state in ("draft", "returned"),
        "can_submit": can_submit_report(user, submission.unit) and submission.state in ("draft", "returned"),
        "can_review": can_review(user, submission.unit),
    })


def _task_rows(request: HttpRequest, tasks: list[Any]) -> list[dict[str, Any]]:
    rows = []
    for i, row in enumerate(tasks, start=1):
        p = f"task-{row.task_id}-"
        data = {"task_id": row.task_id, "_row": i}
        for key in ("state", "percent", "completed_on", "progress", "output", "difficulties", "suspended_reason"):
            if p + key in request.POST:
                data[key] = request.POST[p + key]
        rows.append(data)
    return rows


def _value_rows(request: HttpRequest, values: list[Any]) -> list[dict[str, Any]]:
    rows = []
    for i, row in enumerate(values, start=1):
        p = f"value-{row.target_id}-"
        data = {"target_id": row.target_id, "_row": i}
        for key in ("value", "measured_on", "source", "note"):
            if p + key in request.POST:
                data[key] = request.POST[p + key]
        rows.append(data)
    return rows


@login_required
@require_POST
def report_save(request: HttpRequest, pk: int) -> HttpResponse:
    submission = access.get_submission_for_user(request.user, pk)
    tasks, values = _rows(submission)
    try:
        actions.save_draft(request.user, submission, expected_version=request.POST.get("version"),
                           summary=request.POST.get("summary"), difficulties=request.POST.get("difficulties"),
                           proposals=request.POST.get("proposals"),
                           task_reports=_task_rows(request, tasks), values=_value_rows(request, values))
        for upload in request.FILES.getlist("attachments"):
            actions.add_attachment(request.user, submission, upload)
    except ReportingError as exc:
        messages.error(request, str(exc))
        return redirect("portal:report", pk=pk)
    if request.POST.get("then") == "submit":
        return _submit(request, submission)
    messages.success(request, _("Đã lưu bản nháp."))
    return redirect("portal:report", pk=pk)


def _submit(request: HttpRequest, submission: Any) -> HttpResponse:
    try:
        actions.submit_report(request.user, submission)
    except ReportingError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Đã gửi báo cáo tới cơ quan thường trực."))
    return redirect("portal:report", pk=submission.pk)


@login_required
@require_POST
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _submit(request, access.get_submission_for_user(request.user, pk))


@login_required
@require_POST
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    submission = access.get_submission_for_review(request.user, pk)
    decision, reason = request.POST.get("decision", ""), request.POST.get("reason", "")
    try:
        if decision == "approve":
            actions.approve_report(request.user, submission)
            messages.success(request, _("Đã phê duyệt báo cáo."))
        elif decision == "return":
            actions.return_report(request.user, submission, reason)
            messages.success(request, _("Đã trả lại báo cáo kèm ý kiến."))
        elif decision == "reopen":
            actions.reopen_report(request.user, submission, reason)
            messages.success(request, _("Đã mở lại báo cáo để điều chỉnh."))
        else:
            messages.error(request, _("Thao tác không hợp lệ."))
    except ReportingError as exc:
        messages.error(request, str(exc))
    return redirect("portal:report", pk=pk)


@login_required
def attachment(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    """Evidence of a report, for those who may read the report (never public)."""
    submission = access.get_submission_for_user(request.user, pk)
    item = submission.attachments.filter(pk=attachment_pk).first()
    if item is None:
        raise Http404("Không tìm thấy tài liệu.")
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.name, content_type=item.content_type)
