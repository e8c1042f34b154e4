"""Duties given unit by unit: a table whose rows are units, each cell a list of '- ' duties (made-up lines)."""

from __future__ import annotations

import datetime as dt

from giamsat.domain.deadline import DeadlineKind
from giamsat.ingest.pipeline import parse_text

D = dt.date


def _plan(*lines: str) -> str:
    return "\n".join(
        [
            "ỦY BAN NHÂN DÂN TỈNH BẮC SƠN",
            "Số: 77/KH-UBND",
            "KẾ HOẠCH",
            "Phát triển hạ tầng số năm 2026",
            "",
            "II. PHÂN CÔNG THỰC HIỆN",
            "",
            *lines,
        ]
    )


def test_each_dash_duty_of_a_unit_row_is_a_task_led_by_the_unit() -> None:
    text = _plan(
        "| STT | Đơn vị | Nhiệm vụ |",
        "|---|---|---|",
        "| 1 | Sở Xây dựng | - Lập quy hoạch hạ tầng viễn thông thụ động cho các khu đô thị mới, trình phê duyệt trong "
        "Quý II/2027; - Rà soát các công trình giao thông có lắp đặt cột ăng-ten, thực hiện hằng quý. |",
        "| 2 | Sở Tư pháp | - Số hóa sổ hộ tịch lưu trữ tại các xã thuộc kế hoạch năm 2027, hoàn thành trước ngày "
        "15/10/2026. |",
    )
    tasks = parse_text(text).tasks
    assert [(t.lead_code, t.name, t.deadline_text) for t in tasks] == [
        ("SXD", "Lập quy hoạch hạ tầng viễn thông thụ động cho các khu đô thị mới, trình phê duyệt", "Quý II/2027"),
        ("SXD", "Rà soát các công trình giao thông có lắp đặt cột ăng-ten", "hằng quý"),
        ("STP", "Số hóa sổ hộ tịch lưu trữ tại các xã thuộc kế hoạch năm 2027", "15/10/2026"),
    ]
    assert tasks[0].deadline is not None and tasks[0].deadline.end == D(2027, 6, 30)
    assert tasks[1].deadline is not None and tasks[1].deadline.kind is DeadlineKind.RECURRING
    assert tasks[2].deadline is not None and tasks[2].deadline.end == D(2026, 10, 15)


def test_a_unit_row_cut_by_a_page_break_goes_on_under_the_header_copy() -> None:
    text = _plan(
        "| TT | Cơ quan, đơn vị | Nội dung nhiệm vụ |",
        "|---|---|---|",
        "| 1 | Sở Xây dựng | - Khảo sát hiện trạng chiếu sáng công cộng để lắp cảm biến thông minh tại |",
        "",
        "3",
        "",
        "| TT | Cơ quan, đơn vị | Nội dung nhiệm vụ |",
        "|---|---|---|",
        "|  |  | các tuyến phố chính, hoàn thành trong tháng 9/2026; - Vận hành bản đồ số chiếu sáng, thực hiện "
        "thường xuyên. |",
        "| 2 | Sở Tư pháp | - Số hóa sổ hộ tịch lưu trữ tại các xã, hoàn thành trong năm 2026. |",
    )
    tasks = parse_text(text).tasks
    assert [(t.lead_code, t.deadline_text) for t in tasks] == [
        ("SXD", "tháng 9/2026"), ("SXD", "thường xuyên"), ("STP", "năm 2026")]
    assert tasks[0].name.endswith("tại các tuyến phố chính")


def test_unit_rows_read_by_ocr_as_loose_lines_give_their_duties_to_the_unit() -> None:
    # OCR read the table column by column: the row's number and unit, then its duties as dash paragraphs, the end
    # of a duty after the next row's unit, the header repeated on the next page, and the next row opening inside
    # a paragraph with its number misread
    text = _plan(
        "Cơ quan, đơn vị",
        "",
        "Nhiệm vụ được giao",
        "",
        "1 Sở Xây dựng",
        "",
        "- Khảo sát hiện trạng chiếu sáng công cộng các tuyến phố, hoàn",
        "thành trong tháng 9/2026; - Vận hành bản đồ số chiếu sáng của tỉnh, thực",
        "",
        "2 Sở Văn hóa, Thể thao và",
        "",
        "Du lịch",
        "",
        "hiện thường xuyên.",
        "",
        "- Số hóa sổ hộ tịch lưu trữ tại các xã, phường, hoàn thành trong năm",
        "",
        "TT Cơ quan, đơn vị Nhiệm vụ được giao 2026.",
        "JẢ Công an tỉnh | - Cấp tài khoản định danh cho người dân ở các xã, phường, báo cáo kết quả hằng quý.",
    )
    tasks = parse_text(text).tasks
    assert [(t.lead_code, t.deadline_text) for t in tasks] == [
        ("SXD", "tháng 9/2026"), ("SXD", "thường xuyên"), ("SVHTTDL", "năm 2026"), ("CAT", "hằng quý")]
    assert tasks[1].name == "Vận hành bản đồ số chiếu sáng của tỉnh"


