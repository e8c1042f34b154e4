"""An annex whose heading a Latin OCR read with "y" for "ụ" in both words ("PHU LyC", as it reads "PHy LUC"): it is the
annex all the same, its task table past the signature is read (made-up plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

TEXT = "\n".join([
    "UBND TINH BAC LINH", "SO Y TE", "", "So: 88/KH-SYT", "", "KE HOACH",
    "Chuyen doi so nganh y te nam 2026", "",
    "I. NHIEM VU", "",
    "Cac nhiem vu cu the tai Phu luc kem theo Ke hoach nay.", "",
    "II. TO CHUC THUC HIEN", "",
    "Van phong So theo doi, tong hop ket qua thuc hien Ke hoach.", "",
    "Noi nhan:", "- UBND tinh;", "- Luu: VT.", "",
    "GIAM DOC", "", "Tran Van Hai", "",
    "PHU LyC", "",
    "NHIEM VU CHUYEN DOI SO NAM 2026", "",
    "TT Nhiem vu Don vi chu tri Don vi phoi hop Thoi gian", "",
    "1 Trien khai benh an dien tu Phong Nghiep vu Y Van phong So Quy II/2026", "",
    "2 Ket noi du lieu kham chua benh Van phong So Phong Nghiep vu Y Quy IV/2026", "",
    "3 Tap huan ky nang so cho can bo Phong To chuc can bo Van phong So Thang 9/2026", "",
])


def test_the_annex_rows_are_read() -> None:
    tasks = parse_text(TEXT).tasks
    assert [t.no for t in tasks] == ["1", "2", "3"]
    assert [t.deadline.end.isoformat() if t.deadline and t.deadline.end else None for t in tasks] == [
        "2026-06-30", "2026-12-31", "2026-09-30"]
