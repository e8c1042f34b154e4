"""A task table's lead cell naming the body in charge and, in brackets, the unit that advises it and does the work
('UBND xã (Phòng Kinh tế tham mưu)'): the advising unit is the lead (made-up commune plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

TEXT = "\n".join([
    "ỦY BAN NHÂN DÂN", "XÃ BÌNH AN", "", "Số: 09/KH-UBND", "", "KẾ HOẠCH",
    "Chuyển đổi số xã Bình An năm 2026", "",
    "I. NHIỆM VỤ", "",
    "| TT | Nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành |",
    "|---|---|---|---|",
    "| 1 | Lập bản đồ số các hộ kinh doanh | UBND xã (Phòng Kinh tế tham mưu) | Quý III/2026 |",
    "| 2 | Số hóa sổ hộ tịch còn lưu trữ | UBND xã (Văn phòng HĐND và UBND xã tham mưu) | Quý IV/2026 |",
    "| 3 | Hướng dẫn người dân cài ứng dụng định danh | Công an xã | Quý II/2026 |",
    "",
])


def test_the_unit_advising_the_committee_leads() -> None:
    assert [t.lead_code for t in parse_text(TEXT).tasks] == ["PHONG_KT", "VP_HDND_UBND_XA", "CA_XA"]
