"""Writing the audit log. Every action that changes data calls `record` inside its transaction."""

from __future__ import annotations

from typing import Any

from django.db import models

from giamsat.audit.models import AuditEvent


def snapshot(obj: models.Model, fields: list[str] | None = None) -> dict[str, Any]:
    """A JSON-safe picture of a model row for the before/after columns."""
    out: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        name = field.attname
        if fields is not None and field.name not in fields and name not in fields:
            continue
        value = getattr(obj, name)
        if value is None or isinstance(value, (str, int, float, bool, list, dict)):
            out[name] = value
        else:
            out[name] = str(value)
    return out


def record(
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    *,
    object_type: str | None = None,
    object_id: str | int | None = None,
    unit_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
) -> AuditEvent:
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor=user,
        actor_name=getattr(user, "username", "") if user else (actor if isinstance(actor, str) else "system"),
        action=action,
        object_type=object_type or (obj._meta.label if obj is not None else ""),
        object_id=str(object_id if object_id is not None else (obj.pk if obj is not None else "")),
        object_repr=str(obj)[:300] if obj is not None else "",
        unit_id=unit_id,
        before=before,
        after=after,
        reason=reason,
    )
