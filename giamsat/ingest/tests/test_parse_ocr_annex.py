"""Annex task tables that OCR flattened into loose lines (no pipes, no positions): the lead of each row."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

# An annex task table OCR'd without any layout: cells are centred on the row's number line, so a
# taller coordinators' cell starts above the lead's; names are damaged ("S¢ Gido duc", "Cac s0,").
OCR_ANNEX = """UY BAN NHAN DAN TINH X
So: 12/KH-UBND
KE HOACH
Trien khai chuyen doi so nam 2026

I. MUC TIEU
1. Hoan thanh cac nhiem vu tai Phu luc kem theo.

Phu luc
DANH MUC NHIEM VU
TT Ten nhiem vu Co quan chu tri Co quan phoi hop Thoi gian hoan thanh
Xay dung co so du lieu dung chung ve khoa hoc Cac so, nganh,
1 | va cong nghe cho toan tinh, ket noi voi | S& Tai chinh dia phuong Nam 2026
he thong thong tin quoc gia.
Ban hanh quy che khai thac du lieu so | S¢ Gido duc | So Khoa hoc va Cong
2 | trong cac truong hoc tren dia ban tinh. | va dao tao nghe Quy IV/2026
To chuc tap huan ky nang so cho can bo, Cac s0, S& Noi vy
3 | cong chuc, vien chuc cap xa tren dia ban | nganh, dia Thuong xuyen
tinh theo ke hoach hang nam. phuong
Day manh chuyen doi so, xay dung co so du lieu nganh cong thuong | S& Cong Thuong | Cac so, nganh,
4 | ket noi voi he thong thong tin cua tinh. dia phuong Nam 2027
Trien khai cac de an, chuong trinh, S& Cong
5 | phat trien nang luong tai tao cua tinh. | Thuong | Cac so, nganh Thuong xuyen
"""


def test_ocr_annex_lead_is_the_left_most_cell_not_the_first_line() -> None:
    tasks = {t.no: t for t in parse_text(OCR_ANNEX).tasks}
    # row 4: "chuyển đổi số, xây dựng" inside the task's sentence is not "Sở Xây dựng";
    # row 5: a name after "chương trình," starts a cell (unlike "của UBND tỉnh" in an output cell)
    assert {n: t.lead_code for n, t in tasks.items()} == {"1": "STC", "2": "SGDDT", "3": "CAC_SO", "4": "SCT",
                                                          "5": "SCT"}
    assert tasks["1"].coordinators == ["Các sở, ban, ngành, địa phương"]
    assert tasks["2"].coordinators == ["Sở Khoa học và Công nghệ"]
    assert tasks["3"].coordinators == ["Sở Nội vụ"]


def test_an_annex_whose_heading_and_title_ocr_misread_is_still_read_past_the_signature() -> None:
    # "PHỤ LỤC" read "PHy LUC" below the signature, the title's "NHIỆM" read "NHI¢M", and a header naming
    # "Thời hạn" (no "thời gian", no "chủ trì"): the annex is still the plan's and its rows its tasks
    text = "\n".join(["UY BAN NHAN DAN TINH X", "So: 12/KH-UBND", "KE HOACH", "Trien khai chuyen doi so nam 2026", "",
                      "I. MUC TIEU", "1. Hoan thanh cac nhiem vu tai Phu luc kem theo.", "",
                      "T/M UY BAN NHAN DAN", "CHU TICH", "", "Nguyen Van A", "",
                      "PHy LUC", "DANH MUC NHI¢M VU THUC HIEN KE HOACH", "",
                      "STT | Noi dung | Co quan thuc hien | Co quan phoi hop | Thoi han", "",
                      "1 | Xay dung co so du lieu dung chung | So Tai chinh | Cac so, nganh | Nam 2026", "",
                      "2 | Ban hanh quy che khai thac du lieu | So Noi vu | Cac so, nganh | Quy IV/2026", "",
                      "3 | To chuc tap huan ky nang so | So Tai chinh | Cac so, nganh | Nam 2027"])
    tasks = parse_text(text).tasks
    assert [t.no for t in tasks] == ["1", "2", "3"]
    assert tasks[1].name.startswith("Ban hành quy chế")
