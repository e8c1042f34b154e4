"""`giamsat rebuild_facts [--unit CODE]`: rebuild the pre-aggregated task histories (`TaskHistory`).

They are derived from the approved task reports and kept up to date by the approval actions; the
evaluation also rebuilds a unit's rows on its own when they no longer match the unit's approved
submissions. Run this after writing reports by other means (bulk loads, restores) to pay the
rebuild once, up front, instead of on the first dashboard.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from giamsat.org.models import OrgUnit
from giamsat.reporting.evaluation import refresh_facts


class Command(BaseCommand):
    help = "Dựng lại dữ liệu tổng hợp lịch sử báo cáo nhiệm vụ (dùng cho đánh giá nhanh)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--unit", default=None, help="mã đơn vị (mặc định: mọi đơn vị)")

    def handle(self, *args: Any, **options: Any) -> None:
        units = None
        if options["unit"]:
            unit = OrgUnit.objects.filter(code=options["unit"]).first()
            if unit is None:
                raise CommandError(f"Không có đơn vị mã “{options['unit']}”.")
            units = {unit.pk}
        started = time.perf_counter()
        tasks = refresh_facts(units)
        self.stdout.write(f"Đã dựng lại lịch sử báo cáo của {tasks:,} nhiệm vụ trong "
                          f"{time.perf_counter() - started:.1f} giây.".replace(",", "."))
