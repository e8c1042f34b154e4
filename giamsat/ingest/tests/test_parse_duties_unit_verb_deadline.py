"""Numbered duties that open with the unit and its verb and close with a deadline, with no 'chủ trì' (made-up plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_PLAN = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH HÒA SƠN", "Số: 71/KH-UBND", "KẾ HOẠCH", "Chuyển đổi số năm 2026", "",
    "I. MỤC TIÊU", "Hoàn thành các nhiệm vụ chuyển đổi số năm 2026 của tỉnh.", "",
    "II. NHIỆM VỤ", "",
    "1. Sở Tài chính chủ trì bố trí kinh phí thực hiện Kế hoạch, hoàn thành trong Quý I/2026.",
    "2. Công an tỉnh làm sạch dữ liệu dân cư phục vụ cấp tài khoản định danh điện tử, hoàn thành trong tháng 6/2026.",
    "3. Sở Nội vụ đưa tiêu chí chuyển đổi số vào đánh giá cán bộ, công chức, hoàn thành trước ngày 30/9/2026.", "",
    "III. TỔ CHỨC THỰC HIỆN", "Các sở, ban, ngành báo cáo kết quả thực hiện trước ngày 15/12/2026."])


def test_a_unit_and_its_verb_opening_a_dated_sentence_make_it_a_duty() -> None:
    tasks = parse_text(_PLAN).tasks
    assert [(t.no, t.lead, t.deadline_text) for t in tasks] == [
        ("1", "Sở Tài chính", "Quý I/2026"), ("2", "Công an tỉnh", "tháng 6/2026"), ("3", "Sở Nội vụ", "30/9/2026")]


def test_an_undated_heading_naming_a_unit_still_heads_its_duties() -> None:
    plan = _PLAN.replace("3. Sở Nội vụ đưa tiêu chí chuyển đổi số vào đánh giá cán bộ, công chức, hoàn thành trước ngày "
                         "30/9/2026.", "3. Sở Nội vụ tham mưu các nội dung sau:\na) Đưa tiêu chí chuyển đổi số vào đánh giá "
                         "cán bộ, công chức, hoàn thành trước ngày 30/9/2026.")
    tasks = parse_text(plan).tasks
    assert [t.lead for t in tasks[:2]] == ["Sở Tài chính", "Công an tỉnh"]
    assert len(tasks) == 3 and tasks[2].name.startswith("Đưa tiêu chí chuyển đổi số")
