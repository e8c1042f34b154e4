"""A task table without ruling lines whose header has two rows: a group cell ('Lộ trình thực hiện') over one column
per year, the years on a line of their own with nothing in the number column; each task's years marked 'x'.
Word positions are made up (as pdfplumber gives them for a text PDF)."""

from __future__ import annotations

from typing import Any

from giamsat.ingest.pipeline import parse_bytes
from giamsat.ingest.readers import borderless_lines

from .shared import pdf_words

COLUMNS = (40.0, 60.0, 290.0, 370.0, 410.0, 450.0)       # TT, task, lead, the three years
HEAD = [["TT", "Nhiệm vụ", "Chủ trì", "Tiến", "", ""], ["", "", "", "độ", "", ""], ["", "", "", "thực", "", ""],
        ["", "", "", "hiện", "", ""], ["", "", "", "2027", "2028", "2029"]]
ROWS = [["1", "Nâng cấp trung tâm dữ liệu của tỉnh", "Sở Khoa học", "x", "", ""],
        ["2", "Triển khai bệnh án điện tử tại các bệnh viện", "Sở Y tế", "x", "x", ""],
        ["3", "Số hóa hồ sơ địa chính các huyện miền núi", "Sở Nông nghiệp", "", "x", "x"]]


def _page() -> list[dict[str, Any]]:
    words = pdf_words("Các nhiệm vụ trọng tâm giai đoạn 2027 - 2029 như sau:", 40, -30, 13)
    for n, line in enumerate(HEAD + ROWS):
        for x0, cell in zip(COLUMNS, line, strict=True):
            words.extend(pdf_words(cell, x0, 14.0 * n))
    return words


def test_years_line_of_the_header_is_a_row_of_its_own() -> None:
    """Was: the years' line, having no number, was read as the rest of the header's cells ('Tiến độ thực hiện
    2027 | 2028 | 2029'), and no column was a year's."""
    lines = borderless_lines(_page())
    assert "| TT | Nhiệm vụ | Chủ trì | Tiến độ thực hiện |  |  |" in lines
    assert "|  |  |  | 2027 | 2028 | 2029 |" in lines
    assert "| 2 | Triển khai bệnh án điện tử tại các bệnh viện | Sở Y tế | x | x |  |" in lines


def test_a_tasks_years_are_its_deadline() -> None:
    text = "\n".join(["KẾ HOẠCH", "Chuyển đổi số ngành y tế", "", *borderless_lines(_page())])
    plan = parse_bytes(text.encode(), "plan.txt")
    assert [(t.no, str(t.deadline.end) if t.deadline else None) for t in plan.tasks] == [
        ("1", "2027-12-31"), ("2", "2028-12-31"), ("3", "2029-12-31")]


def test_a_wrapped_row_under_a_numbered_row_is_still_its_own() -> None:
    """Years in two cells under a numbered row (not the header) are the rest of that row's cells."""
    rows = [["TT", "Nhiệm vụ", "Chủ trì", "Từ", "Đến", "Ghi chú"],
            ["1", "Lập quy hoạch mạng lưới", "Sở Xây dựng", "Quý I/", "Quý", ""],
            ["", "", "", "2027", "2028", ""], ["2", "Đầu tư trạm quan trắc", "Sở Tài nguyên", "2027", "2029", "Vốn"]]
    words = []
    for n, line in enumerate(rows):
        for x0, cell in zip(COLUMNS, line, strict=True):
            words.extend(pdf_words(cell, x0, 14.0 * n))
    lines = borderless_lines(words)
    assert "| 1 | Lập quy hoạch mạng lưới | Sở Xây dựng | Quý I/ 2027 | Quý 2028 |  |" in lines


def test_a_year_under_each_columns_own_title_ends_that_title() -> None:
    """'Ước đạt' over '2025' and 'Kế hoạch' over '2026', each in its own column: the titles wrapped, one header row."""
    rows = [["TT", "Chỉ tiêu", "Đơn vị tính", "Ước đạt", "Kế hoạch", "Mục tiêu"], ["", "", "", "2025", "2026", "2030"],
            ["1", "Hộ gia đình có cáp quang", "%", "72", "80", "95"], ["2", "Xã có điểm phục vụ bưu chính", "xã", "40", "45", "52"]]
    words = []
    for n, line in enumerate(rows):
        for x0, cell in zip((40.0, 60.0, 230.0, 300.0, 350.0, 410.0), line, strict=True):
            words.extend(pdf_words(cell, x0, 14.0 * n))
    lines = borderless_lines(words)
    assert "| TT | Chỉ tiêu | Đơn vị tính | Ước đạt 2025 | Kế hoạch 2026 | Mục tiêu 2030 |" in lines
