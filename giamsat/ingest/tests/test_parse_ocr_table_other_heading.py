"""A plan's task table under a heading of no known kind ("III. ĐƠN VỊ, THỜI GIAN VÀ CƠ QUAN CHỦ TRÌ GIÁM SÁT": an
inspection or supervision plan names no "nhiệm vụ"), read by OCR as plain text: its header row names the task, lead and
time columns, so its numbered rows are the plan's tasks, not the numbered lines of the section above it (made-up
plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

TEXT = "\n".join([
    "ỦY BAN NHÂN DÂN", "TỈNH BẮC LĨNH", "", "Số: 41/KH-UBND", "", "KẾ HOẠCH",
    "Giám sát việc triển khai nền tảng số tại các địa phương năm 2026", "",
    "I. MỤC ĐÍCH, YÊU CẦU", "",
    "1. Đánh giá thực chất việc sử dụng các nền tảng số dùng chung.", "",
    "II. NỘI DUNG GIÁM SÁT", "",
    "1. Việc ban hành văn bản hướng dẫn của cơ quan, đơn vị.", "",
    "2. Kết quả sử dụng nền tảng số dùng chung của tỉnh.", "",
    "III. ĐƠN VỊ, THỜI GIAN VÀ CƠ QUAN CHỦ TRÌ GIÁM SÁT", "",
    "STT | Nội dung Cơ quan chủ | Thời gian", "tra trì giám sát",
    "1 Giám sát việc vận hành Sở Tài chính | Tháng 5/2026",
    "hệ thống quản lý văn bản",
    "2 Giám sát việc sử dụng Công an tỉnh | Tháng 7/2026",
    "chữ ký số chuyên dùng",
    "3 Giám sát việc số hóa Sở Nội vụ | Quý IV/2026",
    "hồ sơ cán bộ, công chức", "",
    "IV. TỔ CHỨC THỰC HIỆN", "",
    "Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch.", "",
])


def test_rows_of_the_table_are_the_tasks() -> None:
    tasks = parse_text(TEXT).tasks
    assert [t.no for t in tasks] == ["1", "2", "3"]
    assert tasks[0].name.startswith("Giám sát việc vận hành")
    assert [t.lead_code for t in tasks] == ["STC", "CAT", "SNV"]
    assert [t.deadline.end.isoformat() if t.deadline and t.deadline.end else None for t in tasks] == [
        "2026-05-31", "2026-07-31", "2026-12-31"]
