"""A PDF's text layer may give a task table's header with the merged titles' row BELOW the sub-titles' row (a title
centred down the three rows of its merged cell: "| | | Chủ trì | Phối hợp | Bắt đầu | Kết thúc |" over "| TT | Nội
dung nhiệm vụ | Đơn vị thực hiện | | Thời gian thực hiện | |"), and a page break repeats only the titles' row: that
row is the header's copy, and the row below it, each cell's rest, goes on the task cut by the page. Made-up rows of a
power corporation's table as a PDF reader returns them."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency, default_registry
from giamsat.ingest.pipeline import parse_text

UNITS = [*default_registry(), Agency("BKT", "Ban Kỹ thuật"), Agency("TTCSKH", "Trung tâm Chăm sóc khách hàng"),
         Agency("BKD", "Ban Kinh doanh")]
TABLE = """KẾ HOẠCH
Chuyển đổi số trong sản xuất, kinh doanh điện năng giai đoạn 2026 - 2027

II. NHIỆM VỤ

| | | Chủ trì | Phối hợp | Bắt đầu | Kết thúc |
| T T | Nội dung nhiệm vụ | Đơn vị thực hiện | | Thời gian thực hiện | |
| 1 | Chuyển đổi các trạm biến áp 110 kV sang vận hành không người trực | Ban Kỹ thuật | Các công ty điện lực | Quý I/2026 | Quý IV/2027 |
| 2 | Nâng cấp Trung tâm Chăm | Trung tâm Chăm sóc khách | Ban Kinh doanh | Tháng 01/2026 | Tháng 8/2026 |
| T T | Nội dung nhiệm vụ | Đơn vị thực hiện | | Thời gian thực hiện | |
| | sóc khách hàng, ứng dụng trợ lý ảo trả lời khách hàng | hàng | | | |
| 3 | Lắp đặt công tơ điện tử đo xa | Ban Kinh doanh | Các công ty điện lực | Năm 2026 | Năm 2027 |
"""


def test_the_copy_of_the_titles_row_joins_the_row_the_page_cut() -> None:
    got = [(t.no, t.name, t.lead_code, t.deadline_text) for t in parse_text(TABLE, registry=UNITS).tasks]
    assert got == [
        ("1", "Chuyển đổi các trạm biến áp 110 kV sang vận hành không người trực", "BKT", "Quý IV/2027"),
        ("2", "Nâng cấp Trung tâm Chăm sóc khách hàng, ứng dụng trợ lý ảo trả lời khách hàng", "TTCSKH", "Tháng 8/2026"),
        ("3", "Lắp đặt công tơ điện tử đo xa", "BKD", "Năm 2027")]
