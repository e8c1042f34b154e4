"""A unit's name whose first words OCR destroyed is still known by its distinctive end split by the cell's line
break; the break may fall before the end's last two words ("Thể thao và" / "Du lịch"), not only before its last
one ("… và Công" / "nghệ") (made-up OCR'd table lines)."""

from __future__ import annotations

from giamsat.ingest.agencies import AgencyMatcher
from giamsat.ingest.pipeline import parse_text

CELL = [
    "12 Số hóa hồ sơ di tích cấp | ~ Sé#Vln h()a, | Quý IV/2026",
    "tỉnh Thể thao và",
    "Du lịch",
]


def test_the_end_of_a_name_with_its_last_two_words_on_the_next_line() -> None:
    found = AgencyMatcher().scan_tail_cells(CELL)
    assert [(c.line, c.agency.code) for c in found] == [(1, "SVHTTDL")]


def test_the_last_word_alone_below_is_read_as_before() -> None:
    found = AgencyMatcher().scan_tail_cells(["5 Dữ liệu | ~ #& Khoa học và Công", "nghệ"])
    assert {c.agency.code for c in found} == {"SKHCN"}


def test_two_words_below_that_are_not_the_end_give_nothing() -> None:
    assert AgencyMatcher().scan_tail_cells(["tỉnh Thể thao và", "Du khách"]) == []


def test_the_row_of_an_annex_takes_that_unit_as_its_lead() -> None:
    plan = parse_text("\n".join([
        "UBND TỈNH", "KẾ HOẠCH", "Chuyển đổi số năm 2026", "", "PHỤ LỤC", "",
        "TT | Tên nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành", "",
        "11 | Xây dựng cơ sở dữ liệu lễ hội | Sở Văn hóa, Thể thao và Du lịch | Năm 2026", "",
        "12 Số hóa hồ sơ di tích cấp ~ Sé#Vln h()a, Quý IV/2026", "tỉnh Thể thao và", "Du lịch", "",
        "13 | Xây dựng bản đồ số du lịch | Sở Tài chính | Năm 2027", "",
    ]))
    assert [(t.no, t.lead_code) for t in plan.tasks] == [("11", "SVHTTDL"), ("12", "SVHTTDL"), ("13", "STC")]
