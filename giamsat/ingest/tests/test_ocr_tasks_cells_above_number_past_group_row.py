"""OCR text without positions of a party committee's task table with no lead column (each group row names the body
leading its rows) on a page where Tesseract read a row's other cells ABOVE its number ('Đảng ủy Sở Xây Hằng quý' /
'dựng' / '' / '2 Chỉ đạo kết nối …'), a group row standing between that row's name and the next row's number: the
group row is no cell, so the block above the number is the row's cells (its time, a coordinator); the group's body
leads it. Made-up programme, read as Tesseract would."""

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
    "TT Nhiệm vụ Cơ quan phối hợp Thời gian hoàn",
    "thành",
    "A ĐẢNG ỦY SỞ Y TẾ",
    "1 Lãnh đạo triển khai bệnh án Đảng ủy Sở Xây Quý III/2026",
    "điện tử tại các bệnh viện dựng",
    "",
    "Đảng ủy Sở Xây Hằng quý",
    "dựng",
    "",
    "2 Chỉ đạo kết nối dữ liệu khám",
    "chữa bệnh với Cổng dữ liệu",
    "",
    "B CHI BỘ VĂN PHÒNG ỦY BAN",
    "NHÂN DÂN TỈNH",
    "",
    "3 Chỉ đạo vận hành hệ thống Tháng 9/2026",
    "quản lý văn bản điện tử",
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "Văn phòng Đảng ủy theo dõi, tổng hợp kết quả thực hiện.",
]


def test_the_cells_above_a_rows_number_are_its_own_past_a_group_row() -> None:
    plan = parse_text("\n".join(_OCR), registry=[*default_registry(), *_BODIES])
    assert [(t.no, t.lead_code, t.deadline_text) for t in plan.tasks] == [
        ("1", "DU_SYT", "Quý III/2026"), ("2", "DU_SYT", "Hằng quý"), ("3", "CB_VP", "Tháng 9/2026")]
    assert any("Xây dựng" in c for c in plan.tasks[1].coordinators)
