"""A task table's row cut by a page break, the rest of EVERY cell under the header's copy on the next page ("| | năng
số cho cán bộ … | chức - Hành chính | Công ty | |"): one task, its name and its lead read whole, not a second task
(made-up plan, as a PDF's text layer gives it)."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency, default_registry
from giamsat.ingest.pipeline import parse_text

PLAN = """\
KẾ HOẠCH
Chuyển đổi số Công ty năm 2026

I. NHIỆM VỤ

| Lĩnh vực | TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |
|---|---|---|---|---|---|
| Quản trị | 1 | Triển khai chữ ký số cho lãnh đạo các phòng | Phòng Hành chính - Nhân sự | Phòng Kỹ thuật | Quý II/2026 |
| Nhân lực | 2 | Bồi dưỡng kỹ | Phòng Hành | Công đoàn | Hằng năm |

| Lĩnh vực | TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |
|---|---|---|---|---|---|
| số |  | năng số cho người lao động trực tiếp | chính - Nhân sự | Công ty |  |
|  | 3 | Ứng dụng phần mềm chấm công điện tử | Phòng Kỹ thuật | Phòng Hành chính - Nhân sự | Quý III/2026 |
"""

REGISTRY = [*default_registry(), Agency("PHCNS", "Phòng Hành chính - Nhân sự", ()), Agency("PKT", "Phòng Kỹ thuật", ()),
            Agency("CDCT", "Công đoàn Công ty", ())]


def test_a_row_run_over_the_page_break_is_one_task() -> None:
    tasks = parse_text(PLAN, registry=REGISTRY).to_json()["tasks"]
    assert [(t["no"], t["name"], t["lead_code"]) for t in tasks] == [
        ("1", "Triển khai chữ ký số cho lãnh đạo các phòng", "PHCNS"),
        ("2", "Bồi dưỡng kỹ năng số cho người lao động trực tiếp", "PHCNS"),   # was "Bồi dưỡng kỹ" and a 4th task
        ("3", "Ứng dụng phần mềm chấm công điện tử", "PKT"),
    ]
    assert tasks[1]["coordinators"] == ["Công đoàn Công ty"]
