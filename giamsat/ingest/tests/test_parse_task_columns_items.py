"""Task tables' columns and duties' labelled fields in shapes of plans not seen before (made-up lines)."""

from __future__ import annotations

import datetime as dt

from giamsat.domain.deadline import DeadlineKind
from giamsat.ingest.pipeline import parse_text

D = dt.date


def _plan(*lines: str) -> str:
    return "\n".join(
        [
            "ỦY BAN NHÂN DÂN TỈNH BẮC SƠN",
            "KẾ HOẠCH",
            "Chuyển đổi số năm 2026",
            "",
            "PHỤ LỤC",
            "DANH MỤC NHIỆM VỤ",
            "",
            *lines,
        ]
    )


def test_the_end_column_beside_a_start_column_is_the_deadline() -> None:
    text = _plan(
        "| STT | Nội dung công việc | Đơn vị thực hiện | Đơn vị phối hợp | Sản phẩm đầu ra | Bắt đầu | Hoàn thành |",
        "|---|---|---|---|---|---|---|",
        "| 1 | Xây dựng Quy chế khai thác dữ liệu của tỉnh Bắc Sơn | Sở Tư pháp | Công an tỉnh | Quyết định "
        "| Tháng 3/2026 | Tháng 8/2026 |",
        "| 2 | Lập bản đồ số hạ tầng viễn thông | Sở Xây dựng | Các doanh nghiệp | Bản đồ số | Năm 2026 "
        "| Hằng năm |",
    )
    tasks = parse_text(text).tasks
    assert [(t.lead_code, t.deadline_text) for t in tasks] == [("STP", "Tháng 8/2026"), ("SXD", "Hằng năm")]
    assert tasks[0].deadline is not None and tasks[0].deadline.end == D(2026, 8, 31)


def test_a_two_row_header_over_start_and_end_takes_the_end() -> None:
    text = _plan(
        "| STT | Nội dung công việc | Đơn vị thực hiện | Thời gian thực hiện | Thời gian thực hiện |",
        "| | | | Bắt đầu | Kết thúc |",
        "|---|---|---|---|---|",
        "| 1 | Số hóa hồ sơ địa chính của các xã | Sở Tư pháp | Quý I/2026 | Quý III/2026 |",
    )
    tasks = parse_text(text).tasks
    assert [(t.lead_code, t.deadline_text) for t in tasks] == [("STP", "Quý III/2026")]
    assert tasks[0].deadline is not None and tasks[0].deadline.kind is DeadlineKind.QUARTER


def _duties(*lines: str) -> str:
    return "\n".join(
        [
            "CÔNG TY CỔ PHẦN CẤP NƯỚC BẮC SƠN",
            "KẾ HOẠCH",
            "Chuyển đổi số năm 2026",
            "",
            "III. NHIỆM VỤ CỤ THỂ",
            "1. Dịch vụ khách hàng",
            *lines,
            "",
            "IV. TỔ CHỨC THỰC HIỆN",
            "1. Các phòng báo cáo kết quả.",
        ]
    )


def test_a_duty_s_labelled_deadline_in_its_bracket_wins_over_words_of_its_name() -> None:
    # "ngân hàng thương mại" is a bank, not "hằng tháng"
    text = _duties(
        "- Kết nối cổng thanh toán với các ngân hàng thương mại (Chủ trì: Phòng Kinh doanh; phối hợp: "
        "Phòng Kế toán; thời gian: trước ngày 30/9/2026).",
        "- Lắp đặt đồng hồ thông minh tại 6 tháng đầu năm 2026 các khu đô thị (Chủ trì: Phòng Kỹ thuật; "
        "thời hạn hoàn thành: Quý III/2027).",
    )
    tasks = parse_text(text).tasks
    assert [t.deadline_text for t in tasks] == ["trước ngày 30/9/2026", "Quý III/2027"]
    assert [t.deadline.end if t.deadline else None for t in tasks] == [D(2026, 9, 30), D(2027, 9, 30)]


def test_a_bank_is_no_monthly_deadline() -> None:
    text = _duties("- Kết nối cổng thanh toán với các ngân hàng thương mại, ví điện tử của tỉnh.")
    assert [t.deadline_text for t in parse_text(text).tasks] == [None]


def test_a_year_after_the_end_of_or_from_closes_a_duty() -> None:
    text = _duties(
        "- Ban hành Nghị quyết về chính sách thu hút chuyên gia tại kỳ họp cuối năm 2026.",
        "- Đưa kết quả chuyển đổi số vào tiêu chí đánh giá tổ chức đảng, thực hiện từ năm 2027.",
    )
    tasks = parse_text(text).tasks
    assert [t.deadline_text for t in tasks] == ["năm 2026", "từ năm 2027"]
    assert tasks[0].deadline is not None and tasks[0].deadline.end == D(2026, 12, 31)
    assert tasks[1].deadline is not None and tasks[1].deadline.kind is DeadlineKind.CONTINUOUS
    assert tasks[1].deadline.start == D(2027, 1, 1)


