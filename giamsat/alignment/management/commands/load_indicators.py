from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from giamsat.alignment.actions import load_indicators


class Command(BaseCommand):
    help = "Nạp (hoặc cập nhật) danh mục chỉ tiêu chuẩn và mục tiêu quốc gia. Chạy lại nhiều lần không thay đổi gì thêm."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = load_indicators("cli")
        self.stdout.write(
            f"Chỉ tiêu chuẩn: {counts['indicators_created']} mới, {counts['indicators_updated']} cập nhật; "
            f"mục tiêu quốc gia: {counts['targets_created']} mới, {counts['targets_updated']} cập nhật."
        )
