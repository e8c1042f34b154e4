"""OCR text without positions of a task table whose time cell holds a span of years that wrapped after its dash,
the next cell's words read on after it on the same line ('Năm 2026 - Lồng ghép chương' / '… Sở Y tế 2027 trình …',
'|Năm 2026- |Phòng Tổ' / '… ứng 2027 chức cán …'): the span's end year, wrapped below, is the deadline's end, not
the first year alone; with no year below, the first year is the deadline. Made-up plan, read as Tesseract would."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_OCR = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH BẮC HÀ",
    "",
    "Số: 22/KH-UBND",
    "",
    "KẾ HOẠCH",
    "Chuyển đổi số ngành y tế năm 2026 - 2027",
    "",
    "PHỤ LỤC",
    "DANH MỤC NHIỆM VỤ",
    "",
    "TT | Nhiệm vụ Cơ quan chủ trì, phối Thời gian Ghi chú",
    "hợp",
    "1 Đào tạo kỹ năng số | Sở Nội vụ (chủ | Năm 2026 - Lồng ghép chương",
    "cho nhân viên y tế xã trì), Sở Y tế 2027 trình đào tạo",
    "2 Bồi dưỡng cán bộ | Sở Y tế (chủ |Năm 2026- |Kinh phí sự",
    "quản lý bệnh viện trì) 2027 nghiệp",
    "3 Triển khai bệnh án | Sở Y tế (chủ | Năm 2026 - Các bệnh viện",
    "điện tử tại bệnh viện trì) tuyến tỉnh",
    "",
    "Nơi nhận:",
]


def test_a_span_of_years_wrapped_after_its_dash_ends_in_the_year_below() -> None:
    plan = parse_text("\n".join(_OCR))
    assert [(t.no, t.deadline_text, t.deadline.end.isoformat() if t.deadline and t.deadline.end else None)
            for t in plan.tasks] == [
        ("1", "Năm 2026 - 2027", "2027-12-31"), ("2", "Năm 2026 - 2027", "2027-12-31"),
        ("3", "Năm 2026", "2026-12-31")]
