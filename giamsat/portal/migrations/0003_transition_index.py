"""A partial index on the submission history for `giamsat.portal.caching.content_version`: the newest
transition (not a saved draft) is then one index lookup, however many drafts were saved since.
The WHERE clause must stay the same text as `caching.TRANSITIONS_WHERE`."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_gs_fold_function"), ("reporting", "0001_initial")]
    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS portal_submissionevent_transitions ON reporting_submissionevent (id)"
            " WHERE kind NOT IN ('saved', 'attachment_added')",
            "DROP INDEX IF EXISTS portal_submissionevent_transitions",
        ),
    ]
