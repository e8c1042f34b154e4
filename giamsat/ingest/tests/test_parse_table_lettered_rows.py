"""A task table whose numbered rows are groups, their cells empty, over lettered rows that start over under each
('| 1 | Chuyển đổi số trong giảng dạy | | | |' / '| a) | … | Phòng Đào tạo | … |') (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

TEXT = "\n".join([
    "TRƯỜNG CAO ĐẲNG Y TẾ NAM ĐỊNH", "", "KẾ HOẠCH", "Chuyển đổi số năm học 2025 - 2026", "",
    "II. NHIỆM VỤ VÀ GIẢI PHÁP", "",
    "| TT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |",
    "|---|---|---|---|---|",
    "| 1 | Chuyển đổi số trong giảng dạy | | | |",
    "| a) | Số hóa bài giảng các học phần cơ sở ngành | Phòng Đào tạo | Các khoa | Tháng 6/2026 |",
    "| b) | Tổ chức thi trắc nghiệm trên máy tính | Phòng Khảo thí | Phòng Đào tạo | Quý IV/2026 |",
    "| 2 | Quản trị số | | | |",
    "| a) | Số hóa hồ sơ viên chức | Phòng Tổ chức - Hành chính | Các khoa | Quý II/2026 |",
])


def test_numbered_rows_over_lettered_rows_are_groups_not_tasks() -> None:
    tasks = parse_text(TEXT).tasks
    assert [(t.no, t.group) for t in tasks] == [("a)", "Chuyển đổi số trong giảng dạy"),
                                                ("b)", "Chuyển đổi số trong giảng dạy"), ("a)", "Quản trị số")]
