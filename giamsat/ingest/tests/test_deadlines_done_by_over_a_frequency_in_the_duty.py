"""A duty whose words hold a frequency ("… trong dự toán ngân sách hằng năm") and whose assigning sentence then says
when it is done ("Giao Sở A chủ trì …; hoàn thành trong tháng 12/2026.") is due then: the frequency describes the
budget, not the deadline. A duty with only its frequency keeps it; "định kỳ 6 tháng báo cáo" after the assignment
is a half-yearly duty. Made-up paragraphs of a provincial plan."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = ["ỦY BAN NHÂN DÂN TỈNH AN BÌNH", "Số: 12/KH-UBND", "", "KẾ HOẠCH",
        "Phát triển du lịch thông minh giai đoạn 2026 - 2030", "", "III. NHIỆM VỤ, GIẢI PHÁP", "", "1. Nguồn lực", ""]


def _deadlines(*paragraphs: str) -> list[tuple[str | None, str | None, str | None]]:
    plan = parse_text("\n".join(HEAD + [p + "\n" for p in paragraphs]))
    return [(t.deadline_text, t.deadline.kind if t.deadline else None,
             t.deadline.recurrence.value if t.deadline and t.deadline.recurrence else None) for t in plan.tasks]


def test_the_done_by_clause_beats_the_budget_frequency() -> None:
    got = _deadlines("Bố trí kinh phí thực hiện Kế hoạch trong dự toán ngân sách hằng năm, lồng ghép với các chương "
                     "trình có liên quan. Giao Sở Tài chính chủ trì, phối hợp với Sở Khoa học và Công nghệ thực hiện; "
                     "hoàn thành trong tháng 12/2026.")
    assert got == [("tháng 12/2026", "month", None)]


def test_a_frequency_alone_stays_the_deadline() -> None:
    got = _deadlines("Tổ chức hội thảo khởi nghiệp sáng tạo hằng năm. Giao Sở Khoa học và Công nghệ chủ trì thực hiện.")
    assert got == [("hằng năm", "recurring", "annual")]


def test_a_half_yearly_report_after_the_assignment() -> None:
    got = _deadlines("Kiểm tra, xử lý hành vi kinh doanh dịch vụ du lịch trái phép trên môi trường mạng. Giao Công an "
                     "tỉnh chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch thực hiện; định kỳ 6 tháng báo cáo "
                     "kết quả về Ủy ban nhân dân tỉnh.")
    assert got == [("định kỳ 6 tháng", "recurring", "semiannual")]
