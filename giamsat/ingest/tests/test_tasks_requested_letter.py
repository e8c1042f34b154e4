"""An official letter with no heading at all that asks one unit for numbered duties ('… đề nghị Ủy ban nhân dân các
xã, phường thực hiện một số nội dung sau:' / '1. …, trước ngày …'): each item is a duty led by the unit asked; a
paragraph after the list asking another unit ('Đồng thời, đề nghị Viễn thông tỉnh (VNPT) …') is one more. Made-up."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_LETTER = [
    "UBND TỈNH BẮC SƠN",
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    "",
    "Số: 310/SKHCN-CĐS",
    "V/v triển khai nền tảng số cấp xã",
    "",
    "Kính gửi: Ủy ban nhân dân các xã, phường.",
    "",
    "Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2026 của Ủy ban nhân dân tỉnh, Sở Khoa học và Công nghệ đề nghị "
    "Ủy ban nhân dân các xã, phường thực hiện một số nội dung sau:",
    "",
    "1. Cử công chức đầu mối về chuyển đổi số, gửi danh sách về Sở trước ngày 20/5/2026.",
    "",
    "2. Cập nhật dữ liệu hộ kinh doanh lên bản đồ số, hoàn thành trong tháng 7/2026.",
    "",
    "Đồng thời, đề nghị Viễn thông tỉnh (VNPT) hỗ trợ các xã lắp đặt đường truyền, hoàn thành trước ngày 30/6/2026.",
    "",
    "Trân trọng./.",
]


def test_numbered_duties_of_a_letter_are_led_by_the_unit_it_asks() -> None:
    plan = parse_text("\n".join(_LETTER))
    got = [(t.no, t.lead_code, t.deadline.end.isoformat() if t.deadline and t.deadline.end else None) for t in plan.tasks]
    assert got == [("1", "UBND_XA", "2026-05-20"), ("2", "UBND_XA", "2026-07-31"), (None, "VNPT", "2026-06-30")]
