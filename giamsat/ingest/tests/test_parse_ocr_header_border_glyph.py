"""An OCR'd task table's header whose cells OCR damaged at their edges: the table's left border read before the number
column's title ("[TT", "|STT"), and a glyph closing a word after its first letter ("C& quan" for "Cơ quan", "S&" for
"Sở", Tesseract's 'ơ' -> '&'); made-up lines."""

from __future__ import annotations

from giamsat.ingest.pipeline import _header_titles, _ocr_fold, parse_text


def test_a_glyph_closing_a_word_after_a_letter_reads_as_its_letter() -> None:
    assert _ocr_fold("C& quan ph6i h&p") == "co quan phoi hop"
    assert _ocr_fold("S& Y te") == "so y te"
    assert _ocr_fold("KH & DT") == "kh & dt"                # a sign standing alone is kept


def test_the_border_before_the_number_title_keeps_a_header() -> None:
    # no coordinator column: the number column's title opens the row, its border read before it
    assert _header_titles("[tt noi dung don vi chu tri thoi han")
    assert _header_titles("|stt noi dung don vi chu tri thoi han")
    assert not _header_titles("[ noi dung don vi chu tri thoi han")


def test_a_damaged_header_still_opens_the_task_table() -> None:
    text = "\n".join([
        "UY BAN NHAN DAN", "XA HOA BINH", "", "So: 45/KH-UBND", "", "KE HOACH", "Chuyen doi so nam 2027", "",
        "II NHIEM VU, GIAI PHAP", "",
        "[TT Nhi¢m vu Co quan chu tri | C& quan phoi Thoi gian",
        "hop hoan thanh",
        "",
        "1 Lap dat camera an ninh tai cac | Cong an xa Phong Kinh te Quy II/2027",
        "nga ba, nga tu cua xa",
        "",
        "2 So hoa so ho tich luu tru tai xa | Phong Van hoa - Xa hoi | Cong an xa | Thang 9/2027",
        "", "III. TO CHUC THUC HIEN", "", "1. Phong Kinh te theo doi, tong hop.",
    ])
    tasks = parse_text(text).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "CA_XA"), ("2", "PHONG_VHXH")]
