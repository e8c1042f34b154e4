"""Who may see and change criteria sets and assessment rounds, built on `giamsat.org.access`.

- Criteria sets are readable by every logged-in user; edited by the standing agency of the owner
  unit (a set without an owner, such as the sample, only by an admin).
- A round is run by the standing agency of its organiser (`can_review`). A unit's self-assessment
  is entered by its own people (`can_enter_report`) and sent by its approver (`can_submit_report`);
  other units never see it (the same 404 as for a round that does not exist).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from giamsat.assessment.models import CriteriaSet, Criterion, Entry, Participant, Round, RoundState
from giamsat.org.access import (
    can_enter_report,
    can_review,
    can_submit_report,
    can_view_unit,
    is_admin,
    visible_units_q,
)
from giamsat.org.models import Membership, OrgUnit, Role

__all__ = ["can_enter_report", "can_review", "can_submit_report"]


def is_standing_agency(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return is_admin(user) or Membership.objects.filter(user=user, role=Role.STANDING_AGENCY).exists()


def can_edit_set(user: Any, criteria_set: CriteriaSet) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if criteria_set.owner is None:
        return is_admin(user)
    return can_review(user, criteria_set.owner)


def get_set(user: Any, pk: int) -> CriteriaSet:
    found = CriteriaSet.objects.filter(pk=pk).select_related("owner").first() if getattr(user, "is_authenticated", False) else None
    if found is None:
        raise Http404("Không tìm thấy bộ tiêu chí.")
    return found


def get_set_for_edit(user: Any, pk: int) -> CriteriaSet:
    found = get_set(user, pk)
    if not can_edit_set(user, found):
        raise Http404("Không tìm thấy bộ tiêu chí.")
    return found


def get_criterion_for_edit(user: Any, pk: int) -> Criterion:
    found = Criterion.objects.filter(pk=pk).select_related("criteria_set__owner").first()
    if found is None or not can_edit_set(user, found.criteria_set):
        raise Http404("Không tìm thấy tiêu chí.")
    return found


def visible_rounds(user: Any) -> QuerySet[Round]:
    """Rounds the user organises or oversees, and rounds its units take part in."""
    if not getattr(user, "is_authenticated", False):
        return Round.objects.none()
    if is_admin(user):
        return Round.objects.all()
    units = OrgUnit.objects.filter(visible_units_q(user)).values("pk")
    return Round.objects.filter(Q(organizer__in=units) | Q(participants__unit__in=units)).distinct()


def get_round(user: Any, pk: int) -> Round:
    found = visible_rounds(user).filter(pk=pk).select_related("criteria_set", "organizer").first()
    if found is None:
        raise Http404("Không tìm thấy đợt đánh giá.")
    return found


def get_round_for_review(user: Any, pk: int) -> Round:
    found = get_round(user, pk)
    if not can_review(user, found.organizer):
        raise Http404("Không tìm thấy đợt đánh giá.")
    return found


def visible_participants(user: Any, round_: Round) -> QuerySet[Participant]:
    qs = round_.participants.select_related("unit")
    if is_admin(user) or can_review(user, round_.organizer) or can_view_unit(user, round_.organizer):
        return qs
    return qs.filter(unit__in=OrgUnit.objects.filter(visible_units_q(user)).values("pk"))


def get_participant(user: Any, pk: int) -> Participant:
    """A unit's self-assessment: its own people and the round's overseers; 404 for anyone else."""
    found = Participant.objects.filter(pk=pk).select_related("round__organizer", "round__criteria_set", "unit").first()
    if found is None or not (can_view_unit(user, found.unit) or can_review(user, found.round.organizer)):
        raise Http404("Không tìm thấy bản tự đánh giá.")
    return found


def get_entry(user: Any, pk: int) -> Entry:
    found = Entry.objects.filter(pk=pk).select_related(
        "participant__unit", "participant__round__organizer", "criterion").first()
    if found is None or not (can_view_unit(user, found.participant.unit)
                             or can_review(user, found.participant.round.organizer)):
        raise Http404("Không tìm thấy tiêu chí.")
    return found


def published_rounds() -> QuerySet[Round]:
    return Round.objects.filter(state=RoundState.PUBLISHED)


def get_published_round(pk: int) -> Round:
    found = published_rounds().filter(pk=pk).select_related("criteria_set", "organizer").first()
    if found is None:
        raise Http404("Không tìm thấy kết quả đánh giá đã công bố.")
    return found
