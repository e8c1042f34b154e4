"""A party committee's resolution gives its duties only where it organizes the work: its "Nhiệm vụ, giải pháp" are
general lines with no one in charge, and each numbered item of "Tổ chức thực hiện" names a body and when it is done.
Those items are the tasks; a plan whose organizing items are assignments without a time gives none. Made-up texts."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency
from giamsat.ingest.pipeline import parse_bytes

REGISTRY = [Agency("BTV_DU", "Ban Thường vụ Đảng ủy xã", ("Ban Thường vụ Đảng ủy",)),
            Agency("UBND_X", "Ủy ban nhân dân xã Phú Mỹ", ("Ủy ban nhân dân xã", "UBND xã")),
            Agency("VPDU", "Văn phòng Đảng ủy xã", ("Văn phòng Đảng ủy",))]

RESOLUTION = """NGHỊ QUYẾT
về phát triển thương mại điện tử trên địa bàn xã Phú Mỹ đến năm 2028

I. MỤC TIÊU
Đến năm 2028, có ít nhất 40 hợp tác xã bán sản phẩm trên sàn thương mại điện tử.

II. NHIỆM VỤ, GIẢI PHÁP
1. Nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về thương mại điện tử.
2. Hỗ trợ hợp tác xã xây dựng thương hiệu, truy xuất nguồn gốc sản phẩm.

III. TỔ CHỨC THỰC HIỆN
1. Ban Thường vụ Đảng ủy xã chủ trì quán triệt Nghị quyết đến các chi bộ, hoàn thành trong tháng 5/2026.
2. Ủy ban nhân dân xã chủ trì xây dựng đề án hỗ trợ hợp tác xã đưa sản phẩm lên sàn thương mại điện tử, hoàn thành trong Quý III/2026.
3. Văn phòng Đảng ủy xã chủ trì theo dõi, tổng hợp kết quả, báo cáo Ban Thường vụ Đảng ủy xã trước ngày 10/12/2026.

Định kỳ hằng năm, các chi bộ báo cáo kết quả thực hiện Nghị quyết.
"""

PLAN = """KẾ HOẠCH
Tuyên truyền về thương mại điện tử năm 2026

I. NHIỆM VỤ, GIẢI PHÁP
1. Nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về thương mại điện tử.

II. TỔ CHỨC THỰC HIỆN
1. Ủy ban nhân dân xã là cơ quan thường trực, theo dõi việc thực hiện Kế hoạch.
2. Văn phòng Đảng ủy xã phối hợp hướng dẫn các chi bộ triển khai Kế hoạch.
"""


def test_a_resolutions_organizing_items_are_its_tasks() -> None:
    j = parse_bytes(RESOLUTION.encode(), registry=REGISTRY).to_json()
    assert [(t["no"], t["lead_code"], t["deadline"]["kind"], t["deadline"]["end"]) for t in j["tasks"]] == [
        ("1", "BTV_DU", "month", "2026-05-31"), ("2", "UBND_X", "quarter", "2026-09-30"),
        ("3", "VPDU", "date", "2026-12-10")]


def test_organizing_items_without_a_time_are_no_tasks() -> None:
    assert parse_bytes(PLAN.encode(), registry=REGISTRY).to_json()["tasks"] == []
