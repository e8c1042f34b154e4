"""Who may read the audit log: the standing agency (for its scope) and administrators."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from giamsat.audit.models import AuditEvent
from giamsat.org.access import OVERSIGHT_ROLES, is_admin, scope_paths
from giamsat.org.models import Membership, OrgUnit, Role


def can_read_audit(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return is_admin(user) or Membership.objects.filter(user=user, role=Role.STANDING_AGENCY).exists()


def events_for_user(user: Any) -> QuerySet[AuditEvent]:
    """Events about units in the user's standing-agency scope; everything for administrators."""
    if not can_read_audit(user):
        raise Http404("Không tìm thấy trang.")
    if is_admin(user):
        return AuditEvent.objects.all()
    paths: list[str] = []
    for membership in Membership.objects.filter(user=user, role__in=[str(r) for r in OVERSIGHT_ROLES]).select_related("unit"):
        if membership.role == Role.STANDING_AGENCY:
            paths.extend(scope_paths(membership.unit))
    clause = Q(pk__in=[])
    for path in paths:
        clause |= Q(path__startswith=path)
    unit_ids = OrgUnit.objects.filter(clause).values("pk")
    return AuditEvent.objects.filter(unit_id__in=unit_ids)
