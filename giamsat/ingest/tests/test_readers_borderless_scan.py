"""A scanned page without ruling lines (Tesseract's word boxes, made up): how its tables are found and read."""

from __future__ import annotations

from typing import Any

from giamsat.ingest import readers
from giamsat.ingest.readers import _headed_table

from .shared import borderless_page


def boxes(line: list[tuple[str, float, float, float]]) -> list[dict[str, Any]]:
    """Word boxes as Tesseract gives them, (text, x0, top, height): tight around the ink, so a word with a tall accent
    or a descender ('Đơn', 'dung') starts higher or ends lower than its neighbours; its width 0.55 of a 30 px letter."""
    return [{"text": t, "x0": x0, "x1": x0 + 16.5 * len(t), "top": top, "h": h, "conf": 95} for t, x0, top, h in line]


def test_a_header_line_is_read_left_to_right() -> None:
    """Was: the words of a visual line were joined in the order of their centres (an accented word's box starts
    higher, a word with a descender ends lower), 'Đơn trì chủ Thời TT Nội vị hạn dung': 'Nội dung', 'Đơn vị chủ trì'
    and 'Thời hạn' came apart and a continued table's repeated header, on a page without rules, was not seen: the
    page's table was read as loose lines."""
    words = boxes([("TT", 100, 379, 29), ("Nội", 220, 376, 40), ("dung", 290, 380, 41),
                   ("Đơn", 1000, 372, 38), ("vị", 1070, 378, 40), ("chủ", 1120, 377, 32), ("trì", 1190, 376, 33),
                   ("Thời", 1500, 377, 32), ("hạn", 1590, 378, 41)])
    words += boxes([("5", 100, 480, 29), ("Rà", 220, 478, 31), ("soát", 270, 478, 31), ("quy", 360, 480, 40),
                    ("trình", 430, 476, 34), ("Văn", 1000, 478, 31), ("phòng", 1070, 476, 44),
                    ("Quý", 1500, 476, 43), ("II/2027", 1580, 478, 31)])
    assert _headed_table(words)


# a school's task table set without rules: a narrow label column ('TT' wrapped to 'T' over 'T'), a budget column
LABELLED = [
    [["T", "T"], ["Công việc"], ["Bộ phận", "thực hiện"], ["Kinh phí", "(triệu đồng)"], ["Thời hạn"]],
    [["1"], ["Mua sắm máy chủ và thiết bị", "lưu trữ cho phòng máy"], ["Tổ Hành chính"], ["450"], ["Quý II/2027"]],
    [["2"], ["Đào tạo giáo viên dùng học", "liệu số trong giờ dạy"], ["Tổ Chuyên môn"], ["80"], ["Tháng 9/2027"]],
    [["3"], ["Số hóa hồ sơ học sinh các", "khóa trước"], ["Văn thư"], ["35"], ["Năm 2027"]],
    [["4"], ["Lắp mạng không dây tại các", "phòng học"], ["Tổ Hành chính"], ["120"], ["Quý III/2027"]],
]


def _labelled_page() -> Any:
    return borderless_page(LABELLED, (2300, 1500), "Căn cứ kế hoạch năm học, nhà trường giao nhiệm vụ cụ thể như sau:",
                           "Các tổ báo cáo kết quả về Ban Giám hiệu trước ngày 25 hằng tháng.")


def test_row_labels_the_reading_dropped_are_read_again() -> None:
    """Tesseract, taking a scanned page for one column of text, drops short marks standing alone far left of the
    lines: a borderless table's row numbers (and its header's 'T' over 'T'), seen on 200 dpi scans. Here the page's
    reading is the real one with those marks taken out. Was: no row had a start, the table's lines were joined into
    one row and its tasks lost; now each band of ink left of the header's first cell is read again, and a label
    read there starts its row."""
    image = _labelled_page()
    words = [w for w in readers._words(readers.tesseract_words(image)) if not (w["x1"] < 220 and w["top"] > 150)]
    assert not any(w["text"] in ("1", "2", "3", "4") for w in words)
    again = readers._reread_dropped_labels(image, words)
    rows = [x for x in readers.borderless_lines(readers._mark_specks(again), readers._SCAN_GUTTER) if x.startswith("|")]
    cells = [[c.strip() for c in x.strip("|").split("|")] for x in rows]
    assert [c[0] for c in cells if c[0]] == ["1", "2", "3", "4"], rows
    assert [c[1] for c in cells if c[0]] == [" ".join(row[1]) for row in LABELLED[1:]], rows
    assert [c[4] for c in cells if c[0]] == [row[4][0] for row in LABELLED[1:]], rows


