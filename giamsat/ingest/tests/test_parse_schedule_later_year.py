"""A schedule of quarter columns that goes on with a later year as a whole ('| Quý I/2026 | … | Quý IV/2026 | Năm 2027
|', marked "x"): a row marked in the year's column runs to that year's end, from its first marked quarter (made-up
commune plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

TEXT = "\n".join([
    "ỦY BAN NHÂN DÂN", "XÃ PHÚ AN", "", "Số: 15/KH-UBND", "", "KẾ HOẠCH",
    "Chuyển đổi số xã Phú An giai đoạn 2026 - 2027", "",
    "I. NHIỆM VỤ VÀ TIẾN ĐỘ", "",
    "| TT | Nhiệm vụ | Đơn vị chủ trì | Quý I/2026 | Quý II/2026 | Quý III/2026 | Quý IV/2026 | Năm 2027 |",
    "|---|---|---|---|---|---|---|---|",
    "| 1 | Cập nhật dữ liệu hộ kinh doanh trên địa bàn | Phòng Kinh tế | x | x | | | |",
    "| 2 | Hướng dẫn người dân thanh toán trực tuyến | Công an xã | | x | x | x | x |",
    "| 3 | Tổng kết việc thực hiện Kế hoạch | Văn phòng HĐND và UBND xã | | | | | x |",
    "",
])


def test_a_row_marked_in_the_later_year_runs_to_its_end() -> None:
    spans = [(t.deadline.kind.value, str(t.deadline.start), str(t.deadline.end)) if t.deadline else None
             for t in parse_text(TEXT).tasks]
    assert spans == [("quarter", "2026-01-01", "2026-06-30"), ("year", "2026-04-01", "2027-12-31"),
                     ("year", "2027-01-01", "2027-12-31")]
