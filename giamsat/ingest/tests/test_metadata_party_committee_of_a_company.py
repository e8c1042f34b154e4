"""A company's Party committee under its superior organisation, its name broken after the company's legal form
("ĐẢNG BỘ KHỐI DOANH NGHIỆP TỈNH" / "ĐẢNG ỦY CÔNG TY CỔ PHẦN" / "CẤP THOÁT NƯỚC AN GIANG"): the committee, whole,
is the issuer (made-up headers)."""

from __future__ import annotations

import pytest

from giamsat.ingest.pipeline import parse_bytes

BODY = """
KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị trong Công ty

I. NHIỆM VỤ
1. Các chi bộ trực thuộc xây dựng kế hoạch thực hiện, hoàn thành trong Quý II/2026.
"""


@pytest.mark.parametrize(
    ("header", "issuer"),
    [
        ("ĐẢNG BỘ KHỐI DOANH NGHIỆP TỈNH          ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY CÔNG TY CỔ PHẦN\n"
         "CẤP THOÁT NƯỚC AN GIANG\n*\nSố 9-KH/ĐU                          An Giang, ngày 4 tháng 3 năm 2026",
         "ĐẢNG ỦY CÔNG TY CỔ PHẦN CẤP THOÁT NƯỚC AN GIANG"),   # was "ĐẢNG BỘ KHỐI DOANH NGHIỆP TỈNH"
        ("ĐẢNG BỘ KHỐI DOANH NGHIỆP TỈNH\nCHI BỘ CÔNG TY TNHH MỘT THÀNH VIÊN\nXỔ SỐ KIẾN THIẾT AN GIANG\n*\n"
         "Số 3-KH/CB\nAn Giang, ngày 4 tháng 3 năm 2026",
         "CHI BỘ CÔNG TY TNHH MỘT THÀNH VIÊN XỔ SỐ KIẾN THIẾT AN GIANG"),
    ],
)
def test_the_company_committee_broken_after_its_legal_form_issues(header: str, issuer: str) -> None:
    plan = parse_bytes((header + "\n" + BODY).encode()).to_json()
    assert plan["document"]["issuer"] == issuer
