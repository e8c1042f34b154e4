"""A plan that opens with last year's results in a table ('Nhiệm vụ | Đơn vị chủ trì | Kết quả | Mức độ hoàn thành',
no time column): its rows report work done, they are not the plan's tasks (made-up plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

PLAN = """\
ỦY BAN NHÂN DÂN
XÃ BÌNH AN

Số: 09/KH-UBND

KẾ HOẠCH
Chuyển đổi số xã Bình An năm 2026

I. KẾT QUẢ NĂM 2025

| STT | Nhiệm vụ | Đơn vị chủ trì | Kết quả | Mức độ hoàn thành |
|---|---|---|---|---|
| 1 | Số hóa hồ sơ địa chính | Phòng Kinh tế | Số hóa 70% hồ sơ | Chưa hoàn thành |
| 2 | Lắp đặt wifi miễn phí tại nhà văn hóa | Văn phòng HĐND và UBND xã | 12/12 nhà văn hóa | Hoàn thành |

II. NHIỆM VỤ NĂM 2026

| STT | Nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành |
|---|---|---|---|
| 1 | Hoàn thành số hóa hồ sơ địa chính còn lại | Phòng Kinh tế | Quý II/2026 |
| 2 | Hướng dẫn người dân thanh toán trực tuyến học phí | Phòng Văn hóa - Xã hội | Quý III/2026 |
"""


def test_last_years_results_are_no_tasks() -> None:
    tasks = parse_text(PLAN).to_json()["tasks"]
    assert [t["name"] for t in tasks] == ["Hoàn thành số hóa hồ sơ địa chính còn lại",
                                          "Hướng dẫn người dân thanh toán trực tuyến học phí"]   # was 4: the results too
    assert [t["deadline"]["end"] for t in tasks] == ["2026-06-30", "2026-09-30"]


def test_a_task_table_with_a_result_column_and_no_time_is_still_read() -> None:
    plan = PLAN.split("I. KẾT QUẢ")[0] + """\
II. NHIỆM VỤ

| STT | Nhiệm vụ | Đơn vị chủ trì | Kết quả, sản phẩm |
|---|---|---|---|
| 1 | Xây dựng bản đồ số du lịch của xã | Phòng Văn hóa - Xã hội | Bản đồ số |
"""
    assert [t["name"] for t in parse_text(plan).to_json()["tasks"]] == ["Xây dựng bản đồ số du lịch của xã"]
