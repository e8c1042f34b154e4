"""An OCR'd task table in the body whose header Tesseract read as two blocks apart: the number and task titles on
one line, the taller lead/deadline titles (their cell wraps) after a blank line. Made-up page text."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_bytes

PAGE = """ỦY BAN NHÂN DÂN
XÃ AN THẠNH

KẾ HOẠCH
Chuyển đổi số trên địa bàn xã năm 2026

I. MỤC TIÊU
Phấn đấu 100% thủ tục hành chính được tiếp nhận trực tuyến trong năm 2026.

II NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN

TT Nhiệm vụ

Cơ quan chủ trì, phối h Thời hạn
1 Rà soát, cập nhật dữ liệu | Phòng Kinh tế chủ trì; Quý II/2026
hộ tịch lên kho dữ liệu | Công an xã phối hợp
dùng chung của xã
2 Tổ chức tập huấn kỹ năng | Phòng Văn hóa - Xã hội Tháng 9/2026
số cho cán bộ, công chức | chủ trì; Đoàn Thanh niên
của xã | phối hợp

III. TỔ CHỨC THỰC HIỆN
1. Phòng Kinh tế theo dõi, đôn đốc việc thực hiện Kế hoạch.
"""


def test_a_header_split_by_a_blank_line_still_opens_the_table() -> None:
    j = parse_bytes(PAGE.encode(), "plan.txt").to_json()
    got = [(t["no"], t["lead_code"], t["deadline"]["kind"], t["deadline"]["end"]) for t in j["tasks"]]
    assert got == [("1", "PHONG_KT", "quarter", "2026-06-30"), ("2", "PHONG_VHXH", "month", "2026-09-30")]
    assert "Tổ chức tập huấn kỹ năng số" in j["tasks"][1]["name"]


SCHOOL = """SỞ GIÁO DỤC VÀ ĐÀO TẠO
TRƯỜNG THCS VÀ THPT HÒA BÌNH

KẾ HOẠCH
Chuyển đổi số năm học 2025 - 2026

I. MỤC TIÊU
Phấn đấu 100% giáo viên sử dụng sổ điểm điện tử trong năm 2026.

II. NỘI DUNG VÀ PHÂN CÔNG THỰC HIỆN

TT Nội dung công việc Người/bộ phận Thời gian Ghi chú
thực hiện
1 Rà soát thiết bị phòng máy, Tổ Tin học Tháng 10/2025
đề xuất bổ sung máy tính
cho học sinh
2 Tập huấn phần mềm quản lý Tổ Văn phòng Tháng 11/2025
trường học cho nhân viên

III. TỔ CHỨC THỰC HIỆN
1. Hiệu trưởng chỉ đạo chung việc thực hiện Kế hoạch.
"""


def test_a_school_header_naming_people_in_charge_opens_the_table() -> None:
    """'Người/bộ phận thực hiện' (a school's, a hospital's lead column, its title wrapped: 'Người/bộ phận' / 'thực
    hiện') names the lead column like 'Đơn vị thực hiện'."""
    from giamsat.ingest.agencies import Agency, default_registry

    units = [*default_registry(), Agency("TO_TIN", "Tổ Tin học"), Agency("TO_VP", "Tổ Văn phòng")]
    j = parse_bytes(SCHOOL.encode(), "plan.txt", registry=units).to_json()
    got = [(t["no"], t["lead_code"], t["deadline"]["kind"], t["deadline"]["end"]) for t in j["tasks"]]
    assert got == [("1", "TO_TIN", "month", "2025-10-31"), ("2", "TO_VP", "month", "2025-11-30")]


def test_a_header_line_broken_at_a_space_over_three_lines_opens_the_table() -> None:
    """'TT Nội' / 'dung công việc Người/bộ phận Thời gian Ghi chú' / 'thực hiện': OCR broke the header's first line
    after its second word and the lead's title wrapped below; the three lines are the header."""
    from giamsat.ingest.agencies import Agency, default_registry

    units = [*default_registry(), Agency("TO_TIN", "Tổ Tin học"), Agency("TO_VP", "Tổ Văn phòng")]
    text = SCHOOL.replace("TT Nội dung công việc Người/bộ phận", "TT Nội\ndung công việc Người/bộ phận")
    j = parse_bytes(text.encode(), "plan.txt", registry=units).to_json()
    got = [(t["no"], t["lead_code"], t["deadline"]["kind"], t["deadline"]["end"]) for t in j["tasks"]]
    assert got == [("1", "TO_TIN", "month", "2025-10-31"), ("2", "TO_VP", "month", "2025-11-30")]
