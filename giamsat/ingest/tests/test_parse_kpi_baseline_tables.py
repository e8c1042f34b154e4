"""A KPI table: its indicator column titled "Chỉ số" (not "Chỉ tiêu"), a baseline column "Giá trị cơ sở 2025" before
the year columns; the baseline is where the indicator stands, not a milestone nor its value. Lines made up for
these tests (a hospital's plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = "KẾ HOẠCH\nII. CHỈ SỐ ĐÁNH GIÁ\nCác chỉ số chủ yếu như sau:\n\n"
TAIL = "\nIII. NHIỆM VỤ\n"


def _targets(body: str) -> list[tuple[str, str | None, str | None, int | None, dict[str, str]]]:
    return [(t.name, t.unit, t.value, t.year, t.milestones) for t in parse_text(HEAD + body + TAIL).targets]


def test_a_chi_so_table_with_a_baseline_column_gives_its_indicators_from_the_first_year() -> None:
    got = _targets("| TT | Chỉ số | ĐVT | Giá trị cơ sở 2025 | 2026 | 2027 | 2030 | Đơn vị theo dõi |\n"
                   "|---|---|---|---|---|---|---|---|\n"
                   "| 1 | Tỷ lệ bệnh án điện tử được ký số | % | 30 | 50 | 70 | 100 | Phòng Kế hoạch tổng hợp |\n"
                   "| 2 | Số lượt khám bệnh từ xa | lượt | 120 | 200 | 300 | ≥ 600 | Khoa Khám bệnh |\n")
    assert got == [("Tỷ lệ bệnh án điện tử được ký số", "%", "50", 2026, {"2026": "50", "2027": "70", "2030": "100"}),
                   ("Số lượt khám bệnh từ xa", "lượt", "200", 2026, {"2026": "200", "2027": "300", "2030": "≥ 600"})]


def test_in_ocr_text_the_baseline_year_is_no_milestone() -> None:
    got = _targets("TT Chỉ số ĐVT Giá trị cơ sở 2025 2026 2027 2030 Đơn vị theo dõi\n"
                   "1 Tỷ lệ bệnh án điện tử được ký số % 30 50 70 100 Phòng Kế hoạch tổng hợp\n"
                   "2 Số lượt khám bệnh từ xa lượt 120 200 300 600 Khoa Khám bệnh\n")
    assert [(v, y, ms) for _n, _u, v, y, ms in got] == [
        ("50", 2026, {"2026": "50", "2027": "70", "2030": "100"}), ("200", 2026, {"2026": "200", "2027": "300", "2030": "600"})]


def test_in_ocr_text_a_baseline_title_broken_under_the_header_with_its_year_below_is_no_value() -> None:
    got = _targets("TT | Chỉ số ĐVT | Giá trị |2026 |2027 |2030 Đơn vị\n"
                   "cơ sở theo dõi\n"
                   "2025\n"
                   "1 | Tỷ lệ bệnh án điện tử % 30 50 70 100 Phòng Kế\n"
                   "được ký số hoạch tổng hợp\n"
                   "2 | Số lượt khám bệnh từ xa | lượt 120 200 300 600 Khoa Khám bệnh\n")
    assert [(v, y, ms) for _n, _u, v, y, ms in got] == [
        ("50", 2026, {"2026": "50", "2027": "70", "2030": "100"}), ("200", 2026, {"2026": "200", "2027": "300", "2030": "600"})]
