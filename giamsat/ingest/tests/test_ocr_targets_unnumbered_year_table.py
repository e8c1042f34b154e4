"""OCR text without positions of an indicator table with no number column ('Chỉ tiêu | Hiện trạng 2025 | Mục tiêu 2026
| Mục tiêu 2027 | Đơn vị chịu trách nhiệm'), its titles read one word under another ('Chỉ tiêu Hiện Mục Mục Đơn vị' /
'trạng tiêu tiêu …' / '2025 2026 2027'): each row's first line holds its name's first words, one figure per year and
the lead's first words; the baseline ('Hiện trạng') is no milestone. When the first page's header shows a year fewer
than the one repeated on the next page (OCR lost a column), each page is read under its own header, with a warning.
Made-up provincial plan, read as Tesseract would."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_HEAD = [
    "ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN",
    "",
    "Số: 58/KH-UBND",
    "",
    "KẾ HOẠCH",
    "Phát triển dịch vụ công trực tuyến giai đoạn 2026 - 2027",
    "",
    "I. MỤC TIÊU",
    "2. Chỉ tiêu cụ thể",
    "",
]
_TAIL = [
    "",
    "II. NHIỆM VỤ, GIẢI PHÁP",
    "1. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch (Quý II/2026).",
]
_ONE_PAGE = [
    "Chỉ tiêu Hiện Mục Mục Đơn vị chịu trách",
    "trạng tiêu tiêu nhiệm",
    "2025 2026 2027",
    "Tỷ lệ hồ sơ nộp trực tuyến | 40 60 80 Sở Tài chính",
    "toàn trình (%)",
    "Tỷ lệ doanh nghiệp dùng hóa 55 70 90 Sở Công Thương",
    "đơn điện tử (%)",
    "Số điểm truy cập Internet 15 25 40 Sở Y tế",
    "công cộng (điểm)",
]
_TWO_PAGES = [
    "Chỉ tiêu Hiện Mục Đơn vị chịu trách",
    "trạng tiêu nhiệm",
    "2025 2026",
    "Tỷ lệ hồ sơ nộp trực tuyến | 40 60 Sở Tài chính",
    "toàn trình (%)",
    "Tỷ lệ doanh nghiệp dùng hóa 55 70 Sở Công Thương",
    "đơn điện tử (%)",
    "",
    "",
    "Chỉ tiêu Hiện Mục Mục Đơn vị chịu trách",
    "trạng tiêu tiêu nhiệm",
    "2025 2026 2027",
    "",
    "Số điểm truy cập Internet 15 25 40 Sở Y tế",
    "",
    "công cộng (điểm)",
]


def test_rows_without_numbers_are_read_by_their_runs_of_figures() -> None:
    plan = parse_text("\n".join([*_HEAD, *_ONE_PAGE, *_TAIL]))
    assert [(t.no, t.value, t.year, t.lead_code, t.milestones) for t in plan.targets] == [
        (None, "60", 2026, "STC", {"2026": "60", "2027": "80"}),
        (None, "70", 2026, "SCT", {"2026": "70", "2027": "90"}),
        (None, "25", 2026, "SYT", {"2026": "25", "2027": "40"})]
    assert plan.targets[0].name.startswith("Tỷ lệ hồ sơ nộp trực tuyến toàn trình")


def test_a_page_whose_header_lost_a_year_is_read_under_its_own_header() -> None:
    plan = parse_text("\n".join([*_HEAD, *_TWO_PAGES, *_TAIL]))
    assert [(t.value, t.year, t.lead_code, t.milestones) for t in plan.targets] == [
        ("60", 2026, "STC", {"2026": "60"}), ("70", 2026, "SCT", {"2026": "70"}),
        ("25", 2026, "SYT", {"2026": "25", "2027": "40"})]
    assert any("OCR mất cột" in w and "2027" in w for w in plan.warnings)
