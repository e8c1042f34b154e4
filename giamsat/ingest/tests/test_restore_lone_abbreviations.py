"""A word in capitals that is no syllable, alone on its line (a table's cell restored by itself, a cell OCR put on a
line of its own; made-up lines), is an abbreviation: "DTI" stays (it had been read "ĐỦ"); capitals that are a
syllable's letters ("DONG") and the acronyms spelt with Đ ("HDND") are read as before."""

from __future__ import annotations

import pytest

from giamsat.ingest.restore import restore_text


@pytest.mark.parametrize(
    ("ocr", "want"),
    [
        ("DTI", "DTI"),
        ("TTDL", "TTDL"),
        ("2. PAPI", "2. PAPI"),
        ("HDND", "HĐND"),
        ("Chi so DTI cua tinh", "Chỉ số DTI của tỉnh"),
        ("| 1 | DTI | Điểm |", "| 1 | DTI | Điểm |"),
    ],
)
def test_lone_abbreviations(ocr: str, want: str) -> None:
    assert restore_text(ocr) == want
