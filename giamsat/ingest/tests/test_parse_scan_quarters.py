"""A quarter's Roman numeral the page's OCR doubted ("III/2026" read "II/2026" at 58 % among a cell's words) is
read again alone. Made-up line (invented plan), drawn with DejaVu Sans at 300 dpi; the page's words given as
Tesseract gave them."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from giamsat.ingest import readers
from giamsat.ingest.samples.build import FONT


def _line(numeral: str) -> tuple[Image.Image, dict[str, object]]:
    img = Image.new("L", (1600, 300), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 44)
    draw.text((100, 100), "Hoàn thành trong Quý", fill=0, font=font)
    left, top, right, bottom = draw.textbbox((660, 100), f"{numeral}/2027", font=font)
    draw.text((660, 100), f"{numeral}/2027", fill=0, font=font)
    return img, {"text": "II/2027", "x0": left, "x1": right, "top": top, "h": bottom - top, "conf": 58.0,
                 "line": (1, 1, 1)}


def test_a_doubted_quarter_numeral_is_read_again_alone() -> None:
    img, word = _line("III")
    again = readers._reread_quarters(img, [word])
    assert readers._strokes(again[0]["text"]) == "iii"


def test_a_sure_or_same_numeral_stays_as_read() -> None:
    img, word = _line("II")
    assert readers._reread_quarters(img, [word])[0]["text"] == "II/2027"
    img, word = _line("III")
    word["conf"] = 95.0
    assert readers._reread_quarters(img, [word])[0]["text"] == "II/2027"
