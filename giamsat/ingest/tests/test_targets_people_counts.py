"""Plans count the people they train or attract ("đào tạo 2.000 kỹ sư", "thu hút 30 tiến sĩ"), often as an
estimate ("khoảng 2.000") and with a part of the count set apart ("…, trong đó có 300 kỹ sư an toàn thông tin"):
each is a target, named by what it counts. Made-up objectives of a provincial plan."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = ["KẾ HOẠCH", "Phát triển nguồn nhân lực số giai đoạn 2026 - 2030", "", "I. MỤC TIÊU", "2. Mục tiêu cụ thể"]


def _targets(*items: str) -> list[tuple[str, str | None, str | None, int | None]]:
    return [(t.name, t.comparator, t.value, t.year) for t in parse_text("\n".join(HEAD + list(items))).targets]


def test_engineers_and_doctors_are_counted() -> None:
    assert _targets("- Đến năm 2030, đào tạo 1.500 kỹ sư điện tử, bán dẫn.",
                    "- Thu hút ít nhất 30 tiến sĩ về làm việc tại các viện, trường của tỉnh đến năm 2030.",
                    "- Đến năm 2028, bồi dưỡng 200 bác sĩ về ứng dụng trí tuệ nhân tạo trong khám, chữa bệnh.") == [
        ("kỹ sư điện tử, bán dẫn được đào tạo", "=", "1500", 2030),
        ("tiến sĩ về làm việc tại các viện, trường của tỉnh được thu hút", ">=", "30", 2030),
        ("bác sĩ về ứng dụng trí tuệ nhân tạo trong khám, chữa bệnh được bồi dưỡng", "=", "200", 2028)]


def test_an_estimate_is_no_part_of_the_name() -> None:
    assert _targets("- Đến năm 2030, đào tạo khoảng 2.000 người về kỹ năng số cơ bản.") == [
        ("người về kỹ năng số cơ bản được đào tạo", "=", "2000", 2030)]


def test_a_part_of_a_count_is_a_target_of_its_own() -> None:
    assert _targets("- Đến năm 2030, đào tạo khoảng 2.000 kỹ sư công nghệ thông tin, trong đó có 300 kỹ sư an toàn "
                    "thông tin.") == [
        ("kỹ sư công nghệ thông tin được đào tạo", "=", "2000", 2030),
        ("kỹ sư an toàn thông tin", "=", "300", 2030)]
