"""Figures in the cells of a scanned indicator table, read again where the page's reading doubted them.

The plans are made up (an imaginary province's indicator table, DejaVu Sans). A scan's specks and a tall
cell's empty space make Tesseract read "≥ 85" as "z85", "25" as "15" (at 80 % confidence) or "55" as "Sh)";
read alone, cropped to its ink, the cell reads right.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from giamsat.ingest import readers
from giamsat.ingest.samples.build import FONT

XS = [110, 190, 720, 930, 1140]
TABLE = [
    ("TT", "Chỉ tiêu", "2026", "2030"),
    ("1", "Tỷ lệ hộ dùng cáp quang", "≥ 85", "100"),
    ("2", "Số hợp tác xã bán hàng trực tuyến", "25", "60"),
    ("3", "Tỷ trọng kinh tế số", "40", "55"),
    ("4", "Xếp hạng chuyển đổi số", "Top 20", "Top 10"),
]


def _table(rows: Sequence[Sequence[str]], xs: list[int], height: int = 150) -> tuple[Image.Image, list[int]]:
    img = Image.new("L", (xs[-1] + 120, 120 + height * len(rows) + 120), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 26)
    ys = [120 + height * k for k in range(len(rows) + 1)]
    for x in xs:
        draw.line((x, ys[0], x, ys[-1]), fill=0, width=2)
    for y in ys:
        draw.line((xs[0], y, xs[-1], y), fill=0, width=2)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            draw.text((xs[c] + 12, ys[r] + 10), text, fill=0, font=font)
    return img, ys


def _read_as(ys: list[int], cells: dict[tuple[int, int], list[tuple[str, float]]]) -> list[dict[str, object]]:
    """The words a page's reading gave, one line per cell at its top."""
    words: list[dict[str, object]] = []
    for (r, c), read in cells.items():
        x = XS[c] + 12
        for text, conf in read:
            words.append({"text": text, "x0": x, "x1": x + 20 * len(text), "top": ys[r] + 14, "h": 26,
                          "conf": conf, "line": (1, r, c)})
            x += 20 * len(text) + 12
    return words


def _cell_texts(words: list[dict[str, object]], grid: readers.Grid) -> dict[tuple[int, int], str]:
    return {rc: " ".join(str(w["text"]) for w in ws) for rc, ws in readers._cells(grid, words).items()}


def test_doubted_figures_of_an_indicator_table_are_read_again_alone() -> None:
    img, ys = _table(TABLE, XS)
    [grid] = readers.find_grids(img)
    page = _read_as(ys, {
        (0, 0): [("TT", 95)], (0, 1): [("Chỉ", 95), ("tiêu", 96)], (0, 2): [("2026", 96)], (0, 3): [("2030", 95)],
        (1, 0): [("l", 40)], (1, 2): [("z85", 38)], (1, 3): [("100", 96)],
        (2, 0): [("2", 96)], (2, 2): [("15", 80)], (2, 3): [("60", 96)],
        (3, 0): [("3", 96)], (3, 2): [("45", 96)], (3, 3): [("Sh)", 50)],
        (4, 0): [("4", 96)], (4, 2): [("Top", 70), ("20", 70)], (4, 3): [("Top", 96), ("10", 96)],
    })
    got = _cell_texts(readers._reread_figures(img, [grid], page), grid)
    assert got[(1, 2)].replace(" ", "") == ">85"     # a damaged figure ("≥" is told later, by its bar)
    assert got[(2, 2)] == "25"                       # a clean figure read unsure (80 %), surer alone
    assert got[(3, 3)] == "55"                       # no digit at all, in a column of figures
    assert got[(3, 2)] == "45"                       # read sure (96 %): not read again, though the scan says 40
    assert got[(4, 2)] == "Top 20"                   # words, not a figure
    assert got[(1, 0)] == "l"                        # a row's label is _reread_labels' to read
    assert got[(0, 2)] == "2026" and got[(1, 3)] == "100"


def test_a_second_reading_that_is_no_clean_figure_leaves_the_page_reading() -> None:
    rows = [("TT", "Chỉ tiêu", "2026", "2030"), ("1", "Điểm truy cập wifi công cộng", "~~", "x")]
    img, ys = _table(rows, XS)
    [grid] = readers.find_grids(img)
    page = _read_as(ys, {(1, 1): [("Điểm", 96)], (1, 2): [("8~", 30)], (1, 3): [("x", 40)]})
    got = _cell_texts(readers._reread_figures(img, [grid], page), grid)
    assert got[(1, 2)] == "8~" and got[(1, 3)] == "x"


