"""Words the restorer must leave as written in OCR text that lost its marks: a heading's Roman numeral and the short
names a plan defines for its units. Made-up lines of an imaginary commune's plan."""

from __future__ import annotations

import pytest

from giamsat.ingest.restore import restore_text


@pytest.mark.parametrize(("ocr", "restored"), [
    ("II. MUC TIEU CU THE", "II. MỤC TIÊU CỤ THỂ"),           # was "I. MỤC TIÊU …"
    ("VII. CHE DO BAO CAO", "VII. CHẾ ĐỘ BÁO CÁO"),            # was "VŨ. CHẾ ĐỘ …"
    ("II. Nhiem vu trong tam", "II. Nhiệm vụ trọng tâm"),
])
def test_a_headings_roman_numeral_stays(ocr: str, restored: str) -> None:
    assert restore_text(ocr) == restored


def test_a_syllable_that_is_no_heading_mark_is_still_read() -> None:
    assert restore_text("xu ly vi pham hanh chinh") == "xử lý vi phạm hành chính"


def test_short_names_the_legend_defines_stay_as_written() -> None:
    text = "\n".join([
        "5 Lap ban do so cac diem du lich | Chu tri: KT; phoi hop: VHXH | Quy III/2027",
        "",
        "Ghi chu: VP - Van phong HDND va UBND xa; KT - Phong Kinh te; VHXH -", "Phong Van hoa - Xa hoi."])
    lines = restore_text(text).split("\n")
    assert "Chủ trì: KT; phối hợp: VHXH" in lines[0]
    assert lines[2] == "Ghi chú: VP - Văn phòng HĐND và UBND xã; KT - Phòng Kinh tế; VHXH -"   # was "KẾT - Phòng …"


def test_a_capitals_word_without_a_vowel_that_no_legend_defines_is_still_read() -> None:
    # OCR read the vowel of a header's word as a consonant
    assert restore_text("UY BAN NHAN DAN TINH PHU THQ") == "ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ"
