"""A scanned table without vertical rules (only a rule under each row, or none): report generators and word
processors set a plan's annex this way, in a smaller type than the body, with narrow gutters. No grid is found on
such a page, and the scan's word boxes leave word spaces of half a letter's height, so columns are found from the
strips of white common to the table's lines, parted by a scan's gutter (a letter's height), and the header row is
a row of the table, not prose. Made-up plan (invented bodies), drawn with DejaVu Sans at 200 dpi."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from giamsat.ingest import readers
from giamsat.ingest.samples.build import FONT

# each cell's lines, as the generator wrapped them; each column as wide as its longest line, and a gutter of 36 px
# (a 1.5 mm padding a side), about one letter's height, between the columns
ROWS = [
    [["TT"], ["Nội dung nhiệm vụ"], ["Đơn vị chủ trì"], ["Đơn vị phối hợp"], ["Thời gian"]],
    [["1"], ["Xây dựng cơ sở dữ liệu đất đai", "dùng chung của tỉnh"], ["Sở Nông nghiệp", "và Môi trường"],
     ["Sở Tài chính"], ["Quý III/2026"]],
    [["2"], ["Tập huấn kỹ năng số cho cán bộ,", "công chức cấp xã"], ["Sở Nội vụ"], ["UBND các xã,", "phường"],
     ["Hằng năm"]],
    [["3"], ["Triển khai nền tảng họp trực tuyến", "đến cấp xã"], ["Văn phòng", "UBND tỉnh"],
     ["Sở Khoa học và", "Công nghệ"], ["12/2026"]],
]


def _page(rules: bool, speck: bool = False) -> Image.Image:
    img = Image.new("L", (2300, 1300), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 27)
    xs = [120]
    for c in range(len(ROWS[0])):
        xs.append(xs[-1] + int(max(draw.textlength(text, font=font) for row in ROWS for text in row[c])) + 36)
    draw.text((120, 80), "PHỤ LỤC: NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026", fill=0, font=font)
    y = 200
    for row in ROWS:
        if rules:
            draw.line((xs[0] - 10, y - 12, xs[-1] + 30, y - 12), fill=0, width=3)
        for c, cell in enumerate(row):
            for n, text in enumerate(cell):
                draw.text((xs[c], y + n * 40), text, fill=0, font=font)
        y += 40 * max(len(cell) for cell in row) + 40
    if rules:
        draw.line((xs[0] - 10, y - 12, xs[-1] + 30, y - 12), fill=0, width=3)
    if speck:       # a stroke of dust in the gutter between the task and its lead, taller than the letters
        draw.line((xs[2] - 22, 262, xs[2] - 20, 312), fill=0, width=3)
    return img


@pytest.mark.parametrize(("rules", "speck"), [(False, False), (True, False), (False, True)])
def test_a_scanned_table_without_vertical_rules_reads_by_columns(rules: bool, speck: bool) -> None:
    rows = [x for x in readers.ocr_image(_page(rules, speck), []) if x.startswith("|")]
    assert rows and "Nội dung nhiệm vụ" in rows[0] and "Đơn vị chủ trì" in rows[0], rows
    cells = [[c.strip() for c in x.strip("|").split("|")] for x in rows]
    assert [c[1:] for c in cells] == [[" ".join(lines) for lines in row[1:]] for row in ROWS], rows
    assert [c[0].split()[0] for c in cells] == ["TT", "1", "2", "3"], rows     # a label may keep a mark read beside it


def test_prose_with_a_wide_space_is_no_table() -> None:
    img = Image.new("L", (2300, 500), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 27)
    draw.text((120, 100), "Giao Sở Nội vụ chủ trì, phối hợp với các sở, ngành rà soát thời gian thực hiện.",
              fill=0, font=font)
    draw.text((120, 160), "Nội dung nhiệm vụ do các đơn vị đề xuất, Văn phòng tổng hợp trước ngày 15/6.",
              fill=0, font=font)
    lines = readers.ocr_image(img, [])
    assert not any(x.startswith("|") for x in lines), lines
