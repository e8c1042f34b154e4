"""Task tables whose lead is not written on every row: a lead cell merged down the unit's rows (written on the
first, empty below it, also right of the task's column), and a table with no lead column whose group rows name
the unit in charge of the rows under them (made-up plans)."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency, default_registry
from giamsat.ingest.fold import fold
from giamsat.ingest.pipeline import parse_text

HEAD = ["ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", "", "KẾ HOẠCH", "Chuyển đổi số của xã năm 2026", "", "I. NHIỆM VỤ", ""]


def test_an_empty_lead_cell_under_a_filled_one_is_the_same_unit_merged_down() -> None:
    text = "\n".join([*HEAD,
        "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |",
        "|---|---|---|---|---|",
        "| 1 | Số hóa sổ hộ tịch của xã | Công an xã | Văn phòng HĐND và UBND xã | Quý II/2026 |",
        "| 2 | Cấp bản sao trích lục hộ tịch điện tử | | Phòng Văn hóa - Xã hội | Quý IV/2026 |",
        "| 3 | Hướng dẫn người dân dùng bản sao điện tử | | Đoàn Thanh niên xã | |",
        "| 4 | Lập bản đồ số các thôn | Phòng Kinh tế | | Tháng 9/2026 |",
        "| 5 | Cập nhật bản đồ số hằng năm | | Công an xã | Hằng năm |"])
    tasks = parse_text(text).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "CA_XA"), ("2", "CA_XA"), ("3", "CA_XA"), ("4", "PHONG_KT"),
                                                   ("5", "PHONG_KT")]
    # row 3's deadline cell is merged with row 2's too; row 2's coordinator stays its own
    assert [t.deadline_text for t in tasks] == ["Quý II/2026", "Quý IV/2026", "Quý IV/2026", "Tháng 9/2026", "Hằng năm"]
    assert tasks[1].coordinators == ["Phòng Văn hóa - Xã hội"]


def test_group_rows_naming_a_unit_lead_the_rows_below_them() -> None:
    reg = [*default_registry(), Agency("DU_SYT", "Đảng ủy Sở Y tế"), Agency("DU_STC", "Đảng ủy Sở Tài chính")]
    text = "\n".join(["ĐẢNG BỘ TỈNH KON PLÔNG", "", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "Thực hiện Nghị quyết số 57-NQ/TW", "",
        "II. NHIỆM VỤ CỤ THỂ", "",
        "| TT | Nhiệm vụ | Cơ quan phối hợp | Thời gian hoàn thành |",
        "|---|---|---|---|",
        "| A | ĐẢNG ỦY SỞ Y TẾ | | |",
        "| 1 | Lãnh đạo triển khai bệnh án điện tử | Đảng ủy Sở Tài chính | Quý III/2026 |",
        "| 2 | Chỉ đạo khám bệnh từ xa ở trạm y tế xã | | Hằng năm |",
        "| B | CHI BỘ TRUNG TÂM Y TẾ HUYỆN | | |",
        "| 3 | Lãnh đạo số hóa hồ sơ sức khỏe | Đảng ủy Sở Y tế | Tháng 12/2026 |",
        "| C | NHIỆM VỤ CHUNG | | |",
        "| 4 | Tuyên truyền về y tế số | Các chi bộ trực thuộc | Thường xuyên |"])
    tasks = parse_text(text, registry=reg).tasks
    assert [(t.no, t.lead_code, t.lead and fold(t.lead)) for t in tasks] == [
        ("1", "DU_SYT", "dang uy so y te"), ("2", "DU_SYT", "dang uy so y te"),
        ("3", None, "chi bo trung tam y te huyen"),       # a party body the registry does not hold, as written
        ("4", None, None)]                                # a group of themes names no unit
    assert tasks[0].coordinators == ["Đảng ủy Sở Tài chính"]
