"""A commune's task table without ruling lines, over two pages: its rows name the lead and partners in one cell
('Chủ trì: CA xã; phối hợp: Đoàn TN'), the second page opens with the plan's number and title in small type (a
running header) and the header's first row repeated. Word positions made up (as pdfplumber gives them)."""

from __future__ import annotations

from typing import Any

from giamsat.ingest.readers import _full_headers, borderless_lines

from .shared import pdf_words

COLUMNS = (40.0, 62.0, 250.0, 380.0)
HEAD = ("STT", ["Nội dung nhiệm vụ"], ["Chủ trì/Phối hợp"], "Thời hạn")


def _table(rows: list[tuple[str, list[str], list[str], str]], top: float) -> tuple[list[dict[str, Any]], float]:
    words: list[dict[str, Any]] = []
    for label, names, leads, deadline in rows:
        for n in range(max(len(names), len(leads))):
            cells = [(COLUMNS[1], names[n] if n < len(names) else ""), (COLUMNS[2], leads[n] if n < len(leads) else "")]
            if n == 0:
                cells = [(COLUMNS[0], label), *cells, (COLUMNS[3], deadline)]
            words.extend(w for x0, text in cells for w in pdf_words(text, x0, top))
            top += 14
        top += 4
    return words, top


def test_a_row_naming_its_lead_and_partners_is_no_new_header() -> None:
    """Was: a row whose cell reads 'Chủ trì: …; phối hợp: …' (two of a header's words) was taken for the header of
    another table, and the table ended above it: the page's last row was read as prose."""
    rows = [HEAD,
            ("1", ["Kiện toàn Tổ công nghệ số cộng đồng"], ["Chủ trì: VP; phối", "hợp: VHXH"], "Tháng 3/2027"),
            ("2", ["Rà soát thủ tục hành chính tại", "Trung tâm"], ["Chủ trì: TTPVHCC"], "Quý II/2027"),
            ("3", ["Làm sạch dữ liệu dân cư, hướng", "dẫn người dân kích hoạt tài", "khoản định danh"],
             ["Chủ trì: CAX; phối hợp: ĐTN"], "Hằng tháng")]
    words, _ = _table(rows, 0.0)
    lines = borderless_lines(words)
    assert "| 3 | Làm sạch dữ liệu dân cư, hướng dẫn người dân kích hoạt tài khoản định danh | " \
           "Chủ trì: CAX; phối hợp: ĐTN | Hằng tháng |" in lines


def test_a_running_header_in_small_type_is_no_part_of_a_row() -> None:
    """Was: the page's first line (the plan's number and title in 8 pt), above the rest of a row the page before
    began, was read as a row of the table, its words parted among the columns."""
    words = pdf_words("Kế hoạch số 31/KH-UBND – Chuyển đổi số trên địa bàn xã Tân Phú năm 2027", 120, -30, 8)
    words += pdf_words("cho đoàn viên", COLUMNS[1], 0)          # the rest of row 4 of the page before
    rows = [("5", ["Số hóa hồ sơ hộ tịch của xã"], ["Chủ trì: TP"], "Quý III/2027"),
            ("6", ["Tuyên truyền trên hệ thống truyền thanh"], ["Chủ trì: VHXH"], "Thường xuyên"),
            ("7", ["Sơ kết việc thực hiện Kế hoạch"], ["Chủ trì: VP"], "Tháng 11/2027")]
    table, _ = _table(rows, 18.0)
    lines = borderless_lines(words + table)
    assert lines[0] == "Kế hoạch số 31/KH-UBND – Chuyển đổi số trên địa bàn xã Tân Phú năm 2027"
    assert "|  | cho đoàn viên |  |  |" in lines
    assert "| 5 | Số hóa hồ sơ hộ tịch của xã | Chủ trì: TP | Quý III/2027 |" in lines


def test_a_header_repeated_by_its_first_row_only_is_the_full_header() -> None:
    """The header's two rows read on the first page ('Thời gian' over 'Bắt đầu | Kết thúc'), its first row only
    on the next: the columns are the first page's."""
    lines = ["| TT | Nhiệm vụ | Thời gian Bắt đầu | Kết thúc | Sản phẩm |",
             "| 1 | Lập đề án đô thị thông minh | Tháng 1/2027 | Tháng 9/2027 | Đề án |",
             "Trang 1/2",
             "| TT | Nhiệm vụ | Thời gian |  | Sản phẩm |",
             "| 2 | Lắp đặt camera giám sát giao thông | Quý II/2027 | Quý IV/2027 | Hệ thống camera |",
             "| TT | Nội dung | Đơn vị | Thời gian | Ghi chú |"]
    assert _full_headers(lines) == [*lines[:3], lines[0], *lines[4:]]


def test_the_tables_note_under_its_last_row_ends_the_table() -> None:
    """'Ghi chú:' under the last row, set from the body's margin (inside the name column): the note that spells the
    abbreviations out, not the rest of the last row's name. Was: the note was read into the last row."""
    rows = [HEAD,
            ("1", ["Cập nhật dữ liệu dân cư"], ["Chủ trì: CAX"], "Hằng tháng"),
            ("2", ["Tập huấn kỹ năng số"], ["Chủ trì: VHXH"], "Quý II/2027")]
    words, top = _table(rows, 0.0)
    words += pdf_words("Ghi chú: CAX - Công an xã.", 66, top)
    lines = borderless_lines(words)
    assert "| 2 | Tập huấn kỹ năng số | Chủ trì: VHXH | Quý II/2027 |" in lines
    assert "Ghi chú: CAX - Công an xã." in lines


def test_a_repeated_header_misparted_by_a_scan_is_the_full_header() -> None:
    """A scan's narrow gutter joins 'STT' and 'Nội dung' in the header repeated on the next page: same words."""
    lines = ["| STT: | Nội dung nhiệm vụ | Chủ trì | Thời hạn |",
             "| 1 | Lập đề án chuyển đổi số | Chủ trì: VP | Quý I/2027 |",
             "| STT Nội dung nhiệm vụ |  | Chủ trì | Thời hạn |",
             "| 2 | Số hóa hồ sơ hộ tịch | Chủ trì: TP | Quý II/2027 |"]
    assert _full_headers(lines) == [lines[0], lines[1], lines[0], lines[3]]
