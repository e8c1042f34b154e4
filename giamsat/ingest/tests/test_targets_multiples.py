"""A target set as a multiple ("tăng 1,5 lần so với năm 2025", "gấp 2 lần"): a figure with the unit "lần", named by
the words before it like a percentage, also in a short item with a decimal multiple. Made-up plan."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text


def test_a_multiple_is_a_target_named_by_the_words_before_it() -> None:
    plan = parse_text("\n".join(["KẾ HOẠCH", "Phát triển kinh tế số đến năm 2030", "", "I. MỤC TIÊU",
                                 "2. Mục tiêu cụ thể đến năm 2030",
                                 "- Thu nhập bình quân đầu người tăng 1,5 lần so với năm 2025.",
                                 "- Giá trị giao dịch thương mại điện tử của tỉnh tăng 3 lần so với năm 2025."]))
    got = [(t.name, t.value, t.unit, t.year) for t in plan.targets]
    assert got == [("Thu nhập bình quân đầu người", "1,5", "lần", 2030),
                   ("Giá trị giao dịch thương mại điện tử của tỉnh", "3", "lần", 2030)]
