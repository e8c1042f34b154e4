"""The words that bound a figure in prose: 'đạt và vượt 8%' is at least 8% (and no part of the name); a bound after
one verb ('Giảm ít nhất 25% thời gian …') leaves the figure out of the name, which is the verb and what it acts on.
Made-up objectives."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text


def _found(*lines: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(t.name, t.comparator, t.value, t.unit) for t in parse_text("\n".join(lines)).targets]


def test_reach_and_exceed_is_a_floor() -> None:
    assert _found("KẾ HOẠCH", "I. MỤC TIÊU", "2. Mục tiêu cụ thể",
                  "- Giá trị sản xuất nông nghiệp công nghệ cao đạt và vượt 8%/năm.") == [
        ("Giá trị sản xuất nông nghiệp công nghệ cao", ">=", "8", "%/năm")]


def test_a_bound_after_one_verb_stays_out_of_the_name() -> None:
    assert _found("KẾ HOẠCH", "I. MỤC TIÊU", "2. Mục tiêu cụ thể",
                  "- Giảm ít nhất 25% thời gian giải quyết hồ sơ đất đai.") == [
        ("Giảm thời gian giải quyết hồ sơ đất đai", ">=", "25", "%")]
