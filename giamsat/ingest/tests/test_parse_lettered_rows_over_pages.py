"""A task table whose numbered group rows hold lettered rows ("1 | Chuyển đổi số trong đào tạo | | | |" /
"a) | Xây dựng … | Phòng Đào tạo | … | Tháng 12/2025"), broken by a page: the rest of a lettered row's cells on the
next page, below the repeated header, belongs to that row (was: a task of its own with no number)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_bytes

PLAN = """TRƯỜNG TRUNG CẤP NGHỀ MINH HẢI

Số: 40/KH-TCN                      Minh Hải, ngày 10 tháng 3 năm 2026

KẾ HOẠCH
Chuyển đổi số của Nhà trường năm 2026

I. NHIỆM VỤ

| TT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Đào tạo | | | |
| a) | Số hóa giáo trình các nghề trọng điểm | Phòng Đào tạo | Các khoa | Tháng 9/2026 |
| b) | Mở lớp bồi dưỡng kỹ năng số cho học sinh | Phòng Đào tạo | Đoàn Thanh niên | Quý IV/2026 |
| 2 | Quản trị | | | |
| a) | Triển khai phần mềm quản lý nhân sự và tiền lương của | Phòng Tổ chức - Hành chính | Phòng Kế hoạch - | Tháng 6/2026 |

| TT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |
| | nhà trường | | Tài chính | |
| b) | Số hóa hồ sơ học sinh từ năm 2022 | Phòng Công tác học sinh | Phòng Đào tạo | Quý II/2026 |
"""


def test_the_rest_of_a_lettered_row_on_the_next_page_is_that_row() -> None:
    tasks = parse_bytes(PLAN.encode()).tasks
    lettered = [t for t in tasks if t.no and t.no.endswith(")")]
    assert [t.no for t in lettered] == ["a)", "b)", "a)", "b)"]
    assert lettered[2].name.endswith("tiền lương của nhà trường")
    assert not [t for t in tasks if not t.no]
