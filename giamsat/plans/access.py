"""Permission-checked fetches of plans and their items."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from giamsat.org.access import can_review, is_admin, visible_units_q
from giamsat.plans.models import Document, DocumentStatus


def visible_documents(user: Any) -> QuerySet[Document]:
    """Published plans for everyone; drafts only to those who oversee the owning unit."""
    published = Q(status=DocumentStatus.PUBLISHED, confidential=False)
    if not getattr(user, "is_authenticated", False):
        return Document.objects.filter(published)
    if is_admin(user):
        return Document.objects.all()
    return Document.objects.filter(published | Q(owner__in=_units(user)))


def _units(user: Any) -> Any:
    from giamsat.org.models import OrgUnit

    return OrgUnit.objects.filter(visible_units_q(user)).values("pk")


def get_document_for_user(user: Any, pk: int) -> Document:
    document = visible_documents(user).filter(pk=pk).first()
    if document is None:
        raise Http404("Không tìm thấy kế hoạch.")
    return document


def get_document_for_review(user: Any, pk: int) -> Document:
    document = get_document_for_user(user, pk)
    if document.owner is None and not is_admin(user):
        raise Http404("Không tìm thấy kế hoạch.")
    if document.owner is not None and not can_review(user, document.owner):
        raise Http404("Không tìm thấy kế hoạch.")
    return document
