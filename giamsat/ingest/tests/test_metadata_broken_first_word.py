"""The issuer whose first word a scan's broken line left alone ("ỦY" / "BAN NHÂN DÂN" / "ĐẶC KHU …"), and the units
of a special zone (đặc khu, a commune-level unit since July 2025) in the shipped registry (made-up plan)."""

from __future__ import annotations

from giamsat.ingest.agencies import AgencyMatcher
from giamsat.ingest.pipeline import parse_text

HEAD = """\
ỦY
BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
ĐẶC KHU HÒN MÂY                       Độc lập - Tự do - Hạnh phúc

Số: 31/KH-UBND                        Hòn Mây, ngày 09 tháng 5 năm 2026

KẾ HOẠCH
Phát triển du lịch thông minh trên địa bàn đặc khu năm 2026
"""


def test_a_names_first_word_alone_on_its_line_opens_the_name() -> None:
    assert parse_text(HEAD).to_json()["document"]["issuer"] == "ỦY BAN NHÂN DÂN ĐẶC KHU HÒN MÂY"  # was "BAN NHÂN DÂN"


def test_a_special_zones_units_are_the_commune_levels() -> None:
    m = AgencyMatcher()
    got = {name: m.match(name).agency for name in ("Công an đặc khu", "Văn phòng HĐND và UBND đặc khu",
                                                    "Ban Chỉ huy Quân sự đặc khu", "Đảng ủy đặc khu")}
    assert {k: a.code if a else None for k, a in got.items()} == {
        "Công an đặc khu": "CA_XA", "Văn phòng HĐND và UBND đặc khu": "VP_HDND_UBND_XA",
        "Ban Chỉ huy Quân sự đặc khu": "BCHQS_XA", "Đảng ủy đặc khu": "DANG_UY_XA"}
    assert m.match("Công an tỉnh").agency.code == "CAT"  # type: ignore[union-attr]


def test_the_mottos_last_word_broken_off_is_no_names_first_word() -> None:
    head = ("ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\nNAM\n\nTỈNH HÒN MÂY    Độc lập - Tự do - Hạnh phúc\n"
            "Số: 12/KH-UBND    Hòn Mây, ngày 16 tháng 3 năm 2026\n\nKẾ HOẠCH\nChuyển đổi số năm 2026\n")
    assert parse_text(head).to_json()["document"]["issuer"] == "ỦY BAN NHÂN DÂN TỈNH HÒN MÂY"
