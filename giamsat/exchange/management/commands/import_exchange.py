"""`giamsat import_exchange long-binh.json [--dry-run]`: import a unit's exchange file and print the result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from giamsat.exchange.actions import ExchangeError, import_exchange


class Command(BaseCommand):
    help = "Nhập tệp trao đổi giamsat (JSON) của đơn vị cấp dưới; nhập lại lần nữa không thay đổi gì."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra, không ghi vào cơ sở dữ liệu")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {path}.")
        try:
            result = import_exchange("cli", path.read_bytes(), dry_run=options["dry_run"])
        except ExchangeError as exc:
            raise CommandError(str(exc)) from exc
        for line in result.accepted:
            self.stdout.write(f"  + {line}")
        for line in result.rejected:
            self.stdout.write(f"  ! {line}")
        self.stdout.write(result.summary() + (" (chạy thử, chưa ghi)" if result.dry_run else ""))
        if result.rejected:
            raise CommandError(f"{len(result.rejected)} mục bị từ chối.")
