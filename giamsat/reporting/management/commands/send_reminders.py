"""Send reporting reminders (before and after due dates) and escalate overdue recommendations.

Run once a day by the scheduler, for example at 07:00 Vietnam time (cron, server in UTC+7):

    0 7 * * *  cd /srv/giamsat && .venv/bin/giamsat send_reminders >> var/log/reminders.log 2>&1

It is safe to run more than once a day: each reminder is sent once per unit, period and kind.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from giamsat.reporting.reminders import send_reminders


class Command(BaseCommand):
    help = "Gửi email nhắc hạn / quá hạn báo cáo định kỳ và chuyển cấp trên các kiến nghị quá hạn trả lời."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--date", help="Ngày chạy (YYYY-MM-DD); mặc định hôm nay.")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ liệt kê, không gửi và không ghi nhận.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            today = dt.date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        except ValueError as exc:
            raise CommandError(f"Ngày không hợp lệ: {options['date']}") from exc
        run = send_reminders(today, dry_run=options["dry_run"])
        for unit, period, kind in run.sent:
            self.stdout.write(f"{kind:13} {period:24} {unit}")
        for code in sorted(set(run.without_address)):
            self.stdout.write(f"! {code}: không có địa chỉ email nào để nhắc")
        self.stdout.write(f"Đã nhắc {len(run.sent)} lượt; chuyển cấp trên {len(run.escalated)} kiến nghị quá hạn.")
