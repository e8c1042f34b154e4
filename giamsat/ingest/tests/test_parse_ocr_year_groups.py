"""Year-column indicator tables in OCR text without positions whose rows are numbered under group rows
('1 Nhóm chỉ tiêu …', '1.1', '12' for 1.2, '2,2' for 2.2), with thousands dots and a lead's narrow cell
putting a word or two on each line ('Văn' / '… được phòng' / '… trực UBND' / '… trình huyện')."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency
from giamsat.ingest.pipeline import parse_text

REGISTRY = [
    Agency("VPH", "Văn phòng UBND huyện"),
    Agency("UBH", "Ủy ban nhân dân huyện"),
    Agency("PTC", "Phòng Tài chính - Kế hoạch"),
    Agency("PVH", "Phòng Văn hóa và Thông tin"),
]

LINES = [
    "CHƯƠNG TRÌNH HÀNH ĐỘNG",
    "I. MỤC TIÊU",
    "2. Chỉ tiêu chủ yếu",
    "",
    "STT | Nhóm chỉ tiêu/ | Đơn vị Năm Năm Năm Đơn vị",
    "Chỉ tiêu tính 2026 2027 2028 chủ trì",
    "1 Nhóm chỉ tiêu",
    "về kinh tế số",
    "",
    "1.1 | Tỷ lệ hộ kinh doanh | % 40 55 70 Phòng Tài",
    "dùng thanh toán chính - Kế",
    "không tiền mặt hoạch",
    "12 | Doanh thu thương | % 5 7 10 Phòng Tài",
    "mại điện tử chính - Kế",
    "hoạch",
    "2 Nhóm chỉ tiêu",
    "về chính quyền số",
    "",
    "2.1 Hồ sơ được giải % 60 75 90 Văn",
    "quyết trực tuyến phòng",
    "toàn trình UBND",
    "huyện",
    "2,2 Trang tin được hồ sơ 12.000 15.000 20.000 Phòng Văn",
    "số hóa hóa và",
    "Thông tin",
    "",
    "II. NHIỆM VỤ",
]


def test_sub_rows_under_group_rows_are_the_indicators() -> None:
    got = {
        t.no: (t.name, t.value, t.lead_code, t.milestones)
        for t in parse_text("\n".join(LINES), registry=REGISTRY).targets
    }
    assert got == {
        "1.1": (
            "Tỷ lệ hộ kinh doanh dùng thanh toán không tiền mặt",
            "40",
            "PTC",
            {"2026": "40", "2027": "55", "2028": "70"},
        ),
        "1.2": ("Doanh thu thương mại điện tử", "5", "PTC", {"2026": "5", "2027": "7", "2028": "10"}),
        "2.1": (
            "Hồ sơ được giải quyết trực tuyến toàn trình",
            "60",
            "VPH",
            {"2026": "60", "2027": "75", "2028": "90"},
        ),
        "2.2": ("Trang tin được số hóa", "12000", "PVH", {"2026": "12000", "2027": "15000", "2028": "20000"}),
    }
