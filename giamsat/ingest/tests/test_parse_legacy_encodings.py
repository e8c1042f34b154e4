"""Plans typed before Unicode in TCVN3 (the ".VnTime" fonts): as a DOCX whose runs hold the font's bytes as Latin-1
letters, as a text file of those bytes, and as text pasted into a UTF-8 file. Made-up lines."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_bytes
from giamsat.ingest.readers import from_tcvn3, read_bytes

from .shared import typed_docx

# "Sở Khoa học và Công nghệ" … as TCVN3 shows them read as Latin-1
PLAN = ["UBND TØNH Hµ TÜNH", "Së KHOA HäC Vµ C¤NG NGHÖ", "", "Sè: 15/KH-SKHCN", "", "KÕ HO¹CH",
        "ChuyÓn ®æi sè n¨m 2026", "", "PHô LôC", "",
        "| TT | NhiÖm vô | C¬ quan chñ tr× | Thêi h¹n |",
        "|---|---|---|---|",
        "| 1 | Sè hãa hå s¬ thñ tôc hµnh chÝnh | Së Néi vô | Quý II/2026 |",
        "| 2 | KÕt nèi d÷ liÖu d©n c\u00ad | C«ng an tØnh | 30/9/2026 |"]


def test_tcvn3_lines_read_as_unicode() -> None:
    assert from_tcvn3(["Së Khoa häc vµ C«ng nghÖ", "KÕ HO¹CH", "Tr\u00adêng §¹i häc"]) == [
        "Sở Khoa học và Công nghệ", "KẾ HOẠCH", "Trường Đại học"]


def test_unicode_and_other_latin_text_left_alone() -> None:
    """A Unicode plan, and a line of another language with a few Latin-1 signs, are not TCVN3."""
    lines = ["Sở Khoa học và Công nghệ", "Café « Paris » © 2020", "Tổng số: 15 nhiệm vụ"]
    assert from_tcvn3(lines) == lines
    assert from_tcvn3(["Café « Paris » © 2020 ®"]) == ["Café « Paris » © 2020 ®"]


def test_tcvn3_text_file_and_pasted_utf8() -> None:
    """The bytes of a TCVN3 text file (one byte a letter, not UTF-8) and the same text pasted into a UTF-8 file."""
    for data in ("\n".join(PLAN).encode("latin-1"), "\n".join(PLAN).encode("utf-8")):
        lines = read_bytes(data).lines
        assert "| 1 | Số hóa hồ sơ thủ tục hành chính | Sở Nội vụ | Quý II/2026 |" in lines
        assert "UBND TỈNH HÀ TĨNH" in lines and "KẾ HOẠCH" in lines
    plan = parse_bytes("\n".join(PLAN).encode("latin-1"), "plan.txt")
    assert [(t.name, t.deadline_text) for t in plan.tasks] == [
        ("Số hóa hồ sơ thủ tục hành chính", "Quý II/2026"), ("Kết nối dữ liệu dân cư", "30/9/2026")]


def test_tcvn3_docx() -> None:
    """A DOCX typed with .VnTime: its paragraphs and table cells hold the font's bytes as Latin-1 letters."""
    lines = read_bytes(typed_docx(PLAN[:8], PLAN[10:])).lines
    assert "Chuyển đổi số năm 2026" in lines
    assert "| 2 | Kết nối dữ liệu dân cư | Công an tỉnh | 30/9/2026 |" in lines
