"""Reporting regime given as an assignment: "Giao <unit> theo dõi, đôn đốc …, tổng hợp báo cáo … trước ngày 25 hằng
tháng" names the plan's reports (a bullet of a commune's 'Tổ chức thực hiện'); a duty's own report ("Giao Trạm Y tế
xã cấp …, báo cáo kết quả hằng tháng") is none (made-up commune plans)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = """\
ỦY BAN NHÂN DÂN XÃ THANH LÂM
Số: 12/KH-UBND

KẾ HOẠCH
Chuyển đổi số xã Thanh Lâm năm 2026

I. NHIỆM VỤ
- Giao Trạm Y tế xã cấp sổ sức khỏe điện tử cho người dân, báo cáo kết quả hằng tháng; hoàn thành trong quý III/2026.
- Giao Công chức Văn hóa - Xã hội tuyên truyền trên hệ thống loa truyền thanh của xã; thực hiện thường xuyên.

II. TỔ CHỨC THỰC HIỆN
"""

MONITOR = HEAD + """\
- Giao Văn phòng HĐND và UBND xã theo dõi, đôn đốc việc thực hiện Kế hoạch, tổng hợp báo cáo Chủ tịch Ủy ban nhân dân xã trước ngày 25 hằng tháng.
- Các bộ phận được giao nhiệm vụ chủ động triển khai thực hiện.
"""

DUTY_ONLY = HEAD + """\
- Các bộ phận được giao nhiệm vụ chủ động triển khai thực hiện.
"""


def test_unit_assigned_to_follow_the_plan_sets_the_regime() -> None:
    reporting = parse_text(MONITOR).to_json()["reporting"]
    assert reporting["frequencies"] == ["monthly"]
    assert reporting["due_day"] == 25


def test_a_duty_reporting_its_own_result_is_no_regime() -> None:
    reporting = parse_text(DUTY_ONLY).to_json()["reporting"]
    assert reporting["frequencies"] == []
    assert reporting["due_day"] is None
