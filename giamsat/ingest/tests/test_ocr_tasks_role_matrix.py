"""A role matrix (one column per unit, cells 'CT'/'PH') read by OCR without positions: the empty cells are gone, so
which unit's column holds a row's 'CT' is lost. Its rows are still tasks with their deadlines; no lead is guessed (a
unit named in the task's words is none) and a warning says so. Made-up plan, as Tesseract reads it."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_OCR = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH NAM HÀ",
    "",
    "Số: 75/KH-UBND",
    "",
    "KẾ HOẠCH",
    "Chuyển đổi số trong lĩnh vực y tế, giáo dục năm 2026",
    "",
    "II. NHIỆM VỤ",
    "",
    "Ghi chú: CT - chủ trì; PH - phối hợp.",
    "",
    "TT | Nội dung nhiệm vụ Sở Y | Sở GD | Sở Tài | UBND các | Thời gian",
    "tế &ĐT chính xã, phường",
    "",
    "1 Triển khai hồ sơ sức PH CT PH Quý III/2026",
    "khỏe điện tử cho học sinh",
    "",
    "2 Thanh toán viện phí | CT PH Tháng 6/2026",
    "không dùng tiền mặt tại",
    "các bệnh viện",
    "",
    "3 Hướng dẫn các sở, ngành | PH CT 30/9/2026",
    "đặt lịch khám trực tuyến",
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "Các cơ quan báo cáo kết quả về Sở Y tế.",
]


def test_the_rows_of_a_role_matrix_without_positions_are_tasks_without_a_guessed_lead() -> None:
    plan = parse_text("\n".join(_OCR))
    assert [(t.no, t.lead_code, t.deadline.end.isoformat() if t.deadline and t.deadline.end else None)
            for t in plan.tasks] == [("1", None, "2026-09-30"), ("2", None, "2026-06-30"), ("3", None, "2026-09-30")]
    assert plan.tasks[0].name == "Triển khai hồ sơ sức khỏe điện tử cho học sinh"
    assert any("CT/PH" in w for w in plan.warnings)
