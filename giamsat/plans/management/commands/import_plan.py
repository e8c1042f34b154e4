from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from giamsat.org.models import OrgUnit
from giamsat.plans.actions import PlanError
from giamsat.plans.importing import import_file


class Command(BaseCommand):
    help = "Đọc một văn bản kế hoạch (văn bản, PDF, ảnh quét, DOCX) và lưu thành bản nháp để rà soát."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("path")
        parser.add_argument("--unit", required=True, help="Mã đơn vị chịu trách nhiệm (vd: dong-nai)")
        parser.add_argument("--demo", action="store_true", help="Đánh dấu là dữ liệu mẫu")

    def handle(self, *args: Any, **options: Any) -> None:
        unit = OrgUnit.objects.filter(code=options["unit"]).first()
        if unit is None:
            raise CommandError(f"Không có đơn vị mã '{options['unit']}'. Dùng 'giamsat load_units' trước.")
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {path}")
        try:
            run = import_file(None, path.read_bytes(), path.name, unit, is_demo=options["demo"], progress_bar=True)
        except PlanError as exc:
            raise CommandError(str(exc)) from exc
        if run.state != run.State.SUCCEEDED or run.document is None:
            raise CommandError(f"Nhập không thành công: {run.error}")
        doc = run.document
        self.stdout.write(
            f"Đã nhập {doc} (bản nháp #{doc.pk}): {doc.targets.count()} chỉ tiêu, {doc.tasks.count()} nhiệm vụ, "
            f"{len(run.warnings)} cảnh báo."
        )
