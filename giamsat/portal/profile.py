"""Who the signed-in user is in the portal's terms: roles per unit, and which pages to offer.

Permission decisions stay in `giamsat.org.access`; this only picks navigation and home pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from giamsat.org.access import memberships
from giamsat.org.models import Membership, OrgUnit, Role


@dataclass
class Profile:
    memberships: list[Membership] = field(default_factory=list)
    is_superuser: bool = False

    def has(self, *roles: Role) -> bool:
        wanted = {r.value for r in roles}
        return self.is_superuser or any(m.role in wanted for m in self.memberships)

    @property
    def is_oversight(self) -> bool:
        return self.has(Role.STANDING_AGENCY, Role.STEERING, Role.ADMIN)

    @property
    def is_reviewer(self) -> bool:
        return self.has(Role.STANDING_AGENCY, Role.ADMIN)

    @property
    def primary(self) -> Membership | None:
        return self.memberships[0] if self.memberships else None

    def units(self, *roles: Role) -> list[OrgUnit]:
        wanted = {r.value for r in roles} if roles else None
        return [m.unit for m in self.memberships if wanted is None or m.role in wanted]

    def home_kind(self) -> str:
        """The home page a role lands on: steering → dashboard, standing agency → queue, else own unit."""
        if self.has(Role.STEERING) and not self.has(Role.STANDING_AGENCY):
            return "steering"
        if self.is_reviewer:
            return "standing_agency"
        if self.has(Role.APPROVER):
            return "approver"
        return "reporter"


_ORDER = {Role.ADMIN: 0, Role.STEERING: 1, Role.STANDING_AGENCY: 2, Role.APPROVER: 3, Role.REPORTER: 4}


def profile_for(user: Any) -> Profile:
    cached = getattr(user, "_portal_profile", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    if not getattr(user, "is_authenticated", False):
        profile = Profile()
    else:
        items = list(memberships(user))  # the same read as the access checks' (one query per request)
        items.sort(key=lambda m: (_ORDER.get(Role(m.role), 9), m.unit.path))
        profile = Profile(items, bool(user.is_superuser))
    user._portal_profile = profile
    return profile
