"""Plain OCR text of a task table whose numbered rows are groups over lettered rows that start over under each
('1 Chuyển đổi số trong' / 'giảng dạy' / 'a) Số hóa bài giảng …' / 'b) …' / '2 Quản trị số' / 'a) …') (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

TEXT = "\n".join([
    "TRƯỜNG CAO ĐẲNG Y TẾ NAM ĐỊNH", "", "KẾ HOẠCH", "Chuyển đổi số năm học 2025 - 2026", "",
    "II. NHIỆM VỤ VÀ GIẢI PHÁP", "",
    "TT | Nội dung nhiệm vụ Đơn vị chủ trì | Đơn vị phối Thời gian hoàn", "hợp thành",
    "1 Chuyển đổi số trong", "giảng dạy",
    "a) Số hóa bài giảng Sở Y tế | Các khoa Tháng 6/2026", "các học phần cơ sở chuyên môn", "ngành",
    "b) Tổ chức thi trắc | Sở Y tế | Các khoa Quý IV/2026", "nghiệm trên máy tính",
    "2 Quản trị số và nguồn", "lực",
    "a) Số hóa hồ sơ viên Sở Nội vụ | Các phòng Quý II/2026", "chức của trường",
    "b) Bố trí kinh phí mua Sở Tài chính | Các khoa Năm 2026", "sắm thiết bị phòng học", "thông minh", "",
    "III. TỔ CHỨC THỰC HIỆN", "", "Các khoa, phòng báo cáo kết quả về Phòng Đào tạo.",
])


def test_lettered_rows_under_numbered_groups_are_the_tasks() -> None:
    tasks = parse_text(TEXT).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("a)", "SYT"), ("b)", "SYT"), ("a)", "SNV"), ("b)", "STC")]
    assert [t.group for t in tasks] == ["Chuyển đổi số trong giảng dạy"] * 2 + ["Quản trị số và nguồn lực"] * 2
    assert tasks[0].name.startswith("Số hóa bài giảng các học phần")


def test_lettered_points_inside_dated_rows_are_the_rows_words() -> None:
    # rows whose number line gives the lead and the deadline are tasks; "a)" / "b)" below are points of their text
    text = "\n".join([*TEXT.split("\n")[:9],
                      "1 Số hóa hồ sơ gồm: Sở Nội vụ | Các khoa Quý II/2026", "a) Hồ sơ viên chức;", "b) Hồ sơ người học",
                      "2 Mua sắm thiết bị Sở Tài chính | Các khoa Năm 2026", "a) Phòng học thông minh;",
                      "b) Phòng thực hành ảo", "",
                      "III. TỔ CHỨC THỰC HIỆN", "", "Các khoa, phòng báo cáo kết quả về Phòng Đào tạo."])
    tasks = parse_text(text).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "SNV"), ("2", "STC")]
