"""Annex task rows in OCR'd plain text numbered other than 1, 2, 3 … straight through: rows numbered under
group rows (1.1, 1.2 under 1), numbering that starts over under each group (I: 1, 2, 3; II: 1, 2), and
row numbers misread as a mark or a lone capital between their neighbours."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency
from giamsat.ingest.pipeline import parse_text
from giamsat.ingest.rows import row_anchors, sub_row_anchors

REG = [Agency("BA", "Bộ Khoa học và Công nghệ"), Agency("BB", "Bộ Tài chính"), Agency("BC", "Bộ Công an"),
       Agency("BD", "Bộ Nội vụ"), Agency("BE", "Bộ Y tế")]
HEAD = ["Phụ lục", "DANH MỤC NHIỆM VỤ", "STT Nội dung Cơ quan chủ trì Cơ quan phối hợp Thời hạn", ""]


def test_sub_rows_under_group_rows_are_told_with_lost_and_misread_dots() -> None:
    lines = ["1 Hoàn thiện thể chế", "", "11 | Xây dựng quy chế", "1.2 | Ban hành quy định", "1⁄9 Rà soát thủ tục",
             "2 Hạ tầng số", "2.1 | Nâng cấp trung tâm", "2.2 | Xây dựng cơ sở dữ liệu"]
    subs, heads = sub_row_anchors(lines, 0, len(lines) - 1)
    assert subs == [(2, "1.1"), (3, "1.2"), (4, "1.3"), (6, "2.1"), (7, "2.2")]
    assert heads == [(0, 1), (5, 2)]
    # a group row whose number was lost is told by its first sub-row
    subs, heads = sub_row_anchors([*lines[:5], "Hạ tầng số", *lines[6:]], 0, 7)
    assert [label for _i, label in subs] == ["1.1", "1.2", "1.3", "2.1", "2.2"] and heads == [(0, 1)]


def test_a_table_numbered_straight_through_has_no_sub_rows() -> None:
    # one group with sub-rows (a row's items) is no sub-numbered table; nor is 1, 2, 3
    assert sub_row_anchors(["1 Xây dựng", "1.1 Lập đề án", "1.2 Trình", "2 Ban hành", "3 Tổ chức"], 0, 4) == ([], [])
    assert sub_row_anchors(["1 Xây dựng", "2 Ban hành", "3 Tổ chức"], 0, 2) == ([], [])


def test_sub_numbered_rows_are_the_tasks_and_their_group_rows_head_them() -> None:
    text = "\n".join([*HEAD,
                      "1 Hoàn thiện thể chế,", "chính sách", "",
                      "11 | Xây dựng quy chế dữ liệu | Bộ Y tế | Bộ Tài chính | Tháng 11/2026", "dùng chung", "",
                      "1.2 | Ban hành quy định kết nối | Bộ Công an | Bộ Nội vụ | Năm 2027", "hệ thống", "",
                      "2 Hạ tầng số và", "dữ liệu số", "",
                      "2.1 | Nâng cấp trung tâm dữ liệu | Bộ Khoa học và Công nghệ | Bộ Công an | Quý II/2027", "",
                      "2.2 | Tổ chức tập huấn kỹ năng số | Bộ Nội vụ | Bộ Y tế | Năm 2028", "cho công chức"])
    tasks = parse_text(text, registry=REG).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1.1", "BE"), ("1.2", "BC"), ("2.1", "BA"), ("2.2", "BD")]
    assert tasks[0].name.startswith("Xây dựng quy chế") and "Hạ tầng" not in tasks[1].name
    assert [t.group for t in tasks] == ["Hoàn thiện thể chế, chính sách"] * 2 + ["Hạ tầng số và dữ liệu số"] * 2


def test_numbering_that_starts_over_under_each_group_goes_on() -> None:
    lines = ["I CÔNG TÁC CHỈ ĐẠO", "1 Tổ chức hội nghị", "2 Đưa chỉ tiêu", "3 Kiểm tra, giám sát",
             "H XÂY DỰNG CHÍNH QUYỀN", "1 Ban hành quy chế", "2 Triển khai sổ tay", "3 Duy trì tổ công nghệ"]
    assert [v for _i, v in row_anchors(lines, 0, 7, restart=True)] == ["1", "2", "3", "1", "2", "3"]
    assert [v for _i, v in row_anchors(lines, 0, 7)] == ["1", "2", "3"]
    # a 1 alone (a list of its own, not followed by 2) does not restart it; nor does one while 4 follows
    assert [v for _i, v in row_anchors([*lines[:5], "1 Ban hành quy chế", "Triển khai"], 0, 6, restart=True)] == \
        ["1", "2", "3"]
    assert [v for _i, v in row_anchors([*lines[:6], "2 Triển khai", "4 Duy trì"], 0, 7, restart=True)] == \
        ["1", "2", "3", "4"]


def test_row_numbers_misread_as_a_mark_or_a_capital_between_neighbours_open_their_rows() -> None:
    text = "\n".join([*HEAD,
                      "1 Lập đề án y tế số | Bộ Y tế | Bộ Tài chính | Năm 2026", "cho các bệnh viện", "",
                      "2 Bảo đảm nguồn lực | Bộ Tài chính | Bộ Y tế | Năm 2027", "cho các dự án", "",
                      "3_ | Tổ chức hội chợ trực tuyến | Bộ Công an | Bộ Y tế | Năm 2027", "cho doanh nghiệp", "",
                      "T Đào tạo kỹ năng số | Bộ Nội vụ | Bộ Y tế | Năm 2028", "cho công chức", "",
                      "5 Ban hành quy chế dữ liệu | Bộ Công an | Bộ Nội vụ | Năm 2028", "dân cư", "",
                      "6 Kết nối hệ thống y tế | Bộ Y tế | Bộ Công an | Năm 2029", "toàn quốc"])
    tasks = parse_text(text, registry=REG).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "BE"), ("2", "BB"), ("3", "BC"), ("4", "BD"),
                                                    ("5", "BC"), ("6", "BE")]
    assert tasks[2].name.startswith("Tổ chức hội chợ") and tasks[3].name.startswith("Đào tạo kỹ năng")


def test_a_letter_and_a_mark_between_two_rows_is_the_row_number_between() -> None:
    lines = ["1 Ban hành quy chế", "tiếp nhận văn bản", "", "Ị? Triển khai sổ tay", "đảng viên", "",
             "3 Duy trì tổ công nghệ", "số cộng đồng"]
    assert row_anchors(lines, 0, 7) == [(0, "1"), (3, "2"), (6, "3")]
    # where no number is missing between its neighbours, such a token is no row
    assert row_anchors([*lines[:3], "Ị? Triển khai sổ tay", *lines[4:6], "2 Duy trì tổ"], 0, 6) == [(0, "1"), (6, "2")]


def test_a_task_table_ocr_left_under_a_numbered_heading_is_read_as_rows_beside_the_lettered_items() -> None:
    # an amending plan's moved-deadline table (no coordinator column) as OCR text, then tasks added as lettered
    # items; the second row's number OCR misread as the third's beside the table's rules ("3 = ————")
    text = "\n".join(["ỦY BAN NHÂN DÂN TỈNH BẮC SƠN", "KẾ HOẠCH", "Sửa đổi, bổ sung Kế hoạch số 12/KH-UBND", "",
                      "II. ĐIỀU CHỈNH, BỔ SUNG NHIỆM VỤ", "",
                      "1. Điều chỉnh thời hạn của một số nhiệm vụ tại Phụ lục Kế hoạch số 12/KH-UBND như sau:", "",
                      "STT Nhiệm vụ | Cơ quan chủ | Thời hạn đã Thời hạn điều",
                      "trì giao chỉnh",
                      "1 Số hóa sổ hộ tịch | Sở Tư pháp Quý IV/2025 Quý II/2026",
                      "của các xã",
                      "3 = ————",
                      "Lập bản đồ số đất | Sở Tài chính 12/2025 9/2026",
                      "đai của tỉnh",
                      "3 Xây dựng kho dữ | Sở Nội vụ 30/11/2025 31/10/2026",
                      "liệu cán bộ",
                      "",
                      "2. Bổ sung các nhiệm vụ sau:", "",
                      "a) Xây dựng bản đồ số hạ tầng viễn thông của tỉnh. Đơn vị chủ trì: Sở Xây dựng; thời gian "
                      "hoàn thành: Quý IV năm 2026.", "",
                      "III. TỔ CHỨC THỰC HIỆN", "", "1. Sở Tư pháp theo dõi việc thực hiện."])
    tasks = parse_text(text).tasks
    assert [(t.no, t.lead_code, t.deadline_text) for t in tasks] == [
        ("1", "STP", "Quý II/2026"), ("2", "STC", "9/2026"), ("3", "SNV", "31/10/2026"),
        ("a", "SXD", "Quý IV năm 2026")]
