"""Downloads (report DOCX/XLSX/PDF, exchange JSON/XLSX) and the upload of an exchange file.

Independent of the portal's pages: each view fetches through `exchange.access` and renders a file.
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods

from giamsat.exchange import access
from giamsat.exchange.actions import ExchangeError, import_exchange, read_envelope
from giamsat.exchange.documents import PdfError, docx_to_pdf, render_docx
from giamsat.exchange.export import build_export, dumps
from giamsat.exchange.format import PeriodKey
from giamsat.exchange.report import Report, build_report, period_label_for
from giamsat.exchange.tables import exchange_workbook, report_workbook

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "json": "application/json; charset=utf-8",
}
_KEY = re.compile(r"^(monthly|quarterly|semiannual|nine_months|annual)/(\d{4})/(\d{1,2})$")


def parse_period_key(text: str) -> PeriodKey:
    """"quarterly/2026/1" → PeriodKey; raises ValueError with a Vietnamese message."""
    match = _KEY.match(text.strip())
    if not match:
        raise ValueError(f"Kỳ '{text}' không hợp lệ: cần dạng tần-suất/năm/số, ví dụ quarterly/2026/1.")
    return PeriodKey(frequency=match.group(1), year=int(match.group(2)), index=int(match.group(3)))  # type: ignore[arg-type]


def _file(content: bytes, fmt: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _render(report: Report, fmt: str, name: str) -> HttpResponse:
    if fmt == "xlsx":
        return _file(report_workbook(report), fmt, name)
    docx = render_docx(report)
    if fmt == "docx":
        return _file(docx, fmt, name)
    try:
        return _file(docx_to_pdf(docx), fmt, name)
    except PdfError as exc:
        return HttpResponse(str(exc), status=503, content_type="text/plain; charset=utf-8")


@login_required
def submission_report(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    submission = access.get_submission_for_user(request.user, pk)
    report = build_report(submission.unit, [submission], period_label=submission.period.label)
    return _render(report, fmt, f"bao-cao-{slugify(submission.unit.code)}-{submission.period.year}-{submission.period.index}")


@login_required
def unit_report(request: HttpRequest, code: str, frequency: str, year: int, index: int, fmt: str) -> HttpResponse:
    try:
        key = parse_period_key(f"{frequency}/{year}/{index}")
    except ValueError as exc:
        raise Http404(str(exc)) from exc
    unit, submissions = access.unit_submissions(request.user, code, key)
    rows = list(submissions)
    label = rows[0].period.label if rows else period_label_for(frequency, year, index)
    report = build_report(unit, rows, period_label=label)
    return _render(report, fmt, f"bao-cao-{slugify(unit.code)}-{frequency}-{year}-{index}")


@login_required
def export_unit(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    period = request.GET.get("ky", "")
    try:
        key = parse_period_key(period) if period else None
    except ValueError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    unit = access.get_unit_for_export(request.user, code)
    data = build_export(unit, key, exported_by=request.user.get_username())
    name = f"trao-doi-{slugify(unit.code)}" + (f"-{key.frequency}-{key.year}-{key.index}" if key else "")
    return _file(exchange_workbook(data) if fmt == "xlsx" else dumps(data), fmt, name)


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    if not access.can_import_anything(request.user):
        raise Http404("Không tìm thấy trang.")
    context: dict[str, Any] = {}
    if request.method == "POST":
        uploaded = request.FILES.get("file")
        dry_run = request.POST.get("dry_run") == "1"
        if uploaded is None:
            context["error"] = "Chưa chọn tệp trao đổi."
        elif uploaded.size > settings.GIAMSAT_MAX_UPLOAD_BYTES:
            context["error"] = "Tệp quá lớn."
        else:
            raw = uploaded.read()
            try:
                access.get_unit_for_import(request.user, read_envelope(raw).unit.code)
                context["result"] = import_exchange(request.user, raw, dry_run=dry_run)
            except ExchangeError as exc:
                context["error"] = str(exc)
            except Http404:
                context["error"] = "Bạn không có quyền nhập dữ liệu của đơn vị trong tệp, hoặc đơn vị không tồn tại."
    status = 400 if context.get("error") else 200
    return render(request, "exchange/upload.html", context, status=status)
