"""A task table written as a role matrix: one column per unit, titled by its name or abbreviation, each cell 'CT'
(chủ trì), 'PH' (phối hợp) or empty; the unit whose column holds 'CT' leads. Made-up plan."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_PLAN = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH NAM HÀ",
    "",
    "Số: 75/KH-UBND",
    "",
    "KẾ HOẠCH",
    "Chuyển đổi số trong lĩnh vực y tế, giáo dục năm 2026",
    "",
    "II. NHIỆM VỤ",
    "",
    "Ghi chú: CT - chủ trì; PH - phối hợp.",
    "",
    "| STT | Nội dung nhiệm vụ | Sở Y tế | Sở GD&ĐT | Sở Tài chính | Ủy ban nhân dân các xã, phường | Thời gian |",
    "|---|---|---|---|---|---|---|",
    "| 1 | Triển khai hồ sơ sức khỏe điện tử cho học sinh | PH | CT | | PH | Quý III/2026 |",
    "| 2 | Thanh toán viện phí không dùng tiền mặt tại các bệnh viện | CT | | PH | | Tháng 6/2026 |",
    "| 3 | Bố trí kinh phí mua sắm thiết bị số cho trường học | | PH | CT | | Năm 2026 |",
    "| 4 | Hướng dẫn người dân đặt lịch khám bệnh trực tuyến | PH | | | CT | Thường xuyên |",
]


def test_the_unit_whose_column_holds_ct_leads_and_the_ph_columns_coordinate() -> None:
    plan = parse_text("\n".join(_PLAN))
    assert [(t.name, t.lead_code, t.coordinators) for t in plan.tasks] == [
        ("Triển khai hồ sơ sức khỏe điện tử cho học sinh", "SGDDT",
         ["Sở Y tế", "Ủy ban nhân dân các xã, phường"]),
        ("Thanh toán viện phí không dùng tiền mặt tại các bệnh viện", "SYT", ["Sở Tài chính"]),
        ("Bố trí kinh phí mua sắm thiết bị số cho trường học", "STC", ["Sở GD&ĐT"]),
        ("Hướng dẫn người dân đặt lịch khám bệnh trực tuyến", "UBND_XA", ["Sở Y tế"]),
    ]


def test_marks_a_scan_misread_still_name_the_lead() -> None:
    """A scan's OCR reads a 'CT' as 'cr', 'Gt' or 'ĐT' (C as G or Đ, T as r): still the lead's mark."""
    plan = parse_text("\n".join([
        *_PLAN[:14],
        "| 1 | Triển khai hồ sơ sức khỏe điện tử cho học sinh | PH | cr | | PH | Quý III/2026 |",
        "| 2 | Thanh toán viện phí không dùng tiền mặt tại các bệnh viện | Gt | | PH | | Tháng 6/2026 |",
        "| 3 | Hướng dẫn người dân đặt lịch khám bệnh trực tuyến | PH | | | ĐT | Thường xuyên |",
    ]))
    assert [t.lead_code for t in plan.tasks] == ["SGDDT", "SYT", "UBND_XA"]
