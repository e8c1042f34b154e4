"""An official letter (Công văn) has no Roman parts and no heading in capitals: its top-level numbers are its parts
("1. … các chỉ tiêu năm 2026:", "2. Giao nhiệm vụ …:"), each of the kind its words say. Made-up letter."""

from __future__ import annotations

from giamsat.ingest.clean import clean_lines
from giamsat.ingest.pipeline import parse_bytes
from giamsat.ingest.structure import Outline

LETTER = """ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH BẮC SƠN                               Độc lập - Tự do - Hạnh phúc

Số: 812/UBND-VX                     Bắc Sơn, ngày 02 tháng 4 năm 2026
V/v đẩy mạnh chuyển đổi số
trong quý II năm 2026

Kính gửi:
- Các sở, ban, ngành tỉnh;
- Ủy ban nhân dân các xã, phường.

Thực hiện Kế hoạch số 30/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị thực hiện các nội dung sau:

1. Bảo đảm hoàn thành các chỉ tiêu năm 2026:
- Tỷ lệ hồ sơ trực tuyến toàn trình đạt tối thiểu 70%;
- 100% xã, phường có điểm hỗ trợ dịch vụ công.

2. Giao nhiệm vụ cho các cơ quan, đơn vị:
- Sở Tài chính chủ trì bố trí kinh phí duy trì Cổng dịch vụ công của tỉnh, hoàn thành trước ngày 31/5/2026.
- Sở Nội vụ chủ trì rà soát vị trí việc làm về chuyển đổi số tại cấp xã, hoàn thành trong Quý III/2026.

3. Các cơ quan báo cáo kết quả về Sở Khoa học và Công nghệ trước ngày 20/6/2026.
"""

PLAN = """KẾ HOẠCH
Chuyển đổi số năm 2026

I. MỤC TIÊU
1. Tỷ lệ hồ sơ trực tuyến toàn trình đạt tối thiểu 70%.

II. NHIỆM VỤ
1. Sở Tài chính chủ trì bố trí kinh phí duy trì Cổng dịch vụ công, hoàn thành trước ngày 31/5/2026.
"""


def _outline(text: str) -> Outline:
    lines = clean_lines(text.split("\n")).lines
    return Outline(lines, lines, lambda s: s)


def test_a_letters_top_level_numbers_are_its_parts() -> None:
    sections = _outline(LETTER).sections
    assert [(s.kind, s.title[:20]) for s in sections] == [
        ("objectives", "Bảo đảm hoàn thành c"), ("tasks", "Giao nhiệm vụ cho cá"), ("other", "Các cơ quan báo cáo ")]


def test_a_letter_gives_its_duties_and_targets() -> None:
    j = parse_bytes(LETTER.encode()).to_json()
    assert [(t["lead_code"], t["deadline"]["kind"], t["deadline"]["end"]) for t in j["tasks"]] == [
        ("STC", "date", "2026-05-31"), ("SNV", "quarter", "2026-09-30")]
    assert sorted((t["value"], t["comparator"], t["year"]) for t in j["targets"]) == [
        ("100", "=", 2026), ("70", ">=", 2026)]


def test_a_plan_with_roman_parts_keeps_them() -> None:
    assert [s.kind for s in _outline(PLAN).sections] == ["objectives", "tasks"]


UNITS_LETTER = """ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH BẮC SƠN                               Độc lập - Tự do - Hạnh phúc

Số: 900/UBND-VX                     Bắc Sơn, ngày 02 tháng 6 năm 2026
V/v triển khai Đề án 06 năm 2026

Kính gửi:
- Sở Tài chính;
- Sở Nội vụ;
- Công an tỉnh.

Để triển khai Đề án 06 trong năm 2026, Chủ tịch Ủy ban nhân dân tỉnh có ý kiến như sau:

1. Sở Tài chính:
- Bố trí kinh phí duy trì Cổng dịch vụ công của tỉnh, hoàn thành trước ngày 31/7/2026.
- Hướng dẫn các xã, phường thanh toán trực tuyến phí, lệ phí; thực hiện thường xuyên.

2. Sở Nội vụ:
- Rà soát vị trí việc làm về chuyển đổi số tại cấp xã, hoàn thành trong Quý III/2026.

3. Công an tỉnh:
- Làm sạch dữ liệu dân cư phục vụ giải quyết thủ tục hành chính, hoàn thành trước ngày 30/9/2026.

Đề nghị các cơ quan, đơn vị khẩn trương triển khai thực hiện./.
"""


def test_a_letter_numbering_the_units_gives_each_its_duties() -> None:
    """'1. Sở Tài chính:' / '- …' / '2. Sở Nội vụ:' / '- …' with no heading at all: one part of duties, each led by
    the unit its number names."""
    j = parse_bytes(UNITS_LETTER.encode()).to_json()
    assert [(t["lead_code"], t["deadline"]["kind"], t["deadline"].get("end")) for t in j["tasks"]] == [
        ("STC", "date", "2026-07-31"), ("STC", "continuous", None), ("SNV", "quarter", "2026-09-30"),
        ("CAT", "date", "2026-09-30")]


def test_numbered_sentences_without_headings_make_no_part() -> None:
    """Numbered sentences that head no list ('1. Sở Tài chính bố trí …') are no parts of a letter."""
    text = UNITS_LETTER.replace("1. Sở Tài chính:\n", "1. Sở Tài chính bố trí kinh phí:\n")
    text = text.replace("2. Sở Nội vụ:\n", "2. Sở Nội vụ rà soát vị trí việc làm.\n")
    assert _outline(text).sections == []
