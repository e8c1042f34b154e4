"""Reminders before and after a report's due date, and escalation of overdue recommendations.

Run once a day by `giamsat send_reminders` (see the command for the cron line), which first opens
the periods each published plan has reached (so new periods appear without anyone asking). Each reminder is
sent at most once per unit, period and kind (`ReminderLog`), so running the command twice, or
after a missed day, never sends a duplicate.

- `due_soon`: from `BEFORE_DAYS` days before the due date, to the unit's reporters and approver.
- `overdue`: the day after the due date onwards, to the same people.
- `overdue_week`: a week after the due date, also to the standing agency over the unit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from giamsat.plans.models import Document, DocumentStatus
from giamsat.reporting import actions, schedule
from giamsat.reporting.models import ReminderLog, ReportingPeriod, Submission

BEFORE_DAYS = 3
WEEK = 7
LOOK_BACK_DAYS = 60


@dataclass
class ReminderRun:
    sent: list[tuple[str, str, str]] = field(default_factory=list)  # (unit code, period label, kind)
    without_address: list[str] = field(default_factory=list)
    escalated: list[int] = field(default_factory=list)
    opened: int = 0


def _kinds_due(period: ReportingPeriod, today: dt.date) -> list[str]:
    days = (period.due_date - today).days
    kinds = []
    if 0 <= days <= BEFORE_DAYS:
        kinds.append("due_soon")
    if days < 0:
        kinds.append("overdue")
    if days <= -WEEK:
        kinds.append("overdue_week")
    return kinds


def send_reminders(today: dt.date, *, dry_run: bool = False) -> ReminderRun:
    """Open the periods every published plan has reached, remind units not yet in, escalate recommendations."""
    run = ReminderRun()
    if not dry_run:
        for document in Document.objects.filter(status=DocumentStatus.PUBLISHED):
            run.opened += len(actions.open_periods(document, today))
    periods = (ReportingPeriod.objects.select_related("document")
               .filter(due_date__gte=today - dt.timedelta(days=LOOK_BACK_DAYS), due_date__lte=today + dt.timedelta(days=BEFORE_DAYS),
                       document__status="published"))
    for period in periods:
        done = set(Submission.objects.filter(period=period, submitted_at__isnull=False).values_list("unit_id", flat=True))
        for unit in schedule.obliged_units(period.document):
            if unit.pk in done:
                continue
            for kind in _kinds_due(period, today):
                if not ReminderLog.objects.filter(period=period, unit=unit, kind=kind).exists():
                    _remind(period, unit, kind, today, run, dry_run)
    if not dry_run:
        run.escalated = [r.pk for r in actions.escalate_overdue(today)]
    return run


def _remind(period: ReportingPeriod, unit: Any, kind: str, today: dt.date, run: ReminderRun, dry_run: bool) -> None:
    people = actions.unit_staff(unit)
    if kind == "overdue_week":
        people += actions.reviewers_of(unit)
    emails = sorted({p.email for p in people if p.email})
    if not emails:
        run.without_address.append(unit.code)
    if dry_run:
        run.sent.append((unit.code, period.label, kind))
        return
    try:
        with transaction.atomic():
            ReminderLog.objects.create(period=period, unit=unit, kind=kind, sent_on=today, recipients=emails)
    except IntegrityError:  # another run got there first
        return
    if emails:
        subject, body = _message(period, unit, kind, today)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, emails)
    run.sent.append((unit.code, period.label, kind))


def _message(period: ReportingPeriod, unit: Any, kind: str, today: dt.date) -> tuple[str, str]:
    due = period.due_date.strftime("%d/%m/%Y")
    what = f"báo cáo {period.label} ({period.document}) của {unit.name}"
    if kind == "due_soon":
        left = (period.due_date - today).days
        when = "hôm nay" if left == 0 else f"còn {left} ngày"
        return (f"[giamsat] Nhắc hạn: {what} — hạn {due}",
                f"Hạn gửi {what} là ngày {due} ({when}). Số liệu tính từ {period.start:%d/%m/%Y} đến {period.end:%d/%m/%Y}.")
    late = (today - period.due_date).days
    return (f"[giamsat] Quá hạn {late} ngày: {what}",
            f"Đến ngày {today:%d/%m/%Y}, {what} chưa được gửi; hạn là ngày {due} (quá {late} ngày). "
            "Đề nghị đơn vị hoàn thành và gửi báo cáo ngay.")
