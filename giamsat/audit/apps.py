from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.db.backends.signals import connection_created

# Tests flip this to check that the trigger refuses deletes on SQLite.
PURGE_ALLOWED = {"value": False}


def _register_sqlite_functions(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "giamsat_audit_purge_allowed", 0, lambda: 1 if PURGE_ALLOWED["value"] else 0, deterministic=False
        )


class AuditConfig(AppConfig):
    name = "giamsat.audit"
    verbose_name = "Nhật ký thay đổi"

    def ready(self) -> None:
        PURGE_ALLOWED["value"] = bool(getattr(settings, "TESTING", False))
        connection_created.connect(_register_sqlite_functions, dispatch_uid="giamsat-audit-sqlite")
