"""`giamsat evaluate --as-of YYYY-MM-DD [--unit CODE] [--json [--no-details]] [--workers N]`: the evaluation
from the database. ``--workers N`` judges the provinces in N processes (`giamsat.evaluate.parallel`; same
result, not cached)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from giamsat.evaluate import engine
from giamsat.evaluate.model import Evaluation
from giamsat.evaluate.report import text_summary
from giamsat.org.models import OrgUnit
from giamsat.reporting.evaluation import Scope, UnitTree, evaluate_scope, load_dataset, scope_of


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
        parser.add_argument("--workers", type=int, default=1,
                            help="số tiến trình đánh giá song song theo tỉnh (mặc định 1: tuần tự)")

    def handle(self, *args: Any, **options: Any) -> None:
        as_of: dt.date = options["as_of"] or timezone.localdate()
        unit = None
        if options["unit"]:
            unit = OrgUnit.objects.filter(code=options["unit"]).first()
            if unit is None:
                raise CommandError(f"Không có đơn vị mã “{options['unit']}”.")
        workers: int = options["workers"]
        if workers < 1:
            raise CommandError("Số tiến trình (--workers) phải từ 1 trở lên.")
        ev = evaluate_scope(unit, as_of) if workers == 1 else _evaluate_in_processes(unit, as_of, workers)
        if options["json"]:
            named = {"unit": {"code": unit.code, "name": unit.name} if unit else None,
                     **ev.to_dict(details=not options["no_details"])}
            self.stdout.write(json.dumps(named, ensure_ascii=False, indent=2))
            return
        names = dict(OrgUnit.objects.values_list("code", "name"))
        self.stdout.write(text_summary(ev, unit.code if unit else None, names) + "\n")


def _evaluate_in_processes(unit: OrgUnit | None, as_of: dt.date, workers: int) -> Evaluation:
    """What `evaluate_scope` computes (same facts, same engine), judged in `workers` processes."""
    tree = UnitTree()
    root = unit.code if unit else None
    dataset, _meta = load_dataset(Scope(scope_of(unit, tree)), as_of, tree, keep=root)
    return engine.evaluate(dataset, as_of, root, workers=workers)
