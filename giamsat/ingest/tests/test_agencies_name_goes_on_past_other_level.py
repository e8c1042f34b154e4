"""OCR text without positions of a commune steering committee's task table whose advising unit's name wraps over three
lines of its narrow cell, the member's cell beside it ('| Văn phòng' / '| UBND xã HĐND và' / 'UBND xã'): the name goes
on with the words after the other cell's ('HĐND và'), not with a name of another level ('Văn phòng' + 'UBND' is the
province's office, and 'xã' follows it). Made-up commune plan, read as Tesseract would."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_OCR = [
    "ỦY BAN NHÂN DÂN",
    "XÃ TÂN AN",
    "",
    "Số: 15/KH-BCĐ",
    "",
    "KẾ HOẠCH",
    "Hoạt động của Ban Chỉ đạo chuyển đổi số xã năm 2026",
    "",
    "II. NHIỆM VỤ TRỌNG TÂM",
    "TT Nội dung nhiệm vụ Thành viên phụ Cơ quan tham | Thời gian hoàn",
    "trách mưu thành",
    "",
    "1 Triển khai ký số, gửi | Đồng chí Chủ tịch | Văn phòng Quý 1/2026",
    "nhận văn bản điện tử | UBND xã HĐND và",
    "tại Ủy ban nhân dân UBND xã",
    "xã",
    "",
    "2 Hướng dẫn người dân | Đồng chí Trưởng | Công an xã Tháng 6/2026",
    "kích hoạt tài khoản Công an xã",
    "định danh điện tử",
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "Văn phòng HĐND và UBND xã theo dõi, tổng hợp kết quả.",
]


def test_a_name_over_three_lines_goes_on_past_the_other_cells_words() -> None:
    plan = parse_text("\n".join(_OCR))
    assert [(t.no, t.lead_code) for t in plan.tasks] == [("1", "VP_HDND_UBND_XA"), ("2", "CA_XA")]
