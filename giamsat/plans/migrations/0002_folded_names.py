"""Folded copies of the searched names (stored generated columns, `plans.models.folded`) and, on PostgreSQL,
trigram indexes that serve the search's `LIKE '%word%'` on them.

The columns are computed by the database (`gs_fold`, created by portal 0002), so every way rows arrive
— the import actions, the admin, `giamsat synth`'s bulk loads, an exchange import — keeps them right.
pg_trgm ships with PostgreSQL (Debian: postgresql-contrib) and is a trusted extension since
PostgreSQL 13, so the database owner may create it; where it cannot be created the migration goes on
without the indexes and search scans the stored column (still no folding per row and query).
SQLite has no trigram index: its search scans the stored column.
"""

import sys

from django.db import DatabaseError, migrations, models, transaction

import giamsat.plans.models

TRIGRAM_INDEXES = {
    "plans_task_name_folded_trgm": ("plans_task", "name_folded"),
    "plans_target_name_folded_trgm": ("plans_target", "name_folded"),
    "plans_document_title_folded_trgm": ("plans_document", "title_folded"),
}


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias), schema_editor.connection.cursor() as cur:
            cur.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")  # a savepoint: a refusal leaves the migration going
    except DatabaseError as exc:  # no privilege or no contrib package: search works, without the index
        print(f"\n  pg_trgm unavailable ({exc}): search will scan the folded columns", file=sys.stderr)
        return
    for name, (table, column) in TRIGRAM_INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)")
    # Statistics of the new columns: without them the planner guesses a few hundred matches for a word
    # that matches every task and picks the index where a scan that stops early is far cheaper.
    schema_editor.execute("ANALYZE plans_task, plans_target, plans_document")


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial"), ("portal", "0002_gs_fold_function")]

    operations = [
        migrations.AddField(
            model_name="document",
            name="number_folded",
            field=models.GeneratedField(db_persist=True, expression=giamsat.plans.models.Fold("number"),
                                        output_field=models.TextField()),
        ),
        migrations.AddField(
            model_name="document",
            name="title_folded",
            field=models.GeneratedField(db_persist=True, expression=giamsat.plans.models.Fold("title"),
                                        output_field=models.TextField()),
        ),
        migrations.AddField(
            model_name="target",
            name="name_folded",
            field=models.GeneratedField(db_persist=True, expression=giamsat.plans.models.Fold("name"),
                                        output_field=models.TextField()),
        ),
        migrations.AddField(
            model_name="task",
            name="name_folded",
            field=models.GeneratedField(db_persist=True, expression=giamsat.plans.models.Fold("name"),
                                        output_field=models.TextField()),
        ),
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes),
    ]
