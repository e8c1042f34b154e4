"""A narrow task table whose 'Cơ quan chủ trì, phối hợp' column writes the roles in, read by plain OCR column by
column in bands: the row numbers alone, then the names, then the joint cells, then the deadlines (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_HEAD = ["ỦY BAN NHÂN DÂN XÃ AN BÌNH", "Số: 45/KH-UBND", "KẾ HOẠCH", "Phát triển chính quyền số xã An Bình năm 2026", "",
         "II. NHIỆM VỤ CỤ THỂ", "", "TT Nhiệm vụ Cơ quan chủ trì, phối hợp Thời hạn", ""]
_NUMBERS = ["1", "", "2", "", "3", ""]
_NAMES = ["Số hóa hồ sơ địa chính đang", "lưu trữ tại xã", "",
          "Tập huấn kỹ năng số cho cán bộ", "thôn, tổ dân phố", "",
          "Lắp đặt hệ thống camera giám", "sát tại trụ sở xã", ""]
_DEADLINES = ["Quý III/2026", "", "Năm 2026", "", "Tháng 10/2026", ""]
_END = ["III. TỔ CHỨC THỰC HIỆN", "1. Văn phòng HĐND và UBND xã theo dõi, tổng hợp, báo cáo Chủ tịch UBND xã."]


def _tasks(cells: list[str]) -> list[tuple[str | None, str, str | None, str | None]]:
    plan = parse_text("\n".join([*_HEAD, *_NUMBERS, *_NAMES, *cells, *_DEADLINES, *_END]))
    return [(t.no, t.name, t.lead, t.deadline_text) for t in plan.tasks]


def test_cells_naming_the_lead_before_its_role_give_each_row_its_lead() -> None:
    cells = ["Phòng Kinh tế chủ trì; Văn", "phòng HĐND và UBND xã phối hợp", "",
             "Văn phòng HĐND và UBND xã", "chủ trì; Phòng Văn hóa - Xã hội", "phối hợp", "",
             "Phòng Văn hóa - Xã hội chủ trì;", "Đoàn Thanh niên xã phối hợp", ""]
    assert _tasks(cells) == [
        ("1", "Số hóa hồ sơ địa chính đang lưu trữ tại xã", "Phòng Kinh tế", "Quý III/2026"),
        ("2", "Tập huấn kỹ năng số cho cán bộ thôn, tổ dân phố", "Văn phòng HĐND và UBND xã", "Năm 2026"),
        ("3", "Lắp đặt hệ thống camera giám sát tại trụ sở xã", "Phòng Văn hóa - Xã hội", "Tháng 10/2026")]


def test_cells_labelled_chu_tri_and_phoi_hop_read_the_same() -> None:
    cells = ["Chủ trì: Phòng Kinh tế; Phối", "hợp: các thôn", "",
             "Chủ trì: Văn phòng HĐND và", "UBND xã", "",
             "Chủ trì: Phòng Văn hóa - Xã", "hội; Phối hợp: Đoàn Thanh niên", ""]
    assert [lead for _no, _name, lead, _end in _tasks(cells)] == [
        "Phòng Kinh tế", "Văn phòng HĐND và UBND xã", "Phòng Văn hóa - Xã hội"]


def test_rows_zipped_from_bands_are_told_to_be_checked() -> None:
    cells = ["Phòng Kinh tế chủ trì", "", "Công an xã chủ trì", "", "Phòng Văn hóa - Xã hội chủ trì", ""]
    plan = parse_text("\n".join([*_HEAD, *_NUMBERS, *_NAMES, *cells, *_DEADLINES, *_END]))
    assert all(t.confidence <= 0.45 for t in plan.tasks)
    assert any("theo cột" in w and "1–3" in w for w in plan.warnings)
    assert not any("không nhận ra cơ quan chủ trì" in w for w in plan.warnings)
