"""Background jobs (huey): reading a document can take minutes when it needs OCR."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from huey.contrib.djhuey import db_task

from giamsat.plans.importing import execute_run
from giamsat.plans.models import ImportRun


@db_task()
def read_document(run_id: int, user_id: int | None) -> None:
    run = ImportRun.objects.get(pk=run_id)
    actor = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    execute_run(run, actor)
