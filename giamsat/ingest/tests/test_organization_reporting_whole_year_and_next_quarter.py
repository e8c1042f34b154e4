"""Reporting regime in two more wordings: the year's report called 'cả năm' ("báo cáo kết quả 6 tháng và cả năm"),
and a quarter's report due in the first month of the next quarter ("báo cáo kết quả của quý trước … chậm nhất vào ngày
12 của tháng đầu quý sau"), with no 'định kỳ' or 'hằng quý' (made-up plans)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = """\
KẾ HOẠCH
Phát triển kinh tế số tỉnh Đông Thành năm 2026

I. MỤC TIÊU
Năm 2026, 80% doanh nghiệp nhỏ và vừa sử dụng hóa đơn điện tử.

II. TỔ CHỨC THỰC HIỆN
1. Sở Công Thương theo dõi, đôn đốc thực hiện Kế hoạch.
"""


def test_six_months_and_the_whole_year() -> None:
    plan = HEAD + ("2. Các cơ quan chủ trì báo cáo tình hình thực hiện 6 tháng và cả năm (trước ngày 12/6 và ngày 12/12) "
                   "gửi Sở Công Thương tổng hợp.\n")
    regime = parse_text(plan).to_json()["reporting"]
    assert regime["frequencies"] == ["semiannual", "annual"]  # was []: "cả năm" was not a period
    assert regime["due_day"] == 12


def test_the_last_quarter_reported_in_the_first_month_of_the_next() -> None:
    plan = HEAD + ("2. Các sở, ngành gửi báo cáo kết quả thực hiện của quý trước về Sở Công Thương chậm nhất vào ngày 12 "
                   "của tháng đầu quý sau.\n")
    regime = parse_text(plan).to_json()["reporting"]
    assert regime["frequencies"] == ["quarterly"]  # was []: no "định kỳ", no "hằng quý"
    assert regime["due_day"] == 12


def test_a_duty_due_in_a_quarter_is_no_regime() -> None:
    plan = HEAD + "2. Sở Tài chính báo cáo Ủy ban nhân dân tỉnh phương án bố trí kinh phí trong Quý II/2026.\n"
    assert parse_text(plan).to_json()["reporting"]["frequencies"] == []
