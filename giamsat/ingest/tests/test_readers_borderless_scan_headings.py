"""A scanned page without ruling lines: a bold heading over its table, a label column headed 'STT' wrapped to 'ST'
over 'T', a label the unrestricted model reads with a letter too many. Made-up plans (invented bodies), drawn at
300 dpi."""

from __future__ import annotations

from typing import Any

from PIL import Image, ImageDraw, ImageFont

from giamsat.ingest import readers
from giamsat.ingest.samples.build import FONT

from .shared import borderless_page

SERIF_BOLD = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"


def test_a_bold_heading_in_capitals_is_no_ruled_table() -> None:
    """A list's heading set in 13 pt bold capitals: the tops of its capitals and its baseline darken a third of the
    page's slices and passed for two horizontal rulings, the stems between them for 60-odd column rulings; the page
    was read as a ruled grid (the heading garbled by erasing those 'rulings', the table under it, which has none,
    read as loose lines and its row numbers dropped)."""
    img = Image.new("L", (2480, 600), 255)
    ImageDraw.Draw(img).text((300, 200), "KẾ HOẠCH TRIỂN KHAI CÁC ĐỀ ÁN, DỰ ÁN CHUYỂN ĐỔI SỐ NĂM 2027", fill=0,
                             font=ImageFont.truetype(SERIF_BOLD, 54))
    assert readers.find_grids(img) == []


def test_a_one_row_ruled_table_is_still_a_grid() -> None:
    """A real ruled row keeps its columns: cells wider than the row is tall."""
    img = Image.new("L", (2480, 600), 255)
    draw = ImageDraw.Draw(img)
    xs = [150, 300, 1050, 1450, 1850, 2330]
    draw.line((xs[0], 200, xs[-1], 200), fill=0, width=4)
    draw.line((xs[0], 320, xs[-1], 320), fill=0, width=4)
    for x in xs:
        draw.line((x, 200, x, 320), fill=0, width=4)
    assert [len(g.xs) for g in readers.find_grids(img)] == [len(xs)]


# a commune's task table set without rules, its label column so narrow that 'STT' wraps to 'ST' over 'T'
WRAPPED = [
    [["ST", "T"], ["Nhiệm vụ"], ["Đơn vị chủ trì"], ["Thời hạn"]],
    [["1"], ["Số hóa sổ hộ tịch các năm", "trước"], ["Công chức Tư pháp"], ["Quý II/2027"]],
    [["2"], ["Lắp camera giám sát tại", "chợ trung tâm"], ["Công an xã"], ["Tháng 9/2027"]],
    [["3"], ["Tập huấn kỹ năng số cho", "tổ công nghệ số cộng đồng"], ["Văn phòng"], ["Năm 2027"]],
]


def _wrapped_page() -> Any:
    return borderless_page(WRAPPED, (2300, 1300), "Ủy ban nhân dân xã giao nhiệm vụ cụ thể như sau:",
                           "Các bộ phận báo cáo kết quả trước ngày 20 hằng tháng.")


def test_row_labels_under_a_wrapped_label_heading_are_read_again() -> None:
    """Tesseract kept the header's 'ST' and dropped what stands under it in the narrow label column (the 'T' of the
    wrap, every row's number), as on 200 dpi scans. Was: the labels were read again only left of the header's first
    cell ('ST' itself) or under a heading 'STT'/'TT'; no row had a start and the tasks were lost. Now the column under
    a heading 'ST' is read again as under 'STT', and the wrap's 'T' is no label."""
    image = _wrapped_page()
    words = [w for w in readers._words(readers.tesseract_words(image))
             if not (w["x1"] < 220 and w["top"] > 230)]
    assert [w["text"] for w in words if w["x1"] < 220 and w["top"] > 150] == ["ST"]
    again = readers._reread_dropped_labels(image, words)
    rows = [x for x in readers.borderless_lines(readers._mark_specks(again), readers._SCAN_GUTTER) if x.startswith("|")]
    cells = [[c.strip() for c in x.strip("|").split("|")] for x in rows]
    assert [c[0] for c in cells[1:]] == ["1", "2", "3"], rows
    assert [c[1] for c in cells[1:]] == [" ".join(row[1]) for row in WRAPPED[1:]], rows
    assert [c[3] for c in cells[1:]] == [row[3][0] for row in WRAPPED[1:]], rows


