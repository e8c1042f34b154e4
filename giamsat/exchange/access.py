"""Permission-checked fetches for reports and exchange files, from the org and reporting access rules."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from giamsat.api.queries import visible_submissions
from giamsat.exchange.format import PeriodKey
from giamsat.org.access import can_review, get_unit_for_user
from giamsat.org.models import OrgUnit
from giamsat.reporting.models import Submission


def get_submission_for_user(user: Any, pk: int) -> Submission:
    submission = visible_submissions(user).filter(pk=pk).select_related("unit", "period__document").first()
    if submission is None:
        raise Http404("Không tìm thấy báo cáo.")
    return submission


def unit_submissions(user: Any, unit_code: str, key: PeriodKey) -> tuple[OrgUnit, QuerySet[Submission]]:
    """The unit (404 when the user may not see it) and the submissions of its subtree for the period that
    the user may read."""
    unit = get_unit_for_user(user, unit_code)
    qs = visible_submissions(user).filter(
        unit__path__startswith=unit.path, period__frequency=key.frequency, period__year=key.year, period__index=key.index,
    ).select_related("unit", "period__document")
    return unit, qs.order_by("period__document__number", "unit__path", "pk")


def get_unit_for_export(user: Any, unit_code: str) -> OrgUnit:
    """Any unit the user may read: a commune delivers its own data upwards, the level above fetches it."""
    return get_unit_for_user(user, unit_code)


def can_import_anything(user: Any) -> bool:
    """Only the standing agency (the level above) and administrators import exchange files."""
    from giamsat.org.access import is_admin
    from giamsat.org.models import Membership, Role

    return bool(getattr(user, "is_authenticated", False) and (
        is_admin(user) or Membership.objects.filter(user=user, role=Role.STANDING_AGENCY).exists()))


def get_unit_for_import(user: Any, unit_code: str) -> OrgUnit:
    """The sending unit of an exchange file, if the user reviews it (the level above); otherwise 404."""
    unit = get_unit_for_user(user, unit_code)
    if not can_review(user, unit):
        raise Http404("Không tìm thấy đơn vị.")
    return unit
