"""Permission-checked fetches of submissions and recommendations.

"Not yours" and "not there" raise the same Http404, so ids do not leak which units report what.
Rights come from `giamsat.org.access`.
"""

from __future__ import annotations

from typing import Any

from django.db import connections, router
from django.db.models import Q, QuerySet
from django.db.transaction import TransactionManagementError
from django.http import Http404

from giamsat.ops.prepared import ModelColumns
from giamsat.org.access import can_read_unit, can_review, is_admin, visible_units_q
from giamsat.org.models import OrgUnit
from giamsat.reporting.models import Recommendation, ReportingPeriod, Submission


def submissions_for_user(user: Any, *, with_plan: bool = True) -> QuerySet[Submission]:
    """Submissions of the units the user may read (own unit for entry roles, subtree for oversight).

    The plan is joined without its full text (`source_text`, `restored_text`: 50-140 KB a plan on the demo data),
    which no reader of a submission shows: reading it made every submission fetch carry the whole plan. With
    `with_plan=False` it is not joined at all (`period.document` is then read when asked for)."""
    visible = Submission.objects.filter(visible_units_q(user, "unit__"))
    if not with_plan:
        return visible.select_related("period", "unit")
    return visible.select_related("period", "period__document", "unit").defer(*PLAN_TEXT)


PLAN_TEXT = ("period__document__source_text", "period__document__restored_text")


def get_submission_for_user(user: Any, pk: Any, *, with_plan: bool = True) -> Submission:
    """The submission if the user may read it (404 otherwise), its period and unit joined, and the period's plan
    (without its texts) unless `with_plan` is False: the API's reads and writes of a submission show only the
    plan's id: without the plan's ~30 columns and the model's ordering (`.first()` sorted by the period's end and
    the unit's name), the fetch costs ~1.5 instead of ~2.1 ms of CPU."""
    if not str(pk).isdigit():
        raise Http404("Không tìm thấy báo cáo.")
    if not with_plan:
        found = read_submission(int(pk))
        if found is None or not can_read_unit(user, found.unit):  # `submissions_for_user`'s filter, on the row
            raise Http404("Không tìm thấy báo cáo.")
        return found
    submission = submissions_for_user(user).filter(pk=pk).order_by()[:1]  # by key: no ordering
    if not submission:
        raise Http404("Không tìm thấy báo cáo.")
    return submission[0]


def read_submission(pk: int, *, for_update: bool = False) -> Submission | None:
    """Submission `pk` with its period and unit (no access check: callers check), in one statement built once per
    connection; `for_update` locks the submission's row (`reporting.actions`' lock). The ORM query it replaces
    spent most of its ~1.5 ms of CPU building its SQL."""
    connection = connections[router.db_for_write(Submission) if for_update else router.db_for_read(Submission)]
    if for_update and not connection.in_atomic_block:
        raise TransactionManagementError("select_for_update cannot be used outside of a transaction.")
    readers = connection.__dict__.setdefault("_giamsat_submission_reader", {})
    reader = readers.get(for_update)
    if reader is None:
        reader = readers[for_update] = _SubmissionReader(connection, for_update)
    return reader.read(connection, pk)


class _SubmissionReader:
    def __init__(self, connection: Any, for_update: bool) -> None:
        self.columns = [ModelColumns(connection, model, alias) for model, alias in
                        ((Submission, "s"), (ReportingPeriod, "p"), (OrgUnit, "u"))]
        quote = connection.ops.quote_name
        column = {name: quote(Submission._meta.get_field(name).column) for name in ("period", "unit")}
        lock = " FOR UPDATE OF s" if for_update and connection.features.has_select_for_update_of else (
            " FOR UPDATE" if for_update and connection.features.has_select_for_update else "")
        self.sql = (
            f"SELECT {', '.join(c.sql for c in self.columns)} FROM {quote(Submission._meta.db_table)} s"
            f" INNER JOIN {quote(ReportingPeriod._meta.db_table)} p ON p.{quote(ReportingPeriod._meta.pk.column)} = s.{column['period']}"
            f" INNER JOIN {quote(OrgUnit._meta.db_table)} u ON u.{quote(OrgUnit._meta.pk.column)} = s.{column['unit']}"
            f" WHERE s.{quote(Submission._meta.pk.column)} = %s{lock}"
        )

    def read(self, connection: Any, pk: int) -> Submission | None:
        with connection.cursor() as cur:
            cur.execute(self.sql, [pk])
            row = cur.fetchone()
        if row is None:
            return None
        values, start, made = list(row), 0, []
        for columns in self.columns:
            end = start + len(columns.fields)
            made.append(columns.build(connection.alias, connection, values[start:end]))
            start = end
        submission, period, unit = made
        Submission.period.field.set_cached_value(submission, period)
        Submission.unit.field.set_cached_value(submission, unit)
        return submission  # type: ignore[return-value]


def get_submission_for_review(user: Any, pk: Any) -> Submission:
    """A submission the user may approve, return or reopen (standing agency over the unit, or admin)."""
    submission = get_submission_for_user(user, pk)
    if not can_review(user, submission.unit):
        raise Http404("Không tìm thấy báo cáo.")
    return submission


def _reviewable_unit_ids(user: Any, units: QuerySet[OrgUnit]) -> list[int]:
    return [u.pk for u in units if can_review(user, u)]


def review_queue(user: Any) -> QuerySet[Submission]:
    """Submitted reports waiting for this user's decision, oldest due first."""
    if not getattr(user, "is_authenticated", False):
        return Submission.objects.none()
    waiting = submissions_for_user(user).filter(state="submitted")
    if is_admin(user):
        return waiting.order_by("period__due_date", "submitted_at")
    units = OrgUnit.objects.filter(pk__in=waiting.values("unit_id"))
    return waiting.filter(unit_id__in=_reviewable_unit_ids(user, units)).order_by("period__due_date", "submitted_at")


def recommendations_for_user(user: Any) -> QuerySet[Recommendation]:
    """Recommendations raised by, routed to or escalated to a unit the user may read, and the user's own."""
    base = Recommendation.objects.select_related("routed_to", "raised_by_unit", "escalated_to")
    if not getattr(user, "is_authenticated", False):
        return base.none()
    if is_admin(user):
        return base.all()
    units = OrgUnit.objects.filter(visible_units_q(user)).values("pk")
    # Each condition is on a column of the row itself, so no row comes twice: no DISTINCT (sorting every column
    # of the row and its three joined units: ~8 ms of PostgreSQL for the home page's five on the national set).
    return base.filter(Q(routed_to__in=units) | Q(raised_by_unit__in=units) | Q(escalated_to__in=units)
                       | Q(raised_by=user))


def get_recommendation_for_user(user: Any, pk: Any) -> Recommendation:
    rec = recommendations_for_user(user).filter(pk=pk).first() if str(pk).isdigit() else None
    if rec is None:
        raise Http404("Không tìm thấy kiến nghị.")
    return rec


def public_recommendations() -> QuerySet[Recommendation]:
    """What anonymous visitors see: recommendations sent through the public page, with their status."""
    return Recommendation.objects.filter(is_public=True).select_related("routed_to")
