"""A ministry's units in a lead cell (made-up names, no registry): "Chuyển đổi số y tế" holds no "Sở Y tế", "Bộ Công an"
is no province's "Công an", and a Cục whose name joins fields with a comma ("Cục Quản lý Khám, chữa bệnh") is one unit;
the province's units are still found."""

from __future__ import annotations

import pytest

from giamsat.ingest.agencies import AgencyMatcher


@pytest.mark.parametrize(
    ("cell", "want"),
    [
        ("Cục Thống kê, Thông tin và Chuyển đổi số y tế", [("Cục Thống kê, Thông tin và Chuyển đổi số y tế", None)]),
        ("Cục Quản lý Khám, chữa bệnh", [("Cục Quản lý Khám, chữa bệnh", None)]),
        ("Cục Quản lý Khám, chữa bệnh; Vụ Kế hoạch - Tài chính",
         [("Cục Quản lý Khám, chữa bệnh", None), ("Vụ Kế hoạch - Tài chính", None)]),
        ("Sở Công Thương, Điện lực tỉnh", [("Sở Công Thương", "SCT"), ("Điện lực tỉnh", None)]),
        ("Sở Tài chính, Sở Nội vụ", [("Sở Tài chính", "STC"), ("Sở Nội vụ", "SNV")]),
    ],
)
def test_lead_cells(cell: str, want: list[tuple[str, str | None]]) -> None:
    got = [(h.text, h.agency.code if h.agency else None) for h in AgencyMatcher(None).match_many(cell)]
    assert got == want


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Cục Cơ sở hạ tầng và Thiết bị y tế; Cục Thống kê, Thông tin và Chuyển đổi số y tế", []),  # was SYT
        ("Chủ trì: Bộ Công an", []),  # was CAT
        ("chuyen doi so y te", []),
        ("Công an tỉnh phối hợp với Bộ Công an", ["CAT"]),
        ("cán bộ Công an xã", ["CA_XA"]),
        ("| Chuyển đổi số | Sở Y tế |", ["SYT"]),
        ("Bộ Chỉ huy Quân sự tỉnh", ["BCHQS"]),
    ],
)
def test_mentions_in_text(text: str, codes: list[str]) -> None:
    assert [a.code for _s, _e, a in AgencyMatcher(None).scan(text)] == codes


def test_a_ministrys_name_over_three_lines_of_a_narrow_cell() -> None:
    lines = [
        "5 Xây dựng Cơ sở | Theo tiến độ Cục Thống | Bộ Công an, | Nhiệm vụ",
        "dữ liệu quốc gia | của Chính phủ | kê, Thông Bộ Khoa học | chuyển tiếp",
        "về y tế theo tin và và Công",
        "Kiến trúc Chính Chuyển đổi | nghệ",
    ]
    matcher = AgencyMatcher(None)
    assert [c.agency.code for c in matcher.scan_tail_cells(lines)] == []  # was SKHCN ("… và Công" / "nghệ")
    province = [x.replace("Bộ Khoa học", "Sở Khoa học") for x in lines]
    assert "SKHCN" in [c.agency.code for c in matcher.scan_tail_cells(province)]
