"""Duties written as numbered headings, each followed by labelled dash lines: '- Chỉ tiêu: …' (the duty's own
indicator), '- Đơn vị chủ trì: …', '- Thời gian hoàn thành: …'. The heading names the task; the indicator is a target
whose lead is the unit in charge of the duty. Made-up district plan."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_PLAN = [
    "ỦY BAN NHÂN DÂN",
    "XÃ ĐỒNG TÂM",
    "",
    "Số: 61/KH-UBND",
    "",
    "KẾ HOẠCH",
    "Thực hiện chuyển đổi số năm 2026",
    "",
    "II. NHIỆM VỤ VÀ CHỈ TIÊU",
    "",
    "1. Phát triển thanh toán không dùng tiền mặt tại các chợ",
    "- Chỉ tiêu: Đến hết năm 2026, tỷ lệ tiểu thương tại chợ xã chấp nhận thanh toán bằng mã QR đạt không dưới 60%.",
    "- Đơn vị chủ trì: Phòng Kinh tế; phối hợp: Ban quản lý chợ.",
    "- Thời gian hoàn thành: Quý III/2026.",
    "",
    "2. Nâng cao tỷ lệ hồ sơ được số hóa",
    "- Chỉ tiêu: Tỷ lệ hồ sơ thủ tục hành chính bị trả lại giảm xuống dưới 3% trong năm 2026.",
    "- Đơn vị chủ trì: Trung tâm Phục vụ hành chính công xã.",
    "- Thời gian hoàn thành: Thường xuyên.",
    "",
    "3. Tuyên truyền về chuyển đổi số trên hệ thống truyền thanh của xã",
    "- Đơn vị chủ trì: Phòng Văn hóa - Xã hội.",
    "- Thời gian hoàn thành: Hằng tháng.",
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "",
    "Các đơn vị báo cáo kết quả về Văn phòng HĐND và UBND xã.",
]


def test_each_heading_with_labelled_lines_is_one_task() -> None:
    plan = parse_text("\n".join(_PLAN))
    assert [(t.no, t.name, t.lead_code, t.deadline.kind.value if t.deadline else None) for t in plan.tasks] == [
        ("1", "Phát triển thanh toán không dùng tiền mặt tại các chợ", "PHONG_KT", "quarter"),
        ("2", "Nâng cao tỷ lệ hồ sơ được số hóa", "TRUNG_TAM_PVHCC", "continuous"),
        ("3", "Tuyên truyền về chuyển đổi số trên hệ thống truyền thanh của xã", "PHONG_VHXH", "recurring"),
    ]


def test_the_indicator_line_is_a_target_led_by_the_duty_s_unit() -> None:
    plan = parse_text("\n".join(_PLAN))
    assert [(t.comparator, t.value, t.unit, t.year, t.lead_code) for t in plan.targets] == [
        (">=", "60", "%", 2026, "PHONG_KT"),
        ("<", "3", "%", 2026, "TRUNG_TAM_PVHCC"),
    ]
    assert plan.targets[0].name.startswith("tỷ lệ tiểu thương tại chợ xã chấp nhận thanh toán bằng mã QR")


def test_a_heading_whose_last_word_ocr_put_after_a_blank_line() -> None:
    """OCR text: the heading's last word wrapped and stood apart after a blank line ('… phong trào "Bình dân học vụ' /
    '' / 'SƠ', its lower-case 'số"' misread in capitals; the next label's 'ê' read as '¢'); the indicator and its
    fields still belong to that heading, and the next duty is no sub-item of it."""
    lines = [
        *_PLAN[:10],
        "1. Phổ cập kỹ năng số cho người dân thông qua phong trào \"Bình dân học vụ",
        "",
        "SƠ",
        "",
        "- Chỉ tiêu: Số người dân được hướng dẫn kỹ năng số tăng bình quân 15%/năm đến năm 2027.",
        "",
        "- Đơn vị chủ trì: Phòng Văn hóa - Xã hội.",
        "",
        "- Thời gian hoàn thành: Hằng quý.",
        "",
        "2. Số hóa sổ hộ tịch lưu trữ tại xã",
        "",
        "- Chi ti¢u: 100% sổ hộ tịch được số hóa trong năm 2026.",
        "",
        "- Đơn vị chủ trì: Văn phòng HĐND và UBND xã.",
        "",
        "- Thời gian hoàn thành: Tháng 10/2026.",
        "",
        *_PLAN[-3:],
    ]
    plan = parse_text("\n".join(lines))
    assert [(t.no, t.lead_code, t.group) for t in plan.tasks] == [("1", "PHONG_VHXH", None), ("2", "VP_HDND_UBND_XA", None)]
    assert plan.tasks[0].name == "Phổ cập kỹ năng số cho người dân thông qua phong trào \"Bình dân học vụ SƠ"
    assert [(t.value, t.unit, t.year, t.lead_code) for t in plan.targets] == [
        ("15", "%/năm", 2027, "PHONG_VHXH"), ("100", "%", 2026, "VP_HDND_UBND_XA")]
