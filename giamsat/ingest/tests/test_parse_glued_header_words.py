"""Table headers whose title words OCR glued together ("Chỉtiêu", "Đơnvị tính", "Kếtquả"): the
titles are known with the spaces inside them ignored."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency
from giamsat.ingest.pipeline import parse_text

REG = [Agency("SCT", "Sở Công Thương"), Agency("SNN", "Sở Nông nghiệp và Môi trường")]


def test_a_year_table_whose_indicator_title_lost_its_space() -> None:
    text = "\n".join([
        "KẾ HOẠCH", "I. MỤC TIÊU", "1. Mục tiêu chung", "Phát triển thương mại điện tử.",
        "II. NHIỆM VỤ", "1. Triển khai kế hoạch.",
        "PHỤ LỤC", "CHỈ TIÊU THEO NĂM",
        "| STT | Chỉtiêu | Đơnvị tính | 2026 | 2027 | 2028 |",
        "| À | Nhóm chỉ tiêu về thương mại |  |  |  |  |",
        "| 1 | Tỷ lệ hợp tác xã bán hàng trên sàn điện tử | % | 20 | 35 | ≥ 50 |",
        "| 2 | Xếp hạng chỉ số thương mại điện tử | Thứhạng | Top40 | Top35 | Top 30 |"])
    got = [(t.no, t.unit, t.year, t.value, t.comparator, t.milestones) for t in parse_text(text, registry=REG).targets]
    assert got == [
        ("1", "%", 2026, "20", "=", {"2026": "20", "2027": "35", "2028": "≥ 50"}),
        ("2", "Thứhạng", 2026, "40", "rank_top", {"2026": "Top40", "2027": "Top35", "2028": "Top 30"})]


def test_an_annex_table_whose_titles_lost_their_spaces() -> None:
    text = "\n".join([
        "KẾ HOẠCH", "I. MỤC TIÊU", "1. Mục tiêu chung", "Phát triển nông nghiệp số.",
        "II. NHIỆM VỤ", "1. Triển khai kế hoạch.",
        "PHỤ LỤC",
        "| TT | Tênchỉ tiêu | Đơnvị | Kếtquả | Cơquan chủtrì |",
        "| 1 | Tỷ lệ trang trại dùng nhật ký điện tử | % | ≥ 30 | Sở Nông nghiệp và Môi trường |",
        "| 2 | Tỷ lệ chợ thanh toán không dùng tiền mặt | % | 60 | Sở Công Thương |"])
    got = [(t.no, t.unit, t.value, t.comparator, t.lead_code) for t in parse_text(text, registry=REG).targets]
    assert got == [("1", "%", "30", ">=", "SNN"), ("2", "%", "60", "=", "SCT")]
