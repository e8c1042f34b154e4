"""Reporting regime in OCR text: the day of 'trước ngày 20' that OCR set at the next line's start, where '20)' reads
as an item's mark, is still the regime's day (made-up plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

PLAN = """\
KẾ HOẠCH
Ứng dụng công nghệ thông tin tại Trường Tiểu học Bình Minh năm học 2026 - 2027

I. MỤC TIÊU
100% giáo viên sử dụng sổ điểm điện tử.

II. TỔ CHỨC THỰC HIỆN
1. Hiệu trưởng chỉ đạo chung việc thực hiện Kế hoạch.
2. Các tổ khối báo cáo kết quả thực hiện hằng tháng (trước ngay
20) về Phó Hiệu trưởng để tổng hợp.
"""


def test_the_day_set_at_the_next_lines_start() -> None:
    regime = parse_text(PLAN).to_json()["reporting"]
    assert regime["frequencies"] == ["monthly"]
    assert regime["due_day"] == 20  # was None: '20)' read as the mark of an item


def test_an_item_numbered_after_a_sentence_ending_otherwise_is_no_day() -> None:
    plan = PLAN.replace("(trước ngay\n20) về", "về\n20) Gửi")
    assert parse_text(plan).to_json()["reporting"]["due_day"] is None


def test_a_teams_report_whose_ocr_lost_a_mark_to_a_glyph() -> None:
    # "Các tổ …" are units that report; "thực hiện" read "thuc hi¢n" is still the plan's results
    plan = PLAN.replace("Các tổ khối báo cáo kết quả thực hiện", "Các tổ khối bao cao ket qua thuc hi¢n")
    regime = parse_text(plan).to_json()["reporting"]
    assert (regime["frequencies"], regime["due_day"]) == (["monthly"], 20)  # was ([], None)
