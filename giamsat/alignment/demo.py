"""The demo's alignment: the catalogue loaded and every plan's targets given suggestions (never confirmed)."""

from __future__ import annotations

from typing import Any

from giamsat.alignment.actions import load_indicators, suggest_mappings
from giamsat.plans.models import Document


def prepare_alignment(log: Any = print) -> None:
    """Called by `giamsat demo` after the plans are imported."""
    counts = load_indicators("demo")
    log(f"  Danh mục chỉ tiêu chuẩn: {counts['indicators_created']} mới, mục tiêu quốc gia: {counts['targets_created']} mới")
    for document in Document.objects.filter(targets__isnull=False).distinct():
        n = suggest_mappings("demo", document)
        log(f"  Gợi ý ánh xạ {document}: {n}/{document.targets.count()} chỉ tiêu")
