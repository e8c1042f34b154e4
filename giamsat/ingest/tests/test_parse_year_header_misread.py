"""Year columns whose year OCR misread into letters ("Kế hoạch ÁN tác" for "Kế hoạch 2025"): the year is
known only when the neighbours' years leave room for one, or the sentence leading into the table names it;
otherwise the column stays unread (no milestone rather than a wrong year)."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency
from giamsat.ingest.pipeline import parse_text

REG = [Agency("SYT", "Sở Y tế"), Agency("TTKS", "Trung tâm Kiểm soát bệnh tật")]

HEAD = ["KẾ HOẠCH", "Chuyển đổi số ngành y tế tỉnh Bắc Sơn", "I. MỤC TIÊU", "1. Mục tiêu chung",
        "Phát triển y tế số.", "2. Chỉ tiêu"]


def _targets(lines: list[str]) -> list[tuple[str | None, int | None, str | None, dict[str, str]]]:
    text = "\n".join([*HEAD, *lines, "II. NHIỆM VỤ", "1. Triển khai kế hoạch."])
    return [(t.no, t.year, t.value, t.milestones) for t in parse_text(text, registry=REG).targets]


def test_the_plan_year_a_baseline_table_names_before_it() -> None:
    got = _targets([
        "Kết quả năm 2024 và chỉ tiêu đến năm 2026, năm 2030 như sau:",
        "",
        "| TT | Chỉ tiêu | Đơn vị tính | Thực hiện 2024 | Kế hoạch ĐÀ tịc | Mục tiêu 2030 | Đơn vị theo dõi |",
        "| 1 | Trạm y tế xã dùng bệnh án điện tử | trạm | 12 | 30 | 45 | Sở Y tế |",
        "| 2 | Người dân có hồ sơ sức khỏe điện tử | % | 40 | 60 | ≥ 90 | Trung tâm Kiểm soát bệnh tật |"])
    assert got == [("1", 2026, "30", {"2026": "30", "2030": "45"}),
                   ("2", 2026, "60", {"2026": "60", "2030": "≥ 90"})]


def test_one_year_between_its_neighbours() -> None:
    got = _targets([
        "| TT | Chỉ tiêu | Đơn vị tính | 2026 | Kế hoạch ÁN | 2028 |",
        "| 1 | Trạm y tế xã dùng bệnh án điện tử | % | 50 | 70 | 100 |"])
    assert got == [("1", 2026, "50", {"2026": "50", "2027": "70", "2028": "100"})]


def test_no_year_guessed_when_the_lead_in_names_a_span_only() -> None:
    got = _targets([
        "Chỉ tiêu giai đoạn 2026 - 2030 như sau:",
        "| TT | Chỉ tiêu | Đơn vị tính | Thực hiện 2024 | Kế hoạch ĐÀ tịc | Mục tiêu 2030 | Đơn vị theo dõi |",
        "| 1 | Trạm y tế xã dùng bệnh án điện tử | trạm | 12 | 30 | 45 | Sở Y tế |"])
    assert got == [("1", 2030, "45", {"2030": "45"})]


def test_a_decimal_comma_ocr_read_as_a_slash_between_rising_milestones() -> None:
    text = "\n".join([
        "KẾ HOẠCH", "I. MỤC TIÊU", "2. Chỉ tiêu cụ thể",
        "STT | Chỉ tiêu Đơn vị 2026 |2027 |2028 | Cơ quan", "tính chủ trì",
        "1 Chi ngân sách cho | % 1 1/5 2 Sở Y", "y tế số tế",
        "2 Trạm y tế có bác sĩ | % 3/4 80 90 Sở Y", "tư vấn từ xa tế",
        "II. NHIỆM VỤ VÀ GIẢI PHÁP", "1. Triển khai kế hoạch."])
    got = [t.milestones for t in parse_text(text, registry=REG).targets]
    # (a first cell has one neighbour only: "3/4" stays as read)
    assert got == [{"2026": "1", "2027": "1,5", "2028": "2"}, {"2026": "3/4", "2027": "80", "2028": "90"}]


def test_a_sub_row_number_ocr_read_as_a_roman_numeral_keeps_its_figures() -> None:
    got = _targets([
        "| STT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2027 | Năm 2028 |",
        "| I | Nhóm chỉ tiêu về y tế số |  |  |  |",
        "| LI | Trạm y tế xã có kết nối bệnh án điện tử | trạm | 18 | 24 | 30 |",
        "| 1.2 | Người dân có hồ sơ sức khỏe điện tử | % | 60 | 75 | 90 |"])
    assert got == [("LI", 2026, "18", {"2026": "18", "2027": "24", "2028": "30"}),
                   ("1.2", 2026, "60", {"2026": "60", "2027": "75", "2028": "90"})]


def test_a_plan_year_column_titled_with_the_abbreviation_kh() -> None:
    got = _targets([
        "| TT | Chỉ tiêu | ĐVT | Thực hiện 2024 | KH 2025 | 2026 | 2030 | Đơn vị theo dõi |",
        "| 1 | Trạm y tế xã dùng bệnh án điện tử | trạm | 12 | 20 | 30 | 45 | Sở Y tế |"])
    assert got == [("1", 2025, "20", {"2025": "20", "2026": "30", "2030": "45"})]
    text = "\n".join([*HEAD, "| TT | Chỉ tiêu | ĐVT | KH 2025 | 2026 |", "| 1 | Trạm y tế xã dùng bệnh án điện tử | trạm | 20 | 30 |",
                      "II. NHIỆM VỤ", "1. Triển khai kế hoạch."])
    assert [t.unit for t in parse_text(text, registry=REG).targets] == ["trạm"]
