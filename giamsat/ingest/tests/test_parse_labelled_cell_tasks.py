"""A task table whose task cell carries its lead and its time as labelled fields, with no column for either: a plan
amending another sets its tasks in a 'Nội dung cũ | Nội dung điều chỉnh' table; each row's adjusted cell is the task
(its name, lead and deadline), never the old one. Made-up plan."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_bytes

PLAN = """ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH NAM HÀ                                 Độc lập - Tự do - Hạnh phúc

Số: 41/KH-UBND                     Nam Hà, ngày 14 tháng 4 năm 2026

KẾ HOẠCH
Điều chỉnh một số nhiệm vụ của Kế hoạch số 12/KH-UBND ngày 10/02/2025

I. ĐIỀU CHỈNH NHIỆM VỤ

| TT | Nội dung đã giao | Nội dung sửa đổi, bổ sung | Ghi chú |
|---|---|---|---|
| 1 | Lập bản đồ số du lịch; chủ trì: Sở Xây dựng; thời gian: năm 2025 | Lập bản đồ số du lịch toàn tỉnh; chủ trì: Sở Văn hóa, Thể thao và Du lịch; thời gian: Quý III/2026 | Đổi cơ quan chủ trì |
| 2 | (Không có) | Xây dựng ứng dụng phản ánh hiện trường; cơ quan chủ trì: Công an tỉnh; thời gian: tháng 11/2026 | Nhiệm vụ mới |
| 3 | Đào tạo kỹ năng số cho công chức; chủ trì: Sở Nội vụ; thời gian: hằng quý | Đào tạo kỹ năng số cho công chức cấp xã; chủ trì: Sở Nội vụ; thời gian: hằng năm | |

II. TỔ CHỨC THỰC HIỆN

Các sở, ngành báo cáo kết quả thực hiện hằng quý về Sở Khoa học và Công nghệ.
"""


def test_the_adjusted_cells_are_the_tasks() -> None:
    j = parse_bytes(PLAN.encode()).to_json()
    assert [(t["no"], t["lead_code"], t["deadline"]["kind"], t["deadline"].get("end"), t["deadline"].get("recurrence"))
            for t in j["tasks"]] == [("1", "SVHTTDL", "quarter", "2026-09-30", None), ("2", "CAT", "month", "2026-11-30", None),
                                     ("3", "SNV", "recurring", None, "annual")]
    assert j["tasks"][0]["name"].startswith("Lập bản đồ số du lịch toàn tỉnh")
    assert j["tasks"][1]["source"]["start_line"] == 14


def test_a_table_without_labelled_leads_gives_no_such_tasks() -> None:
    plain = PLAN.replace("chủ trì:", "do").replace("cơ quan do", "do")
    assert parse_bytes(plain.encode()).to_json()["tasks"] == []
