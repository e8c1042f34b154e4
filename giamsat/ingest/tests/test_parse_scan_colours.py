"""Scans in colour and on grey paper: a blue receipt stamp over the text, grey recycled paper.

Each test draws a made-up page (an imaginary province's plan, DejaVu Sans at 300 dpi), damages it as
benchmarks/robust_scan.py does (bluestamp, greypaper) and reads it through the scan reader.
"""

from __future__ import annotations

from PIL import Image, ImageChops, ImageDraw, ImageFont

from giamsat.ingest import readers
from giamsat.ingest.samples.build import FONT, FONT_BOLD

LINES = [
    "KẾ HOẠCH",
    "Chuyển đổi số tỉnh Hòa Sơn năm 2026",
    "1. Sở Khoa học và Công nghệ tỉnh Hòa Sơn chủ trì xây dựng",
    "kho dữ liệu dùng chung, hoàn thành trong Quý III năm 2026.",
    "2. Ủy ban nhân dân huyện Tây Lĩnh triển khai dịch vụ công",
    "trực tuyến toàn trình cho người dân và doanh nghiệp.",
]
WORDS = ["Hòa", "Sơn", "Khoa", "Công", "nghệ", "dữ", "liệu", "dùng", "chung", "Quý", "2026", "huyện", "Tây", "Lĩnh",
         "trực", "tuyến", "doanh"]


def _page() -> Image.Image:
    img = Image.new("L", (2480, 1400), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 46)
    for k, line in enumerate(LINES):
        draw.text((250, 300 + 90 * k), line, fill=0, font=font)
    return img


def _found(lines: list[str]) -> int:
    text = " ".join(lines)
    return sum(1 for w in WORDS if w in text)


def _left_dark(grey: Image.Image, clean: Image.Image) -> int:
    """Pixels dark in the grey page where the page without its stamps is paper."""
    return ImageChops.darker(grey.point(lambda v: 255 if v < 150 else 0),
                             clean.point(lambda v: 255 if v > 200 else 0)).histogram()[255]


def _lost(grey: Image.Image, clean: Image.Image) -> int:
    """Pixels of the text (dark on the page without stamps) the grey page made pale."""
    return ImageChops.darker(clean.point(lambda v: 255 if v < 60 else 0),
                             grey.point(lambda v: 255 if v > 150 else 0)).histogram()[255]


def _receipt_stamp(page: Image.Image, ink: tuple[int, int, int]) -> Image.Image:
    """A box "ĐẾN / Số / Ngày" stamped over lines 3 to 5, in the given ink."""
    stamp = Image.new("RGB", page.size, (255, 255, 255))
    draw = ImageDraw.Draw(stamp)
    draw.rectangle((520, 440, 1300, 760), outline=ink, width=9)
    draw.text((560, 470), "VĂN PHÒNG  ĐẾN", fill=ink, font=ImageFont.truetype(FONT_BOLD, 64))
    draw.text((560, 570), "Số: 1275", fill=ink, font=ImageFont.truetype(FONT, 46))
    draw.text((560, 650), "Ngày: 14/3/2026", fill=ink, font=ImageFont.truetype(FONT, 46))
    return ImageChops.multiply(page.convert("RGB"), stamp.rotate(-4, fillcolor=(255, 255, 255)))


def test_a_blue_receipt_stamp_over_the_text_is_read_through() -> None:
    stamped = _receipt_stamp(_page(), (45, 75, 170))
    assert _left_dark(readers.grey(stamped), _page()) < 200       # of the stamp's ~40 000 dark pixels
    assert _lost(readers.grey(stamped), _page()) < 200            # the text, also under the stamp, stays dark
    lines = readers.ocr_image(stamped, [])
    assert _found(lines) >= len(WORDS) - 1
    assert not any("ĐẾN" in line or "1275" in line for line in lines)


def test_a_red_seal_and_a_blue_stamp_on_one_page_both_pale() -> None:
    page = _receipt_stamp(_page(), (45, 75, 170))
    seal = Image.new("RGB", page.size, (255, 255, 255))
    ImageDraw.Draw(seal).ellipse((1500, 250, 1950, 700), outline=(215, 40, 45), width=14)
    both = readers.grey(ImageChops.multiply(page, seal))
    assert _left_dark(both, _page()) < 200
    assert _lost(both, _page()) < 200


def test_black_text_on_a_grey_page_keeps_its_colour_reading() -> None:
    """A page of black text is read in its luminance, whatever the paper's tint (grey, a little blue)."""
    page = _page().convert("RGB")
    tinted = ImageChops.multiply(page, Image.new("RGB", page.size, (200, 205, 225)))
    assert readers.grey(tinted).tobytes() == tinted.convert("L").tobytes()


def test_a_receipt_stamp_in_pale_uneven_ink_is_read_through() -> None:
    """A stamp pressed lightly (ink some 70 levels bluer than red and green, none of it 80): still blue ink, paled."""
    clean = _page()
    stamped = _receipt_stamp(clean, (110, 130, 200))
    assert _left_dark(readers.grey(stamped), clean) < 200
    assert _lost(readers.grey(stamped), clean) < 200

