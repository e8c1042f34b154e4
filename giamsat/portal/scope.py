"""Which plans and which unit a page is about, for the signed-in user (built on the access modules)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from giamsat.org.access import is_admin, visible_units_q
from giamsat.org.models import OrgUnit, Role
from giamsat.plans.access import visible_documents
from giamsat.plans.models import Document, DocumentStatus


def tracked_documents(user: Any) -> QuerySet[Document]:
    """Published plans the user follows: those owned by units the user may see (all, for an admin)."""
    published = visible_documents(user).filter(status=DocumentStatus.PUBLISHED)
    if is_admin(user):
        return published
    return published.filter(owner__in=OrgUnit.objects.filter(visible_units_q(user)).values("pk"))


def public_documents() -> QuerySet[Document]:
    return Document.objects.filter(status=DocumentStatus.PUBLISHED, confidential=False)


def public_receiver() -> OrgUnit | None:
    """Where recommendations from the public page go: the province of the first standing agency."""
    from giamsat.org.models import Membership

    membership = (Membership.objects.filter(role=Role.STANDING_AGENCY, unit__kind="province")
                  .select_related("unit").order_by("unit__path").first())
    return membership.unit if membership else None


def with_counts(documents: QuerySet[Document]) -> QuerySet[Document]:
    """Plans with their number of targets and tasks (subqueries: a double join would multiply rows)."""
    from django.db.models import Count, IntegerField, OuterRef, Subquery

    from giamsat.plans.models import Target, Task

    def count(model: Any) -> Subquery:
        rows = model.objects.filter(document=OuterRef("pk")).order_by().values("document").annotate(n=Count("pk")).values("n")
        return Subquery(rows, output_field=IntegerField())

    return documents.annotate(n_targets=count(Target), n_tasks=count(Task))
