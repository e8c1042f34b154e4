"""A count after 'đạt' is a target whatever it counts ("Đạt 25 đơn đăng ký sáng chế", "đạt 3 giải thưởng"), as
after 'ít nhất'; a count each unit is to have ("Mỗi xã, phường có ít nhất 01 tổ công nghệ số cộng đồng") is named by
what is counted and where, not as a deed of the units. Made-up objectives of a provincial plan."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = ["KẾ HOẠCH", "Phát triển khoa học, công nghệ năm 2027", "", "I. MỤC TIÊU", "2. Chỉ tiêu cụ thể"]


def _targets(*items: str) -> list[tuple[str, str | None, str | None, int | None]]:
    return [(t.name, t.comparator, t.value, t.year) for t in parse_text("\n".join(HEAD + list(items))).targets]


def test_a_count_after_dat_is_a_target() -> None:
    assert _targets("- Đạt 25 đơn đăng ký sáng chế, văn bằng bảo hộ vào năm 2030.",
                    "- Đến năm 2030 đạt 3 giải thưởng quốc gia về đổi mới sáng tạo.") == [
        ("đơn đăng ký sáng chế, văn bằng bảo hộ", "=", "25", 2030),
        ("giải thưởng quốc gia về đổi mới sáng tạo", "=", "3", 2030)]


def test_each_units_count_is_named_by_the_thing_and_where() -> None:
    assert _targets("- Đến năm 2027, mỗi xã, phường có ít nhất 01 tổ công nghệ số cộng đồng.") == [
        ("tổ công nghệ số cộng đồng ở mỗi xã, phường", ">=", "01", 2027)]
