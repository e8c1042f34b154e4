"""A unit's name with a short name in capitals the registry does not know is matched fuzzily only to a unit that is
so shortened (made-up names): "Sở TTDL" is not "Sở Văn hóa, Thể thao và Du lịch" (short name "VHTTDL"), though most
of the letters agree; "Sở NNPTNT" is still "Sở Nông nghiệp và Phát triển nông thôn" (its initials)."""

from __future__ import annotations

import pytest

from giamsat.ingest.agencies import AgencyMatcher


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Sở TTDL", None),  # was SVHTTDL at 87.5
        ("Sở NNPTNT", "SNNPTNT"),
        ("Sở VH-TT&DL", "SVHTTDL"),
        ("Sở VHTTDL tỉnh", "SVHTTDL"),
        ("Sở KHCN", "SKHCN"),
        ("Tỉnh đoàn TN", "DOAN_TN"),
    ],
)
def test_short_names_in_capitals(name: str, code: str | None) -> None:
    hit = AgencyMatcher(None).match(name)
    assert (hit.agency.code if hit.agency else None) == code
