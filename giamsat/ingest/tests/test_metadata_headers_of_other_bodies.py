"""Headers and symbols of bodies other than a province's (made-up headers): a bank's branch under its bank's name, a
Front committee with its place on the next line, a police department's or a university's division under its parent;
a symbol with a branch's dotted part ("…-PTLS.BL"), a guidance's code "HD" (Hướng dẫn; "HĐ" is a contract's), a
code whose Đ OCR read twice ("ĐĐU"); a title broken before the symbol it cites ("… Nghị quyết số" / "57-NQ/TW …")."""

from __future__ import annotations

import pytest

from giamsat.ingest.metadata import find_symbols
from giamsat.ingest.pipeline import parse_text

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
BODY = "\n\nKẾ HOẠCH\nChuyển đổi số năm 2026\n\nI. NHIỆM VỤ\n1. Triển khai ứng dụng số, hoàn thành trong Quý II/2026.\n"


@pytest.mark.parametrize(
    ("head", "issuer"),
    [
        (f"NGÂN HÀNG THƯƠNG MẠI CỔ PHẦN        {MOTTO}\nNÔNG THÔN MIỀN TRUNG              Độc lập - Tự do - Hạnh phúc\n"
         "CHI NHÁNH TỈNH BẮC SƠN\nSố: 310/KH-NTMT.BS                 Bắc Sơn, ngày 4 tháng 2 năm 2026",
         "CHI NHÁNH TỈNH BẮC SƠN"),
        (f"ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM    {MOTTO}\nTỈNH BẮC SƠN                        Độc lập - Tự do - Hạnh phúc\n"
         "Số: 21/KH-MTTQ-BTT                 Bắc Sơn, ngày 12 tháng 3 năm 2026",
         "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH BẮC SƠN"),
        (f"CÔNG AN TỈNH BẮC SƠN                {MOTTO}\nPHÒNG THAM MƯU                     Độc lập - Tự do - Hạnh phúc\n"
         "Số: 77/KH-PTM                      Bắc Sơn, ngày 10 tháng 5 năm 2026", "PHÒNG THAM MƯU"),
        (f"TRƯỜNG ĐẠI HỌC BẮC SƠN              {MOTTO}\nKHOA CÔNG NGHỆ THÔNG TIN           Độc lập - Tự do - Hạnh phúc\n"
         "Số: 15/KH-CNTT                     Bắc Sơn, ngày 10 tháng 9 năm 2026", "KHOA CÔNG NGHỆ THÔNG TIN"),
        # a university's name wrapped before "KHOA HỌC …" is one name
        (f"TRƯỜNG ĐẠI HỌC                      {MOTTO}\nKHOA HỌC TỰ NHIÊN                  Độc lập - Tự do - Hạnh phúc\n"
         "Số: 9/KH-ĐHKHTN                    Bắc Sơn, ngày 10 tháng 9 năm 2026", "TRƯỜNG ĐẠI HỌC"),
    ],
)
def test_the_issuing_body(head: str, issuer: str) -> None:
    assert parse_text(head + BODY).document.issuer == issuer


def test_symbols() -> None:
    text = "Số 310/KH-NTMT.BS; 45/HD-SKHCN; 18-CTr/ĐĐU; 12/NQ-ĐĐBQH; 46/KH-UBND.Sở Y tế; 47/KH-UBND. Trong"
    assert [s for _at, s in find_symbols(text)] == [
        "310/KH-NTMT.BS", "45/HD-SKHCN", "18-CTr/ĐU", "12/NQ-ĐĐBQH", "46/KH-UBND", "47/KH-UBND"
    ]


def test_a_title_broken_before_the_symbol_it_cites() -> None:
    head = ("ĐẢNG BỘ TỈNH BẮC SƠN ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY CÁC CƠ QUAN TỈNH\n*\n"
            "Số 20-CTr/ĐU Bắc Sơn, ngày 6 tháng 4 năm 2026\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n"
            "của Ban Thường vụ Đảng ủy thực hiện Nghị quyết số\n57-NQ/TW\n"
            "của Bộ Chính trị về chuyển đổi số\nThực hiện Nghị quyết số 57-NQ/TW, Ban Thường vụ xây dựng Chương trình:\n")
    doc = parse_text(head + "\nI. NHIỆM VỤ\n1. Triển khai ứng dụng số, hoàn thành trong Quý II/2026.\n").document
    assert doc.title == (
        "Chương trình hành động của Ban Thường vụ Đảng ủy thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về "
        "chuyển đổi số"
    )
