"""Plans typed before Unicode in VNI (the "VNI-Times" fonts): each accented letter is its base letter followed by a
byte the font draws as its marks, so the text reads "Vieät Nam" for "Việt Nam". As a text file of those bytes, as text
pasted into a UTF-8 file, as a DOCX whose runs hold those letters and as a PDF whose text gives them back.
Made-up lines."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_bytes
from giamsat.ingest.readers import from_legacy, from_vni, read_bytes
from giamsat.ingest.samples import build

from .shared import typed_docx

# "Sở Giao thông Vận tải" … as VNI shows them read as Latin-1
PLAN = ["UBND TÆNH QUAÛNG TRÒ", "SÔÛ GIAO THOÂNG VAÄN TAÛI", "", "Soá: 27/KH-SGTVT", "", "KEÁ HOAÏCH",
        "Baûo trì ñöôøng tænh naêm 2027", "", "PHUÏ LUÏC", "",
        "| TT | Nhieäm vuï | Ñôn vò chuû trì | Thôøi haïn |",
        "|---|---|---|---|",
        "| 1 | Söûa chöõa maët ñöôøng vaø raõnh thoaùt nöôùc | Ban Quaûn lyù döï aùn | Quyù III/2027 |",
        "| 2 | Laép ñaët bieån baùo taïi caùc ñieåm ñen | Phoøng Quaûn lyù giao thoâng | 31/10/2027 |"]
TASKS = [("Sửa chữa mặt đường và rãnh thoát nước", "Quý III/2027"),
         ("Lắp đặt biển báo tại các điểm đen", "31/10/2027")]


def test_vni_lines_read_as_unicode() -> None:
    """Small letters, capitals (the marks in capitals too), 'ơ', 'ư', 'đ' standing alone and marked."""
    assert from_vni(["Sôû Khoa hoïc vaø Coâng ngheä", "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM",
                     "Ñoäc laäp - Töï do - Haïnh phuùc", "UÛy ban nhaân daân huyeän", "Tröôøng hoïc öu tieân"]) == [
        "Sở Khoa học và Công nghệ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Ủy ban nhân dân huyện", "Trường học ưu tiên"]


def test_unicode_tcvn3_and_other_languages_left_alone() -> None:
    """A Unicode plan ('Công', 'rõ', 'tùy' are Latin-1 letters too), a TCVN3 plan (the same bytes as whole letters,
    after consonants: 'häc') and a European line are not VNI."""
    unicode = ["Sở Khoa học và Công nghệ", "Công an tỉnh làm rõ, tùy tình hình", "Tổng số: 15 nhiệm vụ"]
    assert from_vni(unicode) == unicode
    tcvn3 = ["Së Khoa häc vµ C«ng nghÖ", "KÕ ho¹ch chuyÓn ®æi sè n¨m 2026", "Tr\u00adêng §¹i häc Vinh"]
    assert from_vni(tcvn3) == tcvn3
    assert from_legacy(tcvn3)[0] == "Sở Khoa học và Công nghệ"
    europe = ["Müller, Bäume, Øresund, Noël, naïve, Förde, Köln"]
    assert from_vni(europe) == europe


def test_vni_text_file_and_pasted_utf8() -> None:
    """The bytes of a VNI text file (not UTF-8, and not taken for TCVN3) and the same text pasted into UTF-8."""
    for data in ("\n".join(PLAN).encode("latin-1"), "\n".join(PLAN).encode("utf-8")):
        lines = read_bytes(data).lines
        assert "| 1 | Sửa chữa mặt đường và rãnh thoát nước | Ban Quản lý dự án | Quý III/2027 |" in lines
        assert "UBND TỈNH QUẢNG TRỊ" in lines and "SỞ GIAO THÔNG VẬN TẢI" in lines and "KẾ HOẠCH" in lines
    plan = parse_bytes("\n".join(PLAN).encode("latin-1"), "plan.txt")
    assert [(t.name, t.deadline_text) for t in plan.tasks] == TASKS


def test_vni_docx() -> None:
    """A DOCX typed with VNI-Times: its paragraphs and table cells hold the font's bytes as Latin-1 letters."""
    lines = read_bytes(typed_docx(PLAN[:8], PLAN[10:])).lines
    assert "Bảo trì đường tỉnh năm 2027" in lines
    assert "| 2 | Lắp đặt biển báo tại các điểm đen | Phòng Quản lý giao thông | 31/10/2027 |" in lines


def test_vni_pdf() -> None:
    """A PDF set in a VNI font whose text gives back the font's bytes as Latin-1 letters."""
    plan = parse_bytes(build.to_pdf("\n".join(PLAN)), "plan.pdf")
    assert plan.input_kind == "pdf_text" and plan.document.title == "Kế hoạch Bảo trì đường tỉnh năm 2027"
    assert [(t.name, t.deadline_text) for t in plan.tasks] == TASKS
