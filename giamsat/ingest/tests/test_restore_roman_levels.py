"""A level written with a Roman numeral after "cấp" (made-up OCR lines): "cap II" is "cấp II", not "cập II" (the
model had seen "<x>" only after "truy cập"), while "truy cập", "cập nhật" and "Quý II" stay as they were."""

from __future__ import annotations

import pytest

from giamsat.ingest.restore import restore_text


@pytest.mark.parametrize(
    ("ocr", "want"),
    [
        ("cac truong cap II, cap III tren dia ban", "các trường cấp II, cấp III trên địa bàn"),
        ("hoc sinh cap II", "học sinh cấp II"),
        ("hoan thanh trong Quy II/2026", "hoàn thành trong Quý II/2026"),
        ("truy cap Internet", "truy cập Internet"),
        ("cap nhat du lieu dan cu", "cập nhật dữ liệu dân cư"),
    ],
)
def test_roman_levels(ocr: str, want: str) -> None:
    assert restore_text(ocr) == want
