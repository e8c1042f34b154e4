"""A work programme whose table puts the time first and merges it down the rows of one month ('| 1 | Tháng 4/2026 |
…' / '| 2 | | …': the text keeps the month on the top row only): a row with an empty time cell is due with the row
above; a group row and the rows under another group start afresh. Made-up programme text."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_bytes

PLAN = """BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ TỈNH

Số 02-CTr/BCĐ                             Lâm Hà, ngày 05 tháng 01 năm 2026

CHƯƠNG TRÌNH
Công tác năm 2026 của Ban Chỉ đạo chuyển đổi số tỉnh

I. NỘI DUNG CÔNG TÁC

| STT | Thời gian | Nội dung | Cơ quan chủ trì chuẩn bị | Cơ quan phối hợp |
|---|---|---|---|---|
| I | | CÔNG TÁC CHỈ ĐẠO | | |
| 1 | Tháng 4/2026 | Phiên họp quý I của Ban Chỉ đạo | Sở Khoa học và Công nghệ | Văn phòng UBND tỉnh |
| 2 | | Báo cáo tình hình triển khai Đề án 06 | Công an tỉnh | Sở Khoa học và Công nghệ |
| II | | CÔNG TÁC KIỂM TRA | | |
| 3 | | Kiểm tra việc số hóa hồ sơ tại các xã | Sở Nội vụ | UBND các xã, phường |
| 4 | Tháng 9/2026 | Kiểm tra an toàn thông tin các hệ thống dùng chung | Công an tỉnh | Sở Khoa học và Công nghệ |
| 5 | | Sơ kết công tác kiểm tra | Sở Khoa học và Công nghệ | Các sở, ban, ngành |
"""


def test_an_empty_time_cell_is_the_month_of_the_row_above() -> None:
    j = parse_bytes(PLAN.encode(), "plan.txt").to_json()
    got = [(t["no"], (t["deadline"] or {}).get("end")) for t in j["tasks"]]
    assert got == [("1", "2026-04-30"), ("2", "2026-04-30"), ("3", None), ("4", "2026-09-30"), ("5", "2026-09-30")]


def test_a_time_column_after_the_name_is_not_carried_down() -> None:
    """'| STT | Nội dung | … | Thời gian |': an empty time cell there is a duty with no time."""
    text = PLAN.replace("| STT | Thời gian | Nội dung | Cơ quan chủ trì chuẩn bị | Cơ quan phối hợp |",
                        "| STT | Thời gian | Nội dung | Cơ quan chủ trì chuẩn bị | Cơ quan phối hợp |".replace(
                            "Thời gian | Nội dung", "Nội dung | Thời gian"))
    rows = [x for x in text.split("\n") if x.startswith("| ") and "---" not in x]
    swapped = []
    for row in rows[1:]:
        cells = row.strip().strip("|").split("|")
        cells[1], cells[2] = cells[2], cells[1]
        swapped.append("|" + "|".join(cells) + "|")
    for old, new in zip(rows[1:], swapped, strict=True):
        text = text.replace(old, new)
    j = parse_bytes(text.encode(), "plan.txt").to_json()
    got = [(t["no"], (t["deadline"] or {}).get("end")) for t in j["tasks"]]
    assert got == [("1", "2026-04-30"), ("2", None), ("3", None), ("4", "2026-09-30"), ("5", None)]
