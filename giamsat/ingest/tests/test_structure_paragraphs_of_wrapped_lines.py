"""A PDF's or a scan's text wraps each paragraph over lines of the page's width and keeps no blank line between
paragraphs: a line closed by a full stop well short of the lines above it ends its paragraph, so the duties written
as paragraphs under a heading, each assigned by its own 'Giao …' sentence, are read one by one. A full line closed
by a stop goes on into the next. Made-up paragraphs as a PDF's text layer gives them."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

PAGE = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH
Số: 12/KH-UBND
KẾ HOẠCH
Phát triển du lịch thông minh giai đoạn 2026 - 2030
III. NHIỆM VỤ, GIẢI PHÁP
1. Phát triển hạ tầng số và dữ liệu du lịch
Xây dựng cơ sở dữ liệu du lịch của tỉnh (cơ sở lưu trú, lữ hành, điểm đến, hướng dẫn viên), kết nối, chia sẻ
với Nền tảng dữ liệu du lịch quốc gia. Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Khoa
học và Công nghệ, Công an tỉnh thực hiện; hoàn thành trong tháng 12/2026.
Đầu tư hệ thống wifi miễn phí, biển thuyết minh tự động bằng mã QR tại các điểm du lịch trọng điểm.
Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Viễn thông tỉnh (VNPT), Viettel tỉnh và Ủy ban nhân
dân các xã, phường có điểm du lịch thực hiện; hoàn thành trong Quý II/2027.
IV. TỔ CHỨC THỰC HIỆN
1. Sở Văn hóa, Thể thao và Du lịch chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.
"""


def test_each_wrapped_paragraph_is_a_duty() -> None:
    got = [(t.name[:30], t.lead_code, t.deadline_text) for t in parse_text(PAGE).tasks]
    assert got == [("Xây dựng cơ sở dữ liệu du lịch", "SVHTTDL", "tháng 12/2026"),
                   ("Đầu tư hệ thống wifi miễn phí,", "SKHCN", "Quý II/2027")]
