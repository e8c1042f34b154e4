"""The page cache's version reads the audit log (migration 0004's index), which already holds every
submission transition: the submission-history index of migration 0003 has no reader left."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("portal", "0004_audit_change_index")]
    operations = [
        migrations.RunSQL(
            "DROP INDEX IF EXISTS portal_submissionevent_transitions",
            "CREATE INDEX IF NOT EXISTS portal_submissionevent_transitions ON reporting_submissionevent (id)"
            " WHERE kind NOT IN ('saved', 'attachment_added')",
        ),
    ]
