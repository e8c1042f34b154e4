"""The administration site writes the audit log too.

Most models are read-only in the admin (every change goes through the actions). Where the admin
may add, change or delete rows (units, memberships, users and groups, API tokens, plan contents
under review), `AuditedAdmin` records each change with its before and after, many-to-many
fields included, inside the admin's own transaction: the change and its event are saved
together or not at all. `LockedWhenPublished` refuses changes to a published plan and its
contents: a published plan changes only through a new version.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from giamsat.audit.actions import record, snapshot

_BEFORE = "_giamsat_admin_before"


def admin_snapshot(obj: models.Model) -> dict[str, Any]:
    """`snapshot` plus the ids of each many-to-many field (sorted)."""
    out = snapshot(obj)
    out.pop("password", None)  # a user's password hash never goes into the log
    if obj.pk is not None:
        for field in obj._meta.many_to_many:
            out[field.name] = sorted(getattr(obj, field.name).values_list("pk", flat=True))
    return out


def _unit_id(obj: models.Model) -> int | None:
    for name in ("unit_id", "owner_id", "responsible_id", "lead_id"):
        value = getattr(obj, name, None)
        if isinstance(value, int):
            return value
    return obj.pk if obj._meta.label == "org.OrgUnit" and isinstance(obj.pk, int) else None


class AuditedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Every add, change and delete made through this admin is an audit event (`admin.*`)."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if change and obj.pk is not None:
            old = type(obj)._default_manager.filter(pk=obj.pk).first()
            befores = getattr(request, _BEFORE, {})
            befores[(obj._meta.label, obj.pk)] = admin_snapshot(old) if old is not None else None
            setattr(request, _BEFORE, befores)
        super().save_model(request, obj, form, change)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        """Rows edited inline (a target's milestones): one event with the rows before and after."""
        fk = getattr(formset, "fk", None)
        if fk is None:
            super().save_formset(request, form, formset, change)
            return
        rows = formset.model._default_manager.filter(**{fk.name: formset.instance}).order_by("pk")
        before = [admin_snapshot(o) for o in rows]
        super().save_formset(request, form, formset, change)
        after = [admin_snapshot(o) for o in rows.all()]
        if before != after:
            parent = formset.instance
            record(request.user, "admin.change", parent, object_type=formset.model._meta.label,
                   unit_id=_unit_id(parent), before={"rows": before}, after={"rows": after})

    def log_addition(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        record(request.user, "admin.add", obj, unit_id=_unit_id(obj), after=admin_snapshot(obj))
        return super().log_addition(request, obj, message)

    def log_change(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        before = getattr(request, _BEFORE, {}).get((obj._meta.label, obj.pk))
        record(request.user, "admin.change", obj, unit_id=_unit_id(obj), before=before, after=admin_snapshot(obj))
        return super().log_change(request, obj, message)

    def log_deletions(self, request: HttpRequest, queryset: Any) -> Any:
        for obj in queryset:
            record(request.user, "admin.delete", obj, unit_id=_unit_id(obj), before=admin_snapshot(obj))
        return super().log_deletions(request, queryset)


def _document_of(obj: Any) -> Any:
    if obj is None:
        return None
    if obj._meta.label == "plans.Document":
        return obj
    if getattr(obj, "document_id", None) is not None:
        return obj.document
    target = getattr(obj, "target", None)  # a milestone
    return getattr(target, "document", None)


class LockedWhenPublished:
    """No change or deletion of a published plan or anything in it through the admin."""

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        doc = _document_of(obj)
        if doc is not None and doc.is_published:
            return False
        return bool(super().has_change_permission(request, obj))  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        doc = _document_of(obj)
        if doc is not None and doc.is_published:
            return False
        return bool(super().has_delete_permission(request, obj))  # type: ignore[misc]


def is_read_only(model_admin: Any, request: HttpRequest) -> bool:
    """True when `model_admin` lets the request's user neither add, change nor delete."""
    return not (model_admin.has_add_permission(request) or model_admin.has_change_permission(request)
                or model_admin.has_delete_permission(request))
