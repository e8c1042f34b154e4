"""An indicator table whose lead column is titled "Đơn vị chịu trách nhiệm" (or "Cơ quan chịu trách nhiệm"): the unit
that answers for the indicator is its lead, the column is no unit of measure (made-up plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

PLAN = "\n".join([
    "ỦY BAN NHÂN DÂN", "TỈNH BẮC HÀ", "", "Số: 40/KH-UBND", "", "KẾ HOẠCH",
    "Phát triển dữ liệu số tỉnh Bắc Hà giai đoạn 2026 - 2027", "",
    "I. MỤC TIÊU", "1. Chỉ tiêu cụ thể", "",
    "| Chỉ tiêu | Hiện trạng 2025 | Mục tiêu 2026 | Mục tiêu 2027 | {title} |",
    "|---|---|---|---|---|",
    "| Tỷ lệ hồ sơ bệnh án được lưu trữ điện tử (%) | 40 | 70 | 100 | Sở Y tế |",
    "| Số doanh nghiệp công nghệ số thành lập mới (doanh nghiệp) | 35 | 50 | 60 | Sở Tài chính |",
    "", "II. TỔ CHỨC THỰC HIỆN", "Các sở, ngành báo cáo kết quả hằng quý.",
])


def test_the_responsible_unit_is_the_lead() -> None:
    for title in ("Đơn vị chịu trách nhiệm", "Cơ quan chịu trách nhiệm"):
        targets = parse_text(PLAN.format(title=title)).targets
        assert [(t.lead_code, t.value, t.unit) for t in targets] == [("SYT", "70", "%"), ("STC", "50", "doanh nghiệp")]
