"""An indicator table with one column per quarter of the plan's year ('Quý I | Quý II | Quý III | Quý IV'): each row
is a target whose value is its last quarter's (the year's end), for the year the quarters belong to (made-up plans)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

PLAN = """\
ỦY BAN NHÂN DÂN
XÃ HÒA PHÚ

Số: 11/KH-UBND

KẾ HOẠCH
Chuyển đổi số xã Hòa Phú

I. CHỈ TIÊU NĂM 2026

| STT | Chỉ tiêu | Đơn vị tính | Năm 2025 đạt | Quý I | Quý II | Quý III | Quý IV | Đơn vị theo dõi |
|---|---|---|---|---|---|---|---|---|
| 1 | Tỷ lệ hồ sơ nộp trực tuyến | % | 40 | 45 | 50 | 55 | 60 | Văn phòng HĐND và UBND xã |
| 2 | Số hộ kinh doanh dùng mã QR thanh toán | hộ | 80 | 100 | 130 | 160 | ≥ 200 | Phòng Kinh tế |

II. NHIỆM VỤ
1. Phòng Kinh tế hướng dẫn hộ kinh doanh mở tài khoản thanh toán, hoàn thành trong Quý IV/2026.
"""


def test_each_row_is_a_target_of_its_last_quarter() -> None:
    targets = parse_text(PLAN).to_json()["targets"]
    got = [(t["name"], t["comparator"], t["value"], t["unit"], t["year"], t["lead_code"]) for t in targets]
    assert got == [   # was []: no year column, so no indicator table
        ("Tỷ lệ hồ sơ nộp trực tuyến", "=", "60", "%", 2026, "VP_HDND_UBND_XA"),
        ("Số hộ kinh doanh dùng mã QR thanh toán", ">=", "200", "hộ", 2026, "PHONG_KT"),
    ]


def test_quarters_naming_their_year() -> None:
    plan = PLAN.replace("I. CHỈ TIÊU NĂM 2026", "I. CHỈ TIÊU").replace("| Quý I | Quý II | Quý III | Quý IV |",
                                                                       "| Quý I/2027 | Quý II/2027 | Quý III/2027 | Quý IV/2027 |")
    assert [t["year"] for t in parse_text(plan).to_json()["targets"]] == [2027, 2027]


def test_quarter_titles_a_scan_misread() -> None:
    # Tesseract's "QuýlI", "QuýlV", and "Quý II" for "Quý III": the quarters are taken in their order on the page
    plan = PLAN.replace("| Quý I | Quý II | Quý III | Quý IV |", "| Quý I | QuýlI | Quý II | QuýlV |")
    assert [t["value"] for t in parse_text(plan).to_json()["targets"]] == ["60", "200"]   # was "55", "160"


def test_a_schedule_of_tasks_marked_by_quarter_is_no_indicator_table() -> None:
    plan = PLAN.split("I. CHỈ TIÊU")[0] + """\
I. NHIỆM VỤ

| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Quý I | Quý II | Quý III | Quý IV |
|---|---|---|---|---|---|---|
| 1 | Số hóa hồ sơ hộ tịch | Công an xã | x | x | | |
| 2 | Tập huấn kỹ năng số | Văn phòng HĐND và UBND xã | | | x | 4 lớp |
"""
    parsed = parse_text(plan).to_json()
    assert parsed["targets"] == []
    assert [t["no"] for t in parsed["tasks"]] == ["1", "2"]
