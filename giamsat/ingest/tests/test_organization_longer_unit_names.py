"""'Tổ chức thực hiện' of a district's plan (made-up lines): a unit whose name goes on past a shorter name the
registry knows ("Phòng Văn hóa" + " và Thông tin huyện") is named whole, up to its verb; two units joined by "và"
stay as written."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

PLAN = """\
KẾ HOẠCH
Chuyển đổi số trên địa bàn huyện Tân Lạc năm 2026

I. MỤC TIÊU
Đến hết năm 2026, 80% hồ sơ thủ tục hành chính được xử lý trực tuyến.

II. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa và Thông tin huyện chủ trì tuyên truyền về chuyển đổi số trên địa bàn.
2. Phòng Tài chính - Kế hoạch huyện tham mưu bố trí kinh phí thực hiện Kế hoạch.
3. Phòng Nội vụ và Phòng Tư pháp hướng dẫn số hóa hồ sơ, tài liệu lưu trữ.
4. Văn phòng HĐND và UBND huyện theo dõi, tổng hợp, báo cáo kết quả thực hiện.
"""


def test_a_unit_named_longer_than_the_registrys_name() -> None:
    got = [a["org"] for a in parse_text(PLAN).to_json()["assignments"]]
    assert got == [
        "Phòng Văn hóa và Thông tin huyện",  # was "Phòng Văn hóa", its duty "và Thông tin huyện chủ trì …"
        "Phòng Tài chính - Kế hoạch huyện",
        "Phòng Nội vụ và Phòng Tư pháp",
        "Văn phòng HĐND và UBND huyện",
    ]
