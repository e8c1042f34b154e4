"""A made-up plan of a committee whose name the header breaks over three lines, the last opening with "VÀ", and
whose task table names the commune's police and military command by their short names."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_bytes

PLAN = """ĐẢNG ỦY XÃ HÒA LAM                      ĐẢNG CỘNG SẢN VIỆT NAM
BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH,
ĐỀ ÁN 06 VÀ BẢO ĐẢM AN NINH
VÀ CHUYỂN ĐỔI SỐ                         Hòa Lam, ngày 5 tháng 3 năm 2026
*
Số 03-KH/BCĐ

KẾ HOẠCH
Triển khai chuyển đổi số trên địa bàn xã năm 2026

I. NHIỆM VỤ
| TT | Nội dung | Chủ trì | Phối hợp | Thời gian |
| 1 | Tuần tra, kiểm soát an ninh mạng tại các thôn | CA xã | Đoàn xã | Hằng tháng |
| 2 | Huấn luyện dân quân về kỹ năng số | BCH Quân sự xã | CA xã | Quý II/2026 |
"""


def test_three_line_committee_name() -> None:
    plan = parse_bytes(PLAN.encode()).to_json()
    assert plan["document"]["issuer"] == (
        "BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH, ĐỀ ÁN 06 VÀ BẢO ĐẢM AN NINH VÀ CHUYỂN ĐỔI SỐ"
    )
