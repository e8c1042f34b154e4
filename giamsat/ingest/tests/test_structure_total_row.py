"""A project annex that sums its rows: lettered group rows carrying subtotals and a last row 'TỔNG CỘNG' with an
empty number cell. The total is no task and no part of the last project's row. Made-up plan text."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_bytes

PLAN = """ỦY BAN NHÂN DÂN
TỈNH AN GIANG BẮC

Số: 31/KH-UBND                             An Giang Bắc, ngày 12 tháng 02 năm 2026

KẾ HOẠCH
Đầu tư chuyển đổi số năm 2026

I. MỤC TIÊU
Hoàn thành các dự án chuyển đổi số theo danh mục tại Phụ lục.

PHỤ LỤC
DANH MỤC DỰ ÁN CHUYỂN ĐỔI SỐ NĂM 2026

| STT | Tên dự án | Kinh phí (triệu đồng) | Cơ quan chủ trì | Thời gian thực hiện |
|---|---|---|---|---|
| A | DỰ ÁN CHUYỂN TIẾP | 12.000 | | |
| 1 | Nâng cấp Cổng dịch vụ công của tỉnh | 12.000 | Văn phòng UBND tỉnh | Quý II/2026 |
| B | DỰ ÁN MỚI | 9.500 | | |
| 2 | Xây dựng cơ sở dữ liệu giáo dục dùng chung | 5.500 | Sở Giáo dục và Đào tạo | Quý IV/2026 |
| 3 | Số hóa hồ sơ bệnh án tại bệnh viện tuyến tỉnh | 4.000 | Sở Y tế | Tháng 10/2026 |
| | Tổng cộng (A+B) | 21.500 | | |
"""


def test_the_total_row_is_neither_a_task_nor_the_rest_of_the_last_one() -> None:
    j = parse_bytes(PLAN.encode(), "plan.txt").to_json()
    got = [(t["no"], t["name"], t["lead_code"], t["deadline"]["end"]) for t in j["tasks"]]
    assert got == [
        ("1", "Nâng cấp Cổng dịch vụ công của tỉnh", "VPUBND", "2026-06-30"),
        ("2", "Xây dựng cơ sở dữ liệu giáo dục dùng chung", "SGDDT", "2026-12-31"),
        ("3", "Số hóa hồ sơ bệnh án tại bệnh viện tuyến tỉnh", "SYT", "2026-10-31"),
    ]


def test_a_row_naming_an_indicator_that_opens_with_tong_is_kept() -> None:
    """'Tổng dung lượng …' names an indicator: only a cell that says nothing but the total is one."""
    text = PLAN.replace("| | Tổng cộng (A+B) | 21.500 | | |",
                        "| 4 | Tổng số hồ sơ được số hóa trong năm | 1.000 | Sở Nội vụ | Tháng 12/2026 |")
    j = parse_bytes(text.encode(), "plan.txt").to_json()
    assert [t["no"] for t in j["tasks"]] == ["1", "2", "3", "4"]
    assert j["tasks"][3]["lead_code"] == "SNV"
