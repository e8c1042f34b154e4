"""Outline rules met in plans of new forms: articles of a resolution, items opening with a figure, a section
of 'contents and stages', a figure Tesseract put after a blank line (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_bytes
from giamsat.ingest.structure import Outline


def _outline(text: str) -> Outline:
    lines = text.split("\n")
    return Outline(lines, lines, lambda s: s)


def test_an_article_with_a_short_title_opens_a_section() -> None:
    o = _outline(
        "QUYẾT NGHỊ:\n\nĐiều 1. Mục tiêu đến năm 2030\nCác chỉ tiêu tại Phụ lục.\n\n"
        "Điều 2. Tổ chức thực hiện\n1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện.\n"
        "2. Giao Thường trực Hội đồng nhân dân tỉnh giám sát.\n\n"
        "Điều 3. Nghị quyết này có hiệu lực kể từ ngày 01 tháng 8 năm 2026.\n"
    )
    kinds = [(s.kind, s.title) for s in o.sections]
    assert kinds == [("objectives", "Mục tiêu đến năm 2030"), ("organization", "Tổ chức thực hiện")]
    org = o.section("organization")[0]
    assert [it.text for it in org.items if it.kind == "num"][:2] == [
        "Giao Ủy ban nhân dân tỉnh tổ chức thực hiện.",
        "Giao Thường trực Hội đồng nhân dân tỉnh giám sát.",
    ]


def test_a_numbered_item_may_open_with_a_figure() -> None:
    o = _outline(
        "II. CHỈ TIÊU NĂM 2027\n1. 100% thôn được phủ sóng di động 4G\nvà có điểm truy cập Internet công cộng.\n"
        "2. Tỷ lệ hộ dùng cáp quang đạt trên 70%.\n"
    )
    nums = [it for it in o.items if it.kind == "num"]
    assert [it.marker for it in nums] == ["1.", "2."]
    assert nums[0].text.startswith("100% thôn được phủ sóng")
    assert o.items[0].text == "CHỈ TIÊU NĂM 2027"  # the heading keeps only its own words


def test_a_figure_after_a_blank_line_goes_on_the_sentence_above() -> None:
    o = _outline(
        "b) Đến năm 2028, số hợp tác xã ứng dụng thương mại điện tử đạt\n\n"
        "45% tổng số hợp tác xã trên địa bàn.\n\n12 Tỷ lệ doanh nghiệp số hóa quy trình sản xuất\n"
    )
    assert [it.kind for it in o.items] == ["letter", "para"]
    assert o.items[0].text.endswith("đạt 45% tổng số hợp tác xã trên địa bàn.")
    assert o.items[1].text.startswith("12 Tỷ lệ")  # a row number before a capital stays apart


def test_duties_in_a_section_of_contents_and_stages_are_tasks() -> None:
    text = (
        "SỞ Y TẾ                                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "KẾ HOẠCH PHỐI HỢP\nỨng dụng hồ sơ sức khỏe điện tử năm 2027\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\nPhối hợp chặt chẽ giữa hai bên.\n\n"
        "II. NỘI DUNG PHỐI HỢP\n\n"
        "1. Sở Y tế chủ trì hướng dẫn các trạm y tế xã cập nhật hồ sơ sức khỏe điện tử; hoàn thành trong Quý II/2027.\n\n"
        "2. Công an tỉnh chủ trì kết nối dữ liệu dân cư với hồ sơ sức khỏe điện tử; hoàn thành trước ngày 30/9/2027.\n\n"
        "III. TỔ CHỨC THỰC HIỆN\nHai bên báo cáo kết quả hằng năm.\n"
    )
    tasks = parse_bytes(text.encode(), "plan.txt").to_json()["tasks"]
    assert [(t["lead_code"], t["deadline"]["end"]) for t in tasks] == [
        ("SYT", "2027-06-30"),
        ("CAT", "2027-09-30"),
    ]
