"""A transposed indicator table read from a scan whose last row's title was misread ('| 6 | Sở Tài chính | Sở Công
Thương |' for 'Cơ quan theo dõi'): a last row of names, no figure, is each column's monitoring body. Made-up table."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text


def test_a_last_row_of_names_under_the_years_gives_the_leads() -> None:
    plan = parse_text("\n".join([
        "ỦY BAN NHÂN DÂN", "TỈNH BẮC SƠN", "", "Số: 61/KH-UBND", "", "KẾ HOẠCH", "Phát triển kinh tế số tỉnh Bắc Sơn", "",
        "I. CHỈ TIÊU", "",
        "| Năm | Tỷ lệ hợp tác xã bán hàng trực tuyến (%) | Số điểm phát wifi công cộng (điểm) |",
        "|---|---|---|",
        "| 2026 | 30 | 120 |",
        "| 2028 | 50 | 200 |",
        "| 6 | Sở Công Thương | Sở Khoa học và Công nghệ |",
    ]))
    assert [(t.value, t.lead_code) for t in plan.targets] == [("30", "SCT"), ("120", "SKHCN")]
