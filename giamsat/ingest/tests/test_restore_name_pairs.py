"""A place's name the OCR text spells with its marks once ("tỉnh Đồng Giang" in the grounds) and without them in
the header ("TINH DONG GIANG") is read the text's way before the same next word, even where the model knows another
place of those letters better (made-up OCR text of a province's plan)."""

from __future__ import annotations

from giamsat.ingest.restore import restore_text

PLAN = """\
UY BAN NHAN DAN
TINH DONG GIANG

So: 12/KH-UBND                    Dong Giang, ngay 15 thang 01 nam 2026

KE HOACH
Chuyen doi so nam 2026

Thuc hien Nghi quyet cua Tinh uy Đồng Giang ve chuyen doi so, UBND tinh ban hanh Ke hoach nhu sau:
"""


def test_header_takes_the_texts_spelling_of_the_name() -> None:
    lines = restore_text(PLAN).split("\n")
    assert lines[1] == "TỈNH ĐỒNG GIANG"
    assert lines[3].strip().startswith("Số: 12/KH-UBND")
    assert "Đồng Giang, ngày 15" in lines[3]
