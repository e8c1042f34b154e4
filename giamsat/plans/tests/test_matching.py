"""The importer resolves names with the plan reader's matcher (one matcher for reading and importing)."""

from __future__ import annotations

from giamsat.plans.matching import Candidate, UnitMatcher

UNITS = [
    Candidate(1, ("Sở Khoa học và Công nghệ", "", "Sở KH&CN")),
    Candidate(2, ("Văn phòng Ủy ban nhân dân tỉnh", "")),
    Candidate(3, ("Sở Tài chính", "STC")),
    Candidate(4, ("Ủy ban nhân dân phường Hòa Bình", "", "UBND phường Hòa Bình")),
]


def test_names_abbreviations_and_ocr_damage_resolve_to_one_unit() -> None:
    m = UnitMatcher(UNITS)
    assert m.match("Sở KH&CN").key == 1
    assert m.match("S& Khoa hoc va Cong nghé").key == 1         # as the reader sees an OCR'd cell
    assert m.match("VP UBND tỉnh").key == 2                      # abbreviations written out
    assert m.match("Văn phòng HĐND tỉnh").key is None
    assert m.match("Ủy ban nhân dân phường Hòa Bình").key == 4


def test_unknown_or_empty_names_stay_unmatched() -> None:
    m = UnitMatcher(UNITS)
    assert m.match("Ban Quản lý dự án vũ trụ").key is None
    assert m.match("   ").key is None
    assert UnitMatcher([]).match("Sở Tài chính").key is None
