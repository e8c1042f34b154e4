"""A unit's own name is found as that unit even when a generic unit listed before it holds the same words as an
alias: the app's unit "Công an đặc khu" beside the generic "Công an xã, phường" that also answers to "Công an đặc
khu" (made-up registry, the generic units first as the reader's defaults come first)."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency, AgencyMatcher, default_registry


def _code(matcher: AgencyMatcher, name: str) -> str | None:
    hit = matcher.match(name)
    return hit.agency.code if hit.agency else None


OWN = [Agency("CA_DAO", "Công an đặc khu"), Agency("VP_DAO", "Văn phòng HĐND và UBND đặc khu")]


def test_a_units_own_name_wins_over_a_generic_alias() -> None:
    matcher = AgencyMatcher([*default_registry(), *OWN])
    assert _code(matcher, "Công an đặc khu") == "CA_DAO"   # was CA_XA, the generic alias
    assert _code(matcher, "Văn phòng HĐND và UBND đặc khu") == "VP_DAO"


def test_the_generic_alias_still_answers_where_no_unit_has_that_name() -> None:
    matcher = AgencyMatcher(default_registry())
    assert _code(matcher, "Công an đặc khu") == "CA_XA"
    assert _code(matcher, "Công an xã") == "CA_XA"