def test_a_label_column_run_into_the_next_is_parted_again() -> None:
    """A narrow gutter after the label column (filled by a scan's wide word spaces, or set tight): the header's
    first cell read 'TT Sản phẩm', each row's 'n Title' with a speck after the number ('2_ Ứng dụng'), and every
    line of a wrapped first cell started a row (tasks without lead or deadline). Made-up word positions."""
    from .shared import pdf_words

    def line(top: float, *cells: tuple[float, str]) -> list[dict[str, Any]]:
        return [w for x0, text in cells for w in pdf_words(text, x0, top)]

    words = line(0, (40, "TT"), (53, "Sản phẩm"), (150, "Nội dung nhiệm vụ"), (300, "Chủ trì"), (380, "Thời hạn"))
    words += line(14, (53, "đầu ra"))
    words += line(32, (40, "2_"), (53, "Phần mềm"), (150, "Nâng cấp phần mềm một"), (300, "Phòng Tin"),
                  (380, "Tháng 6/2027"))
    words += line(46, (53, "nâng cấp"), (150, "cửa điện tử"), (300, "học"))
    words += line(64, (40, "3"), (53, "Quy chế"), (150, "Ban hành quy chế bảo"), (300, "Văn phòng"), (380, "Quý I/2027"))
    words += line(78, (53, "ban hành"), (150, "mật dữ liệu"))
    rows = [x for x in readers.borderless_lines(words) if x.startswith("|")]
    assert rows == ["| TT | Sản phẩm đầu ra | Nội dung nhiệm vụ | Chủ trì | Thời hạn |",
                    "| 2 | Phần mềm nâng cấp | Nâng cấp phần mềm một cửa điện tử | Phòng Tin học | Tháng 6/2027 |",
                    "| 3 | Quy chế ban hành | Ban hành quy chế bảo mật dữ liệu | Văn phòng | Quý I/2027 |"], rows


def test_a_speck_apart_before_a_heading_is_left_out() -> None:
    """A scrap of a rule read as marks ('"¬', 18 % sure, 6 px tall) far left of 'PHỤ LỤC' on a scanned page: the
    line read '"¬ PHỤ LỤC', no annex heading, and the annex's task table after the signature was dropped with it."""
    speck = {"text": '"¬', "x0": 1273, "x1": 1344, "top": 341, "h": 6, "conf": 18.0}
    words = readers._mark_specks([*boxes([("PHỤ", 1638, 312, 45), ("LỤC", 1761, 312, 45), ("Kèm", 1300, 420, 40),
                                          ("theo", 1370, 420, 40), ("Kế", 1450, 420, 40), ("hoạch", 1510, 420, 40)]),
                                  speck])
    assert readers.borderless_lines(words, readers._SCAN_GUTTER)[0] == "PHỤ LỤC"


def test_a_label_misread_as_a_letter_is_read_again() -> None:
    """A row number the page's reading made a sign that is no label ('Ì' for 1, '/' for I) in the label column under
    'STT': read again alone by the Latin model restricted to label characters."""
    from PIL import Image, ImageDraw, ImageFont

    from giamsat.ingest.samples.build import FONT

    img = Image.new("L", (2000, 700), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 27)
    for y, cells in ((100, ("STT", "Nhiệm vụ", "Chủ trì", "Thời hạn")),
                     (200, ("2", "Cập nhật dữ liệu hộ tịch", "Tư pháp", "Quý II/2027")),
                     (300, ("3", "Lắp camera tại ngã ba chợ", "Công an xã", "Tháng 8/2027"))):
        for x, text in zip((120, 260, 900, 1300), cells, strict=True):
            draw.text((x, y), text, fill=0, font=font)
    words = readers._words(readers.tesseract_words(img))
    three = next(w for w in words if w["text"] == "3")
    three["text"] = "Ì"
    again = readers._reread_dropped_labels(img, words)
    assert [w["text"] for w in sorted(again, key=lambda w: w["top"]) if w["x1"] < 250] == ["STT", "2", "3"]
