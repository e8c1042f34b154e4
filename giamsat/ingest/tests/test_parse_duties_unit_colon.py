"""Numbered duties that open with the unit in charge and a colon ("1. Phòng X: xây dựng …; hoàn thành trong …"),
made-up plan."""

from __future__ import annotations

import datetime as dt

from giamsat.ingest.agencies import Agency
from giamsat.ingest.pipeline import parse_text

UNITS = [Agency("PDT", "Phòng Đào tạo"), Agency("PQT", "Phòng Quản trị thiết bị"), Agency("TTTV", "Trung tâm Thông tin - Thư viện")]

TEXT = """TRƯỜNG CAO ĐẲNG KỸ THUẬT HÀ NAM
Số: 88/KH-CĐKT Hà Nam, ngày 10 tháng 01 năm 2028
KẾ HOẠCH
Chuyển đổi số của Nhà trường năm 2028

I. KẾT QUẢ NĂM 2027
- Đã số hóa 70% giáo trình.

II. NHIỆM VỤ NĂM 2028
1. Phòng Đào tạo: triển khai phần mềm quản lý đào tạo theo tín chỉ cho toàn trường; hoàn thành trong Quý II/2028.
2. Phòng Quản trị thiết bị: nâng cấp mạng không dây tại các giảng đường và ký túc xá; trước ngày 30/9/2028.
3. Trung tâm Thông tin - Thư viện: số hóa giáo trình, tài liệu tham khảo của các khoa; hoàn thành trong tháng 11/2028.

III. TỔ CHỨC THỰC HIỆN
Các đơn vị báo cáo kết quả về Phòng Đào tạo hằng quý.
"""


def test_duties_open_with_their_unit_and_a_colon() -> None:
    tasks = parse_text(TEXT, registry=UNITS).tasks
    got = [(t.no, t.lead_code, t.deadline.end if t.deadline else None) for t in tasks]
    assert got == [("1", "PDT", dt.date(2028, 6, 30)), ("2", "PQT", dt.date(2028, 9, 30)),
                   ("3", "TTTV", dt.date(2028, 11, 30))]
