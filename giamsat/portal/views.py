from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from giamsat.plans.models import Document, DocumentStatus


def public(request: HttpRequest) -> HttpResponse:
    plans = Document.objects.filter(status=DocumentStatus.PUBLISHED, confidential=False).select_related("issuer")
    return render(request, "portal/public.html", {"plans": plans})


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html", {})
