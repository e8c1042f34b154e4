"""A scanned table whose header line is underlined (or dense enough, on a scan, that its baseline darkens a third of
the page's width): the line passes for a horizontal ruling, the strip of text above it for a row, and its letters'
strokes for column rulings, which then cut stripes through every cell when rulings are erased. Made-up plan
(invented province and bodies), drawn with DejaVu Sans at 300 dpi."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from giamsat.ingest import readers
from giamsat.ingest.samples.build import FONT

XS = [150, 300, 1050, 1850, 2330]
ROWS = [
    ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"],
    ["1", "Số hóa hồ sơ địa chính các xã", "Sở Nông nghiệp và Môi trường", "Năm 2026"],
    ["2", "Xây dựng trung tâm điều hành", "Sở Khoa học và Công nghệ", "Quý IV/2026"],
    ["3", "Tập huấn kỹ năng số cho công chức", "Sở Nội vụ", "Hằng năm"],
]


def _page() -> Image.Image:
    img = Image.new("L", (2480, 1400), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 40)
    top, height = 300, 150
    for r, row in enumerate(ROWS):
        y = top + r * height
        draw.line((XS[0], y, XS[-1], y), fill=0, width=4)
        for c, cell in enumerate(row):
            at = (XS[c] + 15, y + (-2 if r == 0 else 40))    # the header's titles close under the ruling
            draw.text(at, cell, fill=0, font=font)
            if r == 0:                  # and underlined, as some plans print them
                left, _t, right, bottom = draw.textbbox(at, cell, font=font)
                draw.line((left, bottom + 2, right, bottom + 2), fill=0, width=4)
    bottom = top + len(ROWS) * height
    draw.line((XS[0], bottom, XS[-1], bottom), fill=0, width=4)
    for x in XS:
        draw.line((x, top, x, bottom), fill=0, width=4)
    return img


def test_an_underlined_header_line_makes_no_columns() -> None:
    grids = readers.find_grids(_page())
    assert len(grids) == 1
    assert len(grids[0].xs) == len(XS)
    assert all(abs(a - b) <= 4 for a, b in zip(grids[0].xs, XS, strict=True))


def test_a_table_under_an_underlined_header_reads_whole() -> None:
    rows = [x for x in readers.ocr_image(_page(), []) if x.startswith("|")]
    assert any("Sở Nông nghiệp và Môi trường" in x and "Năm 2026" in x for x in rows), rows
    assert any("Sở Khoa học và Công nghệ" in x and "Quý IV/2026" in x for x in rows), rows
