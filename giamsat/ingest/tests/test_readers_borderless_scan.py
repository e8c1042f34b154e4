"""A scanned page without ruling lines (Tesseract's word boxes, made up): how its tables are found and read."""

from __future__ import annotations

from typing import Any

from giamsat.ingest import readers
from giamsat.ingest.readers import _headed_table


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
    from PIL import Image, ImageDraw, ImageFont

    from giamsat.ingest.samples.build import FONT

    img = Image.new("L", (2300, 1500), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 27)
    xs = [140, 230]
    for c in range(1, len(LABELLED[0])):
        xs.append(xs[-1] + int(max(draw.textlength(t, font=font) for row in LABELLED for t in row[c])) + 60)
    draw.text((120, 80), "Căn cứ kế hoạch năm học, nhà trường giao nhiệm vụ cụ thể như sau:", fill=0, font=font)
    y = 200
    for row in LABELLED:
        for c, cell in enumerate(row):
            for n, text in enumerate(cell):
                draw.text((xs[c], y + n * 40), text, fill=0, font=font)
        y += 40 * max(len(cell) for cell in row) + 60
    draw.text((120, y + 40), "Các tổ báo cáo kết quả về Ban Giám hiệu trước ngày 25 hằng tháng.", fill=0, font=font)
    return img


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
