"""A reporting clause that opens with its verb after a semicolon ('Các cơ quan chủ trì triển khai …; báo cáo kết quả
hằng quý (trước ngày 18 …) về …') has the units of the clause before it as subject: the plan's regime. A duty's own
report after a semicolon ('Cấp tài khoản …; báo cáo kết quả hằng tháng') is not. Made-up plans."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_HEAD = ["ỦY BAN NHÂN DÂN", "TỈNH BẮC SƠN", "", "Số: 77/KH-UBND", "", "KẾ HOẠCH", "Cải cách hành chính năm 2026", "",
         "I. NHIỆM VỤ", "", "1. Sở Nội vụ chủ trì đánh giá chỉ số cải cách hành chính, hoàn thành trong Quý IV/2026.", "",
         "II. TỔ CHỨC THỰC HIỆN", ""]


def test_a_clause_opening_with_report_shares_the_units_before_it() -> None:
    plan = parse_text("\n".join([*_HEAD,
        "1. Các cơ quan chủ trì phối hợp với Ủy ban nhân dân các xã, phường triển khai nhiệm vụ được giao; báo cáo kết "
        "quả hằng quý (trước ngày 18 của tháng cuối quý) về Sở Nội vụ để tổng hợp."]))
    assert (plan.reporting.frequencies, plan.reporting.due_day) == (["quarterly"], 18)


def test_a_duty_s_own_report_after_a_semicolon_is_no_regime() -> None:
    plan = parse_text("\n".join([*_HEAD,
        "1. Cấp tài khoản định danh điện tử cho người dân tại các xã; báo cáo kết quả hằng tháng."]))
    assert plan.reporting.frequencies == []
