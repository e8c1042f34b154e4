"""A table run on over the next page without its header (a word processor's table whose header row is not set to
repeat), read from a text PDF or a ruled scan: the next page's rows are read under the header of the table the page
before ends in. Lines made up (as the page readers give them, "\f" ending each page)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_bytes
from giamsat.ingest.readers import _carried_headers

HEAD = "| STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn |"
PAGE_1 = ["KẾ HOẠCH", "Số hóa hồ sơ của phường An Lạc năm 2027", "", HEAD,
          "| 1 | Rà soát hồ sơ hộ tịch của phường | Công an phường | Văn phòng | Quý I/2027 |",
          "| 2 | Số hóa hồ sơ đất đai | Phòng Kinh tế | Văn phòng | Quý II/2027 |", "", "Trang 1/2", "\f"]
PAGE_2 = ["Kế hoạch số 12/KH-UBND – Số hóa hồ sơ", "",
          "| 3 | Cập nhật dữ liệu dân cư lên hệ thống | Công an phường | Tổ dân phố | Quý III/2027 |",
          "| 4 | Sơ kết việc thực hiện | Văn phòng | Các bộ phận | Tháng 12/2027 |", "", "Trang 2/2", "\f"]


def test_rows_run_on_over_a_page_are_read_under_the_header_before() -> None:
    """Was: the second page's rows, with no header above them, were no table's rows: tasks 3 and 4 were lost."""
    out = _carried_headers([*PAGE_1, *PAGE_2])
    at = out.index(PAGE_2[2])
    assert out[at - 1] == HEAD
    assert out.count(HEAD) == 2


def test_a_two_row_header_is_carried_whole() -> None:
    head = ["| TT | Nhiệm vụ | Đơn vị thực hiện |  | Thời gian |", "|  |  | Chủ trì | Phối hợp |  |"]
    page_1 = [*head, "| 1 | Lập đề án đô thị thông minh | Sở Xây dựng | Sở Tài chính | Năm 2027 |", "\f"]
    page_2 = ["2", "| 2 | Lắp đặt camera giao thông | Công an tỉnh | Sở Xây dựng | Quý IV/2027 |", "\f"]
    out = _carried_headers([*page_1, *page_2])
    assert out[-4:-2] == head


def test_a_repeated_header_prose_or_another_part_is_left_alone() -> None:
    """A page that repeats the header, a page opening with a part's heading, a page before ending in prose: as they
    stand; nor is a row whose cells happen to name columns ('kinh phí', 'phối hợp') taken for a header."""
    repeated = [*PAGE_1, "", HEAD, *PAGE_2[2:]]
    assert _carried_headers(repeated) == _without_page_edges(repeated)
    heading = [*PAGE_1, "V. DANH MỤC DỰ ÁN", *PAGE_2[2:]]
    assert _carried_headers(heading) == heading
    prose = [*PAGE_1[:-3], "Các bộ phận triển khai thực hiện.", "\f", *PAGE_2]
    assert _carried_headers(prose) == prose
    rest = ["|  | từ kinh phí khuyến công | phối hợp: Văn phòng |  |  |"]
    rows = [*PAGE_1[:-3], *rest, "\f", *PAGE_2]
    assert _carried_headers(rows).count(HEAD) == 2


def test_a_text_pdf_table_whose_header_is_not_repeated() -> None:
    """The whole path: a two-page text PDF, its table's header on page 1 only; every row is a task with its lead."""
    from fpdf import FPDF

    from giamsat.ingest.samples import build

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", build.FONT)
    pdf.add_font("DejaVu", "B", build.FONT_BOLD)
    pdf.set_font("DejaVu", size=10)
    pdf.add_page()
    pdf.multi_cell(0, 6, "ỦY BAN NHÂN DÂN PHƯỜNG AN LẠC\nKẾ HOẠCH\nSố hóa hồ sơ của phường năm 2027\n"
                         "I. NHIỆM VỤ CỤ THỂ")
    rows = [("STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn")]
    names = ["Rà soát hồ sơ hộ tịch", "Số hóa sổ đăng ký kết hôn lưu tại phường", "Cập nhật dữ liệu dân cư",
             "Làm sạch dữ liệu đất đai của các tổ dân phố", "Lắp đặt màn hình tra cứu", "Tập huấn kỹ năng số",
             "Hướng dẫn người dân nộp hồ sơ trực tuyến tại nhà"]
    rows += [(str(n), f"{names[n % 7]} (đợt {n})", "Công an phường" if n % 2 else "Công an phường, Văn phòng",
              "Văn phòng" if n % 3 else "Tổ dân phố", f"Tháng {n % 12 + 1}/2027") for n in range(1, 31)]
    with pdf.table(col_widths=(12, 70, 38, 38, 30), repeat_headings=0, borders_layout="NONE",
                   text_align="LEFT", v_align="TOP", line_height=5, padding=(1, 1.2)) as table:
        for row in rows:
            r = table.row()
            for cell in row:
                r.cell(cell)
    assert pdf.page_no() >= 2
    plan = parse_bytes(bytes(pdf.output()), "plan.pdf").to_json()
    tasks = plan["tasks"]
    assert [t["no"] for t in tasks] == [str(n) for n in range(1, 31)]
    assert all("Công an" in (t["lead"] or "") for t in tasks)


def test_a_page_ending_in_the_header_alone_is_not_given_it_twice() -> None:
    """A table whose header is the last line of its page: the rows on the next page follow that header already."""
    lines = [*PAGE_1[:3], HEAD, "", "\f", *PAGE_2]
    assert _carried_headers(lines) == _without_page_edges(lines)


def _without_page_edges(lines: list[str]) -> list[str]:
    """The lines without the first page's number and the second's running header: between two parts of one table
    they are left out (test_readers_table_run_on_columns)."""
    return [x for x in lines if x not in ("Trang 1/2", PAGE_2[0])]