def test_a_numbered_heading_naming_a_body_the_registry_lacks_leads_the_duties_below_it() -> None:
    text = "\n".join(
        [
            "TỈNH ỦY BẮC SƠN",
            "CHƯƠNG TRÌNH HÀNH ĐỘNG",
            "thực hiện Nghị quyết về chuyển đổi số",
            "",
            "II. NHIỆM VỤ CỤ THỂ CỦA CÁC CẤP ỦY",
            "",
            "1. Đảng ủy Khối doanh nghiệp tỉnh Bắc Sơn",
            "- Lãnh đạo các doanh nghiệp trong khối ứng dụng hóa đơn điện tử, hoàn thành trong năm 2026.",
            "- Chỉ đạo tổ chức đảng trong doanh nghiệp sơ kết việc chuyển đổi số hằng năm.",
            "2. Ban hành cơ chế khuyến khích sáng kiến",
            "- Xây dựng quy chế xét công nhận sáng kiến cấp tỉnh trong Quý III/2026.",
            "",
            "III. TỔ CHỨC THỰC HIỆN",
            "",
            "1. Văn phòng Tỉnh ủy theo dõi việc thực hiện.",
        ]
    )
    tasks = parse_text(text).tasks
    assert [(t.lead, t.lead_code) for t in tasks] == [
        ("Đảng ủy Khối doanh nghiệp tỉnh Bắc Sơn", None)
    ] * 2 + [(None, None)]


def _sections(*lines: str) -> str:
    return "\n".join(
        [
            "CÔNG TY CỔ PHẦN CẤP NƯỚC BẮC SƠN",
            "KẾ HOẠCH",
            "Chuyển đổi số năm 2026",
            "",
            *lines,
            "",
            "V. TỔ CHỨC THỰC HIỆN",
            "1. Các phòng báo cáo kết quả.",
        ]
    )


def test_a_section_of_measures_beside_one_of_duties_gives_no_tasks() -> None:
    duties = [
        "III. NHIỆM VỤ CỤ THỂ",
        "- Số hóa bản đồ mạng lưới cấp nước trên nền GIS (Chủ trì: Phòng Kỹ thuật; thời gian: Quý III/2026).",
        "- Lắp đặt đồng hồ nước thông minh tại các khu đô thị mới (Chủ trì: Phòng Kinh doanh; thời gian: 2027).",
        "",
    ]
    measures = [
        "IV. GIẢI PHÁP THỰC HIỆN",
        "- Ưu tiên bố trí vốn đầu tư phát triển của Công ty cho các dự án chuyển đổi số.",
        "- Lồng ghép nội dung chuyển đổi số vào phong trào thi đua, khen thưởng hằng năm.",
    ]
    assert [t.name.split()[0] for t in parse_text(_sections(*duties, *measures)).tasks] == ["Số", "Lắp"]
    assert len(parse_text(_sections(*measures)).tasks) == 2  # measures alone: the plan's tasks
    both = ["III. NHIỆM VỤ VÀ GIẢI PHÁP", *duties[1:], *measures[1:]]
    assert len(parse_text(_sections(*both)).tasks) == 4


def test_a_first_lead_column_merged_down_its_unit_s_rows_leads_each_of_them() -> None:
    text = _plan(
        "| TT | Đơn vị chủ trì | Nhiệm vụ | Thời gian hoàn thành | Ghi chú |",
        "|---|---|---|---|---|",
        "| 1 | Sở Tư pháp | Số hóa sổ hộ tịch của các xã tỉnh Bắc Sơn | Tháng 12/2026 | |",
        "| 2 | | Hướng dẫn công chức tư pháp sử dụng phần mềm hộ tịch | Tháng 3/2027 | |",
        "| 3 | Sở Nội vụ | Triển khai hồ sơ cán bộ điện tử | Quý II/2027 | |",
        "| 4 | | Bồi dưỡng kỹ năng số cho công chức cấp xã | Hằng năm | |",
    )
    assert [t.lead_code for t in parse_text(text).tasks] == ["STP", "STP", "SNV", "SNV"]


def test_a_blank_lead_after_the_task_column_is_the_unit_merged_down() -> None:
    # (was: not carried down; a lead cell merged down its unit's rows is written once, also right of the task's
    # column — test_parse_merged_and_group_leads)
    text = _plan(
        "| TT | Nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành |",
        "|---|---|---|---|",
        "| 1 | Số hóa sổ hộ tịch của các xã tỉnh Bắc Sơn | Sở Tư pháp | Tháng 12/2026 |",
        "| 2 | Hướng dẫn công chức sử dụng phần mềm hộ tịch | | Tháng 3/2027 |",
    )
    tasks = parse_text(text).tasks
    assert [(t.lead_code, t.deadline_text) for t in tasks] == [("STP", "Tháng 12/2026"), ("STP", "Tháng 3/2027")]
    assert tasks[1].confidence < tasks[0].confidence


def test_a_year_or_month_of_completion_column_is_the_deadline() -> None:
    # "Năm hoàn thành", "Tháng hoàn thành": the column says when the work is done (a bare year, a span, "Hằng năm")
    text = _plan(
        "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Năm hoàn thành |",
        "|---|---|---|---|---|",
        "| 1 | Xây dựng cơ sở dữ liệu giá đất của tỉnh Bắc Sơn | Sở Tài chính | Sở Xây dựng | 2027 |",
        "| 2 | Số hóa hồ sơ địa chính các xã vùng cao | Sở Xây dựng | UBND các xã | 2026 - 2028 |",
        "| 3 | Cập nhật bản đồ số hạ tầng giao thông | Sở Xây dựng | Các doanh nghiệp | Hằng năm |",
    )
    tasks = parse_text(text).tasks
    got = [(t.deadline.kind, t.deadline.end) if t.deadline else None for t in tasks]
    assert got == [(DeadlineKind.YEAR, D(2027, 12, 31)), (DeadlineKind.RANGE, D(2028, 12, 31)),
                   (DeadlineKind.RECURRING, None)]
