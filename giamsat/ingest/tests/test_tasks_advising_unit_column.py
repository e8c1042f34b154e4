"""A task table naming both the leader who answers for a task ('Lãnh đạo phụ trách', 'Thành viên phụ trách': a person
by position) and the unit that advises and does the work ('Cơ quan tham mưu', 'Bộ phận tham mưu'): the unit is the
lead to monitor, the person is no unit. Made-up plan of a commune's steering committee."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_PLAN = [
    "ĐẢNG BỘ XÃ AN LẠC",
    "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ XÃ",
    "",
    "Số 05-KH/BCĐ",
    "",
    "KẾ HOẠCH",
    "Hoạt động của Ban Chỉ đạo năm 2026",
    "",
    "II. NHIỆM VỤ",
    "",
    "| TT | Nhiệm vụ | Lãnh đạo phụ trách | Bộ phận tham mưu | Thời hạn |",
    "|---|---|---|---|---|",
    "| 1 | Số hóa sổ hộ tịch còn lưu trữ tại xã | Đồng chí Phó Chủ tịch UBND xã | Văn phòng HĐND và UBND xã | Tháng 8/2026 |",
    "| 2 | Phát triển mô hình chợ 4.0 tại chợ trung tâm xã | Đồng chí Phó Chủ tịch UBND xã | Phòng Kinh tế | Quý IV/2026 |",
    "| 3 | Kích hoạt tài khoản định danh điện tử cho người dân | Đồng chí Trưởng Công an xã | Công an xã | 30/6/2026 |",
]


def test_the_advising_unit_leads_not_the_member_in_charge() -> None:
    plan = parse_text("\n".join(_PLAN))
    assert [(t.name, t.lead_code, t.deadline.end.isoformat() if t.deadline and t.deadline.end else None)
            for t in plan.tasks] == [
        ("Số hóa sổ hộ tịch còn lưu trữ tại xã", "VP_HDND_UBND_XA", "2026-08-31"),
        ("Phát triển mô hình chợ 4.0 tại chợ trung tâm xã", "PHONG_KT", "2026-12-31"),
        ("Kích hoạt tài khoản định danh điện tử cho người dân", "CA_XA", "2026-06-30"),
    ]
