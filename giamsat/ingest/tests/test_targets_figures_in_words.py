"""A figure written in words is a figure: a share ('không dưới tám mươi lăm phần trăm') and a count after a bound
('ít nhất bốn vườn ươm', 'có hai mươi hợp tác xã'); a year's 'năm' and 'một số' are no figures. Made-up objectives."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text


def _found(*lines: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(t.name, t.comparator, t.value, t.unit) for t in parse_text("\n".join(lines)).targets]


def test_a_share_in_words() -> None:
    assert _found("KẾ HOẠCH", "I. MỤC TIÊU", "2. Mục tiêu cụ thể",
                  "- Tỷ lệ trạm y tế xã có bệnh án điện tử đạt không dưới tám mươi lăm phần trăm.") == [
        ("Tỷ lệ trạm y tế xã có bệnh án điện tử", ">=", "85", "%")]


def test_a_count_in_words_after_a_bound() -> None:
    assert [(name, cmp, value) for name, cmp, value, _ in _found(
        "KẾ HOẠCH", "I. MỤC TIÊU", "2. Mục tiêu cụ thể",
        "- Hình thành ít nhất bốn vườn ươm doanh nghiệp khởi nghiệp sáng tạo.")] == [
        ("vườn ươm doanh nghiệp khởi nghiệp sáng tạo được hình thành", ">=", "4")]


def test_a_year_and_some_are_no_figures() -> None:
    assert _found("KẾ HOẠCH", "I. MỤC TIÊU", "2. Mục tiêu cụ thể",
                  "- Trong năm học mới, có một số trường học thí điểm học bạ số.") == []


def test_one_in_words_and_a_count_inside_a_share_are_conditions() -> None:
    assert _found("KẾ HOẠCH", "I. MỤC TIÊU", "2. Mục tiêu cụ thể",
                  "- 85% thôn có ít nhất hai tổ viên tổ công nghệ số cộng đồng; mỗi trường có ít nhất một cán bộ"
                  " phụ trách chuyển đổi số.") == [("thôn có ít nhất hai tổ viên tổ công nghệ số cộng đồng", "=", "85", "%")]
