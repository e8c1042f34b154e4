"""A heading in capitals where OCR read one capital's marked letter as a small glyph ("VỤ" read "Vy", "CỨ" read
"Cir"): the word is restored in capitals like its neighbours; a capitalised word beside an abbreviation or a name
keeps its own case (made-up OCR lines)."""

from __future__ import annotations

from giamsat.ingest.restore import restore_text


def test_word_among_capitals_is_restored_in_capitals() -> None:
    assert restore_text("II. NHIEM Vy VA GIAI PHAP") == "II. NHIỆM VỤ VÀ GIẢI PHÁP"


def test_last_word_of_a_heading_in_capitals() -> None:
    assert restore_text("III. NHIEM Vy") == "III. NHIỆM VỤ"


def test_capitalised_word_beside_a_name_keeps_its_case() -> None:
    out = restore_text("Thuc hien tai xa Tan Phu nam 2026")
    assert "Tân Phú" in out
