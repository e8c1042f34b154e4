"""A level's word before a place's capitalised name (made-up OCR lines): "tinh Hoa Lam" is "tỉnh Hòa …", not "tính"
or "tịnh"; the same word before a word in lower case is left to the language model."""

from __future__ import annotations

import pytest

from giamsat.ingest.restore import restore_text


@pytest.mark.parametrize(
    ("ocr", "want"),
    [
        ("nganh Moi truong tinh Hoa Lam", "ngành Môi trường tỉnh Hòa"),
        ("phat trien tinh Hoa Lam", "phát triển tỉnh Hòa"),
        ("tai xa Tan Phu va phuong Long Binh", "tại xã Tân Phú và phường Long Bình"),
        ("tinh toan chi phi", "tính toán chi phí"),
    ],
)
def test_level_before_name(ocr: str, want: str) -> None:
    assert restore_text(ocr).startswith(want)
