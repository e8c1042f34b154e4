"""OCR text without positions of a task table whose time cell is a school year wrapped in its cell ('Năm học 2026 -' /
'2027'): the row's deadline is that school year, which ends in May, not the two calendar years. Made-up Sở plan."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_OCR = [
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH BÌNH SƠN",
    "",
    "Số: 40/KH-SGDĐT",
    "",
    "KẾ HOẠCH",
    "Chuyển đổi số ngành giáo dục giai đoạn 2026 - 2027",
    "",
    "II. NHIỆM VỤ",
    "",
    "TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn",
    "",
    "1 | Số hóa học bạ cho học | Sở Giáo dục và | Sở Tài chính | Năm học 2026 -",
    "sinh tiểu học Đào tạo 2027",
    "",
    "2 | Cấp chữ ký số cho giáo | Sở Giáo dục và | Sở Nội vụ | Tháng 10/2026",
    "viên chủ nhiệm Đào tạo",
]


def test_a_wrapped_school_year_is_the_rows_deadline() -> None:
    plan = parse_text("\n".join(_OCR))
    assert [(t.no, t.deadline_text, t.deadline.end.isoformat() if t.deadline and t.deadline.end else None)
            for t in plan.tasks] == [("1", "Năm học 2026 - 2027", "2027-05-31"), ("2", "Tháng 10/2026", "2026-10-31")]
