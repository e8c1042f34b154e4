"""OCR text without positions of a task table whose lead cell wraps, its first words standing just before the time
cell on the row's first line ('| UBND các Văn phòng Tháng 6/2026' / '… | UBND tỉnh'): 'Tháng' before its number is the
time's word, not a unit's name damaged by OCR ('Văn phòng Đảng ủy' is one letter off 'Văn phòng Tháng'), so the name
goes on below. Made-up inspection plan, read as Tesseract would."""

from __future__ import annotations

from giamsat.ingest.agencies import AgencyMatcher
from giamsat.ingest.pipeline import parse_text

_OCR = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH BÌNH SƠN",
    "",
    "Số: 40/KH-UBND",
    "",
    "KẾ HOẠCH",
    "Kiểm tra công tác chuyển đổi số năm 2026",
    "",
    "III. NỘI DUNG KIỂM TRA",
    "",
    "STT | Nội dung | Đơn vị được kiểm tra | Cơ quan chủ trì kiểm tra | Thời gian",
    "1 Kiểm tra việc số hóa | UBND các Văn phòng Tháng 6/2026",
    "hồ sơ, kết quả giải phường Hòa Bình, | UBND tỉnh",
    "quyết thủ tục hành Tân Tiến",
    "chính",
    "2 Kiểm tra việc làm UBND các xã Công an tỉnh | Tháng 7/2026",
    "sạch dữ liệu dân cư Đông Sơn, Yên",
    "Lạc",
    "",
    "IV. TỔ CHỨC THỰC HIỆN",
    "Sở Khoa học và Công nghệ tổng hợp kết quả kiểm tra.",
]


def test_a_name_cut_before_the_month_goes_on_below() -> None:
    plan = parse_text("\n".join(_OCR))
    assert [(t.no, t.lead_code, t.deadline_text) for t in plan.tasks] == [
        ("1", "VPUBND", "Tháng 6/2026"), ("2", "CAT", "Tháng 7/2026")]


def test_the_month_word_is_not_repaired_into_a_units_word() -> None:
    key = AgencyMatcher().repaired_key("Văn phòng Tháng 6/2026")
    assert "dang" not in key.split()
