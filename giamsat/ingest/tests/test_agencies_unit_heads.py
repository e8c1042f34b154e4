"""A unit's head names the unit: a directive gives each duty to the head of a unit ("Giám đốc Sở …:", "Chủ tịch Ủy
ban nhân dân các xã", "Chánh Văn phòng …", "Thủ trưởng các sở, ngành"); and the front's member bodies named
together after a unit leave that unit the lead (made-up names)."""

from __future__ import annotations

import pytest

from giamsat.ingest.agencies import Agency, AgencyMatcher, default_registry


def _match(matcher: AgencyMatcher, name: str) -> tuple[str | None, float]:
    hit = matcher.match(name)
    return (hit.agency.code if hit.agency else None), hit.score


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Giám đốc Sở Nội vụ", "SNV"),
        ("Phó Giám đốc Sở Y tế", "SYT"),
        ("Chủ tịch Ủy ban nhân dân các xã, phường", "UBND_XA"),
        ("Chánh Văn phòng Ủy ban nhân dân tỉnh", "VPUBND"),
        ("Thủ trưởng các sở, ban, ngành", "CAC_SO"),
        ("Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", "BCHQS"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam xã và các đoàn thể chính trị - xã hội", "MTTQ_XA"),
        # OCR text that lost some marks, as the pipeline matches it before the restorer's reading
        ("Giam đốc So Noi vụ:", "SNV"),
        ("Chủ tich Ủy ban nhan dan cac xa, phường:", "UBND_XA"),
    ],
)
def test_the_head_of_a_unit_is_that_unit(name: str, code: str) -> None:
    assert _match(AgencyMatcher(), name) == (code, 100.0)  # was a fuzzy score below 90, or none


def test_a_post_the_plan_registers_stays_that_post() -> None:
    matcher = AgencyMatcher([*default_registry(), Agency("HT", "Hiệu trưởng"), Agency("CT_UBND", "Chủ tịch UBND xã")])
    assert _match(matcher, "Hiệu trưởng")[0] == "HT"
    assert _match(matcher, "Chủ tịch UBND xã")[0] == "CT_UBND"
    assert _match(AgencyMatcher(), "Chủ tịch")[0] is None
