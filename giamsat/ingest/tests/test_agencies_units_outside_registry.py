"""Units the registry does not hold (a ministry's Vụ and Văn phòng Bộ, a corporation's or a council's Ban whose name
joins two fields with a dash) are kept as text, never given a province unit's code (made-up names); the registry's
own units are still found."""

from __future__ import annotations

import pytest

from giamsat.ingest.agencies import AgencyMatcher


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Vụ Khoa học và Công nghệ", None),  # was SKHCN: "Vụ" is a head noun like "Sở"
        ("Vụ KHCN", None),
        ("Văn phòng Bộ", None),  # was VPUBND: a ministry's office, not the province's
        ("Thanh tra Bộ", None),  # was TTT (Thanh tra tỉnh)
        ("Ban Tổ chức - Nhân sự", None),  # was BTC (Ban Tổ chức Tỉnh ủy): a corporation's division
        ("Phòng Kinh tế - Hạ tầng", None),  # was PHONG_KT
        ("Ban Văn hóa - Xã hội", None),  # was PHONG_VHXH: a council's committee, not the Phòng
        ("Phòng Văn hóa - Xã hội", "PHONG_VHXH"),
        ("P. Văn hóa - Xã hội", "PHONG_VHXH"),
        ("Sở Nội vụ - chủ trì", "SNV"),
        ("Thanh tra tỉnh", "TTT"),
        ("Văn phòng UBND tỉnh", "VPUBND"),
        ("Ban Tổ chức", "BTC"),
        ("Sở Khoa học và Công nghệ", "SKHCN"),
    ],
)
def test_units_outside_the_registry(name: str, code: str | None) -> None:
    hit = AgencyMatcher(None).match(name)
    assert (hit.agency.code if hit.agency else None) == code


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Ban Tổ chức - Nhân sự", []),  # was BTC: the unit "Ban Tổ chức" found inside a longer name
        ("Phòng Kinh tế - Hạ tầng chủ trì", []),
        ("UBND tỉnh - Sở Y tế", ["UBND_TINH", "SYT"]),
        ("Sở Y tế - Chủ trì", ["SYT"]),
        ("Phòng Văn hóa - Xã hội", ["PHONG_VHXH"]),
    ],
)
def test_a_name_going_on_after_a_dash(text: str, codes: list[str]) -> None:
    assert [a.code for _s, _e, a in AgencyMatcher(None).scan(text)] == codes
