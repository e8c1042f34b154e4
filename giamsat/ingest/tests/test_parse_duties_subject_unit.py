"""Lettered duties whose sentence opens with the unit that does them and then its verb, with no 'chủ trì'
("đ) Văn phòng Ủy ban nhân dân tỉnh nâng cấp …"): the unit is the lead; a unit handing a duty on ("giao"), taking
part in another's ("phối hợp") or only named ("là cơ quan …") is not (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

TEXT = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH HÀ NAM SƠN", "", "THÔNG BÁO",
    "Kết luận của Chủ tịch Ủy ban nhân dân tỉnh về chuyển đổi số quý II năm 2026", "",
    "1. Nhiệm vụ trọng tâm", "",
    "a) Sở Tư pháp chủ trì số hóa sổ hộ tịch, hoàn thành trước ngày 30/9/2026.", "",
    "b) Văn phòng Ủy ban nhân dân tỉnh nâng cấp Cổng thông tin điện tử của tỉnh; hoàn thành trong Quý IV/2026.", "",
    "c) Ủy ban nhân dân các xã, phường bố trí điểm hỗ trợ người dân dùng dịch vụ công trực tuyến; thực hiện thường"
    " xuyên.", "",
    "d) Sở Tài chính bố trí kinh phí số hóa hồ sơ đất đai trong dự toán năm 2027, trình trước ngày 15/11/2026.", "",
    "đ) Sở Y tế phối hợp với Bảo hiểm xã hội tỉnh triển khai sổ sức khỏe điện tử cho người dân trong năm 2026.", "",
    "e) Ủy ban nhân dân tỉnh giao Sở Nội vụ rà soát vị trí việc làm về chuyển đổi số, hoàn thành trong tháng 10/2026.",
    "",
    "2. Giao Sở Khoa học và Công nghệ theo dõi, đôn đốc việc thực hiện Thông báo này.", "",
])


def test_a_unit_opening_a_duty_with_its_verb_leads_it() -> None:
    leads = {t.no: t.lead_code for t in parse_text(TEXT).tasks}
    assert {k: leads.get(k) for k in "abcd"} == {"a": "STP", "b": "VPUBND", "c": "UBND_XA", "d": "STC"}


def test_a_unit_taking_part_or_handing_a_duty_on_is_not_its_lead() -> None:
    leads = {t.no: t.lead_code for t in parse_text(TEXT).tasks}
    assert leads.get("đ") != "SYT" and leads.get("e") != "UBND"
