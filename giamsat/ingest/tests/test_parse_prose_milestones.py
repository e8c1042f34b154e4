"""Objectives in prose that set one indicator's figures for several years in one sentence ("đạt 40% vào năm
2026 và 90% vào năm 2030"), count a noun their name counts ("Số hợp tác xã … đạt 120 hợp tác xã"), or
measure an area in hectares with a thousands dot ("8.000 ha")."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text


def _targets(*items: str) -> list[tuple[str, str | None, str | None, str | None, int | None, dict[str, str]]]:
    text = "\n".join(["KẾ HOẠCH", "Chuyển đổi số ngành y tế tỉnh Bắc Sơn", "I. MỤC TIÊU", "1. Mục tiêu chung",
                      "Phát triển y tế số.", "2. Mục tiêu cụ thể", *items, "II. NHIỆM VỤ", "1. Triển khai kế hoạch."])
    return [(t.name, t.comparator, t.value, t.unit, t.year, t.milestones) for t in parse_text(text).targets]


def test_two_years_figures_of_one_indicator_in_one_sentence() -> None:
    assert _targets("a) Tỷ lệ trạm y tế xã có bệnh án điện tử đạt 40% vào năm 2026 và 90% vào năm 2030.") == [
        ("Tỷ lệ trạm y tế xã có bệnh án điện tử", "=", "40", "%", 2026, {"2026": "40", "2030": "90"})]


def test_a_lower_bound_holds_for_every_year_listed() -> None:
    assert _targets("b) Tỷ lệ người dân có hồ sơ sức khỏe điện tử đạt tối thiểu 50% vào năm 2026, "
                    "70% vào năm 2027 và 95% vào năm 2030.") == [
        ("Tỷ lệ người dân có hồ sơ sức khỏe điện tử", ">=", "50", "%", 2026,
         {"2026": "≥ 50", "2027": "≥ 70", "2030": "≥ 95"})]


def test_a_counted_noun_the_name_counts() -> None:
    assert _targets("c) Số nhà thuốc kết nối liên thông đơn thuốc điện tử đạt 300 nhà thuốc năm 2026 "
                    "và 800 nhà thuốc năm 2030.") == [
        ("Số nhà thuốc kết nối liên thông đơn thuốc điện tử", "=", "300", "nhà thuốc", 2026,
         {"2026": "300", "2030": "800"})]


def test_hectares_with_a_thousands_dot() -> None:
    assert _targets("d) Diện tích dược liệu trồng theo chuẩn được quản lý bằng bản đồ số đạt tối thiểu "
                    "2.500 ha vào năm 2030.") == [
        ("Diện tích dược liệu trồng theo chuẩn được quản lý bằng bản đồ số", ">=", "2500", "ha", 2030, {})]


def test_figures_of_two_indicators_are_not_joined() -> None:
    got = _targets("e) Đến năm 2026, 60% trạm y tế xã có bác sĩ; đến năm 2030, 90% trạm y tế xã có bác sĩ "
                   "tư vấn từ xa.")
    assert [(t[2], t[4], t[5]) for t in got] == [("60", 2026, {}), ("90", 2030, {})]


def test_standards_a_ministry_counts() -> None:
    got = _targets("f) Đến năm 2030, ban hành ít nhất 06 quy chuẩn kỹ thuật về hồ sơ bệnh án điện tử.")
    assert [(t[1], t[2], t[4]) for t in got] == [(">=", "06", 2030)]
    assert "quy chuẩn kỹ thuật về hồ sơ bệnh án điện tử" in got[0][0]