def _resolution(*lines: str) -> str:
    return "\n".join(
        [
            "HỘI ĐỒNG NHÂN DÂN",
            "TỈNH BẮC SƠN",
            "Số: 12/2026/NQ-HĐND",
            "NGHỊ QUYẾT",
            "Về phát triển hạ tầng số tỉnh Bắc Sơn",
            "",
            "QUYẾT NGHỊ:",
            "",
            "Điều 1. Mục tiêu",
            "",
            "Đến năm 2030, hạ tầng số phủ khắp các xã của tỉnh.",
            "",
            "Điều 2. Tổ chức thực hiện",
            "",
            *lines,
        ]
    )


def test_lettered_duties_under_a_giving_heading_are_tasks_of_its_unit() -> None:
    text = _resolution(
        "1. Giao Sở Xây dựng:",
        "a) Lập danh mục công trình hạ tầng số dùng chung; hoàn thành trong Quý I/2027.",
        "b) Báo cáo tiến độ đầu tư các tuyến cáp ngầm, thực hiện hằng quý.",
        "",
        "2. Giao Sở Tư pháp thẩm định các văn bản quy định chi tiết Nghị quyết.",
    )
    tasks = parse_text(text).tasks
    assert [(t.lead_code, t.name, t.deadline_text) for t in tasks] == [
        ("SXD", "Lập danh mục công trình hạ tầng số dùng chung", "Quý I/2027"),
        ("SXD", "Báo cáo tiến độ đầu tư các tuyến cáp ngầm", "hằng quý"),
    ]
    assert tasks[0].deadline is not None and tasks[0].deadline.end == D(2027, 3, 31)


def test_a_quarter_whose_two_strokes_ocr_read_as_h() -> None:
    from giamsat.ingest.deadlines import parse_deadline

    assert parse_deadline("trong Quý IH/2027").end == D(2027, 9, 30)
    assert parse_deadline("Quý H/2027").end == D(2027, 6, 30)
    assert parse_deadline("quy hoạch năm 2027").kind is DeadlineKind.YEAR


def test_a_joint_cell_read_by_ocr_into_the_rows_lines_gives_lead_and_coordinators() -> None:
    # the units by the short names a legend defines ("TP", "XD"); OCR ran the cell's lines into the row's
    text = "\n".join([
        "ỦY BAN NHÂN DÂN TỈNH BẮC SƠN",
        "KẾ HOẠCH",
        "Chuyển đổi số năm 2026",
        "",
        "Ghi chú: TP - Sở Tư pháp; XD - Sở Xây dựng; NV - Sở Nội vụ; TC - Sở Tài chính.",
        "",
        "II. NHIỆM VỤ CỤ THỂ",
        "STT Nội dung nhiệm vụ Chủ trì/Phối hợp Thời gian hoàn thành",
        "",
        "1 Lập danh mục dữ liệu mở của Chủ trì: TP; phối Tháng 5/2026",
        "tỉnh; công bố trên cổng dữ liệu hợp: NV, XD",
        "2 Số hóa hồ sơ lưu trữ của các Chủ trì XD; phối | Quý III/2026",
        "xã, phường thuộc huyện cũ hợp: TC",
        "3 Tập huấn kỹ năng số cho cán bộ | Chủ trì: NV; phối Hằng năm",
        "cấp xã | hợp: TP",
        "",
        "III. TỔ CHỨC THỰC HIỆN",
    ])
    tasks = parse_text(text).tasks
    assert [(t.lead_code, t.coordinators) for t in tasks] == [
        ("STP", ["Sở Nội vụ", "Sở Xây dựng"]), ("SXD", ["Sở Tài chính"]), ("SNV", ["Sở Tư pháp"])]
    assert [t.name for t in tasks] == [
        "Lập danh mục dữ liệu mở của tỉnh; công bố trên cổng dữ liệu", "Số hóa hồ sơ lưu trữ của các xã, phường thuộc "
        "huyện cũ", "Tập huấn kỹ năng số cho cán bộ cấp xã"]


def test_a_quarter_cell_ocr_cut_before_its_numeral_is_read_whole() -> None:
    # "Quý I - Quý" at a line's end, "II/2027" at the next's, after the coordinators' short names
    text = "\n".join([
        "ỦY BAN NHÂN DÂN TỈNH BẮC SƠN",
        "KẾ HOẠCH",
        "Chuyển đổi số năm 2026",
        "",
        "Ghi chú: TP - Sở Tư pháp; XD - Sở Xây dựng; NV - Sở Nội vụ.",
        "",
        "II. NHIỆM VỤ CỤ THỂ",
        "STT Nội dung nhiệm vụ Chủ trì/Phối hợp Thời gian hoàn thành",
        "",
        "1 Lập danh mục dữ liệu mở của Chủ trì: TP; phối Quý I - Quý",
        "tỉnh; công bố trên cổng dữ liệu hợp: NV, XD II/2027",
        "2 Số hóa hồ sơ lưu trữ của các Chủ trì: XD; phối Tháng 5/2026",
        "xã, phường thuộc huyện cũ hợp: TP",
        "",
        "III. TỔ CHỨC THỰC HIỆN",
    ])
    tasks = parse_text(text).tasks
    assert [(t.lead_code, t.deadline_text) for t in tasks] == [("STP", "Quý I - Quý II/2027"), ("SXD", "Tháng 5/2026")]
    assert tasks[0].deadline is not None and tasks[0].deadline.end == D(2027, 6, 30)
    assert tasks[0].coordinators == ["Sở Nội vụ", "Sở Xây dựng"]
