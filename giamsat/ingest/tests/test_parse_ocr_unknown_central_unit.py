"""Plain OCR text of a ministry's task table whose lead column holds its own Cục/Vụ, units no registry knows, and the
coordinators' column after it a province's known unit ('| Cục Quản lý | Sở Y tế các' / '… Dược tỉnh, thành'): the
lead is the Cục as read, with no code, not the known unit (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

TEXT = "\n".join([
    "BỘ Y TẾ", "KẾ HOẠCH", "Chuyển đổi số y tế năm 2026", "", "PHỤ LỤC", "DANH MỤC NHIỆM VỤ", "",
    "TT | Nhiệm vụ | Thời gian hoàn | Đơn vị chủ trì | Đơn vị phối hợp", "thành", "",
    "1 Xây dựng Cơ sở | Tháng 6/2026 | Cục Khoa học | Sở Y tế các", "dữ liệu quốc gia công nghệ và tỉnh, thành",
    "về nghiên cứu Đào tạo phố", "",
    "2 Hoàn thiện Hệ | Tháng 9/2026 | Cục Quản lý | Sở Y tế các", "thống đơn thuốc Dược tỉnh, thành", "quốc gia, kết phố", "",
    "3 Cập nhật danh | Quý IV/2026 | Sở Y tế | Các bệnh viện", "mục dịch vụ kỹ thuật", "",
])


def test_a_central_units_cell_before_a_known_unit_is_the_lead_with_no_code() -> None:
    plan = parse_text(TEXT)
    assert [(t.no, t.lead_code) for t in plan.tasks] == [("1", None), ("2", None), ("3", "SYT")]
    assert [t.lead for t in plan.tasks][:2] == ["Cục Khoa học", "Cục Quản lý"]
    assert sum("Cục" in w for w in plan.warnings) == 2
