"""Plain OCR text of an indicator table with years as rows ('Năm | Tỷ lệ hộ … (%) | …' / '2027 | 90 | 70 | 6'): a
figure Tesseract read as look-alike letters ("TỌ" for 75, "9O" for 90, "S" for 5) keeps its row, that cell left
empty (which figure it was is not guessed: "TỌ" may be 70 or 75), the others read (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text
from giamsat.ingest.tests.test_parse_ocr_years_as_rows import HEAD, TAIL, TITLES


def _milestones(lines: list[str]) -> tuple[list[dict[str, str]], list[str]]:
    plan = parse_text("\n".join([*HEAD, *lines, *TAIL]))
    return [t.milestones for t in plan.targets], plan.warnings


def test_a_figure_read_as_letters_leaves_its_cell_empty() -> None:
    got, warnings = _milestones([*TITLES, "2026 85 60 4", "2027 88 TỌ 6", "2028 9O 75 S", "2030 100 90 12"])
    assert got == [{"2026": "85", "2027": "88", "2030": "100"},
                   {"2026": "60", "2028": "75", "2030": "90"},
                   {"2026": "4", "2027": "6", "2030": "12"}]
    assert any("đọc thành chữ" in w for w in warnings)


def test_a_word_after_a_year_is_no_figure() -> None:
    # a sentence opening with a year is no row: only short look-alike tokens among figures are read back
    got, _w = _milestones([*TITLES, "2026 85 60 4", "2030 100 90 12", "2031 tổ chức tổng kết, đánh giá"])
    assert [sorted(ms) for ms in got] == [["2026", "2030"]] * 3
