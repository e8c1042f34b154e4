from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from giamsat.assessment.sample import load_sample_criteria


class Command(BaseCommand):
    help = "Nạp bộ tiêu chí mẫu (chạy nhiều lần không tạo bản trùng)."

    def handle(self, *args: Any, **options: Any) -> None:
        criteria_set = load_sample_criteria()
        self.stdout.write(f"{criteria_set.name}: {criteria_set.criteria.count()} tiêu chí. {criteria_set.note}")
