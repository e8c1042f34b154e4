""""P." is "Phòng" written short: a commune office the registry knows as "P. VH-XH" is also found written "Phòng
VH-XH", alone or split over an OCR'd cell's lines ("Phòng VH-" / "XH"), before the coordinators beside it (made-up
cells; A's request from forms_commune_pages)."""

from __future__ import annotations

from giamsat.ingest.agencies import AgencyMatcher


def test_phong_with_a_short_name_in_a_line() -> None:
    assert [c.agency.code for c in AgencyMatcher().scan_cells(["Phòng VH-XH chủ trì"])] == ["PHONG_VHXH"]


def test_phong_with_a_short_name_split_over_a_cells_lines() -> None:
    lines = ["4 Tổ chức ngày hội số | Phòng VH- Hội LHPN xã, Đoàn | Quý III/2026", "tại các thôn | XH TN xã"]
    assert [c.agency.code for c in AgencyMatcher().scan_cells(lines)][:2] == ["PHONG_VHXH", "HLHPN"]
