"""Typed text (made up): a short name in capitals among words in lower case stays as written ("CA xã", not "CẢ
xã"); a header's place name in capitals that the text spells without marks elsewhere ("Hòa Lam, ngày …") stays so."""

from __future__ import annotations

from giamsat.ingest.restore import restore_text

PLAN = """ĐẢNG ỦY XÃ HÒA LAM                      ĐẢNG CỘNG SẢN VIỆT NAM
BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH
VÀ CHUYỂN ĐỔI SỐ                         Hòa Lam, ngày 5 tháng 3 năm 2026

| TT | Nội dung | Chủ trì | Phối hợp | Thời gian |
| 1 | Tuần tra, kiểm soát an ninh mạng tại các thôn | CA xã | Đoàn xã | Hằng tháng |
"""


def test_typed_text_keeps_abbreviations_and_its_place_name() -> None:
    out = restore_text(PLAN).split("\n")
    assert out[0].startswith("ĐẢNG ỦY XÃ HÒA LAM ")
    assert "| CA xã | Đoàn xã |" in out[5]
