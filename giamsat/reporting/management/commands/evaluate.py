"""`giamsat evaluate --as-of YYYY-MM-DD [--unit CODE] [--json [--no-details]]`: the evaluation from the database."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from giamsat.evaluate.report import text_summary
from giamsat.org.models import OrgUnit
from giamsat.reporting.evaluation import evaluate_scope


def _date(raw: str) -> dt.date:
    try:
        return dt.date.fromisoformat(raw)
    except ValueError as exc:
        raise CommandError(f"Ngày không hợp lệ: “{raw}” (cần dạng YYYY-MM-DD).") from exc


class Command(BaseCommand):
    help = "Đánh giá tình hình thực hiện (nhiệm vụ, chỉ tiêu, cảnh báo, xếp hạng) tại một ngày."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as-of", type=_date, default=None, help="ngày đánh giá, YYYY-MM-DD (mặc định: hôm nay)")
        parser.add_argument("--unit", default=None, help="mã đơn vị (mặc định: toàn bộ)")
        parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
        parser.add_argument("--no-details", action="store_true",
                            help="JSON chỉ gồm số liệu tổng hợp theo đơn vị (không liệt kê từng nhiệm vụ, chỉ tiêu)")

    def handle(self, *args: Any, **options: Any) -> None:
        as_of: dt.date = options["as_of"] or timezone.localdate()
        unit = None
        if options["unit"]:
            unit = OrgUnit.objects.filter(code=options["unit"]).first()
            if unit is None:
                raise CommandError(f"Không có đơn vị mã “{options['unit']}”.")
        ev = evaluate_scope(unit, as_of)
        if options["json"]:
            named = {"unit": {"code": unit.code, "name": unit.name} if unit else None,
                     **ev.to_dict(details=not options["no_details"])}
            self.stdout.write(json.dumps(named, ensure_ascii=False, indent=2))
            return
        names = dict(OrgUnit.objects.values_list("code", "name"))
        self.stdout.write(text_summary(ev, unit.code if unit else None, names) + "\n")
