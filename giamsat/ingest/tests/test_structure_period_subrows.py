"""A task table may give a task's output year by year in sub-rows under it: an empty number cell, the period in the
name cell ("Năm 2027", "Giai đoạn 2028 - 2029"), the output in the product cell. The sub-rows belong to the task
above; their period labels are no part of its name. Made-up annex of a provincial archive."""

from __future__ import annotations

from giamsat.ingest.clean import clean_lines
from giamsat.ingest.pipeline import parse_bytes
from giamsat.ingest.structure import Outline

ANNEX = """PHỤ LỤC
DANH MỤC NHIỆM VỤ

| TT | Nhiệm vụ | Đơn vị chủ trì | Sản phẩm | Thời gian |
|---|---|---|---|---|
| 1 | Số hóa tài liệu lưu trữ lịch sử của tỉnh | Sở Nội vụ | Cơ sở dữ liệu tài liệu số hóa | 2027 - 2029 |
| | Năm 2027 | | 120.000 trang tài liệu | |
| | Giai đoạn 2028 - 2029 | | 300.000 trang tài liệu | |
| 2 | Xây dựng phần mềm tra cứu tài liệu lưu trữ trực tuyến | Sở Nội vụ | Phần mềm | Quý IV/2027 |
"""


def test_period_sub_rows_join_the_task_without_their_labels() -> None:
    lines = clean_lines(ANNEX.split("\n")).lines
    table = Outline(lines, lines, lambda s: s).tables[0]
    assert [r[:2] for r in table.rows[1:]] == [
        ["1", "Số hóa tài liệu lưu trữ lịch sử của tỉnh"], ["2", "Xây dựng phần mềm tra cứu tài liệu lưu trữ trực tuyến"]]
    assert "120.000 trang" in table.rows[1][3]


def test_the_task_keeps_its_own_span() -> None:
    j = parse_bytes(ANNEX.encode()).to_json()
    assert [(t["name"], t["deadline"]["end"]) for t in j["tasks"]] == [
        ("Số hóa tài liệu lưu trữ lịch sử của tỉnh", "2029-12-31"),
        ("Xây dựng phần mềm tra cứu tài liệu lưu trữ trực tuyến", "2027-12-31")]
