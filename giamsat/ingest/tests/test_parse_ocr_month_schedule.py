"""A schedule table (month columns marked "x", no deadline column) that plain OCR read without positions: the
header's titles wrapped in narrow cells ("TT | Nội" / "T | dung"), the first row across, the next ones column by
column in bands (number and first word, the name's words one line each, the unit, the budget). Made-up plan."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency, default_registry
from giamsat.ingest.pipeline import parse_text

UNITS = [*default_registry(), Agency("P_HC", "Phòng Hành chính tổng hợp"), Agency("P_NV", "Phòng Nghiệp vụ"),
         Agency("P_TV", "Phòng Thư viện số"), Agency("P_KT", "Phòng Kế toán tài vụ")]

TEXT = """TRUNG TÂM VĂN HÓA TỈNH NAM HÀ
Số: 45/KH-TTVH Nam Hà, ngày 10 tháng 01 năm 2027
KẾ HOẠCH
Ứng dụng công nghệ số tại Trung tâm Văn hóa tỉnh năm 2027

I. MỤC TIÊU
- Số hóa toàn bộ tư liệu của Trung tâm.

II. NỘI DUNG VÀ TIẾN ĐỘ

T |Nội Phòng/Tổ | Kinh T2 | T3 | T4 | T5 | T6 | T7 | T8
T | dung thực hiện phí
(triệu)
1 |Số hóa Phòng 400 |x |x |x

tư liệu | Nghiệp vụ
hiện vật



2 |Xây
dựng
thư viện
điện tử

Phòng Thư
viện số

250

3_ | Lắp
đặt
màn
hình
tra cứu

Phòng Hành
chính tổng
hợp

90

4 | Thanh
toán vé
điện tử

Phòng Kế
toán tài vụ

30 x

III. TỔ CHỨC THỰC HIỆN
1. Phòng Hành chính tổng hợp theo dõi, tổng hợp báo cáo Giám đốc hằng tháng.
"""


def test_month_schedule_rows_read_in_bands() -> None:
    plan = parse_text(TEXT, registry=UNITS)
    got = [(t.no, t.lead_code) for t in plan.tasks]
    assert got == [("1", "P_NV"), ("2", "P_TV"), ("3", "P_HC"), ("4", "P_KT")]
    names = [t.name for t in plan.tasks]
    assert names[1].startswith("Xây dựng thư viện điện tử") and names[2].startswith("Lắp đặt màn hình tra cứu")
    # the month marks OCR kept cannot be told apart by column: no deadline is made up
    assert all(t.deadline is None or t.deadline.kind.value == "unknown" for t in plan.tasks)
    # each row's lead is found: no warning says otherwise
    assert not any("không nhận ra cơ quan chủ trì" in w for w in plan.warnings)
    assert any("bảng tiến độ" in w and "1, 2, 3, 4" in w for w in plan.warnings)
