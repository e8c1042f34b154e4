"""A floor set on a count of any things ('ít nhất 40 nhà văn hóa', 'không dưới 12 di tích') is a target, whatever the
things are; its name is what is counted and what is done to it, the deed read on the marked words ('lắp đặt' is no
'đạt'), a state the things are in ('đã được xếp hạng') no deed of the target's. Made-up objectives."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text


def _found(*lines: str) -> list[tuple[str, str | None, str | None, int | None]]:
    return [(t.name, t.comparator, t.value, t.year) for t in parse_text("\n".join(lines)).targets]


def test_a_floor_on_a_count_of_any_things_is_a_target() -> None:
    assert _found("KẾ HOẠCH", "I. MỤC TIÊU", "2. Mục tiêu cụ thể đến năm 2028",
                  "- Lắp đặt ít nhất 40 nhà văn hóa thôn có wifi miễn phí.",
                  "- Tu bổ không dưới 12 di tích đã được xếp hạng.",
                  "- Số hóa tối thiểu 300 hiện vật của bảo tàng tỉnh vào năm 2027.") == [
        ("nhà văn hóa thôn có wifi miễn phí được lắp đặt", ">=", "40", 2028),
        ("di tích đã được xếp hạng được tu bổ", ">=", "12", 2028),
        ("hiện vật của bảo tàng tỉnh được số hóa", ">=", "300", 2027)]


def test_a_floor_on_days_or_a_year_is_no_count() -> None:
    assert _found("KẾ HOẠCH", "I. MỤC TIÊU", "2. Mục tiêu cụ thể",
                  "- Duy trì ít nhất 2 năm liên tục không để xảy ra sự cố an toàn thông tin nghiêm trọng.") == []
