"""A commune's Gantt ("TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Quý I/2026 | … | Năm 2027", an "x" in each
quarter the work runs), read by OCR as plain text: the narrow period columns' titles wrap, their words on one line and
their numerals on the next ("Quý Quý Quý Quý Năm" / "I/2026 |II/2026 |III/2026 |IV/2026 |2027"). Its numbered rows
are the plan's tasks; which quarter a mark stands in is lost, so no row takes a period title for its deadline, not
even where the page repeats the header inside a row (made-up plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

TEXT = "\n".join([
    "ỦY BAN NHÂN DÂN", "XÃ YÊN HÒA", "", "Số: 19/KH-UBND", "", "KẾ HOẠCH",
    "Chuyển đổi số trên địa bàn xã năm 2026 - 2027", "",
    "I. NHIỆM VỤ VÀ TIẾN ĐỘ THỰC HIỆN", "",
    "TT | Nhiệm vụ | Đơn vị Đơn vị | Quý Quý Quý Quý Năm",
    "chủ trì phối I/2026 |II/2026 |III/2026 |IV/2026 |2027",
    "hợp",
    "1 | Cập nhật Công an | Các X X",
    "dữ liệu xã thôn",
    "dân cư",
    "2 | Lắp đặt Phòng Văn X X X",
    "wifi công Kinh tế phòng",
    "cộng tại HĐND và",
    "nhà văn UBND xã",
    "TT | Nhiệm vụ | Đơn vị Đơn vị | Quý Quý Quý Quý Năm",
    "chủ trì phối I/2026 |II/2026 |III/2026 |IV/2026 |2027",
    "hợp",
    "hóa thôn",
    "3 | Hướng dẫn Công an | Đoàn X X",
    "người dân xã Thanh",
    "dùng VNeID niên xã", "",
    "II. TỔ CHỨC THỰC HIỆN", "",
    "Công an xã theo dõi, đôn đốc việc thực hiện Kế hoạch.", "",
])


def test_rows_of_the_gantt_are_tasks_with_no_period_title_for_deadline() -> None:
    plan = parse_text(TEXT)
    assert [t.no for t in plan.tasks] == ["1", "2", "3"]
    assert plan.tasks[0].name.startswith("Cập nhật")
    assert [t.deadline for t in plan.tasks] == [None, None, None]
    assert any("dấu “x”" in w for w in plan.warnings)
