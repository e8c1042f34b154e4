from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from giamsat.ops.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Khôi phục cơ sở dữ liệu và tệp đính kèm từ một bản sao lưu (thay thế dữ liệu hiện có)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="Không hỏi lại")

    def handle(self, *args: Any, **options: Any) -> None:
        archive = Path(options["archive"])
        if not archive.is_file():
            raise CommandError(f"Không tìm thấy {archive}")
        if not options["yes"] and input("Dữ liệu hiện có sẽ bị thay thế. Gõ 'co' để tiếp tục: ").strip() != "co":
            raise CommandError("Đã huỷ.")
        try:
            manifest = restore_backup(archive)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Đã khôi phục bản sao lưu tạo lúc {manifest['created_at']}")
