"""Indicator tables and objectives in OCR text without positions, laid out in ways the earlier rules missed:
a year table with no unit column whose header names school years on its second line ('Năm học' /
'2025-2026 | 2026 - 2027'); sub-rows whose numbers Tesseract read one under the other before their cells
('3.1 | Tỷ trọng …' / '3.2' / '% 11 13 15 Sở Tài' / …), a group row whose number it lost; a count named by
the words before it; a comparator word with OCR's glyph for 'ô' ('kh6ng quá')."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency
from giamsat.ingest.pipeline import parse_text

REGISTRY = [
    Agency("STC", "Sở Tài chính"),
    Agency("SKHCN", "Sở Khoa học và Công nghệ"),
    Agency("VPUB", "Văn phòng UBND tỉnh"),
]


def _targets(lines: list[str]) -> dict[str | None, tuple[object, ...]]:
    plan = parse_text("\n".join(lines), registry=REGISTRY)
    return {
        t.no: (t.name, t.value, t.comparator, t.unit, t.year, t.lead_code, t.milestones) for t in plan.targets
    }


def test_school_year_header_without_unit_column() -> None:
    lines = [
        "KẾ HOẠCH",
        "Ứng dụng công nghệ số trong giáo dục",
        "",
        "I. MỤC TIÊU",
        "2. Chỉ tiêu cụ thể",
        "",
        "TT Chỉ tiêu Năm học Năm học",
        "2024-2025: | 2025 - 2026",
        "1 Lớp học có bảng tương tác (%) 40 65",
        "2 Học sinh được học kỹ năng số cơ | > 60 >85",
        "bản theo chương trình mới (%)",
        "3 Trường tiểu học có phòng máy tính 12 20",
        "đạt chuẩn (trường)",
        "",
        "II. NHIỆM VỤ",
    ]
    assert _targets(lines) == {
        "1": ("Lớp học có bảng tương tác", "40", "=", "%", 2025, None, {"2025": "40", "2026": "65"}),
        "2": (
            "Học sinh được học kỹ năng số cơ bản theo chương trình mới",
            "60",
            ">=",
            "%",
            2025,
            None,
            {"2025": "≥60", "2026": "≥85"},
        ),
        "3": (
            "Trường tiểu học có phòng máy tính đạt chuẩn",
            "12",
            "=",
            "trường",
            2025,
            None,
            {"2025": "12", "2026": "20"},
        ),
    }


SUB_ROWS = [
    "CHƯƠNG TRÌNH HÀNH ĐỘNG",
    "I. MỤC TIÊU",
    "2. Chỉ tiêu chủ yếu",
    "",
    "STT | Nhóm chỉ tiêu/ | Đơn vị Năm Năm Năm Đơn vị",
    "Chỉ tiêu tính 2026 2027 2028 chủ trì",
    "1 Nhóm chỉ tiêu",
    "về đổi mới sáng tạo",
    "1.1 | Số sáng chế được | sáng chế 5 8 12 Sở Khoa",
    "cấp văn bằng học và",
    "Công nghệ",
    "1.2 | Chi cho nghiên cứu | % 1 1,5 2 Sở Tài",
    "phát triển chính",
    "Nhóm chỉ tiêu",
    "về xã hội số",
    "",
    "2.1 | Tỷ lệ người dân có",
    "2.2",
    "",
    "% 60 70 80 Sở Khoa",
    "danh tính số học và",
    "Công nghệ",
    "Thuê bao băng rộng |% 70 80 >90 Văn",
    "cố định trên hộ phòng",
    "UBND tỉnh",
    "",
    "II. NHIỆM VỤ",
]


def test_sub_row_numbers_read_above_their_cells() -> None:
    got = _targets(SUB_ROWS)
    assert got["2.1"] == (
        "Tỷ lệ người dân có danh tính số",
        "60",
        "=",
        "%",
        2026,
        "SKHCN",
        {"2026": "60", "2027": "70", "2028": "80"},
    )
    assert got["2.2"] == (
        "Thuê bao băng rộng cố định trên hộ",
        "70",
        "=",
        "%",
        2026,
        "VPUB",
        {"2026": "70", "2027": "80", "2028": "≥90"},
    )
    # the group row whose number OCR lost ends the row above it
    assert got["1.2"][0] == "Chi cho nghiên cứu phát triển"
    assert set(got) == {"1.1", "1.2", "2.1", "2.2"}


def test_next_sub_row_number_run_into_a_row_line() -> None:
    lines = [*SUB_ROWS[:16], "2.1 | Tỷ lệ người dân có 2.2", *SUB_ROWS[18:]]
    got = _targets(lines)
    assert got["2.1"][:2] == ("Tỷ lệ người dân có danh tính số", "60")
    assert got["2.2"][:2] == ("Thuê bao băng rộng cố định trên hộ", "70")


def test_count_named_by_the_words_before_it_and_ocr_glyph_in_comparator() -> None:
    lines = [
        "KẾ HOẠCH",
        "Chuyển đổi số năm 2026",
        "",
        "I. MỤC TIÊU",
        "",
        "- Đến năm 2028, số doanh nghiệp ứng dụng thương mại điện tử trên địa bàn tỉnh",
        "đạt ít nhất 40 doanh nghiệp.",
        "",
        "- Thời gian cấp giấy phép xây dựng kh6ng quá 07 ngày làm việc từ năm 2026.",
        "",
        "II. NHIỆM VỤ",
    ]
    got = {
        (t.name, t.value, t.comparator, t.year)
        for t in parse_text("\n".join(lines), registry=REGISTRY).targets
    }
    assert got == {
        ("số doanh nghiệp ứng dụng thương mại điện tử trên địa bàn tỉnh", "40", ">=", 2028),
        ("Thời gian cấp giấy phép xây dựng", "07", "<=", 2026),
    }
