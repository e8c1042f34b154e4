from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from giamsat.alignment import actions, analysis
from giamsat.alignment.report import plan_report, render_text
from giamsat.plans.models import Document, StandardIndicator


class Command(BaseCommand):
    help = "Đối chiếu chỉ tiêu của một kế hoạch với cấp trên và mức quốc gia; độ bao phủ bởi kế hoạch cấp dưới và nhiệm vụ."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--plan", required=True, help="số, ký hiệu (vd. 74-CTr/TU) hoặc mã số của kế hoạch")
        parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        documents = Document.objects.all()
        document = analysis.find_plan(options["plan"], documents)
        if document is None:
            raise CommandError(f"Không tìm thấy kế hoạch «{options['plan']}».")
        if not StandardIndicator.objects.exists():
            actions.load_indicators("cli")
        for related in {document, *analysis.reference_documents(document, documents)}:
            if not related.targets.filter(indicator_suggestions__isnull=False).exists() and related.targets.exists():
                actions.suggest_mappings("cli", related)
        report = plan_report(document, documents)
        if options["json"]:
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(render_text(report))
