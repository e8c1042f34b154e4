from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from giamsat.audit import apps as audit_apps
from giamsat.audit.actions import record
from giamsat.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_the_orm_refuses_to_edit_or_delete_an_audit_event():
    event = record("test", "plans.published", object_type="plans.Document", object_id=1)
    event.reason = "sửa lén"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    assert AuditEvent.objects.get(pk=event.pk).reason == ""


def test_the_database_refuses_updates_and_deletes_below_the_orm():
    event = record("test", "plans.published", object_type="plans.Document", object_id=1)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(reason="sửa lén")
    audit_apps.PURGE_ALLOWED["value"] = False
    try:
        with pytest.raises(DatabaseError), transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL giamsat.audit_purge = 'off'")
            AuditEvent.objects.filter(pk=event.pk).delete()
    finally:
        audit_apps.PURGE_ALLOWED["value"] = True
    assert AuditEvent.objects.filter(pk=event.pk, reason="").exists()
