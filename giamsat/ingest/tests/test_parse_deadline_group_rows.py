"""A task table with no time column that groups its rows by when they are due ('| A | NHIỆM VỤ HOÀN THÀNH TRONG QUÝ
II/2026 | | |'): each row takes its group's deadline; a group of themes gives none. Made-up annex."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_bytes

PLAN = """KẾ HOẠCH
Chuyển đổi số ngành văn hóa năm 2026

I. NHIỆM VỤ
Các nhiệm vụ tại Phụ lục kèm theo.

PHỤ LỤC
CÁC NHIỆM VỤ THEO THỜI HẠN

| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |
|---|---|---|---|
| A | CÁC NHIỆM VỤ HOÀN THÀNH TRONG QUÝ II/2026 | | |
| 1 | Số hóa hiện vật bảo tàng tỉnh | Sở Văn hóa, Thể thao và Du lịch | Sở Tài chính |
| 2 | Xây dựng thư viện số dùng chung | Sở Văn hóa, Thể thao và Du lịch | Sở Khoa học và Công nghệ |
| B | CÁC NHIỆM VỤ THỰC HIỆN HẰNG NĂM | | |
| 3 | Tổ chức tuần lễ văn hóa số | Sở Văn hóa, Thể thao và Du lịch | Công an tỉnh |
| C | DI SẢN SỐ NĂM 2026 | | |
| 4 | Lập hồ sơ số các di tích cấp tỉnh | Sở Văn hóa, Thể thao và Du lịch | Sở Xây dựng |
"""


def test_rows_take_the_deadline_their_group_states() -> None:
    tasks = parse_bytes(PLAN.encode()).to_json()["tasks"]
    got = [(t["no"], (t["deadline"] or {}).get("kind"), (t["deadline"] or {}).get("end")) for t in tasks]
    assert got == [("1", "quarter", "2026-06-30"), ("2", "quarter", "2026-06-30"), ("3", "recurring", None), ("4", None, None)]
