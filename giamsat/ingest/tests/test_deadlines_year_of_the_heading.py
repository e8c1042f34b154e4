"""A plan for several years that sets out its duties year by year, one table under each heading ("1. Nhiệm vụ năm
2026", "2. Nhiệm vụ năm 2027"), writes their deadlines without the year ("Quý II", "Tháng 10", "Trước 30/6", "Cả
năm"): each falls in its heading's year, and the reviewer is told so. A heading naming a horizon ("đến năm 2030") or
no year dates nothing. Made-up plan of an agriculture department."""

from __future__ import annotations

import datetime as dt

from giamsat.ingest.model import ParsedPlan
from giamsat.ingest.pipeline import parse_text

HEAD = ["SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Số: 56/KH-SNNMT", "Tân Lập, ngày 11 tháng 02 năm 2026", "KẾ HOẠCH",
        "Chuyển đổi số trong nông nghiệp năm 2026 - 2027", "", "III. NHIỆM VỤ CỤ THỂ", ""]
COLUMNS = ["| TT | Nội dung | Đơn vị chủ trì | Thời gian hoàn thành |", "|---|---|---|---|"]


def _ends(plan: ParsedPlan) -> list[dt.date | None]:
    return [t.deadline.end if t.deadline else None for t in plan.tasks]


def test_each_table_dates_its_deadlines_in_its_heading_year() -> None:
    plan = parse_text("\n".join([
        *HEAD, "1. Nhiệm vụ năm 2026", *COLUMNS,
        "| 1 | Xây dựng bản đồ số vùng nuôi cá tra | Chi cục Thủy sản | Tháng 10 |",
        "| 2 | Triển khai phần mềm cảnh báo sớm dịch bệnh động vật | Chi cục Chăn nuôi và Thú y | Trước 30/6 |",
        "", "2. Nhiệm vụ năm 2027", *COLUMNS,
        "| 1 | Kết nối dữ liệu vùng trồng với nền tảng truy xuất nguồn gốc | Trung tâm Khuyến nông | Quý III |",
        "| 2 | Nhân rộng mô hình cánh đồng lớn dùng thiết bị bay | Trung tâm Khuyến nông | Cả năm |"]))
    assert _ends(plan) == [dt.date(2026, 10, 31), dt.date(2026, 6, 30), dt.date(2027, 9, 30), dt.date(2027, 12, 31)]
    assert any("không ghi năm" in w and "tiêu đề" in w for w in plan.warnings)


def test_a_heading_with_a_horizon_dates_nothing() -> None:
    plan = parse_text("\n".join([
        *HEAD, "1. Nhiệm vụ đến năm 2030", *COLUMNS,
        "| 1 | Xây dựng bản đồ số vùng nuôi cá tra | Chi cục Thủy sản | Tháng 10 |"]))
    assert [t.deadline.kind if t.deadline else None for t in plan.tasks] == ["unknown"]