def test_a_speckled_scan_of_an_indicator_table_reads_its_comparators_and_figures() -> None:
    """The page as quality.py's scans come (200 dpi, a slight skew, speckles, a slight blur): the page's reading
    gave '≥/70' for "≥ 70" (was: so in the plan's lines; no figure)."""
    rows = [
        ("TT", "Chỉ tiêu", "Đơn vị", "2026", "2027", "2028"),
        ("1", "Tỷ lệ hộ dùng cáp quang", "%", "≥ 85", "≥ 90", "≥ 95"),
        ("2", "Số hợp tác xã bán hàng trực tuyến", "hợp tác xã", "25", "40", "65"),
        ("3", "Tỷ trọng kinh tế số", "%", "5,2", "6,5", "8"),
        ("4", "Hồ sơ xử lý trực tuyến", "%", "55", "≥ 70", "≥ 85"),
    ]
    img, _ = _table(rows, [110, 190, 720, 900, 1110, 1320, 1530])
    rng = random.Random(3)
    img = img.rotate(rng.uniform(-0.4, 0.4), resample=Image.Resampling.BICUBIC, fillcolor=255)
    px = img.load()
    assert px is not None
    for _ in range(img.size[0] * img.size[1] // 2000):
        px[rng.randrange(img.size[0]), rng.randrange(img.size[1])] = rng.choice((0, 90, 160))
    lines = readers.ocr_image(img.filter(ImageFilter.GaussianBlur(0.5)), [])
    table = [line.replace(" ", "") for line in lines if line.startswith("|")]
    assert table[1:] == ["|" + "|".join(row).replace(" ", "") + "|" for row in rows[1:]]


def test_a_header_cell_with_a_garbled_word_is_read_again_as_a_block() -> None:
    """The year a header names ("Kế hoạch 2025") tells which column is the next milestone: the page's reading gave
    "Kế hoạch ÁN tác" ("ÁN" at 1 %), and the table no year for its figures."""
    rows = [("TT", "Chỉ tiêu", "Thực hiện 2024", "Kế hoạch 2025", "Mục tiêu 2030"), ("1", "Xã có chợ số", "3", "8", "20")]
    xs = [110, 190, 720, 980, 1240, 1500]
    img, ys = _table(rows, xs, height=200)
    ImageDraw.Draw(img).rectangle((xs[2] + 8, ys[0] + 8, xs[-1] - 8, ys[1] - 8), fill=255)
    font = ImageFont.truetype(FONT, 26)
    for c, text in ((2, "Thực hiện\n2024"), (3, "Kế hoạch\n2025"), (4, "Mục tiêu\n2030")):
        ImageDraw.Draw(img).multiline_text((xs[c] + 12, ys[0] + 10), text, fill=0, font=font, spacing=12)
    [grid] = readers.find_grids(img)
    words = []
    for c, read in ((2, [("Thực", 96), ("hiện", 95), ("2021", 92)]), (3, [("Kế", 93), ("hoạch", 96), ("ÁN", 1), ("tác", 53)]),
                    (4, [("Mục", 96), ("tiêu", 96), ("2030", 95)])):
        words += [{"text": t, "x0": xs[c] + 12 + 60 * k, "x1": xs[c] + 60 + 60 * k, "top": ys[0] + 14 + 20 * k, "h": 26,
                   "conf": conf, "line": (1, 0, c)} for k, (t, conf) in enumerate(read)]
    got = _cell_texts(readers._reread_heads(img, [grid], words), grid)
    assert got[(0, 3)] == "Kế hoạch 2025"
    assert got[(0, 2)] == "Thực hiện 2021"       # no word garbled: not read again (though the scan says 2024)


def test_a_header_over_two_lines_is_no_figure() -> None:
    """"KH" over "2025" in a narrow header cell: read alone as one line it gives "2025" (94 %), a clean figure, and
    the header would lose its "KH" (kế hoạch: the plan for 2025, not a result). Not read again when the page read
    two lines, nor taken when the page read only one of them."""
    rows = [("TT", "Chỉ tiêu", "KH", "2030"), ("1", "Xã có chợ số", "8", "20")]
    img, ys = _table(rows, XS)
    ImageDraw.Draw(img).text((XS[2] + 12, ys[0] + 40), "2025", fill=0, font=ImageFont.truetype(FONT, 26))
    [grid] = readers.find_grids(img)
    kh = {"text": "KH", "x0": XS[2] + 12, "x1": XS[2] + 50, "top": ys[0] + 12, "h": 26, "conf": 60.0, "line": (1, 1, 1)}
    year = {"text": "2025", "x0": XS[2] + 12, "x1": XS[2] + 80, "top": ys[0] + 46, "h": 26, "conf": 60.0,
            "line": (1, 1, 2)}
    assert _cell_texts(readers._reread_figures(img, [grid], [kh, year]), grid)[(0, 2)] == "KH 2025"
    assert _cell_texts(readers._reread_figures(img, [grid], [kh | {"text": "KH2025"}]), grid)[(0, 2)] == "KH2025"
