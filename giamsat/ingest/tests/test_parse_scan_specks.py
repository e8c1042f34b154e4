"""Specks in a scanned table's blank cells: Tesseract reads a dot of dust or a ruling's remnant as a sign ('-', 'l'),
and a blank cell of a two-row header then holds a word, so the header's titles name the wrong columns. Made-up
table (invented plan), drawn at 300 dpi; the page's words given as Tesseract gives them."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from giamsat.ingest import readers
from giamsat.ingest.samples.build import FONT

XS = [200, 350, 900, 1300, 1700, 2100]
YS = [300, 420, 500, 700]


def _page() -> tuple[Image.Image, list[dict[str, object]]]:
    img = Image.new("L", (2480, 1000), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 40)
    words: list[dict[str, object]] = []

    def put(x: int, y: int, text: str) -> None:
        draw.text((x, y), text, fill=0, font=font)
        left, top, right, bottom = draw.textbbox((x, y), text, font=font)
        words.append({"text": text, "x0": left, "x1": right, "top": top, "h": bottom - top, "conf": 95.0,
                      "line": (1, 1, len(words))})

    put(370, 330, "Nhiệm vụ")
    put(920, 330, "Đơn vị thực hiện")
    put(1720, 330, "Thời gian")
    put(920, 435, "Chủ trì")
    put(1320, 435, "Phối hợp")
    put(1720, 435, "Kết thúc")
    put(370, 560, "Số hóa hồ sơ")
    put(920, 560, "Văn phòng")
    put(1720, 560, "Năm 2027")
    for y in YS:
        draw.line((XS[0], y, XS[-1], y), fill=0, width=3)
    for x in XS:
        draw.line((x, YS[0], x, YS[-1]), fill=0, width=3)
    draw.rectangle((1500, 360, 1501, 361), fill=0)          # a speck in the blank cell over "Phối hợp"
    words.append({"text": "-", "x0": 1500, "x1": 1502, "top": 360, "h": 2, "conf": 87.0, "line": (2, 1, 1)})
    words.append({"text": "l", "x0": 600, "x1": 606, "top": 460, "h": 1, "conf": 0.0, "line": (3, 1, 1)})
    return img, words


def test_a_speck_read_as_a_sign_in_a_blank_cell_is_dropped() -> None:
    img, words = _page()
    grids = readers.find_grids(img)
    assert len(grids) == 1
    kept = readers._reread_cells(readers.erase_rulings(img, grids), grids, words)
    texts = [w["text"] for w in kept]
    assert "-" not in texts and "l" not in texts
    assert len(kept) == len(words) - 2
    rows = readers.place_grids(kept, grids)
    assert "|  | Nhiệm vụ | Đơn vị thực hiện |  | Thời gian |" in rows
    assert "|  |  | Chủ trì | Phối hợp | Kết thúc |" in rows


def test_a_dash_the_text_wrote_in_a_cell_stays() -> None:
    """A hyphen of the text's size ('-' for 'none' in a cell) is a sign, not a speck."""
    img, words = _page()
    draw = ImageDraw.Draw(img)
    draw.text((1320, 560), "-", fill=0, font=ImageFont.truetype(FONT, 40))
    left, top, right, bottom = draw.textbbox((1320, 560), "-", font=ImageFont.truetype(FONT, 40))
    words.append({"text": "-", "x0": left, "x1": right, "top": top, "h": bottom - top, "conf": 90.0, "line": (4, 1, 1)})
    grids = readers.find_grids(img)
    kept = readers._reread_cells(readers.erase_rulings(img, grids), grids, words)
    assert any(w["text"] == "-" and w["top"] > 500 for w in kept)
