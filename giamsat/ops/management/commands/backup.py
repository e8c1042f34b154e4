from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from giamsat.ops.backup import BackupError, make_backup


class Command(BaseCommand):
    help = "Sao lưu nhất quán cơ sở dữ liệu (SQLite online backup hoặc pg_dump) kèm tệp đính kèm."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--output", help="Đường dẫn tệp .tar.gz (mặc định var/backups/…)")

    def handle(self, *args: Any, **options: Any) -> None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
        target = Path(options["output"] or Path(settings.VAR_DIR) / "backups" / f"giamsat-{stamp}.tar.gz")
        try:
            path = make_backup(target)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Đã sao lưu vào {path}")
