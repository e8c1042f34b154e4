"""Text-layer PDFs in forms other than the reference renderings: another column order and header
wording, a landscape page, a table without ruling lines, two tables on one page. Built with fpdf2
from rows written here; each annex must come out whole."""

from __future__ import annotations

from typing import Any

import pytest

from giamsat.ingest.pipeline import parse_bytes
from giamsat.ingest.readers import borderless_lines
from giamsat.ingest.samples.build import FONT, FONT_BOLD

HEAD = ["STT", "Nội dung nhiệm vụ", "Sản phẩm", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"]
ROWS = [
    ["I", "Hoàn thiện thể chế, chính sách", "", "", "", ""],
    ["1", "Rà soát, sửa đổi các quy định về quản lý đề tài khoa học và công nghệ cấp tỉnh theo hướng đơn giản "
          "hóa thủ tục", "Quyết định của UBND tỉnh", "Sở Khoa học và Công nghệ", "Sở Tài chính, Sở Tư pháp",
     "Quý II/2026"],
    ["2", "Ban hành quy chế chia sẻ dữ liệu giữa các cơ quan nhà nước trên địa bàn tỉnh", "Quy chế", "Sở Nội vụ",
     "Công an tỉnh; các sở, ngành", "30/9/2026"],
    ["3", "Xây dựng cơ chế hỗ trợ doanh nghiệp đổi mới sáng tạo và khởi nghiệp", "Nghị quyết của HĐND tỉnh",
     "Sở Tài chính", "Sở Khoa học và Công nghệ", "Năm 2026"],
    ["II", "Phát triển hạ tầng số", "", "", "", ""],
    ["4", "Nâng cấp trung tâm dữ liệu của tỉnh bảo đảm an toàn thông tin cấp độ 3", "Trung tâm dữ liệu được nâng cấp",
     "Sở Khoa học và Công nghệ", "Công an tỉnh", "2026-2027"],
    ["5", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực", "Dữ liệu số hóa", "Văn phòng UBND tỉnh",
     "Các sở, ban, ngành", "Hằng năm"],
    ["6", "Phổ cập kỹ năng số cho cán bộ, công chức, viên chức", "Các lớp tập huấn", "Sở Nội vụ",
     "Sở Khoa học và Công nghệ", "Thường xuyên"],
    ["7", "Triển khai hồ sơ sức khỏe điện tử cho người dân trên địa bàn", "Hồ sơ sức khỏe điện tử", "Sở Y tế",
     "Bảo hiểm xã hội tỉnh", "Quý IV/2026"],
    ["8", "Triển khai học bạ số trong các cơ sở giáo dục phổ thông", "Học bạ số", "Sở Giáo dục và Đào tạo",
     "UBND các xã, phường", "31/12/2026"],
]
LEADS = {"Sở Khoa học và Công nghệ": "SKHCN", "Sở Nội vụ": "SNV", "Sở Tài chính": "STC", "Văn phòng UBND tỉnh": "VPUBND",
         "Sở Y tế": "SYT", "Sở Giáo dục và Đào tạo": "SGDDT"}
KINDS = {"Quý II/2026": "quarter", "30/9/2026": "date", "Năm 2026": "year", "2026-2027": "range", "Hằng năm": "recurring",
         "Thường xuyên": "continuous", "Quý IV/2026": "quarter", "31/12/2026": "date"}
INDICATORS = [["TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2026", "Năm 2030"],
              ["1", "Tỷ lệ dịch vụ công trực tuyến toàn trình", "%", "≥ 80", "100"],
              ["2", "Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử", "%", "≥ 90", "100"]]


def _rows(repeat: int) -> list[list[str]]:
    """The task rows `repeat` times over, numbered on (the table runs over pages)."""
    out, n = [HEAD], 0
    for _ in range(repeat):
        for row in ROWS:
            if row[0].isdigit():
                n += 1
                row = [str(n), *row[1:]]
            out.append(row)
    return out


def _pdf(rows: list[list[str]], orientation: str = "P", borders: str = "ALL", indicators: bool = False,
         widths: tuple[int, ...] = (10, 60, 30, 30, 30, 20), v_align: str = "TOP") -> bytes:
    """A plan whose annex holds the rows (and an indicator table before them, on the same page),
    cells aligned (top by default) with margins as a word processor lays them out."""
    from fpdf import FPDF

    pdf = FPDF(orientation=orientation, format="A4")
    pdf.add_font("DejaVu", "", FONT)
    pdf.add_font("DejaVu", "B", FONT_BOLD)
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for line in ("ỦY BAN NHÂN DÂN TỈNH HÀ AN", "Số: 88/KH-UBND", "Hà An, ngày 5 tháng 3 năm 2026", "KẾ HOẠCH",
                 "Thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ", "I. MỤC TIÊU",
                 "II. NHIỆM VỤ VÀ GIẢI PHÁP", "Các nhiệm vụ cụ thể tại Phụ lục kèm theo.", "", "PHỤ LỤC"):
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    style: dict[str, Any] = {"line_height": 4.5, "borders_layout": borders, "v_align": v_align, "padding": (0.5, 1.5),
                             "text_align": "LEFT"}
    pdf.set_font("DejaVu", size=9)
    if indicators:
        pdf.multi_cell(0, 6, "DANH MỤC CHỈ TIÊU", new_x="LMARGIN", new_y="NEXT")
        with pdf.table(col_widths=(10, 90, 25, 25, 30), **style) as table:
            for row in INDICATORS:
                cells = table.row()
                for text in row:
                    cells.cell(text)
        pdf.ln(4)
    pdf.multi_cell(0, 6, "DANH MỤC NHIỆM VỤ", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=widths, **style) as table:
        for row in rows:
            cells = table.row()
            for text in row:
                cells.cell(text)
    pdf.set_font("DejaVu", size=11)
    pdf.ln(6)
    for line in ("Nơi nhận:", "- Như trên;", "- Lưu: VT."):
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _assert_whole(data: bytes, rows: list[list[str]]) -> Any:
    plan = parse_bytes(data)
    assert plan.input_kind == "pdf_text"
    want = [(r[0], r[1], LEADS[r[3]], r[2], KINDS[r[5]], r[5]) for r in rows[1:] if r[0].isdigit()]
    got = [(t.no, t.name, t.lead_code, t.output, t.deadline.kind.value if t.deadline else None, t.deadline_text)
           for t in plan.tasks]
    assert got == want
    groups = {t.no: t.group for t in plan.tasks}
    assert (groups["1"], groups["4"]) == ("Hoàn thiện thể chế, chính sách", "Phát triển hạ tầng số")
    first = plan.tasks[0]
    assert first.coordinators == ["Sở Tài chính", "Sở Tư pháp"]
    return plan


@pytest.mark.parametrize("borders", ["ALL", "NONE", "HORIZONTAL_LINES"])
def test_annex_in_another_column_order_and_wording_over_pages(borders: str) -> None:
    """'Nội dung nhiệm vụ | Sản phẩm | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn', 40 rows over three
    pages (header not repeated), ruled, without any ruling line, and with horizontal rules only."""
    rows = _rows(5)
    _assert_whole(_pdf(rows, borders=borders), rows)


@pytest.mark.parametrize("v_align", ["MIDDLE", "BOTTOM"])
@pytest.mark.parametrize("borders", ["NONE", "HORIZONTAL_LINES"])
def test_cells_centred_or_bottom_aligned_without_ruling_lines(borders: str, v_align: str) -> None:
    """Cells centred in their rows (a common word-processor setting) or set on their bottom: a row's number
    stands mid-row or on its last line, so the lines above it are its own, not the row before's."""
    rows = _rows(5)
    _assert_whole(_pdf(rows, borders=borders, v_align=v_align), rows)
    rows = _rows(1)
    plan = _assert_whole(_pdf(rows, orientation="L", borders=borders, widths=(10, 100, 40, 45, 45, 25),
                              v_align=v_align, indicators=True), rows)
    assert [(t.name, t.value, t.milestones) for t in plan.targets] == [
        ("Tỷ lệ dịch vụ công trực tuyến toàn trình", "80", {"2026": "≥ 80", "2030": "100"}),
        ("Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử", "90", {"2026": "≥ 90", "2030": "100"})]


@pytest.mark.parametrize("borders", ["ALL", "NONE"])
def test_annex_on_landscape_pages(borders: str) -> None:
    rows = _rows(3)
    _assert_whole(_pdf(rows, orientation="L", borders=borders, widths=(10, 100, 40, 45, 45, 25)), rows)


@pytest.mark.parametrize("borders", ["ALL", "NONE"])
def test_indicator_table_and_task_table_on_one_page(borders: str) -> None:
    rows = _rows(1)
    plan = _assert_whole(_pdf(rows, borders=borders, indicators=True), rows)
    got = [(t.no, t.name, t.comparator, t.value, t.year, t.milestones) for t in plan.targets]
    assert got == [("1", "Tỷ lệ dịch vụ công trực tuyến toàn trình", ">=", "80", 2026, {"2026": "≥ 80", "2030": "100"}),
                   ("2", "Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử", ">=", "90", 2026,
                    {"2026": "≥ 90", "2030": "100"})]


def _words(text: str, x0: float, top: float) -> list[dict[str, Any]]:
    """The words of `text` set from x0 on, 6 units a letter, a space of 3 between words."""
    out = []
    for word in text.split():
        out.append({"text": word, "x0": x0, "x1": x0 + 6 * len(word), "top": top, "h": 10})
        x0 += 6 * len(word) + 3
    return out


def _line(top: float, *cells: tuple[float, str]) -> list[dict[str, Any]]:
    return [w for x0, text in cells for w in _words(text, x0, top)]


def test_borderless_rows_prose_around_them_stays_prose() -> None:
    """Prose across the page before and after the table stays lines; a row's lines join in its cells;
    the narrow column's year broken after its third digit is one year again."""
    words = [*_line(0, (10, "Các nhiệm vụ được giao tại Phụ lục kèm theo đây gồm các nội dung")),
             *_line(20, (10, "TT"), (40, "Nhiệm vụ"), (200, "Chủ trì"), (300, "Thời hạn")),
             *_line(35, (10, "1"), (40, "Số hóa hồ sơ"), (200, "Sở Y tế"), (300, "31/12/202")),
             *_line(50, (40, "bệnh án"), (300, "6")),
             *_line(65, (10, "2"), (40, "Kết nối"), (200, "Công an"), (300, "Quý II/2026")),
             *_line(100, (10, "Nơi nhận:"))]
    assert borderless_lines(words) == [
        "Các nhiệm vụ được giao tại Phụ lục kèm theo đây gồm các nội dung", "",
        "| TT | Nhiệm vụ | Chủ trì | Thời hạn |",
        "| 1 | Số hóa hồ sơ bệnh án | Sở Y tế | 31/12/2026 |",
        "| 2 | Kết nối | Công an | Quý II/2026 |", "",
        "Nơi nhận:"]


def test_two_columns_of_prose_are_no_table() -> None:
    """A signature block (two columns) is not a table: a table has three columns or more."""
    words = [*_line(0, (10, "Nơi nhận:"), (250, "KT. CHỦ TỊCH")), *_line(15, (10, "- Như trên;"), (260, "PHÓ CHỦ TỊCH"))]
    assert borderless_lines(words) == ["Nơi nhận: KT. CHỦ TỊCH", "- Như trên; PHÓ CHỦ TỊCH"]


def test_landscape_content_on_a_turned_portrait_page() -> None:
    """A print driver's landscape page: the content drawn a quarter turn into a portrait page that asks
    viewers to turn it back (/Rotate 90); its ruled table reads as on an upright page."""
    import io

    import pypdf

    rows = _rows(3)
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(_pdf(rows, orientation="L", widths=(10, 100, 40, 45, 45, 25))))
    for page in writer.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        page.add_transformation(pypdf.Transformation().rotate(90).translate(height, 0))
        page.mediabox = pypdf.generic.RectangleObject([0, 0, height, width])
        page.rotate(90)
    buf = io.BytesIO()
    writer.write(buf)
    _assert_whole(buf.getvalue(), rows)


def test_words_far_off_the_page_are_no_table_and_cost_nothing() -> None:
    """A crafted PDF may set words anywhere: one 10¹² units away makes no strip map of that size."""
    words = [*_line(0, (10, "TT"), (60, "Nhiệm vụ"), (1e12, "Chủ trì")), *_line(15, (10, "1"), (60, "Số hóa"), (1e12, "Sở"))]
    assert borderless_lines(words) == ["TT Nhiệm vụ Chủ trì", "1 Số hóa Sở"]
