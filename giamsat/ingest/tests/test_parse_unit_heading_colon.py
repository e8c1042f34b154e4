"""A letter item that is a unit's whole name and a colon, over its dashed duties (made-up plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_PLAN = """ỦY BAN NHÂN DÂN
TỈNH BÌNH MINH
KẾ HOẠCH
Số hóa hồ sơ hành chính năm 2026

I. MỤC TIÊU

Số hóa toàn bộ hồ sơ hành chính của tỉnh.

II. NHIỆM VỤ

1. Giao nhiệm vụ cụ thể cho các cơ quan như sau:

a) Sở Tư pháp:
- Số hóa sổ hộ tịch lưu trữ tại các xã, hoàn thành trước ngày 30/6/2026.
- Cấp phiếu lý lịch tư pháp trực tuyến, hoàn thành trong Quý III/2026.

b) Công an tỉnh:
- Làm sạch dữ liệu dân cư phục vụ thủ tục hành chính, hoàn thành trong tháng 5/2026.

III. TỔ CHỨC THỰC HIỆN

Sở Nội vụ theo dõi, đôn đốc thực hiện Kế hoạch này.
"""


def test_a_unit_name_with_its_colon_leads_the_dashed_duties_below_it() -> None:
    # "a) Sở Tư pháp:" / "- …": the layout of a Công văn's or a plan's "giao nhiệm vụ" part; the colon closes the
    # unit's name, it opens no sentence
    tasks = parse_text(_PLAN).tasks
    assert [(t.name[:20], t.lead, t.lead_code) for t in tasks] == [
        ("Số hóa sổ hộ tịch lư", "Sở Tư pháp", "STP"), ("Cấp phiếu lý lịch tư", "Sở Tư pháp", "STP"),
        ("Làm sạch dữ liệu dân", "Công an tỉnh", "CAT")]
    assert [str(t.deadline.end) for t in tasks if t.deadline] == ["2026-06-30", "2026-09-30", "2026-05-31"]
