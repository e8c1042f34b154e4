"""OCR'd task rows without positions whose lead cell is merged down the rows below it (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text


def _annex(*rows: list[str]) -> str:
    head = ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH MINH", "KẾ HOẠCH", "Số hóa hồ sơ hành chính năm 2026", "",
            "PHỤ LỤC", "", "DANH MỤC NHIỆM VỤ", "", "(Kèm theo Kế hoạch số 12/KH-UBND ngày 02/3/2026)", "", "", "",
            "TT | Nhiệm vụ Cơ quan chủ Cơ quan phối Thời hạn", "trì hợp"]
    return "\n".join([*head, *(x for r in rows for x in [*r, ""])])


def test_a_row_showing_no_unit_under_a_lead_column_after_the_task_shares_the_row_above() -> None:
    # the lead's column comes after the task's and its title stands a dozen lines below the annex's heading; row 2
    # shows no unit at all: the lead cell is merged down from row 1 (Word sets cells top-aligned), read on row 1 only
    text = _annex(["1 Số hóa sổ hộ tịch lưu | Sở Tư pháp Sở Tài chính Quý II/2026", "trữ tại cấp xã"],
                  ["2 Cấp bản sao trích lục Tháng 9/2026", "hộ tịch trực tuyến"],
                  ["3 Số hóa hồ sơ lưu trữ | Văn phòng Sở Nội vụ Năm 2027", "của UBND tỉnh UBND tỉnh"])
    tasks = parse_text(text).tasks
    assert [t.no for t in tasks] == ["1", "2", "3"]
    assert [t.lead for t in tasks] == ["Sở Tư pháp", "Sở Tư pháp", "Văn phòng UBND tỉnh"]
    assert tasks[1].deadline_text == "Tháng 9/2026"
