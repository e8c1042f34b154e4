"""Codes of a number and capitals ("3D", "5G", "4K") or of capitals and a number (a police unit's "C06", "PA05") are
no damaged syllables: a typed line holding one is still typed text, and in OCR text the code stays as written
(made-up lines)."""

from __future__ import annotations

import pytest

from giamsat.ingest.restore import restore_text


@pytest.mark.parametrize(
    "line",
    [
        "Số hóa 3D các di tích lịch sử đã được xếp hạng trên địa bàn xã.",  # "3D" had been read "ở"
        "Xây dựng mô hình 3D và bản đồ số phục vụ quy hoạch đô thị.",
        "Công nghiệp 4.0, truyền hình 4K và mạng 5G",
        "- Bộ Công an (C06) (để báo cáo);",  # "C06" had been read "Cổ"
        "Phòng PA05 chủ trì, phối hợp Công an các xã",
    ],
)
def test_a_typed_line_with_a_code_stays_as_typed(line: str) -> None:
    assert restore_text(line) == line


def test_an_ocr_line_keeps_its_code() -> None:
    assert restore_text("So hoa 3D cac di tich lich su") == "Số hóa 3D các di tích lịch sử"
