"""Database triggers that refuse UPDATE and DELETE on the audit log, below the ORM.

Test databases must still be flushed between transactional tests, so DELETE and
TRUNCATE are allowed only when the connection says so: on PostgreSQL the session
setting `giamsat.audit_purge = on`, on SQLite the function `giamsat_audit_purge_allowed()`
that the app registers per connection (it answers 1 only under GIAMSAT_TESTING).
A connection that lacks the function (the sqlite3 shell) cannot delete either.
"""

from django.db import migrations

SQLITE = [
    """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_auditevent
       BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;""",
    """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_auditevent
       WHEN giamsat_audit_purge_allowed() = 0
       BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;""",
]
POSTGRES = [
    """CREATE OR REPLACE FUNCTION audit_refuse_update() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'audit log is append-only'; END; $$ LANGUAGE plpgsql;""",
    """CREATE OR REPLACE FUNCTION audit_refuse_delete() RETURNS trigger AS $$
       BEGIN
         IF coalesce(current_setting('giamsat.audit_purge', true), '') = 'on' THEN
           RETURN CASE WHEN TG_LEVEL = 'ROW' THEN OLD ELSE NULL END;
         END IF;
         RAISE EXCEPTION 'audit log is append-only';
       END; $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_auditevent
       FOR EACH ROW EXECUTE FUNCTION audit_refuse_update();""",
    """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_auditevent
       FOR EACH ROW EXECUTE FUNCTION audit_refuse_delete();""",
    """CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit_auditevent
       FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_delete();""",
]


def install(apps, schema_editor):
    statements = POSTGRES if schema_editor.connection.vendor == "postgresql" else SQLITE
    for sql in statements:
        schema_editor.execute(sql)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in ("audit_no_update", "audit_no_delete", "audit_no_truncate"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON audit_auditevent")
    else:
        schema_editor.execute("DROP TRIGGER IF EXISTS audit_no_update")
        schema_editor.execute("DROP TRIGGER IF EXISTS audit_no_delete")


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(install, uninstall)]
