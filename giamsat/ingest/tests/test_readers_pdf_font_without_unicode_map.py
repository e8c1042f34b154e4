"""A text PDF set in a font with no Unicode map (no /ToUnicode) gives the glyphs' numbers, not letters: pdfplumber
reads '(cid:1)(cid:2)c %,c,-.,c/…'. Such a page is read as a scan (rendered and OCR'd), with a warning, instead of
handing garbage to the parser; a readable page, or text in a legacy Vietnamese font (TCVN3, VNI), is left as it is."""

from __future__ import annotations

import io
import shutil

import pypdf

from giamsat.ingest.pipeline import parse_bytes
from giamsat.ingest.readers import _unreadable_text
from giamsat.ingest.samples import build
from giamsat.testing import require_tool

_PLAN = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH AN GIANG", "Số: 88/KH-UBND", "An Giang, ngày 3 tháng 3 năm 2026", "", "KẾ HOẠCH",
    "Chuyển đổi số năm 2026", "", "I. MỤC TIÊU",
    "1. Đến hết năm 2026, 100% hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình."])


def _without_unicode_map(pdf: bytes) -> bytes:
    reader, writer = pypdf.PdfReader(io.BytesIO(pdf)), pypdf.PdfWriter()
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"].get_object()  # type: ignore[index]
        for key in fonts:
            font = fonts[key].get_object()
            if "/ToUnicode" in font:
                del font[pypdf.generic.NameObject("/ToUnicode")]
        writer.add_page(page)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_a_page_without_a_unicode_map_is_read_as_a_scan() -> None:
    require_tool(shutil.which("tesseract") is not None, "Tesseract")
    plan = parse_bytes(_without_unicode_map(build.to_pdf(_PLAN)))
    assert any("không đọc được" in w and "OCR" in w for w in plan.warnings)
    assert plan.document.number == "88/KH-UBND"
    assert [(t.value, t.unit, t.year) for t in plan.targets] == [("100", "%", 2026)]


def test_readable_and_legacy_font_text_is_left_as_it_is() -> None:
    assert not _unreadable_text(_PLAN.split("\n"))
    assert not _unreadable_text(["Së Khoa häc vµ C«ng nghÖ chñ tr×, phèi hîp víi c¸c së, ngµnh triÓn khai KÕ ho¹ch",
                                 "§Õn hÕt n¨m 2026, 100% hå s¬ thñ tôc hµnh chÝnh ®­îc gi¶i quyÕt trùc tuyÕn."])
    assert not _unreadable_text(["| 1 | 2026 | 45 | 60 |", "| 2 | 2027 | 50 | 70 |"])
    assert not _unreadable_text(["| 1 | Số hóa hồ sơ | UBND xã | x | x | x | x | x | x | x | x |"] * 12)
