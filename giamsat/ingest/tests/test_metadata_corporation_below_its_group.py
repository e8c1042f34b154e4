"""A state-owned corporation's plan is headed by its group above it ("TẬP ĐOÀN ĐIỆN LỰC VIỆT NAM" / "TỔNG CÔNG TY
ĐIỆN LỰC MIỀN TRUNG"), a company's by its corporation ("TỔNG CÔNG TY LƯƠNG THỰC MIỀN NAM" / "CÔNG TY CỔ PHẦN
LƯƠNG THỰC SÓC TRĂNG"): the body below issues, as a Sở below its province's committee. A group issuing alone keeps
its name. Made-up headers."""

from __future__ import annotations

import pytest

from giamsat.ingest.pipeline import parse_text

BODY = """
Số: 2150/KH-ĐL                          Đà Nẵng, ngày 20 tháng 01 năm 2026

KẾ HOẠCH
Chuyển đổi số trong sản xuất, kinh doanh giai đoạn 2026 - 2027

I. MỤC TIÊU
Đến năm 2027, 100% trạm biến áp 110 kV vận hành không người trực.
"""
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


@pytest.mark.parametrize(
    ("above", "below", "issuer"),
    [
        ("TẬP ĐOÀN ĐIỆN LỰC VIỆT NAM", "TỔNG CÔNG TY ĐIỆN LỰC MIỀN TRUNG", "TỔNG CÔNG TY ĐIỆN LỰC MIỀN TRUNG"),
        ("TỔNG CÔNG TY LƯƠNG THỰC MIỀN NAM", "CÔNG TY CỔ PHẦN LƯƠNG THỰC SÓC TRĂNG", "CÔNG TY CỔ PHẦN LƯƠNG THỰC SÓC TRĂNG"),
    ],
)
def test_the_body_below_its_group_issues(above: str, below: str, issuer: str) -> None:
    head = f"{above}                 {MOTTO[0]}\n{below}                  {MOTTO[1]}\n"
    assert parse_text(head + BODY).document.issuer == issuer


def test_a_group_alone_issues() -> None:
    head = f"TẬP ĐOÀN ĐIỆN LỰC VIỆT NAM                 {MOTTO[0]}\n                  {MOTTO[1]}\n"
    assert parse_text(head + BODY).document.issuer == "TẬP ĐOÀN ĐIỆN LỰC VIỆT NAM"
