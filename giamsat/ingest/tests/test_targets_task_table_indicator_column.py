"""A task table with a column for each task's own indicator ('Nhiệm vụ | Mục tiêu/chỉ tiêu | Chủ trì | … | Thời gian'):
a cell stating a figure to reach is a target led by the row's lead unit, for the year the row is due; a cell naming
an output without a figure is none (made-up plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

PLAN = """\
ỦY BAN NHÂN DÂN
TỈNH NAM ĐÔNG

Số: 30/KH-UBND

KẾ HOẠCH
Chuyển đổi số tỉnh Nam Đông năm 2026

I. MỤC TIÊU
Năm 2026, 80% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng.

II. NHIỆM VỤ

| TT | Nhiệm vụ | Mục tiêu/chỉ tiêu | Chủ trì | Phối hợp | Kinh phí (triệu đồng) | Thời gian |
|---|---|---|---|---|---|---|
| 1 | Phát triển mạng 5G tại các cụm công nghiệp | Phủ sóng 5G tại 100% cụm công nghiệp | Sở Khoa học và Công nghệ | Viettel tỉnh | 1.500 | Quý IV/2026 |
| 2 | Số hóa hồ sơ lưu trữ của các sở, ngành | Số hóa tối thiểu 200.000 trang hồ sơ | Sở Nội vụ | Các sở, ngành | 2.000 | Năm 2027 |
| 3 | Xây dựng quy chế khai thác dữ liệu dùng chung | Quy chế được ban hành | Sở Khoa học và Công nghệ | Sở Tư pháp | 100 | Quý II/2026 |
"""


def test_indicator_cells_with_a_figure_are_targets_of_their_row() -> None:
    plan = parse_text(PLAN).to_json()
    assert len(plan["tasks"]) == 3
    got = [(t["comparator"], t["value"], t["unit"], t["year"], t["lead_code"]) for t in plan["targets"]]
    assert sorted(got, key=str) == sorted([   # was only the prose target
        ("=", "80", "%", 2026, None),
        ("=", "100", "%", 2026, "SKHCN"),
        (">=", "200000", "trang hồ sơ", 2027, "SNV"),
    ], key=str)
    names = [t["name"] for t in plan["targets"] if t["lead_code"]]
    assert "Phủ sóng 5G tại 100% cụm công nghiệp" in names
