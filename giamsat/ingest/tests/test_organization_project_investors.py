"""An investment plan's 'Tổ chức thực hiện' where the owners of its projects report: "Các chủ đầu tư báo cáo tiến độ …
hằng tháng, trước ngày 05 của tháng sau" is an assignment and the plan's reporting regime (made-up province plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

PLAN = """\
KẾ HOẠCH
Đầu tư hạ tầng số tỉnh Bắc Lạc năm 2026

I. MỤC TIÊU
Năm 2026, 100% xã, phường có mạng cáp quang đến thôn, tổ dân phố.

II. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính bố trí vốn đầu tư công cho các dự án theo kế hoạch được giao.
2. Sở Khoa học và Công nghệ hướng dẫn, thẩm định nội dung công nghệ của các dự án.
3. Các chủ đầu tư báo cáo tiến độ thực hiện, giải ngân về Sở Tài chính hằng tháng, trước ngày 05 của tháng sau.
"""


def test_project_owners_are_assigned_their_reports() -> None:
    orgs = [a["org"] for a in parse_text(PLAN).to_json()["assignments"]]
    assert orgs == ["Sở Tài chính", "Sở Khoa học và Công nghệ", "Các chủ đầu tư"]


def test_project_owners_reports_are_the_regime() -> None:
    reporting = parse_text(PLAN).to_json()["reporting"]
    assert reporting["frequencies"] == ["monthly"]
    assert reporting["due_day"] == 5
