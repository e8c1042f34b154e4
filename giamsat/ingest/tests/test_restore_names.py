"""The restorer on OCR text that kept part of its marks and on names: made-up lines.

A word the OCR read in lower case is no name's syllable, so a gram seen only inside names ("… Sơn Nam",
a commune's name) does not outweigh the phrase of the sentence ("… Xuân Sơn năm 2027"); a line that
kept the marks of fewer than half its words is damaged text, not typed text; an item's letter ("b)")
and acronyms ("HĐND") stay as written and do not make a typed line look damaged."""

from __future__ import annotations

import pytest

from giamsat.ingest.restore import restore_text


@pytest.mark.parametrize(("damaged", "expected"), [
    ("tren dia ban xa Xuan Son nam 2027, cac thon", "trên địa bàn xã Xuân Sơn năm 2027, các thôn"),
    ("UY BAN NHAN DAN XA XUAN SON NAM", "ỦY BAN NHÂN DÂN XÃ XUÂN SƠN NAM"),
])
def test_a_lower_case_word_after_a_name_is_read_as_prose(damaged: str, expected: str) -> None:
    assert restore_text(damaged) == expected


@pytest.mark.parametrize(("damaged", "expected"), [
    ("thực hien cac nhiem vu cua tỉnh đến nam 2030", "thực hiện các nhiệm vụ của tỉnh đến năm 2030"),
    ("Ban hành Quy che phoi hop giữa các phòng chuyên mon", "Ban hành Quy chế phối hợp giữa các phòng chuyên môn"),
])
def test_a_line_that_kept_some_of_its_marks_is_restored(damaged: str, expected: str) -> None:
    assert restore_text(damaged) == expected


@pytest.mark.parametrize("line", [
    "b) Văn phòng HĐND và UBND xã tổng hợp, báo cáo kết quả.",
    "đ) Bãi bỏ điểm đ khoản 2 Mục II của Kế hoạch số 15/KH-UBND.",
])
def test_typed_lines_with_item_letters_and_acronyms_pass_through(line: str) -> None:
    assert restore_text(line) == line


@pytest.mark.parametrize(("damaged", "expected"), [
    ("ỦY BAN NHAN DAN XÃ ĐÔNG PHÚ", "ỦY BAN NHÂN DÂN XÃ ĐÔNG PHÚ"),
    ("SỞ CONG THUONG Độc lập - Tự do - Hạnh phúc", "SỞ CÔNG THƯƠNG Độc lập - Tự do - Hạnh phúc"),
])
def test_a_header_that_kept_most_of_its_marks_gets_the_rest(damaged: str, expected: str) -> None:
    assert restore_text(damaged) == expected


@pytest.mark.parametrize("line", ["VI. TỔ CHỨC THỰC HIỆN", "II. MỤC TIÊU VÀ CHỈ TIÊU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
def test_typed_headings_in_capitals_pass_through(line: str) -> None:
    assert restore_text(line) == line


def test_a_bare_word_that_only_marks_make_a_syllable_shows_damage() -> None:
    # most words kept their marks, but "chuyen" and "nguoi" are no syllables without them
    assert restore_text("và chuyen giao công nghệ cho nguoi dân ở các xã") == \
        "và chuyển giao công nghệ cho người dân ở các xã"
