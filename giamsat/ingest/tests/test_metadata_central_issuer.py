"""A ministry's plan whose header lost its name (a scan that dropped the short "BỘ Y TẾ" above its rule; made-up
lines): the symbol's code names the central body alone ("2150/KH-BYT" is Bộ Y tế's); a province's code names none."""

from __future__ import annotations

import pytest

from giamsat.ingest.pipeline import parse_text

BODY = """
KẾ HOẠCH
Ứng dụng công nghệ thông tin trong khám bệnh, chữa bệnh năm 2026

I. MỤC TIÊU
Đến năm 2028, 100% bệnh viện có bệnh án điện tử.
"""


@pytest.mark.parametrize(
    ("head", "issuer"),
    [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 2150/KH-BYT Hà Nội, ngày 15 tháng 12 năm 2025",
         "BỘ Y TẾ"),  # was None
        ("CONG HOA XA HOI CHU NGHIA VIET NAM\nDoc lap - Tu do - Hanh phuc\nSo: 88/KH-BKHCN Ha Noi, ngay 3 thang 2 nam 2026",
         "BỘ KHOA HỌC VÀ CÔNG NGHỆ"),
        ("BỘ XÂY DỰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
         "Số: 1185/KH-BXD Hà Nội, ngày 18 tháng 8 năm 2025", "BỘ XÂY DỰNG"),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
         "Số: 45/KH-UBND Bắc Sơn, ngày 5 tháng 3 năm 2026", None),
    ],
)
def test_issuer_from_the_symbol(head: str, issuer: str | None) -> None:
    assert parse_text(head + "\n" + BODY).to_json()["document"]["issuer"] == issuer
