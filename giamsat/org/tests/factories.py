"""Personas and units for tests: "the reporter of Sở Y tế Đồng Nai", "the standing agency of Đồng Nai"."""

from __future__ import annotations

from typing import Any

from giamsat.org.actions import create_user, grant_role, load_vietnam_registry
from giamsat.org.models import OrgUnit, Role


def registry() -> None:
    load_vietnam_registry()


def unit(code: str) -> OrgUnit:
    return OrgUnit.objects.get(code=code)


def persona(username: str, unit_code: str, role: Role) -> Any:
    user = create_user(username, "mat-khau-thu-nghiem-2026", username)
    grant_role("test", user, unit(unit_code), role)
    return user
