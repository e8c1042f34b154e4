"""A year-column indicator table read by OCR without positions, with a baseline column ("Thực hiện năm 2025") whose
title wraps a word a line under the year headers, its year alone further down; a notes column beside the values.
Tesseract read the first row across its cells, then the other rows' names and units one under another, two of
their numbers lost, and their values after the last row, a line each in a band (the baseline cells dropped). Each
row keeps its name and unit and gets its band line's values as milestones for the years after the baseline.
A made-up page."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

PAGE = [
    "KẾ HOẠCH",
    "Chuyển đổi số ngành giáo dục huyện Tân Sơn năm 2026",
    "",
    "I. MỤC TIÊU",
    "Các chỉ tiêu chủ yếu tại Phụ lục kèm theo Kế hoạch này.",
    "",
    "PHỤ LỤC",
    "CHỈ TIÊU CHUYỂN ĐỔI SỐ NGÀNH GIÁO DỤC",
    "",
    "STT | Chỉ tiêu Đơn vị | Thực Năm |Năm |Năm | Ghi chú",
    "tính hiện 2026 2028 2030",
    "năm",
    "2025",
    "1 Tỷ lệ trường học có % 40 60 80 100 Trường vùng",
    "kết nối Internet khó khăn ưu tiên",
    "cáp quang",
    "",
    "Tỷ lệ giáo viên | %",
    "được bồi dưỡng",
    "kỹ năng số",
    "Số trường có trường |12",
    "phòng học",
    "thông minh",
    "",
    "4 Tỷ lệ học sinh %",
    "có học bạ số",
    "",
    "5 Số học liệu | học liệu",
    "số dùng chung",
    "được công bố",
    "",
    "70 85 > 95",
    "",
    "20 30 45 Ưu tiên trường",
    "chuẩn quốc gia",
    "",
    "65 80 100",
    "",
    "150 300 500 Theo chương trình",
    "của Sở",
]


def test_rows_above_a_band_of_values_get_them_in_order() -> None:
    got = {t.no: (t.name, t.unit, t.milestones) for t in parse_text("\n".join(PAGE)).targets}
    assert {no: (unit, ms) for no, (_n, unit, ms) in got.items()} == {
        "1": ("%", {"2026": "60", "2028": "80", "2030": "100"}),
        "2": ("%", {"2026": "70", "2028": "85", "2030": "≥95"}),
        "3": ("trường", {"2026": "20", "2028": "30", "2030": "45"}),
        "4": ("%", {"2026": "65", "2028": "80", "2030": "100"}),
        "5": ("học liệu", {"2026": "150", "2028": "300", "2030": "500"}),
    }
    # the notes column's words run into the first row's name (nothing tells them apart without positions)
    assert got["1"][0].startswith("Tỷ lệ trường học có kết nối")
    assert [got[no][0] for no in "2345"] == ["Tỷ lệ giáo viên được bồi dưỡng kỹ năng số", "Số trường có phòng học thông minh",
                                            "Tỷ lệ học sinh có học bạ số", "Số học liệu số dùng chung được công bố"]
