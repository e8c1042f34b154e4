from __future__ import annotations

import csv
import io
import json

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from giamsat.audit.access import events_for_user

EXPORT_COLUMNS = ["Thời điểm", "Người thực hiện", "Hành động", "Đối tượng", "Mã đối tượng", "Mô tả",
                  "Đơn vị", "Trước", "Sau", "Lý do"]


def _filtered(request: HttpRequest):  # type: ignore[no-untyped-def]
    events = events_for_user(request.user)
    if action := request.GET.get("action", "").strip():
        events = events.filter(action__startswith=action)
    if actor := request.GET.get("actor", "").strip():
        events = events.filter(actor_name__icontains=actor)
    return events


@login_required
def index(request: HttpRequest) -> HttpResponse:
    page = Paginator(_filtered(request), 50).get_page(request.GET.get("page"))
    return render(request, "audit/index.html", {"page": page, "query": request.GET})


def _rows(request: HttpRequest):  # type: ignore[no-untyped-def]
    for e in _filtered(request).iterator():
        yield [e.at.isoformat(), e.actor_name, e.action, e.object_type, e.object_id, e.object_repr,
               e.unit_id or "", json.dumps(e.before, ensure_ascii=False) if e.before is not None else "",
               json.dumps(e.after, ensure_ascii=False) if e.after is not None else "", e.reason]


@login_required
def export_csv(request: HttpRequest) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_COLUMNS)
    writer.writerows(_rows(request))
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="nhat-ky-thay-doi.csv"'
    return response


@login_required
def export_xlsx(request: HttpRequest) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Nhật ký"
    sheet.append(EXPORT_COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in _rows(request):
        sheet.append(row)
    for column, width in zip("ABCDEFGHIJ", [22, 18, 26, 20, 12, 40, 8, 40, 40, 30], strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    response = HttpResponse(out.getvalue(),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = 'attachment; filename="nhat-ky-thay-doi.xlsx"'
    return response