def test_a_label_read_with_a_letter_too_many_at_full_size_is_taken_at_half_size(monkeypatch: Any) -> None:
    """A dropped label's band read again: the restricted model reads '3'; the unrestricted model, which must agree
    (so that a header's 'T', read '1' when restricted, is no label), read '3B' at full size for a clean '3'. Was:
    the label was refused and its row joined to the row above; now the unrestricted reading at half size counts too."""
    def reread(cell: Any, psm: int = 7, lang: str = "vie", chars: str = "") -> dict[str, list[Any]]:
        full = cell.size[0] > 40
        if chars:
            return {"text": ["3"]}
        return {"text": ["3B" if full else "3"]}

    monkeypatch.setattr(readers, "_reread", reread)
    cell = Image.new("L", (60, 70), 255)
    assert "3" in readers._PlainReadings(cell)
    assert "1" not in readers._PlainReadings(cell)


# a ward's task table without rules that runs on over a second page without its header (a word processor's table whose
# header row is not repeated)
RUN_ON = [
    [["TT"], ["Nhiệm vụ"], ["Đơn vị chủ trì"], ["Thời hạn"]],
    [["1"], ["Số hóa hồ sơ đất đai của", "phường"], ["Phòng Kinh tế"], ["Quý III/2027"]],
    [["2"], ["Lắp đặt điểm truy cập", "internet công cộng"], ["Văn phòng"], ["Tháng 6/2027"]],
    [["3"], ["Cập nhật dữ liệu dân cư", "vào hệ thống"], ["Công an phường"], ["Năm 2027"]],
    [["4"], ["Mở lớp bình dân học vụ", "số cho người cao tuổi"], ["Hội Người cao tuổi"], ["Tháng 10/2027"]],
]


def _run_on_pages() -> tuple[Any, Any]:
    return (borderless_page(RUN_ON[:3], (2300, 1000), before="Ủy ban nhân dân phường giao nhiệm vụ như sau:",
                            widths_of=RUN_ON),
            borderless_page(RUN_ON[3:], (2300, 1000), after="Các đơn vị báo cáo kết quả trước ngày 15 hằng tháng.",
                            widths_of=RUN_ON))


def test_rows_running_on_without_a_header_are_read_under_the_header_above() -> None:
    """Was: a page whose rows run on without a header was read as loose lines (no table header on it, so no table
    without rules was looked for): rows 3 and 4 lost their columns and their tasks. Now the page is read under the
    header of the table the page before ends in."""
    first, second = _run_on_pages()
    lines = readers.ocr_image(first, [])
    assert lines.header is not None and [w["text"] for w in lines.header][:2] == ["TT", "Nhiệm"]
    rows = [x for x in readers.ocr_image(second, [], lines.header) if x.startswith("|")]
    cells = [[c.strip() for c in x.strip("|").split("|")] for x in rows]
    assert [c[0] for c in cells] == ["TT", "3", "4"], rows
    assert [c[1] for c in cells[1:]] == [" ".join(row[1]) for row in RUN_ON[3:]], rows
    assert [c[2] for c in cells[1:]] == [row[2][0] for row in RUN_ON[3:]], rows
    assert [c[3] for c in cells[1:]] == [row[3][0] for row in RUN_ON[3:]], rows


def test_a_page_of_prose_after_a_table_is_read_as_prose() -> None:
    """A page opening with prose after a table that ended at the foot of the page before is not read as a table."""
    first, _second = _run_on_pages()
    header = readers.ocr_image(first, []).header
    assert header is not None
    img = Image.new("L", (2300, 600), 255)
    ImageDraw.Draw(img).text((120, 100), "Các đơn vị báo cáo kết quả thực hiện về Văn phòng trước ngày 15 hằng tháng.",
                             fill=0, font=ImageFont.truetype(FONT, 27))
    lines = readers.ocr_image(img, [], header)
    assert not any(x.startswith("|") for x in lines) and lines.header is None
