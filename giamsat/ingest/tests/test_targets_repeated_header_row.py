"""An indicator table with no number column whose header a page break repeats inside it ("| Chỉ tiêu | Hiện trạng
2025 | Mục tiêu 2026 | … |" again between two rows): the repeated header is no indicator (made-up plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEADER = "| Chỉ tiêu | Hiện trạng 2025 | Mục tiêu 2026 | Mục tiêu 2027 | Đơn vị chủ trì |"
PLAN = "\n".join([
    "ỦY BAN NHÂN DÂN", "TỈNH BẮC HÀ", "", "Số: 42/KH-UBND", "", "KẾ HOẠCH",
    "Phát triển kinh tế số tỉnh Bắc Hà giai đoạn 2026 - 2027", "",
    "I. MỤC TIÊU", "1. Chỉ tiêu cụ thể", "",
    HEADER,
    "|---|---|---|---|---|",
    "| Tỷ trọng kinh tế số trong GRDP (%) | 9 | 11 | 13 | Sở Tài chính |",
    HEADER,
    "| Số doanh nghiệp công nghệ số (doanh nghiệp) | 120 | 150 | 180 | Sở Khoa học và Công nghệ |",
    "", "II. TỔ CHỨC THỰC HIỆN", "Các sở, ngành báo cáo kết quả hằng quý.",
])


def test_the_repeated_header_is_no_target() -> None:
    targets = parse_text(PLAN).targets
    assert [(t.value, t.lead_code) for t in targets] == [("11", "STC"), ("150", "SKHCN")]
