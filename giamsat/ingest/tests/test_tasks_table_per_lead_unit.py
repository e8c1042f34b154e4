"""Duties given unit by unit, each unit a table of its own with no lead column: the heading over the table names
the unit in charge ('2. Công an tỉnh chủ trì:'). Made-up plan."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_PLAN = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH BẮC SƠN",
    "",
    "Số: 52/KH-UBND",
    "",
    "KẾ HOẠCH",
    "Cải cách hành chính gắn với chuyển đổi số năm 2026",
    "",
    "II. NHIỆM VỤ CỦA CÁC CƠ QUAN",
    "",
    "1. Sở Nội vụ chủ trì thực hiện các nhiệm vụ sau:",
    "",
    "| TT | Nhiệm vụ | Sản phẩm | Thời hạn |",
    "|---|---|---|---|",
    "| 1 | Đánh giá chỉ số cải cách hành chính của các sở, ngành | Báo cáo | Quý IV/2026 |",
    "| 2 | Sắp xếp vị trí việc làm công chức một cửa | Quyết định | 30/6/2026 |",
    "",
    "2. Sở Tư pháp chủ trì:",
    "",
    "| TT | Nhiệm vụ | Sản phẩm | Thời hạn |",
    "|---|---|---|---|",
    "| 1 | Số hóa sổ hộ tịch lưu trữ tại các xã | Dữ liệu hộ tịch | Tháng 8/2026 |",
    "",
    "3. Các nhiệm vụ khác",
    "",
    "| TT | Nhiệm vụ | Sản phẩm | Thời hạn |",
    "|---|---|---|---|",
    "| 1 | Tổng kết thực hiện Kế hoạch | Báo cáo | Tháng 12/2026 |",
]


def test_the_heading_over_a_table_without_lead_column_names_its_lead() -> None:
    plan = parse_text("\n".join(_PLAN))
    assert [(t.name, t.lead_code) for t in plan.tasks] == [
        ("Đánh giá chỉ số cải cách hành chính của các sở, ngành", "SNV"),
        ("Sắp xếp vị trí việc làm công chức một cửa", "SNV"),
        ("Số hóa sổ hộ tịch lưu trữ tại các xã", "STP"),
        ("Tổng kết thực hiện Kế hoạch", None),
    ]
