"""Gold that says a lead must carry NO code (`"lead": [null]`): a ministry's own Vụ/Cục that no provincial
registry knows must come out as text and a warning, never as a code; the measure counts it right only then,
and the list of misses names a wrong code without failing on the empty one."""

from __future__ import annotations

from pathlib import Path

from giamsat.ingest import quality
from giamsat.ingest.pipeline import parse_bytes

PLAN = """BỘ Y TẾ

Số: 10/KH-BYT                      Hà Nội, ngày 05 tháng 01 năm 2026

KẾ HOẠCH
Chuyển đổi số của Bộ năm 2026

I. NHIỆM VỤ

| STT | Nhiệm vụ | Thời hạn hoàn thành | Đơn vị chủ trì | Đơn vị phối hợp |
|---|---|---|---|---|
| 1 | Xây dựng Thông tư về bệnh án điện tử | Tháng 6/2026 | Vụ Pháp chế | Văn phòng Bộ |
| 2 | Bố trí kinh phí cho các nhiệm vụ chuyển đổi số | Tháng 11/2026 | Sở Tài chính | Vụ Pháp chế |
"""

GOLD = {"tasks": [{"no": "1", "name": "Xây dựng Thông tư về bệnh án điện tử", "lead": [None]},
                  {"no": "2", "name": "Bố trí kinh phí cho các nhiệm vụ chuyển đổi số", "lead": [None]}]}


def test_a_lead_with_no_code_is_right_only_when_no_code_is_given() -> None:
    plan = parse_bytes(PLAN.encode()).to_json()
    score = quality.score_tasks(plan, GOLD)
    assert score.hit == 2
    assert score.fields["lead"] == [1, 2]


def test_the_misses_name_a_wrong_code_against_a_gold_of_no_code(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    plan = parse_bytes(PLAN.encode())
    monkeypatch.setattr(quality, "runs", lambda shared, only="": iter([("forms_made_up", "clean_text", plan, GOLD)]))
    lines = list(quality.misses(Path("."), ("clean_text",)))
    assert lines == ["forms_made_up clean_text tasks 2: lead STC (want None)"]
