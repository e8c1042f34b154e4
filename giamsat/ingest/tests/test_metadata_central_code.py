"""A parent's symbol whose Đ OCR read as D, after "TW" (made-up plan): "…-TWDTN" is spelt "…-TWĐTN" where the text
names the body "Trung ương Đoàn Thanh niên …" ("ương" gives the symbol's W)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_bytes

PLAN = """ỦY BAN NHÂN DÂN TỈNH HÒA LAM
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 15/KH-SGDĐT                              Hòa Lam, ngày 2 tháng 4 năm 2026

KẾ HOẠCH
Phối hợp phát triển kỹ năng số cho học sinh năm 2026

Căn cứ Chương trình phối hợp so 07/CTrPH-BGDDT-TWDTN ngay 5/1/2026 giua Bo Giao duc va Dao tao va Trung uong Doan Thanh nien Cong san Ho Chi Minh;

I. NHIỆM VỤ
1. Tập huấn kỹ năng số cho học sinh, hoàn thành trong Quý III/2026.
"""


def test_central_body_code_spelt_with_its_d() -> None:
    parents = parse_bytes(PLAN.encode()).to_json()["document"]["parents"]
    assert "07/CTrPH-BGDĐT-TWĐTN" in parents
