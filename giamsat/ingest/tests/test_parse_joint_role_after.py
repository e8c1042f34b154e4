"""One 'Cơ quan chủ trì, phối hợp' cell whose roles are written after the units (made-up plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_PLAN = """ỦY BAN NHÂN DÂN
TỈNH BÌNH MINH
KẾ HOẠCH
Số hóa hồ sơ hành chính năm 2026

II. NHIỆM VỤ

| TT | Nhiệm vụ | Cơ quan chủ trì, phối hợp | Thời hạn |
|---|---|---|---|
| 1 | Số hóa sổ hộ tịch lưu trữ | Sở Tư pháp chủ trì; Phòng Kinh tế phối hợp | Quý II/2026 |
| 2 | Cấp phiếu lý lịch tư pháp trực tuyến | Công an tỉnh chủ trì, Sở Tư pháp phối hợp | Năm 2026 |
| 3 | Vận hành hệ thống quản lý văn bản | Văn phòng UBND tỉnh chủ trì | Tháng 9/2026 |
"""


def test_the_role_after_the_units_names_the_lead_and_a_unit_opening_with_ph_is_no_label() -> None:
    # "X chủ trì; Y phối hợp": X leads, Y coordinates; "; Phòng …" is a unit, not the abbreviated label "; PH"
    tasks = parse_text(_PLAN).tasks
    assert [(t.lead, t.coordinators) for t in tasks] == [
        ("Sở Tư pháp", ["Phòng Kinh tế"]), ("Công an tỉnh", ["Sở Tư pháp"]), ("Văn phòng UBND tỉnh", [])]
