"""Background jobs (huey): the daily reminder run, for deployments that run the huey consumer;
the recomputation of kept dashboard figures after an approval, a return or a reopening.

Deployments without a consumer run the same thing from cron (`giamsat send_reminders`, see
`giamsat/reporting/management/commands/send_reminders.py`); both are safe together because each
reminder is recorded once.
"""

from __future__ import annotations

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from giamsat.reporting.reminders import send_reminders


@db_periodic_task(crontab(hour="0", minute="0"))  # huey schedules in UTC: 07:00 in Vietnam
def daily_reminders() -> None:
    send_reminders(timezone.localdate())


@db_task()
def refresh_kept_figures(submission_id: int) -> int:
    from giamsat.reporting.evaluation import refresh_after_change

    return refresh_after_change(submission_id)
