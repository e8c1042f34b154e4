"""The `gs_fold` SQL function used by the portal's search (see giamsat/portal/search.py)."""

from django.db import migrations

from giamsat.portal.search import POSTGRES_FUNCTION


def create_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTION)


def drop_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS gs_fold(text)")


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]
    operations = [migrations.RunPython(create_function, drop_function)]
