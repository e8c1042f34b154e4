"""`giamsat evaluate --as-of YYYY-MM-DD [--unit CODE] [--json]`: the evaluation from the database."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from giamsat.domain.states import TARGET_STATUS_LABELS, TASK_STATUS_LABELS, TargetStatus, TaskStatus
from giamsat.evaluate.model import Evaluation
from giamsat.org.models import OrgUnit
from giamsat.reporting.evaluation import WARNING_KIND_LABELS, evaluate_scope


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

    def handle(self, *args: Any, **options: Any) -> None:
        as_of: dt.date = options["as_of"] or timezone.localdate()
        unit = None
        if options["unit"]:
            unit = OrgUnit.objects.filter(code=options["unit"]).first()
            if unit is None:
                raise CommandError(f"Không có đơn vị mã “{options['unit']}”.")
        ev = evaluate_scope(unit, as_of)
        if options["json"]:
            named = {"unit": {"code": unit.code, "name": unit.name} if unit else None, **ev.to_dict()}
            self.stdout.write(json.dumps(named, ensure_ascii=False, indent=2))
            return
        self.stdout.write(summary(ev, unit))


def summary(ev: Evaluation, unit: OrgUnit | None) -> str:
    """A short report in Vietnamese: counts by status, score, warnings and data issues."""
    name = unit.name if unit else "Toàn bộ đơn vị"
    lines = [f"Đánh giá: {name} — tại ngày {ev.as_of:%d/%m/%Y}", ""]
    tasks = Counter(r.status for r in ev.tasks.values())
    lines.append(f"Nhiệm vụ: {len(ev.tasks)}")
    lines.extend(f"  {TASK_STATUS_LABELS[s]}: {tasks[s]}" for s in TaskStatus if tasks[s])
    targets = Counter(r.status for r in ev.targets.values())
    lines.append(f"Chỉ tiêu: {len(ev.targets)}")
    lines.extend(f"  {TARGET_STATUS_LABELS[s]}: {targets[s]}" for s in TargetStatus if targets[s])
    card = ev.scorecards.get(ev.scope_unit_id) if ev.scope_unit_id else None
    if card is not None:
        lines.append(f"Điểm tổng hợp: {card.score:.1f}/100 — xếp loại {card.band}".replace(".", ",", 1))
    warnings = Counter(w.kind for w in ev.warnings)
    lines.append(f"Cảnh báo sớm: {len(ev.warnings)}")
    lines.extend(f"  {label}: {warnings[kind]}" for kind, label in WARNING_KIND_LABELS.items() if warnings[kind])
    lines.append(f"Vấn đề dữ liệu cần rà soát: {len(ev.issues)}")
    return "\n".join(lines) + "\n"
