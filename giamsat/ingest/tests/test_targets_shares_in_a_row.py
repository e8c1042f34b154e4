"""Several shares set in one sentence, each before what it counts ('đạt 100% thôn có cáp quang, 95% hộ gia đình có
internet'): each share is named by the words after it up to the next share, not by the last one's words. Made-up
objectives."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text


def _found(*lines: str) -> list[tuple[str, str | None, str | None, int | None]]:
    return [(t.name, t.comparator, t.value, t.year) for t in parse_text("\n".join(lines)).targets]


def test_shares_in_a_row_each_name_what_follows_them() -> None:
    assert _found("KẾ HOẠCH", "I. MỤC TIÊU", "2. Mục tiêu cụ thể",
                  "- Đến năm 2029 đạt 100% bản có đường điện lưới, 80% hộ dân có nước sạch sinh hoạt.") == [
        ("bản có đường điện lưới", "=", "100", 2029),
        ("hộ dân có nước sạch sinh hoạt", "=", "80", 2029)]


def test_the_second_share_may_only_name_where_it_holds() -> None:
    assert _found("KẾ HOẠCH", "I. MỤC TIÊU", "2. Mục tiêu cụ thể",
                  "- Bảo đảm 100% văn bản đi tại cấp huyện, 85% tại cấp xã được ký số.") == [
        ("văn bản đi tại cấp huyện", "=", "100", None),
        ("tại cấp xã được ký số", "=", "85", None)]
