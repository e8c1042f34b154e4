"""A project table of an investment plan, its units in a "Chủ đầu tư" column ('| STT | Tên dự án | Tổng mức đầu tư | Chủ
đầu tư | Thời gian thực hiện |'): the investor carries its project out, it is the lead (made-up plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

TEXT = "\n".join([
    "ỦY BAN NHÂN DÂN", "TỈNH SƠN ĐÔNG", "", "Số: 77/KH-UBND", "", "KẾ HOẠCH",
    "Đầu tư hạ tầng số của tỉnh năm 2026", "",
    "I. DANH MỤC DỰ ÁN", "",
    "| STT | Tên dự án | Tổng mức đầu tư (triệu đồng) | Chủ đầu tư | Thời gian thực hiện |",
    "|---|---|---|---|---|",
    "| 1 | Nâng cấp hệ thống hội nghị truyền hình của tỉnh | 12.500 | Văn phòng UBND tỉnh | 2026 |",
    "| 2 | Xây dựng cơ sở dữ liệu hộ tịch điện tử | 8.200 | Sở Tư pháp | 2026 - 2027 |",
    "",
])


def test_the_investor_leads_its_project() -> None:
    assert [t.lead_code for t in parse_text(TEXT).tasks] == ["VPUBND", "STP"]
