"""'Tổ chức thực hiện' of a ministry's plan (made-up lines): its Cục and Vụ are units ("vụ" alone only opening the
name: "nhiệm vụ" is none), and a verb right after the head noun is the name's ("Cục Quản lý …", "Ban Chỉ đạo …")."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

PLAN = """\
KẾ HOẠCH
Ứng dụng công nghệ thông tin trong khám bệnh, chữa bệnh giai đoạn 2026 - 2028

I. MỤC TIÊU
Đến năm 2028, 100% bệnh viện triển khai bệnh án điện tử.

II. TỔ CHỨC THỰC HIỆN
1. Cục Quản lý Khám, chữa bệnh là đầu mối, theo dõi, đôn đốc việc thực hiện Kế hoạch.
2. Vụ Kế hoạch - Tài chính bố trí kinh phí thực hiện Kế hoạch trong dự toán hằng năm của Bộ.
3. Cục Thống kê, Thông tin và Chuyển đổi số y tế hướng dẫn kết nối dữ liệu khám bệnh, chữa bệnh.
4. Đề nghị Sở Y tế các tỉnh, thành phố trực thuộc Trung ương phối hợp triển khai Kế hoạch trên địa bàn.
"""


def test_a_ministrys_units() -> None:
    got = [(a["org"], a["org_code"]) for a in parse_text(PLAN).to_json()["assignments"]]
    assert got == [
        ("Cục Quản lý Khám, chữa bệnh", None),  # was lost: "Quản lý" taken for its verb
        ("Vụ Kế hoạch - Tài chính", None),  # was lost: "Vụ" no unit's word
        ("Cục Thống kê, Thông tin và Chuyển đổi số y tế", None),
        ("Sở Y tế các tỉnh, thành phố trực thuộc Trung ương", None),
    ]


def test_a_duty_is_no_unit() -> None:
    text = PLAN.replace("2. Vụ Kế hoạch - Tài chính bố trí", "2. Nhiệm vụ trọng tâm năm 2026 được bố trí")
    assert not [a for a in parse_text(text).to_json()["assignments"] if a["org"].startswith("Nhiệm vụ")]
