"""Indicator tables laid out in two more ways, on made-up plans: years as rows with a last row naming each column's
monitoring body ('Cơ quan theo dõi | Sở Tài chính | …'), and a whole roadmap written in one cell ('Năm 2026: 70%;
năm 2027: 80%')."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_HEAD = ["ỦY BAN NHÂN DÂN", "TỈNH BẮC SƠN", "", "Số: 61/KH-UBND", "", "KẾ HOẠCH", "Phát triển kinh tế số tỉnh Bắc Sơn",
         "", "I. CHỈ TIÊU", ""]


def test_years_as_rows_with_a_row_of_monitoring_bodies() -> None:
    plan = parse_text("\n".join([
        *_HEAD,
        "| Năm | Tỷ lệ hợp tác xã bán hàng trực tuyến (%) | Số điểm phát wifi công cộng (điểm) |",
        "|---|---|---|",
        "| 2026 | 30 | 120 |",
        "| 2028 | 50 | 200 |",
        "| Cơ quan theo dõi | Sở Công Thương | Sở Khoa học và Công nghệ |",
    ]))
    got = [(t.name, t.value, t.unit, t.year, t.lead_code, t.milestones) for t in plan.targets]
    assert got == [("Tỷ lệ hợp tác xã bán hàng trực tuyến", "30", "%", 2026, "SCT", {"2026": "30", "2028": "50"}),
                   ("Số điểm phát wifi công cộng", "120", "điểm", 2026, "SKHCN", {"2026": "120", "2028": "200"})]


def test_a_roadmap_cell_gives_one_milestone_per_year() -> None:
    plan = parse_text("\n".join([
        *_HEAD,
        "| TT | Chỉ tiêu | Lộ trình thực hiện | Đơn vị theo dõi |",
        "|---|---|---|---|",
        "| 1 | Tỷ lệ hộ gia đình có địa chỉ số | Năm 2026: 75%; năm 2027: 100% | Sở Xây dựng |",
        "| 2 | Số trạm quan trắc tự động được kết nối | Năm 2026: 12 trạm; năm 2027: 20 trạm | Sở Nông nghiệp và Môi trường |",
    ]))
    got = [(t.no, t.value, t.unit, t.year, t.lead_code, {y: v.rstrip("%") for y, v in t.milestones.items()})
           for t in plan.targets]
    assert got == [("1", "75", "%", 2026, "SXD", {"2026": "75", "2027": "100"}),
                   ("2", "12", "trạm", 2026, "SNNMT", {"2026": "12", "2027": "20"})]
