"""OCR text without positions of a school's task table whose time cell names two times joined by 'đến' or 'và',
wrapped in its narrow column: 'Từ tháng' / '… | 10/2025 đến' / '… tháng 5/2026', 'Tháng 12/2025' / '… và tháng
3/2026' (the later one ends a line below, after the other cells' words). The later time is the deadline; a later
line ending in an earlier time is no end. Made-up school plan, read as Tesseract would."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_OCR = [
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH BÌNH SƠN",
    "TRƯỜNG THPT LÊ LỢI",
    "",
    "Số: 30/KH-THPT",
    "",
    "KẾ HOẠCH",
    "Chuyển đổi số năm học 2025 - 2026",
    "",
    "II. NHIỆM VỤ",
    "",
    "TT Nội dung công việc | Người/bộ phận thực Thời gian",
    "hiện",
    "1 Triển khai học bạ số cho các Phó Hiệu trưởng | 10/2025 đến",
    "lớp chuyên môn phụ trách tháng 5/2026",
    "2 Tổ chức sinh hoạt chuyên đề | Đoàn trường Tháng 12/2025",
    "về an toàn trên mạng cho học và tháng 3/2026",
    "sinh",
    "3 Tập huấn sử dụng sổ điểm | Tổ Tin học Tháng 11/2025",
    "điện tử cho giáo viên và",
    "nhân viên trước 10/2025",
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "Tổ Tin học tổng hợp, báo cáo Hiệu trưởng.",
]


def test_the_later_of_two_wrapped_times_is_the_deadline() -> None:
    plan = parse_text("\n".join(_OCR))
    assert [(t.no, t.deadline.end.isoformat() if t.deadline and t.deadline.end else None) for t in plan.tasks] == [
        ("1", "2026-05-31"), ("2", "2026-03-31"), ("3", "2025-11-30")]
