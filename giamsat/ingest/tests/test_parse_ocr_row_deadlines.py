"""Deadlines of OCR'd task rows without positions: which words of a row's lines are its deadline (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text


def _lead_first(*rows: list[str]) -> str:
    head = ["UBND HUYỆN AN PHÚ", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "KẾ HOẠCH", "Chuyển đổi số trong trường học năm 2026", "",
            "II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN", "",
            "TT Đơn vị chủ trì | Nhiệm vụ Thời gian hoàn Ghi chú", "thành"]
    return "\n".join([*head, *(x for r in rows for x in [*r, ""])])


def test_a_name_ending_in_so_right_before_its_month_keeps_the_deadline() -> None:
    # "… sổ điểm số Tháng 11/2026": "số" closes the task's name, it is no document's "số 11/2026"; "Kế hoạch số
    # 10/2025" still is a document's number, not the row's deadline
    text = _lead_first(["1 Phòng Giáo Triển khai sổ điểm số Tháng 11/2026", "dục tiểu học | tại các trường"],
                       ["2 Văn phòng Phòng | Triển khai Kế hoạch số 10/2025", "cho giáo viên | của UBND huyện Năm 2026"],
                       ["3 Văn phòng Phòng | Lập thư viện bài giảng số Quý II/2027", "cho giáo viên"])
    tasks = parse_text(text).tasks
    assert [(t.no, t.deadline_text) for t in tasks] == [("1", "Tháng 11/2026"), ("2", "Năm 2026"), ("3", "Quý II/2027")]
    assert tasks[0].deadline is not None and str(tasks[0].deadline.end) == "2026-11-30"
