"""A plan that amends another moves some deadlines in a small table and adds tasks as lettered items whose
fields are labelled ("Đơn vị chủ trì: …; thời gian hoàn thành: …"): both are tasks."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency
from giamsat.ingest.pipeline import parse_text

REG = [Agency("STP", "Sở Tư pháp"), Agency("SNV", "Sở Nội vụ"), Agency("STC", "Sở Tài chính"),
       Agency("CAT", "Công an tỉnh")]
HEAD = ["ỦY BAN NHÂN DÂN TỈNH", "Số: 12/KH-UBND", "KẾ HOẠCH", "Sửa đổi, bổ sung kế hoạch chuyển đổi số",
        "I. MỤC TIÊU", "Hoàn thành các nhiệm vụ chuyển đổi số đúng hạn.", "II. NHIỆM VỤ", "1. Điều chỉnh thời hạn",
        "| STT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn |", "| 1 | Số hóa sổ hộ tịch | Sở Tư pháp | Quý III/2026 |",
        "2. Bổ sung nhiệm vụ"]
ITEMS = ["a) Xây dựng cơ sở dữ liệu tài sản công của tỉnh. Đơn vị chủ trì: Sở Tài chính; đơn vị phối hợp: "
         "Sở Nội vụ; thời gian hoàn thành: Quý IV năm 2026.",
         "b) Triển khai chữ ký số cho cán bộ cấp xã. Đơn vị chủ trì: Sở Nội vụ; đơn vị phối hợp: Công an tỉnh; "
         "thời gian hoàn thành: tháng 12/2026."]
TAIL = ["III. TỔ CHỨC THỰC HIỆN", "Các sở, ngành triển khai thực hiện kế hoạch này."]


def test_lettered_items_with_a_labelled_lead_are_tasks_beside_a_table() -> None:
    plan = parse_text("\n".join([*HEAD, *ITEMS, *TAIL]), registry=REG)
    assert [(t.lead_code, t.name[:20]) for t in plan.tasks] == [
        ("STP", "Số hóa sổ hộ tịch"), ("STC", "Xây dựng cơ sở dữ li"), ("SNV", "Triển khai chữ ký số")]


def test_items_without_a_labelled_lead_stay_out_when_a_table_holds_the_tasks() -> None:
    items = ["a) Tăng cường tuyên truyền về chuyển đổi số trong cán bộ, công chức của tỉnh.",
             "b) Sở Nội vụ chủ trì rà soát, đánh giá việc thực hiện kế hoạch hằng năm."]
    plan = parse_text("\n".join([*HEAD, *items, *TAIL]), registry=REG)
    assert [t.lead_code for t in plan.tasks] == ["STP"]


def test_a_heading_whose_tail_a_blank_line_broke_off_still_heads_its_lettered_tasks() -> None:
    # OCR text: the heading's last word went to a line of its own past a blank line; no table was recognised
    lines = ["ỦY BAN NHÂN DÂN TỈNH", "Số: 12/KH-UBND", "KẾ HOẠCH", "Sửa đổi, bổ sung kế hoạch chuyển đổi số",
             "I. MỤC TIÊU", "Hoàn thành các nhiệm vụ chuyển đổi số đúng hạn.", "II. NHIỆM VỤ",
             "1. Bổ sung các nhiệm vụ sau vào Phụ lục kèm theo Kế hoạch số 143/KH-", "", "UBND:", "",
             "a) Xây dựng cơ sở dữ liệu tài sản công của tỉnh. Đơn vị chủ trì: Sở Tài chính; đơn vị phối",
             "hợp: Sở Nội vụ; thời gian hoàn thành: Quý IV năm 2026.", "",
             "b) Triển khai chữ ký số cho cán bộ cấp xã. Đơn vị chủ trì: Sở Nội vụ; đơn vị phối hợp: Công",
             "an tỉnh; thời gian hoàn thành: tháng 12/2026.", "", *TAIL]
    plan = parse_text("\n".join(lines), registry=REG)
    assert [(t.lead_code, t.name) for t in plan.tasks] == [
        ("STC", "Xây dựng cơ sở dữ liệu tài sản công của tỉnh"), ("SNV", "Triển khai chữ ký số cho cán bộ cấp xã")]
    assert [t.deadline_text for t in plan.tasks] == ["Quý IV năm 2026", "tháng 12/2026"]
