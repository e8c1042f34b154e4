"""A steering committee's plan gives its reporting regime to its members: 'Các đồng chí thành viên Ban Chỉ đạo …;
báo cáo kết quả hằng tháng (trước ngày 25) về …' — the members are the units that report, as 'Các cơ quan …' are.
Made-up plan."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_PLAN = [
    "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ XÃ",
    "",
    "Số 04-KH/BCĐ",
    "",
    "KẾ HOẠCH",
    "Hoạt động của Ban Chỉ đạo năm 2026",
    "",
    "II. NHIỆM VỤ",
    "",
    "1. Số hóa sổ hộ tịch còn lưu trữ tại xã, hoàn thành trong tháng 8/2026.",
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "",
    "1. Các đồng chí thành viên Ban Chỉ đạo theo lĩnh vực phụ trách chỉ đạo triển khai nhiệm vụ; báo cáo kết quả "
    "hằng tháng (trước ngày 25) về Văn phòng HĐND và UBND xã để tổng hợp.",
    "2. Thành viên Ban Chỉ đạo báo cáo đột xuất khi có yêu cầu.",
]


def test_the_members_report_monthly_before_the_25th() -> None:
    plan = parse_text("\n".join(_PLAN))
    assert (plan.reporting.frequencies, plan.reporting.due_day) == (["monthly"], 25)
