"""A table set without rules that runs on over the next page without its header (a word processor's table whose
header row is not set to repeat): the page may end in the header and a group's title alone, and the next page may
hold one row, or rows too few to part a column of sparse marks ('x' under a quarter). The header's line names every
column; the next page's rows stand in the columns of the table the page before ended in; the page's number and
running header between the two parts are left out, so that the table reads as one. Text PDFs drawn with fpdf2, and
made-up word positions (as pdfplumber gives them)."""

from __future__ import annotations

from typing import Any

import pytest

from giamsat.ingest.pipeline import parse_bytes
from giamsat.ingest.readers import borderless_lines, read_bytes

from .shared import pdf_words


def _plan_pdf(rows: list[tuple[str, ...]], widths: tuple[float, ...], room: float) -> bytes:
    """A commune's plan whose task table (no rules, header on its first page only) starts `room` mm above the
    foot's margin; a running header (the plan's number and title, small) on every page but the first, the page's
    number at its foot. A row of two cells is a group's title across the row."""
    from fpdf import FPDF

    from giamsat.ingest.samples import build

    class Doc(FPDF):
        def header(self) -> None:
            if self.page_no() > 1:
                self.set_font("DejaVu", size=7)
                self.cell(0, 5, "Kế hoạch số 14/KH-UBND – Chuyển đổi số của xã Tân Lập năm 2027", align="C",
                          new_x="LMARGIN", new_y="NEXT")
                self.set_font("DejaVu", size=9)

        def footer(self) -> None:
            self.set_y(-14)
            self.set_font("DejaVu", size=8)
            self.cell(0, 5, f"Trang {self.page_no()}/{{nb}}", align="C")
            self.set_font("DejaVu", size=9)

    pdf = Doc(format="A4")
    pdf.add_font("DejaVu", "", build.FONT)
    pdf.add_font("DejaVu", "B", build.FONT_BOLD)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("DejaVu", size=11)
    pdf.multi_cell(0, 6, "ỦY BAN NHÂN DÂN XÃ TÂN LẬP\nKẾ HOẠCH\nChuyển đổi số của xã Tân Lập năm 2027\n"
                         "I. NHIỆM VỤ VÀ PHÂN CÔNG")
    pdf.set_y(pdf.h - 20 - room)
    pdf.set_font("DejaVu", size=9)
    with pdf.table(col_widths=widths, repeat_headings=0, borders_layout="NONE", text_align="LEFT",
                   v_align="TOP", line_height=5, padding=(1, 1.2)) as table:
        for row in rows:
            r = table.row()
            if len(row) == 2:
                r.cell(row[0])
                r.cell(row[1], colspan=len(widths) - 1)
                continue
            for cell in row:
                r.cell(cell)
    assert pdf.page_no() == 2
    return bytes(pdf.output())


def test_a_page_ending_in_the_header_and_a_groups_title() -> None:
    """Was: the header's words, with only a group's title under them, were parted into three columns of five (a
    column's edge needed words right of it on two lines), so the next page's rows had no header to stand under;
    and the page's number and running header between the parts ended the table at the group's title: no task but
    the title's."""
    rows = [("TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"),
            ("1", "Chính quyền số"),
            ("a)", "Số hóa hồ sơ hộ tịch của xã", "Công an xã", "Văn phòng", "Quý I/2027"),
            ("b)", "Lắp đặt màn hình tra cứu thủ tục", "Văn phòng", "Công an xã", "Quý II/2027"),
            ("2", "Kinh tế số"),
            ("a)", "Hướng dẫn hộ kinh doanh bán hàng trực tuyến", "Phòng Kinh tế", "Hội Nông dân", "Quý III/2027")]
    data = _plan_pdf(rows, (12, 78, 35, 35, 30), 17)
    lines = read_bytes(data).lines
    assert lines.count("| TT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn |") == 2
    assert not any(x.startswith(("Trang 1", "Kế hoạch số 14")) for x in lines)
    tasks = parse_bytes(data, "plan.pdf").to_json()["tasks"]
    assert [(t["name"], t["lead"]) for t in tasks] == [
        ("Số hóa hồ sơ hộ tịch của xã", "Công an xã"), ("Lắp đặt màn hình tra cứu thủ tục", "Văn phòng"),
        ("Hướng dẫn hộ kinh doanh bán hàng trực tuyến", "Phòng Kinh tế")]


@pytest.mark.parametrize("room", [40, 32])
def test_rows_with_sparse_marks_on_the_next_page(room: float) -> None:
    """Was: the row alone on the next page (room 40) was no table (a table needs two rows to find its columns), and
    three rows marked 'x' in the last quarters (room 32) ran the quarter columns together: their tasks were lost."""
    head = ("TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Quý I", "Quý II", "Quý III", "Quý IV")
    names = ["Số hóa hồ sơ hộ tịch của xã", "Lắp đặt màn hình tra cứu thủ tục", "Tập huấn kỹ năng số cho cán bộ",
             "Hướng dẫn hộ kinh doanh bán hàng trực tuyến"]
    rows: list[tuple[str, ...]] = [head]
    for n, name in enumerate(names):
        rows.append((str(n + 1), name, "Công an xã" if n % 2 else "Văn phòng",
                     *("x" if q in (n, n + 1) else "" for q in range(4))))
    rows.append(("5", "Sơ kết việc thực hiện Kế hoạch", "Văn phòng", "", "", "", "x"))
    data = _plan_pdf(rows, (12, 80, 40, 14, 14, 14, 14), room)
    lines = read_bytes(data).lines
    assert "| 5 | Sơ kết việc thực hiện Kế hoạch | Văn phòng |  |  |  | x |" in lines
    tasks = parse_bytes(data, "plan.pdf").to_json()["tasks"]
    assert [t["no"] for t in tasks] == ["1", "2", "3", "4", "5"]
    assert tasks[-1]["lead"] == "Văn phòng"


def test_a_justified_line_naming_two_columns_is_no_header() -> None:
    """A line of prose set justified (its word spaces wide enough to part it into single words) that names a lead
    and its partners ('chủ trì, phối hợp'): no header, and with the line under it no table."""
    words: list[dict[str, Any]] = []
    x = 60.0
    line = "Công an xã chủ trì, phối hợp với Phòng Kinh tế thực hiện; hoàn thành trước ngày"
    for word in line.split(" "):
        words.extend(pdf_words(word, x, 0))
        x = words[-1]["x1"] + 8.0
    words += pdf_words("30/6/2027.", 60, 14)
    assert not any(x.startswith("|") for x in borderless_lines(words))
