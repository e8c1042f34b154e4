"""In OCR text without marks, a cell's continuation line may open with a short word ("len" for "lên") that looks
like an OCR'd row number ("l" for 1): a word whose letters stand for no digit is no row number, so the numbering
past it still finds a row whose number OCR misread ("8" for 3). Made-up indicator table, marks lost."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_TABLE = [
    "KE HOACH", "Chuyen doi so xa Binh An nam 2026", "I. MUC TIEU", "II. CHI TIEU",
    "TT Chi tieu DVT Chi tieu Ghi chu",
    "nam 2026",
    "1 Ty le ho so thu tuc hanh chinh | % > 85 Tinh tren tong",
    "duoc xu ly truc tuyen so ho so",
    "2 Ty le nguoi dan tu 16 tuoi tro | % 90",
    "",
    "len co chu ky so ca nhan",
    "",
    "ket noi internet toc do cao",
    "",
    "8 So thon co diem wifi cong cong 12 Toan bo cac thon",
    "",
    "4 Ty le ho kinh doanh co ma QR | % > 75",
    "thanh toan",
]


def test_a_continuation_opening_with_len_keeps_the_rows_after_it() -> None:
    values = [t.value for t in parse_text("\n".join(_TABLE)).targets]
    assert values == ["85", "90", "12", "75"]
