"""Plain OCR text of a task table in which a row's number line was run into the line above it, its cell's bar after
the number ("dân cư trên địa bàn thôn 2 | Số hóa hồ | UBND …"): the row is found there, as with a dot after the number
("… thôn 2. Số hóa …") (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text
from giamsat.ingest.rows import MIDLINE_NO


def test_a_number_and_a_bar_run_into_a_line() -> None:
    for line in ("trên địa bàn thôn 2 | Số hóa hồ | UBND", "trên địa bàn thôn 2. Số hóa hồ sơ"):
        assert (m := MIDLINE_NO.search(line)) is not None and m.group(1) == "2"
    assert MIDLINE_NO.search("trong Quý 2 năm 2027") is None


def test_the_row_is_read() -> None:
    text = "\n".join([
        "ỦY BAN NHÂN DÂN", "XÃ TÂN HÒA", "", "Số: 21/KH-UBND", "", "KẾ HOẠCH", "Chuyển đổi số xã Tân Hòa năm 2027", "",
        "I. NHIỆM VỤ", "", "TT | Nhiệm vụ | Đơn vị chủ | Đơn vị phối | Thời gian", "trì hợp", "",
        "1 | Rà soát, làm sạch dữ | Công an xã | Các thôn | Quý I/2027",
        "liệu dân cư trên địa",
        "bàn thôn 2 | Số hóa hồ sơ | Văn phòng HĐND và UBND xã | Các thôn | Quý II/2027",
        "hộ tịch còn lưu trữ",
        "3 | Tuyên truyền kích hoạt | Công an xã | Đoàn Thanh niên | Quý III/2027",
        "tài khoản định danh",
        "", "II. TỔ CHỨC THỰC HIỆN", "", "1. Văn phòng HĐND và UBND xã theo dõi, tổng hợp.",
    ])
    tasks = parse_text(text).tasks
    assert [t.no for t in tasks] == ["1", "2", "3"]
    assert tasks[1].name.startswith("Số hóa hồ sơ")
