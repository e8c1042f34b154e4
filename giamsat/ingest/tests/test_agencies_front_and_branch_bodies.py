"""Bodies a provincial or commune plan names beside its departments: the front's member bodies and the trade
unions, the State Treasury's regional branch, the telecom and post companies, a commune's health station and its
party committee's office (made-up names). A plan's own unit keeps its short name when a generic body shares it."""

from __future__ import annotations

import pytest

from giamsat.ingest.agencies import Agency, AgencyMatcher, default_registry


def _code(matcher: AgencyMatcher, name: str) -> str | None:
    hit = matcher.match(name)
    return hit.agency.code if hit.agency else None


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Liên đoàn Lao động tỉnh", "LDLD"),
        ("LĐLĐ tỉnh", "LDLD"),
        ("Công đoàn", "LDLD"),  # was "Công an tỉnh", a near spelling
        ("Hội Cựu chiến binh xã", "HCCB"),
        ("Hội CCB tỉnh", "HCCB"),
        ("Hội Chữ thập đỏ tỉnh", "HCTD"),
        ("Kho bạc Nhà nước khu vực XII", "KBNN"),
        ("KBNN tỉnh", "KBNN"),
        ("VNPT tỉnh", "VNPT"),
        ("Chi nhánh Viettel tỉnh", "VIETTEL"),
        ("Bưu điện tỉnh", "BUU_DIEN"),
        ("Trạm Y tế phường", "TRAM_YT_XA"),
        ("Văn phòng Đảng ủy xã", "VP_DANG_UY_XA"),
    ],
)
def test_generic_bodies_are_known(name: str, code: str) -> None:
    assert _code(AgencyMatcher(), name) == code


def test_a_plans_own_office_keeps_its_short_name() -> None:
    own = Agency("VP_DU_HOA_AN", "Văn phòng Đảng ủy xã Hòa An", ("Văn phòng Đảng ủy",))
    matcher = AgencyMatcher([*default_registry(), own])
    assert _code(matcher, "Văn phòng Đảng ủy") == "VP_DU_HOA_AN"
    assert _code(matcher, "Văn phòng Đảng ủy xã Hòa An") == "VP_DU_HOA_AN"
    assert _code(AgencyMatcher(), "Văn phòng Đảng ủy") == "VP_DANG_UY_XA"
