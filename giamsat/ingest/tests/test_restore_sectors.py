"""The restorer knows the words of plans of other sectors: a school year, teaching, a unit's divisions, a level of
an online service (made-up OCR lines whose marks were lost)."""

from __future__ import annotations

import pytest

from giamsat.ingest.restore import restore_text


@pytest.mark.parametrize(
    ("ocr", "want"),
    [
        ("Sơ kết học kỳ I nam hoc 2026 - 2027 cua cac truong", "Sơ kết học kỳ I năm học 2026 - 2027 của các trường"),
        ("nam hoc 2026 - 2027", "năm học 2026 - 2027"),  # was "nam học"; in a line "năm hoặc"
        ("Ke hoach day hoc truc tuyen cho hoc sinh", "Kế hoạch dạy học trực tuyến cho học sinh"),  # was "đẩy học"
        ("cac bo phan chuyen mon cua Trung tam", "các bộ phận chuyên môn của Trung tâm"),  # was "bộ phạn"
        ("tai khoan dinh danh dien tu muc do 2", "tài khoản định danh điện tử mức độ 2"),  # was "mục đó 2"
        ("Thi diem cham thi tren may tinh", "Thí điểm chấm thi trên máy tính"),  # was "chấm thị"
    ],
)
def test_words_of_other_sectors_plans(ocr: str, want: str) -> None:
    assert restore_text(ocr) == want


def test_an_abbreviation_the_text_writes_with_its_d() -> None:
    text = "Ghi chú: ĐTN - Đoàn Thanh niên xã; HPN - Hội Liên hiệp Phụ nữ xã.\n\nChu tri: VHXH; phoi hop: DTN, HPN"
    assert restore_text(text).split("\n")[-1] == "Chủ trì: VHXH; phối hợp: ĐTN, HPN"  # was "DTN"
    assert restore_text("Chu tri: VHXH; phoi hop: DTN, HPN") == "Chủ trì: VHXH; phối hợp: DTN, HPN"  # no Đ form
