"""OCR text without positions of a party committee's programme whose task table has no lead column ('TT | Nhiệm vụ |
Cơ quan phối hợp | Thời gian hoàn thành'): each group row, in capitals, names the party body leading the rows below it
('A ĐẢNG ỦY SỞ Y TẾ', its letter lost on one, wrapped over two lines on another). The body leads its rows; a unit in a
row's cells is a coordinator. Made-up programme, read as Tesseract would."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency, default_registry
from giamsat.ingest.pipeline import parse_text

_BODIES = [Agency("DU_SYT", "Đảng ủy Sở Y tế"), Agency("DU_SXD", "Đảng ủy Sở Xây dựng"),
           Agency("CB_VP", "Chi bộ Văn phòng Ủy ban nhân dân tỉnh")]

_OCR = [
    "ĐẢNG BỘ TỈNH HOÀ BÌNH NAM",
    "ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH",
    "",
    "Số 07-CTr/ĐU",
    "",
    "CHƯƠNG TRÌNH HÀNH ĐỘNG",
    "thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị",
    "",
    "II. NHIỆM VỤ CỦA CÁC TỔ CHỨC ĐẢNG",
    "",
    "Tổ chức đảng ở dòng tiêu đề chủ trì các nhiệm vụ bên dưới:",
    "",
    "TT Nhiệm vụ Cơ quan phối hợp Thời gian hoàn",
    "thành",
    "A ĐẢNG ỦY SỞ Y TẾ",
    "1 Lãnh đạo triển khai bệnh án Đảng ủy Sở Xây Quý III/2026",
    "điện tử tại các bệnh viện dựng",
    "2 Chỉ đạo kết nối dữ liệu khám Tháng 12/2026",
    "chữa bệnh với Cổng dữ liệu",
    "ĐẢNG ỦY SỞ XÂY DỰNG",
    "3 Lãnh đạo số hóa hồ sơ cấp phép | Đảng ủy Sở Y tế Quý II/2027",
    "xây dựng",
    "C CHI BỘ VĂN PHÒNG ỦY BAN",
    "NHÂN DÂN TỈNH",
    "4 Chỉ đạo vận hành hệ thống Tháng 9/2026",
    "quản lý văn bản điện tử",
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "Văn phòng Đảng ủy theo dõi, tổng hợp kết quả thực hiện.",
]


def test_the_body_a_group_row_names_leads_its_rows_and_a_unit_in_a_row_coordinates() -> None:
    plan = parse_text("\n".join(_OCR), registry=[*default_registry(), *_BODIES])
    assert [(t.no, t.lead_code, t.deadline_text) for t in plan.tasks] == [
        ("1", "DU_SYT", "Quý III/2026"), ("2", "DU_SYT", "Tháng 12/2026"), ("3", "DU_SXD", "Quý II/2027"),
        ("4", "CB_VP", "Tháng 9/2026")]
    assert any("Xây" in c for c in plan.tasks[0].coordinators)
    assert any("Sở Y tế" in c for c in plan.tasks[2].coordinators)
