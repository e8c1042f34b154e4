"""An investment plan's annex of projects ("STT | Tên dự án | Tổng mức đầu tư | Vốn bố trí | Nguồn vốn | Chủ đầu tư |
Thời gian thực hiện") read by OCR as plain text: money columns stand between the project's name and the unit that
carries it out ("Chủ đầu tư", no "chủ trì" anywhere), lettered group rows and a total row carry sums only. Its
numbered rows are the plan's tasks, each led by its investor and due at the end of its period (made-up plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

TEXT = "\n".join([
    "ỦY BAN NHÂN DÂN", "TỈNH BẮC LĨNH", "", "Số: 77/KH-UBND", "", "KẾ HOẠCH",
    "Đầu tư ứng dụng công nghệ thông tin năm 2026", "",
    "I. MỤC TIÊU", "",
    "Hoàn thành các dự án ứng dụng công nghệ thông tin đúng tiến độ.", "",
    "II. TỔ CHỨC THỰC HIỆN", "",
    "Sở Tài chính chủ trì tham mưu bố trí vốn cho các dự án.", "",
    "PHỤ LỤC", "DANH MỤC DỰ ÁN NĂM 2026", "", "Đơn vị tính: triệu đồng", "",
    "STT | Tên dự án Tổng mức | Vốn bố Nguồn Chủ đầu tư | Thời gian",
    "đầu tư trí năm | vốn thực hiện", "2026",
    "A DỰ ÁN 40.000 22.000", "CHUYỂN TIẾP",
    "1 Xây dựng 30.000 15.000 Ngân sách | Sở Tài 2025 -",
    "kho dữ liệu tỉnh chính 2026",
    "tài chính",
    "2 Nâng cấp 10.000 7.000 Ngân sách | Công an 2025 -",
    "mạng truyền số tỉnh tỉnh 2027",
    "liệu chuyên dùng",
    "B DỰ ÁN MỚI 12.000 9.000",
    "3 Hệ thống 12.000 9.000 Ngân sách | Sở Y tế 2026 -",
    "hồ sơ sức khỏe tỉnh 2027",
    "điện tử",
    "TỔNG CỘNG: | 52.000 31.000",
])


def test_project_rows_are_tasks_led_by_their_investor() -> None:
    tasks = parse_text(TEXT).tasks
    assert [t.no for t in tasks] == ["1", "2", "3"]
    assert tasks[0].name.startswith("Xây dựng")
    assert [t.lead_code for t in tasks] == ["STC", "CAT", "SYT"]
    assert [t.deadline.end.isoformat() if t.deadline and t.deadline.end else None for t in tasks] == [
        "2026-12-31", "2027-12-31", "2027-12-31"]
