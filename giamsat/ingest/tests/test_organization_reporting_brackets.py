"""The reporting regime when each period's report has its deadline in brackets and no "định kỳ" opens it (made-up
lines of a college's plan): "báo cáo kết quả thực hiện 6 tháng (trước ngày 05/6) và năm (trước ngày 05/12)"."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

PLAN = """\
KẾ HOẠCH
Chuyển đổi số của Trường Cao đẳng Y tế Bắc Sơn năm 2026

I. MỤC TIÊU
Năm 2026, 100% học phần có bài giảng điện tử.

II. TỔ CHỨC THỰC HIỆN
1. Phòng Đào tạo chủ trì, theo dõi việc thực hiện Kế hoạch.
2. Các khoa, phòng báo cáo kết quả thực hiện 6 tháng (trước ngày 05/6) và năm (trước ngày 05/12) về Phòng Đào tạo để \
tổng hợp, báo cáo Hiệu trưởng.
"""


def test_periods_with_their_deadlines_in_brackets() -> None:
    regime = parse_text(PLAN).to_json()["reporting"]
    assert (regime["frequencies"], regime["due_day"]) == (["semiannual", "annual"], 5)  # was ([], None)


def test_a_task_report_of_its_own_product_is_still_no_regime() -> None:
    text = PLAN.replace("2. Các khoa, phòng báo cáo kết quả thực hiện 6 tháng (trước ngày 05/6) và năm (trước ngày \
05/12) về Phòng Đào tạo để tổng hợp, báo cáo Hiệu trưởng.", "2. Phòng Công tác sinh viên cấp tài khoản học tập số cho \
sinh viên (trước ngày 30/9).")
    assert parse_text(text).to_json()["reporting"]["frequencies"] == []
