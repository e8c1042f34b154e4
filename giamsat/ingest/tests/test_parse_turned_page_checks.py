"""A turned page the quarter-turn profile test gets wrong is still read upright: the doubt of Tesseract's reading
sends the page to its orientation detection, or, when that cannot tell, to a reading the other way up. Made-up
landscape annex (invented province and bodies), drawn with DejaVu Sans at 300 dpi."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from giamsat.ingest import readers
from giamsat.ingest.samples.build import FONT

from .shared import draw_ruled_table

ROWS = [
    ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Hoàn thành"],
    ["1", "Lập bản đồ số các điểm du lịch của tỉnh", "Sở Văn hóa, Thể thao và Du lịch", "Quý II/2027"],
    ["2", "Kết nối camera giao thông về trung tâm điều hành", "Công an tỉnh", "Tháng 9/2026"],
    ["3", "Cấp chữ ký số cho trưởng thôn, bản", "Sở Nội vụ", "Năm 2026"],
]
XS = [220, 420, 1800, 2800, 3300]


def _page() -> Image.Image:
    img = Image.new("L", (3508, 2480), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 46)
    draw.text((900, 260), "PHỤ LỤC NHIỆM VỤ CỦA TỈNH HÀ GIANG MỚI NĂM 2026", fill=0, font=font)
    draw_ruled_table(draw, ROWS, XS, 480, 170, font)
    return img


def _rows_whole(lines: list[str]) -> bool:
    rows = [x for x in lines if x.startswith("|")]
    return any("Công an tỉnh" in x and "Tháng 9/2026" in x for x in rows) and any(
        "Sở Nội vụ" in x and "Năm 2026" in x for x in rows)


@pytest.mark.parametrize("degrees", [90, 270])
def test_a_quarter_turn_the_profile_test_missed_is_found_by_the_reading_doubt(
        degrees: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The profile test said upright (a page of tall ruled tables can contrast its rows less than its columns);
    Tesseract reads little or nothing from the page on its side, OSD tells the quarter, the page is read turned."""
    monkeypatch.setattr(readers, "quarter_turn", lambda image: 0)
    assert _rows_whole(readers.ocr_image(_page().rotate(degrees, expand=True), []))


def test_a_quarter_turn_guessed_the_wrong_way_is_read_the_other_way_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """OSD could not tell which way (it answers nothing), the profile test turned the page a quarter the wrong
    way: the page now upside down is read with doubt, and read again turned a half."""
    monkeypatch.setattr(readers, "quarter_turn", lambda image: 90)
    monkeypatch.setattr(readers, "_osd_rotation", lambda image: None)
    assert _rows_whole(readers.ocr_image(_page().rotate(90, expand=True), []))


def test_an_upright_page_read_with_confidence_asks_no_orientation(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_osd(image: Image.Image) -> int | None:
        raise AssertionError("orientation detection run on a page read with confidence")

    monkeypatch.setattr(readers, "_osd_rotation", no_osd)
    assert _rows_whole(readers.ocr_image(_page(), []))
