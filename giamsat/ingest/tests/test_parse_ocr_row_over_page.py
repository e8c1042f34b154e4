"""Plain OCR text of an annex whose row a page break cut: its number line holds the start of each cell ("Sở Tài",
"2026 -"), the next page repeats the table's header, then the row's cells go on in lower case ("nguyên và Môi",
"2028"). The row's cells are read over both pages, the repeated header aside (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency, default_registry
from giamsat.ingest.pipeline import parse_text

REG = [*default_registry(), Agency("STNMT", "Sở Tài nguyên và Môi trường")]
HEADER = ["TT | Nhiệm vụ, dự án | Cơ quan chủ | Thời gian | Kinh phí | Nguồn vốn",
          "", "trì thực hiện | dự kiến", "(tỷ đồng)"]


def test_a_row_cut_by_a_page_break_reads_its_lead_and_span_over_both_pages() -> None:
    text = "\n".join([
        "ỦY BAN NHÂN DÂN TỈNH KON PLÔNG", "", "KẾ HOẠCH", "Đầu tư chuyển đổi số giai đoạn 2026 - 2030", "",
        "PHỤ LỤC", "DANH MỤC NHIỆM VỤ, DỰ ÁN GIAI ĐOẠN 2026 - 2030", "",
        *HEADER, "",
        "1 Dự án số hóa hồ sơ | Sở Tư pháp 2026 - 120 Ngân sách", "hộ tịch của tỉnh | 2027 tỉnh", "",
        "2 Dự án bản đồ số | Sở Tài 2026 - 310 Ngân sách", "", "", "",
        *HEADER,
        "quy hoạch sử dụng đất | nguyên và Môi | 2028 tỉnh", "trường", "",
        "3 Đề án phủ sóng 5G | Sở Xây dựng 2027 - 90 Xã hội hóa", "các xã vùng sâu | 2029", ""])
    tasks = parse_text(text, registry=REG).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "STP"), ("2", "STNMT"), ("3", "SXD")]
    assert [t.deadline_text for t in tasks] == ["2026 - 2027", "2026 - 2028", "2027 - 2029"]
    assert "tỷ đồng" not in tasks[1].name and "quy hoạch sử dụng đất" in tasks[1].name
