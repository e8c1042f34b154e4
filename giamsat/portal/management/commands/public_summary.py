"""`giamsat public_summary [--content-version V --day D]`: compute and keep the public home's figures over every published
plan (the portal starts it in a process of its own when they are out of date; see `portal.public_summary`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Tổng hợp số liệu trang công khai (mọi kế hoạch đã công bố) và lưu vào bộ nhớ đệm dùng chung."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--content-version", dest="content_version", default="",
                            help="phiên bản dữ liệu trang (mặc định: hiện tại)")
        parser.add_argument("--day", default="", help="ngày YYYY-MM-DD (mặc định: hôm nay)")

    def handle(self, *args: Any, **options: Any) -> None:
        from giamsat.portal import caching
        from giamsat.portal.public_summary import refresh_summary

        wanted = (options["content_version"] or caching.content_version(), options["day"] or dt.date.today().isoformat())
        summary = refresh_summary(wanted)
        if summary is not None:
            tasks, targets = (f"{summary[k]:,}".replace(",", ".") for k in ("tasks", "targets"))
            self.stdout.write(f"Đã tổng hợp {tasks} nhiệm vụ, {targets} chỉ tiêu.")
