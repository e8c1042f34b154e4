"""An OCR'd task table's header whose title words lost their marks to look-alike glyphs at a word's end ("B9 phận
chủ trì" for "Bộ phận chủ trì", the seeds' 'ộ' -> '9'); made-up lines."""

from __future__ import annotations

from giamsat.ingest.pipeline import _ocr_fold, parse_text


def test_a_glyph_closing_a_word_reads_as_its_letter() -> None:
    assert _ocr_fold("B9 phan chu tri") == "bo phan chu tri"
    assert _ocr_fold("Quy 9 nam 2029") == "quy 9 nam 2029"       # a number stays a number


def test_a_task_table_header_with_b9_phan_chu_tri() -> None:
    text = "\n".join([
        "UY BAN NHAN DAN", "XA TAN LAP", "", "So: 31/KH-UBND", "", "KE HOACH", "Chuyen doi so nam 2027", "",
        "III. NHIEM VU CU THE", "",
        "TT | Noi dung cong viec B9 phan chu | Bo phan phoi hop | Thoi gian hoan",
        "tri thanh",
        "1 Lap dat camera an ninh tai cac nga | Cong an xa Phong Kinh te Quy II/2027",
        "ba, nga tu cua xa",
        "2 So hoa so ho tich luu tru tai xa | Phong Van hoa - Xa hoi | Cong an xa | Thang 9/2027",
        "", "IV. TO CHUC THUC HIEN", "", "1. Phong Kinh te theo doi, tong hop.",
    ])
    tasks = parse_text(text).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "CA_XA"), ("2", "PHONG_VHXH")]


def test_a_roadmap_header_names_its_period_column_lo_trinh() -> None:
    """'Lộ trình thực hiện' (a roadmap's year columns marked 'x') is the table's when-column: with the task, lead and
    coordinator titles the header opens an OCR'd task table."""
    text = "\n".join([
        "TONG CONG TY VAN TAI THUY", "", "So: 12/KH-TCT", "", "KE HOACH", "Chuyen doi so giai doan 2027 - 2029", "",
        "II. NHIEM VU VA LO TRINH", "",
        "TT | Nhiem vu Don vi chu tri | Don vi phoi hop | Lo trinh thuc hien",
        "1 Xay dung cong thong tin dat cho | Ban Cong nghe | Ban Kinh doanh | x",
        "truc tuyen | thong tin",
        "2 Dao tao ky nang so cho thuyen vien | Ban Kinh doanh | Cong doan | x x",
        "", "III. TO CHUC THUC HIEN", "", "1. Ban Cong nghe thong tin theo doi, tong hop.",
    ])
    from giamsat.ingest.agencies import Agency, default_registry

    reg = [*default_registry(), Agency("BCNTT", "Ban Công nghệ thông tin"), Agency("BKD", "Ban Kinh doanh")]
    tasks = parse_text(text, registry=reg).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "BCNTT"), ("2", "BKD")]
