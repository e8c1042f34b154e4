"""A count after what is done to it is named as an indicator is ("Số lượt cán bộ được bồi dưỡng"), not as the
sentence: a frequency opening the item ("Mỗi năm", "Hằng năm") is no part of the name, the figure neither, and a
multiple's "tăng gấp" is the verb, not the indicator. Made-up objectives of a district plan."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = ["KẾ HOẠCH", "Ứng dụng khoa học, công nghệ và chuyển đổi số năm 2027", "", "I. MỤC TIÊU", "2. Chỉ tiêu cụ thể"]


def _targets(*items: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(t.name, t.comparator, t.value, t.unit) for t in parse_text("\n".join(HEAD + list(items))).targets]


def test_a_yearly_count_is_named_by_what_is_counted_and_done() -> None:
    assert _targets("- Mỗi năm tập huấn ít nhất 300 lượt giáo viên mầm non về an toàn thông tin.",
                    "- Hằng năm đào tạo, bồi dưỡng từ 800 lượt công chức cấp xã trở lên.") == [
        ("lượt giáo viên mầm non về an toàn thông tin được tập huấn", ">=", "300", None),
        ("lượt công chức cấp xã được đào tạo, bồi dưỡng", ">=", "800", None)]


def test_a_school_year_is_not_a_frequency() -> None:
    assert _targets("- Mỗi năm học có ít nhất 12 chuyên đề chuyển đổi số được tổ chức.")[0][0] == \
        "chuyên đề chuyển đổi số được tổ chức"


def test_a_multiple_is_named_without_its_verb() -> None:
    assert _targets("- Giá trị xuất khẩu hàng nông sản qua sàn thương mại điện tử tăng gấp 3 lần so với năm 2026.") == [
        ("Giá trị xuất khẩu hàng nông sản qua sàn thương mại điện tử", "=", "3", "lần")]
