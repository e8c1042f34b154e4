"""Prose targets (targets.prose_targets) in phrasings real plans use: a school's targets "trong năm học
2026 - 2027" are due at the end of that school year; a count of lessons or topics ("tối thiểu 30 bài giảng",
"ít nhất 12 chuyên đề") is a target like a count of enterprises; a milestone written with its own bound word
("…, đến năm 2030 đạt trên 90%") keeps that bound. Made-up plans."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = ["TRƯỜNG THCS HÒA BÌNH", "KẾ HOẠCH", "Ứng dụng công nghệ thông tin năm học 2026 - 2027", "",
        "I. MỤC ĐÍCH, YÊU CẦU", "Đẩy mạnh chuyển đổi số trong nhà trường.", "", "II. MỤC TIÊU"]


def _targets(lines: list[str]) -> list[tuple[str, str | None, str | None, int | None, dict[str, str] | None]]:
    plan = parse_text("\n".join([*HEAD, *lines]))
    return [(t.name, t.comparator, t.value, t.year, t.milestones or None) for t in plan.targets]


def test_a_school_year_heading_gives_its_end_year() -> None:
    got = _targets(["2. Chỉ tiêu cụ thể trong năm học 2026 - 2027",
                    "- 100% giáo viên sử dụng sổ liên lạc điện tử;",
                    "- Ít nhất 25% số tiết dạy có sử dụng học liệu số."])
    assert [(name, year) for name, _, _, year, _ in got] == [
        ("giáo viên sử dụng sổ liên lạc điện tử", 2027), ("số tiết dạy có sử dụng học liệu số", 2027)]


def test_counted_lessons_and_topics_are_targets() -> None:
    got = _targets(["Chỉ tiêu năm 2027:",
                    "- Xây dựng tối thiểu 30 bài giảng E-learning đưa lên kho học liệu của trường;",
                    "- Biên soạn ít nhất 12 chuyên đề điện tử cho học sinh."])
    assert [(cmp, value) for _, cmp, value, _, _ in got] == [(">=", "30"), (">=", "12")]
    assert "bài giảng E-learning" in got[0][0] and "chuyên đề điện tử" in got[1][0]


def test_a_milestone_keeps_its_own_bound_word() -> None:
    got = _targets(["- Tỷ lệ cửa hàng áp dụng thanh toán điện tử: năm 2026 đạt 50%, năm 2027 đạt 65%, "
                    "đến năm 2030 đạt trên 90%;",
                    "- Tỷ lệ hộ dùng cáp quang đạt 70% vào năm 2026, trên 85% vào năm 2028 và 100% vào năm 2030;",
                    "- Tỷ lệ xã có điểm wifi công cộng đạt 40% vào năm 2026 và 60% trở lên vào năm 2030."])
    assert [ms for *_, ms in got] == [{"2026": "50", "2027": "65", "2030": "> 90"},
                                      {"2026": "70", "2028": "> 85", "2030": "100"},
                                      {"2026": "40", "2030": "≥ 60"}]


def test_a_figure_for_a_period_is_due_at_its_end() -> None:
    got = _targets(["- Năng suất lao động tăng bình quân 6,5%/năm giai đoạn 2026-2030;",
                    "- Thu hút ít nhất 20 dự án đầu tư công nghệ cao trong giai đoạn 2026 - 2030;",
                    "- Số doanh nghiệp tăng 20% so với giai đoạn 2021-2025."])
    assert [(name, value, year) for name, _, value, year, _ in got] == [
        ("Năng suất lao động tăng bình quân", "6,5", 2030), ("dự án đầu tư công nghệ cao được thu hút", "20", 2030),
        ("Số doanh nghiệp", "20", None)]
