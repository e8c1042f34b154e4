"""A Party header names the organisation above ("ĐẢNG BỘ TỈNH BẮC SƠN") and, under it, the committee that issues,
named with its own place ("HUYỆN ỦY TÂN LẠC", "THÀNH ỦY BẢO AN"): the committee below is the issuer (made-up
headers)."""

from __future__ import annotations

import pytest

from giamsat.ingest.pipeline import parse_bytes

BODY = """
KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về chuyển đổi số

I. NHIỆM VỤ
1. Các chi bộ trực thuộc xây dựng kế hoạch thực hiện, hoàn thành trong Quý II/2026.
"""


@pytest.mark.parametrize(
    ("header", "issuer"),
    [
        ("ĐẢNG BỘ TỈNH BẮC SƠN                 ĐẢNG CỘNG SẢN VIỆT NAM\nHUYỆN ỦY TÂN LẠC\n*\n"
         "Số 45-KH/HU                          Tân Lạc, ngày 10 tháng 3 năm 2026", "HUYỆN ỦY TÂN LẠC"),
        ("ĐẢNG BỘ TỈNH BẮC SƠN\nTHÀNH ỦY BẢO AN\n*\nSố 12-KH/TU\nBảo An, ngày 2 tháng 4 năm 2026",
         "THÀNH ỦY BẢO AN"),
        # as before: the committee with no place of its own takes the organisation's
        ("ĐẢNG BỘ TỈNH BẮC SƠN                 ĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY\n*\n"
         "Số 30-KH/TU                          Bắc Sơn, ngày 10 tháng 3 năm 2026", "TỈNH ỦY BẮC SƠN"),
        ("ĐẢNG BỘ TỈNH BẮC SƠN\nĐẢNG ỦY CÁC CƠ QUAN TỈNH\n*\nSố 7-KH/ĐU\nBắc Sơn, ngày 1 tháng 3 năm 2026",
         "ĐẢNG ỦY CÁC CƠ QUAN TỈNH"),
    ],
)
def test_the_committee_under_the_party_organisation_issues(header: str, issuer: str) -> None:
    plan = parse_bytes((header + "\n" + BODY).encode()).to_json()
    assert plan["document"]["issuer"] == issuer
