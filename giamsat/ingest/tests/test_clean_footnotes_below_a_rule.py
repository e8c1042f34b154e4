"""A word-processed plan whose page ends with footnotes below a rule ('_______________' / '¹ Nghị quyết số …'): the
notes run into no item above, and a note whose mark the title or the grounds cite names a parent. Made-up text."""

from __future__ import annotations

from giamsat.ingest.clean import clean_lines
from giamsat.ingest.pipeline import parse_bytes

PLAN = """ỦY BAN NHÂN DÂN
TỈNH BÌNH LÂM

Số: 08/KH-UBND                             Bình Lâm, ngày 10 tháng 01 năm 2026

KẾ HOẠCH
Phát triển hạ tầng số năm 2026 thực hiện Nghị quyết số 57-NQ/TW¹

Thực hiện kế hoạch đầu tư công trung hạn đã được Hội đồng nhân dân tỉnh thông qua², Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:

I. MỤC TIÊU
1. Đến hết năm 2026: 100% xã, phường được kết nối mạng truyền số liệu chuyên dùng.
_______________
¹ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ.
² Nghị quyết số 12/2025/NQ-HĐND ngày 15/7/2025 của Hội đồng nhân dân tỉnh về kế hoạch đầu tư công
trung hạn giai đoạn 2026 - 2030.

II. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính chủ trì bố trí vốn thực hiện Kế hoạch.
2. Sở Khoa học và Công nghệ hướng dẫn, thẩm định các dự án công nghệ thông tin.
"""


def test_the_notes_are_dropped_and_handed_back() -> None:
    cleaned = clean_lines(PLAN.split("\n"))
    assert not any(x.startswith(("¹", "²", "_")) or x.startswith("trung hạn") for x in cleaned.lines)
    assert [n[:1] for n in cleaned.notes] == ["¹", "²"]
    assert cleaned.notes[1].endswith("giai đoạn 2026 - 2030.")


def test_a_parent_named_only_in_a_cited_note_and_a_title_without_its_mark() -> None:
    j = parse_bytes(PLAN.encode(), "plan.txt").to_json()
    assert j["document"]["parents"] == ["57-NQ/TW", "12/2025/NQ-HĐND"]
    assert j["document"]["title"] == "Kế hoạch Phát triển hạ tầng số năm 2026 thực hiện Nghị quyết số 57-NQ/TW"
    # the note's "giai đoạn 2026 - 2030" is no part of the target above it
    assert [(t["value"], t["year"]) for t in j["targets"]] == [("100", 2026)]
    assert len(j["assignments"]) == 2


def test_a_note_nobody_cites_names_no_parent() -> None:
    text = PLAN.replace("thông qua²,", "thông qua,")
    j = parse_bytes(text.encode(), "plan.txt").to_json()
    assert j["document"]["parents"] == ["57-NQ/TW"]


def test_a_rule_with_no_note_below_is_left_alone() -> None:
    lines = ["I. MỤC TIÊU", "_______________", "1. Đến hết năm 2026: 100% xã có Tổ công nghệ số cộng đồng."]
    assert clean_lines(lines).lines == lines


# the same page as Tesseract reads it: no rule, each superscript a figure glued to the word it marks
OCR_PAGE = """ỦY BAN NHÂN DÂN
TỈNH BÌNH LÂM

Số: 08/KH-UBND Bình Lâm, ngày 10 tháng 01 năm 2026
KẾ HOẠCH

Phát triển hạ tầng số năm 2026

Thực hiện kế hoạch đầu tư công trung hạn đã được Hội đồng nhân dân tỉnh thông
qua2, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:

I. MỤC TIÊU

1. Đến hết năm 2026: 100% xã, phường được kết nối mạng truyền số liệu chuyên dùng.

2 Nghị quyết số 12/2025/NQ-HĐND ngày 15/7/2025 của Hội đồng nhân dân tỉnh về kế hoạch
đầu tư công trung hạn giai đoạn 2026 - 2030.

II. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính chủ trì bố trí vốn thực hiện Kế hoạch.
"""


def test_ocr_text_a_note_marked_by_a_figure_glued_to_the_word_it_notes() -> None:
    j = parse_bytes(OCR_PAGE.encode(), "plan.txt").to_json()
    assert j["document"]["parents"] == ["12/2025/NQ-HĐND"]
    assert [(t["value"], t["year"]) for t in j["targets"]] == [("100", 2026)]
