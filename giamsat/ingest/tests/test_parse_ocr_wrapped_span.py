"""Plain OCR text of an annex whose 'Thời gian thực hiện' cell holds a span wrapped over two lines: "2026 -" then the
next cell's figure ("420") on the row's first line, the end year below it ("… | 2028 tỉnh") (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

TEXT = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH KON PLÔNG", "", "KẾ HOẠCH", "Đầu tư phát triển chuyển đổi số giai đoạn 2026 - 2030", "",
    "PHỤ LỤC", "DANH MỤC NHIỆM VỤ, DỰ ÁN GIAI ĐOẠN 2026 - 2030", "",
    "TT | Nhiệm vụ, dự án | Cơ quan chủ trì | Thời gian | Kinh phí | Nguồn vốn",
    "thực hiện | dự kiến", "(tỷ đồng)", "",
    "1 Dự án nền tảng dữ | Sở Tư pháp 2026 - 350 Ngân sách",
    "liệu hộ tịch của tỉnh | 2028 tỉnh", "",
    "2 Đề án phủ sóng 5G Sở Xây dựng 2027- 120,5 Xã hội hóa,",
    "các xã vùng sâu, | 2030 ngân sách tỉnh", "vùng xa", "",
    "3 Dự án bệnh án điện | Sở Y tế Năm 2026 | 78 Ngân sách",
    "tử tại các bệnh viện tỉnh", "",
])


def test_a_span_whose_end_year_wrapped_below_is_read_whole() -> None:
    tasks = parse_text(TEXT).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "STP"), ("2", "SXD"), ("3", "SYT")]
    assert [str(t.deadline.end) if t.deadline else None for t in tasks] == ["2028-12-31", "2030-12-31", "2026-12-31"]
