"""A commune's offices written in table cells by their short names in capitals ("CA xã", "QS phường") are found in an
OCR'd line as they are matched alone, before the coordinators' names after them; the same letters in lower case are
words of the sentence ("tất cả xã") (made-up cells; A's request from forms_commune_pages)."""

from __future__ import annotations

import pytest

from giamsat.ingest.agencies import AgencyMatcher


@pytest.mark.parametrize(
    ("line", "codes"),
    [
        ("5 Rà soát dữ liệu dân cư | CA xã Đoàn TN xã Hằng tháng", ["CA_XA", "DOAN_TN_XA"]),
        ("3 Tuyên truyền về an ninh mạng | CA phường Hội LHPN Quý I/2026", ["CA_XA", "HLHPN"]),
        ("Tổ chức diễn tập | CA tỉnh Sở Tài chính | Năm 2026", ["CAT", "STC"]),
        ("Bảo đảm tất cả xã đều có điểm truy cập | Đoàn TN xã", ["DOAN_TN_XA"]),
        ("Công an xã chủ trì", ["CA_XA"]),
    ],
)
def test_short_names_in_capitals_in_a_cells_line(line: str, codes: list[str]) -> None:
    matcher = AgencyMatcher()
    assert [c.agency.code for c in matcher.scan_cells([line])] == codes
    assert [a.code for _s, _e, a in matcher.scan(line)] == codes
