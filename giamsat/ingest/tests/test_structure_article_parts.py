"""A decision that approves a scheme (Đề án) and sets its content inside an article ("Điều 1. Phê duyệt … với các nội
dung chủ yếu sau:"): the article's numbered short titles ("1. Mục tiêu", "2. Các dự án thành phần") are its parts, each
of the kind its words say; a sub-project's labelled lines without a dash ("Đơn vị chủ trì: …") are its fields. Made up."""

from __future__ import annotations

from giamsat.ingest.clean import clean_lines
from giamsat.ingest.pipeline import parse_bytes
from giamsat.ingest.structure import Outline

DECISION = """ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH ĐÔNG LĨNH                               Độc lập - Tự do - Hạnh phúc

Số: 77/QĐ-UBND                     Đông Lĩnh, ngày 09 tháng 3 năm 2026

QUYẾT ĐỊNH
Phê duyệt Đề án phát triển du lịch thông minh tỉnh Đông Lĩnh đến năm 2030

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH

Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;
Theo đề nghị của Giám đốc Sở Văn hóa, Thể thao và Du lịch.

QUYẾT ĐỊNH:

Điều 1. Phê duyệt Đề án phát triển du lịch thông minh tỉnh Đông Lĩnh đến năm 2030 với các nội dung chủ yếu sau:

1. Mục tiêu
Đến năm 2030:
- 100% khu, điểm du lịch có hệ thống thuyết minh tự động.
- Doanh thu du lịch qua nền tảng số đạt ít nhất 40% tổng doanh thu du lịch.

2. Các dự án thành phần
a) Dự án 1: Xây dựng bản đồ số các điểm du lịch của tỉnh
Đơn vị chủ trì: Sở Văn hóa, Thể thao và Du lịch.
Thời gian thực hiện: Quý IV/2026.

b) Dự án 2: Hệ thống vé điện tử tại các khu du lịch
Đơn vị chủ trì: Sở Tài chính.
Thời gian thực hiện: năm 2027.

Điều 2. Tổ chức thực hiện
Sở Văn hóa, Thể thao và Du lịch theo dõi, báo cáo kết quả hằng năm (trước ngày 10/12).

Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
"""


def _outline(text: str) -> Outline:
    lines = clean_lines(text.split("\n")).lines
    return Outline(lines, lines, lambda s: s)


def test_an_articles_numbered_titles_are_its_parts() -> None:
    kinds = [(s.kind, s.title[:12]) for s in _outline(DECISION).sections]
    assert kinds[:2] == [("objectives", "Mục tiêu"), ("tasks", "Các dự án th")]


def test_a_sub_projects_unbulleted_labels_are_its_fields() -> None:
    outline = _outline(DECISION)
    item = next(it for it in outline.items if it.text.startswith("Dự án 1"))
    assert "; Đơn vị chủ trì: Sở Văn hóa" in item.text and "; Thời gian thực hiện: Quý IV/2026" in item.text


def test_a_decision_gives_its_sub_projects_and_targets() -> None:
    j = parse_bytes(DECISION.encode()).to_json()
    assert [(t["lead_code"], t["deadline"]["kind"], t["deadline"]["end"]) for t in j["tasks"]] == [
        ("SVHTTDL", "quarter", "2026-12-31"), ("STC", "year", "2027-12-31")]
    assert sorted((t["value"], t["comparator"], t["year"]) for t in j["targets"]) == [
        ("100", "=", 2030), ("40", ">=", 2030)]


def test_an_article_that_is_a_sentence_without_items_makes_no_part() -> None:
    text = DECISION.replace("2. Các dự án thành phần", "Các dự án thành phần").replace("1. Mục tiêu", "Mục tiêu")
    assert [s.kind for s in _outline(text).sections][:1] != ["objectives"]


def test_labels_spaced_apart_from_their_item_are_its_fields() -> None:
    spaced = DECISION.replace("\nĐơn vị chủ trì:", "\n\nĐơn vị chủ trì:").replace("\nThời gian thực hiện:", "\n\nThời gian thực hiện:")
    item = next(it for it in _outline(spaced).items if it.text.startswith("Dự án 2"))
    assert "; Đơn vị chủ trì: Sở Tài chính" in item.text and "; Thời gian thực hiện: năm 2027" in item.text


def test_a_paragraph_then_a_label_paragraph_stay_apart() -> None:
    text = "II. NHIỆM VỤ\nCác sở triển khai đồng bộ các giải pháp.\n\nThời gian thực hiện: năm 2026.\n"
    assert [it.kind for it in _outline(text).items][-2:] == ["para", "para"]


def test_an_article_opens_its_paragraph_without_a_blank_line() -> None:
    packed = "\n".join(line for line in DECISION.split("\n") if line.strip())
    kinds = [(s.kind, s.title[:12]) for s in _outline(packed).sections]
    assert kinds[:2] == [("objectives", "Mục tiêu"), ("tasks", "Các dự án th")]
