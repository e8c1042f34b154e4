"""The restorer's cache of a document's names: a capitalised word that opens a line, a sentence or a table's cell is
capitalised by its place, so its spelling says nothing of the same letters before another word (made-up OCR lines)."""

from __future__ import annotations

from giamsat.ingest.restore import restore_text

# "Chỉ tiêu" opens rows of an indicator table with its marks; the branch is named in lines OCR stripped of them
BRANCH = """\
KE HOACH
Chuyen doi so hoat dong cua Chi nhanh Ngan hang giai doan 2026 - 2028

| TT | Chỉ tiêu | Năm 2026 | Năm 2027 |
| 1 | Chỉ tiêu giao dịch trực tuyến | 80% | 90% |
Căn cứ Quyết định số 15/QĐ-NHNN của Thống đốc;
Can cu Ke hoach so 45/KH-NH cua Ngan hang;
"""


def test_a_word_opening_rows_lends_its_spelling_to_no_other_word() -> None:
    lines = restore_text(BRANCH).split("\n")
    assert lines[1] == "Chuyển đổi số hoạt động của Chi nhánh Ngân hàng giai đoạn 2026 - 2028"  # was "Chỉ nhánh"


def test_a_line_opening_word_keeps_its_spelling_before_the_same_word() -> None:
    lines = restore_text(BRANCH).split("\n")
    assert lines[6].startswith("Căn cứ Kế hoạch số 45/KH-NH")
