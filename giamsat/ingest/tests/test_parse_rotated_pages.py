"""Pages that arrive turned: a landscape annex scanned a quarter turn either way or upside down, a phone photo
whose pixels are stored turned (EXIF), a text PDF whose landscape table is drawn turned on a portrait page
without /Rotate. Made-up plans (invented province and bodies); scans drawn with DejaVu Sans at 300 dpi."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw, ImageFont

from giamsat.ingest import readers
from giamsat.ingest.samples.build import FONT

from .shared import draw_ruled_table

HEAD = ["PHỤ LỤC", "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ TỈNH LAM SƠN NĂM 2026"]
ROWS = [
    ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"],
    ["1", "Xây dựng kho dữ liệu dùng chung của tỉnh", "Sở Khoa học và Công nghệ", "Quý III/2026"],
    ["2", "Triển khai dịch vụ công trực tuyến toàn trình", "Văn phòng UBND tỉnh", "Quý IV/2026"],
    ["3", "Số hóa hồ sơ đất đai các xã miền núi", "Sở Nông nghiệp và Môi trường", "Năm 2027"],
    ["4", "Đào tạo kỹ năng số cho cán bộ cấp xã", "Sở Nội vụ", "Hằng năm"],
]
XS = [200, 420, 1700, 2750, 3300]  # the table's column rulings on a landscape A4 page at 300 dpi
WORDS = [
    "PHỤ",
    "LỤC",
    "Lam",
    "Sơn",
    "kho",
    "dữ",
    "liệu",
    "Khoa",
    "Công",
    "nghệ",
    "Quý",
    "III/2026",
    "toàn",
    "trình",
    "Văn",
    "phòng",
    "hồ",
    "sơ",
    "đất",
    "đai",
    "Nội",
    "vụ",
    "Hằng",
    "năm",
]


def _landscape() -> Image.Image:
    img = Image.new("L", (3508, 2480), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 46)
    for k, line in enumerate(HEAD):
        draw.text((800, 250 + 90 * k), line, fill=0, font=font)
    draw_ruled_table(draw, ROWS, XS, 520, 160, font, pad=(25, 50))
    return img


def _found(lines: list[str]) -> int:
    text = " ".join(lines)
    return sum(1 for w in WORDS if w in text)


def _no_osd(image: Image.Image) -> int | None:
    raise AssertionError("orientation detection run on an upright page")


@pytest.mark.parametrize("degrees", [90, 270, 180])
def test_a_landscape_annex_scanned_turned_reads_as_upright(degrees: int) -> None:
    """Turned a quarter either way (the page's lines run down it) or upside down: its table's rows come out
    whole, as from the upright page."""
    turned = _landscape().rotate(degrees, expand=True)
    lines = readers.ocr_image(turned, [])
    assert _found(lines) >= len(WORDS) - 2
    rows = [x for x in lines if x.startswith("|")]
    assert any("Sở Khoa học và Công nghệ" in x and "Quý III/2026" in x for x in rows)
    assert any("Sở Nội vụ" in x and "Hằng năm" in x for x in rows)


def test_an_upright_page_costs_no_orientation_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    """The quarter-turn test reads the page's profiles only (no Tesseract), also skewed or lit unevenly, and an
    upright page read with confidence is not asked which way is up."""
    monkeypatch.setattr(readers, "_osd_rotation", _no_osd)
    page = _landscape()
    assert readers.quarter_turn(page) == 0
    assert readers.quarter_turn(page.rotate(2.5, resample=Image.Resampling.BICUBIC, fillcolor=255)) == 0
    portrait = page.rotate(90, expand=True)
    portrait.paste(255, (0, 0, 2480, 3508))
    draw = ImageDraw.Draw(portrait)
    font = ImageFont.truetype(FONT, 46)
    for k in range(30):
        draw.text(
            (250, 300 + 90 * k),
            "Các sở, ban, ngành triển khai chuyển đổi số theo kế hoạch năm 2026.",
            fill=0,
            font=font,
        )
    assert readers.quarter_turn(portrait) == 0
    assert _found(readers.ocr_image(page, [])) >= len(WORDS) - 2


def test_a_phone_photo_stored_turned_is_set_upright_by_its_exif() -> None:
    """A phone stores the sensor's pixels and an EXIF Orientation tag (6: turn 90° clockwise to view)."""
    stored = _landscape().rotate(90, expand=True)  # counter-clockwise: the tag turns it back
    exif = Image.Exif()
    exif[0x0112] = 6
    buf = io.BytesIO()
    stored.save(buf, format="JPEG", quality=90, exif=exif)
    frame = readers.upright_frame(Image.open(io.BytesIO(buf.getvalue())))
    assert frame.size == (3508, 2480)
    assert _found(readers.read_image(buf.getvalue()).lines) >= len(WORDS) - 2


@pytest.mark.parametrize("degrees", [90, 270, 180])
def test_a_text_pdf_whose_table_is_drawn_turned_reads_upright(degrees: int) -> None:
    """A landscape page's content drawn a quarter turn (or a half) into the page with no /Rotate to turn it
    back: its characters run up or down the page; the page is turned into its content and read as upright."""
    import pypdf

    from giamsat.ingest.tests.test_parse_pdf_forms import _assert_whole, _pdf, _rows

    rows = _rows(3)
    writer = pypdf.PdfWriter(
        clone_from=io.BytesIO(_pdf(rows, orientation="L", widths=(10, 100, 40, 45, 45, 25)))
    )
    for page in writer.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        move = {90: (height, 0.0), 270: (0.0, width), 180: (width, height)}[degrees]
        page.add_transformation(pypdf.Transformation().rotate(degrees).translate(*move))
        if degrees != 180:
            page.mediabox = pypdf.generic.RectangleObject([0, 0, height, width])
    buf = io.BytesIO()
    writer.write(buf)
    _assert_whole(buf.getvalue(), rows)
