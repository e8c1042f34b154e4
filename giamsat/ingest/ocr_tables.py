"""Indicator tables that OCR flattened into loose lines (year columns, annex chỉ tiêu rows)."""

from __future__ import annotations

from .agencies import AgencyMatcher
from .model import Target
from .structure import Outline


def ocr_target_rows(outline: Outline, matcher: AgencyMatcher, warnings: list[str]) -> list[Target]:
    return []
