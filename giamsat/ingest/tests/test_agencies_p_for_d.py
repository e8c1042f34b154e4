"""OCR reads the capital "Đ" of a unit's name as "P" ("Pại học", "Sở Giáo dục và Pào tạo"): no Vietnamese syllable
opens with a bare "p" (only "ph"; "pin", "Pác Bó" are loanwords and mountain place names), so such a word is damage
the registry's words may mend, like any other misread word of a name (made-up cells)."""

from __future__ import annotations

import pytest

from giamsat.ingest.agencies import AgencyMatcher


@pytest.mark.parametrize(
    ("line", "codes"),
    [
        ("Pai hoc Tay Nguyen | Sở Khoa học", ["DH", "SKHCN"]),
        ("Pại học vùng | Các sở, ngành", ["DH", "CAC_SO"]),
        ("| Sở Giáo dục và Pào tạo |", ["SGDDT"]),
        ("S& Gido duc va Pao tao", ["SGDDT"]),
        ("Phòng Văn hóa - Xã hội", ["PHONG_VHXH"]),
        ("Sở Tài chính phối hợp", ["STC"]),
    ],
)
def test_a_name_whose_d_was_read_p(line: str, codes: list[str]) -> None:
    assert [c.agency.code for c in AgencyMatcher().scan_cells([line])] == codes
