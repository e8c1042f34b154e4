"""Plain OCR text of a schedule table with no number column whose first column is the time ('Thời gian | Nội dung
công việc | Bộ phận chủ trì | Bộ phận phối hợp'), read row by row: each row opens with its time cell, the name and
the units' names wrap inside their cells on the lines below (made-up plan)."""

from __future__ import annotations

import datetime as dt

from giamsat.ingest.agencies import Agency
from giamsat.ingest.pipeline import parse_text

UNITS = [Agency("VP", "Văn phòng HĐND và UBND phường"), Agency("PKT", "Phòng Kinh tế, Hạ tầng và Đô thị"),
         Agency("PVH", "Phòng Văn hóa - Xã hội"), Agency("CA", "Công an phường")]

TEXT = """ỦY BAN NHÂN DÂN
PHƯỜNG AN PHÚ
Số: 12/KH-UBND An Phú, ngày 05 tháng 02 năm 2027
KẾ HOẠCH
Chuyển đổi số trên địa bàn phường An Phú năm 2027

I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm chính quyền phường vận hành thông suốt trên môi trường số.

II. NỘI DUNG VÀ TIẾN ĐỘ THỰC HIỆN

Thời gian Nội dung công việc Bộ phận chủ trì | Bộ phận phối
hợp
Tháng 4/2027 Rà soát danh mục thủ tục | Văn phòng Công an phường
hành chính trực tuyến HĐND và
toàn trình | UBND phường
Tháng 5 - 6/2027 Cập nhật bản đồ số các Phòng Kinh tế, | Các khu phố
tuyến phố, khu dân cư Hạ tầng và
Đô thị
Hằng quý Tập huấn kỹ năng số cho | Phòng Văn hóa | Các khu phố
tổ công nghệ số cộng đồng | - Xã hội
Trước 20/11/2027 | Lắp đặt camera giám sát Công an phường | Phòng Kinh tế,
tại các nút giao thông Hạ tầng và
Đô thị
Tháng 8/2027 Số hóa hồ sơ hộ tịch đã | Văn phòng Công an phường
lưu trữ của phường trước HĐND và
khi sắp xếp đơn vị hành | UBND phường
chính
Quý III/2027 Hướng dẫn hộ kinh doanh | Phòng Kinh tế, | Các khu phố
tại chợ phường thanh toán Hạ tầng và
không dùng tiền mặt Đô thị
Tháng 12/2027 Tổng kết, đánh giá kết quả | Văn phòng Các bộ phận
thực hiện Kế hoạch năm HĐND và
2027 UBND phường

III. TỔ CHỨC THỰC HIỆN
1. Văn phòng HĐND và UBND phường theo dõi, tổng hợp báo cáo Chủ tịch UBND phường.
"""


def test_rows_open_with_their_time_cell() -> None:
    plan = parse_text(TEXT, registry=UNITS)
    got = [(t.lead_code, t.deadline.kind.value if t.deadline else None, t.deadline.end if t.deadline else None)
           for t in plan.tasks]
    assert got == [("VP", "month", dt.date(2027, 4, 30)), ("PKT", "month", dt.date(2027, 6, 30)),
                   ("PVH", "recurring", None), ("CA", "date", dt.date(2027, 11, 20)),
                   ("VP", "month", dt.date(2027, 8, 31)), ("PKT", "quarter", dt.date(2027, 9, 30)),
                   ("VP", "month", dt.date(2027, 12, 31))]
    assert [t.no for t in plan.tasks] == [None] * 7
    names = [t.name for t in plan.tasks]
    # (the pieces of a unit's name wrapped beside a name's lines are cut off where the name column's width is known:
    # `ocr_names.name_width`, from more lines than these)
    assert names[0].startswith("Rà soát danh mục thủ tục hành chính trực tuyến")
    assert names[3].startswith("Lắp đặt camera giám sát tại các nút giao thông")
    assert not any(n.startswith(("Tháng", "Quý", "Hằng", "Trước")) for n in names)
