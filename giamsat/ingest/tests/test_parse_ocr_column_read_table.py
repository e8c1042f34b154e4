"""A year table whose narrow cells plain OCR read column by column: the header's titles one under another,
then block after block the names of a few rows and, for each in turn, its unit and its values."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = ["KẾ HOẠCH", "Phát triển thương mại điện tử tỉnh năm 2026 - 2028", "I. MỤC TIÊU", "1. Mục tiêu chung",
        "Phát triển thương mại điện tử.", "II. NHIỆM VỤ", "1. Triển khai kế hoạch.", "",
        "PHỤ LỤC", "", "CÁC CHỈ TIÊU THƯƠNG MẠI ĐIỆN TỬ", ""]


def test_rows_whose_runs_hold_a_value_for_every_year() -> None:
    text = "\n".join([*HEAD,
        "Chỉ tiêu", "", "Đơn vị", "tính", "", "2026", "", "2027 | 2028", "",
        "Nhóm chỉ tiêu về", "bán lẻ trực tuyến", "",
        "Tỷ lệ hợp tác xã", "bán hàng trên sàn", "thương mại điện tử", "Tỷ lệ chợ truyền", "thống thanh toán", "không dùng tiền mặt", "",
        "%", "", "20", "", "35 50", "",
        "%", "", "40", "", "55", "", "≥ 70", "",
        "Số cửa hàng tiện", "lợi có quầy giao", "nhận tự động", "",
        "Cửa hàng", "", "120", "", "Tăng 15%", "", "Tăng 15%", ""])
    plan = parse_text(text)
    got = [(t.name, t.unit, t.year, t.value, t.comparator, t.milestones) for t in plan.targets]
    assert got == [
        ("Tỷ lệ hợp tác xã bán hàng trên sàn thương mại điện tử", "%", 2026, "20", "=",
         {"2026": "20", "2027": "35", "2028": "50"}),
        ("Tỷ lệ chợ truyền thống thanh toán không dùng tiền mặt", "%", 2026, "40", "=",
         {"2026": "40", "2027": "55", "2028": "≥ 70"}),
        ("Số cửa hàng tiện lợi có quầy giao nhận tự động", "Cửa hàng", 2026, "120", "=",
         {"2026": "120", "2027": "Tăng 15%", "2028": "Tăng 15%"})]


def test_rows_whose_cells_ocr_lost_or_interleaved_are_named_without_values() -> None:
    # row 1 lost a cell (which year's?); rows 2 and 3 stand side by side: their units one under the
    # other, then their values year by year, interleaved
    text = "\n".join([*HEAD,
        "Chỉ tiêu", "", "Đơn vị tính", "", "2026", "", "2027", "", "2028", "",
        "Tỷ lệ hộ kinh doanh", "dùng hóa đơn điện tử", "",
        "%", "", "60", "", "80", "", "k", "",
        "Xếp hạng chỉ số", "thương mại điện tử", "", "Số sàn giao dịch", "nông sản của tỉnh", "",
        "Thứ hạng", "", "Sàn", "", "Top 40", "", "2", "", "Top 35", "", "3", "", "Top 30", "", "4", ""])
    plan = parse_text(text)
    got = [(t.name, t.unit, t.value, t.milestones) for t in plan.targets]
    assert got == [("Tỷ lệ hộ kinh doanh dùng hóa đơn điện tử", "%", None, {}),
                   ("Xếp hạng chỉ số thương mại điện tử", "Thứ hạng", None, {}),
                   ("Số sàn giao dịch nông sản của tỉnh", "Sàn", None, {})]
    assert any("đọc theo cột" in w and "3 chỉ tiêu" in w for w in plan.warnings)


def test_a_run_short_of_cells_holds_the_years_whose_header_lines_it_repeats() -> None:
    """The header read "2026" / "2027" / "2028 2029": OCR keeps the columns so grouped in the rows below, so a
    row read "30" / "45" holds 2026 and 2027; a row read "60 75" alone would hold 2028 and 2029 but not its
    first year's value: left unread."""
    text = "\n".join([*HEAD,
        "Chỉ tiêu", "", "Đơn vị", "tính", "", "2026", "", "2027", "", "2028 2029", "",
        "Tỷ lệ hộ kinh doanh", "dùng hóa đơn điện tử", "Tỷ lệ chợ có", "thanh toán số", "Tỷ lệ bưu cục", "giao hàng trong ngày", "",
        "%", "", "30", "", "45", "",
        "%", "", "60 75", "",
        "%", "", "50", "", "65", "", "80 95", ""])
    plan = parse_text(text)
    got = [(t.name, t.year, t.value, t.milestones) for t in plan.targets]
    assert got == [("Tỷ lệ hộ kinh doanh dùng hóa đơn điện tử", 2026, "30", {"2026": "30", "2027": "45"}),
                   ("Tỷ lệ chợ có thanh toán số", None, None, {}),
                   ("Tỷ lệ bưu cục giao hàng trong ngày", 2026, "50", {"2026": "50", "2027": "65", "2028": "80", "2029": "95"})]
