"""Plain OCR text of an annex whose deadline column comes before the task's ('STT | Thời gian hoàn thành | Nội dung
nhiệm vụ | Đơn vị chủ trì | …') and whose rows are numbered under groups (1.1, 1.2 …): a sub-row whose number OCR
misread as a short token ("Bo" for 1.3, "B22" for 2.2) still opens like the others, with its deadline, and is the
group's next sub-row (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text
from giamsat.ingest.rows import sub_row_anchors

LINES = [
    "1 Hạ tầng số",
    "1.1 Quý II/2026 Nâng cấp máy chủ | Văn phòng Sở | Trung tâm Y tế",
    "của Sở Y tế",
    "1.2 Tháng 9/2026 | Kết nối mạng | Văn phòng Sở | Trạm y tế",
    "Bo 2026 - 2027 Triển khai khám | Bệnh viện tỉnh | Trạm y tế",
    "bệnh từ xa",
    "2 Nhân lực số",
    "2.1 Quý III/2026 Đào tạo kỹ năng | Văn phòng Sở | Trung tâm Y tế",
    "B22 Thường xuyên | Tuyển dụng cán bộ | Văn phòng Sở | Các đơn vị",
    "công nghệ thông tin",
]


def test_a_sub_row_whose_number_ocr_misread_opens_with_its_deadline() -> None:
    subs, groups = sub_row_anchors(LINES, 0, len(LINES) - 1)
    assert subs == [(1, "1.1"), (3, "1.2"), (4, "1.3"), (7, "2.1"), (8, "2.2")]
    assert groups == [(0, 1), (6, 2)]


def test_in_a_table_whose_name_comes_first_a_name_is_no_row() -> None:
    # "Bộ Y tế hướng dẫn …" under 1.2 is no row: the rows do not open with their deadline
    lines = ["1 Hạ tầng số", "1.1 Nâng cấp máy chủ | Văn phòng Sở | Quý II/2026",
             "1.2 Kết nối mạng | Văn phòng Sở | Tháng 9/2026", "Bộ Y tế hướng dẫn | Năm 2026",
             "2 Nhân lực số", "2.1 Đào tạo kỹ năng | Văn phòng Sở | Quý III/2026"]
    subs, _groups = sub_row_anchors(lines, 0, len(lines) - 1)
    assert [label for _i, label in subs] == ["1.1", "1.2", "2.1"]


def test_the_rows_are_tasks_with_their_deadlines() -> None:
    text = "\n".join(["SỞ Y TẾ TỈNH KON PLÔNG", "", "KẾ HOẠCH", "Chuyển đổi số ngành y tế năm 2026 - 2027", "",
                      "PHỤ LỤC", "NHIỆM VỤ CHUYỂN ĐỔI SỐ", "",
                      "STT | Thời gian hoàn | Nội dung nhiệm | Đơn vị chủ | Đơn vị phối", "thành vụ trì hợp", "",
                      *LINES])
    tasks = parse_text(text).tasks
    assert [(t.no, t.deadline_text) for t in tasks] == [
        ("1.1", "Quý II/2026"), ("1.2", "Tháng 9/2026"), ("1.3", "2026 - 2027"), ("2.1", "Quý III/2026"),
        ("2.2", "Thường xuyên")]
