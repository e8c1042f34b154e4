"""Plain OCR text of an indicator table with years as rows whose last row names each indicator's monitoring body
('Cơ quan theo dõi | Sở Y tế | Sở Công Thương | Ngân hàng Nhà nước chi nhánh khu vực'): Tesseract reads that row
line by line across its narrow cells ("Cơ quan | Sở Y tế | Sở Công Ngân hàng Nhà" / "theo dõi Thương nước chi nhánh"
/ "khu vực"); each column's name is made whole from its pieces (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text
from giamsat.ingest.tests.test_parse_ocr_years_as_rows import HEAD, TAIL, TITLES


def _leads(lines: list[str]) -> list[tuple[str | None, str | None]]:
    plan = parse_text("\n".join([*HEAD, *TITLES, "2026 85 60 4", "2028 90 75 8", "2030 100 90 12", *lines, *TAIL]))
    return [(t.lead_code, t.lead) for t in plan.targets]


def test_the_monitoring_row_read_across_its_cells_gives_each_lead() -> None:
    got = _leads(["Cơ quan | Sở Khoa học và Sở Công Ngân hàng Nhà",
                  "theo dõi Công nghệ Thương nước chi nhánh",
                  "khu vực"])
    assert [code for code, _n in got] == ["SKHCN", "SCT", "NHNN"]


def test_names_on_one_line_each() -> None:
    got = _leads(["Cơ quan theo dõi | Sở Y tế | Sở Nội vụ | Công an tỉnh"])
    assert [code for code, _n in got] == ["SYT", "SNV", "CAT"]


def test_a_row_of_other_words_gives_no_lead() -> None:
    got = _leads(["Cơ quan theo dõi cập nhật số liệu hằng quý lên hệ thống"])
    assert [code for code, _n in got] == [None, None, None]
