"""Plain OCR text of an indicator table with years as rows and one indicator per column ('Năm | Tỷ lệ hộ … (%) |
Số xã … (xã)' / '2026 | 85 | 12'): Tesseract reads its header's titles interleaved line by line and each year's
row as the year and its figures (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = ["ỦY BAN NHÂN DÂN HUYỆN ĐÔNG HẢI", "", "KẾ HOẠCH", "Chuyển đổi số huyện Đông Hải giai đoạn 2026 - 2030", "",
        "I. MỤC TIÊU", "", "Các chỉ tiêu chủ yếu theo từng năm như sau:", ""]
TITLES = ["Năm Tỷ lệ hộ gia đình có | Tỷ lệ người dân sử dụng Số xã đạt chuẩn",
          "hợp đồng điện tử dịch vụ công trực tuyến | chuyển đổi số",
          "(%) (%) (xã)"]
TAIL = ["", "II. NHIỆM VỤ", "", "1. Phòng Văn hóa và Thông tin tham mưu triển khai Kế hoạch."]


def _targets(lines: list[str]) -> list[tuple[str, str | None, str | None, int | None, dict[str, str]]]:
    plan = parse_text("\n".join([*HEAD, *lines, *TAIL]))
    return [(t.name, t.unit, t.value, t.year, t.milestones) for t in plan.targets]


def test_each_column_is_an_indicator_named_by_its_interleaved_title() -> None:
    got = _targets([*TITLES, "| 2026 85 60 4", "", "2028 90 75 8", "", "2030 100 > 90 12"])
    assert got == [
        ("Tỷ lệ hộ gia đình có hợp đồng điện tử", "%", "85", 2026, {"2026": "85", "2028": "90", "2030": "100"}),
        ("Tỷ lệ người dân sử dụng dịch vụ công trực tuyến", "%", "60", 2026,
         {"2026": "60", "2028": "75", "2030": "≥ 90"}),     # Tesseract has no "≥"
        ("Số xã đạt chuẩn chuyển đổi số", "xã", "4", 2026, {"2026": "4", "2028": "8", "2030": "12"}),
    ]


def test_the_header_repeated_after_a_page_break_is_no_row() -> None:
    got = _targets([*TITLES, "2026 85 60 4", "", "", *TITLES, "", "Năm 2030 100 90 12"])
    assert [(name[:20], ms) for name, _u, _v, _y, ms in got] == [
        ("Tỷ lệ hộ gia đình có", {"2026": "85", "2030": "100"}),
        ("Tỷ lệ người dân sử d", {"2026": "60", "2030": "90"}),
        ("Số xã đạt chuẩn chuy", {"2026": "4", "2030": "12"}),
    ]


def test_a_line_opening_with_a_year_in_prose_is_no_such_table() -> None:
    got = _targets(["Năm 2026 hoàn thành số hóa hồ sơ", "2026 80 60", "2027 90 70"])
    assert all(ms == {} or "2027" not in ms for _n, _u, _v, _y, ms in got)


def test_a_title_opening_with_an_ocr_glyph_still_opens_a_column() -> None:
    titles = [TITLES[0].replace("Số xã", "S6 xa"), *TITLES[1:]]
    got = _targets([*titles, "2026 85 60 4", "2030 100 90 12"])
    assert [(u, ms) for _n, u, _v, _y, ms in got] == [
        ("%", {"2026": "85", "2030": "100"}), ("%", {"2026": "60", "2030": "90"}), ("xã", {"2026": "4", "2030": "12"})]
