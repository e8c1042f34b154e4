"""A Chairman's directive (Chỉ thị) has no Roman part and no heading: after a paragraph that sets its targets ("…
phấn đấu trong năm 2027: …; …, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:"), its numbered items name the units ("1. Sở
Xây dựng:", "2. Sở Y tế:") over their duties, a lettered list or one paragraph, and a closing item binds
the heads of all units. Made-up directive."""

from __future__ import annotations

from giamsat.ingest.clean import clean_lines
from giamsat.ingest.pipeline import parse_bytes
from giamsat.ingest.structure import Outline

DIRECTIVE = """ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH BẮC SƠN                               Độc lập - Tự do - Hạnh phúc

Số: 11/CT-UBND                      Bắc Sơn, ngày 20 tháng 4 năm 2026

CHỈ THỊ
Về tăng cường thanh toán không dùng tiền mặt

Năm 2025, tỷ lệ giao dịch không dùng tiền mặt tại các chợ đạt 31%. Để thay đổi thói quen thanh toán của người dân, phấn đấu trong năm 2027: tỷ lệ hộ kinh doanh tại chợ chấp nhận thanh toán qua mã QR đạt tối thiểu 80%; 100% bệnh viện công lập thu viện phí không dùng tiền mặt, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:

1. Sở Xây dựng:
a) Hướng dẫn ban quản lý các chợ hạng I niêm yết mã QR thanh toán, hoàn thành trong Quý II/2027.
b) Tổng hợp danh sách chợ chưa triển khai thanh toán điện tử trước ngày 15/8/2027.

2. Sở Y tế:
Chỉ đạo các bệnh viện công lập kết nối phần mềm thu viện phí với ngân hàng, hoàn thành trong tháng 9/2027.

3. Công an tỉnh:
Cảnh báo các thủ đoạn lừa đảo qua mã QR giả trên phương tiện thông tin đại chúng, thực hiện thường xuyên.

4. Thủ trưởng các sở, ban, ngành chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh về việc thực hiện Chỉ thị này.

Yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện./.
"""


def _outline(text: str) -> Outline:
    lines = clean_lines(text.split("\n")).lines
    return Outline(lines, lines, lambda s: s)


def test_a_directives_unit_headings_make_one_part_of_duties() -> None:
    sections = _outline(DIRECTIVE).sections
    assert [(s.kind, s.items[0].text[:15]) for s in sections] == [
        ("objectives", "Để thay đổi thó"), ("tasks", "Sở Xây dựng:"), ("other", "Thủ trưởng các ")]


def test_a_heading_closed_by_a_colon_stands_apart_from_its_one_duty() -> None:
    items = [(it.kind, it.text[:20]) for it in _outline(DIRECTIVE).items]
    assert ("num", "Sở Y tế:") in items
    assert ("para", "Chỉ đạo các bệnh việ") in items


def test_a_directive_gives_each_units_duties_and_its_targets() -> None:
    j = parse_bytes(DIRECTIVE.encode()).to_json()
    assert [(t["lead_code"], t["deadline"]["kind"], t["deadline"].get("end")) for t in j["tasks"]] == [
        ("SXD", "quarter", "2027-06-30"), ("SXD", "date", "2027-08-15"), ("SYT", "month", "2027-09-30"),
        ("CAT", "continuous", None)]
    assert sorted((t["value"], t["comparator"], t["year"]) for t in j["targets"]) == [
        ("100", "=", 2027), ("80", ">=", 2027)]
