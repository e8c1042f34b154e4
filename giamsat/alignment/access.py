"""Who sees which plans in the alignment pages, and who may confirm mappings.

Reading: logged-in users, for plans whose owner unit they may view (`visible_documents`
narrowed to `visible_units_q`). A visible plan is compared with the plans it implements
when those are published (published plans are public anyway): a ward sees its targets
against its province's levels, not the province's plan page. Confirming a mapping or a task
link is a review of the plan: the owner's standing agency, or an admin.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from giamsat.org.access import can_review, is_admin, visible_units_q
from giamsat.org.models import OrgUnit
from giamsat.plans.access import visible_documents
from giamsat.plans.models import Document, DocumentStatus, StandardIndicator, Target, Task


def alignment_documents(user: Any) -> QuerySet[Document]:
    """Plans the user may align: visible, and owned by a unit the user may view."""
    if not getattr(user, "is_authenticated", False):
        return Document.objects.none()
    documents = visible_documents(user)
    if is_admin(user):
        return documents
    return documents.filter(owner__in=OrgUnit.objects.filter(visible_units_q(user)).values("pk"))


def comparison_documents(user: Any) -> QuerySet[Document]:
    """What a visible plan may be compared with: the user's plans plus published, non-confidential plans."""
    if not getattr(user, "is_authenticated", False):
        return Document.objects.none()
    published = Q(status=DocumentStatus.PUBLISHED, confidential=False)
    return Document.objects.filter(Q(pk__in=alignment_documents(user).values("pk")) | published)


def get_plan_for_user(user: Any, pk: int) -> Document:
    document = alignment_documents(user).filter(pk=pk).first()
    if document is None:
        raise Http404("Không tìm thấy kế hoạch.")
    return document


def get_indicator(code: str) -> StandardIndicator:
    indicator = StandardIndicator.objects.filter(code=code).first()
    if indicator is None:
        raise Http404("Không tìm thấy chỉ tiêu chuẩn.")
    return indicator


def _may_review(user: Any, document: Document) -> bool:
    if document.owner is None:
        return is_admin(user)
    return can_review(user, document.owner)


def can_confirm(user: Any, document: Document) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and _may_review(user, document)


def get_target_for_mapping(user: Any, pk: int) -> Target:
    """A target whose mapping the user may confirm; the same 404 for "not yours" and "not there"."""
    target = Target.objects.filter(pk=pk, document__in=alignment_documents(user)).select_related("document__owner").first()
    if target is None or not can_confirm(user, target.document):
        raise Http404("Không tìm thấy chỉ tiêu.")
    return target


def get_task_for_linking(user: Any, pk: int) -> Task:
    task = Task.objects.filter(pk=pk, document__in=alignment_documents(user)).select_related("document__owner").first()
    if task is None or not can_confirm(user, task.document):
        raise Http404("Không tìm thấy nhiệm vụ.")
    return task
