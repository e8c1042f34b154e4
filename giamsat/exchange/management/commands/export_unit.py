"""`giamsat export_unit phuong-long-binh --period quarterly/2026/1 -o long-binh.json` (or .xlsx)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from giamsat.exchange.export import build_export, dumps
from giamsat.exchange.format import json_schema
from giamsat.exchange.tables import exchange_workbook
from giamsat.exchange.views import parse_period_key
from giamsat.org.models import OrgUnit


class Command(BaseCommand):
    help = "Xuất kế hoạch và báo cáo của một đơn vị theo định dạng trao đổi giamsat (JSON hoặc XLSX)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("unit", nargs="?", help="Mã đơn vị, ví dụ phuong-long-binh")
        parser.add_argument("--schema", action="store_true", help="In JSON Schema của định dạng trao đổi rồi thoát")
        parser.add_argument("--period", help="Kỳ: tần suất/năm/số thứ tự, ví dụ quarterly/2026/1")
        parser.add_argument("-o", "--output", help="Tệp ra (.json hoặc .xlsx); mặc định in JSON ra màn hình")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["schema"]:
            self.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2))
            return
        if not options["unit"]:
            raise CommandError("Cần mã đơn vị.")
        unit = OrgUnit.objects.filter(code=options["unit"]).first()
        if unit is None:
            raise CommandError(f"Không có đơn vị mã '{options['unit']}'.")
        try:
            key = parse_period_key(options["period"]) if options["period"] else None
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        data = build_export(unit, key, exported_by="cli")
        output = options.get("output")
        if not output:
            self.stdout.write(dumps(data).decode("utf-8"))
            return
        path = Path(output)
        path.write_bytes(exchange_workbook(data) if path.suffix.lower() == ".xlsx" else dumps(data))
        self.stderr.write(f"Đã ghi {path}: {len(data['plans'])} kế hoạch, {len(data['reports'])} báo cáo.")
