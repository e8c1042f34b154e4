"""Made-up names: short names in capitals the registry does not hold, a unit with its role written after it or its
field's label before it."""

from __future__ import annotations

import pytest

from giamsat.ingest.agencies import AgencyMatcher


@pytest.fixture(scope="module")
def matcher() -> AgencyMatcher:
    return AgencyMatcher()


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("CA xã", "CA_XA"),
        ("CA phường", "CA_XA"),
        ("CẢ xã", "CA_XA"),  # the restorer marked the capitals
        ("BCH Quân sự xã", "BCHQS_XA"),
        ("BCH QS phường", "BCHQS_XA"),
        ("BCHQS xã", "BCHQS_XA"),
        ("Sở Y tế (cơ quan đầu mối)", "SYT"),
        ("Sở Xây dựng (cơ quan thường trực Tổ công tác", "SXD"),  # its ")" cut off with the field
        ("Cơ quan chủ trì: Sở Nội vụ", "SNV"),
        ("Đơn vị thực hiện - Công an xã (phối hợp với Đoàn xã)", "CA_XA"),
        ("ỦY BAN NHÂN DÂN TỈNH HÒA LAM", "UBND_TINH"),  # a header's capitals are no short names
    ],
)
def test_short_names_and_roles_match(matcher: AgencyMatcher, name: str, code: str) -> None:
    hit = matcher.match(name)
    assert hit.agency is not None and hit.agency.code == code
    assert hit.text == name


@pytest.mark.parametrize("name", ["KT", "TTYT xã", "HCCB phường", "cả xã", "Cả phường"])
def test_unknown_short_names_match_nothing(matcher: AgencyMatcher, name: str) -> None:
    """An abbreviation no alias holds is reported unmatched, never the unit with like letters ("cả xã" is no "các xã")."""
    assert matcher.match(name).agency is None


def test_known_aliases_still_match(matcher: AgencyMatcher) -> None:
    assert matcher.match("SKHCN").agency.code == "SKHCN"  # type: ignore[union-attr]
    assert matcher.match("Sở TC").agency.code == "STC"  # type: ignore[union-attr]
    assert matcher.match("BCĐ").agency.code == "BCD"  # type: ignore[union-attr]


def test_a_short_name_cut_off_in_a_narrow_cell_opens_a_unit_whole() -> None:
    """Few letters that open a unit's name in whole words ("Các bộ," of "Các bộ, ngành, địa phương", the rest on the
    cell's next line) still name it; the same few letters that open no name ("cả xã") do not."""
    from giamsat.ingest.agencies import Agency

    matcher = AgencyMatcher([Agency("CAC_BO", "Các bộ, ngành, địa phương"), Agency("UBND_XA", "UBND các xã")])
    assert matcher.match("Các bộ,").agency.code == "CAC_BO"  # type: ignore[union-attr]
    assert matcher.match("cả xã").agency is None


def test_the_rest_of_a_unit_cut_off_at_the_cell_edge_stays_with_it() -> None:
    """A cell of units whose last one the cell's edge cut ("…, các bộ, ngành, địa"): the stub is the rest of the
    unit before it, not a unit of its own to report or to match by its few letters."""
    from giamsat.ingest.agencies import Agency

    matcher = AgencyMatcher([Agency("BTC", "Bộ Tài chính"), Agency("UBND_XA", "UBND các xã"),
                             Agency("CAC_BO", "Các bộ, ngành, địa phương", ("Các bộ, ngành",))])
    hits = matcher.match_many("Bộ Tài chính, các bộ, ngành, địa")
    assert [(h.text, h.agency.code if h.agency else None) for h in hits] == [
        ("Bộ Tài chính", "BTC"), ("các bộ, ngành, địa", "CAC_BO")]
    assert [h.agency.code if h.agency else None for h in matcher.match_many("Bộ Tài chính, Sở ABC")] == ["BTC", None]
    ocr = matcher.match_many("Cac b9,\nnganh, dia")  # the same cell as OCR read it, marks lost and 'ộ' misread
    assert [h.agency.code if h.agency else None for h in ocr] == ["CAC_BO"]
