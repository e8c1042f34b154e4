"""Plans of a port or transport enterprise (made-up OCR lines): "cang bien" is "cảng biển" (the model had no "cảng",
and kept "cang", a syllable of its own), while "ngày càng" stays."""

from __future__ import annotations

import pytest

from giamsat.ingest.restore import restore_text


@pytest.mark.parametrize(
    ("ocr", "want"),
    [
        ("TONG CONG TY CANG BIEN BAC HAI", "TỔNG CÔNG TY CẢNG BIỂN BẮC HẢI"),
        ("he thong quan ly khai thac cang", "hệ thống quản lý khai thác cảng"),
        ("phat trien cang hang khong", "phát triển cảng hàng không"),
        ("ngay cang phat trien", "ngày càng phát triển"),
    ],
)
def test_port_words(ocr: str, want: str) -> None:
    assert restore_text(ocr) == want
