"""Duties numbered '1.1.', '1.2.' under a group heading that puts one unit in charge of the whole group ('1. Hoàn
thiện thể chế (Sở Tư pháp chủ trì chung)'): a duty with no 'Chủ trì:' of its own is led by that unit, one that names
its own lead keeps it. Made-up plan text."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_bytes

PLAN = """ỦY BAN NHÂN DÂN
TỈNH HẢI LAM

Số: 55/KH-UBND                             Hải Lam, ngày 02 tháng 3 năm 2026

KẾ HOẠCH
Thực hiện các nhiệm vụ chuyển đổi số năm 2026

I. NHIỆM VỤ, GIẢI PHÁP

1. Hoàn thiện thể chế (Sở Tư pháp chủ trì chung, tổng hợp kết quả của nhóm)

1.1. Rà soát các quy định cản trở hoạt động đổi mới sáng tạo. Chủ trì: Sở Khoa học và Công nghệ; phối hợp: Các sở, ban, ngành. Thời hạn: Quý II/2026.

1.2. Ban hành quy chế chia sẻ dữ liệu số của tỉnh. Phối hợp: Công an tỉnh. Thời hạn: Quý III/2026.

2. Phát triển nhân lực số (Giao Sở Nội vụ chủ trì)

2.1. Bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã. Thời hạn: trước ngày 30/11/2026.

3. Hạ tầng số

3.1. Nâng cấp mạng truyền số liệu chuyên dùng đến các xã. Thời hạn: Năm 2026.

II. TỔ CHỨC THỰC HIỆN
Sở Khoa học và Công nghệ theo dõi, tổng hợp, báo cáo Ủy ban nhân dân tỉnh.
"""


def test_a_duty_without_its_own_lead_takes_its_group_headings_unit() -> None:
    j = parse_bytes(PLAN.encode(), "plan.txt").to_json()
    assert [(t["no"], t["lead_code"]) for t in j["tasks"]] == [
        ("1.1", "SKHCN"),       # its own "Chủ trì:" stands
        ("1.2", "STP"),         # "(Sở Tư pháp chủ trì chung, …)"
        ("2.1", "SNV"),         # "(Giao Sở Nội vụ chủ trì)"
        ("3.1", None),          # a heading naming no unit gives none
    ]


def test_a_table_group_row_naming_its_lead_leads_the_rows_without_one() -> None:
    table = """KẾ HOẠCH
Chuyển đổi số năm 2026

II. NHIỆM VỤ
| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |
|---|---|---|---|
| I | HẠ TẦNG SỐ (Sở Khoa học và Công nghệ chủ trì) | | |
| 1 | Nâng cấp Trung tâm dữ liệu của tỉnh | | Quý II/2026 |
| 2 | Phủ sóng di động 5G tại các xã | Viettel tỉnh | Năm 2026 |
"""
    j = parse_bytes(table.encode(), "plan.txt").to_json()
    assert [(t["no"], t["lead_code"]) for t in j["tasks"]] == [("1", "SKHCN"), ("2", "VIETTEL")]
