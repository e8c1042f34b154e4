"""A level or a congress written with a Roman numeral (made-up OCR lines): "muc do IV" is "mức độ IV" (the model had
seen a Roman numeral, '<x>' to the LM, after "mục đó" but never after "mức độ"), "lan thu XV" is "lần thứ XV"."""

from __future__ import annotations

import pytest

from giamsat.ingest.restore import restore_text


@pytest.mark.parametrize(
    ("ocr", "want"),
    [
        ("Muc do IV", "Mức độ IV"),
        ("- Muc do III: nop ho so truc tuyen", "- Mức độ III: nộp hồ sơ trực tuyến"),
        ("cung cap dich vu cong truc tuyen muc do III, muc do IV", "cung cấp dịch vụ công trực tuyến mức độ III, mức độ IV"),
        ("Nghi quyet Dai hoi Dang bo tinh lan thu XV", "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV"),
        ("muc do hoan thanh", "mức độ hoàn thành"),
        ("truy cap Internet", "truy cập Internet"),
    ],
)
def test_roman_degrees(ocr: str, want: str) -> None:
    assert restore_text(ocr) == want
