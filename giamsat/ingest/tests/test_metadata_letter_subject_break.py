"""An official letter's subject ("V/v …") whose lines OCR parted with a blank line (made-up header)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

LETTER = """\
ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÒN MÂY           Độc lập - Tự do - Hạnh phúc

Số: 204/UBND-KT        Hòn Mây, ngày 16 tháng 3 năm 2026
V/v đẩy mạnh thanh toán không dùng tiền mặt,
chuyển đổi số trong dịch vụ công

năm 2026

Kính gửi:
- Các sở, ban, ngành tỉnh;
- Ủy ban nhân dân các xã, phường.

Thực hiện Kế hoạch số 45/KH-UBND ngày 20/02/2026 của Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:
"""


def test_a_subjects_line_past_a_blank_line_is_the_subjects() -> None:
    doc = parse_text(LETTER).to_json()["document"]
    # was "… trong dịch vụ công": the subject's last line lost
    assert doc["title"] == ("Công văn về việc đẩy mạnh thanh toán không dùng tiền mặt, chuyển đổi số trong dịch vụ công"
                            " năm 2026")


def test_a_blank_line_before_the_address_ends_the_subject() -> None:
    doc = parse_text(LETTER.replace("\nnăm 2026\n", "")).to_json()["document"]
    assert doc["title"].endswith("trong dịch vụ công")
