"""A partial index on the audit log for `giamsat.portal.caching.content_version`: the newest change
that is not a draft save is one index lookup. The WHERE clause must stay the same text as
`caching.AUDIT_WHERE`."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_transition_index"), ("audit", "0002_append_only_triggers")]
    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS portal_auditevent_changes ON audit_auditevent (id)"
            " WHERE action NOT IN ('reporting.draft_saved', 'reporting.attachment_added')",
            "DROP INDEX IF EXISTS portal_auditevent_changes",
        ),
    ]
