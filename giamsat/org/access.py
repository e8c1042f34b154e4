"""Who may see and change what, by role and the unit tree. Checked here and nowhere else.

- reporter: enters its own unit's reports.
- approver: reporter's rights, plus submits its unit's reports.
- standing_agency: reads everything in its unit's subtree; reviews (approves, returns,
  reopens) submissions there; reviews and publishes plans there.
- steering: reads everything in its unit's subtree.
- admin (or Django superuser): everything.
- anonymous: published data only (see the portal's public views).

A merged unit's subtree includes its predecessors' subtrees, so Đồng Nai's standing
agency sees Bình Phước's 2025 plan and its reports.
"""

from __future__ import annotations

from functools import reduce
from operator import or_
from typing import Any

from django.db import connection
from django.db.models import Q
from django.http import Http404

from giamsat.org.models import Membership, OrgUnit, Role

OVERSIGHT_ROLES = (Role.STANDING_AGENCY, Role.STEERING, Role.ADMIN)
REVIEW_ROLES = (Role.STANDING_AGENCY, Role.ADMIN)
ENTRY_ROLES = (Role.REPORTER, Role.APPROVER)


def is_admin(user: Any) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or _memberships(user).filter(role=Role.ADMIN).exists()))


def _memberships(user: Any) -> Any:
    return _MembershipList(memberships(user))


def memberships(user: Any) -> list[Membership]:
    """The user's memberships with their units, read once per request (kept on the user object), for the
    access checks here and the portal's profile (navigation) alike."""
    cache = getattr(user, "_giamsat_memberships", None)
    if cache is None:
        cache = list(Membership.objects.filter(user=user).select_related("unit"))
        user._giamsat_memberships = cache
    return cache  # type: ignore[no-any-return]


def keep_memberships(user: Any, items: list[Membership]) -> None:
    """Memberships read with the user (`org.auth.load_user`: one query for both), as `memberships` would read
    them: every membership of the user, its unit joined."""
    user._giamsat_memberships = list(items)


class _MembershipList:
    def __init__(self, items: list[Membership]) -> None:
        self.items = items

    def filter(self, role: Any = None, roles: tuple[Any, ...] | None = None) -> _MembershipList:
        wanted = {str(r) for r in roles} if roles else ({str(role)} if role else None)
        return _MembershipList([m for m in self.items if wanted is None or m.role in wanted])

    def exists(self) -> bool:
        return bool(self.items)

    def units(self) -> list[OrgUnit]:
        return [m.unit for m in self.items]


def scope_paths(unit: OrgUnit) -> list[str]:
    """The path prefixes a role on `unit` reaches: its own subtree and its predecessors'.

    Kept on the unit instance: the units of a user's memberships are loaded once per request
    (`_memberships`), and one page asks for their scope several times (each access filter)."""
    known = getattr(unit, "_giamsat_scope_paths", None)
    if known is not None:
        return list(known)
    paths = [unit.path, *_predecessor_paths(unit.pk)]
    unit._giamsat_scope_paths = tuple(paths)  # type: ignore[attr-defined]
    return paths


def _predecessor_paths(pk: int) -> list[str]:
    """The paths of every unit merged into `pk`, at any depth (predecessors of predecessors), read fresh in one
    recursive query (UNION, not UNION ALL: a cycle in bad data ends instead of looping). It replaces one ORM query
    per generation of mergers (2-3 on a merged province, ~0.4 ms of CPU each, on every request of its leaders)."""
    quote = connection.ops.quote_name
    table, successor = quote(OrgUnit._meta.db_table), quote(OrgUnit._meta.get_field("successor").column)
    sql = (f"WITH RECURSIVE preds(id, path) AS (SELECT id, path FROM {table} WHERE {successor} = %s"
           f" UNION SELECT u.id, u.path FROM {table} u JOIN preds p ON u.{successor} = p.id)"
           " SELECT path FROM preds WHERE id <> %s ORDER BY path")
    with connection.cursor() as cur:
        cur.execute(sql, [pk, pk])
        return [row[0] for row in cur.fetchall()]


def _within(unit: OrgUnit, paths: list[str]) -> bool:
    return any(unit.path.startswith(p) for p in paths)


def roles_on(user: Any, unit: OrgUnit) -> set[str]:
    """Every role the user holds that reaches `unit` (entry roles only on the unit itself)."""
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return {Role.ADMIN.value}
    out: set[str] = set()
    for m in _memberships(user).items:
        if m.role in {str(r) for r in ENTRY_ROLES}:
            if m.unit_id == unit.pk:
                out.add(m.role)
        elif _within(unit, scope_paths(m.unit)):
            out.add(m.role)
    return out


def can_view_unit(user: Any, unit: OrgUnit) -> bool:
    return bool(roles_on(user, unit))


def can_enter_report(user: Any, unit: OrgUnit) -> bool:
    return bool(roles_on(user, unit) & {Role.REPORTER.value, Role.APPROVER.value, Role.ADMIN.value})


def can_submit_report(user: Any, unit: OrgUnit) -> bool:
    return bool(roles_on(user, unit) & {Role.APPROVER.value, Role.ADMIN.value})


def can_review(user: Any, unit: OrgUnit) -> bool:
    """Approve, return and reopen submissions; review and publish plans."""
    return bool(roles_on(user, unit) & {Role.STANDING_AGENCY.value, Role.ADMIN.value})


def visible_units_q(user: Any, prefix: str = "") -> Q:
    """A filter on OrgUnit (or on a relation to it, with `prefix` like "unit__") for what the user may read."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    if is_admin(user):
        return Q()
    clauses: list[Q] = []
    for m in _memberships(user).items:
        if m.role in {str(r) for r in ENTRY_ROLES}:
            clauses.append(Q(**{f"{prefix}pk" if prefix else "pk": m.unit_id}))
        else:
            clauses.extend(Q(**{f"{prefix}path__startswith": p}) for p in scope_paths(m.unit))
    return reduce(or_, clauses) if clauses else Q(pk__in=[])


def can_read_unit(user: Any, unit: OrgUnit) -> bool:
    """`visible_units_q` for one unit in hand (the same rule, clause for clause): whether a row of `unit` is in
    what the user may read. For a row fetched by its key, checked without building the filter's SQL."""
    if not user.is_authenticated:
        return False
    if is_admin(user):
        return True
    for m in _memberships(user).items:
        if m.role in {str(r) for r in ENTRY_ROLES}:
            if unit.pk == m.unit_id:
                return True
        elif _within(unit, scope_paths(m.unit)):
            return True
    return False


def get_unit_for_user(user: Any, unit_id: int | str) -> OrgUnit:
    """The unit if the user may see it; otherwise the same 404 as for a unit that does not exist."""
    unit = OrgUnit.objects.filter(pk=unit_id).first() if str(unit_id).isdigit() else OrgUnit.objects.filter(code=unit_id).first()
    if unit is None or not can_view_unit(user, unit):
        raise Http404("Không tìm thấy đơn vị.")
    return unit
